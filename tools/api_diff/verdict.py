"""The verdict: the version bump the changes call for, and the gate (a breaking change needs that bump in the
project's version and a changelog fragment that names it).

Semantic versioning, with the pre-1.0 rule this project follows: in 0.y.z a breaking change bumps y and
anything else (a compatible addition or a fix) bumps z; from 1.0.0 on, breaking bumps x, a compatible
addition bumps y, a fix bumps z. The gate enforces only the breaking rule; the rest is a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import pyapi
from .changes import Change
from .version import VERSION, VersionError, project_version, version_file

FRAGMENTS = Path("changelog.d")


def parts(version: str) -> tuple[int, int, int]:
    match = VERSION.match(version)
    if match is None:
        raise VersionError(f"version {version!r} is not x.y.z")
    major, minor, patch = (int(n) for n in match.groups())
    return major, minor, patch


def suggested_bump(version: str, changes: list[Change]) -> tuple[str, str]:
    """(the part to bump, the next version) for `changes` on top of `version`; ("none", version) for none."""
    major, minor, patch = parts(version)
    if not changes:
        return "none", version
    breaking = any(change.breaking for change in changes)
    if major == 0:
        return ("minor", f"0.{minor + 1}.0") if breaking else ("patch", f"0.{minor}.{patch + 1}")
    if breaking:
        return "major", f"{major + 1}.0.0"
    return "minor", f"{major}.{minor + 1}.0"


def bumped_enough(old: str, new: str, part: str) -> bool:
    """Whether going from `old` to `new` bumps at least `part` ("major", "minor", "patch", "none")."""
    before, after = parts(old), parts(new)
    rank = {"none": 3, "patch": 2, "minor": 1, "major": 0}[part]
    if rank == 3:
        return after >= before
    return after[: rank + 1] > before[: rank + 1]


def subject_name(subject: str) -> str:
    """The word a changelog entry uses for a subject: `intercom_client` is Intercom's."""
    return subject.removesuffix("_client")


def new_fragments(old_root: Path, new_root: Path, kind: str) -> dict[str, str]:
    """Fragments of `kind` (changelog.d/*.<kind>.md) that are new or changed since REF: name -> text."""
    found = {}
    for path in sorted((new_root / FRAGMENTS).glob(f"*.{kind}.md")):
        text = path.read_text(encoding="utf-8")
        before = old_root / FRAGMENTS / path.name
        if not before.is_file() or before.read_text(encoding="utf-8") != text:
            found[path.name] = text
    return found


def stale_versions(root: Path, old: str, new: str) -> list[str]:
    """Where the hand-written package sources still say `old` after the version moved to `new` ("file:line").

    ticketkit writes its version once (`_version.py`; pyproject.toml reads it), so this finds nothing after a
    bump today: it guards against a copy written again by hand (a User-Agent string), which a bump would miss.
    """
    if old == new:
        return []
    quoted = re.compile(rf"[\"'/]{re.escape(old)}[\"']")
    found = []
    for folder in pyapi.source_folders(root):
        for path in sorted(folder.rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if quoted.search(line):
                    found.append(f"{path.relative_to(root)}:{number}")
    return found


@dataclass(frozen=True)
class Gate:
    passed: bool
    reasons: tuple[str, ...]
    part: str
    next_version: str
    old_version: str
    new_version: str


def gate(old_root: Path, new_root: Path, changes: list[Change]) -> Gate:
    old_version, new_version = project_version(old_root), project_version(new_root)
    part, next_version = suggested_bump(old_version, changes)
    breaking = [change for change in changes if change.breaking]
    reasons = []
    stale = stale_versions(new_root, old_version, new_version)
    if stale:
        reasons.append(f"the version is {new_version} but these still say {old_version}: {', '.join(stale)}")
    if breaking:
        if not bumped_enough(old_version, new_version, part):
            reasons.append(
                f"breaking changes need at least version {next_version} in "
                f"{version_file(new_root).relative_to(new_root)} "
                f"(REF has {old_version}, the working tree {new_version})"
            )
        fragments = new_fragments(old_root, new_root, "breaking")
        text = "\n".join(fragments.values()).lower()
        unnamed = sorted({subject_name(c.subject) for c in breaking if subject_name(c.subject).lower() not in text})
        if not fragments:
            reasons.append(
                "breaking changes need a changelog fragment changelog.d/<name>.breaking.md "
                "(`nox -s api_diff -- --draft-fragment` drafts one)"
            )
        elif unnamed:
            reasons.append(
                f"no new breaking changelog fragment names {', '.join(unnamed)} (fragments: {', '.join(fragments)})"
            )
    return Gate(not reasons, tuple(reasons), part, next_version, old_version, new_version)


def draft_fragment(root: Path, changes: list[Change], name: str = "+api-diff") -> Path:
    """Write changelog.d/<name>.breaking.md listing the breaking changes by subject; never over an existing one."""
    path = root / FRAGMENTS / f"{name}.breaking.md"
    if path.exists():
        raise FileExistsError(f"{path} exists: edit it, or remove it to draft again")
    lines = ["Changes that break callers (drafted by `nox -s api_diff -- --draft-fragment`):", ""]
    for subject in sorted({subject_name(c.subject) for c in changes if c.breaking}):
        items = [c for c in changes if c.breaking and subject_name(c.subject) == subject]
        details = "; ".join(f"{c.where}: {c.what}" for c in items[:6])
        more = f" (and {len(items) - 6} more)" if len(items) > 6 else ""
        lines.append(f"- {subject} ({', '.join(sorted({c.layer for c in items}))}): {details}{more}.")
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
