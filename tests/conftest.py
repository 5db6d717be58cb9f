"""Fixtures every test module may take, and session-wide reporting.

- `mode`: "sync" or "async", for a test that runs once on each kind of desk through `desk_support.drive`.
- `waits`: the waits between attempts the transport asked for, sync or async, recorded instead of slept.
- Every test starts with no rate budget (`fresh_rate_budgets`).
- The terminal summary prints figures some tests measure (not pass/fail).
"""

from __future__ import annotations

import sys

import pytest
from desk_support import MODES
from ticketkit import _budget, _transport

REPORTS = {
    ("test_sandbox_conformance", "CASES"): "sandbox conformance: {total} schemathesis cases ({each})",
    ("property_bodies", "CASES"): "property-based parsing: {total} generated bodies ({each})",
    ("property_bodies", "HOSTILE_CASES"): "  of which hostile (issue 12): {total} ({each})",
}


@pytest.fixture(autouse=True)
def fresh_rate_budgets() -> None:
    """Every test starts with no rate budget: what one test's 429s or headers said never paces another's desks
    (tests share tokens and sandbox URLs, which the budgets are keyed by)."""
    _budget.forget_budgets()


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """The kind of desk a test drives: "sync" (Desk) or "async" (AsyncDesk)."""
    kind: str = request.param
    return kind


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between attempts the transport asked for, sync or async, recorded instead of slept."""
    asked: list[float] = []

    async def no_async_wait(seconds: float) -> None:
        asked.append(seconds)

    monkeypatch.setattr(_transport.time, "sleep", asked.append)
    monkeypatch.setattr(_transport.asyncio, "sleep", no_async_wait)
    return asked


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    figures = getattr(sys.modules.get("test_rate_budget_sandbox"), "FIGURES", None)
    for label, figure in sorted((figures or {}).items()):
        terminalreporter.write_line(f"rate budget, {label}: {figure}")
    for (module, counter), line in REPORTS.items():
        cases = getattr(sys.modules.get(module), counter, None)
        if cases:
            each = ", ".join(f"{vendor} {count}" for vendor, count in sorted(cases.items()))
            terminalreporter.write_line(line.format(total=sum(cases.values()), each=each))
