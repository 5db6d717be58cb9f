"""What every desk method does before it sends anything, written once for `Desk` and `AsyncDesk`.

A public method of `desk.tickets`, `.comments` or `.attachments`, sync or async, is its signature, its
docstring and one line: it hands its arguments to the preparation here and runs what comes back
(`desk._run`, blocking or awaited; `desk._iterate` for a list). The preparation checks, in this order and
before any request: the desk is open (and an AsyncDesk in its own event loop), the vendor supports the
operation, the per-call transport options, the unified arguments, the vendor's own keywords, and then starts
the vendor's plan, which checks everything else it needs (`_engine.start`). Whatever it raises is masked:
an argument check may quote what it refused, never a credential.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

import httpx
from ticketkit_models import Comment, Ticket

from . import _arguments as args
from . import _cursor
from ._adapter import Adapter, Capabilities, Page, Plan
from ._engine import Started, start
from ._errors import InvalidArgumentError
from ._paging import Lister
from ._transport import RequestOptions

T = TypeVar("T")


class CallOptions(NamedTuple):
    """The per-call keywords every desk method takes: this call's overrides of the desk's transport options."""

    timeout: float | httpx.Timeout | None
    call_timeout: float | None
    max_retries: int | None
    extra_headers: Mapping[str, str] | None


@dataclass(frozen=True, slots=True)
class Prepared(Generic[T]):
    """One call, checked and ready to run: the operation, its transport options, its plan started."""

    operation: str
    options: RequestOptions
    plan: Started[T]


@dataclass(frozen=True, slots=True)
class Listing:
    """A `tickets.list` / `tickets.pages`, checked: its first page's call prepared, how to plan each page after
    it, and the `Lister` that turns each vendor page into what is yielded."""

    first: Prepared[Page[Ticket]] | None  # None: `limit=0`, nothing to fetch
    next_page: Callable[[Any], Plan[Page[Ticket]]]
    lister: Lister
    options: RequestOptions

    def page(self, cursor: Any) -> Prepared[Page[Ticket]]:
        """The call for the page at `cursor`, its plan started; an error masked like every other of the list."""
        try:
            return Prepared("tickets.list", self.options, start(_dated(self.next_page(cursor), self.lister)))
        except Exception as exc:
            self.options.secrets.scrub(exc)
            raise


def _dated(plan: Plan[T], lister: Lister) -> Plan[T]:
    """`plan`, noting on `lister` each response's `Date` (the server's time, for the watermark)."""
    try:
        try:
            call = next(plan)
        except StopIteration as done:
            result: T = done.value
            return result
        while True:
            response = yield call
            lister.date = response.headers.get("date")
            try:
                call = plan.send(response)
            except StopIteration as done:
                result = done.value
                return result
    finally:
        plan.close()


@dataclass(frozen=True, slots=True)
class Bulk(Generic[T]):
    """A bulk helper's calls, checked as far as they can be before the first: the items (read lazily), how to
    prepare the call for one (its own checks raise for that item only), and how many run at once."""

    items: Iterable[Any]
    prepare: Callable[[Any], Prepared[T]]
    concurrency: int
    return_exceptions: bool


class PreparingDesk(Protocol):
    """What the preparation needs of a desk (both desks are one)."""

    _adapter: Adapter
    _options: RequestOptions

    @property
    def capabilities(self) -> Capabilities: ...

    def _ready(self) -> None:
        """Raise if the desk cannot send now (closed; an AsyncDesk: in another event loop)."""


D = TypeVar("D", bound=PreparingDesk)


class Resource(Generic[D]):
    """A part of a desk (`desk.tickets`...): its methods' shared preparation."""

    def __init__(self, desk: D) -> None:
        self._desk = desk
        self._adapter = desk._adapter

    def _options(self, operation: str, call: CallOptions) -> RequestOptions:
        """The transport options of one call, once the desk is ready and the operation supported."""
        desk = self._desk
        desk._ready()
        if operation not in desk.capabilities:
            raise self._adapter.unsupported(operation)
        return desk._options.merged(call.timeout, call.max_retries, call.extra_headers, call.call_timeout)

    def _bulk(
        self,
        operation: str,
        call: CallOptions,
        ids: object,
        concurrency: object,
        return_exceptions: object,
        prepare: Callable[[Any], Prepared[T]],
    ) -> Bulk[T]:
        """What a bulk helper checks at its call: the desk, the operation, the call options, `concurrency` (the
        desk's `concurrency=` by default), `return_exceptions`, and that `ids` is an iterable of ids (not one id)."""
        try:
            options = self._options(operation, call)
            if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
                raise InvalidArgumentError(
                    f"{operation} takes an iterable of ticket ids (a list, a generator), not {ids!r}"
                )
            most = options.concurrency if concurrency is None else args.concurrency(concurrency)
            return Bulk(ids, prepare, most, args.flag("return_exceptions", return_exceptions))
        except Exception as exc:
            self._desk._options.secrets.with_headers(call.extra_headers).scrub(exc)
            raise

    def _prepare(self, operation: str, call: CallOptions, plan: Callable[[], Plan[T]]) -> Prepared[T]:
        """`plan()` checks the call's arguments and makes the vendor's plan, which is started here."""
        try:
            options = self._options(operation, call)
            return Prepared(operation, options, start(plan()))
        except Exception as exc:
            self._desk._options.secrets.with_headers(call.extra_headers).scrub(exc)
            raise


class TicketsPreparation(Resource[D]):
    def _get(self, call: CallOptions, ticket_id: object) -> Prepared[Ticket]:
        return self._prepare("tickets.get", call, lambda: self._adapter.get_ticket(args.ticket_id(ticket_id)))

    def _list(
        self,
        call: CallOptions,
        status: object,
        page_size: object,
        limit: object,
        vendor: Mapping[str, Any],
        updated_since: object = None,
        cursor: object = None,
    ) -> Listing:
        try:
            options = self._options("tickets.list", call)
            adapter = self._adapter
            query = args.list_query(adapter, status, page_size, vendor, updated_since)
            most = args.limit(limit)
            print_ = _cursor.fingerprint(adapter.vendor, query)
            resume = None if cursor is None else _cursor.decode(cursor, adapter.vendor, print_)
            # A vendor total still counts what the pages hold when the server filtered `updated_since` (Intercom,
            # exactly; Tickiti by day, but it reports no total), not when the desk drops tickets itself.
            exact = adapter.capabilities.updated_since_filter == "server"
            lister = Lister(adapter.vendor, query, print_, most, resume, exact)
            listing = Listing(None, partial(adapter.list_tickets, query), lister, options)
            if most == 0:
                return listing
            first = Prepared("tickets.list", options, start(_dated(listing.next_page(lister.first_cursor), lister)))
            return dataclasses.replace(listing, first=first)
        except Exception as exc:
            self._desk._options.secrets.with_headers(call.extra_headers).scrub(exc)
            raise

    def _get_many(self, call: CallOptions, ids: object, concurrency: object, return_exceptions: object) -> Bulk[Ticket]:
        return self._bulk("tickets.get", call, ids, concurrency, return_exceptions, partial(self._get, call))

    def _create(
        self, call: CallOptions, subject: object, description: object, email: object, vendor: Mapping[str, Any]
    ) -> Prepared[Ticket]:
        def plan() -> Plan[Ticket]:
            return self._adapter.create_ticket(args.ticket_draft(self._adapter, subject, description, email, vendor))

        return self._prepare("tickets.create", call, plan)

    def _update(
        self,
        call: CallOptions,
        ticket_id: object,
        status: object,
        subject: object,
        description: object,
        vendor: Mapping[str, Any],
    ) -> Prepared[Ticket]:
        def plan() -> Plan[Ticket]:
            tid = args.ticket_id(ticket_id)
            changes = args.ticket_changes(self._adapter, status, subject, description, vendor)
            return self._adapter.update_ticket(tid, changes)

        return self._prepare("tickets.update", call, plan)

    def _close(self, call: CallOptions, ticket_id: object) -> Prepared[Ticket]:
        return self._prepare("tickets.close", call, lambda: self._adapter.close_ticket(args.ticket_id(ticket_id)))


class CommentsPreparation(Resource[D]):
    def _list(self, call: CallOptions, ticket_id: object) -> Prepared[list[Comment]]:
        return self._prepare("comments.list", call, lambda: self._adapter.list_comments(args.ticket_id(ticket_id)))

    def _list_many(
        self, call: CallOptions, ids: object, concurrency: object, return_exceptions: object
    ) -> Bulk[list[Comment]]:
        return self._bulk("comments.list", call, ids, concurrency, return_exceptions, partial(self._list, call))

    def _create(
        self, call: CallOptions, ticket_id: object, body: object, internal: object, vendor: Mapping[str, Any]
    ) -> Prepared[Comment]:
        def plan() -> Plan[Comment]:
            tid = args.ticket_id(ticket_id)
            return self._adapter.create_comment(tid, args.comment_draft(self._adapter, body, internal, vendor))

        return self._prepare("comments.create", call, plan)


class AttachmentsPreparation(Resource[D]):
    def _download(self, call: CallOptions, attachment: object) -> Prepared[bytes]:
        return self._prepare(
            "attachments.download", call, lambda: self._adapter.download_attachment(args.attachment(attachment))
        )
