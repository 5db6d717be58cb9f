"""Tickiti's synthetic tickets (`Sandbox("tickiti", tickets=N, seed=S)`), with response threads.

Ticket `i` has id `1000000 + i` and number `500000 + i` (so N is at most 499,999: numbers have 6 digits);
status, queue, priority and assignee cycle with `i % PERIOD`, and `created_at`/`updated_at` grow with `i`.
`tickets/query` answers every matching ticket at once (Tickiti documents no paging), most recently updated
first, as it does for the demo tickets: here the index order read backwards, merged with the tickets
requests created or changed. An `updated_from` criterion starts the walk at the first ticket updated on or
after its UTC day (a bisection); other criteria test each ticket as the walk goes, a ticket at a time.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator

from .._synthetic import LazyTickets, Synthetic, pick, unit
from . import install as tickiti_install
from .models import Attachment, Response, Store, Ticket
from .queries import TicketQuery

TICKET_BASE = 1_000_000
NUMBER_BASE = 500_000
RESPONSE_BASE = 10_000_000
PER_TICKET = 8
PERIOD = 8
MAX_TICKETS = 999_999 - NUMBER_BASE
# (status, queue, priority, assignee) for `i % PERIOD`.
CYCLE = (
    ("open", 1, 20, None),
    ("open", 2, 30, tickiti_install.AGENT_EMAIL),
    ("on-hold", 4, 20, tickiti_install.STAFF[1]),
    ("resolved", 5, 10, tickiti_install.AGENT_EMAIL),
    ("open", 1, 40, tickiti_install.STAFF[1]),
    ("resolved", 2, 20, None),
    ("open", 4, 20, tickiti_install.AGENT_EMAIL),
    ("on-hold", 5, 30, None),
)
SUBJECTS = ("Order arrived damaged", "Refund request", "Warranty claim", "Wrong size delivered", "Tracking stuck")
DETAILS = ("order 4471", "since last week", "second time", "urgent", "gift order")
REPLIES = (
    "<p>Sorry to hear that, we are on it.</p>",
    "<p>Could you send a photo of the parcel?</p>",
    "<p>Photo attached.</p>",
    "<p>A replacement is on its way.</p>",
    "<p>Thanks, all sorted!</p>",
)


class SyntheticTickets:
    def __init__(self, store: Store, synthetic: Synthetic) -> None:
        if synthetic.count > MAX_TICKETS:
            raise ValueError(f"the tickiti sandbox holds at most {MAX_TICKETS} synthetic tickets (6-digit numbers)")
        self.store = store
        self.synthetic = synthetic
        self.timeline = synthetic.timeline

    @staticmethod
    def id_of(index: int) -> int:
        return TICKET_BASE + index

    @staticmethod
    def index_of(ticket_id: object) -> int | None:
        if isinstance(ticket_id, int) and not isinstance(ticket_id, bool):
            return ticket_id - TICKET_BASE
        if isinstance(ticket_id, str) and ticket_id.isascii() and ticket_id.isdigit():
            return int(ticket_id) - TICKET_BASE
        return None

    def index_of_number(self, number: str) -> int | None:
        if not (number.isascii() and number.isdigit()):
            return None
        index = int(number) - NUMBER_BASE
        return index if 0 <= index < self.synthetic.count else None

    def make(self, index: int) -> Ticket:
        seed = self.synthetic.seed
        status, queue, priority, assignee = CYCLE[index % PERIOD]
        created = dt.datetime.fromtimestamp(self.timeline.created(index), dt.UTC)
        updated = dt.datetime.fromtimestamp(self.timeline.updated(index), dt.UTC)
        customer = f"customer{index % 50}@example.com"
        subject = f"{pick(seed, SUBJECTS, 's', index)} ({pick(seed, DETAILS, 'd', index)})"
        ticket = Ticket(
            id=self.id_of(index),
            number=NUMBER_BASE + index,
            subject=subject,
            originator_email=customer,
            queue_id=queue,
            created_at=created,
            updated_at=updated,
            status=status,
            priority=priority,
            assigned_to_email=assignee,
            resolved=updated if status == "resolved" else None,
            on_hold_until=(updated + dt.timedelta(days=7)).date() if status == "on-hold" else None,
            participants=[customer],
        )
        replies = 1 + int(unit(seed, "replies", index) * 6)  # the opening message and 0 to 5 more
        for n in range(replies):
            moment = created + (updated - created) * n / max(1, replies - 1) if replies > 1 else created
            staff = n % 2 == 1
            author = (assignee or tickiti_install.AGENT_EMAIL) if staff else customer
            response_id = RESPONSE_BASE + index * PER_TICKET + n
            html = f"<p>{subject}</p>" if n == 0 else pick(seed, REPLIES, "reply", index, n)
            response = Response(response_id, ticket.id, author, html, moment, staff_response=staff)
            if not staff and unit(seed, "file", index, n) < 0.15:
                response.attachments.append(
                    Attachment(response_id, response_id, f"photo-{index}-{n}.png", "image/png", b"\x89PNG synthetic")
                )
            ticket.responses.append(response)
            ticket.add_participant(author)
        if index in self.synthetic.corrupt:
            ticket.corrupt = True  # type: ignore[attr-defined]  # read by the renderer
        return ticket

    def by_number(self, number: str) -> Ticket | None:
        """The ticket with this number: a created one (from the overlay) or a synthetic one (built)."""
        lazy = self.store.tickets
        assert isinstance(lazy, LazyTickets)
        found = next((t for t in lazy.overlay.values() if str(t.number) == number), None)
        if found is not None:
            return found
        index = self.index_of_number(number)
        if index is None or index in lazy.removed:
            return None
        return lazy.build(index)

    def newest_first(self, query: TicketQuery) -> Iterator[Ticket]:
        """Every ticket the query keeps, most recently updated first (ids breaking ties), a ticket at a time."""
        lazy = self.store.tickets
        assert isinstance(lazy, LazyTickets)
        low = 0
        days = [day for tokens in query.criteria.get("updated_from", []) for day in tokens]
        if days and len(query.criteria["updated_from"]) == 1:  # one criterion: its earliest day bounds the walk
            start = dt.datetime.combine(min(d for d in days if isinstance(d, dt.date)), dt.time(), dt.UTC)
            low = self.timeline.first_updated_at_least(start.timestamp())
        plain = (
            lazy.build(i, track=False)
            for i in range(lazy.count - 1, low - 1, -1)
            if i not in lazy.removed and i not in lazy.changed
        )
        written = sorted(lazy.overlay.values(), key=_key, reverse=True)
        for ticket in heapq.merge(plain, written, key=_key, reverse=True):
            if query.matches(ticket):
                yield ticket


def _key(ticket: Ticket) -> tuple[dt.datetime, int]:
    return ticket.updated_at, ticket.id


def install(store: Store, synthetic: Synthetic) -> SyntheticTickets:
    tickets = SyntheticTickets(store, synthetic)
    store.tickets = LazyTickets(synthetic.count, tickets.make, tickets.id_of, tickets.index_of)  # type: ignore[assignment]
    store.synthetic_by_number = tickets.by_number
    return tickets
