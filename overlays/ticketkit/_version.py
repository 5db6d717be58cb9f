"""The package's version, read from its installed metadata: pyproject.toml's `[project] version` is the one
place it is written (a release bumps only that; `nox -s api_diff` checks no other file still says the old one)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ticketkit")
except PackageNotFoundError:  # imported from a source tree that was never installed (pip install . first)
    __version__ = "0+unknown"

USER_AGENT = f"ticketkit/{__version__}"
