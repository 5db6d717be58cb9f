"""`Desk` and `AsyncDesk`: the unified interface. Both run the same adapter plans; only the driver differs.

Their resources (`desk.tickets`, `.comments`, `.attachments`) are twins: each method a signature, a docstring
and a delegation to the preparation both share (`_prepare.py`), which checks every argument before anything
is sent. tests/test_surface_parity.py holds each twin to the other.

Every method also takes `timeout=`, `call_timeout=`, `max_retries=` and `extra_headers=` for that call alone;
the desk's shared client is never changed by them. A number of seconds as `timeout=` also bounds each attempt
of the call, start to last byte; `call_timeout=` bounds the whole call, retries and waits included.

Beside the resources: `desk.request()` (any endpoint of the vendor's API, `_passthrough.py`),
`desk.with_raw_response` (each method's `RawResponse`, `_raw_desk.py`) and `desk.with_options()` (a desk
with other defaults on the same connection pool).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, Self, TypeVar, overload

import httpx
from ticketkit_models import Attachment, Comment, Ticket, TicketStatus

from . import _arguments as args
from . import _passthrough as passthrough
from ._adapter import Adapter, Capabilities
from ._budget import RateLimitStatus
from ._bulk import map_async, map_sync
from ._engine import run_async, run_sync
from ._errors import DeskClosedError, InvalidArgumentError, TicketkitError
from ._paging import TicketPage, masked
from ._prepare import (
    AttachmentsPreparation,
    Bulk,
    CallOptions,
    CommentsPreparation,
    Listing,
    Prepared,
    TicketsPreparation,
)
from ._raw import RawResponse, capturing
from ._redaction import display_url
from ._transport import RequestOptions

if TYPE_CHECKING:
    from ._raw_desk import AsyncRawDesk, RawDesk

T = TypeVar("T")
# A ticket's comments, as `comments.list_many` yields them (a name: inside the resources, `list` is a method).
TicketThread = list[Comment]
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
# The type of `desk.client` (the vendor's generated client), set by connect()'s overloads; a bare `Desk` is
# `Desk[Any]`. The default is for type checkers only: typing.TypeVar takes `default=` from Python 3.13.
if TYPE_CHECKING:
    from typing import Unpack

    import ankra_client
    import intercom_client
    import routera_client
    import tickiti_client
    from typing_extensions import TypeVar as _TypeVarWithDefault

    from ._fields import CommentKeywords, CreateKeywords, ListKeywords, UpdateKeywords
    from .vendors.ankra import AnkraCreateFields, AnkraListFields
    from .vendors.intercom import IntercomCommentFields, IntercomCreateFields, IntercomUpdateFields
    from .vendors.routera import RouteraCreateFields, RouteraListFields, RouteraUpdateFields
    from .vendors.tickiti import TickitiCommentFields, TickitiCreateFields, TickitiListFields, TickitiUpdateFields

    C = _TypeVarWithDefault("C", default=Any)
else:
    C = TypeVar("C")


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


# -- the desks --------------------------------------------------------------------------------------------


class _BaseDesk(Generic[H, C]):
    def __init__(self, adapter: Adapter, http: H, client: Any, options: RequestOptions) -> None:
        self._adapter = adapter
        self._http: H = http
        self._options = options
        #: The vendor's generated client, sharing this desk's connection pool (the escape hatch).
        self.client: C = client
        # A desk made by `with_options()` shares its parent's pool and never closes it (`_derived`); its own
        # close() only ends the desk itself (`_closed`).
        self._derived = False
        self._closed = False

    @property
    def vendor(self) -> str:
        """The vendor's name as `connect()` took it: "routera", "intercom", "tickiti", "ankra" or a plug-in's."""
        return self._adapter.vendor

    @property
    def capabilities(self) -> Capabilities:
        """What this vendor supports; an unsupported operation raises before any request is sent."""
        return self._adapter.capabilities

    @property
    def rate_limit(self) -> RateLimitStatus:
        """The rate limit of this desk's credential as the vendor last stated it (limit, remaining, reset), and
        what the budget every desk on the credential shares has done (requests, 429s received, seconds waited).
        For callers who schedule work themselves; the desk paces its own requests by it already."""
        budget = self._options.budget
        if budget is None:
            return RateLimitStatus(limit=None, remaining=None, reset=None, requests=0, throttled=0, waited=0.0)
        return budget.status(time.monotonic())

    def _check_open(self) -> None:
        """A closed desk raises DeskClosedError before anything is sent (httpx would raise RuntimeError)."""
        if self._closed or (self._http.is_closed and not self._derived):
            raise DeskClosedError(
                f"this {self.vendor} desk is closed (close(), or the end of its with block); connect() again"
            )
        if self._http.is_closed:
            raise DeskClosedError(
                f"the {self.vendor} desk this one was made from (with_options()) is closed, and with it the "
                "connection pool they shared; connect() again"
            )

    def _derive(self, timeout: object, max_retries: object, headers: object, call_timeout: object) -> RequestOptions:
        """`with_options()`'s options: this desk's with the overrides, each checked as a call's own."""
        self._check_open()
        hint = "credentials go in token= on connect(), not in headers"
        checked = args.headers("headers", headers, hint) if headers is not None else None
        try:
            return self._options.merged(timeout, max_retries, checked, call_timeout)  # type: ignore[arg-type]
        except Exception as exc:  # a message may quote what it refused: never a credential
            self._options.secrets.scrub(exc)
            raise

    def _adopt(self, parent: _BaseDesk[H, C]) -> None:
        """Become a desk derived from `parent` (`with_options()`): its pool, never closed by this desk."""
        self._derived = True

    def __repr__(self) -> str:
        shown = f"{type(self).__name__}(vendor={self.vendor!r}, base_url={display_url(self._http.base_url)!r})"
        return self._options.secrets.mask(shown)


class Desk(_BaseDesk[httpx.Client, C]):
    """A connection to one vendor through the unified interface. Use `ticketkit.connect()` to make one."""

    def __init__(self, adapter: Adapter, http: httpx.Client, client: Any, options: RequestOptions) -> None:
        super().__init__(adapter, http, client, options)
        self.tickets: Tickets[C] = Tickets(self)
        self.comments: Comments[C] = Comments(self)
        self.attachments = Attachments(self)

    def _ready(self) -> None:
        self._check_open()

    def _run(self, call: Prepared[T]) -> T:
        try:
            self._check_open()
            return run_sync(self._http, self._adapter, call.plan, call.options)
        except Exception as exc:  # where errors leave the desk (a list's later pages too): no credential in them
            call.options.secrets.scrub(exc)
            raise

    def _pages(self, listing: Listing, strict: bool = False) -> Iterator[TicketPage]:
        """The pages of a list as the caller iterates (the first page's plan is started already)."""
        call = listing.first
        while call is not None:
            page, following, loop = masked(listing.options, listing.lister.receive, self._run(call), strict)
            yield page
            if loop is not None:
                listing.options.secrets.scrub(loop)
                raise loop
            call = None if following is None else listing.page(following)

    def _iterate(self, listing: Listing) -> Iterator[Ticket]:
        """The tickets of a list, page by page as the caller iterates; a record that fails to parse raises."""
        for page in self._pages(listing, strict=True):
            yield from page.items

    def _many(self, bulk: Bulk[T]) -> Iterator[Any]:
        """A bulk helper's results in input order, from a pool of `bulk.concurrency` threads."""
        return map_sync(
            bulk.items, lambda item: self._run(bulk.prepare(item)), bulk.concurrency, bulk.return_exceptions
        )

    @property
    def with_raw_response(self) -> RawDesk:
        """This desk's methods giving a `RawResponse` (the HTTP response, the vendor's request id, and the usual
        result by `.parse()`): `desk.with_raw_response.tickets.get("1").parse()` is the Ticket. Every method but
        `get_many` and `list_many` (many calls at once: see `connect(hooks=...)`); `tickets.list`/`.pages`
        record the first page's responses and parse to the usual iterator."""
        from ._raw_desk import RawDesk

        return RawDesk(self)

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        raw: Literal[False] = False,
    ) -> Any: ...
    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        raw: Literal[True],
    ) -> RawResponse[Any]: ...
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        raw: bool = False,
    ) -> Any:
        """Any endpoint of the vendor's API, as the desk's own calls are sent: its base URL, auth, headers,
        rate budget, limits, retries and errors. `path` is relative to the base URL ("/tickets/1"); an
        absolute URL only on the API's origin and under its base path. Returns the parsed JSON (None for an
        empty body), or with `raw=True` a `RawResponse` whose `parse()` gives it.

        GET, HEAD, OPTIONS, PUT and DELETE are retried as reads are; POST and PATCH only with an
        Idempotency-Key (Tickiti's keyed writes get one, as its plans do). Raises InvalidArgumentError for a
        path that names another host or leaves the base path, a bad method or header (nothing sent);
        APIStatusError and its subclasses for an error status; ResponseValidationError for a body that is not
        JSON (use raw=True to read it).
        """
        raw = args.flag("raw", raw)  # checked before anything is sent
        response = self._raw_request(
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            timeout=timeout,
            call_timeout=call_timeout,
            max_retries=max_retries,
        )
        return response if raw else response.parse()

    def _raw_request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Any]:
        """`desk.request(..., raw=True)`; also `desk.with_raw_response.request(...)`."""
        prepared = _prepare_request(
            self, method, path, params, json, content, headers, timeout, call_timeout, max_retries
        )
        with capturing() as captured:
            response = self._run(prepared)
        return RawResponse(captured, self._adapter.request_id, lambda: passthrough.body(self._adapter, response))

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        headers: Mapping[str, str] | None = None,
        call_timeout: float | None = None,
    ) -> Self:
        """A desk with other defaults (None keeps this desk's), on this desk's connection pool, rate budget,
        hooks and generated client: `desk.with_options(max_retries=5).tickets.get("1")`. `headers` are added
        to this desk's. Closing it leaves the pool open; closing this desk closes the pool, and the derived
        desk's calls then raise DeskClosedError. Raises InvalidArgumentError for a bad value."""
        derived = type(self)(
            self._adapter, self._http, self.client, self._derive(timeout, max_retries, headers, call_timeout)
        )
        derived._adopt(self)
        return derived

    def close(self) -> None:
        """Close the connection pool (an AsyncDesk: from the event loop it was used in, else InvalidArgumentError;
        a desk made by `with_options()`: only that desk, the pool stays open); later calls raise DeskClosedError."""
        self._closed = True
        if not self._derived:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncDesk(_BaseDesk[httpx.AsyncClient, C]):
    """The same interface as `Desk`, awaitable. Use `ticketkit.connect_async()` to make one."""

    def __init__(self, adapter: Adapter, http: httpx.AsyncClient, client: Any, options: RequestOptions) -> None:
        super().__init__(adapter, http, client, options)
        # The event loop of the first call: the pool's connections (and Routera's token lock) belong to it.
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        # The desk whose `_loop` counts: this one, or the first desk of the pool (`with_options()`).
        self._loop_owner: AsyncDesk[Any] = self
        self.tickets: AsyncTickets[C] = AsyncTickets(self)
        self.comments: AsyncComments[C] = AsyncComments(self)
        self.attachments = AsyncAttachments(self)

    def _check_loop(self) -> None:
        """An AsyncDesk serves the event loop it was first used in; another loop gets InvalidArgumentError
        (httpx would fail with "Event loop is closed", or hang, on a connection the first loop opened)."""
        loop = _running_loop()
        if loop is None:  # not asyncio (the desk's waits need it anyway): nothing to compare
            return
        owner = self._loop_owner
        if owner._loop is None:
            owner._loop = weakref.ref(loop)
        elif owner._loop() is not loop:
            raise InvalidArgumentError(
                f"this {self.vendor} AsyncDesk was first used in another event loop, and its connections belong "
                "to that loop: call connect_async() in this one (one desk per asyncio.run())"
            )

    def _ready(self) -> None:
        self._check_open()
        self._check_loop()

    async def _run(self, call: Prepared[T]) -> T:
        try:
            self._ready()
            return await run_async(self._http, self._adapter, call.plan, call.options)
        except Exception as exc:
            call.options.secrets.scrub(exc)
            raise

    async def _pages(self, listing: Listing, strict: bool = False) -> AsyncIterator[TicketPage]:
        """`Desk._pages`, awaiting each page."""
        call = listing.first
        while call is not None:
            page, following, loop = masked(listing.options, listing.lister.receive, await self._run(call), strict)
            yield page
            if loop is not None:
                listing.options.secrets.scrub(loop)
                raise loop
            call = None if following is None else listing.page(following)

    async def _iterate(self, listing: Listing) -> AsyncIterator[Ticket]:
        """`Desk._iterate`, awaiting each page."""
        async for page in self._pages(listing, strict=True):
            for ticket in page.items:
                yield ticket

    def _many(self, bulk: Bulk[T]) -> AsyncIterator[Any]:
        """A bulk helper's results in input order, at most `bulk.concurrency` tasks at once."""

        async def one(item: Any) -> T:
            return await self._run(bulk.prepare(item))

        return map_async(bulk.items, one, bulk.concurrency, bulk.return_exceptions)

    @property
    def with_raw_response(self) -> AsyncRawDesk:
        """`Desk.with_raw_response`, awaitable: `await adesk.with_raw_response.tickets.get("1")`."""
        from ._raw_desk import AsyncRawDesk

        return AsyncRawDesk(self)

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        raw: Literal[False] = False,
    ) -> Any: ...
    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        raw: Literal[True],
    ) -> RawResponse[Any]: ...
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        raw: bool = False,
    ) -> Any:
        """Any endpoint of the vendor's API, as the desk's own calls are sent: its base URL, auth, headers,
        rate budget, limits, retries and errors. `path` is relative to the base URL ("/tickets/1"); an
        absolute URL only on the API's origin and under its base path. Returns the parsed JSON (None for an
        empty body), or with `raw=True` a `RawResponse` whose `parse()` gives it.

        GET, HEAD, OPTIONS, PUT and DELETE are retried as reads are; POST and PATCH only with an
        Idempotency-Key (Tickiti's keyed writes get one, as its plans do). Raises InvalidArgumentError for a
        path that names another host or leaves the base path, a bad method or header (nothing sent);
        APIStatusError and its subclasses for an error status; ResponseValidationError for a body that is not
        JSON (use raw=True to read it).
        """
        raw = args.flag("raw", raw)  # checked before anything is sent
        response = await self._raw_request(
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            timeout=timeout,
            call_timeout=call_timeout,
            max_retries=max_retries,
        )
        return response if raw else response.parse()

    async def _raw_request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Any]:
        """`adesk.request(..., raw=True)`; also `adesk.with_raw_response.request(...)`."""
        prepared = _prepare_request(
            self, method, path, params, json, content, headers, timeout, call_timeout, max_retries
        )
        with capturing() as captured:
            response = await self._run(prepared)
        return RawResponse(captured, self._adapter.request_id, lambda: passthrough.body(self._adapter, response))

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        headers: Mapping[str, str] | None = None,
        call_timeout: float | None = None,
    ) -> Self:
        """A desk with other defaults (None keeps this desk's), on this desk's connection pool, rate budget,
        hooks and generated client: `desk.with_options(max_retries=5).tickets.get("1")`. `headers` are added
        to this desk's. Closing it leaves the pool open; closing this desk closes the pool, and the derived
        desk's calls then raise DeskClosedError. Raises InvalidArgumentError for a bad value."""
        derived = type(self)(
            self._adapter, self._http, self.client, self._derive(timeout, max_retries, headers, call_timeout)
        )
        derived._adopt(self)
        return derived

    def _adopt(self, parent: _BaseDesk[httpx.AsyncClient, C]) -> None:
        super()._adopt(parent)
        assert isinstance(parent, AsyncDesk)
        self._loop_owner = parent._loop_owner  # one pool, one event loop: the check is the first desk's

    async def aclose(self) -> None:
        """Close the connection pool (an AsyncDesk: from the event loop it was used in, else InvalidArgumentError;
        a desk made by `with_options()`: only that desk, the pool stays open); later calls raise DeskClosedError."""
        self._closed = True
        if self._derived:
            return
        elsewhere = self._loop is not None and self._loop() is not _running_loop()
        try:
            await self._http.aclose()
        except RuntimeError as exc:  # a connection of another loop, which is closed: the desk is closed anyway
            if not elsewhere:
                raise
            raise InvalidArgumentError(
                f"this {self.vendor} AsyncDesk was used in another event loop: close it there (its connections "
                "belong to that loop); it is closed for further calls"
            ) from exc

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _prepare_request(
    desk: _BaseDesk[Any, Any],
    method: str,
    path: str,
    params: Mapping[str, Any] | None,
    json: Any,
    content: bytes | str | None,
    headers: Mapping[str, str] | None,
    timeout: float | httpx.Timeout | None,
    call_timeout: float | None,
    max_retries: int | None,
) -> Prepared[httpx.Response]:
    """`desk.request()`'s call, checked (the desk open first); a refusal quotes no credential."""
    try:
        desk._check_open()
        return passthrough.prepare(
            desk._adapter,
            desk._http.base_url,
            desk._options,
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            timeout=timeout,
            call_timeout=call_timeout,
            max_retries=max_retries,
        )
    except Exception as exc:
        desk._options.secrets.scrub(exc)
        raise


# -- the resources: each method a signature, a docstring and one line (the checks are in _prepare.py) ----------
# The sync and async twins must match parameter for parameter and word for word (tests/test_surface_parity.py).


class Tickets(TicketsPreparation[Desk[C]]):
    """`desk.tickets`: get, list (or page through), create, update and close tickets."""

    def get(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """One ticket, with its thread and attachments where the vendor returns them.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._get(call, ticket_id))

    @overload
    def get_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[False] = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Ticket]: ...
    @overload
    def get_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[True],
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Ticket | TicketkitError]: ...
    def get_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: bool = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Ticket] | Iterator[Ticket | TicketkitError]:
        """The tickets of `ticket_ids`, in their order, fetched concurrently: at most `concurrency` requests in
        flight (default: connect()'s `concurrency`, 8), under the credential's rate budget; the ids are read a
        few ahead, never all at once (a generator of a million ids is fine). Iterate the result (`async for` on
        an AsyncDesk); leaving early cancels what has not started. A failed ticket raises its ticketkit error,
        or with `return_exceptions=True` is yielded in its place.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._many(self._get_many(call, ticket_ids, concurrency, return_exceptions))

    @overload
    def list(self: Tickets[routera_client.Client], **query: Unpack[RouteraListFields]) -> Iterator[Ticket]: ...
    @overload
    def list(self: Tickets[tickiti_client.Client], **query: Unpack[TickitiListFields]) -> Iterator[Ticket]: ...
    @overload
    def list(self: Tickets[ankra_client.Client], **query: Unpack[AnkraListFields]) -> Iterator[Ticket]: ...
    @overload
    def list(self: Tickets[Any], **query: Unpack[ListKeywords]) -> Iterator[Ticket]: ...
    def list(
        self,
        *,
        status: TicketStatus | str | None = None,
        page_size: int | None = None,
        updated_since: datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **options: Any,
    ) -> Iterator[Ticket]:
        """Every matching ticket, fetching pages in the vendor's own scheme as you iterate (`async for` on an
        AsyncDesk). Every argument is checked at the call, before any page is fetched.

        `limit` stops after that many tickets; `page_size` is how many each request asks for.
        `updated_since` (timezone-aware) keeps tickets updated at or after it: on the vendor's side where it can
        filter, on ticketkit's side otherwise (`desk.capabilities.updated_since_filter`). `cursor` resumes from
        a `page.cursor` of `tickets.pages()` with the same query. A record that fails to parse raises
        ResponseValidationError (`tickets.pages()` yields the good ones and `page.rejected`).

        Each vendor's own keywords: `RouteraListFields`, `TickitiListFields`, `AnkraListFields`
        (ticketkit/vendors/).

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._iterate(self._list(call, status, page_size, limit, options, updated_since, cursor))

    @overload
    def pages(self: Tickets[routera_client.Client], **query: Unpack[RouteraListFields]) -> Iterator[TicketPage]: ...
    @overload
    def pages(self: Tickets[tickiti_client.Client], **query: Unpack[TickitiListFields]) -> Iterator[TicketPage]: ...
    @overload
    def pages(self: Tickets[ankra_client.Client], **query: Unpack[AnkraListFields]) -> Iterator[TicketPage]: ...
    @overload
    def pages(self: Tickets[Any], **query: Unpack[ListKeywords]) -> Iterator[TicketPage]: ...
    def pages(
        self,
        *,
        status: TicketStatus | str | None = None,
        page_size: int | None = None,
        updated_since: datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **options: Any,
    ) -> Iterator[TicketPage]:
        """The matching tickets page by page (`async for` on an AsyncDesk), each a `TicketPage`: its tickets, an
        opaque `cursor` that resumes right after it (in this process or another; None on the last page), the
        vendor's `total` where it counts exactly what is listed, the records that failed to parse (`rejected`)
        and the `watermark` to give the next run as `updated_since`. The arguments are `list()`'s; `limit`
        counts tickets, and a page cut short by it gives a cursor that resumes inside it.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._pages(self._list(call, status, page_size, limit, options, updated_since, cursor))

    @overload
    def create(
        self: Tickets[routera_client.Client], *, subject: str, **fields: Unpack[RouteraCreateFields]
    ) -> Ticket: ...
    @overload
    def create(
        self: Tickets[intercom_client.Client], *, subject: str, **fields: Unpack[IntercomCreateFields]
    ) -> Ticket: ...
    @overload
    def create(
        self: Tickets[tickiti_client.Client], *, subject: str, **fields: Unpack[TickitiCreateFields]
    ) -> Ticket: ...
    @overload
    def create(self: Tickets[ankra_client.Client], *, subject: str, **fields: Unpack[AnkraCreateFields]) -> Ticket: ...
    @overload
    def create(self: Tickets[Any], *, subject: str, **fields: Unpack[CreateKeywords]) -> Ticket: ...
    def create(
        self,
        *,
        subject: str,
        description: str | None = None,
        requester_email: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **vendor_fields: Any,
    ) -> Ticket:
        """Create a ticket and return it as the vendor stored it.

        Each vendor's own keywords are declared once, in its module: `RouteraCreateFields`,
        `IntercomCreateFields`, `TickitiCreateFields`, `AnkraCreateFields` (ticketkit/vendors/); a type
        checker and an editor know them on a desk of that vendor, and a keyword another vendor's is refused.
        A desk whose vendor is chosen at run time takes them from a dict: `create(subject=s, **fields)`.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._create(call, subject, description, requester_email, vendor_fields))

    @overload
    def update(
        self: Tickets[routera_client.Client], ticket_id: str, **fields: Unpack[RouteraUpdateFields]
    ) -> Ticket: ...
    @overload
    def update(
        self: Tickets[intercom_client.Client], ticket_id: str, **fields: Unpack[IntercomUpdateFields]
    ) -> Ticket: ...
    @overload
    def update(
        self: Tickets[tickiti_client.Client], ticket_id: str, **fields: Unpack[TickitiUpdateFields]
    ) -> Ticket: ...
    @overload
    def update(self: Tickets[Any], ticket_id: str, **fields: Unpack[UpdateKeywords]) -> Ticket: ...
    def update(
        self,
        ticket_id: str,
        *,
        status: TicketStatus | str | None = None,
        subject: str | None = None,
        description: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **vendor_fields: Any,
    ) -> Ticket:
        """Change a ticket and return it as it is now.

        Each vendor's own keywords: `RouteraUpdateFields`, `IntercomUpdateFields`, `TickitiUpdateFields`
        (ticketkit/vendors/); Ankra has no update.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._update(call, ticket_id, status, subject, description, vendor_fields))

    def close(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Close (Routera: archive) a ticket and return it.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._close(call, ticket_id))


class Comments(CommentsPreparation[Desk[C]]):
    """`desk.comments`: a ticket's thread, many threads at once, and replies."""

    def list(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Comment]:
        """The ticket's thread, in the vendor's order.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._list(call, ticket_id))

    @overload
    def list_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[False] = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[TicketThread]: ...
    @overload
    def list_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[True],
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[TicketThread | TicketkitError]: ...
    def list_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: bool = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[TicketThread] | Iterator[TicketThread | TicketkitError]:
        """The thread of each ticket of `ticket_ids`, in their order, fetched concurrently: at most
        `concurrency` requests in flight (default: connect()'s `concurrency`, 8), under the credential's rate
        budget; the ids are read a few ahead, never all at once. Iterate the result (`async for` on an
        AsyncDesk); leaving early cancels what has not started. A failed thread raises its ticketkit error, or
        with `return_exceptions=True` is yielded in its place.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._many(self._list_many(call, ticket_ids, concurrency, return_exceptions))

    @overload
    def create(
        self: Comments[intercom_client.Client], ticket_id: str, *, body: str, **fields: Unpack[IntercomCommentFields]
    ) -> Comment: ...
    @overload
    def create(
        self: Comments[tickiti_client.Client], ticket_id: str, *, body: str, **fields: Unpack[TickitiCommentFields]
    ) -> Comment: ...
    @overload
    def create(self: Comments[Any], ticket_id: str, *, body: str, **fields: Unpack[CommentKeywords]) -> Comment: ...
    def create(
        self,
        ticket_id: str,
        *,
        body: str,
        internal: bool = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **vendor_fields: Any,
    ) -> Comment:
        """Reply on a ticket (`internal=True`: a note the customer does not see) and return the comment.

        Each vendor's own keywords: `IntercomCommentFields`, `TickitiCommentFields` (ticketkit/vendors/).

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._create(call, ticket_id, body, internal, vendor_fields))


class Attachments(AttachmentsPreparation[Desk]):
    """`desk.attachments`: download an attachment's bytes."""

    def download(
        self,
        attachment: Attachment,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> bytes:
        """The attachment's bytes (at most the desk's `max_download_bytes`, else ResponseTooLargeError).

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._run(self._download(call, attachment))


class AsyncTickets(TicketsPreparation[AsyncDesk[C]]):
    """`desk.tickets` of an AsyncDesk: `Tickets`, awaitable."""

    async def get(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """One ticket, with its thread and attachments where the vendor returns them.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._get(call, ticket_id))

    @overload
    def get_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[False] = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Ticket]: ...
    @overload
    def get_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[True],
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Ticket | TicketkitError]: ...
    def get_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: bool = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Ticket] | AsyncIterator[Ticket | TicketkitError]:
        """The tickets of `ticket_ids`, in their order, fetched concurrently: at most `concurrency` requests in
        flight (default: connect()'s `concurrency`, 8), under the credential's rate budget; the ids are read a
        few ahead, never all at once (a generator of a million ids is fine). Iterate the result (`async for` on
        an AsyncDesk); leaving early cancels what has not started. A failed ticket raises its ticketkit error,
        or with `return_exceptions=True` is yielded in its place.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._many(self._get_many(call, ticket_ids, concurrency, return_exceptions))

    @overload
    def list(
        self: AsyncTickets[routera_client.Client], **query: Unpack[RouteraListFields]
    ) -> AsyncIterator[Ticket]: ...
    @overload
    def list(
        self: AsyncTickets[tickiti_client.Client], **query: Unpack[TickitiListFields]
    ) -> AsyncIterator[Ticket]: ...
    @overload
    def list(self: AsyncTickets[ankra_client.Client], **query: Unpack[AnkraListFields]) -> AsyncIterator[Ticket]: ...
    @overload
    def list(self: AsyncTickets[Any], **query: Unpack[ListKeywords]) -> AsyncIterator[Ticket]: ...
    def list(
        self,
        *,
        status: TicketStatus | str | None = None,
        page_size: int | None = None,
        updated_since: datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **options: Any,
    ) -> AsyncIterator[Ticket]:
        """Every matching ticket, fetching pages in the vendor's own scheme as you iterate (`async for` on an
        AsyncDesk). Every argument is checked at the call, before any page is fetched.

        `limit` stops after that many tickets; `page_size` is how many each request asks for.
        `updated_since` (timezone-aware) keeps tickets updated at or after it: on the vendor's side where it can
        filter, on ticketkit's side otherwise (`desk.capabilities.updated_since_filter`). `cursor` resumes from
        a `page.cursor` of `tickets.pages()` with the same query. A record that fails to parse raises
        ResponseValidationError (`tickets.pages()` yields the good ones and `page.rejected`).

        Each vendor's own keywords: `RouteraListFields`, `TickitiListFields`, `AnkraListFields`
        (ticketkit/vendors/).

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._iterate(self._list(call, status, page_size, limit, options, updated_since, cursor))

    @overload
    def pages(
        self: AsyncTickets[routera_client.Client], **query: Unpack[RouteraListFields]
    ) -> AsyncIterator[TicketPage]: ...
    @overload
    def pages(
        self: AsyncTickets[tickiti_client.Client], **query: Unpack[TickitiListFields]
    ) -> AsyncIterator[TicketPage]: ...
    @overload
    def pages(
        self: AsyncTickets[ankra_client.Client], **query: Unpack[AnkraListFields]
    ) -> AsyncIterator[TicketPage]: ...
    @overload
    def pages(self: AsyncTickets[Any], **query: Unpack[ListKeywords]) -> AsyncIterator[TicketPage]: ...
    def pages(
        self,
        *,
        status: TicketStatus | str | None = None,
        page_size: int | None = None,
        updated_since: datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **options: Any,
    ) -> AsyncIterator[TicketPage]:
        """The matching tickets page by page (`async for` on an AsyncDesk), each a `TicketPage`: its tickets, an
        opaque `cursor` that resumes right after it (in this process or another; None on the last page), the
        vendor's `total` where it counts exactly what is listed, the records that failed to parse (`rejected`)
        and the `watermark` to give the next run as `updated_since`. The arguments are `list()`'s; `limit`
        counts tickets, and a page cut short by it gives a cursor that resumes inside it.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._pages(self._list(call, status, page_size, limit, options, updated_since, cursor))

    @overload
    async def create(
        self: AsyncTickets[routera_client.Client], *, subject: str, **fields: Unpack[RouteraCreateFields]
    ) -> Ticket: ...
    @overload
    async def create(
        self: AsyncTickets[intercom_client.Client], *, subject: str, **fields: Unpack[IntercomCreateFields]
    ) -> Ticket: ...
    @overload
    async def create(
        self: AsyncTickets[tickiti_client.Client], *, subject: str, **fields: Unpack[TickitiCreateFields]
    ) -> Ticket: ...
    @overload
    async def create(
        self: AsyncTickets[ankra_client.Client], *, subject: str, **fields: Unpack[AnkraCreateFields]
    ) -> Ticket: ...
    @overload
    async def create(self: AsyncTickets[Any], *, subject: str, **fields: Unpack[CreateKeywords]) -> Ticket: ...
    async def create(
        self,
        *,
        subject: str,
        description: str | None = None,
        requester_email: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **vendor_fields: Any,
    ) -> Ticket:
        """Create a ticket and return it as the vendor stored it.

        Each vendor's own keywords are declared once, in its module: `RouteraCreateFields`,
        `IntercomCreateFields`, `TickitiCreateFields`, `AnkraCreateFields` (ticketkit/vendors/); a type
        checker and an editor know them on a desk of that vendor, and a keyword another vendor's is refused.
        A desk whose vendor is chosen at run time takes them from a dict: `create(subject=s, **fields)`.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._create(call, subject, description, requester_email, vendor_fields))

    @overload
    async def update(
        self: AsyncTickets[routera_client.Client], ticket_id: str, **fields: Unpack[RouteraUpdateFields]
    ) -> Ticket: ...
    @overload
    async def update(
        self: AsyncTickets[intercom_client.Client], ticket_id: str, **fields: Unpack[IntercomUpdateFields]
    ) -> Ticket: ...
    @overload
    async def update(
        self: AsyncTickets[tickiti_client.Client], ticket_id: str, **fields: Unpack[TickitiUpdateFields]
    ) -> Ticket: ...
    @overload
    async def update(self: AsyncTickets[Any], ticket_id: str, **fields: Unpack[UpdateKeywords]) -> Ticket: ...
    async def update(
        self,
        ticket_id: str,
        *,
        status: TicketStatus | str | None = None,
        subject: str | None = None,
        description: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **vendor_fields: Any,
    ) -> Ticket:
        """Change a ticket and return it as it is now.

        Each vendor's own keywords: `RouteraUpdateFields`, `IntercomUpdateFields`, `TickitiUpdateFields`
        (ticketkit/vendors/); Ankra has no update.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._update(call, ticket_id, status, subject, description, vendor_fields))

    async def close(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Close (Routera: archive) a ticket and return it.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._close(call, ticket_id))


class AsyncComments(CommentsPreparation[AsyncDesk[C]]):
    """`desk.comments` of an AsyncDesk: `Comments`, awaitable."""

    async def list(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Comment]:
        """The ticket's thread, in the vendor's order.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._list(call, ticket_id))

    @overload
    def list_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[False] = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[TicketThread]: ...
    @overload
    def list_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: Literal[True],
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[TicketThread | TicketkitError]: ...
    def list_many(
        self,
        ticket_ids: Iterable[str],
        *,
        concurrency: int | None = None,
        return_exceptions: bool = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[TicketThread] | AsyncIterator[TicketThread | TicketkitError]:
        """The thread of each ticket of `ticket_ids`, in their order, fetched concurrently: at most
        `concurrency` requests in flight (default: connect()'s `concurrency`, 8), under the credential's rate
        budget; the ids are read a few ahead, never all at once. Iterate the result (`async for` on an
        AsyncDesk); leaving early cancels what has not started. A failed thread raises its ticketkit error, or
        with `return_exceptions=True` is yielded in its place.

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return self._desk._many(self._list_many(call, ticket_ids, concurrency, return_exceptions))

    @overload
    async def create(
        self: AsyncComments[intercom_client.Client],
        ticket_id: str,
        *,
        body: str,
        **fields: Unpack[IntercomCommentFields],
    ) -> Comment: ...
    @overload
    async def create(
        self: AsyncComments[tickiti_client.Client], ticket_id: str, *, body: str, **fields: Unpack[TickitiCommentFields]
    ) -> Comment: ...
    @overload
    async def create(
        self: AsyncComments[Any], ticket_id: str, *, body: str, **fields: Unpack[CommentKeywords]
    ) -> Comment: ...
    async def create(
        self,
        ticket_id: str,
        *,
        body: str,
        internal: bool = False,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **vendor_fields: Any,
    ) -> Comment:
        """Reply on a ticket (`internal=True`: a note the customer does not see) and return the comment.

        Each vendor's own keywords: `IntercomCommentFields`, `TickitiCommentFields` (ticketkit/vendors/).

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._create(call, ticket_id, body, internal, vendor_fields))


class AsyncAttachments(AttachmentsPreparation[AsyncDesk]):
    """`desk.attachments` of an AsyncDesk: `Attachments`, awaitable."""

    async def download(
        self,
        attachment: Attachment,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> bytes:
        """The attachment's bytes (at most the desk's `max_download_bytes`, else ResponseTooLargeError).

        Raises InvalidArgumentError (a wrong argument), UnsupportedOperationError (see `desk.capabilities`) or
        DeskClosedError before sending; then NotFoundError, RateLimitError, AuthenticationError and the other
        APIStatusError subclasses, APIConnectionError / APITimeoutError, ResponseValidationError or
        ResponseTooLargeError.
        """
        call = CallOptions(timeout, call_timeout, max_retries, extra_headers)
        return await self._desk._run(self._download(call, attachment))
