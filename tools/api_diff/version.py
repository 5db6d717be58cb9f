"""The project's version, wherever pyproject.toml says it is written: its own `[project] version`, or, when that
is dynamic, the file `[tool.hatch.version] path` names (`__version__ = "x.y.z"`, hatch's default pattern).

Standard library only: the noxfile's changelog session reads the version with it, without api_diff's packages.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)")
# hatch's default version pattern, as its regex source reads a version file.
ASSIGNED = re.compile(r"""(?im)^(?:__version__|VERSION) *= *(["'])v?(?P<version>.+?)\1""")


class VersionError(ValueError):
    """The project's version is missing, unreadable or not x.y.z."""


def version_file(root: Path) -> Path:
    """The file the version is written in: pyproject.toml, or the file hatch reads a dynamic version from."""
    pyproject = root / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise VersionError(f"cannot read {pyproject}: {exc}") from exc
    if "version" not in data.get("project", {}).get("dynamic", []):
        return pyproject
    path = data.get("tool", {}).get("hatch", {}).get("version", {}).get("path")
    if not isinstance(path, str):
        raise VersionError(f"{pyproject}: the version is dynamic but [tool.hatch.version] names no path")
    return root / path


def project_version(root: Path) -> str:
    """The version the project at `root` builds as."""
    where = version_file(root)
    try:
        text = where.read_text(encoding="utf-8")
    except OSError as exc:
        raise VersionError(f"cannot read {where}: {exc}") from exc
    if where.name == "pyproject.toml":
        version = tomllib.loads(text).get("project", {}).get("version")
    else:
        found = ASSIGNED.search(text)
        version = found.group("version") if found else None
    if not isinstance(version, str) or not VERSION.match(version):
        raise VersionError(f"{where}: the version {version!r} is not x.y.z")
    return version
