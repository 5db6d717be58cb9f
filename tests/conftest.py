"""Session-wide reporting: figures some tests measure (not pass/fail), printed in the terminal summary."""

from __future__ import annotations

import sys

import pytest

REPORTS = {
    ("test_sandbox_conformance", "CASES"): "sandbox conformance: {total} schemathesis cases ({each})",
    ("test_property_parsing", "CASES"): "property-based parsing: {total} generated bodies ({each})",
    ("test_property_parsing", "HOSTILE_CASES"): "  of which hostile (issue 12): {total} ({each})",
}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for (module, counter), line in REPORTS.items():
        cases = getattr(sys.modules.get(module), counter, None)
        if cases:
            each = ", ".join(f"{vendor} {count}" for vendor, count in sorted(cases.items()))
            terminalreporter.write_line(line.format(total=sum(cases.values()), each=each))
