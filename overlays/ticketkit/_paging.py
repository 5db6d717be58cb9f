"""A list's guard against a vendor's paging: no ticket twice, no page or cursor over again (`Paging`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ticketkit_models import Ticket

from ._adapter import Page
from ._errors import PagingLoopError
from ._logging import logger
from ._transport import RequestOptions

T = TypeVar("T")


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


def masked(
    options: RequestOptions, step: Callable[[Page[Ticket], int | None], T], page: Page[Ticket], limit: int | None
) -> T:
    """A paging step whose PagingLoopError (it quotes the vendor's cursor and ids) is masked like any other."""
    try:
        return step(page, limit)
    except PagingLoopError as exc:
        options.secrets.scrub(exc)
        raise
