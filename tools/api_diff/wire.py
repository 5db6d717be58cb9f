"""The wire layer: the golden request files (tests/wire/<vendor>.json) at REF against the working tree.

Per call of the scenario (see tests/wire_calls.py): a call no longer made, or no longer succeeding, or whose
requests go to another method or path, is breaking (it works only against a vendor that serves the new one);
a new call, a call that now succeeds, or the same requests with other query, headers or body, is compatible
(review it: the vendor may or may not care). The report shows the file's text diff for each vendor.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

from .changes import Change

GOLDEN = Path("tests") / "wire"


def golden_files(root: Path) -> dict[str, Path]:
    folder = root / GOLDEN
    return {path.stem: path for path in sorted(folder.glob("*.json"))} if folder.is_dir() else {}


def diff_wire(old_root: Path, new_root: Path) -> tuple[list[Change], dict[str, str], list[str]]:
    """The changes, each changed vendor's unified diff of its golden file (REF's requests vs now's), and notes
    (a vendor with no golden file at REF)."""
    old, new = golden_files(old_root), golden_files(new_root)
    changes: list[Change] = []
    diffs: dict[str, str] = {}
    notes: list[str] = []
    for vendor in sorted(old.keys() | new.keys()):
        before = old[vendor].read_text(encoding="utf-8") if vendor in old else ""
        after = new[vendor].read_text(encoding="utf-8") if vendor in new else ""
        if before == after:
            continue
        if not before:  # the scenario was first recorded after REF: nothing to compare with
            notes.append(f"{vendor}: no golden file at REF; its requests are recorded from here on")
            continue
        diffs[vendor] = "".join(
            difflib.unified_diff(
                before.splitlines(keepends=True),
                after.splitlines(keepends=True),
                f"REF/{vendor}.json",
                f"now/{vendor}.json",
            )
        )
        if not after:
            changes.append(Change("wire", vendor, "golden file", "no requests recorded any more", True))
        else:
            changes += _calls(vendor, json.loads(before), json.loads(after))
    return changes, diffs, notes


def _calls(vendor: str, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    old = {call["call"]: call for call in before.get("calls", [])}
    new = {call["call"]: call for call in after.get("calls", [])}
    changes = [Change("wire", vendor, name, "call no longer in the scenario", True) for name in old if name not in new]
    changes += [Change("wire", vendor, name, "new call in the scenario", False) for name in new if name not in old]
    for name in [n for n in old if n in new]:
        was, now = old[name], new[name]
        if was["outcome"] != now["outcome"]:
            fails = was["outcome"] == "ok"
            changes.append(Change("wire", vendor, name, f"outcome {was['outcome']} -> {now['outcome']}", fails))
        if _routes(was) != _routes(now):
            what = f"requests go to {_show(_routes(now))} instead of {_show(_routes(was))}"
            changes.append(Change("wire", vendor, name, what, True))
        elif was["requests"] != now["requests"]:
            parts = sorted(
                {
                    part
                    for a, b in zip(was["requests"], now["requests"], strict=True)
                    for part in a
                    if a[part] != b.get(part)
                }
            )
            changes.append(Change("wire", vendor, name, f"same routes, other {', '.join(parts)}", False))
    return changes


def _routes(call: dict[str, Any]) -> list[tuple[str, str]]:
    return [(request["method"], request["path"]) for request in call["requests"]]


def _show(routes: list[tuple[str, str]]) -> str:
    return ", ".join(f"{method} {path}" for method, path in routes) or "nothing"
