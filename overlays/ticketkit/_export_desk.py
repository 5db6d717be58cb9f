"""What `ticketkit export`'s engine needs of a desk: just these names (ticketkit.Desk has them; the tests give a
small fake, tests/export_fake_desk.py). Structural: the engine depends on no concrete desk or page class."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Protocol

from ticketkit_models import Comment, Ticket


class RejectedLike(Protocol):
    @property
    def raw(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def id(self) -> str | None: ...


class PageLike(Protocol):
    @property
    def items(self) -> Sequence[Ticket]: ...
    @property
    def cursor(self) -> str | None: ...
    @property
    def number(self) -> int: ...
    @property
    def total(self) -> int | None: ...
    @property
    def rejected(self) -> Sequence[RejectedLike]: ...
    @property
    def watermark(self) -> dt.datetime | None: ...


class RateLimitLike(Protocol):
    @property
    def requests(self) -> int: ...
    @property
    def throttled(self) -> int: ...
    @property
    def waited(self) -> float: ...
    @property
    def reset(self) -> dt.datetime | None: ...


class TicketsLike(Protocol):
    def pages(
        self,
        *,
        status: Any = None,
        page_size: int | None = None,
        updated_since: dt.datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> Iterable[PageLike]: ...


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
    def rate_limit(self) -> RateLimitLike: ...
