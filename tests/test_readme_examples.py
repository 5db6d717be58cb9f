"""Every README block marked `<!-- run: python -->` runs as a script, and every one marked `<!-- run: pytest -->`
runs as a user's test file through the installed pytest plugin (pytester): the README's examples are tested
exactly as written, so one that stops working fails here."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from support import REPO

pytest_plugins = ["pytester"]

MARKED = re.compile(r"<!-- run: (python|pytest) -->\n```python\n(.*?)```", re.DOTALL)


def _examples(kind: str) -> list[tuple[str, str]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = []
    for match in MARKED.finditer(readme):
        if match.group(1) == kind:
            heading = re.findall(r"^#+ (.+)$", readme[: match.start()], re.MULTILINE)[-1]
            found.append((heading, match.group(2)))
    return found


def test_the_readme_keeps_its_runnable_examples() -> None:
    # Raw responses, passthrough, two hooks, with_options, webhooks; the plugin's test file.
    assert len(_examples("python")) >= 6
    assert len(_examples("pytest")) >= 1


@pytest.mark.parametrize(("heading", "code"), _examples("python"), ids=lambda value: str(value)[:40])
def test_a_readme_example_runs(heading: str, code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out or "assert " in code, f"the example under {heading!r} printed nothing"


@pytest.mark.parametrize(("heading", "code"), _examples("pytest"), ids=lambda value: str(value)[:40])
def test_a_readme_test_file_passes(heading: str, code: str, pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_readme_example=code)
    result = pytester.runpytest_subprocess("-q")  # the plugin loads from its entry point
    tests = len(re.findall(r"^def test_", code, re.MULTILINE))
    result.assert_outcomes(passed=tests)
