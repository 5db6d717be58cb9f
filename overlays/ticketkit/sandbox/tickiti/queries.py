"""The two read queries: tickets by perspective and search criteria (tickets/query), and responses across
tickets by filters with a keyset cursor (tickets/responses/query).

Semantics from Tickiti's own client [client: tickiti-mcp src/tools/tickets.ts, src/tools/ticket-reads.ts]:
criteria of the same mode OR together and different modes AND; date criteria take `YYYY-MM-DD` and compare UTC
days; the responses query's `fields` chooses which heavy fields (html, plain_text, attachments) to include.
How each mode matches is ours where the client does not say (text modes: a case-insensitive substring; email
modes: the whole address, case-insensitive; several tokens in one criterion: any of them).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import install
from ._validation import DATE, Rules
from .models import Response, Store, Ticket

# Every mode the client documents, in its order.
TEXT_MODES = ("subject", "content", "subject_content")
EMAIL_MODES = ("assigned", "participant", "raised")
VALUE_MODES = ("priority", "queue", "status", "watchlist", "hashtag", "ticket_number")
DATE_MODES = ("created_from", "created_to", "updated_from", "updated_to")
CRITERIA_MODES = (*TEXT_MODES, *EMAIL_MODES, *VALUE_MODES, *DATE_MODES)

HEAVY_FIELDS = ("html", "plain_text", "attachments")
DEFAULT_LIMIT, MAX_LIMIT = 200, 1000

Token = str | dt.date


# -- tickets/query ---------------------------------------------------------------------------------------


@dataclass
class TicketQuery:
    """The perspectives asked for (all apply; 'All' when none) and the criteria, grouped by mode."""

    perspectives: list[int] = field(default_factory=list)
    unknown_perspective: bool = False
    criteria: dict[str, list[tuple[Token, ...]]] = field(default_factory=dict)

    @classmethod
    def read(cls, rules: Rules) -> TicketQuery:
        query = cls()
        query._perspective(rules.integer("perspective_id"))
        if rules.object("search_object") is not None:
            query._perspective(rules.integer("search_object.search_perspective_id"))
            name = rules.string("search_object.search_perspective")
            if name is not None:
                found = install.named(install.PERSPECTIVES, name)
                query.unknown_perspective |= found is None
                query._perspective(found)
            for index in range(len(rules.objects("search_object.criteria") or [])):
                query._criterion(rules, f"search_object.criteria.{index}")
        return query

    def _perspective(self, perspective_id: int | None) -> None:
        if perspective_id is None:
            return
        if perspective_id not in install.PERSPECTIVES:
            self.unknown_perspective = True
        self.perspectives.append(perspective_id)

    def _criterion(self, rules: Rules, field: str) -> None:
        mode = rules.string(f"{field}.mode", required=True)
        if mode is not None and mode not in CRITERIA_MODES:
            rules.fail(f"{field}.mode", f"The selected {field}.mode is invalid.")
            mode = None
        tokens = rules.tokens(f"{field}.tokens")
        if mode is None or tokens is None:
            return
        if mode in DATE_MODES:
            days = [_day(rules, f"{field}.tokens.{i}", token) for i, token in enumerate(tokens)]
            self.criteria.setdefault(mode, []).append(tuple(d for d in days if d is not None))
        else:
            folded = (t.casefold() for t in tokens)
            words = tuple(t.removeprefix("#") for t in folded) if mode == "hashtag" else tuple(folded)
            self.criteria.setdefault(mode, []).append(words)

    def matches(self, ticket: Ticket) -> bool:
        in_views = all(_in_perspective(ticket, p) for p in self.perspectives or [install.ALL])
        return in_views and all(
            any(_meets(ticket, mode, token) for tokens in criteria for token in tokens)
            for mode, criteria in self.criteria.items()
        )


def _day(rules: Rules, field: str, token: str) -> dt.date | None:
    if DATE.match(token):
        try:
            return dt.date.fromisoformat(token)
        except ValueError:
            pass
    rules.fail(field, f"The {field} field must be a date (YYYY-MM-DD).")
    return None


def _in_perspective(ticket: Ticket, perspective: int) -> bool:
    if perspective == install.MINE:
        return ticket.assigned_to_email == install.AGENT_EMAIL
    if perspective == install.UNASSIGNED:
        return ticket.assigned_to_email is None
    return True


def _text(ticket: Ticket) -> str:
    """Every response's text, internal notes included (the staff user sees them)."""
    return " ".join(r.plain_text for r in ticket.responses).casefold()


def _utc_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(dt.UTC).date()


# How one token of each mode matches a ticket (text tokens are casefolded, `#` taken off a hashtag).
_MATCHERS: dict[str, Callable[[Ticket, Any], bool]] = {
    "subject": lambda t, token: token in t.subject.casefold(),
    "content": lambda t, token: token in _text(t),
    "subject_content": lambda t, token: token in t.subject.casefold() or token in _text(t),
    "assigned": lambda t, token: (t.assigned_to_email or "").casefold() == token,
    "participant": lambda t, token: token in (p.casefold() for p in t.participants),
    "raised": lambda t, token: t.originator_email.casefold() == token,
    "priority": lambda t, token: str(t.priority) == token,
    "queue": lambda t, token: install.QUEUES.get(t.queue_id, "").casefold() == token,
    "status": lambda t, token: t.status == token,
    "watchlist": lambda t, token: token.isdecimal() and int(token) in t.watchlists,
    "hashtag": lambda t, token: token in (h.casefold() for h in t.hashtags),
    "ticket_number": lambda t, token: str(t.number) == token,
    "created_from": lambda t, day: _utc_day(t.created_at) >= day,
    "created_to": lambda t, day: _utc_day(t.created_at) <= day,
    "updated_from": lambda t, day: _utc_day(t.updated_at) >= day,
    "updated_to": lambda t, day: _utc_day(t.updated_at) <= day,
}


def _meets(ticket: Ticket, mode: str, token: Token) -> bool:
    return _MATCHERS[mode](ticket, token)


# -- tickets/responses/query -----------------------------------------------------------------------------


def keyset(response: Response) -> tuple[dt.datetime, int]:
    """The responses query's order, and its cursor: oldest first, ids breaking ties."""
    return response.created_at, response.id


@dataclass
class ResponseQuery:
    """The filters, heavy fields, page size and cursor of one responses query."""

    created_from: dt.datetime | None = None
    created_before: dt.datetime | None = None  # exclusive: a bare `created_to` date means that whole day
    created_to: dt.datetime | None = None  # inclusive
    is_internal: bool | None = None
    staff_response: bool | None = None
    queues: list[str] | None = None
    queue_ids: list[int] | None = None
    ticket_numbers: list[str] | None = None
    fields: tuple[str, ...] = HEAVY_FIELDS
    limit: int = DEFAULT_LIMIT
    after: tuple[dt.datetime, int] | None = None

    @classmethod
    def read(cls, rules: Rules) -> ResponseQuery:
        query = cls()
        query.created_from = rules.moment("created_from")
        created_to = rules.moment("created_to")
        if created_to is not None and DATE.match(str(rules.body["created_to"])):
            query.created_before = created_to + dt.timedelta(days=1)
        else:
            query.created_to = created_to
        query.is_internal = rules.boolean("is_internal")
        query.staff_response = rules.boolean("staff_response")
        rules.boolean("include_deleted")  # nothing is ever deleted in the sandbox
        query.queues = rules.strings("queue")
        query.queue_ids = rules.integers("queue_id")
        query.ticket_numbers = rules.strings("ticket_number")
        fields = rules.strings("fields", choices=HEAVY_FIELDS)
        query.fields = HEAVY_FIELDS if fields is None else tuple(fields)
        query.limit = rules.integer("limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
        if rules.object("cursor") is not None:
            created_at = rules.moment("cursor.created_at", required=True)
            response_id = rules.integer("cursor.id", required=True)
            if created_at is not None and response_id is not None:
                query.after = created_at, response_id
        return query

    def page(self, store: Store) -> tuple[list[Response], bool]:
        """The rows of this page, oldest first, and whether more follow."""
        # The page's rows and one more, never every response at once (a synthetic data set holds many).
        found = (r for t in store.tickets.values() for r in t.responses if self.matches(r, t))
        rows = heapq.nsmallest(self.limit + 1, found, key=keyset)
        return rows[: self.limit], len(rows) > self.limit

    def matches(self, response: Response, ticket: Ticket) -> bool:
        queue = install.QUEUES.get(ticket.queue_id, "").casefold()
        checks = (
            self.created_from is None or response.created_at >= self.created_from,
            self.created_to is None or response.created_at <= self.created_to,
            self.created_before is None or response.created_at < self.created_before,
            self.is_internal is None or response.is_internal == self.is_internal,
            self.staff_response is None or response.staff_response == self.staff_response,
            self.queues is None or queue in (q.casefold() for q in self.queues),
            self.queue_ids is None or ticket.queue_id in self.queue_ids,
            self.ticket_numbers is None or str(ticket.number) in self.ticket_numbers,
            self.after is None or keyset(response) > self.after,
        )
        return all(checks)

    def row(self, full: dict[str, Any], ticket: Ticket) -> dict[str, Any]:
        """A response as listed, without the heavy fields left out, and the ticket it belongs to."""
        kept = {k: v for k, v in full.items() if k not in HEAVY_FIELDS or k in self.fields}
        return {**kept, "ticket_number": str(ticket.number)}
