"""The Ankra sandbox's state: the token's organisations, their tickets, comments, attachments and reviews.

Tickets belong to one organisation and are only visible through it. The token's user belongs to two
organisations (`PRIMARY_ORGANISATION_ID`, used when no `x-ankra-organisation-id` is sent, and
`SECOND_ORGANISATION_ID`); those exist even in an unseeded sandbox, as they belong to the account rather
than to the demo data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .review import Review

# The enums of the vendor document (ankra-get-ticket.txt).
CATEGORIES = ("technical", "account", "billing", "bug", "feature_request", "other")
SEVERITIES = ("low", "medium", "high", "critical")
SOURCES = ("portal", "api", "cli", "agent")
STATUSES = ("pending_review", "open", "triaging", "in_progress", "waiting_customer", "resolved", "closed")

USER_LABEL = "Dana Whitfield"  # the token's user, author of the caller's comments
SUPPORT_LABEL = "Ankra Support"


def new_id() -> str:
    return str(uuid.uuid4())


def stable_id(name: str) -> str:
    """A uuid4 derived from a name, so the demo data has the same ids in every sandbox."""
    return str(uuid.UUID(bytes=hashlib.sha256(name.encode()).digest()[:16], version=4))


PRIMARY_ORGANISATION_ID = stable_id("organisation:northwind")
SECOND_ORGANISATION_ID = stable_id("organisation:northwind-labs")


@dataclass
class Organisation:
    id: str
    name: str
    clusters: dict[str, str]  # cluster id -> cluster name


@dataclass
class Comment:
    id: str
    author_label: str
    author_type: str  # "user" (the customer) or "staff" (Ankra support): the real values are not captured
    body: str
    created_at: dt.datetime


@dataclass
class Attachment:
    id: str
    filename: str
    content_type: str
    content: bytes
    created_at: dt.datetime

    @property
    def size_bytes(self) -> int:
        return len(self.content)


@dataclass
class Ticket:
    id: str
    organisation_id: str
    subject: str
    description: str
    created_at: dt.datetime
    updated_at: dt.datetime
    source: str = "portal"
    category: str = "technical"
    status: str = "open"
    ai_review_status: str = "passed"
    severity: str | None = None
    cluster_id: str | None = None
    cluster_name: str | None = None
    ai_summary: str | None = None
    is_tracked_by_team: bool = False
    # Sent on create and kept, though the documented Ticket does not show them.
    review_id: str | None = None
    environment: Any = None
    comments: list[Comment] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    sequence: int = 0  # creation order: several tickets can share a created_at second


class Store:
    """Every organisation, ticket and stored review of one sandbox."""

    def __init__(self) -> None:
        self.organisations: dict[str, Organisation] = {}
        self.tickets: dict[str, Ticket] = {}
        self.reviews: dict[str, Review] = {}
        self._sequence = itertools.count(1)

    def add_organisation(self, organisation: Organisation) -> None:
        self.organisations[organisation.id] = organisation

    def add_ticket(self, ticket: Ticket) -> Ticket:
        ticket.sequence = next(self._sequence)
        self.tickets[ticket.id] = ticket
        return ticket

    def ticket(self, organisation_id: str, ticket_id: str) -> Ticket | None:
        """The ticket, if it exists in this organisation (another organisation's ticket is not found)."""
        ticket = self.tickets.get(ticket_id)
        return ticket if ticket is not None and ticket.organisation_id == organisation_id else None

    def tickets_of(self, organisation_id: str) -> list[Ticket]:
        """The organisation's tickets, newest first."""
        mine = [t for t in self.tickets.values() if t.organisation_id == organisation_id]
        return sorted(mine, key=lambda t: (t.created_at, t.sequence), reverse=True)

    def add_review(self, review: Review) -> Review:
        self.reviews[review.id] = review
        return review

    def review(self, organisation_id: str, review_id: str) -> Review | None:
        """The stored review, if this organisation made it (expired or used ones included)."""
        review = self.reviews.get(review_id)
        return review if review is not None and review.organisation_id == organisation_id else None


# -- the account and the demo data --------------------------------------------------------------------


def add_account_organisations(store: Store) -> None:
    """The organisations the sandbox token's user belongs to, with their clusters."""
    store.add_organisation(
        Organisation(
            id=PRIMARY_ORGANISATION_ID,
            name="Northwind Platform",
            clusters={stable_id("cluster:prod-eu-1"): "prod-eu-1", stable_id("cluster:staging-us-1"): "staging-us-1"},
        )
    )
    store.add_organisation(
        Organisation(
            id=SECOND_ORGANISATION_ID,
            name="Northwind Labs",
            clusters={stable_id("cluster:lab-1"): "lab-1"},
        )
    )


def _comment(name: str, author_type: str, body: str, at: dt.datetime) -> Comment:
    label = SUPPORT_LABEL if author_type == "staff" else USER_LABEL
    return Comment(
        id=stable_id(f"comment:{name}"), author_label=label, author_type=author_type, body=body, created_at=at
    )


def _attachment(name: str, filename: str, content_type: str, content: bytes, at: dt.datetime) -> Attachment:
    return Attachment(
        id=stable_id(f"attachment:{name}"), filename=filename, content_type=content_type, content=content, created_at=at
    )


KUBECTL_DESCRIBE = b"""Name:         upgrade-control-plane-1-30
Namespace:    ankra-system
Status:       Running
Events:
  Warning  BackOff  12m (x41 over 2h)  kubelet  Back-off restarting failed container drain
"""
INVOICE_PDF = b"%PDF-1.4\n% sandbox invoice INV-2026-0519, not a real document\n%%EOF\n"
INGRESS_VALUES = b"controller:\n  replicaCount: 2\n  config:\n    ssl-protocols: TLSv1.3\n"


def _upgrade_ticket(moment: dt.datetime) -> Ticket:
    created = moment - dt.timedelta(days=3, hours=4)
    cluster_id = stable_id("cluster:prod-eu-1")
    return Ticket(
        id=stable_id("ticket:upgrade-stuck"),
        organisation_id=PRIMARY_ORGANISATION_ID,
        subject="Cluster upgrade to 1.30 stuck on prod-eu-1",
        description=(
            "The control-plane upgrade from 1.29 to 1.30 has been pending for two hours. The drain step keeps "
            "restarting and workloads on two nodes were not rescheduled."
        ),
        created_at=created,
        updated_at=created + dt.timedelta(hours=3),
        source="portal",
        category="technical",
        status="in_progress",
        severity="high",
        cluster_id=cluster_id,
        cluster_name="prod-eu-1",
        ai_summary="Control-plane upgrade to 1.30 is blocked: the node drain step is crash-looping.",
        is_tracked_by_team=True,
        comments=[
            _comment(
                "upgrade-1",
                "staff",
                "Thanks for the report. Could you attach `kubectl describe` of the upgrade job?",
                created + dt.timedelta(minutes=25),
            ),
            _comment("upgrade-2", "user", "Attached the output.", created + dt.timedelta(hours=1)),
            _comment(
                "upgrade-3",
                "staff",
                "A PodDisruptionBudget blocks the drain. We are preparing a fix on our side.",
                created + dt.timedelta(hours=3),
            ),
        ],
        attachments=[
            _attachment(
                "upgrade-describe",
                "kubectl-describe.txt",
                "text/plain",
                KUBECTL_DESCRIBE,
                created + dt.timedelta(hours=1),
            )
        ],
    )


def _invoice_ticket(moment: dt.datetime) -> Ticket:
    created = moment - dt.timedelta(days=6)
    return Ticket(
        id=stable_id("ticket:double-charge"),
        organisation_id=PRIMARY_ORGANISATION_ID,
        subject="Invoice for May shows two charges",
        description="Our May invoice lists the Team plan twice (INV-2026-0519). Please refund the duplicate.",
        created_at=created,
        updated_at=created + dt.timedelta(days=1),
        source="api",
        category="billing",
        status="waiting_customer",
        severity="medium",
        comments=[
            _comment(
                "invoice-1",
                "staff",
                "We refunded the duplicate charge. Could you confirm it reached your account?",
                created + dt.timedelta(days=1),
            )
        ],
        attachments=[_attachment("invoice-pdf", "INV-2026-0519.pdf", "application/pdf", INVOICE_PDF, created)],
    )


def _sso_ticket(moment: dt.datetime) -> Ticket:
    created = moment - dt.timedelta(days=20)
    return Ticket(
        id=stable_id("ticket:okta-group-sync"),
        organisation_id=PRIMARY_ORGANISATION_ID,
        subject="Sync Okta groups to Ankra teams",
        description="We would like Okta group membership to map onto Ankra teams automatically at sign-in.",
        created_at=created,
        updated_at=created + dt.timedelta(days=14),
        source="cli",
        category="feature_request",
        status="closed",
        severity="low",
        ai_summary="Request: map Okta groups to Ankra teams on SSO sign-in.",
        comments=[
            _comment(
                "sso-1",
                "staff",
                "Group sync shipped in release 2026.04. Closing this one.",
                created + dt.timedelta(days=14),
            )
        ],
    )


def _ingress_ticket(moment: dt.datetime) -> Ticket:
    # Acknowledged despite a flagged review: its description is under the review's 20 characters.
    created = moment - dt.timedelta(hours=2)
    return Ticket(
        id=stable_id("ticket:ingress-502"),
        organisation_id=PRIMARY_ORGANISATION_ID,
        subject="Ingress returns 502 after certificate rotation",
        description="502s since 09:00",
        created_at=created,
        updated_at=created,
        source="agent",
        category="bug",
        status="open",
        ai_review_status="flagged",
        severity="critical",
        cluster_id=stable_id("cluster:staging-us-1"),
        cluster_name="staging-us-1",
        attachments=[_attachment("ingress-values", "values.yaml", "application/yaml", INGRESS_VALUES, created)],
    )


def _labs_ticket(moment: dt.datetime) -> Ticket:
    created = moment - dt.timedelta(minutes=30)
    return Ticket(
        id=stable_id("ticket:autoscaler"),
        organisation_id=SECOND_ORGANISATION_ID,
        subject="Node pool autoscaler never scales down",
        description="The lab cluster keeps six nodes overnight although CPU requests stay under 10 percent.",
        created_at=created,
        updated_at=created,
        source="portal",
        category="technical",
        status="pending_review",
        ai_review_status="pending",
        cluster_id=stable_id("cluster:lab-1"),
        cluster_name="lab-1",
    )


def seed_demo_tickets(store: Store, moment: dt.datetime) -> None:
    """Four tickets in the primary organisation (varied statuses, threads, files) and one in the second."""
    for make in (_sso_ticket, _invoice_ticket, _upgrade_ticket, _ingress_ticket, _labs_ticket):
        store.add_ticket(make(moment))
