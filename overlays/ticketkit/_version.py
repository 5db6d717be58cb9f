"""The package's version, the one place it is written: pyproject.toml takes it from here (hatch's
`[tool.hatch.version]`), so a release bumps this line and `nox -s api_diff` checks no other file still says the
old one. A literal, not a metadata lookup: `importlib.metadata` would add ~13 ms to every `import ticketkit`."""

__version__ = "0.1.0"

USER_AGENT = f"ticketkit/{__version__}"
