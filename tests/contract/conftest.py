"""Contract tests (`nox -s contract`): ticketkit against Intercom's official OpenAPI files served by Prism,
and the vendors' own clients (Tickiti's MCP server, Ankra's client code, the official Intercom SDK) against
our served sandboxes.

They need what `nox -s contract` installs and names in the environment (TICKETKIT_PRISM, and beside it
TICKETKIT_TICKITI_MCP, TICKETKIT_GO, TICKETKIT_ANKRA_CLI). Without TICKETKIT_PRISM this folder is not
collected at all, so the normal `nox -s tests` run neither runs nor skips them (nothing here can pass or fail
unseen there); with it, every test runs and any missing piece fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from prism_mock import PRISM_ENV, TALLY, Prism, servable_copy, serving, write_report

if not os.environ.get(PRISM_ENV):
    collect_ignore_glob = ["test_*.py"]


def pytest_report_header() -> str | None:
    if not os.environ.get(PRISM_ENV):
        return f"tests/contract: not collected ({PRISM_ENV} is unset; `nox -s contract` runs them)"
    return None


@pytest.fixture(scope="session")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prism")


def _served(version: str, workdir: Path, *options: str) -> Iterator[Prism]:
    document, patched = servable_copy(version, workdir / version)
    TALLY.patched_refs[version] = patched
    label = "-".join([version, *(o.strip("-") for o in options)])
    with serving(document, workdir / f"prism-{label}.log", *options) as prism:
        yield prism


@pytest.fixture(scope="session")
def prism_2_11(workdir: Path) -> Iterator[Prism]:
    """Static mode (the spec's examples); `Prefer: dynamic=true, seed=N` per request for generated bodies."""
    yield from _served("2.11", workdir)


@pytest.fixture(scope="session")
def prism_2_16(workdir: Path) -> Iterator[Prism]:
    yield from _served("2.16", workdir)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if os.environ.get(PRISM_ENV):
        write_report()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if os.environ.get(PRISM_ENV):
        for line in TALLY.lines():
            terminalreporter.write_line(f"prism contract: {line}")
