"""The Routera sandbox's state: the account's ticket fields, the tickets, the issued OAuth tokens, the seed.

Written from `specs/routera.yaml`, `shared/vendor-docs/routera-*.txt` and the Routera section of VENDORS.md.
Tickets are flat CRM objects: system fields and the account's custom fields side by side.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import math
import re
import secrets
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .._synthetic import CORRUPT_DATE

CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
TOKEN_LIFETIME = dt.timedelta(seconds=3600)  # `expires_in: 3600` [doc]
STATIC_TOKEN_ACTOR = "api"  # `archived_by` when the static sandbox token (no client) archives

Clock = Callable[[], dt.datetime]


class ValidationError(Exception):
    """A write the account's field rules refuse (answered with 400)."""


class ConflictError(Exception):
    """A write that would duplicate an active record's `external_id` (answered with 409)."""


# -- the account's ticket fields ------------------------------------------------------------------------


class FieldType(StrEnum):
    """The custom field types Routera documents."""

    TEXT = "text"
    NUMBER = "number"
    CHECKBOX = "checkbox"
    DROPDOWN = "dropdown"
    DATE = "date"
    USER = "user"


@dataclass(frozen=True)
class FieldDefinition:
    name: str
    type: FieldType
    options: tuple[str, ...] = ()  # the allowed values of a dropdown


# Writable system fields, in the order responses list them.
SYSTEM_FIELDS = (
    FieldDefinition("ticket_name", FieldType.TEXT),
    FieldDefinition("pipeline", FieldType.TEXT),
    FieldDefinition("ticket_stage", FieldType.TEXT),  # stages are account-defined: any non-empty name
    FieldDefinition("ticket_owner", FieldType.USER),
    FieldDefinition("external_id", FieldType.TEXT),
)
# The sandbox account's custom fields; `description` is where the demo keeps a ticket's text.
CUSTOM_FIELDS = (
    FieldDefinition("description", FieldType.TEXT),
    FieldDefinition("priority", FieldType.DROPDOWN, ("low", "medium", "high", "urgent")),
    FieldDefinition("plan_tier", FieldType.DROPDOWN, ("free", "pro", "gold", "enterprise")),
    FieldDefinition("escalated", FieldType.CHECKBOX),
    FieldDefinition("seats", FieldType.NUMBER),
    FieldDefinition("due_date", FieldType.DATE),
    FieldDefinition("reporter", FieldType.USER),
)
FIELDS = {definition.name: definition for definition in (*SYSTEM_FIELDS, *CUSTOM_FIELDS)}
SYSTEM_FIELD_NAMES = frozenset(definition.name for definition in SYSTEM_FIELDS)
REQUIRED_ON_CREATE = ("ticket_name", "ticket_stage", "pipeline")
# Set by Routera only; a write that names one is refused [doc: "forbidden system field"].
READ_ONLY_FIELDS = ("id", "created_at", "updated_at", "archived", "archived_by")
# Every name `properties=` may ask for: the read-only ones, the system fields, the account's custom fields.
KNOWN_PROPERTIES = frozenset((*READ_ONLY_FIELDS, *FIELDS))

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _type_problem(definition: FieldDefinition, value: Any) -> str | None:
    """Why `value` does not fit the field's type, or None when it does (None always fits: it clears)."""
    name, kind = definition.name, definition.type
    if value is None:
        return None
    if kind is FieldType.NUMBER:
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        return None if is_number and math.isfinite(value) else f"{name} must be a number"
    if kind is FieldType.CHECKBOX:
        return None if isinstance(value, bool) else f"{name} must be true or false"
    if not isinstance(value, str):
        return f"{name} must be a string"
    if kind is FieldType.DROPDOWN and value not in definition.options:
        return f"{name} must be one of {', '.join(definition.options)}"
    if kind is FieldType.USER and not _EMAIL.match(value):
        return f"{name} must be a user's email address"
    if kind is FieldType.DATE and not _is_date(value):
        return f"{name} must be a date (YYYY-MM-DD)"
    return None


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def check_fields(fields: dict[str, Any], *, creating: bool) -> None:
    """Refuse forbidden, unknown, mistyped or (on create) missing fields, naming every offender."""
    forbidden = [name for name in fields if name in READ_ONLY_FIELDS]
    if forbidden:
        raise ValidationError(f"Forbidden system field(s): {', '.join(forbidden)}")
    unknown = [name for name in fields if name not in FIELDS]
    if unknown:
        raise ValidationError(f"Unknown field name(s): {', '.join(unknown)}")
    problems = [p for name, value in fields.items() if (p := _type_problem(FIELDS[name], value))]
    # The required fields may be changed but never emptied.
    required_given = [name for name in REQUIRED_ON_CREATE if name in fields]
    problems += [f"{name} must not be empty" for name in required_given if fields[name] in (None, "")]
    if problems:
        raise ValidationError(f"Validation failed: {'; '.join(problems)}")
    missing = [name for name in REQUIRED_ON_CREATE if name not in fields] if creating else []
    if missing:
        raise ValidationError(f"Missing required field(s): {', '.join(missing)}")


# -- tickets --------------------------------------------------------------------------------------------


def routera_time(moment: dt.datetime) -> str:
    """ISO 8601 UTC with milliseconds and `Z`, as Routera writes it (`2026-05-01T10:00:00.000Z`)."""
    utc = moment.astimezone(dt.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


@dataclass
class Ticket:
    """One ticket: the system fields as attributes, the custom ones in `custom`."""

    id: str
    ticket_name: str
    pipeline: str
    ticket_stage: str
    created_at: dt.datetime
    updated_at: dt.datetime
    ticket_owner: str | None = None
    external_id: str | None = None
    custom: dict[str, Any] = field(default_factory=dict)
    archived_at: dt.datetime | None = None
    archived_by: str | None = None

    @property
    def active(self) -> bool:
        return self.archived_at is None

    def apply(self, fields: dict[str, Any]) -> None:
        """Set the given fields (already checked); a custom field set to null is cleared."""
        for name, value in fields.items():
            if name in SYSTEM_FIELD_NAMES:
                setattr(self, name, value)
            elif value is None:
                self.custom.pop(name, None)
            else:
                self.custom[name] = value

    def to_json(self, properties: Iterable[str] = ()) -> dict[str, Any]:
        """The flat object Routera answers with.

        Every stored field is included whatever `properties` says; a custom field asked for in
        `properties` but never set appears as null (asked for, so present).
        """
        body: dict[str, Any] = {
            "id": self.id,
            "external_id": self.external_id,
            "created_at": routera_time(self.created_at),
            "updated_at": routera_time(self.updated_at),
            "archived": False if self.archived_at is None else routera_time(self.archived_at),
            "ticket_name": self.ticket_name,
            "pipeline": self.pipeline,
            "ticket_stage": self.ticket_stage,
            "ticket_owner": self.ticket_owner,
        }
        body.update(self.custom)
        body.update({name: None for name in properties if name not in body and name in FIELDS})
        if self.archived_by is not None:
            body["archived_by"] = self.archived_by
        if getattr(self, "corrupt", False):  # `Sandbox(corrupt_tickets=...)`: a vendor bug, on purpose
            body["created_at"] = CORRUPT_DATE
        return body


class TicketStore:
    """Every ticket of the sandbox account, in creation order."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.tickets: dict[str, Ticket] = {}

    def get(self, ticket_id: str) -> Ticket | None:
        return self.tickets.get(ticket_id)

    def active(self, ticket_id: str) -> Ticket | None:
        """The ticket if it exists and is not archived: archived ones cannot be changed or archived again."""
        ticket = self.tickets.get(ticket_id)
        return ticket if ticket is not None and ticket.active else None

    def create(self, fields: dict[str, Any], *, ticket_id: str | None = None) -> Ticket:
        check_fields(fields, creating=True)
        self._refuse_duplicate(fields.get("external_id"), ticket_id)
        moment = self.clock()
        ticket = Ticket(
            id=ticket_id or str(uuid.uuid4()),
            ticket_name=fields["ticket_name"],
            pipeline=fields["pipeline"],
            ticket_stage=fields["ticket_stage"],
            created_at=moment,
            updated_at=moment,
        )
        ticket.apply({k: v for k, v in fields.items() if k not in REQUIRED_ON_CREATE})
        self.tickets[ticket.id] = ticket
        return ticket

    def update(self, ticket: Ticket, fields: dict[str, Any]) -> Ticket:
        check_fields(fields, creating=False)
        if "external_id" in fields:
            self._refuse_duplicate(fields["external_id"], ticket.id)
        if fields:  # an empty change leaves `updated_at` alone
            ticket.apply(fields)
            ticket.updated_at = self.clock()
        return ticket

    def archive(self, ticket: Ticket, actor: str) -> Ticket:
        moment = self.clock()
        ticket.archived_at = ticket.updated_at = moment
        ticket.archived_by = actor
        return ticket

    def listing(self, *, archived: bool) -> list[Ticket]:
        """Active or archived tickets, oldest first (a stable order, so offsets page without gaps)."""
        chosen = [ticket for ticket in self.tickets.values() if ticket.active is not archived]
        return sorted(chosen, key=lambda ticket: ticket.created_at)

    def _refuse_duplicate(self, external_id: Any, own_id: str | None) -> None:
        """Two active tickets may not share an `external_id` [doc: 409 "duplicate active record"]."""
        if external_id is None:
            return
        # A synthetic data set's tickets have no external_id: only the written ones need looking at.
        for other in getattr(self.tickets, "overlay", self.tickets).values():
            if other.active and other.external_id == external_id and other.id != own_id:
                raise ConflictError(f"Duplicate active record: external_id {external_id!r} is used by {other.id}")


# -- OAuth tokens ---------------------------------------------------------------------------------------


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class IssuedToken:
    client_id: str
    expires_at: dt.datetime


class TokenIssuer:
    """Issues JWT-shaped bearer tokens for the sandbox client and remembers them until they expire."""

    def __init__(self, issuer: str, clock: Clock) -> None:
        self.issuer = issuer
        self.clock = clock
        self.issued: dict[str, IssuedToken] = {}
        self._key = secrets.token_bytes(32)

    @staticmethod
    def client_is_valid(client_id: str, client_secret: str) -> bool:
        # Compared in constant time, like a real token endpoint.
        return hmac.compare_digest(client_id.encode(), CLIENT_ID.encode()) and hmac.compare_digest(
            client_secret.encode(), CLIENT_SECRET.encode()
        )

    def issue(self, client_id: str) -> str:
        issued_at = self.clock()
        expires_at = issued_at + TOKEN_LIFETIME
        claims = {
            "iss": self.issuer,
            "sub": client_id,
            "iat": int(issued_at.timestamp()),
            "exp": int(expires_at.timestamp()),
            "jti": str(uuid.uuid4()),
        }
        header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        payload = _b64url(json.dumps(claims, separators=(",", ":")).encode())
        signature = _b64url(hmac.new(self._key, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        token = f"{header}.{payload}.{signature}"
        self.issued[token] = IssuedToken(client_id, expires_at)
        return token

    def client_of(self, token: str) -> str | None:
        """The client a live token was issued to; None for unknown or expired tokens."""
        issued = self.issued.get(token)
        if issued is None or issued.expires_at <= self.clock():
            return None
        return issued.client_id


# -- the seed -------------------------------------------------------------------------------------------

# The documented example ticket keeps its documented id, so the vendor pages' example works as is.
DOCUMENTED_TICKET_ID = "550e8400-e29b-41d4-a716-446655440000"


@dataclass(frozen=True)
class SeedTicket:
    id: str
    age: dt.timedelta  # created this long before the sandbox starts
    fields: dict[str, Any]
    touched: dt.timedelta  # last updated this long before the sandbox starts
    archived_by: str | None = None  # archived (at `touched`) by this actor


SEED_TICKETS = (
    SeedTicket(
        id=DOCUMENTED_TICKET_ID,
        age=dt.timedelta(days=6, hours=3),
        touched=dt.timedelta(hours=5),
        fields={
            "external_id": "ext-001",
            "ticket_name": "Support request",
            "pipeline": "default",
            "ticket_stage": "new",
            "ticket_owner": "jane@example.com",
            "description": "Customer cannot sign in after the password reset email expired.",
            "priority": "high",
        },
    ),
    SeedTicket(
        id="0b6f3c1e-5a0d-4c8e-9f5e-2d7a8b1c4e90",
        age=dt.timedelta(days=4, hours=7),
        touched=dt.timedelta(days=1, hours=2),
        fields={
            "external_id": "zendesk-88412",
            "ticket_name": "Invoice INV-2291 shows the wrong VAT rate",
            "pipeline": "billing",
            "ticket_stage": "waiting_on_customer",
            "ticket_owner": "sam.okafor@example.com",
            "description": "The March invoice applies 19% VAT; the customer is VAT-registered in Ireland.",
            "priority": "medium",
            "plan_tier": "pro",
            "reporter": "accounts@northwind.example",
        },
    ),
    SeedTicket(
        id="7d2e9a40-13c6-4b7f-8a51-6e0f2c9b3d18",
        age=dt.timedelta(days=2, hours=1),
        touched=dt.timedelta(minutes=40),
        fields={
            "ticket_name": "CSV export times out for reports over 50k rows",
            "pipeline": "default",
            "ticket_stage": "in_progress",
            "ticket_owner": "priya.nair@example.com",
            "description": "Exports of the quarterly pipeline report fail with a gateway timeout after 60 s.",
            "priority": "urgent",
            "plan_tier": "enterprise",
            "escalated": True,
            "seats": 250,
            "due_date": "2026-07-15",
        },
    ),
    SeedTicket(
        id="c41a8f72-9e3b-4d06-b5a7-18f2e6d0c935",
        age=dt.timedelta(days=12),
        touched=dt.timedelta(days=3),
        archived_by="jane@example.com",
        fields={
            "external_id": "ext-000",
            "ticket_name": "Add SAML single sign-on for the EU workspace",
            "pipeline": "default",
            "ticket_stage": "resolved",
            "ticket_owner": "jane@example.com",
            "description": "SSO is configured and verified with the customer's Okta tenant.",
            "priority": "low",
            "plan_tier": "gold",
        },
    ),
)


def seed(store: TicketStore) -> None:
    """Store the demo tickets, dated relative to the sandbox's clock."""
    started = store.clock()
    for seeded in SEED_TICKETS:
        ticket = store.create(dict(seeded.fields), ticket_id=seeded.id)
        ticket.created_at = started - seeded.age
        ticket.updated_at = started - seeded.touched
        if seeded.archived_by is not None:
            ticket.archived_at = ticket.updated_at
            ticket.archived_by = seeded.archived_by
