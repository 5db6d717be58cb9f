"""One retry, rate-limit, timeout and logging policy for every vendor, sync and async.

The policy is a sans-IO generator (`_attempts`): it yields `Send` and `Sleep` steps and is told what came
back. `send_sync` and `send_async` only carry the steps out (httpx and `time.sleep`, or httpx and
`asyncio.sleep`), so both desks follow exactly the same rules:

- Retried: connection failures, timeouts and 408/500/502/503/504 on operations that are safe to repeat
  (reads, idempotent updates, writes that carry an Idempotency-Key); 429 on any operation (the vendor did
  not act on it); any operation whose connection failed before the request left (nothing was sent).
- Never retried: other 4xx, and a create or reply without an idempotency key once it may have arrived.
  An auth flow's 408, 429 or 5xx (Routera's token endpoint) came before the call's request was sent: retried.
- Wait: the vendor's `retry-after-ms`, `Retry-After` (seconds or HTTP date) or `X-RateLimit-Reset`; else
  exponential backoff from 0.5 s, doubling, capped at 8 s, with jitter. A vendor-asked wait above
  `max_retry_wait` is not slept: the error is raised at once, with `retry_after` set on a RateLimitError.
- Time: each attempt ends within `attempt_timeout` (downloads: `download_timeout`), from connecting to the
  last byte of the body, however slowly the server sends (`_deadline.py`); the whole call, retries and waits
  included, within `call_timeout`. A wait that would pass the call's deadline is not slept: the call raises
  APITimeoutError, or the vendor's own error (a RateLimitError with `retry_after`) when the vendor asked for it.
- Size: a body is read as it arrives and decoded in small pieces (`_decoding.py`), at most
  `max_response_bytes` of it (downloads: `max_download_bytes`), counted decoded: ResponseTooLargeError past it.
  Of an error body, the first ERROR_BODY_BYTES are kept for the message and the rest is never read.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import random
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from . import _arguments as args
from . import _deadline
from ._adapter import Adapter, Call
from ._budget import RateBudget
from ._decoding import BodyReader, UnsupportedEncoding, encodings
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ResponseValidationError,
    TicketkitError,
    status_error,
)
from ._hooks import Event, Hooks, RateLimitWaitEvent, RequestEvent, ResponseEvent, RetryEvent, fire_async, fire_sync
from ._logging import log_attempt
from ._raw import record
from ._reading import json_body
from ._redaction import Secrets
from ._request import PASSTHROUGH, build_request

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Operations that create something: repeating one that may have arrived could create it twice.
CREATING_OPERATIONS = frozenset({"tickets.create", "comments.create"})
# HTTP methods whose repetition has the effect of one request (RFC 9110 9.2.2): what `desk.request()` retries
# without an Idempotency-Key.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
DOWNLOAD_OPERATIONS = frozenset({"attachments.download"})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
# httpx errors raised before any byte of the request left: repeating is always safe.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

# The largest API answer read (decoded). The biggest real ones (a ticket with a long thread, a page of a
# hundred tickets with their raw payloads) are a few MB; parsing JSON into Python objects costs several times
# its size, so 32 MiB keeps a call's memory within a few hundred MB while leaving a tenfold margin.
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024
# Of an error answer, this much is kept for the message (the vendors' error bodies are under a kilobyte).
ERROR_BODY_BYTES = 64 * 1024
# One attempt of an API call, connect to last byte: twice the default read timeout. Gateways in front of
# these APIs give up after 30 to 60 s themselves.
ATTEMPT_TIMEOUT = 60.0
# One attempt of a download, whose length grows with the file: 100 MB (the default cap) needs 2.7 Mbit/s.
DOWNLOAD_TIMEOUT = 300.0
# A whole call: exactly the longest the default policy can legitimately run (3 attempts of 60 s and two
# vendor-asked waits of up to max_retry_wait=60 s), so the default never cuts short a call that would succeed.
CALL_TIMEOUT = 300.0
# Requests a bulk helper keeps in flight by default: enough to reach a vendor's rate limit at ~100 ms a request
# (Intercom's ~166 requests a second needs ~17), few enough not to flood a small self-hosted install.
DEFAULT_CONCURRENCY = 8


@dataclass(frozen=True)
class RequestOptions:
    """How to send: the desk's defaults, or one call's overrides of them."""

    timeout: httpx.Timeout | None = None
    max_retries: int = 2
    max_retry_wait: float = 60.0
    max_download_bytes: int = MAX_DOWNLOAD_BYTES
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    # The credentials the caller gave (and this call's secret-looking extra_headers), to mask in errors.
    secrets: Secrets = field(default_factory=Secrets)
    max_response_bytes: int = MAX_RESPONSE_BYTES
    attempt_timeout: float = ATTEMPT_TIMEOUT
    download_timeout: float = DOWNLOAD_TIMEOUT
    call_timeout: float = CALL_TIMEOUT
    # The rate budget of the desk's credential (`_budget.py`), shared with every desk on it; None: unpaced.
    budget: RateBudget | None = field(default=None, compare=False)
    # How many requests a bulk helper (`get_many`, `list_many`) keeps in flight unless told otherwise.
    concurrency: int = DEFAULT_CONCURRENCY
    # The caller's callbacks on each attempt, retry and rate-limit wait (`_hooks.py`); None: no events at all.
    hooks: Hooks | None = field(default=None, compare=False)

    def merged(
        self,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        call_timeout: float | None = None,
    ) -> RequestOptions:
        """These options with one call's overrides (None keeps the desk's value).

        A number of seconds as `timeout` also bounds each attempt of this call, a download's included.
        """
        per_attempt = args.timeout_seconds(timeout)
        return dataclasses.replace(
            self,
            timeout=self.timeout if timeout is None else args.timeout(timeout),
            max_retries=self.max_retries if max_retries is None else args.retries(max_retries),
            extra_headers={**self.extra_headers, **args.extra_headers(extra_headers)},
            secrets=self.secrets.with_headers(extra_headers),
            attempt_timeout=self.attempt_timeout if per_attempt is None else per_attempt,
            download_timeout=self.download_timeout if per_attempt is None else per_attempt,
            call_timeout=self.call_timeout
            if call_timeout is None
            else args.positive_number("call_timeout", call_timeout),
        )


def with_limits(
    options: RequestOptions,
    *,
    timeout: object,
    max_response_bytes: object,
    attempt_timeout: object,
    download_timeout: object,
    call_timeout: object,
) -> RequestOptions:
    """The desk's options with connect()'s size and time limits, checked.

    `attempt_timeout` left as None is `timeout` when that is a number of seconds, else ATTEMPT_TIMEOUT.
    """
    if attempt_timeout is None:
        attempt_timeout = args.timeout_seconds(timeout) or ATTEMPT_TIMEOUT
    return dataclasses.replace(
        options,
        max_response_bytes=args.byte_count("max_response_bytes", max_response_bytes),
        attempt_timeout=args.positive_number("attempt_timeout", attempt_timeout),
        download_timeout=args.positive_number("download_timeout", download_timeout),
        call_timeout=args.positive_number("call_timeout", call_timeout),
    )


# -- the policy -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Send:
    request: httpx.Request
    call: Call
    vendor: str
    max_bytes: int  # of a body with an expected status, decoded
    limit_name: str  # the option that set max_bytes, for the error message
    deadline: float  # time.monotonic() by which the attempt, body included, is over


@dataclass(frozen=True)
class Sleep:
    seconds: float


# An Event step hands a hook its event (`_hooks.py`); it produces nothing for the policy.
Step = Send | Sleep | Event
# What a Send step produced: the response (body read), or the httpx error it raised.
Outcome = httpx.Response | httpx.HTTPError | None


def retry_safe(call: Call) -> bool:
    """Whether repeating the call after it may have reached the vendor cannot duplicate anything: not a
    create, nor a `desk.request()` with a method that is not idempotent, unless it carries an Idempotency-Key."""
    if call.operation == PASSTHROUGH:
        creating = str(call.request.get("method", "GET")).upper() not in IDEMPOTENT_METHODS
    else:
        creating = call.operation in CREATING_OPERATIONS
    if not creating:
        return True
    headers = call.request.get("headers") or {}
    return any(name.lower() == "idempotency-key" for name in headers)


def backoff(retry_number: int) -> float:
    """0.5 s, 1 s, 2 s, ... capped at 8 s, less up to a quarter at random (so clients spread out)."""
    delay = min(INITIAL_DELAY * 2.0**retry_number, MAX_DELAY)
    return delay * (1 - 0.25 * random.random())


def _attempts(
    client: httpx.Client | httpx.AsyncClient, adapter: Adapter, call: Call, options: RequestOptions, deadline: float
) -> Generator[Step, Outcome, httpx.Response]:
    safe = retry_safe(call)
    if call.operation in DOWNLOAD_OPERATIONS:
        max_bytes, limit_name, per_attempt = options.max_download_bytes, "max_download_bytes", options.download_timeout
    else:
        max_bytes, limit_name, per_attempt = options.max_response_bytes, "max_response_bytes", options.attempt_timeout
    budget = options.budget
    hooks = options.hooks
    attempt = 0
    slept_until = -math.inf  # the end of this call's own last wait (a retry's)
    while True:
        attempt += 1
        if budget is not None:  # the credential's pace: wait for a slot, within the call's time
            yield from _paced(budget, adapter, call, options, deadline, slept_until)
        started = time.monotonic()
        if started >= deadline:  # an earlier call of the same plan used the time up: send nothing more
            if budget is not None:
                budget.release()
            raise APITimeoutError(
                adapter.vendor,
                f"{adapter.vendor} {call.operation}: call_timeout={options.call_timeout:g} s passed before it was sent",
            )
        attempt_deadline = min(started + per_attempt, deadline)
        answered = False
        try:
            request = build_request(client, adapter, call, options, attempt_deadline - started)
            step = Send(request, call, adapter.vendor, max_bytes, limit_name, attempt_deadline)
            sent = started
            if hooks is not None:  # inside the try: a hook that raises gives the budget's slot back
                yield RequestEvent(request, call.operation, adapter.vendor, attempt)
                sent = time.monotonic()  # what the attempt took is the request's time, not the hook's
            outcome = yield step
            if budget is not None and isinstance(outcome, httpx.Response):
                budget.observe(outcome.status_code, outcome.headers, time.monotonic())
                answered = True
        finally:
            if budget is not None and not answered:
                budget.release()
        elapsed = time.monotonic() - sent
        retries_left = attempt <= options.max_retries
        # An answer to another request: the auth flow's own (Routera's token request) ended the attempt before
        # the call's request was sent, or after the vendor refused it with a 401. Nothing happened, so it is
        # retried whatever the operation; neither a raw call nor a hook sees it (a token answer is the auth's).
        unsent = isinstance(outcome, httpx.Response) and outcome.request is not request
        if isinstance(outcome, httpx.Response) and not unsent:
            record(outcome, elapsed)  # for a raw call (`_raw.py`), every attempt's answer
            if hooks is not None:
                yield ResponseEvent(outcome, elapsed, call.operation, adapter.vendor, attempt)

        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            if status in call.expect:
                log_attempt(adapter, call, request, attempt, elapsed, status)
                return outcome
            asked = adapter.retry_after(outcome)
            retry = retries_left and status in RETRY_STATUSES and (safe or status == 429 or unsent)
            if retry and asked is not None and asked > options.max_retry_wait:
                retry = False  # not worth holding the caller: let it decide (retry_after says how long)
            wait = (asked if asked is not None else backoff(attempt - 1)) if retry else None
            late = wait is not None and time.monotonic() + wait >= deadline
            log_attempt(adapter, call, request, attempt, elapsed, status, None if late else wait)
            if wait is None or late:  # the body is read only for an error raised: a retry never waits on it
                # Masked before it is read.
                error: TicketkitError = _status_error(adapter, options.secrets.response(outcome))
                if wait is None or asked is not None:
                    raise error  # a vendor-asked wait that would pass the deadline: the vendor's answer, as it is
            reason = f"HTTP {status}" + (f" from {outcome.request.url.path} (the call was not sent)" if unsent else "")
        else:
            assert outcome is not None
            timed_out = isinstance(outcome, httpx.TimeoutException)
            had = step.deadline - started if time.monotonic() >= step.deadline else None
            error = _connection_error(adapter, call, outcome, had)
            error.__cause__ = outcome
            retry = retries_left and (safe or isinstance(outcome, NOT_SENT))
            wait = backoff(attempt - 1) if retry else None
            late = wait is not None and time.monotonic() + wait >= deadline
            log_attempt(
                adapter, call, request, attempt, elapsed, "timeout" if timed_out else "error", None if late else wait
            )
            if wait is None:
                raise error from outcome
            reason = f"{'timeout' if timed_out else 'connection error'} ({type(outcome).__name__})"
        if late:
            raise APITimeoutError(
                adapter.vendor,
                f"{adapter.vendor} {call.operation}: no time left for another attempt within "
                f"call_timeout={options.call_timeout:g} s (attempt {attempt}: {error})",
            ) from error
        if hooks is not None:
            yield RetryEvent(attempt, reason, wait, call.operation, adapter.vendor)
        slept_until = time.monotonic() + wait
        yield Sleep(wait)


def _paced(
    budget: RateBudget, adapter: Adapter, call: Call, options: RequestOptions, deadline: float, slept_until: float
) -> Generator[Step, Outcome, None]:
    """Wait until the rate budget lets one more request go (it is then counted in flight)."""
    while True:
        now = time.monotonic()
        delay = budget.reserve(now, slept_until)
        if delay <= 0:
            return
        if delay > options.max_retry_wait:  # not worth holding the caller: the vendor's answer will say so
            budget.reserve(now, slept_until, at_once=True)
            return
        if now + delay >= deadline:
            raise APITimeoutError(
                adapter.vendor,
                f"{adapter.vendor} {call.operation}: the rate budget holds requests for {delay:.3g} s more, past "
                f"call_timeout={options.call_timeout:g} s (the vendor's rate limit; see desk.rate_limit)",
            )
        if options.hooks is not None:
            yield RateLimitWaitEvent(delay, budget.status(now), call.operation, adapter.vendor)
        slept_until = max(now, slept_until) + delay
        yield Sleep(delay)


def _status_error(adapter: Adapter, response: httpx.Response) -> APIStatusError:
    try:
        body: Any = json_body(response, adapter.vendor, "")
    except TicketkitError:
        body = response.text
    info = adapter.read_error(response)
    if info.request_id is None:  # the body did not say: the vendor's request id header, where it sends one
        info = dataclasses.replace(info, request_id=adapter.request_id(response))
    return status_error(adapter.vendor, response, info, body, adapter.retry_after(response))


def _connection_error(
    adapter: Adapter, call: Call, exc: httpx.HTTPError, limit: float | None = None
) -> APIConnectionError:
    where = f"{adapter.vendor} {call.operation}"
    if isinstance(exc, httpx.TimeoutException):
        spent = f"; the attempt used all the time it had ({limit:.3g} s)" if limit is not None else ""
        return APITimeoutError(adapter.vendor, f"{where}: timed out ({type(exc).__name__}){spent}")
    return APIConnectionError(adapter.vendor, f"{where}: connection failed ({type(exc).__name__}: {exc})")


# -- carrying the steps out -------------------------------------------------------------------------------


def send_sync(
    client: httpx.Client, adapter: Adapter, call: Call, options: RequestOptions, deadline: float | None = None
) -> httpx.Response:
    """Send a call under the policy, blocking; all of it by `deadline` (default: call_timeout from now)."""
    steps = _attempts(client, adapter, call, options, _call_deadline(options, deadline))
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, Sleep):
                time.sleep(step.seconds)
                outcome = None
                continue
            if not isinstance(step, Send):
                assert options.hooks is not None  # the policy yields events only then
                fire_sync(options.hooks, step)
                outcome = None
                continue
            try:
                outcome = _receive_sync(client, step)
            except httpx.HTTPError as exc:
                outcome = exc
    except StopIteration as done:
        response: httpx.Response = done.value
        return response
    finally:
        steps.close()  # an error or a cancellation mid-attempt: the budget's slot is given back


async def send_async(
    client: httpx.AsyncClient,
    adapter: Adapter,
    call: Call,
    options: RequestOptions,
    deadline: float | None = None,
) -> httpx.Response:
    """Send a call under the policy; waits yield to the event loop."""
    steps = _attempts(client, adapter, call, options, _call_deadline(options, deadline))
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, Sleep):
                await asyncio.sleep(step.seconds)
                outcome = None
                continue
            if not isinstance(step, Send):
                assert options.hooks is not None
                await fire_async(options.hooks, step)
                outcome = None
                continue
            try:
                outcome = await _receive_async(client, step)
            except httpx.HTTPError as exc:
                outcome = exc
    except StopIteration as done:
        response: httpx.Response = done.value
        return response
    finally:
        steps.close()  # an error or a cancellation mid-attempt: the budget's slot is given back


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


def _call_deadline(options: RequestOptions, deadline: float | None) -> float:
    return time.monotonic() + options.call_timeout if deadline is None else deadline


def _send_kwargs(step: Send) -> dict[str, Any]:
    # auth=None: no Authorization at all, for a URL outside the vendor's API (an Intercom attachment).
    return {"stream": True} | ({} if step.call.authenticated else {"auth": None})


def _receive_sync(client: httpx.Client, step: Send) -> httpx.Response:
    token = _deadline.enter(step.deadline)
    try:
        response = client.send(step.request, **_send_kwargs(step))
        read_sync(response, step.vendor, step.call.operation, step.call.expect, step.max_bytes, step.limit_name)
        return response
    finally:
        _deadline.leave(token)


async def _receive_async(client: httpx.AsyncClient, step: Send) -> httpx.Response:
    token = _deadline.enter(step.deadline)
    try:
        response = await client.send(step.request, **_send_kwargs(step))
        await read_async(response, step.vendor, step.call.operation, step.call.expect, step.max_bytes, step.limit_name)
        return response
    finally:
        _deadline.leave(token)


def read_sync(
    response: httpx.Response,
    vendor: str,
    operation: str,
    expect: frozenset[int] = frozenset({200}),
    max_bytes: int = ERROR_BODY_BYTES,
    limit_name: str = "its limit",
) -> None:
    """`response.read()` within bounds: the body decoded, in place, and the response closed.

    With an expected status, at most `max_bytes` (ResponseTooLargeError past it); otherwise the first
    ERROR_BODY_BYTES. For every response ticketkit reads, an auth flow's token answer too (httpx reads each
    response it gave an auth flow again once the flow moves on, and then finds the body in place).
    """
    if response.is_stream_consumed:  # the transport answered with the body in memory (MockTransport)
        _check_in_memory(response, vendor, operation, expect, max_bytes, limit_name)
        return
    try:
        reader = _reader(response, vendor, operation, expect, max_bytes, limit_name)
        for chunk in response.iter_raw():
            reader.feed(chunk)
            if reader.full:
                break
        _keep(response, reader.finish())
    finally:
        response.close()


async def read_async(
    response: httpx.Response,
    vendor: str,
    operation: str,
    expect: frozenset[int] = frozenset({200}),
    max_bytes: int = ERROR_BODY_BYTES,
    limit_name: str = "its limit",
) -> None:
    """`read_sync`, without blocking the event loop."""
    if response.is_stream_consumed:
        _check_in_memory(response, vendor, operation, expect, max_bytes, limit_name)
        return
    try:
        reader = _reader(response, vendor, operation, expect, max_bytes, limit_name)
        async for chunk in response.aiter_raw():
            reader.feed(chunk)
            if reader.full:
                break
        _keep(response, reader.finish())
    finally:
        await response.aclose()


def _reader(
    response: httpx.Response, vendor: str, operation: str, expect: frozenset[int], max_bytes: int, limit_name: str
) -> BodyReader:
    """How to read this response's body: whole up to the limit, or an error body's first ERROR_BODY_BYTES."""
    expected = response.status_code in expect
    try:
        return BodyReader(
            response.headers,
            max_bytes if expected else min(ERROR_BODY_BYTES, max_bytes),
            what=limit_name,
            where=f"{vendor} {operation}",
            truncate=not expected,
            deadline=_deadline.current(),
            request=response.request,
        )
    except UnsupportedEncoding as exc:
        if expected:
            raise ResponseValidationError(vendor, operation, str(exc), response) from None
        # An error answer in a coding ticketkit did not ask for: its status still says what happened.
        return BodyReader(httpx.Headers(), 0, what="", truncate=True)


def _check_in_memory(
    response: httpx.Response, vendor: str, operation: str, expect: frozenset[int], max_bytes: int, limit_name: str
) -> None:
    """A body the transport handed over read and decoded already: what it cost is spent, the limits still hold."""
    if response.status_code not in expect:
        return
    try:
        encodings(response.headers)
    except UnsupportedEncoding as exc:
        raise ResponseValidationError(vendor, operation, str(exc), response) from None
    if len(response.content) > max_bytes:
        reader = BodyReader(httpx.Headers(), max_bytes, what=limit_name, where=f"{vendor} {operation}")
        reader.feed(response.content)  # raises ResponseTooLargeError, worded as for a streamed body


def _keep(response: httpx.Response, content: bytes) -> None:
    # Where httpx's own `read()` keeps the body, decoded: `content`, `text` and `json()` read it from there, and
    # a later `read()` (httpx's auth flow calls it) finds the body in place. The headers stay as received.
    response._content = content
