"""Every workflow of the project: generate, check_generated, lint, typecheck, tests.

`nox -s generate` is the only writer of `generated/`; `nox -s check_generated` proves that what is
committed there is exactly what the specs produce.
"""

from __future__ import annotations

import filecmp
import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"

# Pinned exactly: a different generator or formatter version writes different code, and
# check_generated would then report drift that no spec change caused.
GENERATOR = "openapi-python-client==0.29.1"
MODEL_GENERATOR = "datamodel-code-generator==0.89.0"
RUFF = "ruff==0.17.6"
MODELS = "ticketkit_models"
# The unified model: frozen, keyword-only dataclasses (no runtime dependency), str enums, aware datetimes.
MODEL_OPTIONS = (
    "--input-file-type=jsonschema",
    "--output-model-type=dataclasses.dataclass",
    "--frozen-dataclasses",
    "--keyword-only",
    "--target-python-version=3.11",
    "--use-standard-collections",
    "--use-union-operator",
    "--use-subclass-enum",
    "--capitalise-enum-members",
    "--strict-nullable",
    "--output-datetime-class=datetime",
    "--use-schema-description",
    "--use-field-description",
    "--use-exact-imports",
    "--use-double-quotes",
    "--disable-timestamp",
    "--formatters=ruff-format",
)

VENDORS = ("routera", "intercom", "tickiti", "ankra")

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]


def _generate_into(session: nox.Session, out_root: Path, vendors: tuple[str, ...]) -> None:
    """Write each vendor's client package into `out_root/<vendor>_client`."""
    for vendor in vendors:
        package = out_root / f"{vendor}_client"
        session.run(
            "openapi-python-client",
            "generate",
            "--path",
            str(SPECS / f"{vendor}.yaml"),
            "--config",
            str(SPECS / f"{vendor}.config.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(package),
            "--overwrite",
            "--fail-on-warning",
            silent=True,
        )
        # PEP 561 marker: the generator's "none" layout leaves it out, and mypy users need it.
        (package / "py.typed").write_text("")


def _generate_models_into(session: nox.Session, out_root: Path) -> None:
    """Write the unified model package into `out_root/ticketkit_models`."""
    package = out_root / MODELS
    package.mkdir(parents=True, exist_ok=True)
    session.run(
        "datamodel-codegen",
        "--input",
        str(SPECS / "unified.yaml"),
        "--output",
        str(package / "__init__.py"),
        *MODEL_OPTIONS,
        silent=True,
    )
    (package / "py.typed").write_text("")


def _install_generators(session: nox.Session) -> None:
    session.install(GENERATOR, MODEL_GENERATOR, RUFF)


def _selected_vendors(session: nox.Session) -> tuple[str, ...]:
    unknown = [name for name in session.posargs if name not in VENDORS]
    if unknown:
        session.error(f"unknown vendor(s) {unknown}; choose from {list(VENDORS)}")
    return tuple(session.posargs) or VENDORS


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from specs/ (optionally only the vendors named after `--`)."""
    _install_generators(session)
    GENERATED.mkdir(exist_ok=True)
    _generate_into(session, GENERATED, _selected_vendors(session))
    if not session.posargs:
        _generate_models_into(session, GENERATED)


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail, naming the files, if generated/ differs from what the specs produce now."""
    _install_generators(session)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        _generate_into(session, fresh, VENDORS)
        _generate_models_into(session, fresh)
        drift: list[str] = []
        for name in [f"{vendor}_client" for vendor in VENDORS] + [MODELS]:
            drift += _tree_differences(fresh / name, GENERATED / name, name)
    if drift:
        session.error("generated/ is out of date with specs/; run `nox -s generate`:\n  " + "\n  ".join(drift))
    session.log("generated/ matches specs/")


def _tree_differences(expected: Path, actual: Path, label: str) -> list[str]:
    """Paths (relative to generated/) that are missing, extra or different in `actual`."""
    if not actual.exists():
        return [f"{label}/ (missing)"]
    out: list[str] = []
    comparison = filecmp.dircmp(expected, actual, ignore=["__pycache__"])
    out += [f"{label}/{name} (missing)" for name in comparison.left_only]
    out += [f"{label}/{name} (not generated)" for name in comparison.right_only]
    for name in comparison.common_files:
        if not filecmp.cmp(expected / name, actual / name, shallow=False):
            out.append(f"{label}/{name} (differs)")
    for sub in comparison.common_dirs:
        out += _tree_differences(expected / sub, actual / sub, f"{label}/{sub}")
    return out


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on everything hand-written (generated/ is excluded in pyproject.toml)."""
    session.install(RUFF)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def tests(session: nox.Session) -> None:
    """Install the distribution as a user would (not editable) and run pytest."""
    session.install(".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """Create, comment, read, list and close in sandboxes of all four vendors, through one interface."""
    session.install(".")
    session.run("ticketkit", "demo")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlay, against the installed generated packages."""
    session.install(".", "mypy==2.4.1", "types-tqdm")
    session.run("mypy", "--strict", "overlays/ticketkit")
