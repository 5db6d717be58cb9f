"""Drives an adapter's plans to their results, sync or async: each call a plan yields goes through the
transport policy (`_transport.py`), and its response goes back into the plan."""

from __future__ import annotations

import time
from typing import TypeVar

import httpx

from ._adapter import Adapter, Plan
from ._transport import RequestOptions, send_async, send_sync

T = TypeVar("T")


def run_sync(client: httpx.Client, adapter: Adapter, plan: Plan[T], options: RequestOptions) -> T:
    """Drive a plan to its result, sending each call it yields; all of them within `options.call_timeout`."""
    deadline = time.monotonic() + options.call_timeout
    try:
        call = next(plan)
        while True:
            call = plan.send(send_sync(client, adapter, call, options, deadline))
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        plan.close()


async def run_async(client: httpx.AsyncClient, adapter: Adapter, plan: Plan[T], options: RequestOptions) -> T:
    """Drive a plan to its result without blocking the event loop; all of it within `options.call_timeout`."""
    deadline = time.monotonic() + options.call_timeout
    try:
        call = next(plan)
        while True:
            call = plan.send(await send_async(client, adapter, call, options, deadline))
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        plan.close()
