# ruff: noqa: RUF001, RUF002 - the report and this docstring use the multiplication sign on purpose
"""The bulk export's benchmarks (issue 14, item 6), run by bench.py: `nox -s bench` writes them to BENCHMARKS.md.

Each export runs as `ticketkit export --json` in a child process (export_probe.py: its peak memory is its own),
against a sandbox of synthetic tickets served on loopback in this process (`ticketkit.sandbox.serving`), whose
`stats` count what it answered: requests, 429s sent, and when each accepted request arrived.

1. Rate: 20,000 tickets with their threads from a sandbox limited to R requests in each fixed one-second
   window. The achieved rate is the sandbox's: the requests it accepted in the windows wholly inside the export
   (the first and last are partly before and after it), per second; the target is ≥ 0.9 × R with no 429
   surfaced (the command succeeds; a 429 received is retried, and counted).
2. Concurrency: the same export, sequential (`--concurrency 1`) and concurrent (`--concurrency 8`), from a
   sandbox answering each request after a fixed latency (as a vendor across the internet would), no limit.
3. Memory: the export's peak resident memory (VmHWM) at 2,000 and at 20,000 tickets, the same run as 1 for
   20,000: growth ≤ +20 MB.
4. Resume: an export of 5,000 tickets SIGKILLed once half its pages are written, then `--resume`d; every
   request the sandbox answered for both, against an uninterrupted export: ≤ 1.05×. (No rate limit: it changes
   the time, not the count; 5,000 rather than 20,000 keeps the whole bench within a few minutes.)
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROBE = HERE / "export_probe.py"

VENDOR = "intercom"  # sends X-RateLimit-Limit/Remaining/Reset: the budget paces on the vendor's own headers
TICKETS = 20_000
SMALL = 2_000
# Requests a second: 20,000 threads and their pages in about 80 s. Unlimited, this machine's loopback export
# runs at 450-500 requests a second (the child parsing and writing, the server in Python): R stays well under.
RATE = 250.0
RESUME_TICKETS = 5_000
SPEEDUP_TICKETS = 1_000
LATENCY = 0.010  # seconds the sandbox waits before each answer, in the speed-up runs
CONCURRENCY = 8
HEADERLESS = "ankra"  # 429 and Retry-After only: paced by `--rate-limit R` (connect's token bucket)


def connection_flags(sandbox: Any) -> list[str]:
    """The command-line flags that reach `sandbox` on loopback (its URL, token and the vendor's extras)."""
    flags = []
    for name, value in sandbox.connect_options().items():
        if name != "transport" and value is not None:
            flags += ["--" + name.replace("_", "-"), str(value)]
    return flags


def export_args(sandbox: Any, out: Path, *flags: str) -> list[str]:
    return ["export", sandbox.vendor, *connection_flags(sandbox), "--out", str(out), "--no-progress", *flags]


def in_child(sandbox: Any, out: Path, *flags: str) -> dict[str, Any]:
    """One export in a child process; what export_probe.py reports."""
    done = subprocess.run(
        [sys.executable, str(PROBE), *export_args(sandbox, out, *flags)], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    if result["code"] not in (0, 3):
        raise RuntimeError(f"export exited {result['code']}: {result['stderr']}")
    return result


def counts(sandbox: Any) -> tuple[int, int, list[float]]:
    """(requests answered, 429s sent, monotonic times of the accepted requests) so far."""
    stats = sandbox.stats
    return stats.requests, stats.throttled, stats.accepted


def served(vendor: str = VENDOR, **options: Any) -> Any:
    from ticketkit.sandbox import serving

    return serving(vendor, seed=14, **options)


def bench_rate(tickets: int, rate: float, vendor: str = VENDOR, *flags: str) -> dict[str, Any]:
    flags = ("--with-comments", "--concurrency", str(CONCURRENCY), *flags)
    with served(vendor, tickets=tickets, rate_limit=rate) as sandbox, tempfile.TemporaryDirectory() as tmp:
        result = in_child(sandbox, Path(tmp) / "t.jsonl", *flags)
        requests, sent_429, times = counts(sandbox)
        # Requests in each of the sandbox's fixed windows; the first and last are partly outside the export.
        windows = Counter(sandbox.limiter.window_of(moment) for moment in times)
        per = sandbox.rate_limit.per
    whole = [windows.get(n, 0) for n in range(min(windows) + 1, max(windows))]
    achieved = sum(whole) / (len(whole) * per) if whole else 0.0
    summary = result["summary"]
    return {
        "vendor": vendor,
        "whole_windows": len(whole),
        "busiest_window": max(windows.values()),
        "span_rate": (len(times) - 1) / (times[-1] - times[0]),
        "tickets": tickets,
        "rate_limit": rate,
        "requests": requests,
        "accepted": len(times),
        "sent_429": sent_429,
        "received_429": summary["throttled"],
        "surfaced_429": 0 if result["code"] in (0, 3) else 1,
        "achieved_rate": achieved,
        "seconds": result["seconds"],
        "written": summary["tickets"],
        "comments": summary["comments"],
        "peak_kib": result["peak_kib"],
        "baseline_kib": result["baseline_kib"],
    }


def bench_speedup(tickets: int, latency: float) -> dict[str, Any]:
    from ticketkit.sandbox import Faults

    seconds: dict[str, float] = {}
    with served(tickets=tickets, faults=Faults(latency=latency)) as sandbox, tempfile.TemporaryDirectory() as tmp:
        for name, concurrency in (("sequential", 1), ("concurrent", CONCURRENCY)):
            out = Path(tmp) / f"{name}.jsonl"
            result = in_child(sandbox, out, "--with-comments", "--concurrency", str(concurrency))
            seconds[name] = result["seconds"]
    return {"tickets": tickets, "latency": latency, "concurrency": CONCURRENCY, "seconds": seconds}


def _pages_written(out: Path) -> int:
    try:
        return int(json.loads(out.with_name(out.name + ".checkpoint.json").read_text())["counts"]["pages"])
    except (OSError, ValueError, KeyError):
        return 0


def bench_resume(tickets: int, rate: float | None) -> dict[str, Any]:
    options: dict[str, Any] = {"tickets": tickets}
    if rate:
        options["rate_limit"] = rate
    flags = ("--with-comments", "--concurrency", str(CONCURRENCY))
    with served(**options) as sandbox, tempfile.TemporaryDirectory() as tmp:
        whole = in_child(sandbox, Path(tmp) / "whole.jsonl", *flags)
        uninterrupted, _, _ = counts(sandbox)
        pages = whole["summary"]["pages"]
        out = Path(tmp) / "killed.jsonl"
        process = subprocess.Popen(
            [sys.executable, "-m", "ticketkit.cli", *export_args(sandbox, out, *flags)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while _pages_written(out) < pages // 2 and process.poll() is None:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_at = _pages_written(out)
        resumed = in_child(sandbox, out, *flags, "--resume")
        total, _, _ = counts(sandbox)
        same = (Path(tmp) / "whole.jsonl").read_bytes() == out.read_bytes()
    return {
        "tickets": tickets,
        "pages": pages,
        "killed_after_pages": killed_at,
        "uninterrupted_requests": uninterrupted,
        "killed_and_resumed_requests": total - uninterrupted,
        "resumed_run_requests": resumed["summary"]["requests_this_run"],
        "same_bytes": same,
    }


def run_all() -> dict[str, Any]:
    rate = bench_rate(TICKETS, RATE)
    small = bench_rate(SMALL, RATE)
    bucket = bench_rate(SMALL, RATE, HEADERLESS, "--rate-limit", f"{RATE:g}")
    return {
        "rate": rate,
        "bucket": bucket,
        "memory": {"small": small, "large": rate},
        "speedup": bench_speedup(SPEEDUP_TICKETS, LATENCY),
        "resume": bench_resume(RESUME_TICKETS, None),
    }


def _rate_row(number: str, rate: dict[str, Any], how: str, verdict: Any) -> str:
    ratio = rate["achieved_rate"] / rate["rate_limit"]
    return (
        f"| {number} | export {rate['tickets']:,} tickets with threads, sandbox limited to R = "
        f"{rate['rate_limit']:.0f} requests/s ({rate['vendor']}: {how}), {CONCURRENCY} threads in flight | "
        f"{rate['accepted']:,} requests in {rate['seconds']:.1f} s; over its {rate['whole_windows']} whole windows "
        f"**{rate['achieved_rate']:.0f}/s = {ratio:.2f} R** (busiest window {rate['busiest_window']}); 429s "
        f"received {rate['received_429']} (sandbox sent {rate['sent_429']}), surfaced **{rate['surfaced_429']}** | "
        f"≥ 0.9 R, 0 surfaced | {verdict(ratio >= 0.9 and rate['surfaced_429'] == 0)} |"
    )


def report(results: dict[str, Any], verdict: Any) -> list[str]:
    rate, speed, resume = results["rate"], results["speedup"], results["resume"]
    small, large = results["memory"]["small"], results["memory"]["large"]
    speedup = speed["seconds"]["sequential"] / speed["seconds"]["concurrent"]
    growth_mb = (large["peak_kib"] - small["peak_kib"]) / 1024
    overhead = resume["killed_and_resumed_requests"] / resume["uninterrupted_requests"]
    return [
        "## Bulk export (`ticketkit export`, issue 14)",
        "",
        f"Each export is `ticketkit export {VENDOR} --with-comments --json` ({HEADERLESS} in the second row) in a "
        "child process, against a sandbox of "
        "synthetic tickets (threads of 0–6 parts) served on loopback by the benchmark process, whose counts "
        "(requests answered, 429s sent, arrival times) give the figures. One run each.",
        "",
        "| # | measure | figure | target | |",
        "|---|---|---|---|---|",
        _rate_row("7", rate, "the budget reads its X-RateLimit-* headers", verdict),
        _rate_row("7", results["bucket"], "no headers; `--rate-limit R`, a token bucket", verdict),
        f"| 8 | the same export of {speed['tickets']:,} tickets, {speed['latency'] * 1000:.0f} ms sandbox latency, no "
        f"limit: `--concurrency 1` vs `{speed['concurrency']}` | {speed['seconds']['sequential']:.1f} s vs "
        f"{speed['seconds']['concurrent']:.1f} s → **{speedup:.1f}× faster** | — | |",
        f"| 9 | peak memory of the export (VmHWM, child process) at {small['tickets']:,} and {large['tickets']:,} "
        f"tickets with threads | {small['peak_kib'] / 1024:.1f} MB and {large['peak_kib'] / 1024:.1f} MB → "
        f"**{growth_mb:+.1f} MB** | ≤ +20 MB | {verdict(growth_mb <= 20)} |",
        f"| 10 | export of {resume['tickets']:,} tickets with threads SIGKILLed after {resume['killed_after_pages']} "
        f"of {resume['pages']} pages, then `--resume`d (no rate limit: it does not change the count) | "
        f"{resume['killed_and_resumed_requests']:,} requests vs {resume['uninterrupted_requests']:,} uninterrupted "
        f"→ **{overhead:.3f}×**; output byte-identical: {'yes' if resume['same_bytes'] else '**no**'} | ≤ 1.05× | "
        f"{verdict(overhead <= 1.05 and resume['same_bytes'])} |",
        "",
    ]
