"""The summary printed on the terminal and the Markdown report."""

from __future__ import annotations

from collections import Counter

from .changes import LAYERS, Change
from .refs import Base
from .verdict import Gate

LAYER_TITLES = {"specs": "Specs (specs/*.yaml)", "python": "Python API (griffe)", "wire": "Wire (tests/wire/)"}


def summary(base: Base, changes: list[Change], verdict: Gate, report_path: str, notes: list[str]) -> str:
    counts = Counter((change.layer, change.breaking) for change in changes)
    lines = [f"api_diff: {base.ref} ({base.how}, {base.commit[:12]}) -> working tree"]
    for layer in LAYERS:
        lines.append(f"  {layer:7} {counts[layer, True]:4} breaking  {counts[layer, False]:4} compatible")
    for change in [c for c in changes if c.breaking][:20]:
        lines.append(f"  BREAKING {change.layer}/{change.subject}: {change.where}: {change.what}")
    hidden = sum(1 for c in changes if c.breaking) - 20
    if hidden > 0:
        lines.append(f"  ... and {hidden} more breaking (see the report)")
    lines += [f"  note: {note}" for note in notes]
    lines.append(_bump_line(verdict))
    lines.append(f"  gate: {'passed' if verdict.passed else 'FAILED'}")
    lines += [f"    - {reason}" for reason in verdict.reasons]
    lines.append(f"  report: {report_path}")
    return "\n".join(lines)


def _bump_line(verdict: Gate) -> str:
    if verdict.part == "none":
        return f"  suggested bump: none (version {verdict.new_version})"
    return (
        f"  suggested bump: {verdict.part} ({verdict.old_version} -> {verdict.next_version}); "
        f"the working tree has {verdict.new_version}"
    )


def markdown(base: Base, changes: list[Change], diffs: dict[str, str], verdict: Gate, notes: list[str]) -> str:
    out = [
        "# API diff",
        "",
        f"From `{base.ref}` ({base.how}, commit `{base.commit[:12]}`) to the working tree.",
        "",
        "| layer | breaking | compatible |",
        "|---|---|---|",
    ]
    counts = Counter((change.layer, change.breaking) for change in changes)
    out += [f"| {layer} | {counts[layer, True]} | {counts[layer, False]} |" for layer in LAYERS]
    out += ["", f"**Suggested bump:** {_bump_line(verdict).split(': ', 1)[1]}", ""]
    out.append(f"**Gate:** {'passed' if verdict.passed else 'failed'}")
    out += [f"- {reason}" for reason in verdict.reasons]
    for layer in LAYERS:
        out += ["", f"## {LAYER_TITLES[layer]}", ""]
        mine = sorted(c for c in changes if c.layer == layer)
        if not mine:
            out.append("No change.")
        if layer == "wire":
            out += [f"- note: {note}" for note in notes]
        for subject in sorted({c.subject for c in mine}):
            out += [f"### {subject}", ""]
            out += [f"- **{c.kind}** — {c.where}: {c.what}" for c in mine if c.subject == subject]
            out.append("")
            if layer == "wire" and subject in diffs:
                out += ["```diff", diffs[subject].rstrip("\n"), "```", ""]
    out += [
        "",
        "## Rules",
        "",
        "See tools/api_diff/specs.py (specs), pyapi.py (Python API), wire.py (wire) and verdict.py (bump and gate).",
    ]
    return "\n".join(out) + "\n"
