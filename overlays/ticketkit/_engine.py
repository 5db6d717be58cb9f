"""Drives an adapter's plans to their results, sync or async: each call a plan yields goes through the
transport policy (`_transport.py`), and its response goes back into the plan.

A plan is started (`start`) when its desk method is called, before any I/O: everything it checks before its
first `yield` is checked there. It is run later, by `run_sync` or `run_async`, from where it stopped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from ._adapter import Adapter, Call, Plan
from ._transport import RequestOptions, send_async, send_sync

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Started(Generic[T]):
    """A plan run up to its first call (`first`), or to its end without one (`first` None, `result` set)."""

    plan: Plan[T]
    first: Call | None
    result: Any = None


def start(plan: Plan[T]) -> Started[T]:
    """Run `plan` up to its first request: its argument checks raise here, and nothing is sent."""
    try:
        return Started(plan, next(plan))
    except StopIteration as done:  # it needed no request (a list that can match nothing)
        return Started(plan, None, done.value)


def run_sync(client: httpx.Client, adapter: Adapter, started: Started[T], options: RequestOptions) -> T:
    """Drive a started plan to its result, sending each call it yields; all of them within `options.call_timeout`."""
    plan, call = started.plan, started.first
    if call is None:
        result: T = started.result
        return result
    deadline = time.monotonic() + options.call_timeout
    try:
        while True:
            call = plan.send(send_sync(client, adapter, call, options, deadline))
    except StopIteration as done:
        result = done.value
        return result
    finally:
        plan.close()


async def run_async(client: httpx.AsyncClient, adapter: Adapter, started: Started[T], options: RequestOptions) -> T:
    """Drive a started plan to its result without blocking the event loop; all of it within `options.call_timeout`."""
    plan, call = started.plan, started.first
    if call is None:
        result: T = started.result
        return result
    deadline = time.monotonic() + options.call_timeout
    try:
        while True:
            call = plan.send(await send_async(client, adapter, call, options, deadline))
    except StopIteration as done:
        result = done.value
        return result
    finally:
        plan.close()
