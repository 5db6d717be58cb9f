"""The README's "same ten lines" example runs, unchanged, against a sandbox of every vendor."""

from __future__ import annotations

import re
from typing import Any

import pytest
import ticketkit
from support import REPO, VENDORS
from ticketkit.sandbox import Sandbox


def _triage() -> Any:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## One interface, four vendors", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None, "the README lost its example"
    definition = code.group(1).split("\nwith ticketkit.connect", 1)[0]  # the function, not the real connects
    namespace: dict[str, Any] = {}
    exec(compile(definition, "README.md", "exec"), namespace)
    return namespace["triage"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_readme_example_runs_on_every_vendor(vendor: str, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox(vendor)
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        _triage()(desk)
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(f"{vendor} ") for line in lines)
