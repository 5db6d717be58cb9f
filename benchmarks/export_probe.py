"""Run `ticketkit export ...` in this process and print what it cost: `python export_probe.py ARGS...`.

The export benchmarks (export_bench.py) run every export here, in a child process, so that the peak memory is
the export's own: Linux's VmHWM (the high-water mark of this process's resident memory) read at the end, and
VmRSS after the imports, before the export starts. One JSON line on stdout: the exit code, the command's --json
summary, both memory figures (KiB) and the wall time.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time


def _kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def main(argv: list[str]) -> None:
    from ticketkit import cli  # imported before the baseline: the export's memory is what it adds

    baseline = _kib("VmRSS")
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err):
        code = cli.main(["--json", *argv], out=out, err=err)
    seconds = time.perf_counter() - start
    try:
        summary = json.loads(out.getvalue())
    except ValueError:
        summary = None
    result = {
        "code": code,
        "summary": summary,
        "stderr": err.getvalue()[-2000:],
        "baseline_kib": baseline,
        "peak_kib": _kib("VmHWM"),
        "seconds": seconds,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
