"""Intercom's synthetic tickets (`Sandbox("intercom", tickets=N, seed=S)`) and the search over them.

Ticket `i` has id `10000000 + i` and Inbox number `1000000 + i`; every field a search can filter on exactly
(state, open, type, contact, assignees, snooze) cycles with `i % PERIOD`, and `created_at`/`updated_at` grow
with `i` (`_synthetic.Timeline`). So a search that ANDs filters on those fields is a range of indices and a
set of residues, paged without building the tickets it skips. Any other search (text, `OR` groups, `!=` on a
date) builds every ticket once per page: correct, but slow at large N.

The order is the search's own (oldest `created_at` first, ids breaking ties), which here is index order; the
cursor is Intercom's documented form (base64 of `[created_at in ms, "id"]`).
"""

from __future__ import annotations

import bisect
from typing import Any

from .._synthetic import (
    LazyMap,
    LazyTickets,
    Listing,
    Residues,
    ScanListing,
    Synthetic,
    pick,
    unit,
)
from .models import (
    BILLING_REVIEW_TYPE_ID,
    BUG_REPORT_TYPE_ID,
    MAYA_ID,
    PRIYA_ID,
    TINY_PDF,
    TOMAS_ID,
    UNASSIGNED,
    Part,
    Store,
    StoredFile,
    Ticket,
    tiny_png,
)
from .search import Predicate, compile_query, decode_cursor

TICKET_BASE = 10_000_000
NUMBER_BASE = 1_000_000
PART_BASE = 50_000_000
FILE_BASE = 90_000_000
PARTS_PER_TICKET = 8  # the first part (state) and up to 6 replies or notes, with room to spare
PERIOD = 20
CONTACTS = 20  # contact `i % CONTACTS`, so the contact cycles with the index too
# (state category, open, admin assignee) for `i % PERIOD`: mostly open work, a third resolved.
CYCLE = (
    ("submitted", True, UNASSIGNED),
    ("in_progress", True, MAYA_ID),
    ("waiting_on_customer", True, TOMAS_ID),
    ("resolved", False, PRIYA_ID),
    ("in_progress", True, PRIYA_ID),
    ("resolved", True, MAYA_ID),  # resolved but reopened for a follow-up
    ("submitted", True, UNASSIGNED),
    ("waiting_on_customer", True, MAYA_ID),
    ("resolved", False, TOMAS_ID),
    ("in_progress", True, TOMAS_ID),
)
SUBJECTS = (
    "Checkout fails",
    "Invoice total is wrong",
    "Cannot reset password",
    "Export times out",
    "Webhook not delivered",
    "SSO login loops",
    "Refund not received",
    "Dashboard is blank",
)
DETAILS = ("since this morning", "for some users", "on mobile only", "after the last update", "in the EU region")
REPLIES = (
    "<p>Thanks, we are looking into it.</p>",
    "<p>Could you send a screenshot?</p>",
    "<p>Here is what I see.</p>",
    "<p>Fixed on our side, please try again.</p>",
    "<p>Still happening here.</p>",
)
CONTACT_FIELDS = [(f"synthetic-{n}@example.com", f"Customer {n}") for n in range(CONTACTS)]


def _contact_id(n: int) -> str:
    return f"5f00000000000000000{n:05x}"


class SyntheticTickets:
    """Builds ticket `i` of the data set, with its thread and files."""

    def __init__(self, store: Store, synthetic: Synthetic) -> None:
        self.store = store
        self.synthetic = synthetic
        self.timeline = synthetic.timeline
        for n, (email, name) in enumerate(CONTACT_FIELDS):
            if _contact_id(n) not in store.contacts:
                store.add_contact(email, name, f"synthetic-{n}", _contact_id(n))

    @staticmethod
    def id_of(index: int) -> str:
        return str(TICKET_BASE + index)

    @staticmethod
    def index_of(ticket_id: str) -> int | None:
        return int(ticket_id) - TICKET_BASE if ticket_id.isascii() and ticket_id.isdigit() else None

    def make(self, index: int) -> Ticket:
        seed, store = self.synthetic.seed, self.store
        category, is_open, admin = CYCLE[index % PERIOD % len(CYCLE)]
        type_id = BUG_REPORT_TYPE_ID if index % PERIOD < PERIOD // 2 else BILLING_REVIEW_TYPE_ID
        ticket_type = store.ticket_types[type_id]
        created, updated = self.timeline.created(index), self.timeline.updated(index)
        subject = f"{pick(seed, SUBJECTS, 's', index)} {pick(seed, DETAILS, 'd', index)}"
        contact = store.contacts[_contact_id(index % CONTACTS)]
        ticket = Ticket(
            id=self.id_of(index),
            number=str(NUMBER_BASE + index),
            type_id=type_id,
            category=ticket_type.category,
            attributes={"_default_title_": subject, "_default_description_": f"Synthetic ticket {index}: {subject}."},
            state=store.default_state(category),
            contact_ids=[contact.id],
            created_at=created,
            updated_at=updated,
            open=is_open,
            is_shared=ticket_type.category == "Customer",
            admin_assignee_id=admin,
        )
        part_ids = iter(range(PART_BASE + index * PARTS_PER_TICKET, PART_BASE + (index + 1) * PARTS_PER_TICKET))
        ticket.parts.append(
            Part(str(next(part_ids)), "ticket_state_updated_by_admin", store.bot, created, None, category, category)
        )
        replies = int(unit(seed, "replies", index) * 7)  # 0 to 6
        for n in range(replies):
            moment = created + (updated - created) * (n + 1) // replies
            from_customer = n % 2 == 0
            author = store.author_for_contact(contact) if from_customer else self._admin_author(admin)
            kind = "comment" if from_customer or unit(seed, "note", index, n) < 0.7 else "note"
            files = [self.file_id(index, n)] if unit(seed, "file", index, n) < 0.15 else []
            body = pick(seed, REPLIES, "reply", index, n)
            ticket.parts.append(Part(str(next(part_ids)), kind, author, moment, body=body, file_ids=files))
        if index in self.synthetic.corrupt:
            ticket.corrupt = True  # type: ignore[attr-defined]  # read by the renderer
        return ticket

    def _admin_author(self, admin_id: str) -> Any:
        admin = self.store.admins[MAYA_ID if admin_id == UNASSIGNED else admin_id]
        return self.store.author_for_admin(admin)

    # -- files -------------------------------------------------------------------------------------------

    @staticmethod
    def file_id(index: int, reply: int) -> str:
        return str(FILE_BASE + index * PARTS_PER_TICKET + reply)

    def make_file(self, file_id: str) -> StoredFile | None:
        if not (file_id.isascii() and file_id.isdigit()) or int(file_id) < FILE_BASE:
            return None
        index, reply = divmod(int(file_id) - FILE_BASE, PARTS_PER_TICKET)
        if index >= self.synthetic.count:
            return None
        if unit(self.synthetic.seed, "file", index, reply) >= 0.15:
            return None
        if unit(self.synthetic.seed, "kind", index, reply) < 0.5:
            return StoredFile(
                file_id, f"screenshot-{index}.png", "image/png", tiny_png(2, 2, (index % 256, 90, 160)), 2, 2
            )
        return StoredFile(file_id, f"report-{index}.pdf", "application/pdf", TINY_PDF)


def install(store: Store, synthetic: Synthetic) -> SyntheticTickets:
    """Replace the store's tickets and files by the synthetic data set (the workspace stays)."""
    tickets = SyntheticTickets(store, synthetic)
    store.tickets = LazyTickets(synthetic.count, tickets.make, tickets.id_of, tickets.index_of)  # type: ignore[assignment]
    store.files = LazyMap(tickets.make_file)  # type: ignore[assignment]
    return tickets


# -- search ------------------------------------------------------------------------------------------------------

TIME_FIELDS = ("created_at", "updated_at")


def search_listing(query: Any, matches: Predicate, tickets: SyntheticTickets) -> Listing[Ticket]:
    """The listing a (validated) query selects: a range and residues when the query allows it, else a scan."""
    lazy = tickets.store.tickets
    assert isinstance(lazy, LazyTickets)
    planned = _plan(query, tickets)
    if planned is None:  # not expressible as a range and residues: test each ticket
        return ScanListing(lazy, matches)
    low, high, residues = planned
    return Listing(lazy, matches, low, high, residues)


def _plan(query: Any, tickets: SyntheticTickets) -> tuple[int, int, Residues] | None:
    members = [query] if "field" in query else query["value"] if query.get("operator") == "AND" else None
    if members is None or any("field" not in member for member in members):
        return None
    timeline, count = tickets.timeline, tickets.synthetic.count
    low, high, residues = 0, count, Residues.every()
    for member in members:
        name, operator = member["field"], member["operator"]
        if name in TIME_FIELDS:
            if operator not in (">", ">=", "<", "<=", "=") or isinstance(member["value"], list):
                return None
            value = int(member["value"])
            first_at_least = (
                timeline.first_created_at_least if name == "created_at" else timeline.first_updated_at_least
            )
            first_after = timeline.first_created_after if name == "created_at" else timeline.first_updated_after
            # Intercom's `>` and `<` on dates include the value (as search.py reads them).
            if operator in (">", ">=", "="):
                low = max(low, first_at_least(value))
            if operator in ("<", "<=", "="):
                high = min(high, first_after(value))
        elif name in CYCLING_FIELDS:
            test = compile_query(member, tickets.store)
            allowed = frozenset(r for r in range(PERIOD) if test(tickets.make(r)))
            residues = residues.both(Residues(PERIOD, allowed))
        else:
            return None
    return low, high, residues


CYCLING_FIELDS = frozenset(
    {"state", "open", "ticket_type_id", "category", "contact_ids", "admin_assignee_id", "team_assignee_id"}
)


def skipped_before(listing: Listing[Ticket], tickets: SyntheticTickets, starting_after: str | None) -> int:
    """How many of the listing's tickets come at or before the cursor (Intercom's `starting_after`): the
    search key `(created_at, id)` of synthetic ticket `i` grows with `i`, so a bisection finds them."""
    if starting_after is None:
        return 0
    after = decode_cursor(starting_after)
    timeline = tickets.timeline
    below = bisect.bisect_right(
        range(tickets.synthetic.count), after, key=lambda i: (timeline.created(i), TICKET_BASE + i)
    )
    created = sum(1 for t in listing.created if (t.created_at, int(t.id)) <= after)
    return listing.synthetic_count(below) + created


__all__ = ["SyntheticTickets", "install", "search_listing", "skipped_before"]
