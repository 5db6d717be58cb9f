"""Session-wide reporting: figures some tests measure (not pass/fail), printed in the terminal summary."""

from __future__ import annotations

import sys

import pytest

REPORTS = {
    "test_sandbox_conformance": "sandbox conformance: {total} schemathesis cases ({each})",
    "test_property_parsing": "property-based parsing: {total} generated bodies ({each})",
}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for module, line in REPORTS.items():
        cases = getattr(sys.modules.get(module), "CASES", None)
        if cases:
            each = ", ".join(f"{vendor} {count}" for vendor, count in sorted(cases.items()))
            terminalreporter.write_line(line.format(total=sum(cases.values()), each=each))
