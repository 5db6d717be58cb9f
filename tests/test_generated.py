"""What specs/templates/model.py.jinja changes in the generated clients: model imports made once per module.

Upstream's template repeats `from ..models.x import X` inside every `to_dict` / `from_dict`; run on each call,
those imports were half the generated models' time parsing a 50-part Intercom ticket. Our copy imports them
once, at the end of each module (where models that refer to each other still load: every test imports them).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support import VENDORS

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


def _imports_inside_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    return [
        f"{path.name}:{node.lineno} in {function.name}"
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]


@pytest.mark.parametrize("vendor", VENDORS)
def test_no_generated_model_imports_on_every_call(vendor: str) -> None:
    models = sorted((GENERATED / f"{vendor}_client" / "models").glob("*.py"))
    assert models
    assert [hit for path in models for hit in _imports_inside_functions(path)] == []


def test_the_check_finds_an_import_inside_a_method(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text("class M:\n    def from_dict(cls):\n        from ..models.x import X\n        return X\n")
    assert _imports_inside_functions(path) == ["model.py:3 in from_dict"]
