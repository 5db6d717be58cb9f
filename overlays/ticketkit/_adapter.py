"""The contract between the desks and the vendor adapters: operations, plans, and what a plan is given.

An adapter never does I/O. Each operation is a *plan*, and every plan is written one way: a generator
function that checks its arguments and builds what it sends before its first `yield`, then yields the `Call`s
it needs, receives each `httpx.Response` back, and returns the unified result. The desks start a plan when
the method is called (`_engine.start`), running it to its first `yield`: a bad argument raises there, before
any request, so a plan needs no separate eager check. The sync and async desks drive the same plans
(`_engine.py`), so every vendor's logic is written once for both.

What a vendor supports is what its adapter overrides: `Adapter.capabilities` is derived from the plan methods
a subclass defines, so it cannot disagree with them.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Literal, TypeVar

import httpx
from ticketkit_models import Attachment, Comment, Ticket, TicketStatus

from ._errors import ErrorInfo, TicketkitError, UnsupportedOperationError
from ._reading import MALFORMED, clipped, fallback_error_info, parse_retry_after

T = TypeVar("T")

# The unified operations, each with the adapter's plan method that carries it out.
OPERATIONS: Mapping[str, str] = {
    "tickets.get": "get_ticket",
    "tickets.list": "list_tickets",
    "tickets.create": "create_ticket",
    "tickets.update": "update_ticket",
    "tickets.close": "close_ticket",
    "comments.list": "list_comments",
    "comments.create": "create_comment",
    "attachments.download": "download_attachment",
}


@dataclass(frozen=True)
class Call:
    """One HTTP request a plan wants sent.

    `request` holds `httpx.Client.build_request` keywords, normally straight from a generated operation's
    `_get_kwargs`, so the wire shape is the spec's. A response whose status is not in `expect` becomes the
    adapter's status error before the plan sees it.
    """

    operation: str
    request: Mapping[str, Any]
    expect: frozenset[int] = frozenset({200})
    # False for a request to a URL outside the vendor's API (an Intercom attachment): no Authorization.
    authenticated: bool = True


Plan = Generator[Call, httpx.Response, T]


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A record of a list page that failed to parse: its JSON text as the vendor sent it (re-serialised), why
    it was refused, and its id when that much could be read (else None).

    `desk.tickets.pages()` yields these in `page.rejected` beside the page's good tickets; `tickets.list()`
    raises ResponseValidationError on the first page that has one (nothing is dropped silently).
    """

    raw: str
    reason: str
    id: str | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and how to ask for the next (None when this is the last).

    `rejected`: the records of the page that failed to parse (each parsed on its own, so one bad record does
    not lose the page). `total`: how many records the whole listing holds, as the vendor reports it, only when
    that count covers exactly what the plan returns (no filtering in the plan); else None.
    """

    items: list[T]
    next_cursor: Any = None
    rejected: tuple[RejectedRecord, ...] = ()
    total: int | None = None


@dataclass(frozen=True)
class ListQuery:
    """What `tickets.list` was asked for. `updated_since` is aware (UTC); a plan sends it to the server when
    its vendor can filter on it (`Adapter.server_filters`); the desk checks it exactly on every page anyway."""

    status: TicketStatus | None = None
    page_size: int | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    updated_since: dt.datetime | None = None


def parse_each(
    vendor: str, records: list[Any], parse: Callable[[Any], T], id_keys: tuple[str, ...] = ("id",)
) -> tuple[list[T], tuple[RejectedRecord, ...]]:
    """Each record of a page parsed on its own: the good ones, and the ones refused (with why and, when it can
    be read, the record's id under the first of `id_keys` it has)."""
    parsed: list[T] = []
    rejected: list[RejectedRecord] = []
    for index, record in enumerate(records):
        try:
            parsed.append(parse(record))
        except (TicketkitError, *MALFORMED) as exc:
            reason = clipped(f"record {index} of the page: {type(exc).__name__}: {exc}")
            rejected.append(RejectedRecord(_json_text(record), reason, _record_id(record, id_keys)))
    return parsed, tuple(rejected)


def _json_text(record: Any) -> str:
    try:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):  # parsed JSON always serialises; a test's stand-in might not
        return repr(record)


def _record_id(record: Any, keys: tuple[str, ...]) -> str | None:
    if not isinstance(record, dict):
        return None
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


@dataclass(frozen=True)
class TicketDraft:
    """What `tickets.create` was asked to create; `options` holds the vendor-only keywords."""

    subject: str
    description: str | None = None
    requester_email: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TicketChanges:
    """What `tickets.update` was asked to change (None: leave as is)."""

    status: TicketStatus | None = None
    subject: str | None = None
    description: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CommentDraft:
    body: str
    internal: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Capabilities:
    """Which unified operations a vendor supports; `"tickets.update" in desk.capabilities` also works.

    An adapter's are derived from the plan methods it overrides (`Capabilities.of`), never listed by hand.
    """

    tickets_get: bool = False
    tickets_list: bool = False
    tickets_create: bool = False
    tickets_update: bool = False
    tickets_close: bool = False
    comments_list: bool = False
    comments_create: bool = False
    attachments_download: bool = False
    #: Where `tickets.list(updated_since=...)` is filtered: "server" when the vendor's list takes the filter
    #: (the desk still checks each ticket exactly), "client" when the desk filters every page itself.
    updated_since_filter: Literal["server", "client"] = "client"

    def __contains__(self, operation: object) -> bool:
        return (
            isinstance(operation, str) and operation in OPERATIONS and bool(getattr(self, operation.replace(".", "_")))
        )

    @property
    def supported(self) -> tuple[str, ...]:
        """The supported operations, as dotted names ("tickets.get", ...)."""
        return tuple(operation for operation in OPERATIONS if operation in self)

    @classmethod
    def of(cls, adapter: type[Adapter]) -> Capabilities:
        """The operations whose plan method `adapter` overrides, and where its list filters `updated_since`
        (the filters its list plan sends, `adapter.server_filters`)."""
        return cls(
            **{
                operation.replace(".", "_"): getattr(adapter, method) is not getattr(Adapter, method)
                for operation, method in OPERATIONS.items()
            },
            updated_since_filter="server" if "updated_since" in adapter.server_filters else "client",
        )


class Adapter:
    """One vendor: its plans, and how to read its error bodies and rate-limit headers.

    A subclass overrides the plans it supports, each a generator function (checked when the class is made);
    the others raise UnsupportedOperationError, and the desks refuse them before running anything.
    """

    vendor: ClassVar[str]
    capabilities: ClassVar[Capabilities]
    # Keyword options each plan accepts beyond the unified ones (checked before anything is sent).
    create_options: ClassVar[frozenset[str]] = frozenset()
    update_options: ClassVar[frozenset[str]] = frozenset()
    list_options: ClassVar[frozenset[str]] = frozenset()
    comment_options: ClassVar[frozenset[str]] = frozenset()
    # The `ListQuery` filters the list plan sends to the vendor (narrowing on the server); the others the desk
    # applies to each page. Read by `Capabilities.of`.
    server_filters: ClassVar[frozenset[str]] = frozenset()
    # The response header carrying the vendor's id for a request (what its support asks for), where the
    # vendor sends one: `RawResponse.request_id`, and `APIStatusError.request_id` when the error body has none.
    request_id_header: ClassVar[str | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for method in OPERATIONS.values():
            plan = getattr(cls, method)
            if plan is not getattr(Adapter, method) and not inspect.isgeneratorfunction(plan):
                raise TypeError(f"{cls.__name__}.{method} must be a generator function (see _adapter.py)")
        cls.capabilities = Capabilities.of(cls)

    def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
        raise self.unsupported("tickets.get")

    def list_tickets(self, query: ListQuery, cursor: Any) -> Plan[Page[Ticket]]:
        raise self.unsupported("tickets.list")

    def create_ticket(self, draft: TicketDraft) -> Plan[Ticket]:
        raise self.unsupported("tickets.create")

    def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Plan[Ticket]:
        raise self.unsupported("tickets.update")

    def close_ticket(self, ticket_id: str) -> Plan[Ticket]:
        raise self.unsupported("tickets.close")

    def list_comments(self, ticket_id: str) -> Plan[list[Comment]]:
        raise self.unsupported("comments.list")

    def create_comment(self, ticket_id: str, draft: CommentDraft) -> Plan[Comment]:
        raise self.unsupported("comments.create")

    def download_attachment(self, attachment: Attachment) -> Plan[bytes]:
        raise self.unsupported("attachments.download")

    def read_error(self, response: httpx.Response) -> ErrorInfo:
        """What the vendor's error body says. Subclasses read their own shape and fall back to this."""
        return fallback_error_info(response)

    def request_id(self, response: httpx.Response) -> str | None:
        """The vendor's id of the request `response` answers (`request_id_header`), or None."""
        if self.request_id_header is None:
            return None
        value = response.headers.get(self.request_id_header, "").strip()
        return value or None

    def passthrough_headers(self, method: str, path: str) -> Mapping[str, str]:
        """Headers `desk.request()` adds for this vendor, as its plans do (a version header, an idempotency key
        on writes); the caller's `headers=` override them. `method` is upper case, `path` is relative to the
        base URL, from "/"."""
        return {}

    def retry_after(self, response: httpx.Response) -> float | None:
        """Seconds the vendor asked to wait (429); None when it did not say."""
        return parse_retry_after(response)

    def unsupported(self, operation: str) -> UnsupportedOperationError:
        return UnsupportedOperationError(self.vendor, operation)
