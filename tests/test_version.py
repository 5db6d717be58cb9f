"""The version is written once, in pyproject.toml: `ticketkit.__version__` and the User-Agent every request
carries come from the installed metadata, so a release bumps one line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import ticketkit
from desk_support import Recorder, ok, sync_desk

ROOT = Path(__file__).resolve().parent.parent


def pyproject_version() -> str:
    version: str = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    return version


def test_the_version_is_pyprojects() -> None:
    assert ticketkit.__version__ == pyproject_version()


def test_every_request_names_the_version_in_its_user_agent() -> None:
    script = Recorder().on("GET", "/tickets/1", ok({"id": "1", "fields": {}}))
    with sync_desk("routera", script) as desk:
        desk.request("GET", "/tickets/1")
    assert script.only.headers["user-agent"] == f"ticketkit/{pyproject_version()}"


def test_no_overlay_source_writes_the_version_again() -> None:
    version = pyproject_version()
    written = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "overlays").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if f'"{version}"' in line or f"/{version}" in line
    ]
    assert written == []
