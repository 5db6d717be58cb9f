"""The Python API layer: griffe's breaking-change check on every import package the wheel ships.

The packages are those of pyproject's `[tool.hatch.build.targets.wheel] sources` folders (overlays/ and
generated/): `ticketkit`, `ticketkit_models` and each vendor's generated client, at REF and now. griffe reads the
source (no import), so REF's code needs no installing. griffe reports only breakage: a package that is new, or
an addition to one, is compatible and not listed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import griffe

from .changes import Change


def source_folders(root: Path) -> list[Path]:
    """The folders the wheel takes its import packages from, as pyproject.toml says."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = data.get("tool", {}).get("hatch", {}).get("build", {}).get("targets", {}).get("wheel", {})
    return [root / folder for folder in wheel.get("sources", [])]


def packages(root: Path) -> dict[str, Path]:
    """Every import package under the source folders: its name and the folder it is in."""
    found = {}
    for folder in source_folders(root):
        if folder.is_dir():
            for package in sorted(folder.iterdir()):
                if (package / "__init__.py").is_file():
                    found[package.name] = folder
    return found


def diff_python(old_root: Path, new_root: Path) -> list[Change]:
    old, new = packages(old_root), packages(new_root)
    changes = [Change("python", name, name, "package removed", True) for name in sorted(old.keys() - new.keys())]
    changes += [Change("python", name, name, "new package", False) for name in sorted(new.keys() - old.keys())]
    for name in sorted(old.keys() & new.keys()):
        before = _load(name, old[name])
        after = _load(name, new[name])
        for breakage in griffe.find_breaking_changes(before, after):
            changes.append(Change("python", name, _where(breakage), _what(breakage), True))
    return changes


def _load(name: str, folder: Path) -> Any:
    # A fresh collection each time: REF's and the working tree's packages have the same names.
    return griffe.load(
        name,
        search_paths=[folder],
        try_relative_path=False,
        allow_inspection=False,
        modules_collection=griffe.ModulesCollection(),
    )


def _where(breakage: Any) -> str:
    path = str(breakage.obj.path)
    for value in (breakage.new_value, breakage.old_value):
        if isinstance(value, griffe.Parameter):
            return f"{path}({value.name})"
    return path


def _what(breakage: Any) -> str:
    words = str(breakage.kind.value).lower()
    old, new = breakage.old_value, breakage.new_value
    if isinstance(new, griffe.Parameter) or isinstance(old, griffe.Parameter):
        return words
    if old is not None and new is not None:
        return f"{words}: {old} -> {new}"
    return words
