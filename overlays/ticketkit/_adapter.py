"""The contract between the desks and the vendor adapters.

An adapter never does I/O. Each operation is a *plan*: a generator that yields the `Call`s it needs and
receives each `httpx.Response` back, then returns the unified result. The sync and async desks drive the
same plans (see `_engine.py`), so every vendor's logic is written once for both.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Generic, TypeVar

import httpx
from ticketkit_models import Attachment, Comment, Ticket, TicketStatus

from ._errors import ErrorInfo, UnsupportedOperationError, refuse_unknown
from ._parsing import NestingError, clipped, html_to_text, parse_json

T = TypeVar("T")


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


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and how to ask for the next (None when this is the last)."""

    items: list[T]
    next_cursor: Any = None


@dataclass(frozen=True)
class ListQuery:
    """What `tickets.list` was asked for."""

    status: TicketStatus | None = None
    page_size: int | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


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
    """Which unified operations a vendor supports; `"tickets.update" in desk.capabilities` also works."""

    tickets_get: bool = True
    tickets_list: bool = True
    tickets_create: bool = True
    tickets_update: bool = False
    tickets_close: bool = False
    comments_list: bool = False
    comments_create: bool = False
    attachments_download: bool = False

    def __contains__(self, operation: object) -> bool:
        return isinstance(operation, str) and bool(getattr(self, operation.replace(".", "_"), False))

    @property
    def supported(self) -> tuple[str, ...]:
        """The supported operations, as dotted names ("tickets.get", ...)."""
        return tuple(f.name.replace("_", ".", 1) for f in fields(self) if getattr(self, f.name))


class Adapter:
    """One vendor: its capabilities, its plans, and how to read its error bodies.

    Subclasses override the plans they support and list them in `capabilities`; the desks check
    `capabilities` before running a plan, so an unsupported operation never sends a request.
    """

    vendor: ClassVar[str]
    capabilities: ClassVar[Capabilities]
    # Keyword options each plan accepts beyond the unified ones (checked before anything is sent).
    create_options: ClassVar[frozenset[str]] = frozenset()
    update_options: ClassVar[frozenset[str]] = frozenset()
    list_options: ClassVar[frozenset[str]] = frozenset()
    comment_options: ClassVar[frozenset[str]] = frozenset()

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

    def retry_after(self, response: httpx.Response) -> float | None:
        """Seconds the vendor asked to wait (429); None when it did not say."""
        return parse_retry_after(response)

    def unsupported(self, operation: str, hint: str = "") -> UnsupportedOperationError:
        return UnsupportedOperationError(self.vendor, operation, hint)

    def check_options(self, operation: str, given: Mapping[str, Any], allowed: frozenset[str]) -> None:
        refuse_unknown(f"{self.vendor} {operation}", given, allowed, "accepted")


def fallback_error_info(response: httpx.Response) -> ErrorInfo:
    """A readable message for any error body: JSON we do not know, HTML from a proxy, or nothing.

    Never raises: it is what every vendor's reader falls back to, on any body a server or proxy may send
    (JSON nested a thousand deep, a megabyte of `<!--`...).
    """
    try:
        body = parse_json(response.content)
    except NestingError as exc:  # the text would be a wall of brackets: say what it is instead
        return ErrorInfo(message=f"the error body is {exc}; not read")
    except (ValueError, UnicodeDecodeError):
        body = None
    if isinstance(body, dict):
        for key in ("message", "error_description", "detail", "error"):
            if isinstance(body.get(key), str) and body[key].strip():
                return ErrorInfo(message=body[key])
    text = response.text.strip()
    if not text:
        return ErrorInfo(message="(empty body)")
    if "<" in text and ">" in text:
        text = html_to_text(text) or ""
    text = " ".join(text.split())
    return ErrorInfo(message=clipped(text, 200) if text else "(empty body)")


def parse_retry_after(response: httpx.Response) -> float | None:
    """`retry-after-ms`, or `Retry-After` in seconds or as an HTTP date."""
    headers = response.headers
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
