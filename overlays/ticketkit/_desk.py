"""`Desk` and `AsyncDesk`: the unified interface. Both run the same adapter plans; only the driver differs.

Every method also takes `timeout=`, `call_timeout=`, `max_retries=` and `extra_headers=` for that call alone;
the desk's shared client is never changed by them. A number of seconds as `timeout=` also bounds each attempt
of the call, start to last byte; `call_timeout=` bounds the whole call, retries and waits included.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from functools import partial
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
from ticketkit_models import Attachment, Comment, Ticket, TicketStatus

from . import _arguments as args
from ._adapter import Adapter, Capabilities, ListQuery, Page, Plan
from ._engine import run_async, run_sync
from ._transport import RequestOptions

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class _BaseDesk(Generic[H]):
    def __init__(self, adapter: Adapter, http: H, client: Any, options: RequestOptions) -> None:
        self._adapter = adapter
        self._http: H = http
        self._options = options
        #: The vendor's generated client, sharing this desk's connection pool (the escape hatch).
        self.client = client

    @property
    def vendor(self) -> str:
        """ "routera", "intercom", "tickiti" or "ankra"."""
        return self._adapter.vendor

    @property
    def capabilities(self) -> Capabilities:
        """What this vendor supports; an unsupported operation raises before any request is sent."""
        return self._adapter.capabilities

    def _plan(self, operation: str, make: Callable[[], Plan[T]]) -> Plan[T]:
        if operation not in self._adapter.capabilities:
            raise self._adapter.unsupported(operation)
        return make()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(vendor={self.vendor!r}, base_url={str(self._http.base_url)!r})"


class Desk(_BaseDesk[httpx.Client]):
    """A connection to one vendor through the unified interface. Use `ticketkit.connect()` to make one."""

    def __init__(self, adapter: Adapter, http: httpx.Client, client: Any, options: RequestOptions) -> None:
        super().__init__(adapter, http, client, options)
        self.tickets = Tickets(self)
        self.comments = Comments(self)
        self.attachments = Attachments(self)

    def _run(self, operation: str, options: RequestOptions, make: Callable[[], Plan[T]]) -> T:
        return run_sync(self._http, self._adapter, self._plan(operation, make), options)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncDesk(_BaseDesk[httpx.AsyncClient]):
    """The same interface as `Desk`, awaitable. Use `ticketkit.connect_async()` to make one."""

    def __init__(self, adapter: Adapter, http: httpx.AsyncClient, client: Any, options: RequestOptions) -> None:
        super().__init__(adapter, http, client, options)
        self.tickets = AsyncTickets(self)
        self.comments = AsyncComments(self)
        self.attachments = AsyncAttachments(self)

    async def _run(self, operation: str, options: RequestOptions, make: Callable[[], Plan[T]]) -> T:
        return await run_async(self._http, self._adapter, self._plan(operation, make), options)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _advances(cursor: Any, page: Page[Ticket]) -> bool:
    """Whether there is a next page. A page may be empty (a vendor filtered it) and still have one;
    a cursor that does not move would page forever, so it ends the list."""
    return page.next_cursor is not None and page.next_cursor != cursor


def _iterate(desk: Desk, query: ListQuery, limit: int | None, options: RequestOptions) -> Iterator[Ticket]:
    if "tickets.list" not in desk.capabilities:
        raise desk._adapter.unsupported("tickets.list")

    def pages() -> Iterator[Ticket]:
        yielded, cursor = 0, None
        while limit is None or yielded < limit:
            page = desk._run("tickets.list", options, partial(desk._adapter.list_tickets, query, cursor))
            for ticket in page.items[: None if limit is None else limit - yielded]:
                yielded += 1
                yield ticket
            if not _advances(cursor, page):
                return
            cursor = page.next_cursor

    return pages()


def _aiterate(desk: AsyncDesk, query: ListQuery, limit: int | None, options: RequestOptions) -> AsyncIterator[Ticket]:
    if "tickets.list" not in desk.capabilities:
        raise desk._adapter.unsupported("tickets.list")

    async def pages() -> AsyncIterator[Ticket]:
        yielded, cursor = 0, None
        while limit is None or yielded < limit:
            page = await desk._run("tickets.list", options, partial(desk._adapter.list_tickets, query, cursor))
            for ticket in page.items[: None if limit is None else limit - yielded]:
                yielded += 1
                yield ticket
            if not _advances(cursor, page):
                return
            cursor = page.next_cursor

    return pages()


class Tickets:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._adapter = desk._adapter

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
