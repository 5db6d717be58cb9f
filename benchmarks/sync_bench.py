# ruff: noqa: RUF001 - the report uses the multiplication sign on purpose
"""`ticketkit sync` (dlt into DuckDB) against `ticketkit export` of the same tickets, in the same run (issue 15).

Both run as the command, `--json`, in a child process (export_probe.py runs any `ticketkit` command: the peak
memory is the child's own), one after the other against one sandbox of synthetic tickets served on loopback and
limited to R requests a second, threads included, 8 in flight. The vendor's rate limit bounds both: the ratio
is what dlt's extract, normalize and load add on top of listing the same tickets and threads.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import export_bench

TICKETS = 20_000
RATE = export_bench.RATE
CONCURRENCY = export_bench.CONCURRENCY
TARGET = 1.5


def _run(sandbox: Any, *argv: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(export_bench.PROBE), *argv], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    if result["code"] not in (0, 3):
        raise RuntimeError(f"{argv[0]} exited {result['code']}: {result['stderr']}")
    return result


def bench_sync(tickets: int = TICKETS, rate: float = RATE) -> dict[str, Any]:
    vendor = export_bench.VENDOR
    flags = export_bench.connection_flags
    with export_bench.served(vendor, tickets=tickets, rate_limit=rate) as sandbox, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = _run(
            sandbox,
            *export_bench.export_args(
                sandbox, folder / "t.jsonl", "--with-comments", "--concurrency", str(CONCURRENCY)
            ),
        )
        before = sandbox.stats.requests
        sync = _run(
            sandbox,
            "sync",
            vendor,
            *flags(sandbox),
            "--to",
            str(folder / "bench.duckdb"),
            "--pipelines-dir",
            str(folder / "pipelines"),
            "--concurrency",
            str(CONCURRENCY),
        )
        sync_requests = sandbox.stats.requests - before
    return {
        "tickets": tickets,
        "rate_limit": rate,
        "export_seconds": export["seconds"],
        "export_peak_kib": export["peak_kib"],
        "export_rows": {"tickets": export["summary"]["tickets"], "comments": export["summary"]["comments"]},
        "export_requests": export["summary"].get("requests"),
        "sync_seconds": sync["seconds"],
        "sync_peak_kib": sync["peak_kib"],
        "sync_rows": sync["summary"]["rows"],
        "sync_requests": sync_requests,
    }


def report(result: dict[str, Any], verdict: Any) -> list[str]:
    ratio = result["sync_seconds"] / result["export_seconds"]
    rows = result["sync_rows"]
    return [
        "## Sync into DuckDB (`ticketkit sync`, issue 15)",
        "",
        f"`ticketkit sync {export_bench.VENDOR}` (dlt into a DuckDB file, threads, {CONCURRENCY} in flight) and "
        f"`ticketkit export {export_bench.VENDOR} --with-comments` of the same {result['tickets']:,} synthetic "
        f"tickets, one after the other in child processes, from one loopback sandbox limited to R = "
        f"{result['rate_limit']:.0f} requests/s. One run.",
        "",
        "| # | measure | figure | target | |",
        "|---|---|---|---|---|",
        f"| 11 | sync vs export of {result['tickets']:,} tickets with threads | sync {result['sync_seconds']:.1f} s "
        f"({rows['tickets']:,} tickets, {rows['comments']:,} comments, {result['sync_requests']:,} requests) vs "
        f"export {result['export_seconds']:.1f} s → **{ratio:.2f}×** | ≤ {TARGET}× | {verdict(ratio <= TARGET)} |",
        f"| 12 | peak memory (VmHWM, child process) | sync {result['sync_peak_kib'] / 1024:.1f} MB, export "
        f"{result['export_peak_kib'] / 1024:.1f} MB | — | |",
        "",
    ]
