"""Listing tickets page by page: what the desks yield (`TicketPage`), how each vendor page becomes one
(`Lister`: the `updated_since` check, `limit`, the resumable cursor, the watermark), and the guard against a
vendor's paging (`Paging`: no ticket twice, no page or cursor over again).

Both desks drive a `Lister` the same way; only the fetching differs (blocking or awaited).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ticketkit_models import Ticket

from . import _cursor
from ._adapter import ListQuery, Page, RejectedRecord
from ._cursor import CursorState
from ._errors import PagingLoopError, ResponseValidationError
from ._logging import logger
from ._transport import RequestOptions

T = TypeVar("T")


# How far before the server's time of the first page a listing's watermark is put: the server's `Date` is
# whole seconds (truncated), and a ticket may be written in the same second the listing starts.
WATERMARK_MARGIN = 1.0


@dataclass(frozen=True, slots=True)
class TicketPage:
    """One page of `desk.tickets.pages()`.

    - `items`: its tickets, each listed once in the whole iteration, those older than `updated_since` left out.
    - `cursor`: an opaque string that resumes the listing right after this page (`tickets.pages(cursor=...)`
      or `tickets.list(cursor=...)`, with the same query, in this process or another); None on the last page.
      It is plain ASCII text: save it as it is (JSON, a file, a database column).
    - `number`: 1 for the first page of this iteration (a resumed iteration counts from 1 again).
    - `total`: how many tickets the whole listing holds, as the vendor reports it, only where that count
      covers exactly what the listing yields (no filtering on ticketkit's side); else None.
    - `rejected`: the records of this page that failed to parse (raw JSON text, reason, id if readable);
      the page's good tickets are in `items`. `tickets.list()` raises ResponseValidationError instead.
    - `watermark`: the `updated_since` to give the next run so that it misses nothing: the newest `updated_at`
      seen so far, but never later than the server's time when the listing began, less a second (a ticket
      written while the listing ran is listed again next time rather than missed). Save the last page's.
    """

    items: list[Ticket]
    cursor: str | None
    number: int
    total: int | None
    rejected: tuple[RejectedRecord, ...]
    watermark: dt.datetime | None


class Lister:
    """One iteration of `tickets.pages()` / `tickets.list()`: each vendor page in, a `TicketPage` out.

    `receive` returns the page to yield and the vendor cursor of the page to fetch next (None: stop).
    """

    def __init__(
        self,
        vendor: str,
        query: ListQuery,
        fingerprint: str,
        limit: int | None,
        resume: CursorState | None,
        filters_since_exactly: bool,
    ) -> None:
        self.vendor = vendor
        self.query = query
        self.fingerprint = fingerprint
        self.limit = limit
        # The vendor's total counts what the pages hold unless ticketkit filters `updated_since` itself.
        self._total_holds = query.updated_since is None or filters_since_exactly
        self.paging = Paging(vendor)
        self.page_cursor: Any = None  # the vendor cursor of the page being read
        self._carried: tuple[str, ...] = ()  # ids a resumed first page may still hold, already yielded
        self.served_at: float | None = None
        self.newest: float | None = None
        self.number = 0
        self.yielded = 0
        self.date: str | None = None  # the last response's `Date` header (set while a page is fetched)
        if resume is not None:
            self.paging.resume(resume.vendor_cursor, resume.ids)
            self.page_cursor = resume.vendor_cursor
            self._carried = resume.ids
            self.served_at, self.newest = resume.served_at, resume.newest

    @property
    def first_cursor(self) -> Any:
        """The vendor cursor of the first page to fetch (None: the listing's start)."""
        return self.page_cursor

    @property
    def done(self) -> bool:
        return self.limit is not None and self.yielded >= self.limit

    def receive(self, page: Page[Ticket], strict: bool) -> tuple[TicketPage, Any, PagingLoopError | None]:
        """The page to yield, the next vendor cursor (None: the listing is over), and a paging loop found
        after this page (raised once the page is yielded). `strict` (tickets.list): a rejected record raises."""
        self.number += 1
        if self.served_at is None:
            self.served_at = _server_time(self.date)
        if strict and page.rejected:
            first = page.rejected[0]
            shown = f" (id {first.id})" if first.id else ""
            raise ResponseValidationError(
                self.vendor,
                "tickets.list",
                f"{len(page.rejected)} record(s) of page {self.number} failed to parse; the first{shown}: "
                f"{first.reason} (tickets.pages() yields the good ones with page.rejected)",
            )
        fresh = self.paging.fresh(page, None)
        since = self.query.updated_since
        kept = [t for t in fresh if since is None or t.updated_at is None or t.updated_at >= since]
        left = None if self.limit is None else self.limit - self.yielded
        cut = left is not None and len(kept) > left
        if cut:
            assert left is not None
            kept = kept[:left]
        self.yielded += len(kept)
        for ticket in kept:
            if ticket.updated_at is not None:
                moment = ticket.updated_at.timestamp()
                self.newest = moment if self.newest is None else max(self.newest, moment)
        following: Any = None
        loop: PagingLoopError | None = None
        if cut:  # resume inside this page: the same vendor page, less what was yielded from it
            left_out = {t.id for t in _rest(fresh, kept)}
            done_ids = [t.id for t in page.items if t.id not in left_out]
            if self.number == 1:
                done_ids = [*self._carried, *done_ids]
            cursor: str | None = self._cursor(self.page_cursor, done_ids)
        elif self.done:  # nothing more is fetched: no loop to look for, only where a resumed listing goes on
            cursor = None if page.next_cursor is None else self._cursor(page.next_cursor, [t.id for t in page.items])
        else:
            try:
                following = self.paging.follow(page, None)
            except PagingLoopError as exc:
                loop = exc
            cursor = None if following is None else self._cursor(following, [t.id for t in page.items])
        total = page.total if self._total_holds else None
        out = TicketPage(kept, cursor, self.number, total, page.rejected, self.watermark)
        self.page_cursor = following
        return out, following, loop

    @property
    def watermark(self) -> dt.datetime | None:
        """min(newest `updated_at` seen, the first page's server time - 1 s); None before any page."""
        if self.served_at is None:
            return None
        ceiling = self.served_at - WATERMARK_MARGIN
        moment = ceiling if self.newest is None else min(self.newest, ceiling)
        return dt.datetime.fromtimestamp(moment, dt.UTC)

    def _cursor(self, vendor_cursor: Any, ids: list[str]) -> str:
        state = CursorState(self.vendor, self.fingerprint, vendor_cursor, tuple(ids), self.served_at, self.newest)
        return _cursor.encode(state)


def _rest(fresh: list[Ticket], kept: list[Ticket]) -> list[Ticket]:
    """The fresh tickets after the last one kept (those a cut by `limit` left for the next iteration)."""
    if not kept:
        return fresh
    last = kept[-1].id
    for index, ticket in enumerate(fresh):
        if ticket.id == last:
            return fresh[index + 1 :]
    return []


def _server_time(date: str | None) -> float:
    """The server's time from its `Date` header (Unix seconds); the local clock when it sent none."""
    if date:
        try:
            moment = email.utils.parsedate_to_datetime(date)
        except (TypeError, ValueError, IndexError):
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.timestamp()
    return time.time()


# Pages holding only tickets already listed that a list skips, since its last new ticket, before it stops.
STALE_PAGES_ALLOWED = 1


class Paging:
    """What one `tickets.list` has seen, so that a vendor's paging cannot make it loop or repeat itself.

    - A ticket id already yielded is skipped: a list never yields one id twice. Offset paging (Routera's
      offset, Ankra's page numbers) shifts when tickets are added meanwhile, so a page may start with the end
      of the one before; the skip is logged (info) on the `ticketkit` logger.
    - A page holding tickets but none new is skipped once: a page's worth of tickets added between two requests
      can do that. A second such page since the last new ticket ends the list with PagingLoopError: the vendor
      repeats itself (it ignores the cursor, or its cursors go A, B, A, B...). An empty page counts for
      neither (our-side status filters make them).
    - A next cursor that was sent before (the page's own, or an earlier page's) ends the list with
      PagingLoopError before it is sent again.

    Memory: the ids of the tickets listed so far (about 100 bytes each) and the cursors sent, until the
    iteration ends. The pages themselves are not kept.
    """

    __slots__ = ("_fetched_with", "_seen", "_stale", "cursor", "pages", "vendor", "yielded")

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self.cursor: Any = None  # the cursor of the page being read (None: the first)
        self.pages = 0  # pages received
        self.yielded = 0
        self._fetched_with: dict[Any, int] = {_cursor_key(None): 1}  # cursor -> the page it fetched
        self._seen: set[str] = set()
        self._stale = 0  # pages since the last new ticket that held only tickets already listed

    def resume(self, cursor: Any, ids: tuple[str, ...]) -> None:
        """Carry on a listing from a saved cursor: `ids` were listed already, `cursor` fetches the first page."""
        self._seen.update(ids)
        self._fetched_with = {_cursor_key(cursor): 1}
        self.cursor = cursor

    def fresh(self, page: Page[Ticket], limit: int | None) -> list[Ticket]:
        """The page's tickets not listed before, in order, at most as many as `limit` leaves."""
        self.pages += 1
        seen, new = self._seen, []
        for ticket in page.items:
            if ticket.id not in seen:
                seen.add(ticket.id)
                new.append(ticket)
        if page.items and not new:
            self._stale += 1
            if self._stale > STALE_PAGES_ALLOWED:
                ids = ", ".join(_shown(t.id) for t in page.items[:5]) + (", ..." if len(page.items) > 5 else "")
                raise PagingLoopError(
                    self.vendor,
                    f"page {self.pages} (cursor {_shown(self.cursor)}) holds only tickets already listed ({ids}): "
                    f"{self._stale} pages of them since the last new ticket; stopped after {self.yielded} tickets",
                    cursor=self.cursor,
                    page=self.pages,
                )
        elif new:
            self._stale = 0
        if len(new) < len(page.items):
            logger.info(
                "%s tickets.list: page %d repeats %d ticket(s) already listed; skipped",
                self.vendor,
                self.pages,
                len(page.items) - len(new),
            )
        if limit is not None:
            new = new[: limit - self.yielded]
        self.yielded += len(new)
        return new

    def follow(self, page: Page[Ticket], limit: int | None) -> Any:
        """The cursor to fetch next; None when the list is complete (or `limit` reached)."""
        cursor = page.next_cursor
        if cursor is None or (limit is not None and self.yielded >= limit):
            return None
        key = _cursor_key(cursor)
        earlier = self._fetched_with.get(key)
        if earlier is not None:
            which = "it was itself fetched with" if earlier == self.pages else f"fetched page {earlier}"
            raise PagingLoopError(
                self.vendor,
                f"page {self.pages} gives as the next page the cursor {_shown(cursor)}, which {which}; "
                f"stopped after {self.yielded} tickets",
                cursor=cursor,
                page=self.pages,
            )
        self._fetched_with[key] = self.pages + 1
        self.cursor = cursor
        return cursor


def _cursor_key(cursor: Any) -> Any:
    """The cursor itself when it can be a dict key (strings, numbers: every adapter's), else its repr."""
    try:
        hash(cursor)
    except TypeError:
        return ("unhashable", repr(cursor))
    return (type(cursor), cursor)


def _shown(value: Any) -> str:
    """A cursor or id for a message: a vendor's cursor can be long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def masked(options: RequestOptions, step: Callable[[Page[Ticket], bool], T], page: Page[Ticket], strict: bool) -> T:
    """A paging step whose error (a PagingLoopError quotes the vendor's cursor and ids) is masked like any other."""
    try:
        return step(page, strict)
    except (PagingLoopError, ResponseValidationError) as exc:
        options.secrets.scrub(exc)
        raise
