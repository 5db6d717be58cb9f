"""Issue 14, item 3: the rate budget, sans-IO (`_budget.RateBudget` with made-up times and headers), and what
the desks show of it (`desk.rate_limit`), shared by every desk on one credential.

The budget against sandboxes that enforce their limit is in test_rate_budget_sandbox.py.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import threading

import httpx
import pytest
import ticketkit
from desk_support import Recorder, ok
from ticketkit._budget import POLL, RESET_MARGIN, RateBudget, budget_for

WALL = 1_767_225_600.0  # 2026-01-01T00:00:00Z: the made-up wall clock of these tests


def near(seconds: float) -> object:
    """A wait of about `seconds`: one that ends at a window's reset goes a few milliseconds past it."""
    return pytest.approx(seconds, abs=RESET_MARGIN + 0.001)


def headers(limit: int, remaining: int, reset: float) -> dict[str, str]:
    """Intercom's rate-limit headers (the reset a Unix time)."""
    return {
        "x-ratelimit-limit": str(limit),
        "x-ratelimit-remaining": str(remaining),
        "x-ratelimit-reset": f"{reset:.0f}",
    }


def answered(budget: RateBudget, now: float, status: int = 200, said: dict[str, str] | None = None) -> None:
    """One request sent at `now` and its answer read at once."""
    assert budget.reserve(now) == 0.0
    budget.observe(status, httpx.Headers(said or {}), now, wall=WALL + now)


def test_without_rate_limit_headers_requests_are_not_paced() -> None:
    budget = RateBudget()
    assert [budget.reserve(0.0) for _ in range(5)] == [0.0] * 5  # nothing known yet
    budget.observe(200, httpx.Headers(), 0.0, wall=WALL)
    assert [budget.reserve(0.0) for _ in range(5)] == [0.0] * 5  # no rate-limit headers: no pacing of ours


def test_what_remains_is_spread_over_what_is_left_of_the_window() -> None:
    budget = RateBudget()
    answered(budget, 0.0, said=headers(100, 4, WALL + 2))  # 4 left for 2 s: one every 0.5 s
    assert budget.reserve(0.0) == near(0.5)
    assert budget.reserve(0.5) == 0.0
    # 3 left (the vendor's 4, less one in flight), 1.5 s to go: the next 0.5 s after the last.
    assert budget.reserve(0.5) == near(0.5)


def test_with_nothing_left_requests_wait_for_the_reset_then_probe_the_new_window() -> None:
    budget = RateBudget()
    answered(budget, 0.0, said=headers(10, 0, WALL + 3))
    assert budget.reserve(0.0) == near(3.0)
    assert budget.reserve(3.0) == 0.0  # the probe of the new window
    assert budget.reserve(3.0) == near(POLL)  # the rest wait for what it answers
    budget.observe(200, httpx.Headers(headers(10, 9, WALL + 6)), 3.0, wall=WALL + 3)
    assert budget.reserve(3.0) == near(3 / 9)  # known again: 9 spread over 3 s


def test_requests_in_flight_count_against_what_remains() -> None:
    budget = RateBudget()
    answered(budget, 0.0, said=headers(10, 2, WALL + 1))
    assert budget.reserve(0.0) == 0.0 or budget.reserve(0.5) == 0.0
    assert budget.reserve(0.6) == 0.0 or budget.reserve(0.9) == 0.0
    # Two in flight, two remained: the next waits for the reset even though no answer has come back.
    assert budget.reserve(0.95) == near(0.05)


def test_an_answer_that_arrives_late_does_not_raise_what_remains() -> None:
    budget = RateBudget()
    answered(budget, 0.0, said=headers(10, 5, WALL + 10))
    budget.reserve(1.0)
    budget.reserve(2.0)
    budget.observe(200, httpx.Headers(headers(10, 3, WALL + 10)), 2.1, wall=WALL + 2.1)
    budget.observe(200, httpx.Headers(headers(10, 4, WALL + 10)), 2.2, wall=WALL + 2.2)  # the older answer
    assert budget.status(2.2).remaining == 3


def test_a_429_holds_every_sharer_until_its_retry_after() -> None:
    budget = RateBudget()
    answered(budget, 0.0)
    assert budget.reserve(1.0) == 0.0
    budget.observe(429, httpx.Headers({"retry-after": "4"}), 1.0, wall=WALL + 1)
    assert budget.reserve(1.0) == near(4.0)  # anyone else waits
    assert budget.reserve(1.0, waited_until=5.0) == 0.0  # the one that got the 429 slept in its own retry
    assert budget.status(5.0).throttled == 1


@pytest.mark.parametrize(
    ("said", "hold"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "Thu, 01 Jan 2026 00:00:08 GMT"}, 7.0),  # an HTTP date, 7 s after the answer
        (headers(10, 0, WALL + 6), 5.0),  # Intercom's 429 carries only its reset
    ],
)
def test_the_hold_after_a_429_reads_every_form_of_wait(said: dict[str, str], hold: float) -> None:
    budget = RateBudget()
    answered(budget, 0.0)
    budget.reserve(1.0)
    budget.observe(429, httpx.Headers(said), 1.0, wall=WALL + 1)
    assert budget.reserve(1.0) == near(hold)


def test_the_ietf_draft_headers_give_the_reset_in_seconds() -> None:
    budget = RateBudget()
    said = {"ratelimit-limit": "50", "ratelimit-remaining": "10", "ratelimit-reset": "20"}
    answered(budget, 0.0, said=said)
    status = budget.status(0.0)
    assert (status.limit, status.remaining) == (50, 10)
    assert status.reset == dt.datetime.fromtimestamp(WALL + 20, dt.UTC)
    assert budget.reserve(0.0) == near(2.0)  # 10 left for 20 s


def test_a_server_clock_an_hour_off_is_read_through_its_date_header() -> None:
    """Intercom's reset is a Unix time by the server's clock: with the server's Date an hour ahead of ours,
    the window's end is read from its Date, not ours."""
    budget = RateBudget()
    served = WALL + 3600
    said = {**headers(10, 0, served + 4), "date": email.utils.formatdate(served, usegmt=True)}
    answered(budget, 0.0, said=said)
    assert budget.reserve(0.0) == near(4.0)


def test_a_rate_caps_a_vendor_without_headers() -> None:
    budget = RateBudget(rate=5)
    answered(budget, 0.0)
    assert budget.reserve(0.0) == near(0.2)
    assert budget.reserve(0.2) == 0.0
    assert budget.reserve(0.2) == near(0.2)


def test_the_status_counts_requests_429s_and_waits() -> None:
    budget = RateBudget(rate=10)
    answered(budget, 0.0)
    budget.reserve(0.0)  # waits 0.1
    budget.reserve(0.1)
    budget.observe(429, httpx.Headers({"retry-after": "1"}), 0.1, wall=WALL)
    status = budget.status(0.2)
    assert (status.requests, status.throttled) == (2, 1)
    assert status.waited == near(0.1)
    assert status.limit is None and status.remaining is None and status.reset is None


def test_a_budget_is_thread_safe() -> None:
    """Eight threads reserve and observe 500 times each: every request is counted, none left in flight."""
    budget = RateBudget()
    answered(budget, 0.0)

    def work() -> None:
        for _ in range(500):
            while budget.reserve(0.0) > 0:
                pass
            budget.observe(200, httpx.Headers(), 0.0, wall=WALL)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert budget.status(0.0).requests == 1 + 8 * 500
    assert budget.reserve(0.0) == 0.0  # nothing left counted in flight


def test_one_budget_per_credential_and_origin() -> None:
    first = budget_for("intercom", "https://api.intercom.io/", ("tok",), None)
    assert budget_for("intercom", "https://API.intercom.io", ("tok",), None) is first
    assert budget_for("intercom", "https://api.intercom.io", ("other",), None) is not first
    assert budget_for("intercom", "https://api.eu.intercom.io", ("tok",), None) is not first
    assert budget_for("routera", "https://api.intercom.io", ("tok",), None) is not first
    assert budget_for("intercom", "https://api.intercom.io", ("tok",), 3.0).rate == 3.0 == first.rate


# -- through the desks --------------------------------------------------------------------------------------

LIST_PAGE = {"type": "ticket.list", "tickets": [], "total_count": 0, "pages": {"type": "pages"}}


def test_desk_rate_limit_shows_intercoms_headers(mode: str) -> None:
    reset = int(dt.datetime.now(dt.UTC).timestamp()) + 30
    recorder = Recorder(answer=ok(LIST_PAGE, **headers(10_000, 9_876, reset)))
    options = {"token": "tok", "transport": httpx.MockTransport(recorder)}
    if mode == "sync":
        with ticketkit.connect("intercom", **options) as desk:
            assert desk.rate_limit.limit is None  # nothing heard yet
            list(desk.tickets.list())
            status = desk.rate_limit
    else:

        async def go() -> ticketkit.RateLimitStatus:
            async with ticketkit.connect_async("intercom", **options) as desk:
                [t async for t in desk.tickets.list()]
                return desk.rate_limit

        status = asyncio.run(go())
    assert (status.limit, status.remaining, status.requests, status.throttled) == (10_000, 9_876, 1, 0)
    assert status.reset == dt.datetime.fromtimestamp(reset, dt.UTC)
    assert isinstance(status, ticketkit.RateLimitStatus) and "RateLimitStatus" in ticketkit.__all__


def test_sync_and_async_desks_on_one_credential_share_one_budget() -> None:
    recorder = Recorder(answer=ok(LIST_PAGE))
    sync_desk = ticketkit.connect("intercom", token="tok", transport=httpx.MockTransport(recorder))
    other_token = ticketkit.connect("intercom", token="another", transport=httpx.MockTransport(recorder))

    async def go() -> None:
        async with ticketkit.connect_async("intercom", token="tok", transport=httpx.MockTransport(recorder)) as desk:
            [t async for t in desk.tickets.list()]

    with sync_desk, other_token:
        list(sync_desk.tickets.list())
        asyncio.run(go())
        assert sync_desk.rate_limit.requests == 2
        assert other_token.rate_limit.requests == 0


def test_a_429_is_retried_under_the_budget_and_counted(waits: list[float]) -> None:
    busy = ok({"type": "error.list", "errors": [{"code": "rate_limit_exceeded", "message": "slow"}]}, 429)
    busy.headers["retry-after"] = "2"
    recorder = Recorder().on("POST", "/tickets/search", busy, ok(LIST_PAGE))
    with ticketkit.connect("intercom", token="tok", transport=recorder.transport, max_retries=2) as desk:
        assert list(desk.tickets.list()) == []
        status = desk.rate_limit
    assert waits == [2.0]  # the retry's own wait; the budget's hold ended with it
    assert (status.requests, status.throttled) == (2, 1)


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), "5", True])
def test_connect_refuses_a_bad_rate_limit(value: object) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="rate_limit"):
        ticketkit.connect("intercom", token="tok", rate_limit=value)


@pytest.mark.parametrize("value", [0, -1, 1.5, "8", True, 10_000])
def test_connect_refuses_a_bad_concurrency(value: object) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="concurrency"):
        ticketkit.connect("intercom", token="tok", concurrency=value)


def test_a_wait_past_max_retry_wait_is_not_waited_the_vendor_answers(waits: list[float]) -> None:
    """Remaining 0 and a reset an hour away: the budget does not hold the call an hour; the request goes and the
    vendor's 429 is the caller's RateLimitError."""
    reset = int(dt.datetime.now(dt.UTC).timestamp()) + 3600
    busy = ok({"type": "error.list", "errors": [{"code": "rate_limit_exceeded", "message": "slow"}]}, 429)
    busy.headers.update(headers(1, 0, reset))
    recorder = Recorder().on("POST", "/tickets/search", ok(LIST_PAGE, **headers(1, 0, reset)), busy)
    with ticketkit.connect("intercom", token="tok", transport=recorder.transport, max_retries=0) as desk:
        list(desk.tickets.list())
        with pytest.raises(ticketkit.RateLimitError) as refused:
            list(desk.tickets.list())
    assert waits == [] and len(recorder.requests) == 2
    assert refused.value.retry_after == near(3600) or refused.value.retry_after > 3500
