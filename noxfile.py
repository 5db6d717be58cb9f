"""Every workflow of the project: generate, check_generated, lint, typecheck, tests, demo, contract, bench.

`nox -s generate` is the only writer of `generated/`; `nox -s check_generated` proves that what is
committed there is exactly what the specs produce. A vendor's client is generated from every
`specs/<vendor>.yaml` that has a `specs/<vendor>.config.yaml` beside it: a new vendor needs no edit here.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import re
import shutil
import sys
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
# tests/typing's user programs are checked by pyright as well as mypy. Pinned exactly: a new pyright reports
# differently. The PyPI package fetches its node package from the npm registry on first run.
PYRIGHT = "pyright==1.1.414"
# Our copy of the generator's model template (see its header): it must come from the template the pinned
# generator ships, so upgrading the generator means re-deriving the copy, never running a stale one.
TEMPLATES = SPECS / "templates"
UPSTREAM_MODEL_TEMPLATE_SHA256 = "fd1c79680d51c06cfbb89809ad123750ba9add98b688036c04cabbf1f8ba40a0"
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

# The vendors with a generated client: each spec with its generator config beside it (unified.yaml has none).
VENDORS = tuple(sorted(spec.stem for spec in SPECS.glob("*.yaml") if (SPECS / f"{spec.stem}.config.yaml").is_file()))

# The contract session's mock server, from the npm registry. Pinned exactly: 5.15 and later need Node.js 24,
# and a different Prism validates and generates differently.
PRISM = "@stoplight/prism-cli"
PRISM_VERSION = "5.14.2"
PRISM_NODE = (18, 20, 1)  # the engines field of that version
INTERCOM_REFERENCES = ("intercom-openapi-2.11.yaml", "intercom-openapi-2.16.yaml")
# The vendors' own clients the contract session runs against our served sandboxes (shared/reference/clients/).
# Tickiti's MCP server is built from its source with its lock file (npm registry); the Python MCP client that
# drives it over stdio and the official Intercom SDK come from PyPI, pinned exactly; Ankra's client code is
# compiled with Go, from the Debian registry when the machine has none.
TICKITI_MCP = "tickiti-mcp"
MCP_CLIENT = "mcp==1.26.0"
INTERCOM_SDK = "python-intercom==5.0.1"
ANKRA_CLI = "ankra-cli"
GO_DEBIAN_PACKAGE = "golang-go"

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]


def _generate_into(session: nox.Session, out_root: Path, vendors: tuple[str, ...]) -> None:
    """Write each vendor's client package into `out_root/<vendor>_client`."""
    _check_upstream_template(session)
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
            "--custom-template-path",
            str(TEMPLATES),
            silent=True,
        )
        # PEP 561 marker: the generator's "none" layout leaves it out, and mypy users need it.
        (package / "py.typed").write_text("")


def _check_upstream_template(session: nox.Session) -> None:
    """Stop when the installed generator's model template is not the one specs/templates/ was derived from."""
    script = (
        "import hashlib, importlib.resources as r; "
        "print(hashlib.sha256((r.files('openapi_python_client') / 'templates' / 'model.py.jinja')"
        ".read_bytes()).hexdigest())"
    )
    digest = str(session.run("python", "-c", script, silent=True) or "").strip()
    if digest != UPSTREAM_MODEL_TEMPLATE_SHA256:
        session.error(
            f"{GENERATOR.split('==')[0]}'s templates/model.py.jinja is not the one specs/templates/model.py.jinja "
            f"was derived from (sha256 {digest}): apply that file's one change to the new template, then update "
            "UPSTREAM_MODEL_TEMPLATE_SHA256"
        )


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


# -- The change gate (issue 17): api_diff, the wire golden files, the changelog --------------------------------
# griffe reads both trees' Python API and reports breakage; pinned exactly (a new griffe may judge differently).
# The same pin is in pyproject's `test` extra (tests/test_api_diff.py holds the two equal).
GRIFFE = "griffe==2.4.1"
TOWNCRIER = "towncrier==26.9.0"
API_DIFF = ROOT / "tools"


@nox.session
def api_diff(session: nox.Session) -> None:
    """What changed in the API (specs, Python, wire) between REF and the working tree, the version bump it calls
    for, and the gate: `-- [REF] [--draft-fragment] [--report PATH]`; REF defaults to the last `v*` tag, else the
    merge base with main (`merge-base` asks for that). Writes build/api-diff.md; fails on a breaking change
    without the version bump and a changelog fragment naming it."""
    session.install(GRIFFE, "PyYAML>=6")
    session.run("python", "-m", "api_diff", "--root", str(ROOT), *session.posargs, env={"PYTHONPATH": str(API_DIFF)})


@nox.session
def wire(session: nox.Session) -> None:
    """Check the requests each vendor's scenario sends against tests/wire/; `-- --update` rewrites the files."""
    if session.posargs == ["--update"]:
        session.install(".")
        session.run("python", "tests/wire_calls.py", "--update")
        return
    session.install(".[test]")
    session.run("pytest", "tests/test_wire_golden.py", *session.posargs)


@nox.session
def changelog(session: nox.Session) -> None:
    """Build CHANGELOG.md from the fragments in changelog.d/ for the project's version (`-- --draft` only prints)."""
    session.install(TOWNCRIER)
    sys.path.insert(0, str(API_DIFF))  # api_diff's version reader needs only the standard library
    from api_diff.version import project_version

    version = project_version(ROOT)
    session.run("towncrier", "build", "--version", version, *(session.posargs or ["--yes"]))


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on everything hand-written (generated/ is excluded in pyproject.toml)."""
    session.install(RUFF)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def tests(session: nox.Session) -> None:
    """Install the distribution as a user would (not editable) and run pytest."""
    session.install(".[test,dlt]")  # tests/test_dlt.py needs the dlt extra
    session.run("pytest", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """Create, comment, read, list and close in a sandbox of every vendor, through one interface."""
    session.install(".")
    session.run("ticketkit", "demo")


# The documentation site (mkdocs.yml, docs/), built from the docs extra of pyproject.toml, then checked in headless
# Chromium from Debian's package (installed when missing, as the contract session installs Go), which Playwright
# drives: pinned exactly, and it never downloads a browser of its own.
PLAYWRIGHT = "playwright==1.65.2"
CHROMIUM_DEBIAN_PACKAGE = "chromium"
DOCS_SITE = ROOT / "site"
DOCS_SCREENSHOT = ROOT / "build" / "docs-front.png"


def _chromium(session: nox.Session) -> Path:
    """The Chromium executable the site check drives."""
    return _debian_tool(session, ("chromium", "chromium-browser"), CHROMIUM_DEBIAN_PACKAGE, "docs")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into site/ with `mkdocs build --strict` (a warning fails), then open it in
    headless Chromium: every page, every internal link, the search; a screenshot of the front page goes to
    build/docs-front.png. `nox -s docs -- build` only builds."""
    # Ruff: mkdocstrings formats the API reference's separate signatures with it (the lint session's pin).
    session.install(".[docs]", PLAYWRIGHT, RUFF)
    env = {"NO_MKDOCS_2_WARNING": "1"}  # Material's notice about MkDocs 2.0, printed on every build
    session.run("mkdocs", "build", "--strict", "--clean", "--site-dir", str(DOCS_SITE), env=env)
    if "build" in session.posargs:
        return
    chromium = _chromium(session)
    session.run(
        "python",
        "docs/_scripts/check_site.py",
        "--site",
        str(DOCS_SITE),
        "--chromium",
        str(chromium),
        "--screenshot",
        str(DOCS_SCREENSHOT),
    )


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlay; mypy --strict and pyright on tests/typing's user programs (run_checkers.py)."""
    session.install(".[dlt]", "mypy==2.4.1", PYRIGHT)  # ticketkit.dlt is checked against dlt's own types
    session.run("mypy", "--strict", "overlays/ticketkit")
    # Users' programs (the README's examples, assert_type checks, deliberate mistakes marked `# E: code`),
    # against the installed package: both checkers must pass the clean lines and report each marked one.
    session.run("python", "tests/typing/run_checkers.py")


def _shared_dir() -> Path | None:
    """shared/ beside the checkout, found as tests/support.py:shared_dir() finds it."""
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (candidate / "VENDORS.md").is_file():
            return candidate
    return None


def _install_prism(session: nox.Session) -> Path:
    """Prism in .nox/prism-<version>/ (outside the repo's tracked files); once there, no network is needed."""
    node = shutil.which("node")
    if node is None or shutil.which("npm") is None:
        session.error("contract: Prism needs Node.js and npm on PATH")
    version = str(session.run("node", "--version", silent=True, external=True) or "").strip()
    found = tuple(int(n) for n in re.findall(r"\d+", version)[:3])
    if found < PRISM_NODE:
        needed = ".".join(map(str, PRISM_NODE))
        session.error(f"contract: Prism {PRISM_VERSION} needs Node.js >= {needed}, found {version}")
    prefix = Path(session.virtualenv.location).parent / f"prism-{PRISM_VERSION}"
    executable = prefix / "node_modules" / ".bin" / "prism"
    if executable.is_file():
        session.log(f"Prism {PRISM_VERSION} is installed in {prefix}")
        return executable
    # Installed into a scratch folder and renamed when complete, so an interrupted install never looks done.
    partial = prefix.with_name(prefix.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    session.run(
        "npm",
        "install",
        "--prefix",
        str(partial),
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",  # nothing to build; and no install step may fetch anything but packages
        "--loglevel=error",
        f"{PRISM}@{PRISM_VERSION}",
        external=True,
    )
    partial.rename(prefix)
    return executable


def _build_tickiti_mcp(session: nox.Session, shared: Path) -> Path:
    """Tickiti's MCP server built from shared/reference/clients/tickiti-mcp into .nox/; returns dist/server.js.

    The source is copied (never built inside shared/), its dependencies installed from its own lock file, and
    the build is renamed into place when complete, so an interrupted build never looks done.
    """
    source = shared / "reference" / "clients" / TICKITI_MCP
    if not (source / "package-lock.json").is_file():
        session.error(f"contract: {source} is missing (Tickiti's own MCP server, see its README)")
    digest = _tree_digest(source)
    target = Path(session.virtualenv.location).parent / f"{TICKITI_MCP}-{digest[:12]}"
    server = target / "dist" / "server.js"
    if server.is_file():
        session.log(f"{TICKITI_MCP} is built in {target}")
        return server
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(source, partial)
    npm = ("npm", "--prefix", str(partial), "--no-audit", "--no-fund", "--loglevel=error")
    session.run(*npm, "ci", "--ignore-scripts", external=True)
    session.run(*npm, "exec", "--", "tsc", "-p", str(partial / "tsconfig.json"), external=True)
    partial.rename(target)
    return server


def _tree_digest(folder: Path) -> str:
    """A digest of every file under `folder`: a changed client source means a fresh build."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _debian_tool(session: nox.Session, names: tuple[str, ...], package: str, needed_for: str) -> Path:
    """The first of `names` on PATH: the machine's, or Debian's `package` installed here (CI's clean machine has
    none). A fresh machine's package lists may be missing or stale, so they are read first."""
    found = next(filter(None, map(shutil.which, names)), None)
    if found is None:
        session.log(f"{needed_for}: no {names[0]} on PATH; installing Debian's {package}")
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", package, external=True)
        found = next(filter(None, map(shutil.which, names)), None)
    if found is None:
        session.error(f"{needed_for} needs {names[0]} ({package} did not install)")
    return Path(found)


def _go(session: nox.Session) -> Path:
    """The `go` executable, to compile Ankra's client code."""
    return _debian_tool(session, ("go",), GO_DEBIAN_PACKAGE, "contract")


@nox.session
def contract(session: nox.Session) -> None:
    """ticketkit against references it did not write, and the vendors' own clients against our sandboxes.

    - the Intercom desk and generated client against Intercom's official 2.11 and 2.16 specs, served by Prism;
    - Tickiti's MCP server (built here), Ankra's client code (compiled here) and the official Intercom SDK,
      each against a served sandbox of its vendor.

    Needs shared/reference/ beside the checkout (CI has it). Prints the run's counts at the end; arguments
    after `--` go to pytest.
    """
    shared = _shared_dir()
    if shared is None:
        session.error(
            f"contract: shared/ is not beside this checkout (looked in {ROOT.parent} and {ROOT.parent.parent}); "
            f"it holds Intercom's official specs in shared/reference/ ({', '.join(INTERCOM_REFERENCES)})"
        )
    missing = [name for name in INTERCOM_REFERENCES if not (shared / "reference" / name).is_file()]
    if missing:
        session.error(f"contract: {shared / 'reference'} lacks {', '.join(missing)}")
    prism = _install_prism(session)
    tickiti_mcp = _build_tickiti_mcp(session, shared)
    go = _go(session)
    session.install(".[test]", MCP_CLIENT, INTERCOM_SDK)
    tmp = Path(session.create_tmp())
    report = tmp / "contract-report.json"
    report.unlink(missing_ok=True)
    env = {
        "TICKETKIT_PRISM": str(prism),
        "TICKETKIT_CONTRACT_REPORT": str(report),
        "TICKETKIT_TICKITI_MCP": str(tickiti_mcp),
        "TICKETKIT_GO": str(go),
        "TICKETKIT_ANKRA_CLI": str(shared / "reference" / "clients" / ANKRA_CLI),
    }
    try:
        session.run(
            "pytest",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp / "pytest"),
            "tests/contract",
            *session.posargs,
            env=env,
        )
    finally:
        _summarize(session, report)


def _summarize(session: nox.Session, report: Path) -> None:
    if not report.is_file():
        session.warn(f"contract: no report at {report} (pytest stopped before the end)")
        return
    data = json.loads(report.read_text(encoding="utf-8"))
    session.log(f"contract report: {report}")
    for version, v in data["versions"].items():
        parsed = v["responses_parsed"]
        with_nulls = sum(v["responses_parsed_with_nulls_the_reference_allows"].values())
        refused = sum(v["responses_refused_for_nulls_the_reference_allows"].values())
        session.log(
            f"Intercom {version}: {len(v['reference_operations'])} reference operations, "
            f"{len(v['our_operations'])} of ours; {v['requests']} requests (statuses {v['statuses']}), "
            f"{v['requests_with_the_references_own_examples']} with Intercom's own request examples; "
            f"responses parsed: {parsed.get('example', 0)} examples + {parsed.get('dynamic', 0)} dynamic; "
            f"{with_nulls} parsed with a null the reference allows; {refused} refused by the desk (a null where "
            "the one ticket of a get, create or update belongs); "
            f"{len(v['examples_breaking_their_own_schema'])} response / "
            f"{len(v['request_examples_breaking_their_own_schema'])} request examples break Intercom's own schema"
        )
        for note in v["other_discrepancies"]:
            session.log(f"Intercom {version}: {note}")


@nox.session
def bench(session: nox.Session) -> None:
    """ticketkit's cost against raw httpx and the official Intercom SDK, and the bulk export's rate, speed-up,
    memory and resume cost; writes BENCHMARKS.md (not a test). `nox -s bench -- export` runs and prints only
    the export's, without writing."""
    # python-intercom is the official SDK, installed here only, as the parse benchmark's peer.
    session.install(".[dlt]", "python-intercom==5.0.1", "nox==2026.10.20")  # [dlt]: the sync benchmark
    session.run("python", "benchmarks/bench.py", *session.posargs)
