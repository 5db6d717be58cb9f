"""Hooks: the caller's callbacks on what a desk's transport does (`connect(..., hooks=Hooks(...))`).

The transport's policy (`_transport.py`) is sans-IO: it yields an `Event` step at each moment a hook may
see, and the sync or async driver hands it to the callback (`fire_sync`, `fire_async`). So both desks call
hooks at exactly the same points, in the same order:

    request -> response -> [retry -> (rate_limit_wait) -> request -> response ...]

- `on_request(RequestEvent)`: the `httpx.Request` of one attempt, just before it is sent (after the rate
  budget let it go), with the client's and the call's headers. `Authorization` is added by the auth flow
  while it is sent, so the same object (and `response.request`) carries it afterwards: treat both as
  secret-bearing, never log their headers as they are. ticketkit itself passes no credential to a hook in
  any other field, and reports no OAuth token request (Routera's): those answers hold credentials.
- `on_response(ResponseEvent)`: the response of one attempt (body read), its status whatever it is, and the
  seconds the attempt took; retried answers (a 503 before the 200) included. Not called for an attempt that
  got no answer (a connection error, a timeout) or whose request was never sent because Routera's token
  endpoint answered 408, 429 or 5xx: `on_retry` says why ("HTTP 503 from /oauth2/token ..."), when it is retried.
- `on_retry(RetryEvent)`: a retry was decided: the attempt that failed, why ("HTTP 503", "timeout
  (ReadTimeout)", "connection error (ConnectError)"), and the seconds slept before the next attempt.
- `on_rate_limit_wait(RateLimitWaitEvent)`: the credential's rate budget holds the next request back for
  `seconds`; `status` is the budget's state then (`desk.rate_limit`'s).

A callback that raises ends the call with its exception, unchanged (as httpx's event hooks do): nothing more
is sent for that call, the rate budget's slot is given back and the response was read and closed already.
A write the vendor had answered before `on_response` raised has happened. On a `Desk` callbacks are plain
functions; on an `AsyncDesk` they may also be `async def` (awaited in the call's task).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ._budget import RateLimitStatus
from ._errors import InvalidArgumentError


@dataclass(frozen=True, slots=True)
class RequestEvent:
    """One attempt about to be sent: `request` (may carry credentials, see `Hooks`), the unified `operation`
    ("tickets.get", "request" for `desk.request()`), the `vendor`, and the `attempt` number from 1."""

    request: httpx.Request
    operation: str
    vendor: str
    attempt: int


@dataclass(frozen=True, slots=True)
class ResponseEvent:
    """One attempt's answer (its body read): `response`, `elapsed` seconds from sending to the last byte, the
    `operation`, `vendor` and `attempt` number."""

    response: httpx.Response
    elapsed: float
    operation: str
    vendor: str
    attempt: int


@dataclass(frozen=True, slots=True)
class RetryEvent:
    """A retry decided: `attempt` (the one that failed, from 1), `reason`, `wait` (seconds slept before the
    next attempt), the `operation` and `vendor`."""

    attempt: int
    reason: str
    wait: float
    operation: str
    vendor: str


@dataclass(frozen=True, slots=True)
class RateLimitWaitEvent:
    """The rate budget holds the next request back for `seconds`; `status` is the budget's state then."""

    seconds: float
    status: RateLimitStatus
    operation: str
    vendor: str


Event = RequestEvent | ResponseEvent | RetryEvent | RateLimitWaitEvent


@dataclass(frozen=True, slots=True)
class Hooks:
    """Callbacks on a desk's HTTP traffic, for metrics, tracing and logs: `connect(..., hooks=Hooks(...))`.

    Each is optional and takes one event object (see the event classes); on an AsyncDesk it may be
    `async def`. A callback that raises ends the call with that exception, unchanged. The request a hook sees
    may carry credentials: log what you need from it, never its headers as they are.
    """

    on_request: Callable[[RequestEvent], Awaitable[None] | None] | None = None
    on_response: Callable[[ResponseEvent], Awaitable[None] | None] | None = None
    on_retry: Callable[[RetryEvent], Awaitable[None] | None] | None = None
    on_rate_limit_wait: Callable[[RateLimitWaitEvent], Awaitable[None] | None] | None = None

    def callback(self, event: Event) -> Callable[[Any], Awaitable[None] | None] | None:
        """The callback for this kind of event, or None."""
        if isinstance(event, RequestEvent):
            return self.on_request
        if isinstance(event, ResponseEvent):
            return self.on_response
        if isinstance(event, RetryEvent):
            return self.on_retry
        return self.on_rate_limit_wait


NAMES = ("on_request", "on_response", "on_retry", "on_rate_limit_wait")


def checked(value: object, *, is_async: bool) -> Hooks | None:
    """connect()'s `hooks=`: None or a `Hooks` whose callbacks are callables (plain ones for a sync Desk)."""
    if value is None:
        return None
    if not isinstance(value, Hooks):
        raise InvalidArgumentError(f"hooks must be a ticketkit.Hooks, not {type(value).__name__}")
    for name in NAMES:
        callback = getattr(value, name)
        if callback is None:
            continue
        if not callable(callback):
            raise InvalidArgumentError(f"hooks.{name} must be callable, not {type(callback).__name__}")
        if not is_async and _is_async_callable(callback):
            raise InvalidArgumentError(
                f"hooks.{name} is async: a Desk calls its hooks synchronously (use connect_async() for async hooks)"
            )
    return value


def _is_async_callable(callback: object) -> bool:
    # An object with an `async def __call__` is one too.
    return inspect.iscoroutinefunction(callback) or (
        not inspect.isroutine(callback) and inspect.iscoroutinefunction(type(callback).__call__)
    )


def fire_sync(hooks: Hooks, event: Event) -> None:
    """Call the event's callback on a sync desk; one that returns an awaitable is refused (never left pending)."""
    callback = hooks.callback(event)
    if callback is None:
        return
    result = callback(event)
    if inspect.isawaitable(result):
        close = getattr(result, "close", None)
        if close is not None:
            close()  # a coroutine never awaited would warn later, far from here
        raise InvalidArgumentError(
            f"a hook returned an awaitable on a sync Desk ({type(event).__name__}): use connect_async() for async hooks"
        )


async def fire_async(hooks: Hooks, event: Event) -> None:
    """Call the event's callback on an AsyncDesk, awaiting it when it is async."""
    callback = hooks.callback(event)
    if callback is None:
        return
    result = callback(event)
    if inspect.isawaitable(result):
        await result
