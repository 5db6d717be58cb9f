"""`Desk` and `AsyncDesk`: the unified interface. Both run the same adapter plans; only the driver differs.

Every method also takes `timeout=`, `call_timeout=`, `max_retries=` and `extra_headers=` for that call alone;
the desk's shared client is never changed by them. A number of seconds as `timeout=` also bounds each attempt
of the call, start to last byte; `call_timeout=` bounds the whole call, retries and waits included.
"""

from __future__ import annotations

import asyncio
import functools
import weakref
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

import httpx
from ticketkit_models import Attachment, Comment, Ticket, TicketStatus

from . import _arguments as args
from ._adapter import Adapter, Capabilities, ListQuery, Page, Plan
from ._engine import run_async, run_sync
from ._errors import DeskClosedError, InvalidArgumentError, PagingLoopError
from ._logging import logger
from ._redaction import display_url
from ._transport import RequestOptions

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
F = TypeVar("F", bound=Callable[..., Any])
# The type of `desk.client` (the vendor's generated client), set by connect()'s overloads; a bare `Desk` is
# `Desk[Any]`. The default is for type checkers only: typing.TypeVar takes `default=` from Python 3.13.
if TYPE_CHECKING:
    from typing_extensions import TypeVar as _TypeVarWithDefault

    C = _TypeVarWithDefault("C", default=Any)
else:
    C = TypeVar("C")


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _guarded(method: F) -> F:
    """A sync method of `desk.tickets`, `.comments` or `.attachments`: refused on a closed desk before its
    arguments are even read."""

    @functools.wraps(method)
    def guarded(part: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            part._desk._check_open()
            return method(part, *args, **kwargs)
        except Exception as exc:  # an argument check may quote what it refused: never a credential
            part._desk._options.secrets.with_headers(kwargs.get("extra_headers")).scrub(exc)
            raise

    return cast(F, guarded)


def _aguarded(method: F) -> F:
    """An async method: refused on a closed desk, or from an event loop other than the desk's."""

    @functools.wraps(method)
    async def guarded(part: Any, *args: Any, **kwargs: Any) -> Any:
        desk: AsyncDesk = part._desk
        try:
            desk._check_open()
            desk._check_loop()
            return await method(part, *args, **kwargs)
        except Exception as exc:
            desk._options.secrets.with_headers(kwargs.get("extra_headers")).scrub(exc)
            raise

    return cast(F, guarded)


# -- the desks --------------------------------------------------------------------------------------------


class _BaseDesk(Generic[H, C]):
    def __init__(self, adapter: Adapter, http: H, client: Any, options: RequestOptions) -> None:
        self._adapter = adapter
        self._http: H = http
        self._options = options
        #: The vendor's generated client, sharing this desk's connection pool (the escape hatch).
        self.client: C = client

    @property
    def vendor(self) -> str:
        """ "routera", "intercom", "tickiti" or "ankra"."""
        return self._adapter.vendor

    @property
    def capabilities(self) -> Capabilities:
        """What this vendor supports; an unsupported operation raises before any request is sent."""
        return self._adapter.capabilities

    def _check_open(self) -> None:
        """A closed desk raises DeskClosedError before anything is sent (httpx would raise RuntimeError)."""
        if self._http.is_closed:
            raise DeskClosedError(
                f"this {self.vendor} desk is closed (close(), or the end of its with block); connect() again"
            )

    def _plan(self, operation: str, make: Callable[[], Plan[T]]) -> Plan[T]:
        if operation not in self._adapter.capabilities:
            raise self._adapter.unsupported(operation)
        return make()

    def __repr__(self) -> str:
        shown = f"{type(self).__name__}(vendor={self.vendor!r}, base_url={display_url(self._http.base_url)!r})"
        return self._options.secrets.mask(shown)


class Desk(_BaseDesk[httpx.Client, C]):
    """A connection to one vendor through the unified interface. Use `ticketkit.connect()` to make one."""

    def __init__(self, adapter: Adapter, http: httpx.Client, client: Any, options: RequestOptions) -> None:
        super().__init__(adapter, http, client, options)
        self.tickets = Tickets(self)
        self.comments = Comments(self)
        self.attachments = Attachments(self)

    def _run(self, operation: str, options: RequestOptions, make: Callable[[], Plan[T]]) -> T:
        try:
            self._check_open()
            return run_sync(self._http, self._adapter, self._plan(operation, make), options)
        except Exception as exc:  # where errors leave the desk (a list's later pages too): no credential in them
            options.secrets.scrub(exc)
            raise

    def close(self) -> None:
        """Close the connection pool."""
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
        self.tickets = AsyncTickets(self)
        self.comments = AsyncComments(self)
        self.attachments = AsyncAttachments(self)

    def _check_loop(self) -> None:
        """An AsyncDesk serves the event loop it was first used in; another loop gets InvalidArgumentError
        (httpx would fail with "Event loop is closed", or hang, on a connection the first loop opened)."""
        loop = _running_loop()
        if loop is None:  # not asyncio (the desk's waits need it anyway): nothing to compare
            return
        if self._loop is None:
            self._loop = weakref.ref(loop)
        elif self._loop() is not loop:
            raise InvalidArgumentError(
                f"this {self.vendor} AsyncDesk was first used in another event loop, and its connections belong "
                "to that loop: call connect_async() in this one (one desk per asyncio.run())"
            )

    async def _run(self, operation: str, options: RequestOptions, make: Callable[[], Plan[T]]) -> T:
        try:
            self._check_open()
            self._check_loop()
            return await run_async(self._http, self._adapter, self._plan(operation, make), options)
        except Exception as exc:
            options.secrets.scrub(exc)
            raise

    async def aclose(self) -> None:
        """Close the connection pool (from the event loop the desk was used in)."""
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


# Pages holding only tickets already listed that a list skips, since its last new ticket, before it stops.
STALE_PAGES_ALLOWED = 1


class _Paging:
    """What one `tickets.list` has seen, so that a vendor's paging cannot make it loop or repeat itself.

    - A ticket id already yielded is skipped: a list never yields one id twice. Offset paging (Routera's
      offset, Ankra's page numbers) shifts when tickets are added meanwhile, so a page may start with the end
      of the one before; the skip is logged (info) on the `ticketkit` logger.
    - A page holding tickets but none new is skipped once: a page's worth of tickets added between two requests
      can do that. A second such page since the last new ticket ends the list with PagingLoopError: the vendor
      repeats itself (it ignores the cursor, or its cursors go A, B, A, B...). An empty page counts for
      neither (our-side status filters make them).
    - A next cursor that was sent before (the page's own, or an earlier page's) ends the list with
      PagingLoopError before it is sent again.

    Memory: the ids of the tickets listed so far (about 100 bytes each) and the cursors sent, until the
    iteration ends. The pages themselves are not kept.
    """

    __slots__ = ("_fetched_with", "_seen", "_stale", "cursor", "pages", "vendor", "yielded")

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self.cursor: Any = None  # the cursor of the page being read (None: the first)
        self.pages = 0  # pages received
        self.yielded = 0
        self._fetched_with: dict[Any, int] = {_cursor_key(None): 1}  # cursor -> the page it fetched
        self._seen: set[str] = set()
        self._stale = 0  # pages since the last new ticket that held only tickets already listed

    def fresh(self, page: Page[Ticket], limit: int | None) -> list[Ticket]:
        """The page's tickets not listed before, in order, at most as many as `limit` leaves."""
        self.pages += 1
        seen, new = self._seen, []
        for ticket in page.items:
            if ticket.id not in seen:
                seen.add(ticket.id)
                new.append(ticket)
        if page.items and not new:
            self._stale += 1
            if self._stale > STALE_PAGES_ALLOWED:
                ids = ", ".join(_shown(t.id) for t in page.items[:5]) + (", ..." if len(page.items) > 5 else "")
                raise PagingLoopError(
                    self.vendor,
                    f"page {self.pages} (cursor {_shown(self.cursor)}) holds only tickets already listed ({ids}): "
                    f"{self._stale} pages of them since the last new ticket; stopped after {self.yielded} tickets",
                    cursor=self.cursor,
                    page=self.pages,
                )
        elif new:
            self._stale = 0
        if len(new) < len(page.items):
            logger.info(
                "%s tickets.list: page %d repeats %d ticket(s) already listed; skipped",
                self.vendor,
                self.pages,
                len(page.items) - len(new),
            )
        if limit is not None:
            new = new[: limit - self.yielded]
        self.yielded += len(new)
        return new

    def follow(self, page: Page[Ticket], limit: int | None) -> Any:
        """The cursor to fetch next; None when the list is complete (or `limit` reached)."""
        cursor = page.next_cursor
        if cursor is None or (limit is not None and self.yielded >= limit):
            return None
        key = _cursor_key(cursor)
        earlier = self._fetched_with.get(key)
        if earlier is not None:
            which = "it was itself fetched with" if earlier == self.pages else f"fetched page {earlier}"
            raise PagingLoopError(
                self.vendor,
                f"page {self.pages} gives as the next page the cursor {_shown(cursor)}, which {which}; "
                f"stopped after {self.yielded} tickets",
                cursor=cursor,
                page=self.pages,
            )
        self._fetched_with[key] = self.pages + 1
        self.cursor = cursor
        return cursor


def _cursor_key(cursor: Any) -> Any:
    """The cursor itself when it can be a dict key (strings, numbers: every adapter's), else its repr."""
    try:
        hash(cursor)
    except TypeError:
        return ("unhashable", repr(cursor))
    return (type(cursor), cursor)


def _shown(value: Any) -> str:
    """A cursor or id for a message: a vendor's cursor can be long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _masked(
    options: RequestOptions, step: Callable[[Page[Ticket], int | None], T], page: Page[Ticket], limit: int | None
) -> T:
    """A paging step whose PagingLoopError (it quotes the vendor's cursor and ids) is masked like any other."""
    try:
        return step(page, limit)
    except PagingLoopError as exc:
        options.secrets.scrub(exc)
        raise


def _iterate(desk: Desk, query: ListQuery, limit: int | None, options: RequestOptions) -> Iterator[Ticket]:
    if "tickets.list" not in desk.capabilities:
        raise desk._adapter.unsupported("tickets.list")

    def pages() -> Iterator[Ticket]:
        paging, cursor = _Paging(desk.vendor), None
        while limit is None or paging.yielded < limit:
            page = desk._run("tickets.list", options, partial(desk._adapter.list_tickets, query, cursor))
            yield from _masked(options, paging.fresh, page, limit)
            cursor = _masked(options, paging.follow, page, limit)
            if cursor is None:
                return

    return pages()


def _aiterate(desk: AsyncDesk, query: ListQuery, limit: int | None, options: RequestOptions) -> AsyncIterator[Ticket]:
    if "tickets.list" not in desk.capabilities:
        raise desk._adapter.unsupported("tickets.list")

    async def pages() -> AsyncIterator[Ticket]:
        paging, cursor = _Paging(desk.vendor), None
        while limit is None or paging.yielded < limit:
            page = await desk._run("tickets.list", options, partial(desk._adapter.list_tickets, query, cursor))
            for ticket in _masked(options, paging.fresh, page, limit):
                yield ticket
            cursor = _masked(options, paging.follow, page, limit)
            if cursor is None:
                return

    return pages()


class Tickets:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    @_guarded
    def get(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """One ticket, with its thread and attachments where the vendor returns them."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        return self._desk._run("tickets.get", options, lambda: self._adapter.get_ticket(tid))

    @_guarded
    def list(
        self,
        *,
        status: TicketStatus | str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **options: Any,
    ) -> Iterator[Ticket]:
        """Every matching ticket, fetching pages in the vendor's own scheme as you iterate.

        `limit` stops after that many tickets; `page_size` is how many each request asks for.
        """
        call_options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        query = args.list_query(self._adapter, status, page_size, options)
        return _iterate(self._desk, query, args.limit(limit), call_options)

    @_guarded
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
        """Create a ticket; vendor-only fields pass through as keywords (see README)."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        draft = args.ticket_draft(self._adapter, subject, description, requester_email, vendor_fields)
        return self._desk._run("tickets.create", options, lambda: self._adapter.create_ticket(draft))

    @_guarded
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
        """Change a ticket and return it as it is now."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        changes = args.ticket_changes(self._adapter, status, subject, description, vendor_fields)
        return self._desk._run("tickets.update", options, lambda: self._adapter.update_ticket(tid, changes))

    @_guarded
    def close(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Close (Routera: archive) a ticket and return it."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        return self._desk._run("tickets.close", options, lambda: self._adapter.close_ticket(tid))


class Comments:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    @_guarded
    def list(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Comment]:
        """The ticket's thread, in the vendor's order."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        return self._desk._run("comments.list", options, lambda: self._adapter.list_comments(tid))

    @_guarded
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
        """Reply on a ticket (`internal=True`: a note the customer does not see)."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        draft = args.comment_draft(self._adapter, body, internal, vendor_fields)
        return self._desk._run("comments.create", options, lambda: self._adapter.create_comment(tid, draft))


class Attachments:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    @_guarded
    def download(
        self,
        attachment: Attachment,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> bytes:
        """The attachment's bytes (at most the desk's `max_download_bytes`)."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        checked = args.attachment(attachment)
        return self._desk._run("attachments.download", options, lambda: self._adapter.download_attachment(checked))


class AsyncTickets:
    def __init__(self, desk: AsyncDesk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    @_aguarded
    async def get(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """One ticket, with its thread and attachments where the vendor returns them."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        return await self._desk._run("tickets.get", options, lambda: self._adapter.get_ticket(tid))

    @_guarded
    def list(
        self,
        *,
        status: TicketStatus | str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **options: Any,
    ) -> AsyncIterator[Ticket]:
        """Every matching ticket, fetching pages in the vendor's own scheme as you iterate (`async for`).

        `limit` stops after that many tickets; `page_size` is how many each request asks for.
        """
        call_options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        query = args.list_query(self._adapter, status, page_size, options)
        return _aiterate(self._desk, query, args.limit(limit), call_options)

    @_aguarded
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
        """Create a ticket; vendor-only fields pass through as keywords (see README)."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        draft = args.ticket_draft(self._adapter, subject, description, requester_email, vendor_fields)
        return await self._desk._run("tickets.create", options, lambda: self._adapter.create_ticket(draft))

    @_aguarded
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
        """Change a ticket and return it as it is now."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        changes = args.ticket_changes(self._adapter, status, subject, description, vendor_fields)
        return await self._desk._run("tickets.update", options, lambda: self._adapter.update_ticket(tid, changes))

    @_aguarded
    async def close(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Close (Routera: archive) a ticket and return it."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        return await self._desk._run("tickets.close", options, lambda: self._adapter.close_ticket(tid))


class AsyncComments:
    def __init__(self, desk: AsyncDesk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    @_aguarded
    async def list(
        self,
        ticket_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Comment]:
        """The ticket's thread, in the vendor's order."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        return await self._desk._run("comments.list", options, lambda: self._adapter.list_comments(tid))

    @_aguarded
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
        """Reply on a ticket (`internal=True`: a note the customer does not see)."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        tid = args.ticket_id(ticket_id)
        draft = args.comment_draft(self._adapter, body, internal, vendor_fields)
        return await self._desk._run("comments.create", options, lambda: self._adapter.create_comment(tid, draft))


class AsyncAttachments:
    def __init__(self, desk: AsyncDesk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    @_aguarded
    async def download(
        self,
        attachment: Attachment,
        *,
        timeout: float | httpx.Timeout | None = None,
        call_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> bytes:
        """The attachment's bytes (at most the desk's `max_download_bytes`)."""
        options = self._desk._options.merged(timeout, max_retries, extra_headers, call_timeout)
        checked = args.attachment(attachment)
        return await self._desk._run(
            "attachments.download", options, lambda: self._adapter.download_attachment(checked)
        )
