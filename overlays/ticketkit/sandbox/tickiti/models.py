"""Tickiti's state: tickets with their response threads, participants and attachments; idempotency keys.

Written from specs/tickiti.yaml, shared/vendor-docs/tickiti-show-ticket.txt and Tickiti's own client
(shared/reference/clients/tickiti-mcp). Tickets are named by a 6-digit `number` (from 220000 up); ids are
integers here and strings on the wire, as Tickiti sends them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from .install import STAFF, extension_rule

FIRST_NUMBER = 220000
DEFAULT_PRIORITY = 20


def stamp(moment: dt.datetime) -> str:
    """ISO 8601 with a `+00:00` offset, as Tickiti writes timestamps (`2026-05-02T11:30:48+00:00`)."""
    return moment.astimezone(dt.UTC).isoformat()


def formatted_size(size: int) -> str:
    """Human-readable size, as `file_size_formatted` shows it (`1.14 MB`)."""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:.2f} {unit}"


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    """The text of an HTML body, whitespace collapsed: what Tickiti keeps beside the raw HTML."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join(unescape("".join(extractor.parts)).split())


@dataclass
class Attachment:
    id: int
    response_id: int
    name: str
    mime_type: str
    content: bytes
    is_inline: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def content_base64(self) -> str:
        return base64.b64encode(self.content).decode("ascii")

    @property
    def extension_rule(self) -> str:
        return extension_rule(self.name)


@dataclass
class Response:
    """One reply or internal note of a ticket's thread."""

    id: int
    ticket_id: int
    created_by_email: str
    html: str
    created_at: dt.datetime
    staff_response: bool
    is_internal: bool = False
    is_pinned: bool = False
    is_email_sourced: bool = False
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def plain_text(self) -> str:
        return plain_text(self.html)


@dataclass
class Ticket:
    id: int
    number: int
    subject: str
    originator_email: str
    queue_id: int
    created_at: dt.datetime
    updated_at: dt.datetime
    status: str = "open"
    priority: int = DEFAULT_PRIORITY
    assigned_to_email: str | None = None
    resolved: dt.datetime | None = None
    on_hold_until: dt.date | None = None
    is_public: bool = True
    responses: list[Response] = field(default_factory=list)
    # Everyone on the ticket: the originator and each response's author ("added as a participant if new").
    participants: list[str] = field(default_factory=list)
    hashtags: set[str] = field(default_factory=set)
    watchlists: set[int] = field(default_factory=set)
    # The `uid` an intervention opened it with (no evidence says what Tickiti does with it: kept only).
    intervention_uid: str | None = None

    def add_participant(self, email: str) -> None:
        if email.casefold() not in (p.casefold() for p in self.participants):
            self.participants.append(email)

    def thread(self) -> list[Response]:
        """Pinned first, then oldest to newest (the order the staff agent sees)."""
        return sorted(self.responses, key=lambda r: (not r.is_pinned, r.created_at, r.id))

    @property
    def is_resolved(self) -> bool:
        return self.resolved is not None

    def reopen(self) -> bool:
        """Back to open; whether it was resolved or on hold before."""
        was_closed = self.is_resolved or self.status == "on-hold"
        self.status, self.resolved, self.on_hold_until = "open", None, None
        return was_closed

    def hold(self, until: dt.date | None) -> None:
        self.status, self.resolved, self.on_hold_until = "on-hold", None, until


@dataclass(frozen=True)
class StoredAnswer:
    """What a write answered, kept under its Idempotency-Key to replay it."""

    fingerprint: str
    status: int
    content: bytes


class Store:
    """Every object of one Tickiti install, with the counters that number new ones."""

    def __init__(self) -> None:
        self.tickets: dict[int, Ticket] = {}
        self.idempotency: dict[str, StoredAnswer] = {}
        self._ticket_ids = itertools.count(1)
        self._response_ids = itertools.count(1)
        self._attachment_ids = itertools.count(1)
        self._numbers = itertools.count(FIRST_NUMBER)
        self.synthetic_by_number: Callable[[str], Ticket | None] | None = None  # `Sandbox(tickets=N)`

    # -- lookups -------------------------------------------------------------------------------------

    def by_number(self, number: str) -> Ticket | None:
        if self.synthetic_by_number is not None:  # a synthetic data set: found without a scan
            return self.synthetic_by_number(number)
        return next((t for t in self.tickets.values() if str(t.number) == number), None)

    def responses(self) -> list[Response]:
        return [r for t in self.tickets.values() for r in t.responses]

    def ticket_of(self, response: Response) -> Ticket:
        return self.tickets[response.ticket_id]

    # -- new objects ---------------------------------------------------------------------------------

    def open_ticket(
        self, *, subject: str, originator_email: str, queue_id: int, at: dt.datetime, number: int | None = None
    ) -> Ticket:
        number = next(self._numbers) if number is None else number
        ticket = Ticket(
            id=next(self._ticket_ids),
            number=number,
            subject=subject,
            originator_email=originator_email,
            queue_id=queue_id,
            created_at=at,
            updated_at=at,
        )
        ticket.add_participant(originator_email)
        self.tickets[ticket.id] = ticket
        return ticket

    def add_response(
        self, ticket: Ticket, *, author: str, html: str, at: dt.datetime, is_internal: bool = False
    ) -> Response:
        response = Response(
            id=next(self._response_ids),
            ticket_id=ticket.id,
            created_by_email=author,
            html=html,
            created_at=at,
            staff_response=author in STAFF,
            is_internal=is_internal,
        )
        ticket.responses.append(response)
        ticket.add_participant(author)
        ticket.updated_at = max(ticket.updated_at, at)
        return response

    def attach(
        self, response: Response, name: str, mime_type: str, content: bytes, *, is_inline: bool = False
    ) -> Attachment:
        attachment = Attachment(next(self._attachment_ids), response.id, name, mime_type, content, is_inline)
        response.attachments.append(attachment)
        return attachment

    def skip_numbers(self, to: int) -> None:
        """Continue numbering after `to` (the seed starts where the document's ticket sits)."""
        self._numbers = itertools.count(to + 1)

    def skip_ids(self, *, responses: int, attachments: int) -> None:
        self._response_ids = itertools.count(responses)
        self._attachment_ids = itertools.count(attachments)
