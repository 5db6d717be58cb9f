"""Ankra's synthetic tickets (`Sandbox("ankra", tickets=N, seed=S)`), all in the token's primary organisation.

Ticket `i` has a uuid-shaped id ending in `i` (hex) under a prefix drawn from the seed; its status, category,
severity and cluster cycle with `i % PERIOD`, and `created_at`/`updated_at` grow with `i`. The list is Ankra's
newest first (ours: the documents give no order), here the index order read backwards, with the tickets
created through the API before them; a status or cluster filter is a set of residues, so a page and
`pagination.total_count` cost the same at any N. A `q` (subject text) filter builds every ticket: correct,
slow at large N. Threads: 0 to 6 comments, some tickets with an attachment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .._synthetic import (
    LazyTickets,
    Listing,
    Residues,
    ScanListing,
    Synthetic,
    pick,
    seeded_prefix,
    synthetic_ids,
    unit,
)
from .models import (
    PRIMARY_ORGANISATION_ID,
    SUPPORT_LABEL,
    USER_LABEL,
    Attachment,
    Comment,
    Store,
    Ticket,
)
from .validation import ListQuery

PERIOD = 10
# (status, category, severity) for `i % PERIOD`.
CYCLE = (
    ("open", "technical", "high"),
    ("in_progress", "bug", "critical"),
    ("waiting_customer", "account", "medium"),
    ("resolved", "billing", "low"),
    ("open", "feature_request", None),
    ("triaging", "technical", "medium"),
    ("closed", "other", "low"),
    ("in_progress", "technical", "high"),
    ("resolved", "bug", "medium"),
    ("open", "account", "low"),
)
SUBJECTS = (
    "Cluster upgrade stuck",
    "Node pool will not scale",
    "Billing shows a double charge",
    "Cannot invite a teammate",
    "Ingress returns 502",
    "Backup restore fails",
)
DETAILS = ("in prod-eu-1", "since the last release", "for one namespace", "intermittently", "after a restart")
COMMENTS = (
    "We are looking into it.",
    "Could you share the cluster logs?",
    "Logs attached.",
    "A fix is rolling out now.",
    "Confirmed fixed, thanks!",
)


class SyntheticTickets:
    def __init__(self, store: Store, synthetic: Synthetic) -> None:
        self.store = store
        self.synthetic = synthetic
        self.timeline = synthetic.timeline
        self.id_of, self.index_of = synthetic_ids(seeded_prefix(synthetic.seed, "ankra"))
        self.clusters = sorted(store.organisations[PRIMARY_ORGANISATION_ID].clusters.items())

    def cluster(self, index: int) -> tuple[str, str] | None:
        position = index % PERIOD % (len(self.clusters) + 1)
        return None if position == len(self.clusters) else self.clusters[position]

    def make(self, index: int) -> Ticket:
        seed = self.synthetic.seed
        status, category, severity = CYCLE[index % PERIOD]
        created, updated = self.timeline.created(index), self.timeline.updated(index)
        created_at, updated_at = _moment(created), _moment(updated)
        subject = f"{pick(seed, SUBJECTS, 's', index)} {pick(seed, DETAILS, 'd', index)}"
        cluster = self.cluster(index)
        ticket_id = self.id_of(index)
        ticket = Ticket(
            id=ticket_id,
            organisation_id=PRIMARY_ORGANISATION_ID,
            subject=subject,
            description=f"Synthetic ticket {index}: {subject}. Seen by several users of the workspace.",
            created_at=created_at,
            updated_at=updated_at,
            source=("portal", "api", "cli", "agent")[index % 4],
            category=category,
            status=status,
            severity=severity,
            cluster_id=None if cluster is None else cluster[0],
            cluster_name=None if cluster is None else cluster[1],
            sequence=index + 1,
        )
        comments = int(unit(seed, "comments", index) * 7)  # 0 to 6
        for n in range(comments):
            moment = _moment(created + (updated - created) * (n + 1) // comments)
            staff = n % 2 == 1
            ticket.comments.append(
                Comment(
                    f"{ticket_id[:-4]}c{n:03x}",
                    SUPPORT_LABEL if staff else USER_LABEL,
                    "staff" if staff else "user",
                    pick(seed, COMMENTS, "c", index, n),
                    moment,
                )
            )
        if unit(seed, "attachment", index) < 0.2:
            ticket.attachments.append(
                Attachment(f"{ticket_id[:-4]}a000", f"logs-{index}.txt", "text/plain", b"synthetic log\n", created_at)
            )
        if index in self.synthetic.corrupt:
            ticket.corrupt = True  # type: ignore[attr-defined]  # read by the renderer
        return ticket

    def listing(self, organisation_id: str, query: ListQuery, keep: Callable[[Ticket], bool]) -> Listing[Ticket]:
        """The organisation's tickets the query keeps, in index order (the caller reads it backwards)."""
        store = self.store.tickets
        assert isinstance(store, LazyTickets)
        if organisation_id != PRIMARY_ORGANISATION_ID:  # no synthetic ticket is there
            return Listing(store, keep, 0, 0)
        if query.q:
            return ScanListing(store, keep)
        allowed = frozenset(
            r
            for r in range(PERIOD)
            if (not query.statuses or CYCLE[r][0] in query.statuses)
            and (query.cluster_id is None or (self.cluster(r) or (None,))[0] == query.cluster_id)
        )
        return Listing(store, keep, residues=Residues(PERIOD, allowed))


def _moment(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def install(store: Store, synthetic: Synthetic) -> SyntheticTickets:
    tickets = SyntheticTickets(store, synthetic)
    store.tickets = LazyTickets(synthetic.count, tickets.make, tickets.id_of, tickets.index_of)  # type: ignore[assignment]
    return tickets
