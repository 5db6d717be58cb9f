"""`python -m api_diff [REF] [--root DIR] [--report PATH] [--draft-fragment]` (run by `nox -s api_diff`).

REF: a tag, branch or commit; `merge-base` for the merge base with main; by default the last release tag `v*`,
else the merge base with main. Prints a summary, writes a Markdown report (default build/api-diff.md), and
exits 1 when the gate fails (a breaking change without the version bump and a changelog fragment naming it),
2 on a usage or git error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import refs, report, specs, verdict
from .analysis import analyse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="api_diff", description="API changes between REF and the working tree.")
    parser.add_argument("ref", nargs="?", help="tag, branch, commit or `merge-base` (default: last v* tag)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    parser.add_argument("--report", type=Path, help="Markdown report path (default: ROOT/build/api-diff.md)")
    parser.add_argument(
        "--draft-fragment", action="store_true", help="write changelog.d/+api-diff.breaking.md from the findings"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report_path = args.report or root / "build" / "api-diff.md"
    try:
        result = analyse(root, args.ref, draft=args.draft_fragment)
    except (refs.GitError, verdict.VersionError, specs.SpecError, FileExistsError) as exc:
        print(f"api_diff: {exc}", file=sys.stderr)
        return 2
    if result.drafted:
        print(f"api_diff: drafted {result.drafted}; put it in words for users before the release")
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(
        report.markdown(result.base, result.changes, result.diffs, result.gate, result.notes), encoding="utf-8"
    )
    print(report.summary(result.base, result.changes, result.gate, str(report_path), result.notes))
    return 0 if result.gate.passed else 1


if __name__ == "__main__":
    sys.exit(main())
