"""Tickiti's state: staff, queues, tickets with their response threads and attachments, idempotency keys.

Written from specs/tickiti.yaml and shared/vendor-docs/tickiti-show-ticket.txt. Tickets are named by a
6-digit `number` (from 220000 up); ids are integers here and strings on the wire, as Tickiti sends them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import itertools
import zipfile
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from ticketkit.sandbox._app import now

FIRST_NUMBER = 220000

# The token owner: a staff account that can see every queue (the doc's agent).
AGENT_EMAIL = "priya.sharma@sole-provider.example"
STAFF = (AGENT_EMAIL, "tom.okafor@sole-provider.example")
QUEUES = {2: "General", 4: "Returns", 5: "Warranty"}
DEFAULT_QUEUE = 2
DEFAULT_PRIORITY = 20

# Saved search perspectives: id -> the perspective they apply (`search_object.search_perspective`).
PERSPECTIVES = {"1": "all", "2": "mine", "3": "unassigned"}


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

    # -- lookups -------------------------------------------------------------------------------------

    def by_number(self, number: str) -> Ticket | None:
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


# -- seed data ---------------------------------------------------------------------------------------


def _diagnostics_zip() -> bytes:
    """A real, tiny zip (fixed timestamps, so its sha256 is stable)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("diag.txt", date_time=(2026, 5, 2, 11, 30, 0))
        archive.writestr(info, "sole: carbon plate v3\nbatch: 2026-03-B\nreturn label: RL-55812\n")
    return buffer.getvalue()


# A 1x1 PNG: the inline image of an email reply.
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
RECEIPT_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def seed(store: Store) -> None:
    """Four tickets: open with a pinned note, on hold, resolved, and an urgent unassigned one."""
    start = now() - dt.timedelta(days=6)
    _seed_cracked_plate(store, start)
    _seed_sizing_exchange(store, start + dt.timedelta(days=1))
    _seed_missing_insoles(store, start + dt.timedelta(days=2))
    _seed_refund(store, start + dt.timedelta(days=4))


def _seed_cracked_plate(store: Store, at: dt.datetime) -> None:
    # The ticket of tickiti-show-ticket.txt, with the ids it shows (ticket 1, response 42, attachment 14494).
    store.skip_ids(responses=41, attachments=14494)
    ticket = store.open_ticket(
        subject="Carbon plate cracked on first marathon",
        originator_email="marcus@trailblazers-club.example",
        queue_id=4,
        at=at,
        number=220009,
    )
    store.skip_numbers(220009)
    ticket.assigned_to_email = AGENT_EMAIL
    first = store.add_response(
        ticket,
        author=ticket.originator_email,
        html=(
            '<div class="WordSection1"><p class="MsoNormal">Hi, the carbon plate in my Vaporlite Elite '
            "cracked at km 30 of the Lisbon marathon.<o:p></o:p></p></div>"
        ),
        at=at,
    )
    first.is_email_sourced = True
    reply = store.add_response(
        ticket, author=AGENT_EMAIL, html="<p>Your replacement has shipped.</p>", at=at + dt.timedelta(days=1)
    )
    store.attach(reply, "UPDD Diag.zip", "application/zip", _diagnostics_zip())
    note = store.add_response(
        ticket,
        author=AGENT_EMAIL,
        html="<p>Replacement sent by courier.</p>",
        at=at + dt.timedelta(days=1, minutes=4),
        is_internal=True,
    )
    note.is_pinned = True


def _seed_sizing_exchange(store: Store, at: dt.datetime) -> None:
    ticket = store.open_ticket(
        subject="Sizing exchange: Vaporlite 2 in EU 44",
        originator_email="jun.tanaka@example.net",
        queue_id=5,
        at=at,
    )
    ticket.assigned_to_email = STAFF[1]
    ticket.priority = 30
    request = store.add_response(
        ticket,
        author=ticket.originator_email,
        html='<p>They run small, see the photo:</p><p><img src="cid:fit.png"></p>',
        at=at,
    )
    request.is_email_sourced = True
    store.attach(request, "fit.png", "image/png", PIXEL_PNG, is_inline=True)
    store.add_response(
        ticket,
        author=STAFF[1],
        html="<p>EU 44 is back in stock on the 20th; we will hold your exchange until then.</p>",
        at=at + dt.timedelta(hours=3),
    )
    ticket.hold((at + dt.timedelta(days=14)).date())


def _seed_missing_insoles(store: Store, at: dt.datetime) -> None:
    ticket = store.open_ticket(
        subject="Order SP-10482 arrived without insoles",
        originator_email="amara.okonkwo@example.org",
        queue_id=2,
        at=at,
    )
    ticket.assigned_to_email = AGENT_EMAIL
    ticket.priority = 10
    store.add_response(ticket, author=ticket.originator_email, html="<p>The box had no insoles in it.</p>", at=at)
    store.add_response(
        ticket,
        author=AGENT_EMAIL,
        html="<p>Sorry about that &mdash; a pair is on its way, tracking SP-TRK-2231.</p>",
        at=at + dt.timedelta(hours=2),
    )
    thanks = store.add_response(
        ticket, author=ticket.originator_email, html="<p>Got them, thanks!</p>", at=at + dt.timedelta(days=1)
    )
    ticket.status, ticket.resolved = "resolved", thanks.created_at + dt.timedelta(hours=1)
    ticket.updated_at = ticket.resolved


def _seed_refund(store: Store, at: dt.datetime) -> None:
    ticket = store.open_ticket(
        subject="Refund not received after 14 days",
        originator_email="lena.fischer@example.de",
        queue_id=4,
        at=at,
    )
    ticket.priority = 40
    message = store.add_response(
        ticket,
        author=ticket.originator_email,
        html="<p>I returned the trail shoes on the 2nd and still have no refund. Receipt attached.</p>",
        at=at,
    )
    store.attach(message, "receipt.pdf", "application/pdf", RECEIPT_PDF)
