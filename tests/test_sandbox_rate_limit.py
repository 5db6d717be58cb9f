"""The sandbox's rate limit, `Date`, clock skew and counts: in-process, on loopback, and from the CLI.

Desks and served sandboxes come from ticketkit's own pytest plugin (`ticketkit_desk`, `ticketkit_server`),
as a user's tests would take them; each records what it was sent (`.requests`).

Windows are fixed and shared by every request of a sandbox. Tests that count within one window either drive the
`Limiter` with a clock of their own or use a window of a day, so no test depends on how fast it runs.
"""

from __future__ import annotations

import email.utils
import http.client
import math
import threading
import time
from typing import Any

import httpx
import pytest
import ticketkit
from loopback import cli_serving
from support import VENDORS
from ticketkit import _registry as registry
from ticketkit.cli import main
from ticketkit.pytest_plugin import DeskFactory, ServerFactory
from ticketkit.sandbox import Faults, RateLimit, Sandbox
from ticketkit.sandbox._limits import Limiter

DAY = 86400.0
INTERCOM_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


def raw(sandbox: Sandbox) -> httpx.Client:
    """A plain client on the sandbox's transport: every answer as sent, 429s included (no retries)."""
    return httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url)


def over_the_limit(vendor: str, **options: Any) -> tuple[Sandbox, list[httpx.Response]]:
    """Three requests against a limit of two a day: two answered, the third refused."""
    sandbox = Sandbox(vendor, rate_limit=RateLimit(2, per=DAY), **options)
    with raw(sandbox) as http:
        return sandbox, [http.get("/no-such-route") for _ in range(3)]


# -- RateLimit ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (5, RateLimit(5, 1.0)),
        (5.0, RateLimit(5, 1.0)),
        (0.5, RateLimit(1, 2.0)),
        (RateLimit(600, 60), RateLimit(600, 60)),
    ],
)
def test_a_number_is_requests_a_second(given: Any, expected: RateLimit) -> None:
    assert RateLimit.of(given) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("100", RateLimit(100)), ("600/60", RateLimit(600, 60)), ("3/0.5", RateLimit(3, 0.5))]
)
def test_the_cli_form_is_r_or_r_slash_seconds(text: str, expected: RateLimit) -> None:
    assert RateLimit.parse(text) == expected


@pytest.mark.parametrize("text", ["", "x", "0", "-1", "5/", "5/0", "5/-1", "1.5", "5/x"])
def test_a_malformed_limit_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        RateLimit.parse(text)


@pytest.mark.parametrize("given", [0, -1, True, float("nan"), float("inf"), "5"])
def test_an_impossible_limit_is_refused(given: Any) -> None:
    with pytest.raises(ValueError):
        Sandbox("ankra", rate_limit=given)


# -- the windows, on a clock of the test's own ----------------------------------------------------------------


class Clock:
    def __init__(self, wall: float) -> None:
        self.monotonic_now = 1000.0
        self.wall_at_start = wall

    def monotonic(self) -> float:
        return self.monotonic_now

    def wall(self) -> float:
        return self.wall_at_start + self.monotonic_now - 1000.0


def test_fixed_windows_admit_the_limit_then_refuse_until_the_wall_clock_multiple() -> None:
    clock = Clock(wall=1_800_000_007.25)  # 2.75 s before a multiple of 10
    limiter = Limiter(RateLimit(3, per=10), monotonic=clock.monotonic, wall=clock.wall)
    first = [limiter.admit() for _ in range(3)]
    assert [a.allowed for a in first] == [True, True, True]
    assert [a.remaining for a in first] == [2, 1, 0]
    assert {a.reset for a in first} == {1_800_000_010.0}
    refused = limiter.admit()
    assert not refused.allowed and refused.remaining == 0
    assert refused.retry_after == pytest.approx(2.75)
    clock.monotonic_now += 2.0  # 0.75 s left: still refused, and a refusal does not use the window up
    assert limiter.admit().retry_after == pytest.approx(0.75)
    clock.monotonic_now += 0.75  # the next window
    again = limiter.admit()
    assert again.allowed and again.remaining == 2 and again.reset == 1_800_000_020.0


def test_the_busiest_window_counts_by_the_limiters_own_windows() -> None:
    clock = Clock(wall=1_800_000_000.0)
    limiter = Limiter(RateLimit(2, per=1), monotonic=clock.monotonic, wall=clock.wall)
    # 0.9 and 1.1 are 0.2 s apart but in different windows; 1.1, 1.5 and 1.99 share one.
    assert limiter.busiest_window([1000.9, 1001.1, 1001.5]) == 2
    assert limiter.busiest_window([1000.9, 1001.1, 1001.5, 1001.99]) == 3
    assert limiter.busiest_window([]) == 0


# -- each vendor's 429 --------------------------------------------------------------------------------------------


def test_intercom_sends_its_rate_limit_headers_on_every_answer_and_its_error_list() -> None:
    _, responses = over_the_limit("intercom")
    assert [r.status_code for r in responses] == [404, 404, 429]
    assert [r.headers["x-ratelimit-limit"] for r in responses] == ["2", "2", "2"]
    assert [r.headers["x-ratelimit-remaining"] for r in responses] == ["1", "0", "0"]
    resets = {int(r.headers["x-ratelimit-reset"]) for r in responses}
    assert len(resets) == 1 and resets.pop() % int(DAY) == 0  # the window's end, in whole Unix seconds
    body = responses[2].json()
    assert body["type"] == "error.list" and [e["code"] for e in body["errors"]] == ["rate_limit_exceeded"]
    assert "retry-after" not in responses[2].headers  # Intercom documents the X-RateLimit-* headers only


def test_intercom_answers_that_succeed_carry_the_headers_too(ticketkit_desk: DeskFactory) -> None:
    desk = ticketkit_desk("intercom", sandbox_options={"rate_limit": RateLimit(100, per=DAY)})
    list(desk.tickets.list(limit=1))
    sandbox = ticketkit_desk.sandbox
    ticketkit_desk.requests.assert_sent("POST", "/tickets/search", times=1)
    with raw(sandbox) as http:
        response = http.get("/tickets/1", headers={"Authorization": f"Bearer {sandbox.app.token}"})
    assert response.status_code in (200, 404)
    assert int(response.headers["x-ratelimit-remaining"]) == 100 - sandbox.stats.requests


@pytest.mark.parametrize("vendor", [v for v in VENDORS if v != "intercom"])
def test_the_other_vendors_send_retry_after_and_their_own_error_body(vendor: str) -> None:
    sandbox, responses = over_the_limit(vendor)
    assert [r.status_code for r in responses[:2]] != [429, 429]
    refused = responses[2]
    assert refused.status_code == 429
    retry_after = int(refused.headers["retry-after"])  # whole seconds
    assert 1 <= retry_after <= DAY
    assert not any(name.startswith("x-ratelimit") for r in responses for name in r.headers)
    # The vendor's error body: the same shape its fake answers any other error with.
    other_error = sandbox.app.error(400, "x", "y").json()
    assert set(refused.json()) == set(other_error)


def test_retry_after_is_rounded_up_to_whole_seconds() -> None:
    clock = Clock(wall=1_800_000_000.2)  # 2.8 s before the window of 3 s ends
    sandbox = Sandbox("ankra", rate_limit=RateLimit(1, per=3))
    sandbox.limiter = Limiter(RateLimit(1, per=3), monotonic=clock.monotonic, wall=clock.wall)
    with raw(sandbox) as http:
        responses = [http.get("/x") for _ in range(2)]
    assert responses[1].status_code == 429 and responses[1].headers["retry-after"] == "3"  # never 2


def test_a_refused_request_never_reaches_the_fake() -> None:
    sandbox = Sandbox("routera", rate_limit=RateLimit(1, per=DAY))
    headers = {"Authorization": f"Bearer {sandbox.app.token}"}
    fields = {"ticket_name": "n", "pipeline": "default", "ticket_stage": "new"}
    before = len(sandbox.app.store.tickets)
    with raw(sandbox) as http:
        assert http.get("/tickets", headers=headers).status_code == 200
        refused = http.post("/tickets", headers=headers, json={"fields": fields})
    assert refused.status_code == 429
    assert len(sandbox.app.store.tickets) == before
    assert sandbox.stats.requests == 2 and sandbox.stats.throttled == 1 and len(sandbox.stats.accepted) == 1


# -- the desk behind the limit ----------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_desk_that_exceeds_the_limit_sees_the_vendors_rate_limit_error(
    vendor: str, ticketkit_desk: DeskFactory
) -> None:
    entry = registry.get(vendor)
    options = {"rate_limit": RateLimit(1, per=DAY)}
    desk = ticketkit_desk(vendor, sandbox_options=options, **entry.demo_options, max_retries=0)
    with pytest.raises(ticketkit.RateLimitError) as refused:
        for _ in range(3):
            list(desk.tickets.list(limit=1))
    assert refused.value.status_code == 429
    assert ticketkit_desk.sandbox.stats.throttled == 1
    # The one request the window allowed was answered; the next, refused, was the last sent (no retries).
    assert [sent.status for sent in ticketkit_desk.requests][-1] == 429
    assert [sent.status for sent in ticketkit_desk.requests].count(429) == 1


# -- shared by in-process and loopback; exact under concurrency ----------------------------------------------------


def test_the_loopback_server_and_the_transport_share_one_window(ticketkit_server: ServerFactory) -> None:
    served = ticketkit_server("tickiti", rate_limit=RateLimit(3, per=DAY))
    sandbox = served.sandbox
    with httpx.Client(base_url=served.base_url) as loopback, raw(sandbox) as in_process:
        statuses = [loopback.get("/x").status_code, in_process.get("/x").status_code]
        statuses += [loopback.get("/x").status_code, in_process.get("/x").status_code]
    assert statuses[:3] != [429] * 3 and 429 not in statuses[:3] and statuses[3] == 429
    assert sandbox.stats.requests == 4 and sandbox.stats.throttled == 1
    # One log for both ways in, in the order answered; the served sub-path is stripped from each path.
    assert [(sent.path, sent.status) for sent in served.requests] == [("/x", status) for status in statuses]


def test_concurrent_clients_on_loopback_never_get_more_than_the_limit_in_any_window(
    ticketkit_server: ServerFactory,
) -> None:
    limit = RateLimit(20, per=0.2)
    served = ticketkit_server("ankra", rate_limit=limit)
    sandbox = served.sandbox
    statuses: list[int] = []
    lock = threading.Lock()

    def hammer() -> None:
        with httpx.Client(base_url=served.base_url) as http:
            for _ in range(40):
                status = http.get("/x").status_code
                with lock:
                    statuses.append(status)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(sent.status or 0 for sent in served.requests) == sorted(statuses)  # the log misses none
    stats = sandbox.stats
    assert stats.requests == len(statuses) == 320
    assert stats.throttled == statuses.count(429) and stats.throttled + len(stats.accepted) == 320
    assert statuses.count(429) > 0  # 320 requests cannot all fit: the limit was reached
    assert 0 < sandbox.busiest_window() <= limit.requests


# -- stats ------------------------------------------------------------------------------------------------------


def test_stats_count_answers_429s_and_accepted_times_and_reset() -> None:
    sandbox = Sandbox("ankra", faults=Faults(rate_limit_rate=1.0))
    with raw(sandbox) as http:
        http.get("/x")
        http.get("/x")
    assert sandbox.stats.requests == 2 and sandbox.stats.throttled == 2  # injected 429s are 429s sent too
    assert len(sandbox.stats.accepted) == 2  # no rate limit: every request is accepted
    assert sandbox.busiest_window() == 0  # no windows without a limit
    sandbox.stats.reset()
    assert (sandbox.stats.requests, sandbox.stats.throttled, sandbox.stats.accepted) == (0, 0, [])


def test_a_dropped_connection_is_no_answer() -> None:
    sandbox = Sandbox("ankra", faults=Faults(drop_rate=1.0))
    with raw(sandbox) as http, pytest.raises(httpx.RemoteProtocolError):
        http.get("/x")
    assert sandbox.stats.requests == 0 and len(sandbox.stats.accepted) == 1


def test_stats_from_many_threads_in_process_add_up() -> None:
    sandbox = Sandbox("routera", demo=False)

    def requests() -> None:
        with raw(sandbox) as http:
            for _ in range(50):
                http.get("/x")

    threads = [threading.Thread(target=requests) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sandbox.stats.requests == len(sandbox.stats.accepted) == 400


# -- Date and clock skew ----------------------------------------------------------------------------------------


def _date(response: httpx.Response) -> float:
    return email.utils.parsedate_to_datetime(response.headers["date"]).timestamp()


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_answer_in_process_carries_date(vendor: str) -> None:
    sandbox = Sandbox(vendor, faults=Faults(error_rate=0.5, rate_limit_rate=0.2, seed=1))
    before = math.floor(time.time())
    with raw(sandbox) as http:
        responses = [http.get("/x") for _ in range(10)]
    after = time.time()
    assert {r.status_code for r in responses} >= {429, 404}
    assert all(before <= _date(r) <= after for r in responses)


def test_the_served_sandbox_sends_one_date_its_own(ticketkit_server: ServerFactory) -> None:
    served = ticketkit_server("intercom", clock_skew=3600.0)
    host, port = served.base_url.split("//")[1].split(":")
    connection = http.client.HTTPConnection(host, int(port))
    connection.request("GET", "/tickets/1")
    response = connection.getresponse()
    dates = [value for name, value in response.getheaders() if name.lower() == "date"]
    response.read()
    connection.close()
    assert len(dates) == 1
    shifted = email.utils.parsedate_to_datetime(dates[0]).timestamp() - time.time()
    assert 3500 < shifted <= 3601


@pytest.mark.parametrize("vendor", VENDORS)
def test_clock_skew_shifts_the_times_written_and_date(vendor: str, ticketkit_desk: DeskFactory) -> None:
    skew = 3 * 3600.0
    entry = registry.get(vendor)
    requester = "requester@example.com" if entry.takes_requester else None
    desk = ticketkit_desk(vendor, sandbox_options={"clock_skew": skew}, **entry.demo_options)
    description = "The printer on the third floor has been on fire since Monday morning."  # Ankra's review
    ticket = desk.tickets.create(subject="Skewed", description=description, requester_email=requester)
    sandbox = ticketkit_desk.sandbox
    written = ticket.updated_at.timestamp() - time.time()
    assert skew - 60 < written <= skew + 1
    with raw(sandbox) as http:
        assert skew - 60 < _date(http.get("/x")) - time.time() <= skew + 1


def test_intercom_reset_follows_the_skewed_clock() -> None:
    _, responses = over_the_limit("intercom", clock_skew=DAY)
    reset = int(responses[0].headers["x-ratelimit-reset"])
    assert reset > time.time() + DAY - 1  # a day later than the unskewed window's end would be


def test_clock_skew_must_be_a_number() -> None:
    with pytest.raises(ValueError):
        Sandbox("ankra", clock_skew=float("nan"))


# -- the CLI ------------------------------------------------------------------------------------------------------


def test_sandbox_serve_takes_a_rate_limit() -> None:
    with cli_serving("routera", "--rate-limit", "2/86400") as url, httpx.Client(base_url=url) as http:
        statuses = [http.get("/x").status_code for _ in range(3)]
        refused = http.get("/x")
    assert statuses[:2] == [404, 404] and statuses[2] == 429
    assert refused.json() == {"message": refused.json()["message"], "error": True}
    assert 1 <= int(refused.headers["retry-after"]) <= 86400


@pytest.mark.parametrize("value", ["x", "0", "5/0"])
def test_sandbox_serve_refuses_a_malformed_rate_limit(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "serve", "ankra", "--rate-limit", value]) == 2
    assert "--rate-limit" in capsys.readouterr().err


def test_sandbox_serve_takes_a_clock_skew() -> None:
    with cli_serving("ankra", "--rate-limit", "5", "--clock-skew", "3600") as url:
        response = httpx.get(url + "/api/v1/org/support/tickets", headers={"Authorization": "Bearer sandbox-token"})
    assert response.status_code == 200
    assert 3500 < _date(response) - time.time() <= 3601
