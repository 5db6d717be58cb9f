"""All three layers between REF and a working tree, and the gate's verdict on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import pyapi, refs, specs, verdict, wire
from .changes import Change

SPECS = Path("specs")


@dataclass(frozen=True)
class Analysis:
    base: refs.Base
    changes: list[Change]
    diffs: dict[str, str]
    notes: list[str]
    gate: verdict.Gate
    drafted: Path | None

    def layers(self, subject: str, *, breaking: bool) -> set[str]:
        """The layers where `subject` (a vendor; its `_client` package counts as the vendor) has such changes."""
        return {c.layer for c in self.changes if verdict.subject_name(c.subject) == subject and c.breaking == breaking}


def diff_specs(old_root: Path, new_root: Path) -> list[Change]:
    """Every specs/*.yaml present on either side (generator configs aside), compared."""
    names = {p.name for root in (old_root, new_root) for p in (root / SPECS).glob("*.yaml")}
    changes: list[Change] = []
    for name in sorted(n for n in names if not n.endswith(".config.yaml")):
        old, new = _load(old_root / SPECS / name), _load(new_root / SPECS / name)
        changes += specs.diff_spec(name.removesuffix(".yaml"), old, new)
    return changes


def _load(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


def analyse(root: Path, ref: str | None, *, draft: bool = False) -> Analysis:
    """Compare `root`'s working tree with REF (see `refs.choose_base`); with `draft`, write the breaking
    changelog fragment before the gate reads the fragments."""
    base = refs.choose_base(root, ref)
    with refs.checkout(root, base.commit) as old_root:
        changes = diff_specs(old_root, root) + pyapi.diff_python(old_root, root)
        wire_changes, diffs, notes = wire.diff_wire(old_root, root)
        changes += wire_changes
        drafted = None
        if draft and any(change.breaking for change in changes):
            drafted = verdict.draft_fragment(root, changes)
        result = verdict.gate(old_root, root, changes)
    return Analysis(base, changes, diffs, notes, result, drafted)
