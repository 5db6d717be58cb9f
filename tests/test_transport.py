"""The transport policy, to the attempt: retries, waits, per-call options, logging, security, downloads.

No test sleeps for real: `time.sleep` and `asyncio.sleep` inside the transport are replaced by recorders.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, async_desk, drive, ok, sync_desk
from support import load_fixture
from ticketkit import _transport

ROUTERA = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
TID = ROUTERA["id"]
TICKITI_SHOW = load_fixture("tickiti/show-ticket-thread.json")
TICKITI = "https://support.example.com"
SECRET = "tok-SECRET-value-42"
RETRIED = sorted(_transport.RETRY_STATUSES)
NOT_RETRIED = [400, 401, 403, 404, 409, 422, 418]


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the sync transport asked for, without waiting."""
    waited: list[float] = []
    monkeypatch.setattr(_transport.time, "sleep", waited.append)
    return waited


def failing(status: int, times: int, then: httpx.Response | None = None, **headers: str) -> list[httpx.Response]:
    answers = [ok({"message": "busy", "error": True}, status=status, **headers) for _ in range(times)]
    return answers + ([then] if then is not None else [])


# -- how many attempts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("max_retries", [0, 1, 2, 3])
@pytest.mark.parametrize("status", RETRIED)
def test_a_safe_read_is_attempted_max_retries_plus_one_times(
    status: int, max_retries: int, sleeps: list[float]
) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(status, 10))
    with (
        sync_desk("routera", script, max_retries=max_retries) as desk,
        pytest.raises(ticketkit.APIStatusError),
    ):
        desk.tickets.get(TID)
    assert len(script.requests) == max_retries + 1
    assert len(sleeps) == max_retries


@pytest.mark.parametrize("status", NOT_RETRIED)
def test_other_client_errors_are_never_retried(status: int, sleeps: list[float]) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(status, 3))
    with sync_desk("routera", script, max_retries=3) as desk, pytest.raises(ticketkit.APIStatusError):
        desk.tickets.get(TID)
    assert len(script.requests) == 1 and sleeps == []


@pytest.mark.parametrize("status", RETRIED)
def test_a_read_that_recovers_within_the_budget_succeeds(status: int, sleeps: list[float]) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(status, 2, then=ok(ROUTERA)))
    with sync_desk("routera", script, max_retries=2) as desk:
        assert desk.tickets.get(TID).id == TID
    assert len(script.requests) == 3


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
@pytest.mark.parametrize(
    ("vendor", "method", "path", "create"),
    [
        ("routera", "POST", "/tickets", lambda d: d.tickets.create(subject="s")),
        (
            "ankra",
            "POST",
            "/api/v1/org/support/tickets",
            lambda d: d.tickets.create(subject="s", description="d"),
        ),
        ("intercom", "POST", "/tickets/1/reply", lambda d: d.comments.create("1", body="hi", admin_id="7")),
    ],
)
def test_a_create_that_may_have_arrived_is_not_sent_twice(
    vendor: str, method: str, path: str, create: Callable[[Any], Any], status: int, sleeps: list[float]
) -> None:
    script = Recorder().on(method, path, *failing(status, 3))
    with sync_desk(vendor, script, max_retries=3) as desk, pytest.raises(ticketkit.APIStatusError) as caught:
        create(desk)
    assert caught.value.status_code == status
    assert len(script.requests) == 1 and sleeps == []


@pytest.mark.parametrize("max_retries", [0, 1, 2, 3])
def test_a_create_is_retried_on_429_which_the_vendor_did_not_act_on(max_retries: int, sleeps: list[float]) -> None:
    script = Recorder().on("POST", "/tickets", *failing(429, 10))
    with (
        sync_desk("routera", script, max_retries=max_retries) as desk,
        pytest.raises(ticketkit.RateLimitError),
    ):
        desk.tickets.create(subject="s")
    assert len(script.requests) == max_retries + 1


def test_a_create_whose_connection_failed_before_sending_is_retried(sleeps: list[float]) -> None:
    attempts: list[httpx.Request] = []

    def refuse_then_accept(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        if len(attempts) < 3:
            raise httpx.ConnectError("refused", request=request)
        return ok(ROUTERA, status=201)

    with ticketkit.connect("routera", token="t", transport=httpx.MockTransport(refuse_then_accept)) as desk:
        assert desk.tickets.create(subject="s").id == TID
    assert len(attempts) == 3


@pytest.mark.parametrize("error", [httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError])
def test_a_create_whose_answer_was_lost_is_not_resent(error: type[httpx.HTTPError], sleeps: list[float]) -> None:
    attempts: list[httpx.Request] = []

    def lose_answer(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise error("lost", request=request)

    with ticketkit.connect("routera", token="t", transport=httpx.MockTransport(lose_answer)) as desk:
        with pytest.raises(ticketkit.APIConnectionError):
            desk.tickets.create(subject="s")
    assert len(attempts) == 1


@pytest.mark.parametrize("max_retries", [0, 1, 2, 3])
@pytest.mark.parametrize("error", [httpx.ReadTimeout, httpx.ConnectTimeout, httpx.ReadError, httpx.ConnectError])
def test_a_read_is_retried_after_network_failures(
    error: type[httpx.HTTPError], max_retries: int, sleeps: list[float]
) -> None:
    attempts: list[httpx.Request] = []

    def fail(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise error("down", request=request)

    transport = httpx.MockTransport(fail)
    with ticketkit.connect("routera", token="t", max_retries=max_retries, transport=transport) as desk:
        expected = (
            ticketkit.APITimeoutError if issubclass(error, httpx.TimeoutException) else ticketkit.APIConnectionError
        )
        with pytest.raises(expected):
            desk.tickets.get(TID)
    assert len(attempts) == max_retries + 1


def test_a_tickiti_write_is_retried_with_the_same_idempotency_key(sleeps: list[float]) -> None:
    created = ok({"ok": True, "data": {"ticket": {"number": 220014}}})
    script = (
        Recorder()
        .on("POST", "/api/v1/tickets", *failing(503, 2, then=created))
        .on("POST", "/api/v1/tickets/show", ok(TICKITI_SHOW))
    )
    with sync_desk("tickiti", script, base_url=TICKITI, max_retries=2) as desk:
        desk.tickets.create(subject="Sizing", description="Too small", requester_email="ana@example.com")
    creates = [r for r in script.requests if r.url.path == "/api/v1/tickets"]
    keys = {r.headers["idempotency-key"] for r in creates}
    assert len(creates) == 3 and len(keys) == 1


# -- how long to wait --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "2", "retry-after-ms": "250"}, 0.25),
    ],
)
def test_the_vendor_asked_wait_is_used(headers: dict[str, str], expected: float, sleeps: list[float]) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(429, 1, then=ok(ROUTERA), **headers))
    with sync_desk("routera", script, max_retries=1) as desk:
        desk.tickets.get(TID)
    assert sleeps == [expected]


def test_retry_after_as_an_http_date(sleeps: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 20, usegmt=True)
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(503, 1, then=ok(ROUTERA), **{"retry-after": when}))
    with sync_desk("routera", script, max_retries=1) as desk:
        desk.tickets.get(TID)
    assert len(sleeps) == 1 and 15 < sleeps[0] <= 20


def test_intercom_rate_limit_reset_is_used(sleeps: list[float]) -> None:
    reset = str(int(time.time()) + 30)
    body = {
        "type": "error.list",
        "request_id": None,
        "errors": [{"code": "rate_limit_exceeded", "message": "slow"}],
    }
    thread = load_fixture("intercom/ticket-thread.json")
    ticket = thread.get("value", thread)
    script = Recorder().on(
        "GET",
        "/tickets/1268",
        ok(body, status=429, **{"X-RateLimit-Reset": reset, "X-RateLimit-Remaining": "0"}),
        ok(ticket),
    )
    with sync_desk("intercom", script, max_retries=1) as desk:
        desk.tickets.get("1268")
    assert len(sleeps) == 1 and 25 < sleeps[0] <= 31


def test_a_wait_above_the_cap_is_raised_at_once(sleeps: list[float]) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(429, 3, **{"retry-after": "120"}))
    with (
        sync_desk("routera", script, max_retries=3, max_retry_wait=60) as desk,
        pytest.raises(ticketkit.RateLimitError) as caught,
    ):
        desk.tickets.get(TID)
    assert caught.value.retry_after == 120.0
    assert len(script.requests) == 1 and sleeps == []


def test_backoff_doubles_from_half_a_second_with_jitter_and_a_cap(sleeps: list[float]) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(500, 4, then=ok(ROUTERA)))
    with sync_desk("routera", script, max_retries=4) as desk:
        desk.tickets.get(TID)
    bounds = [(0.375, 0.5), (0.75, 1.0), (1.5, 2.0), (3.0, 4.0)]
    assert all(low <= wait <= high for wait, (low, high) in zip(sleeps, bounds, strict=True)), sleeps
    assert all(6.0 <= _transport.backoff(n) <= 8.0 for n in range(4, 12))


def test_async_waits_do_not_block_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two requests that each wait 1 s wait together: both waits start before either ends."""
    events: list[tuple[str, float]] = []
    real_sleep = asyncio.sleep

    async def recording_sleep(seconds: float) -> None:
        events.append(("start", seconds))
        await real_sleep(0.01)  # stands for the second: yields to the loop as a real wait would
        events.append(("end", seconds))

    def blocking_sleep(seconds: float) -> None:
        raise AssertionError("the async desk must not call time.sleep")

    monkeypatch.setattr(_transport.asyncio, "sleep", recording_sleep)
    monkeypatch.setattr(_transport.time, "sleep", blocking_sleep)
    script = Recorder().on(
        "GET",
        f"/tickets/{TID}",
        *failing(429, 2, **{"retry-after": "1"}),
        ok(ROUTERA),
        ok(ROUTERA),
    )

    # Two credentials: on one, the rate budget would hold the second request until the first 429's wait ended
    # instead of sending it into another 429 (test_rate_budget.py).
    async def go() -> list[ticketkit.Ticket]:
        async with (
            async_desk("routera", script, max_retries=1, token="tok-a") as first,
            async_desk("routera", script, max_retries=1, token="tok-b") as second,
        ):
            return await asyncio.gather(first.tickets.get(TID), second.tickets.get(TID))

    assert len(asyncio.run(go())) == 2
    assert [kind for kind, _ in events] == ["start", "start", "end", "end"]
    assert [seconds for _, seconds in events] == [1.0, 1.0, 1.0, 1.0]


# -- per-call options --------------------------------------------------------------------------------------


def test_per_call_options_apply_to_that_call_only(sleeps: list[float]) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", ok(ROUTERA), *failing(503, 5))
    with sync_desk("routera", script, max_retries=3, timeout=20) as desk:
        desk.tickets.get(TID, timeout=2.5, extra_headers={"X-Trace": "abc"})
        with pytest.raises(ticketkit.ServerError):
            desk.tickets.get(TID, max_retries=1)
        shared_timeout = desk._http.timeout
        shared_headers = dict(desk._http.headers)
    first, *others = script.requests
    assert first.headers["x-trace"] == "abc" and first.extensions["timeout"]["read"] == 2.5
    assert all("x-trace" not in r.headers for r in others)
    assert all(r.extensions["timeout"]["read"] == 20 for r in others)
    assert len(others) == 2  # max_retries=1 for that call, not the desk's 3
    assert shared_timeout.read == 20 and "X-Trace" not in shared_headers


@pytest.mark.parametrize(
    "options",
    [{"timeout": -1}, {"max_retries": -1}, {"max_retries": 1.5}, {"extra_headers": {"Authorization": "x"}}],
)
def test_bad_per_call_options_are_refused_before_sending(options: dict[str, Any]) -> None:
    script = Recorder()
    with sync_desk("routera", script) as desk, pytest.raises(ticketkit.InvalidArgumentError):
        desk.tickets.get(TID, **options)
    assert script.requests == []


# -- logging -----------------------------------------------------------------------------------------------


def test_one_log_line_per_attempt_and_no_secret(caplog: pytest.LogCaptureFixture, sleeps: list[float]) -> None:
    caplog.set_level(logging.DEBUG, logger="ticketkit")
    script = Recorder().on("GET", f"/tickets/{TID}", *failing(503, 1, then=ok(ROUTERA)))
    with sync_desk("routera", script, token=SECRET, max_retries=1) as desk:
        desk.tickets.get(TID)
    attempts = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(attempts) == 2
    assert attempts[0].startswith(f"routera tickets.get GET /tickets/{TID} -> 503 attempt=1 elapsed=")
    assert "retrying in" in attempts[0] and "retrying" not in attempts[1]
    assert " -> 200 attempt=2 " in attempts[1]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert "<redacted>" in everything and SECRET not in everything


def test_client_secrets_never_reach_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    script = Recorder().on("POST", "/oauth2/token", ok({"error": "invalid_client"}, status=401))
    with (
        sync_desk("routera", script, token=None, client_id="cid", client_secret=SECRET) as desk,
        pytest.raises(ticketkit.AuthenticationError) as caught,
    ):
        desk.tickets.get(TID)
    shown = [str(caught.value), repr(caught.value), repr(desk), repr(desk._http.auth), caplog.text]
    assert all(SECRET not in text for text in shown)


def test_ticketkit_log_environment_variable_turns_logging_on() -> None:
    code = (
        "import httpx, ticketkit\n"
        "t = httpx.MockTransport(lambda r: httpx.Response(404, json={'message': 'no', 'error': True}))\n"
        f"d = ticketkit.connect('routera', token='{SECRET}', transport=t)\n"
        "try:\n    d.tickets.get('x')\nexcept ticketkit.NotFoundError:\n    pass\n"
    )
    env = {"TICKETKIT_LOG": "debug", "PATH": "", **_pythonpath()}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert "routera tickets.get GET /tickets/x -> 404 attempt=1" in result.stderr
    assert "<redacted>" in result.stderr and SECRET not in result.stderr


def _pythonpath() -> dict[str, str]:
    import os

    return {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}


# -- security ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vendor", "path"),
    [
        ("routera", "/tickets/..%2F..%2Fadmin"),
        ("intercom", "/tickets/..%2F..%2Fadmin"),
        ("ankra", "/api/v1/org/support/tickets/..%2F..%2Fadmin"),
    ],
)
def test_ids_stay_inside_their_path_segment(vendor: str, path: str) -> None:
    script = Recorder()
    with sync_desk(vendor, script) as desk, pytest.raises(ticketkit.APIStatusError):
        desk.tickets.get("../../admin")
    assert script.requests[0].url.raw_path.decode() == path


def test_a_redirect_to_another_host_is_not_followed_with_the_token() -> None:
    stolen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host != "api.routera.io":
            stolen.append(request)
            return ok(ROUTERA)
        return httpx.Response(302, headers={"location": "https://collector.example/steal"})

    with ticketkit.connect("routera", token=SECRET, transport=httpx.MockTransport(handler)) as desk:
        with pytest.raises(ticketkit.APIStatusError) as caught:
            desk.tickets.get(TID)
    assert caught.value.status_code == 302 and stolen == []


# -- downloads ---------------------------------------------------------------------------------------------

ANKRA_FILE = "/api/v1/org/support/tickets/t1/attachments/a1"


def _ankra_attachment() -> ticketkit.Attachment:
    return ticketkit.Attachment(id="a1", name="log.txt", ticket_id="t1", raw={})


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_download_over_the_limit_raises_and_returns_nothing(mode: str) -> None:
    script = Recorder().on("GET", ANKRA_FILE, httpx.Response(200, content=b"x" * 1001))

    with pytest.raises(ticketkit.ResponseTooLargeError, match="max_download_bytes=1000") as caught:
        drive(
            mode,
            "ankra",
            lambda d: d.attachments.download(_ankra_attachment()),
            transport=script,
            max_download_bytes=1000,
        )
    assert caught.value.limit == 1000


def test_a_download_at_the_limit_is_returned_whole() -> None:
    payload = bytes(range(256)) * 4
    script = Recorder().on("GET", ANKRA_FILE, httpx.Response(200, content=payload))
    with sync_desk("ankra", script, max_download_bytes=len(payload)) as desk:
        assert desk.attachments.download(_ankra_attachment()) == payload


def test_the_limit_applies_to_downloads_only() -> None:
    big = {**ROUTERA, "notes": "y" * 5000}
    script = Recorder().on("GET", f"/tickets/{TID}", ok(big))
    with sync_desk("routera", script, max_download_bytes=100) as desk:
        assert desk.tickets.get(TID).custom_fields["notes"] == "y" * 5000
