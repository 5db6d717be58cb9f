"""One retry, rate-limit, timeout and logging policy for every vendor, sync and async.

The policy is a sans-IO generator (`_attempts`): it yields `Send` and `Sleep` steps and is told what came
back. `send_sync` and `send_async` only carry the steps out (httpx and `time.sleep`, or httpx and
`asyncio.sleep`), so both desks follow exactly the same rules:

- Retried: connection failures, timeouts and 408/500/502/503/504 on operations that are safe to repeat
  (reads, idempotent updates, writes that carry an Idempotency-Key); 429 on any operation (the vendor did
  not act on it); any operation whose connection failed before the request left (nothing was sent).
- Never retried: other 4xx, and a create or reply without an idempotency key once it may have arrived.
- Wait: the vendor's `retry-after-ms`, `Retry-After` (seconds or HTTP date) or `X-RateLimit-Reset`; else
  exponential backoff from 0.5 s, doubling, capped at 8 s, with jitter. A vendor-asked wait above
  `max_retry_wait` is not slept: the error is raised at once, with `retry_after` set on a RateLimitError.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._adapter import Adapter, Call
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InvalidArgumentError,
    ResponseTooLargeError,
    TicketkitError,
    status_error,
)
from ._logging import log_attempt
from ._parsing import json_body

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Operations that create something: repeating one that may have arrived could create it twice.
CREATING_OPERATIONS = frozenset({"tickets.create", "comments.create"})
DOWNLOAD_OPERATIONS = frozenset({"attachments.download"})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
# httpx errors raised before any byte of the request left: repeating is always safe.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RequestOptions:
    """How to send: the desk's defaults, or one call's overrides of them."""

    timeout: httpx.Timeout | None = None
    max_retries: int = 2
    max_retry_wait: float = 60.0
    max_download_bytes: int = 100 * 1024 * 1024
    extra_headers: Mapping[str, str] = field(default_factory=dict)

    def merged(
        self,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RequestOptions:
        """These options with one call's overrides (None keeps the desk's value)."""
        return RequestOptions(
            timeout=self.timeout if timeout is None else as_timeout(timeout),
            max_retries=self.max_retries if max_retries is None else as_retries(max_retries),
            max_retry_wait=self.max_retry_wait,
            max_download_bytes=self.max_download_bytes,
            extra_headers={**self.extra_headers, **as_headers(extra_headers)},
        )


def as_timeout(value: object) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return httpx.Timeout(float(value), connect=min(float(value), 5.0))
    raise InvalidArgumentError(f"timeout must be a positive number of seconds or an httpx.Timeout, not {value!r}")


def as_retries(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidArgumentError(f"max_retries must be a non-negative integer, not {value!r}")
    return value


def as_positive(name: str, value: object) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        raise InvalidArgumentError(f"{name} must be a positive number, not {value!r}")
    return float(value)


def as_headers(value: object) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise InvalidArgumentError(f"extra_headers must map header names to strings, not {value!r}")
    if any(name.lower() == "authorization" for name in value):
        raise InvalidArgumentError("credentials go in token= on connect(), not in extra_headers")
    return dict(value)


# -- the policy -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Send:
    request: httpx.Request
    authenticated: bool
    max_bytes: int | None


@dataclass(frozen=True)
class Sleep:
    seconds: float


Step = Send | Sleep
# What a Send step produced: the response (body read), or the httpx error it raised.
Outcome = httpx.Response | httpx.HTTPError | None


def retry_safe(call: Call) -> bool:
    """Whether repeating the call after it may have reached the vendor cannot duplicate anything."""
    if call.operation not in CREATING_OPERATIONS:
        return True
    headers = call.request.get("headers") or {}
    return any(name.lower() == "idempotency-key" for name in headers)


def backoff(retry_number: int) -> float:
    """0.5 s, 1 s, 2 s, ... capped at 8 s, less up to a quarter at random (so clients spread out)."""
    delay = min(INITIAL_DELAY * 2.0**retry_number, MAX_DELAY)
    return delay * (1 - 0.25 * random.random())


def _attempts(
    client: httpx.Client | httpx.AsyncClient, adapter: Adapter, call: Call, options: RequestOptions
) -> Generator[Step, Outcome, httpx.Response]:
    safe = retry_safe(call)
    max_bytes = options.max_download_bytes if call.operation in DOWNLOAD_OPERATIONS else None
    attempt = 0
    while True:
        attempt += 1
        request = _build(client, adapter, call, options)
        started = time.monotonic()
        outcome = yield Send(request, call.authenticated, max_bytes)
        elapsed = time.monotonic() - started
        retries_left = attempt <= options.max_retries

        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            if status in call.expect:
                log_attempt(adapter, call, request, attempt, elapsed, status)
                return outcome
            asked = adapter.retry_after(outcome)
            retry = retries_left and status in RETRY_STATUSES and (safe or status == 429)
            if retry and asked is not None and asked > options.max_retry_wait:
                retry = False  # not worth holding the caller: let it decide (retry_after says how long)
            wait = (asked if asked is not None else backoff(attempt - 1)) if retry else None
            log_attempt(adapter, call, request, attempt, elapsed, status, wait)
            if wait is None:  # the body is read only for the error raised: the retry never waits on it
                raise _status_error(adapter, outcome)
        else:
            assert outcome is not None
            failure = _connection_error(adapter, call, outcome)
            timed_out = isinstance(outcome, httpx.TimeoutException)
            retry = retries_left and (safe or isinstance(outcome, NOT_SENT))
            wait = backoff(attempt - 1) if retry else None
            log_attempt(adapter, call, request, attempt, elapsed, "timeout" if timed_out else "error", wait)
            if wait is None:
                raise failure from outcome
        yield Sleep(wait)


def _build(
    client: httpx.Client | httpx.AsyncClient, adapter: Adapter, call: Call, options: RequestOptions
) -> httpx.Request:
    kwargs = dict(call.request)
    if options.extra_headers:
        kwargs["headers"] = {**(kwargs.get("headers") or {}), **options.extra_headers}
    if options.timeout is not None:
        kwargs["timeout"] = options.timeout
    try:
        return client.build_request(**kwargs)
    except httpx.InvalidURL as exc:
        raise InvalidArgumentError(f"{adapter.vendor} {call.operation}: {exc}") from exc


def _status_error(adapter: Adapter, response: httpx.Response) -> APIStatusError:
    try:
        body: Any = json_body(response, adapter.vendor, "")
    except TicketkitError:
        body = response.text
    return status_error(adapter.vendor, response, adapter.read_error(response), body, adapter.retry_after(response))


def _connection_error(adapter: Adapter, call: Call, exc: httpx.HTTPError) -> APIConnectionError:
    where = f"{adapter.vendor} {call.operation}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(adapter.vendor, f"{where}: timed out ({type(exc).__name__})")
    return APIConnectionError(adapter.vendor, f"{where}: connection failed ({type(exc).__name__}: {exc})")


# -- carrying the steps out -------------------------------------------------------------------------------


def send_sync(client: httpx.Client, adapter: Adapter, call: Call, options: RequestOptions) -> httpx.Response:
    """Send a call under the policy, blocking."""
    steps = _attempts(client, adapter, call, options)
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, Sleep):
                time.sleep(step.seconds)
                outcome = None
                continue
            try:
                outcome = _receive_sync(client, step)
            except httpx.HTTPError as exc:
                outcome = exc
    except StopIteration as done:
        response: httpx.Response = done.value
        return response


async def send_async(
    client: httpx.AsyncClient, adapter: Adapter, call: Call, options: RequestOptions
) -> httpx.Response:
    """Send a call under the policy; waits yield to the event loop."""
    steps = _attempts(client, adapter, call, options)
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, Sleep):
                await asyncio.sleep(step.seconds)
                outcome = None
                continue
            try:
                outcome = await _receive_async(client, step)
            except httpx.HTTPError as exc:
                outcome = exc
    except StopIteration as done:
        response: httpx.Response = done.value
        return response


def _send_kwargs(step: Send) -> dict[str, Any]:
    # auth=None: no Authorization at all, for a URL outside the vendor's API (an Intercom attachment).
    return {"stream": True} | ({} if step.authenticated else {"auth": None})


def _receive_sync(client: httpx.Client, step: Send) -> httpx.Response:
    response = client.send(step.request, **_send_kwargs(step))
    try:
        if step.max_bytes is None:
            response.read()
            return response
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > step.max_bytes:
                raise _too_large(step, response)
            chunks.append(chunk)
        return _with_body(response, b"".join(chunks))
    finally:
        response.close()


async def _receive_async(client: httpx.AsyncClient, step: Send) -> httpx.Response:
    response = await client.send(step.request, **_send_kwargs(step))
    try:
        if step.max_bytes is None:
            await response.aread()
            return response
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > step.max_bytes:
                raise _too_large(step, response)
            chunks.append(chunk)
        return _with_body(response, b"".join(chunks))
    finally:
        await response.aclose()


def _with_body(response: httpx.Response, content: bytes) -> httpx.Response:
    # A fresh, fully read response: the streamed one cannot be read a second time.
    # The chunks are decoded already: the length and encoding headers described the wire form.
    stale = ("content-encoding", "content-length", "transfer-encoding")
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in stale]
    return httpx.Response(response.status_code, headers=headers, content=content, request=response.request)


def _too_large(step: Send, response: httpx.Response) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{step.request.url.host}: the download exceeds max_download_bytes={step.max_bytes}; nothing was kept",
        limit=step.max_bytes or 0,
    )
