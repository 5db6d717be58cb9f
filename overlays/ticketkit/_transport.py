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

from . import _arguments as args
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
from ._redaction import Secrets

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Operations that create something: repeating one that may have arrived could create it twice.
CREATING_OPERATIONS = frozenset({"tickets.create", "comments.create"})
DOWNLOAD_OPERATIONS = frozenset({"attachments.download"})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
# All a request to another host than the API's (an Intercom attachment's file store) carries: none of the
# caller's headers, which may be credentials, and no Authorization (see `_send_kwargs`).
OFF_API_HEADERS = frozenset({"host", "user-agent", "accept", "accept-encoding", "connection"})
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
    # The credentials the caller gave (and this call's secret-looking extra_headers), to mask in errors.
    secrets: Secrets = field(default_factory=Secrets)

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
            secrets=self.secrets.with_headers(extra_headers),
        )


# The checks live in _arguments.py with every other argument check; these names stay for the transport's users.


def as_timeout(value: object) -> httpx.Timeout:
    return args.timeout(value)


def as_retries(value: object) -> int:
    return args.retries(value)


def as_positive(name: str, value: object) -> float:
    return args.positive_number(name, value)


def as_headers(value: object) -> dict[str, str]:
    return args.headers("extra_headers", value, "credentials go in token= on connect(), not in extra_headers")


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
                raise _status_error(adapter, options.secrets.response(outcome))  # masked before it is read
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
    where = f"{adapter.vendor} {call.operation}"
    if options.extra_headers:
        kwargs["headers"] = {**(kwargs.get("headers") or {}), **options.extra_headers}
    if options.timeout is not None:
        kwargs["timeout"] = options.timeout
    try:
        url = httpx.URL(kwargs["url"])
        if not url.is_absolute_url:
            args.request_path(where, url.raw_path.decode("ascii"))  # every id, server-given too, stays in its segment
        elif call.authenticated and _origin(url) != _origin(client.base_url):
            raise InvalidArgumentError(f"{where}: refusing to send credentials to {url.host}, off the API")
        request = client.build_request(**kwargs)
        if _origin(request.url) != _origin(client.base_url):
            _keep_only(request.headers, OFF_API_HEADERS)
        return request
    except InvalidArgumentError:
        raise
    except httpx.InvalidURL as exc:
        raise InvalidArgumentError(f"{where}: {exc}") from exc
    except (TypeError, ValueError) as exc:  # a body JSON cannot write (NaN, an object), a header that is not ASCII
        raise InvalidArgumentError(f"{where}: the request cannot be encoded ({type(exc).__name__}: {exc})") from exc


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _keep_only(headers: httpx.Headers, allowed: frozenset[str]) -> None:
    """Drop every header but `allowed`: `build_request` merged the client's defaults (the caller's
    `headers=`, an `X-Api-Key`, cookies) and the call's `extra_headers` into the request."""
    for name in {name.lower() for name in headers} - allowed:
        del headers[name]


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


# httpx resolves a redirect's Location even when it does not follow it, and one it cannot resolve
# ("data:x,y", "https:x") raises there: a bare InvalidURL (no HTTPError) or RemoteProtocolError, and the
# response is lost. This hook, on every desk's client, moves such a Location aside first, so the response
# reaches the policy (an error for its 3xx status) and the Intercom download (which refuses the hop).
UNUSABLE_LOCATION = "x-ticketkit-unusable-location"


def set_aside_unusable_location(response: httpx.Response) -> None:
    if not response.has_redirect_location:
        return
    location = response.headers["location"]
    try:  # the steps of httpx's Client._redirect_url
        url = httpx.URL(location)
        if url.scheme and not url.host:
            url = url.copy_with(host=response.request.url.host)
        if url.is_relative_url:
            response.request.url.join(url)
    except httpx.InvalidURL:
        del response.headers["location"]
        response.headers[UNUSABLE_LOCATION] = location


async def aset_aside_unusable_location(response: httpx.Response) -> None:
    set_aside_unusable_location(response)


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
