"""The version is written once, in `overlays/ticketkit/_version.py`: the built package's metadata (hatch reads
pyproject.toml's dynamic version from that file), `ticketkit.__version__` and the User-Agent every request
carries all say it, so a release bumps one line."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import ticketkit
from desk_support import Recorder, ok, sync_desk

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from api_diff import verdict  # noqa: E402

VERSION_FILE = ROOT / "overlays" / "ticketkit" / "_version.py"


def test_the_installed_metadata_the_source_and_the_package_agree() -> None:
    assert verdict.version_file(ROOT) == VERSION_FILE
    assert ticketkit.__version__ == verdict.project_version(ROOT) == importlib.metadata.version("ticketkit")


def test_every_request_names_the_version_in_its_user_agent() -> None:
    script = Recorder().on("GET", "/tickets/1", ok({"id": "1", "fields": {}}))
    with sync_desk("routera", script) as desk:
        desk.request("GET", "/tickets/1")
    assert script.only.headers["user-agent"] == f"ticketkit/{verdict.project_version(ROOT)}"


def test_no_other_source_writes_the_version_again() -> None:
    # What the change gate would name as stale after a bump: every quoted copy of today's version.
    written = verdict.stale_versions(ROOT, verdict.project_version(ROOT), "99.0.0")
    assert written == [f"{VERSION_FILE.relative_to(ROOT)}:5"]
