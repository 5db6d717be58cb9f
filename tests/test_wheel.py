"""The wheel as users install it: every import package it ships is marked typed (PEP 561 `py.typed`).

Built here with the hatchling the test extra installs (no build isolation, no index: nothing is fetched).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    subprocess.run([*command, "--quiet", "--wheel-dir", str(out), str(ROOT)], check=True, cwd=out)
    (built,) = out.glob("ticketkit-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def expected_packages() -> set[str]:
    """The overlay and every package in generated/ (each vendor's client and the unified model), found there."""
    generated = {p.name for p in GENERATED.iterdir() if (p / "__init__.py").is_file()}
    assert "ticketkit_models" in generated
    assert {name for name in generated if name.endswith("_client")}, "no vendor client in generated/"
    return {"ticketkit", *generated}


def shipped_packages(archive: zipfile.ZipFile) -> set[str]:
    return {name.split("/")[0] for name in archive.namelist() if name.count("/") == 1 and name.endswith("__init__.py")}


def test_the_wheel_ships_the_overlay_and_every_generated_package(wheel: zipfile.ZipFile) -> None:
    assert shipped_packages(wheel) == expected_packages()


def test_every_shipped_package_is_marked_typed(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    untyped = sorted(package for package in shipped_packages(wheel) if f"{package}/py.typed" not in names)
    assert not untyped, f"no py.typed in {untyped}"
    assert {f"{package}/py.typed" for package in expected_packages()} <= names
