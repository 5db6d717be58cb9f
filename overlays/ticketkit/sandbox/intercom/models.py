"""The Intercom sandbox's state: the workspace (admins, teams, ticket types and states), contacts, tickets with
their parts, and the files attached to parts.

The workspace's states are Intercom's four defaults, which every ticket type has, and two custom ones: an in
progress state only Bug Report tickets have, and an archived one (Intercom lists archived states too [doc]).

Ids follow Intercom's look: tickets and parts numeric strings, the Inbox number (`ticket_id`) a separate counter,
contacts 24 hex digits. Assignee ids are kept as strings ("0" for none); the 2.16 shape turns them into integers.
"""

from __future__ import annotations

import itertools
import struct
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

WORKSPACE_ID = "sbx4tkit"
UNASSIGNED = "0"
STATE_CATEGORIES = ("submitted", "in_progress", "waiting_on_customer", "resolved")
# Seeded ids are those of the examples in specs/intercom.yaml, so the spec's own examples work against the fake.
BUG_REPORT_TYPE_ID = "106"
BILLING_REVIEW_TYPE_ID = "107"
MAYA_ID, TOMAS_ID, PRIYA_ID = "991267829", "991267883", "991267885"


def now() -> int:
    """The real clock in Unix seconds, as Intercom writes every timestamp."""
    return int(time.time())


@dataclass(frozen=True)
class Admin:
    id: str
    name: str
    email: str


@dataclass(frozen=True)
class Team:
    id: str
    name: str


@dataclass
class Contact:
    id: str
    email: str | None
    name: str | None
    external_id: str | None


@dataclass(frozen=True)
class TicketState:
    """One of the workspace's ticket states (2.12+ exposes them as objects; 2.11 only their category)."""

    id: str
    category: str
    internal_label: str
    external_label: str
    type_ids: tuple[str, ...]  # the ticket types that have it
    default: bool = False  # one of the four every type has (2.11's `state` sets these)
    archived: bool = False

    def settable_on(self, type_id: str) -> bool:
        return not self.archived and type_id in self.type_ids


@dataclass(frozen=True)
class TicketTypeAttribute:
    id: str
    name: str
    description: str
    data_type: str  # string, list, integer, decimal, boolean, datetime, files
    order: int
    default: bool
    input_options: dict[str, Any] | None = None
    visible_to_contacts: bool = True


@dataclass
class TicketType:
    id: str
    name: str
    description: str
    icon: str
    category: str  # Customer, Back-office, Tracker
    attributes: list[TicketTypeAttribute]
    created_at: int
    updated_at: int
    archived: bool = False

    def attribute(self, name: str) -> TicketTypeAttribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass
class StoredFile:
    """A part attachment's bytes, served at `{base_url}/sandbox-files/<id>/<name>`."""

    id: str
    name: str
    content_type: str
    data: bytes
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Author:
    type: str  # admin, bot, team, user
    id: str
    name: str | None
    email: str | None


@dataclass
class Part:
    id: str
    part_type: str
    author: Author
    created_at: int
    body: str | None = None
    previous_state: str | None = None
    state: str | None = None
    assigned_to: tuple[str, str | None] | None = None  # (type, id) of the new assignee
    file_ids: list[str] = field(default_factory=list)

    @property
    def updated_at(self) -> int:
        return self.created_at


@dataclass
class Ticket:
    id: str
    number: str  # the Inbox number, `ticket_id` on the wire
    type_id: str
    category: str
    attributes: dict[str, Any]
    state: TicketState
    contact_ids: list[str]
    created_at: int
    updated_at: int
    open: bool = True
    is_shared: bool = False
    snoozed_until: int | None = None
    admin_assignee_id: str = UNASSIGNED
    team_assignee_id: str = UNASSIGNED
    company_id: str | None = None
    previous_state_id: str | None = None
    parts: list[Part] = field(default_factory=list)

    def active_snooze(self, moment: int) -> int | None:
        """`snoozed_until` while it is in the future; a snooze that has run out has woken the ticket."""
        return self.snoozed_until if self.snoozed_until is not None and self.snoozed_until > moment else None


class Store:
    """Everything the fake knows. The workspace (admins, teams, types, states) exists before `seed`."""

    def __init__(self) -> None:
        self.admins: dict[str, Admin] = {}
        self.teams: dict[str, Team] = {}
        self.states: dict[str, TicketState] = {}
        self.ticket_types: dict[str, TicketType] = {}
        self.contacts: dict[str, Contact] = {}
        self.tickets: dict[str, Ticket] = {}
        self.files: dict[str, StoredFile] = {}
        self._ticket_ids = itertools.count(611)
        self._numbers = itertools.count(41)
        self._part_ids = itertools.count(180)
        self._contact_ids = itertools.count(0x1BC40)
        self._file_ids = itertools.count(3001)
        self.bot = Author("bot", "991267800", "Operator", f"operator+{WORKSPACE_ID}@intercom.io")
        self._build_workspace()

    # -- the workspace -----------------------------------------------------------------------------------

    def _build_workspace(self) -> None:
        for admin in (
            Admin(MAYA_ID, "Maya Okafor", "maya.okafor@acme-support.example"),
            Admin(TOMAS_ID, "Tomás Reyes", "tomas.reyes@acme-support.example"),
            Admin(PRIYA_ID, "Priya Nair", "priya.nair@acme-support.example"),
        ):
            self.admins[admin.id] = admin
        for team in (Team("5017691", "Tier 2 Support"), Team("5017692", "Billing")):
            self.teams[team.id] = team
        labels = {
            "submitted": ("Submitted", "Submitted"),
            "in_progress": ("In progress", "In progress"),
            "waiting_on_customer": ("Waiting on customer", "Waiting on you"),
            "resolved": ("Resolved", "Resolved"),
        }
        every_type = (BUG_REPORT_TYPE_ID, BILLING_REVIEW_TYPE_ID)
        for offset, category in enumerate(STATE_CATEGORIES):
            internal, external = labels[category]
            state = TicketState(str(8321 + offset), category, internal, external, every_type, default=True)
            self.states[state.id] = state
        for state in (
            TicketState("8325", "in_progress", "With engineering", "In progress", (BUG_REPORT_TYPE_ID,)),
            TicketState(
                "8326",
                "waiting_on_customer",
                "Waiting on finance",
                "In review",
                (BILLING_REVIEW_TYPE_ID,),
                archived=True,
            ),
        ):
            self.states[state.id] = state
        created = now() - 90 * 86400
        self.ticket_types[BUG_REPORT_TYPE_ID] = TicketType(
            BUG_REPORT_TYPE_ID,
            "Bug Report",
            "Something in the product does not work as it should.",
            "\U0001f41e",
            "Customer",
            [
                *_default_attributes("301"),
                TicketTypeAttribute("303", "browser", "Browser and version", "string", 2, False),
                TicketTypeAttribute("304", "affected_users", "How many users are affected", "integer", 3, False),
            ],
            created,
            created,
        )
        self.ticket_types[BILLING_REVIEW_TYPE_ID] = TicketType(
            BILLING_REVIEW_TYPE_ID,
            "Billing Review",
            "Internal review of a charge, refund or invoice.",
            "\U0001f9fe",
            "Back-office",
            [
                *_default_attributes("311"),
                TicketTypeAttribute(
                    "313", "invoice_number", "The invoice under review", "string", 2, False, visible_to_contacts=False
                ),
            ],
            created,
            created,
        )

    def default_state(self, category: str) -> TicketState:
        """The default state of a category: what 2.11's `state` sets, and where a new ticket starts."""
        return next(s for s in self.states.values() if s.category == category and s.default)

    def states_of(self, type_id: str) -> list[TicketState]:
        """The states a ticket of this type can be set to, in the workspace's order."""
        return [s for s in self.states.values() if s.settable_on(type_id)]

    # -- contacts ----------------------------------------------------------------------------------------

    def add_contact(
        self, email: str | None, name: str | None = None, external_id: str | None = None, contact_id: str | None = None
    ) -> Contact:
        contact_id = contact_id or f"6762f2dd1bb69f9f219{next(self._contact_ids):05x}"
        contact = Contact(contact_id, email, name, external_id)
        self.contacts[contact.id] = contact
        return contact

    def contact_by(self, key: str, value: str) -> Contact | None:
        """The contact whose `id`, `external_id` or `email` (case-insensitive) is `value`."""
        for contact in self.contacts.values():
            if key == "id" and contact.id == value:
                return contact
            if key == "external_id" and contact.external_id == value:
                return contact
            if key == "email" and contact.email is not None and contact.email.lower() == value.lower():
                return contact
        return None

    def author_for_admin(self, admin: Admin) -> Author:
        return Author("admin", admin.id, admin.name, admin.email)

    def author_for_contact(self, contact: Contact) -> Author:
        return Author("user", contact.id, contact.name, contact.email)

    # -- files -------------------------------------------------------------------------------------------

    def add_file(
        self, name: str, content_type: str, data: bytes, width: int | None = None, height: int | None = None
    ) -> StoredFile:
        stored = StoredFile(str(next(self._file_ids)), name, content_type, data, width, height)
        self.files[stored.id] = stored
        return stored

    # -- tickets and parts -------------------------------------------------------------------------------

    def create_ticket(
        self,
        ticket_type: TicketType,
        contact: Contact,
        attributes: dict[str, Any],
        created_at: int,
        company_id: str | None = None,
    ) -> Ticket:
        """A new submitted ticket; its first part records the state, as Intercom's own create answer shows."""
        ticket = Ticket(
            id=str(next(self._ticket_ids)),
            number=str(next(self._numbers)),
            type_id=ticket_type.id,
            category=ticket_type.category,
            attributes={"_default_title_": None, "_default_description_": None, **attributes},
            state=self.default_state("submitted"),
            contact_ids=[contact.id],
            created_at=created_at,
            updated_at=created_at,
            is_shared=ticket_type.category == "Customer",
            company_id=company_id,
        )
        self.tickets[ticket.id] = ticket
        self.add_part(ticket, "ticket_state_updated_by_admin", self.bot, created_at, state_change=("submitted",) * 2)
        return ticket

    def add_part(
        self,
        ticket: Ticket,
        part_type: str,
        author: Author,
        created_at: int,
        *,
        body: str | None = None,
        state_change: tuple[str, str] | None = None,
        assigned_to: tuple[str, str | None] | None = None,
        file_ids: list[str] | None = None,
    ) -> Part:
        previous, state = state_change if state_change else (None, None)
        part = Part(
            str(next(self._part_ids)),
            part_type,
            author,
            created_at,
            body=body,
            previous_state=previous,
            state=state,
            assigned_to=assigned_to,
            file_ids=list(file_ids or []),
        )
        ticket.parts.append(part)
        ticket.updated_at = max(ticket.updated_at, created_at)
        return part

    def change_state(self, ticket: Ticket, state: TicketState, moment: int, author: Author | None = None) -> None:
        """Move the ticket to `state`, recording the change as a part (nothing when it is already there); the
        part's author is the admin an update names (2.14+ `admin_id`), else the workspace's bot."""
        if state.id == ticket.state.id:
            return
        previous = ticket.state
        ticket.previous_state_id = previous.id
        ticket.state = state
        changes = (previous.category, state.category)
        self.add_part(ticket, "ticket_state_updated_by_admin", author or self.bot, moment, state_change=changes)

    def delete_ticket(self, ticket: Ticket) -> None:
        """Gone for good, with the files of its parts [doc: "All sensitive data is deleted, including ... uploads"]."""
        del self.tickets[ticket.id]
        for part in ticket.parts:
            for file_id in part.file_ids:
                self.files.pop(file_id, None)

    def sorted_tickets(self) -> Iterator[Ticket]:
        """Oldest first, ties by id: the order search pages walk in."""
        return iter(sorted(self.tickets.values(), key=search_key))


def search_key(ticket: Ticket) -> tuple[int, int]:
    return ticket.created_at, int(ticket.id)


def _default_attributes(first_id: str) -> list[TicketTypeAttribute]:
    """The two attributes every ticket type has, `_default_title_` and `_default_description_`."""
    second_id = str(int(first_id) + 1)
    return [
        TicketTypeAttribute(first_id, "_default_title_", "", "string", 0, True, {"multiline": False}),
        TicketTypeAttribute(second_id, "_default_description_", "", "string", 1, True, {"multiline": True}),
    ]


# -- seed data -----------------------------------------------------------------------------------------------


def tiny_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid PNG of one colour, so a seeded screenshot opens in an image viewer."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed(store: Store) -> None:
    """Four demo tickets in different states, with customer and teammate messages, notes and files."""
    jo = store.add_contact("jo.rivera@example.com", "Jo Rivera", "cust-1042", "667d61b78a68186f43bafe8d")
    sam = store.add_contact("sam.patel@northwind.example", "Sam Patel", "cust-2210")
    lee = store.add_contact("lee.chen@example.org", "Lee Chen")
    maya, tomas, priya = (store.admins[i] for i in (MAYA_ID, TOMAS_ID, PRIYA_ID))
    day = 86400
    start = now()
    _seed_checkout_bug(store, jo, store.author_for_admin(maya), start - 6 * day)
    _seed_vat_invoice(store, sam, store.author_for_admin(tomas), start - 4 * day)
    _seed_refund_review(store, sam, store.author_for_admin(priya), start - 3 * day)
    _seed_csv_export(store, lee, start - 2 * 3600)


def _seed_checkout_bug(store: Store, contact: Contact, admin: Author, at: int) -> None:
    """In progress, assigned to an admin and a team, screenshot from the customer, log file in a note."""
    ticket = store.create_ticket(
        store.ticket_types[BUG_REPORT_TYPE_ID],
        contact,
        {
            "_default_title_": "Checkout button does nothing in Safari 17",
            "_default_description_": "Clicking 'Pay now' on the checkout page has no effect. No error shown.",
            "browser": "Safari 17.4",
            "affected_users": 12,
        },
        at,
    )
    screenshot = store.add_file("checkout-safari.png", "image/png", tiny_png(4, 3, (220, 60, 60)), 4, 3)
    console = store.add_file(
        "console-log.txt", "text/plain", b"TypeError: undefined is not an object (evaluating 'form.requestSubmit')\n"
    )
    store.add_part(ticket, "assignment", admin, at + 600, assigned_to=("admin", admin.id))
    ticket.admin_assignee_id, ticket.team_assignee_id = admin.id, "5017691"
    store.add_part(
        ticket,
        "comment",
        store.author_for_contact(contact),
        at + 900,
        body="<p>Here is what I see after clicking the button.</p>",
        file_ids=[screenshot.id],
    )
    store.change_state(ticket, store.default_state("in_progress"), at + 1800)
    store.add_part(
        ticket,
        "comment",
        admin,
        at + 2400,
        body="<p>Thanks Jo, we can reproduce it in Safari and are working on a fix.</p>",
    )
    store.add_part(
        ticket,
        "note",
        admin,
        at + 2500,
        body="<p>Safari lacks <code>requestSubmit</code> on this form path; console log attached.</p>",
        file_ids=[console.id],
    )


def _seed_vat_invoice(store: Store, contact: Contact, admin: Author, at: int) -> None:
    """Waiting on the customer and snoozed for two days, with the customer's invoice attached."""
    ticket = store.create_ticket(
        store.ticket_types[BUG_REPORT_TYPE_ID],
        contact,
        {
            "_default_title_": "Invoice PDF shows the wrong VAT number",
            "_default_description_": "Our March invoice lists an old VAT number.",
        },
        at,
    )
    invoice = store.add_file("invoice-2024-03.pdf", "application/pdf", TINY_PDF)
    store.add_part(
        ticket,
        "comment",
        store.author_for_contact(contact),
        at + 300,
        body="<p>The invoice is attached; the VAT number should be GB 123 4567 89.</p>",
        file_ids=[invoice.id],
    )
    store.add_part(
        ticket,
        "comment",
        admin,
        at + 3600,
        body="<p>Could you confirm the workspace id the invoice belongs to?</p>",
    )
    store.change_state(ticket, store.default_state("waiting_on_customer"), at + 3650)
    ticket.snoozed_until = now() + 2 * 86400
    store.add_part(ticket, "snoozed", store.bot, at + 3700)


def _seed_refund_review(store: Store, contact: Contact, admin: Author, at: int) -> None:
    """A back-office review, resolved and closed, handled by the billing team."""
    ticket = store.create_ticket(
        store.ticket_types[BILLING_REVIEW_TYPE_ID],
        contact,
        {
            "_default_title_": "Refund duplicate charge on INV-2041",
            "_default_description_": "Card charged twice on the 1st; refund the second charge.",
            "invoice_number": "INV-2041",
        },
        at,
    )
    store.add_part(ticket, "assignment", admin, at + 120, assigned_to=("team", "5017692"))
    ticket.team_assignee_id = "5017692"
    store.add_part(ticket, "note", admin, at + 5400, body="<p>Refund of $49.00 issued, reference RF-7781.</p>")
    store.change_state(ticket, store.default_state("resolved"), at + 5460)
    ticket.open = False


def _seed_csv_export(store: Store, contact: Contact, at: int) -> None:
    """Just submitted: nobody has looked at it yet."""
    store.create_ticket(
        store.ticket_types[BUG_REPORT_TYPE_ID],
        contact,
        {
            "_default_title_": "CSV export times out for large workspaces",
            "_default_description_": "Exporting 50k contacts fails after about 30 seconds.",
            "browser": "Firefox 126",
        },
        at,
    )
