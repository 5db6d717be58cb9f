"""Run desk calls in this process and print what each cost: `python memory_probe.py '<json>'`.

The tests that bound memory run calls here, in a child process, so that the peak resident memory is the
calls' own. The JSON argument names the vendor, base URL, operation ("get" or "download"), mode ("sync" or
"async"), connect() options and how many `calls` to make one after the other (each on a desk of its own);
`limit_mb` (optional) caps the child's address space that far above what it holds before the first call, so
that a regression fails with a MemoryError here instead of taking the test machine's memory. The result, one
JSON line on stdout: for each call, the error's class and message (or null), the resident memory before the
call and its peak during the call (KiB), and how long the call took.

The peak is Linux's VmHWM, the high-water mark of this process's own address space, reset before each call
(`clear_refs`). (`ru_maxrss` would not do: after fork and exec it starts at the parent's peak, pytest's.)
"""

from __future__ import annotations

import asyncio
import gc
import json
import resource
import sys
import time
from typing import Any

import ticketkit


def _status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _vm_kib() -> int:
    return _status_kib("VmSize")


def _peak_kib() -> int:
    return _status_kib("VmHWM")


def _call(desk: Any, operation: str) -> Any:
    if operation == "get":
        return desk.tickets.get("t1")
    return desk.attachments.download(ticketkit.Attachment(id="a1", name="f", ticket_id="t1", raw={}))


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")  # resets VmHWM to the current resident size


def main(spec: dict[str, Any]) -> list[dict[str, Any]]:
    ticketkit.connect(spec["vendor"], token="t", base_url=spec["base_url"]).close()  # imports what a call needs
    if spec.get("limit_mb"):
        budget = _vm_kib() * 1024 + spec["limit_mb"] * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    return [one_call(spec) for _ in range(spec.get("calls", 1))]


def one_call(spec: dict[str, Any]) -> dict[str, Any]:
    gc.collect()  # what an earlier call left in reference cycles is not this call's
    options = {"token": "tok-123", "base_url": spec["base_url"], **spec.get("options", {})}
    if spec["mode"] == "sync":
        desk: Any = ticketkit.connect(spec["vendor"], **options)
    else:
        desk = ticketkit.connect_async(spec["vendor"], **options)
    _reset_peak()
    before = _status_kib("VmRSS")
    started = time.monotonic()
    error: BaseException | None = None
    try:
        if spec["mode"] == "sync":
            with desk:
                _call(desk, spec["operation"])
        else:

            async def go() -> None:
                async with desk:
                    await _call(desk, spec["operation"])

            asyncio.run(go())
    except Exception as exc:
        error = exc
    return {
        "error": None if error is None else type(error).__name__,
        "message": None if error is None else str(error)[:300],
        "before_kib": before,
        "peak_kib": _peak_kib(),
        "seconds": time.monotonic() - started,
    }


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
