"""A small fake of just what `ticketkit export`'s engine uses of a desk (tests/test_export.py).

`FakeDesk(count, page_size=...)` lists `count` tickets ("t0", "t1", ...) in pages through `tickets.pages()`
with an opaque cursor, fetches threads through `comments.list_many()` and counts its requests in
`rate_limit`. Faults on demand: records that fail to parse (`rejected=`), threads that fail (`bad_threads=`,
`gone_threads=`), a total that under-reports (`total_shortfall=`) or is missing (`report_total=False`), and a
`Crash` (a BaseException, as a kill would be) or a network error when a given page or thread is asked for.

It holds to the contract of `desk.tickets.pages()`: the cursor of a page resumes AFTER it, None on the last; a
resumed listing yields exactly the pages after the cursor; `total` counts every ticket of the listing
(rejected ones too); `watermark` is the newest `updated_at` seen so far.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from typing import Any

import httpx
from ticketkit import (
    APIConnectionError,
    NotFoundError,
    RateLimitStatus,
    RejectedRecord,
    ResponseValidationError,
    TicketPage,
)
from ticketkit._errors import ErrorInfo
from ticketkit_models import Comment, Priority, Ticket, TicketStatus

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


class Crash(BaseException):
    """The process dies here (what SIGKILL would do, without the process): nothing after it runs."""


def updated_at(index: int) -> dt.datetime:
    """Two tickets a minute: pairs share their second (ties)."""
    return EPOCH + dt.timedelta(seconds=30 * (index // 2))


def ticket(index: int) -> Ticket:
    return Ticket(
        vendor="fakedesk",
        id=f"t{index}",
        status=TicketStatus.OPEN,
        status_raw="open",
        priority=Priority.NORMAL,
        raw={"id": f"t{index}", "subject": f"Ticket {index}"},
        subject=f"Ticket {index}",
        created_at=EPOCH,
        updated_at=updated_at(index),
    )


def thread(index: int) -> list[Comment]:
    return [
        Comment(id=f"t{index}-c{n}", internal=False, raw={"id": n}, body_text=f"reply {n}") for n in range(index % 4)
    ]


class FakeDesk:
    vendor = "fakedesk"

    def __init__(
        self,
        count: int,
        *,
        page_size: int = 5,
        rejected: Collection[int] = (),
        bad_threads: Collection[int] = (),
        gone_threads: Collection[int] = (),
        total_shortfall: int = 0,
        report_total: bool = True,
        crash_at_page: int | None = None,
        fail_at_page: int | None = None,
        crash_at_thread: int | None = None,
        fail_at_thread: int | None = None,
        comments: bool = True,
    ) -> None:
        self.count, self.page_size = count, page_size
        self.rejected, self.bad_threads, self.gone_threads = set(rejected), set(bad_threads), set(gone_threads)
        self.total_shortfall, self.report_total = total_shortfall, report_total
        self.crash_at_page, self.fail_at_page = crash_at_page, fail_at_page
        self.crash_at_thread, self.fail_at_thread = crash_at_thread, fail_at_thread
        self.capabilities: set[str] = {"tickets.list", "comments.list"} if comments else {"tickets.list"}
        self.requests = 0
        self.pages_served = 0
        self.threads_served = 0
        self.calls: list[dict[str, Any]] = []  # each pages() call's arguments
        self.concurrency_asked: list[int | None] = []
        self.tickets = _Tickets(self)
        self.comments = _Comments(self)

    def __enter__(self) -> FakeDesk:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    @property
    def rate_limit(self) -> RateLimitStatus:
        return RateLimitStatus(limit=100, remaining=60, reset=None, requests=self.requests, throttled=1, waited=0.5)


class _Tickets:
    def __init__(self, desk: FakeDesk) -> None:
        self._desk = desk

    def pages(
        self,
        *,
        status: Any = None,
        page_size: int | None = None,
        updated_since: dt.datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> Iterator[TicketPage]:
        desk = self._desk
        desk.calls.append(
            {"status": status, "page_size": page_size, "updated_since": updated_since, "cursor": cursor, "limit": limit}
        )
        size = page_size or desk.page_size
        indexes = [i for i in range(desk.count) if updated_since is None or updated_at(i) >= updated_since]
        start = int(cursor.removeprefix("fake.")) if cursor else 0
        total = len(indexes) - desk.total_shortfall if desk.report_total else None
        return self._iterate(indexes, start, size, total, limit)

    def _iterate(
        self, indexes: list[int], start: int, size: int, total: int | None, limit: int | None
    ) -> Iterator[TicketPage]:
        desk, number, yielded = self._desk, 0, 0
        newest: dt.datetime | None = None
        while True:
            desk.pages_served += 1
            if desk.crash_at_page == desk.pages_served:
                raise Crash(f"killed while fetching page {desk.pages_served}")
            if desk.fail_at_page == desk.pages_served:
                raise APIConnectionError("fakedesk", "connection reset")
            desk.requests += 1
            number += 1
            chunk = indexes[start : start + size]
            if limit is not None:
                chunk = chunk[: limit - yielded]
            items = [ticket(i) for i in chunk if i not in desk.rejected]
            bad = tuple(
                RejectedRecord(
                    raw=f'{{"id": "t{i}", "created_at": "not-a-date"}}', reason="created_at: not a date", id=f"t{i}"
                )
                for i in chunk
                if i in desk.rejected
            )
            yielded += len(items)
            for i in chunk:
                newest = max(newest or updated_at(i), updated_at(i))
            start += len(chunk)
            last = start >= len(indexes) or (limit is not None and yielded >= limit)
            yield TicketPage(items, None if last else f"fake.{start}", number, total, bad, newest)
            if last:
                return


class _Comments:
    def __init__(self, desk: FakeDesk) -> None:
        self._desk = desk

    def list_many(
        self, ticket_ids: Iterable[str], *, concurrency: int | None = None, return_exceptions: bool = False
    ) -> Iterator[list[Comment] | Exception]:
        desk = self._desk
        desk.concurrency_asked.append(concurrency)
        for ticket_id in ticket_ids:
            desk.threads_served += 1
            index = int(ticket_id.removeprefix("t"))
            if desk.crash_at_thread == desk.threads_served:
                raise Crash(f"killed while fetching thread {desk.threads_served}")
            desk.requests += 1
            error: Exception | None = None
            if desk.fail_at_thread == desk.threads_served:
                error = APIConnectionError("fakedesk", "connection reset")
            elif index in desk.bad_threads:
                body = httpx.Response(200, text='{"parts": "not a list"}')
                error = ResponseValidationError("fakedesk", "comments.list", "parts: not a list", body)
            elif index in desk.gone_threads:
                response = httpx.Response(404, text='{"error": "no such ticket"}')
                error = NotFoundError("fakedesk", response, ErrorInfo(code="not_found", message="gone"), None)
            if error is None:
                yield thread(index)
            elif return_exceptions:
                yield error
            else:
                raise error
