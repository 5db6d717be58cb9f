"""Session-wide reporting: figures some tests measure (not pass/fail), printed in the terminal summary."""

from __future__ import annotations

import sys

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    conformance = sys.modules.get("test_sandbox_conformance")
    cases = getattr(conformance, "CASES", None)
    if cases:
        summary = ", ".join(f"{vendor} {count}" for vendor, count in sorted(cases.items()))
        terminalreporter.write_line(f"sandbox conformance: {sum(cases.values())} schemathesis cases ({summary})")
