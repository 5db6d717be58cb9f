"""Issue 14, item 3: `tickets.get_many` and `comments.list_many`, sync (a bounded thread pool) and async (at
most `concurrency` tasks): input order, requests in flight counted, a bounded look-ahead, `return_exceptions`,
and every argument checked at the call."""

from __future__ import annotations

import asyncio
import itertools
import random
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import DRIVE_SECONDS
from ticketkit.sandbox import Sandbox

CONCURRENCY = 3


def _ids(sandbox: Sandbox, count: int) -> list[str]:
    with ticketkit.connect(sandbox.vendor, **sandbox.connect_options()) as desk:
        made = []
        for number in range(count):
            made.append(desk.tickets.create(subject=f"Bulk {number}", requester_email=f"c{number}@example.com").id)
    return made


def run(mode: str, vendor: str, options: dict[str, Any], action: Any, take: int | None = None) -> list[Any]:
    """`action(desk)` gives an iterator (sync) or async iterator: its first `take` items (all by default)."""
    if mode == "sync":
        with ticketkit.connect(vendor, **options) as desk:
            results = action(desk)
            return list(itertools.islice(results, take)) if take is not None else list(results)

    async def go() -> list[Any]:
        async with ticketkit.connect_async(vendor, **options) as desk:
            out = []
            async for item in action(desk):
                out.append(item)
                if take is not None and len(out) >= take:
                    break
            return out

    return asyncio.run(asyncio.wait_for(go(), DRIVE_SECONDS))


def test_get_many_yields_in_input_order(mode: str) -> None:
    sandbox = Sandbox("intercom")
    ids = _ids(sandbox, 10)
    random.Random(7).shuffle(ids)
    got = run(mode, "intercom", sandbox.connect_options(), lambda d: d.tickets.get_many(ids, concurrency=4))
    assert [t.id for t in got] == ids


def test_list_many_yields_each_thread_in_input_order(mode: str) -> None:
    sandbox = Sandbox("intercom")
    ids = _ids(sandbox, 4)
    with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
        for count, ticket_id in enumerate(ids):
            for n in range(count):
                desk.comments.create(ticket_id, body=f"note {n}", internal=True)
    threads = run(mode, "intercom", sandbox.connect_options(), lambda d: d.comments.list_many(ids))
    with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
        expected = [[c.id for c in desk.comments.list(ticket_id)] for ticket_id in ids]
    assert [[c.id for c in thread] for thread in threads] == expected


class Counting:
    """A transport answering every GET from the sandbox, counting the requests in flight at once. The first
    CONCURRENCY requests wait for each other (a barrier): the helper must have them all out together."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0
        self.seen = 0
        self.barrier = threading.Barrier(CONCURRENCY, timeout=DRIVE_SECONDS)
        self.gathered = asyncio.Event()

    def _enter(self) -> int:
        with self.lock:
            self.now += 1
            self.seen += 1
            self.most = max(self.most, self.now)
            return self.seen

    def _leave(self) -> None:
        with self.lock:
            self.now -= 1

    def sync_handler(self, request: httpx.Request) -> httpx.Response:
        number = self._enter()
        try:
            if number <= CONCURRENCY:
                self.barrier.wait()
            return self.sandbox.app.handle(request)
        finally:
            self._leave()

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        number = self._enter()
        try:
            if number == CONCURRENCY:
                self.gathered.set()
            if number <= CONCURRENCY:
                await self.gathered.wait()
            await asyncio.sleep(0)
            return self.sandbox.app.handle(request)
        finally:
            self._leave()


def test_at_most_concurrency_requests_are_in_flight_and_that_many_are(mode: str) -> None:
    sandbox = Sandbox("intercom")
    ids = _ids(sandbox, 12)
    counting = Counting(sandbox)
    handler = counting.sync_handler if mode == "sync" else counting.async_handler
    options = {**sandbox.connect_options(), "transport": httpx.MockTransport(handler), "concurrency": CONCURRENCY}
    got = run(mode, "intercom", options, lambda d: d.tickets.get_many(ids))
    assert [t.id for t in got] == ids
    assert counting.most == CONCURRENCY and counting.seen == len(ids)


def test_an_endless_iterable_of_ids_is_read_only_a_few_ahead(mode: str) -> None:
    sandbox = Sandbox("intercom")
    [ticket_id] = _ids(sandbox, 1)
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        while True:
            pulled += 1
            yield ticket_id

    got = run(mode, "intercom", sandbox.connect_options(), lambda d: d.tickets.get_many(endless(), concurrency=4), 5)
    assert len(got) == 5 and 5 <= pulled <= 5 + 4


def test_return_exceptions_yields_each_failure_in_its_place(mode: str) -> None:
    sandbox = Sandbox("intercom")
    ids = _ids(sandbox, 3)
    asked = [ids[0], "999999", ids[1], "", ids[2]]
    got = run(mode, "intercom", sandbox.connect_options(), lambda d: d.tickets.get_many(asked, return_exceptions=True))
    assert [getattr(item, "id", None) for item in got] == [ids[0], None, ids[1], None, ids[2]]
    assert isinstance(got[1], ticketkit.NotFoundError)
    assert isinstance(got[3], ticketkit.InvalidArgumentError)


def test_without_return_exceptions_the_first_failure_raises_after_what_came_before(mode: str) -> None:
    sandbox = Sandbox("intercom")
    ids = _ids(sandbox, 2)
    yielded: list[Any] = []

    def action(desk: Any) -> Any:
        return desk.tickets.get_many([ids[0], "999999", ids[1]], concurrency=1)

    if mode == "sync":
        with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
            with pytest.raises(ticketkit.NotFoundError):
                for ticket in action(desk):
                    yielded.append(ticket)
    else:

        async def go() -> None:
            async with ticketkit.connect_async("intercom", **sandbox.connect_options()) as desk:
                async for ticket in action(desk):
                    yielded.append(ticket)

        with pytest.raises(ticketkit.NotFoundError):
            asyncio.run(go())
    assert [t.id for t in yielded] == [ids[0]]


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"ticket_ids": "1268"}, "iterable of ticket ids"),
        ({"ticket_ids": 1268}, "iterable of ticket ids"),
        ({"ticket_ids": ["1"], "concurrency": 0}, "concurrency"),
        ({"ticket_ids": ["1"], "concurrency": 1.5}, "concurrency"),
        ({"ticket_ids": ["1"], "return_exceptions": "yes"}, "return_exceptions"),
        ({"ticket_ids": ["1"], "max_retries": -1}, "max_retries"),
    ],
)
@pytest.mark.parametrize("helper", ["tickets.get_many", "comments.list_many"])
def test_bad_arguments_raise_at_the_call_with_nothing_sent(
    helper: str, keywords: dict[str, Any], message: str, mode: str
) -> None:
    sent: list[httpx.Request] = []
    options = {"token": "tok", "transport": httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(599))}
    group, name = helper.split(".")
    keywords = dict(keywords)
    ids = keywords.pop("ticket_ids")
    if mode == "sync":
        with ticketkit.connect("intercom", **options) as desk:
            with pytest.raises(ticketkit.InvalidArgumentError, match=message):
                getattr(getattr(desk, group), name)(ids, **keywords)
    else:

        async def go() -> None:
            async with ticketkit.connect_async("intercom", **options) as desk:
                getattr(getattr(desk, group), name)(ids, **keywords)

        with pytest.raises(ticketkit.InvalidArgumentError, match=message):
            asyncio.run(go())
    assert sent == []


def test_leaving_early_stops_the_pool(mode: str) -> None:
    """Two results taken of a hundred ids: the rest are never fetched (a few in flight may be)."""
    sandbox = Sandbox("intercom")
    [ticket_id] = _ids(sandbox, 1)
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        return sandbox.app.handle(request)

    options = {**sandbox.connect_options(), "transport": httpx.MockTransport(answer)}
    got = run(mode, "intercom", options, lambda d: d.tickets.get_many([ticket_id] * 100, concurrency=4), 2)
    assert len(got) == 2 and len(sent) <= 2 + 4
