"""Routera's synthetic tickets (`Sandbox("routera", tickets=N, seed=S)`): flat CRM objects, all active.

Ticket `i` has a uuid-shaped id ending in `i` (hex) under a prefix drawn from the seed; its stage, pipeline,
owner and custom fields cycle with `i % PERIOD`, and `created_at`/`updated_at` grow with `i`. The list is this
fake's oldest `created_at` first (ours: Routera documents no order), here the index order, then the tickets
created through the API; Routera documents no filter but `archived`, so an `offset` page and
`pagination.count` cost the same at any N. Routera tickets have no threads.
"""

from __future__ import annotations

import datetime as dt

from .._synthetic import LazyTickets, Listing, Residues, Synthetic, pick, seeded_prefix, synthetic_ids
from .models import Ticket, TicketStore

PERIOD = 8
# (pipeline, ticket_stage, owner, priority) for `i % PERIOD`.
CYCLE = (
    ("default", "new", None, "medium"),
    ("default", "in_progress", "jane@example.com", "high"),
    ("billing", "waiting_on_customer", "sam.okafor@example.com", "low"),
    ("default", "resolved", "priya.nair@example.com", "medium"),
    ("default", "in_progress", "jane@example.com", "urgent"),
    ("billing", "new", None, "low"),
    ("default", "closed", "sam.okafor@example.com", "medium"),
    ("billing", "resolved", "jane@example.com", "high"),
)
SUBJECTS = ("Sign-in fails", "Invoice shows the wrong VAT", "CSV export times out", "Webhook retries", "Seat limit")
DETAILS = ("for the EU workspace", "after the upgrade", "on Safari", "since Monday", "for one user")


class SyntheticTickets:
    def __init__(self, store: TicketStore, synthetic: Synthetic) -> None:
        self.store = store
        self.synthetic = synthetic
        self.timeline = synthetic.timeline
        self.id_of, self.index_of = synthetic_ids(seeded_prefix(synthetic.seed, "routera"))

    def make(self, index: int) -> Ticket:
        seed = self.synthetic.seed
        pipeline, stage, owner, priority = CYCLE[index % PERIOD]
        subject = f"{pick(seed, SUBJECTS, 's', index)} {pick(seed, DETAILS, 'd', index)}"
        ticket = Ticket(
            id=self.id_of(index),
            ticket_name=subject,
            pipeline=pipeline,
            ticket_stage=stage,
            created_at=dt.datetime.fromtimestamp(self.timeline.created(index), dt.UTC),
            updated_at=dt.datetime.fromtimestamp(self.timeline.updated(index), dt.UTC),
            ticket_owner=owner,
            custom={"description": f"Synthetic ticket {index}: {subject}.", "priority": priority},
        )
        if index in self.synthetic.corrupt:
            ticket.corrupt = True  # type: ignore[attr-defined]  # read by the renderer
        return ticket

    def listing(self, *, archived: bool) -> Listing[Ticket]:
        """Active (or archived) tickets in index order: synthetic tickets start active."""
        store = self.store.tickets
        assert isinstance(store, LazyTickets)
        residues = Residues(1, frozenset() if archived else frozenset({0}))
        return Listing(store, lambda t: t.active is not archived, residues=residues)


def install(store: TicketStore, synthetic: Synthetic) -> SyntheticTickets:
    tickets = SyntheticTickets(store, synthetic)
    store.tickets = LazyTickets(synthetic.count, tickets.make, tickets.id_of, tickets.index_of)  # type: ignore[assignment]
    return tickets
