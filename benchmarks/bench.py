# ruff: noqa: RUF001 - the report uses the multiplication sign on purpose
"""ticketkit's own cost, measured side by side with its peers in one run: `nox -s bench` writes BENCHMARKS.md.

Every figure is a ratio of two things measured in the same run, interleaved round by round, and the median
of the rounds: the machine is shared and noisy, so absolute times move but ratios hold. Not part of the test
suite, and nothing here passes or fails: the targets are printed beside the figures.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import json
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import export_bench
import httpx
import sync_bench

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ROUNDS = 15


def _ticket_with_parts(count: int) -> bytes:
    """An Intercom 2.11 ticket with `count` comment parts (HTML bodies, one attachment each), as JSON bytes."""
    thread = json.loads((FIXTURES / "intercom" / "ticket-thread.json").read_text())
    ticket = thread.get("value", thread)
    template = next(p for p in ticket["ticket_parts"]["ticket_parts"] if p.get("attachments"))
    parts = []
    for n in range(count):
        part = copy.deepcopy(template)
        part.update(id=str(9000 + n), part_type="comment", body=f"<p>Reply {n}: the <b>export</b> still fails.</p>")
        parts.append(part)
    ticket["ticket_parts"] = {"type": "ticket_part.list", "ticket_parts": parts, "total_count": count}
    return json.dumps(ticket).encode()


def _rounds(peers: dict[str, Callable[[], object]], number: int) -> dict[str, float]:
    """Median seconds per call of each peer; the peers take turns within every round."""
    samples: dict[str, list[float]] = {name: [] for name in peers}
    for _ in range(ROUNDS):
        for name, call in peers.items():
            gc.collect()
            start = time.perf_counter()
            for _ in range(number):
                call()
            samples[name].append((time.perf_counter() - start) / number)
    return {name: statistics.median(values) for name, values in samples.items()}


# -- 1. parse ----------------------------------------------------------------------------------------------


def bench_parse() -> dict[str, Any]:
    from intercom.core.unchecked_base_model import construct_type
    from intercom.tickets.types import Ticket as OfficialTicket
    from intercom_client.models import Ticket as GeneratedTicket
    from ticketkit.vendors.intercom import IntercomAdapter

    raw = _ticket_with_parts(50)
    adapter = IntercomAdapter(api_version="2.11", admin_id=None, ticket_type_id=None)

    def ticketkit_parse() -> object:
        plan = adapter.get_ticket("1")
        next(plan)
        try:
            plan.send(httpx.Response(200, content=raw))
        except StopIteration as done:
            return done.value
        raise AssertionError("the plan asked for a second request")

    ticket = ticketkit_parse()
    assert len(ticket.comments) == 50  # type: ignore[attr-defined]
    medians = _rounds(
        {
            "json.loads": lambda: json.loads(raw),
            "generated model": lambda: GeneratedTicket.from_dict(json.loads(raw)),
            "ticketkit Ticket": ticketkit_parse,
            "official SDK Ticket": lambda: construct_type(type_=OfficialTicket, object_=json.loads(raw)),
        },
        number=40,
    )
    return {"bytes": len(raw), "medians": medians}


# -- 2. per-call overhead ----------------------------------------------------------------------------------


def bench_call() -> dict[str, Any]:
    import ticketkit
    from intercom_client import AuthenticatedClient
    from intercom_client.api.tickets import retrieve_ticket

    doc = json.loads((FIXTURES / "vendor_docs" / "intercom-retrieve-ticket.json").read_text())
    body = json.dumps(doc["examples"]["response_sample"]["value"]).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    base = "https://api.intercom.io"
    raw = httpx.Client(base_url=base, transport=httpx.MockTransport(answer), headers={"Authorization": "Bearer t"})
    generated = AuthenticatedClient(base_url=base, token="t", httpx_args={"transport": httpx.MockTransport(answer)})
    desk = ticketkit.connect("intercom", token="t", transport=httpx.MockTransport(answer))
    try:
        medians = _rounds(
            {
                "raw httpx + json.loads": lambda: json.loads(raw.get("/tickets/1268").content),
                "generated sync_detailed": lambda: retrieve_ticket.sync_detailed("1268", client=generated),
                "desk.tickets.get": lambda: desk.tickets.get("1268"),
            },
            number=300,
        )
    finally:
        raw.close()
        generated.get_httpx_client().close()
        desk.close()
    return {"medians": medians}


# -- 3. throughput over loopback ---------------------------------------------------------------------------


async def _drive(get: Callable[[], Any], total: int, in_flight: int) -> float:
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await get()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    return total / (time.perf_counter() - start)


def bench_throughput(total: int = 2000, in_flight: int = 32, runs: int = 3) -> dict[str, Any]:
    """Against the Ankra sandbox served by `ticketkit sandbox serve` in its own process (not sharing our GIL)."""
    import ticketkit
    from ticketkit.sandbox import TOKEN

    server = subprocess.Popen(
        [sys.executable, "-m", "ticketkit.cli", "sandbox", "serve", "ankra", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    rates: dict[str, list[float]] = {"raw httpx.AsyncClient": [], "AsyncDesk": []}
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().split(" at ")[1].split()[0]
        path = "/api/v1/org/support/tickets"

        async def one_run() -> None:
            # Both with httpx's default pool (100 connections), so 32 in flight never wait for one.
            async with httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}) as raw:
                first = (await raw.get(path)).json()["result"][0]["id"]

                async def raw_get() -> object:
                    return json.loads((await raw.get(f"{path}/{first}")).content)

                rates["raw httpx.AsyncClient"].append(await _drive(raw_get, total, in_flight))
            async with ticketkit.connect_async("ankra", base_url=base_url, token=TOKEN) as desk:
                rates["AsyncDesk"].append(await _drive(lambda: desk.tickets.get(first), total, in_flight))

        for _ in range(runs):
            asyncio.run(one_run())
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()
    return {"total": total, "in_flight": in_flight, "medians": {k: statistics.median(v) for k, v in rates.items()}}


# -- 4. import ---------------------------------------------------------------------------------------------


def bench_import(runs: int = 15) -> dict[str, Any]:
    def seconds(module: str) -> float:
        code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return float(out.stdout)

    samples: dict[str, list[float]] = {"httpx": [], "ticketkit": []}
    for _ in range(runs):
        for module in samples:
            samples[module].append(seconds(module))
    return {"medians": {k: statistics.median(v) for k, v in samples.items()}}


# -- 5. memory ---------------------------------------------------------------------------------------------


def bench_memory(count: int = 10_000) -> dict[str, Any]:
    from ticketkit.vendors.routera import RouteraAdapter

    doc = json.loads((FIXTURES / "vendor_docs" / "routera-get-ticket.json").read_text())
    body = json.dumps(doc["examples"]["response_example"]["value"]).encode()
    adapter = RouteraAdapter()

    def parse() -> object:
        plan = adapter.get_ticket("x")
        next(plan)
        try:
            plan.send(httpx.Response(200, content=body))
        except StopIteration as done:
            return done.value
        raise AssertionError

    parse()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = [parse() for _ in range(count)]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(held) == count
    return {"count": count, "bytes_per_ticket": (after - before) / count, "json_bytes": len(body)}


# -- 6. regeneration ---------------------------------------------------------------------------------------


def bench_generate(runs: int = 3) -> dict[str, Any]:
    command = [sys.executable, "-m", "nox", "-s", "generate", "--reuse-existing-virtualenvs"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)  # creates the environment if needed
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return {"seconds": statistics.median(samples), "samples": samples}


# -- report ------------------------------------------------------------------------------------------------


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f} µs"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def report(results: dict[str, Any]) -> str:
    parse = results["parse"]["medians"]
    call = results["call"]["medians"]
    flow = results["throughput"]["medians"]
    imp = results["import"]["medians"]
    mem = results["memory"]
    gen = results["generate"]
    sdk_ratio = parse["official SDK Ticket"] / parse["ticketkit Ticket"]
    floor_ratio = parse["ticketkit Ticket"] / parse["json.loads"]
    overhead = call["desk.tickets.get"] / call["generated sync_detailed"] - 1
    throughput = flow["AsyncDesk"] / flow["raw httpx.AsyncClient"]
    import_ms = (imp["ticketkit"] - imp["httpx"]) * 1000

    lines = [
        "# Benchmarks",
        "",
        "Written by `nox -s bench` (`benchmarks/bench.py`). Every figure is measured side by side with its peers",
        f"in one run, interleaved, median of {ROUNDS} rounds unless said otherwise. Not part of the test suite.",
        "",
        f"- Machine: {_cpu()}, {platform.machine()}, Python {platform.python_version()}",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        "| # | measure | figure | target | |",
        "|---|---|---|---|---|",
        f"| 1 | parse one Intercom ticket with 50 parts ({results['parse']['bytes']:,} bytes) into the unified Ticket "
        f"| {_us(parse['ticketkit Ticket'])}; official SDK {_us(parse['official SDK Ticket'])} → **{sdk_ratio:.1f}× "
        f"faster** | ≥ 10× faster than the official SDK | {_verdict(sdk_ratio >= 10)} |",
        f"| 1 | … against `json.loads` alone ({_us(parse['json.loads'])}) | **{floor_ratio:.1f}×** json.loads; "
        f"generated model alone {parse['generated model'] / parse['json.loads']:.1f}× | within 8× | "
        f"{_verdict(floor_ratio <= 8)} |",
        f"| 2 | `desk.tickets.get` per call, in-process transport | {_us(call['desk.tickets.get'])}; generated "
        f"`sync_detailed` {_us(call['generated sync_detailed'])}; raw httpx + json.loads "
        f"{_us(call['raw httpx + json.loads'])} → overlay adds **{overhead:+.0%}** | ≤ +30% over the generated "
        f"client | {_verdict(overhead <= 0.30)} |",
        f"| 3 | {results['throughput']['total']:,} gets, {results['throughput']['in_flight']} in flight, sandbox on "
        f"loopback (median of 3 runs) | AsyncDesk {flow['AsyncDesk']:,.0f}/s; raw httpx.AsyncClient "
        f"{flow['raw httpx.AsyncClient']:,.0f}/s → **{throughput:.2f} of raw** | ≥ 0.8 of raw | "
        f"{_verdict(throughput >= 0.8)} |",
        f"| 4 | `import ticketkit` in a fresh interpreter | {imp['ticketkit'] * 1000:.1f} ms; `import httpx` "
        f"{imp['httpx'] * 1000:.1f} ms → ticketkit adds **{import_ms:.1f} ms** | ≤ 50 ms | "
        f"{_verdict(import_ms <= 50)} |",
        f"| 5 | memory per unified Ticket (no thread), {mem['count']:,} held in a list | "
        f"**{mem['bytes_per_ticket']:,.0f} bytes** (raw payload kept; the JSON is {mem['json_bytes']} bytes) | — | |",
        f"| 6 | `nox -s generate` on an existing environment (median of {len(gen['samples'])}) | "
        f"**{gen['seconds']:.1f} s** (four clients and the unified model) | — | |",
        "",
        *export_bench.report(results["export"], _verdict),
        *sync_bench.report(results["sync"], _verdict),
        "Medians in seconds per call (1–6); the export's counts and seconds (7–10):",
        "",
        "```",
        json.dumps(results, indent=2, default=float),
        "```",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if argv == ["export"]:  # the export's benchmarks alone, printed (BENCHMARKS.md is written by a whole run)
        results = export_bench.run_all()
        print("\n".join(export_bench.report(results, _verdict)))
        print(json.dumps(results, indent=2))
        return
    if argv == ["sync"]:  # the sync-vs-export benchmark alone, printed
        result = sync_bench.bench_sync()
        print("\n".join(sync_bench.report(result, _verdict)))
        print(json.dumps(result, indent=2))
        return
    results = {
        "parse": bench_parse(),
        "call": bench_call(),
        "throughput": bench_throughput(),
        "import": bench_import(),
        "memory": bench_memory(),
        "generate": bench_generate(),
        "export": export_bench.run_all(),
        "sync": sync_bench.bench_sync(),
    }
    text = report(results)
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
