"""Raw responses: `desk.with_raw_response.tickets.get(...)` and `desk.request(..., raw=True)`.

The transport records every response a call receives (`record`, called by the policy in `_transport.py`)
into a list that a raw call opens for itself (`capturing`), a context variable: a call in another thread or
task records nothing into it. A raw method runs the usual method inside that capture and wraps what came back
in a `RawResponse`, so it sends exactly what the usual method sends, under the same policy.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

import httpx

from ._errors import ResponseValidationError, TicketkitError

T = TypeVar("T")
X = TypeVar("X")
P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class Captured:
    """One response a call received (its body read and the connection given back), and the seconds from
    sending it to its last byte."""

    response: httpx.Response
    elapsed: float


_capture: ContextVar[list[Captured] | None] = ContextVar("ticketkit_raw_capture", default=None)


def record(response: httpx.Response, elapsed: float) -> None:
    """Keep `response` for the raw call running in this context, if there is one (else a no-op)."""
    captured = _capture.get()
    if captured is not None:
        captured.append(Captured(response, elapsed))


@contextmanager
def capturing() -> Iterator[list[Captured]]:
    """The responses received inside the block (in this thread or task), in order."""
    captured: list[Captured] = []
    token = _capture.set(captured)
    try:
        yield captured
    finally:
        _capture.reset(token)


_UNSET: object = object()


class RawResponse(Generic[T]):
    """What a raw call received, and its usual result on demand.

    - `http_responses`: every response the call received, in order: a retried attempt's (a 503 before the
      200) and each request of a call that makes several (Tickiti's get reads the ticket, then its thread).
      An OAuth token request (Routera) is not among them: its answer holds a credential.
    - `http_response`: the last of them (the one that completed the call); `status_code`, `headers`,
      `elapsed` (a timedelta: sending to last byte) and `request_id` are its.
    - `request_id`: the vendor's id for that request, from the header it declares (None when the vendor sends
      none; see `Adapter.request_id_header`). Quote it to the vendor's support.
    - `parse()`: the usual result (a `Ticket` for `tickets.get`), parsed once and cached. A body that does not
      match the vendor's spec raises ResponseValidationError here, not at the call, so the raw answer can
      still be looked at.

    A call that sent nothing (`tickets.list(limit=0)`) has no responses: `http_response` and the figures
    taken from it raise TicketkitError, `http_responses` is empty, and `parse()` still works.
    """

    def __init__(
        self,
        captured: Sequence[Captured],
        request_id: Callable[[httpx.Response], str | None],
        parse: Callable[[], T],
    ) -> None:
        self._captured = tuple(captured)
        self._request_id = request_id
        self._parse = parse
        self._parsed: object = _UNSET

    @property
    def http_responses(self) -> tuple[httpx.Response, ...]:
        """Every response the call received, in order (retried attempts included)."""
        return tuple(item.response for item in self._captured)

    @property
    def http_response(self) -> httpx.Response:
        """The last response: the one that completed the call. TicketkitError if the call sent nothing."""
        return self._last().response

    @property
    def status_code(self) -> int:
        """The last response's HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The last response's headers."""
        return self.http_response.headers

    @property
    def elapsed(self) -> dt.timedelta:
        """The time the last attempt took, from sending the request to the last byte of its body."""
        return dt.timedelta(seconds=self._last().elapsed)

    @property
    def request_id(self) -> str | None:
        """The vendor's request id of the last response, or None when the vendor sends none."""
        return self._request_id(self.http_response)

    def parse(self) -> T:
        """The usual result of the call, parsed on the first call and the same object after.

        Raises ResponseValidationError when the body does not match the vendor's spec."""
        if self._parsed is _UNSET:
            self._parsed = self._parse()
        parsed: T = self._parsed  # type: ignore[assignment]
        return parsed

    def _last(self) -> Captured:
        if not self._captured:
            raise TicketkitError("this call sent no request (nothing to fetch), so it has no HTTP response")
        return self._captured[-1]

    def __repr__(self) -> str:
        if not self._captured:
            return "<RawResponse (no request sent)>"
        response = self.http_response
        return f"<RawResponse [{response.status_code}] {response.request.method} {response.request.url.path}>"


# -- turning a desk method into its raw twin ---------------------------------------------------------------


def _deferred(result: T) -> Callable[[], T]:
    return lambda: result


def _raising(error: ResponseValidationError) -> Callable[[], Any]:
    def parse() -> Any:
        raise error

    return parse


def raw_sync(method: Callable[P, T], request_id: Callable[[httpx.Response], str | None]) -> Callable[P, RawResponse[T]]:
    """The raw twin of a desk method that returns its result (`tickets.get`): same arguments, a RawResponse."""

    @functools.wraps(method)
    def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        with capturing() as captured:
            try:
                parse = _deferred(method(*args, **kwargs))
            except ResponseValidationError as exc:  # the answer came: parse() raises it
                parse = _raising(exc)
        return RawResponse(captured, request_id, parse)

    return raw


def raw_async(
    method: Callable[P, Awaitable[T]], request_id: Callable[[httpx.Response], str | None]
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """`raw_sync` for an AsyncDesk method (awaited)."""

    @functools.wraps(method)
    async def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        with capturing() as captured:
            try:
                parse = _deferred(await method(*args, **kwargs))
            except ResponseValidationError as exc:
                parse = _raising(exc)
        return RawResponse(captured, request_id, parse)

    return raw


def raw_iterator(
    method: Callable[P, Iterator[X]], request_id: Callable[[httpx.Response], str | None]
) -> Callable[P, RawResponse[Iterator[X]]]:
    """The raw twin of a listing (`tickets.list`, `tickets.pages`): it fetches what the first item needs (the
    first page), whose responses the RawResponse holds; `parse()` is the usual iterator, that item first, then
    fetching on as it is iterated (the later pages' responses are not recorded)."""

    @functools.wraps(method)
    def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Iterator[X]]:
        items = method(*args, **kwargs)  # its argument checks raise here, as the usual call's
        with capturing() as captured:
            try:
                first = next(items)
                parse: Callable[[], Iterator[X]] = _deferred(itertools.chain((first,), items))
            except StopIteration:
                parse = _deferred(items)  # exhausted: the caller iterates nothing
            except ResponseValidationError as exc:
                parse = _raising(exc)
        return RawResponse(captured, request_id, parse)

    return raw


def raw_async_iterator(
    method: Callable[P, AsyncIterator[X]], request_id: Callable[[httpx.Response], str | None]
) -> Callable[P, Awaitable[RawResponse[AsyncIterator[X]]]]:
    """`raw_iterator` for an AsyncDesk listing: awaited, and `parse()` is an async iterator."""

    @functools.wraps(method)
    async def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[AsyncIterator[X]]:
        items = method(*args, **kwargs)
        with capturing() as captured:
            try:
                first = await anext(items)
                parse: Callable[[], AsyncIterator[X]] = _deferred(_prepend(first, items))
            except StopAsyncIteration:
                parse = _deferred(items)  # exhausted: the caller iterates nothing
            except ResponseValidationError as exc:
                parse = _raising(exc)
        return RawResponse(captured, request_id, parse)

    return raw


async def _prepend(first: X, rest: AsyncIterator[X]) -> AsyncIterator[X]:
    yield first
    async for item in rest:
        yield item
