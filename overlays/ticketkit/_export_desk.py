"""What `ticketkit export`'s engine needs of a desk: just these names (ticketkit.Desk has them; the tests give a
small fake, tests/export_fake_desk.py). Structural in the desk: the pages and rate-limit status are the real ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, Protocol

from ticketkit_models import Comment

from ._budget import RateLimitStatus
from ._paging import TicketPage


class TicketsLike(Protocol):
    def pages(
        self,
        *,
        status: Any = None,
        page_size: int | None = None,
        updated_since: dt.datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> Iterable[TicketPage]: ...


class CommentsLike(Protocol):
    # Called with return_exceptions=True only: a failed thread comes back in its place.
    def list_many(
        self, ticket_ids: Iterable[str], *, concurrency: int | None = None, return_exceptions: Literal[True]
    ) -> Iterable[list[Comment] | Exception]: ...


class ExportDesk(Protocol):
    @property
    def vendor(self) -> str: ...
    @property
    def capabilities(self) -> Any: ...
    @property
    def tickets(self) -> TicketsLike: ...
    @property
    def comments(self) -> CommentsLike: ...
    @property
    def rate_limit(self) -> RateLimitStatus: ...
