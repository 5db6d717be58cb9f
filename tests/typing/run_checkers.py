"""Run the user programs of tests/typing/ through mypy --strict and pyright (strict), and hold each to its marks.

A program is a small piece of user code; it is checked, never run. A line that ends in `# E: <mypy code>` is a
deliberate mistake: mypy must report an error with that code on that line, and pyright an error on that line.
Every other line must pass both. `nox -s typecheck` runs this with the session's Python, where ticketkit is
installed as a user installs it.

    python tests/typing/run_checkers.py            # fail (exit 1) on any difference, listing each
    python tests/typing/run_checkers.py --report   # a table per program and checker; never fails (the "before")
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"#\s*E:\s*([\w-]+)\s*$")
MYPY_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$")


@dataclass
class Verdict:
    """What one checker said about one program, against its marks."""

    errors: dict[int, list[str]] = field(default_factory=dict)  # line -> codes (mypy) or rules (pyright)
    missed: list[int] = field(default_factory=list)  # marked lines it did not report
    other_code: list[int] = field(default_factory=list)  # marked lines it reported, with another code (mypy)
    unexpected: list[str] = field(default_factory=list)  # errors on unmarked lines (or with the wrong code)


def programs() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name)


def marks(program: Path) -> dict[int, str]:
    """{line number: the mypy error code it must produce}."""
    found = {}
    for number, text in enumerate(program.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARK.search(text)
        if match:
            found[number] = match.group(1)
    return found


def run_mypy(files: list[Path]) -> dict[Path, dict[int, list[str]]]:
    command = [sys.executable, "-m", "mypy", "--strict", "--show-error-codes", "--no-error-summary"]
    command += ["--no-color-output", "--hide-error-context", "--no-pretty", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1) or (result.returncode and "error: " not in result.stdout):
        sys.exit(f"mypy failed to run ({result.returncode}):\n{result.stdout}{result.stderr}")
    errors: dict[Path, dict[int, list[str]]] = {}
    for text in result.stdout.splitlines():
        match = MYPY_LINE.match(text)
        if match:
            path = Path(match["file"]).resolve()
            errors.setdefault(path, {}).setdefault(int(match["line"]), []).append(match["code"] or "misc")
    return errors


def run_pyright(files: list[Path]) -> dict[Path, dict[int, list[str]]]:
    # Strict mode comes from each program's `# pyright: strict` line; this Python's packages are the ones seen.
    command = [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(f"pyright failed to run ({result.returncode}):\n{result.stdout}{result.stderr}")
    errors: dict[Path, dict[int, list[str]]] = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] != "error":
            continue
        line = diagnostic["range"]["start"]["line"] + 1
        path = Path(diagnostic["file"]).resolve()
        errors.setdefault(path, {}).setdefault(line, []).append(diagnostic.get("rule", "error"))
    return errors


def judge(program: Path, expected: dict[int, str], errors: dict[int, list[str]], exact_codes: bool) -> Verdict:
    verdict = Verdict(errors=errors)
    for line, code in expected.items():
        reported = errors.get(line, [])
        if not reported:
            verdict.missed.append(line)
        elif exact_codes and code not in reported:
            verdict.other_code.append(line)
    for line, codes in sorted(errors.items()):
        if line not in expected:
            verdict.unexpected.append(f"{program.name}:{line}: {', '.join(codes)}")
    return verdict


def main() -> int:
    report_only = "--report" in sys.argv[1:]
    files = programs()
    by_checker = {"mypy": (run_mypy(files), True), "pyright": (run_pyright(files), False)}
    failures: list[str] = []
    header = f"{'program':22} {'marked':>6}  {'checker':8} {'errors':>6} {'missed':>6} {'other code':>10}"
    print(f"{header} {'unexpected':>10}")
    for program in files:
        expected = marks(program)
        for checker, (errors, exact_codes) in by_checker.items():
            verdict = judge(program, expected, errors.get(program.resolve(), {}), exact_codes)
            count = sum(len(codes) for codes in verdict.errors.values())
            print(
                f"{program.name:22} {len(expected):>6}  {checker:8} {count:>6} {len(verdict.missed):>6} "
                f"{len(verdict.other_code):>10} {len(verdict.unexpected):>10}"
            )
            lines = program.read_text(encoding="utf-8").splitlines()
            for line in verdict.missed:
                failures.append(f"{checker} missed {program.name}:{line}: {lines[line - 1].strip()}")
            for line in verdict.other_code:
                got = ", ".join(verdict.errors[line])
                failures.append(f"{checker} reported {got}, not {expected[line]}, at {program.name}:{line}")
            failures += [f"{checker} reported {item}" for item in verdict.unexpected]
    for failure in failures:
        print(failure)
    if report_only:
        return 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
