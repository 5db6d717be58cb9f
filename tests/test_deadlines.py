"""Deadlines: an attempt ends on time however slowly a server sends, and so does a whole call with its retries.

The servers here trickle (`hostile_server.trickle`): one byte every TRICKLE seconds, so that no single read
ever waits as long as a read timeout. The only timing assertions are generous "it ended" bounds: a call must
end within its deadline plus SLACK, and it raises APITimeoutError. A trickling server gives up after GIVE_UP
seconds, so a client without deadlines fails these tests (late, with another error) instead of hanging.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpcore
import httpx
import pytest
import ticketkit
from desk_support import Recorder, drive, ok, sync_desk
from faulty_server import reply, servers, slow
from hostile_server import HostileServer, trickle
from support import load_fixture
from ticketkit import _deadline, _deadline_io, _transport

ANKRA_TICKET = load_fixture("ankra/ticket-hand-made.json")["value"]
ANKRA_BODY = json.dumps(ANKRA_TICKET).encode()
TID = ANKRA_TICKET["id"]
ROUTERA = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
TRICKLE = 0.05  # seconds between bytes: far below any read timeout here
DEADLINE = 0.5  # the timeouts the trickles meet (seconds)
GIVE_UP = 6.0
SLACK = 3.0  # what "it ended on time" allows past the deadline


@pytest.fixture
def serve() -> Iterator[Callable[..., HostileServer]]:
    with servers(HostileServer, reply(ANKRA_BODY)) as start:
        yield start


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_transport, "backoff", lambda retry_number: 0.0)


def trickled(in_head: bool = False, body: bytes = ANKRA_BODY) -> Any:
    return trickle(body, TRICKLE, in_head=in_head, give_up=GIVE_UP)


def timed_get(server: HostileServer, mode: str, call: dict[str, Any] | None = None, **options: Any) -> float:
    """Seconds a tickets.get took to raise APITimeoutError (it fails the test if it raised anything else)."""
    started = time.monotonic()
    with pytest.raises(ticketkit.APITimeoutError) as caught:
        drive(mode, "ankra", lambda d: d.tickets.get(TID, **(call or {})), base_url=server.url, **options)
    assert "ankra tickets.get" in str(caught.value)
    return time.monotonic() - started


# -- one attempt ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["head", "body"])
def test_a_trickled_answer_ends_at_the_timeout(where: str, mode: str, serve: Callable[..., HostileServer]) -> None:
    """timeout=0.5: each read would wait up to 0.5 s, and the attempt as a whole ends at 0.5 s too."""
    server = serve(then=trickled(in_head=where == "head"))
    assert timed_get(server, mode, timeout=DEADLINE) < DEADLINE + SLACK
    assert server.request_count == 1


def test_a_per_call_timeout_bounds_the_attempt_the_same_way(mode: str, serve: Callable[..., HostileServer]) -> None:
    server = serve(then=trickled())
    assert timed_get(server, mode, call={"timeout": DEADLINE}) < DEADLINE + SLACK


def test_attempt_timeout_bounds_an_attempt_whatever_the_httpx_timeout(serve: Callable[..., HostileServer]) -> None:
    server = serve(then=trickled(in_head=True))
    assert timed_get(server, "sync", timeout=httpx.Timeout(30.0), attempt_timeout=DEADLINE) < DEADLINE + SLACK


def test_a_download_has_its_own_attempt_limit(mode: str, serve: Callable[..., HostileServer]) -> None:
    """A desk's numeric timeout bounds API calls; a download, whose length grows with the file, has
    download_timeout, unless the download call itself is given a timeout."""
    content = b"x" * 16  # 0.8 s at the trickle's pace
    server = serve(trickled(body=content), trickled(body=content))
    attachment = ticketkit.Attachment(id="a1", name="f", ticket_id="t1", raw={})
    options: dict[str, Any] = {"token": "t", "base_url": server.url, "timeout": 0.3}

    def download(**call: Any) -> bytes:
        result: bytes = drive(mode, "ankra", lambda d: d.attachments.download(attachment, **call), **options)
        return result

    assert download() == content
    started = time.monotonic()
    with pytest.raises(ticketkit.APITimeoutError):
        download(timeout=0.3)
    assert time.monotonic() - started < 0.3 + SLACK


# -- a whole call -------------------------------------------------------------------------------------------


def test_the_call_deadline_stops_retries(mode: str, serve: Callable[..., HostileServer], no_backoff: None) -> None:
    """Slow 503s, retried at once: without a call deadline, 11 attempts; within call_timeout=0.8, two or three."""
    server = serve(then=slow(0.3, b'{"message": "busy"}', status=503))
    elapsed = timed_get(server, mode, max_retries=10, call_timeout=0.8)
    assert elapsed < 0.8 + SLACK
    assert 2 <= server.request_count <= 3


def test_the_call_deadline_bounds_trickled_attempts_and_their_retries(
    mode: str, serve: Callable[..., HostileServer], no_backoff: None
) -> None:
    server = serve(then=trickled())
    elapsed = timed_get(server, mode, timeout=0.3, max_retries=10, call_timeout=0.8)
    assert elapsed < 0.8 + SLACK
    assert 2 <= server.request_count <= 3


def _get_routera(mode: str, script: Recorder, **options: Any) -> Any:
    return drive(mode, "routera", lambda d: d.tickets.get(ROUTERA["id"]), transport=script, **options)


def test_a_vendor_asked_wait_past_the_call_deadline_raises_the_rate_limit_error(mode: str, waits: list[float]) -> None:
    busy = ok({"message": "slow down", "error": True}, status=429, **{"retry-after": "5"})
    script = Recorder().on("GET", f"/tickets/{ROUTERA['id']}", busy, ok(ROUTERA))
    with pytest.raises(ticketkit.RateLimitError) as caught:
        _get_routera(mode, script, max_retries=3, call_timeout=2)
    assert caught.value.retry_after == 5.0
    assert len(script.requests) == 1 and waits == []
    # The control: the same wait within the call's time is slept, and the call succeeds. (Another credential:
    # the 429 above holds every desk on its own for 5 s, which the rate budget's tests cover.)
    script = Recorder().on("GET", f"/tickets/{ROUTERA['id']}", busy, ok(ROUTERA))
    assert _get_routera(mode, script, max_retries=3, call_timeout=10, token="tok-control").id == ROUTERA["id"]
    assert waits == [5.0]


def test_a_backoff_past_the_call_deadline_is_not_slept(
    mode: str, waits: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_transport, "backoff", lambda retry_number: 5.0)
    failing = [ok({"message": "down", "error": True}, status=503) for _ in range(3)]
    script = Recorder().on("GET", f"/tickets/{ROUTERA['id']}", *failing)
    with pytest.raises(ticketkit.APITimeoutError, match=r"no time left .* call_timeout=2 s") as caught:
        _get_routera(mode, script, max_retries=2, call_timeout=2)
    assert isinstance(caught.value.__cause__, ticketkit.ServerError)
    assert len(script.requests) == 1 and waits == []


def test_a_per_call_call_timeout_applies_to_that_call_only(waits: list[float]) -> None:
    busy = ok({"message": "slow down", "error": True}, status=429, **{"retry-after": "5"})
    script = Recorder().on("GET", f"/tickets/{ROUTERA['id']}", busy, busy, ok(ROUTERA))
    with sync_desk("routera", script, max_retries=1) as desk:
        with pytest.raises(ticketkit.RateLimitError):
            desk.tickets.get(ROUTERA["id"], call_timeout=1)
        assert desk.tickets.get(ROUTERA["id"]).id == ROUTERA["id"]  # the desk's 300 s: the wait is slept
    # The second call first waits out the 5 s the first 429 asked of the credential (the rate budget's hold),
    # then its own 429's 5 s.
    assert len(waits) == 2 and waits[0] == pytest.approx(5.0, abs=0.5) and waits[1] == 5.0


def test_the_call_deadline_covers_every_request_of_a_method() -> None:
    """Tickiti's create is two requests (create, then show): once the first used the time up, the second is
    not sent."""

    def slow_create(request: httpx.Request) -> httpx.Response:
        time.sleep(0.6)
        return ok({"ok": True, "data": {"ticket": {"number": 220014}}})

    script = Recorder().on("POST", "/api/v1/tickets", slow_create)
    with sync_desk("tickiti", script, base_url="https://support.example.com", call_timeout=0.5) as desk:
        with pytest.raises(ticketkit.APITimeoutError, match=r"call_timeout=0\.5 s passed before it was sent"):
            desk.tickets.create(subject="Sizing", description="Too small", requester_email="ana@example.com")
    assert [seen.path for seen in script.seen] == ["/api/v1/tickets"]


def test_concurrent_async_calls_keep_their_own_deadlines(serve: Callable[..., HostileServer]) -> None:
    """The deadline lives in a context variable: each task has its own, even on one shared pool."""
    trickling = serve(then=trickled())
    fine = serve(then=slow(0.8, ANKRA_BODY))

    async def go() -> list[Any]:
        options: dict[str, Any] = {"token": "t", "max_retries": 0}
        async with (
            ticketkit.connect_async("ankra", base_url=trickling.url, **options) as short,
            ticketkit.connect_async("ankra", base_url=fine.url, **options) as long,
        ):
            return await asyncio.gather(
                short.tickets.get(TID, timeout=0.3), long.tickets.get(TID, timeout=5), return_exceptions=True
            )

    timed_out, ticket = asyncio.run(go())
    assert isinstance(timed_out, ticketkit.APITimeoutError)
    assert isinstance(ticket, ticketkit.Ticket) and ticket.id == TID


# -- which transports keep the deadline ---------------------------------------------------------------------


def _backend(transport: Any) -> Any:
    return transport._pool._network_backend


def test_the_deadline_reaches_ticketkits_own_pools_and_proxies_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If an httpx or httpcore release moves these attributes, this fails: install() would be a no-op."""
    with ticketkit.connect("routera", token="t") as desk:
        assert isinstance(_backend(desk._http._transport), _deadline_io.DeadlineBackend)  # type: ignore[attr-defined]
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with ticketkit.connect("routera", token="t") as desk:
        proxies = [t for t in desk._http._mounts.values() if t is not None]  # type: ignore[attr-defined]
        assert proxies and all(isinstance(_backend(t), _deadline_io.DeadlineBackend) for t in proxies)
    desk_async = ticketkit.connect_async("routera", token="t")
    assert isinstance(_backend(desk_async._http._transport), _deadline_io.AsyncDeadlineBackend)  # type: ignore[attr-defined]
    asyncio.run(desk_async.aclose())


def test_importing_ticketkit_leaves_httpcore_to_the_first_connect() -> None:
    """As httpx does: the deadline's network wrappers load with the first desk, not with the package."""
    code = "import sys, ticketkit; print(sorted(m for m in ('httpcore', 'anyio') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_callers_http_transport_is_wrapped_and_a_mock_transport_is_not() -> None:
    mine = httpx.HTTPTransport(retries=1)
    with ticketkit.connect("routera", token="t", transport=mine):
        assert isinstance(_backend(mine), _deadline_io.DeadlineBackend)
    assert not _deadline.install(httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200))))


def test_outside_a_call_the_wrapped_streams_change_nothing() -> None:
    """`desk.client` (the generated client) shares the pool: no deadline is set there, timeouts pass as given."""
    assert _deadline.capped(7.0, httpcore.ReadTimeout) == 7.0
    token = _deadline.enter(time.monotonic() + 100)
    try:
        capped = _deadline.capped(7.0, httpcore.ReadTimeout)
        left = _deadline.capped(None, httpcore.ReadTimeout)
        assert capped == 7.0 and left is not None and 99 < left <= 100
    finally:
        _deadline.leave(token)
    token = _deadline.enter(time.monotonic() - 1)
    try:
        with pytest.raises(httpcore.ReadTimeout):
            _deadline.capped(7.0, httpcore.ReadTimeout)
    finally:
        _deadline.leave(token)
    assert _deadline.current() is None


class _Dribble(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that never ends: a space every 0.1 s (at most 100), for transports that are not httpx's."""

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.1)
            yield b" "

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(100):
            await asyncio.sleep(0.1)
            yield b" "


def test_with_another_transport_the_deadline_is_checked_between_chunks(mode: str) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=_Dribble()))
    started = time.monotonic()
    with pytest.raises(ticketkit.APITimeoutError):
        drive(mode, "routera", lambda d: d.tickets.get(ROUTERA["id"]), token="t", transport=transport, timeout=DEADLINE)
    assert time.monotonic() - started < DEADLINE + SLACK


# -- arguments ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["attempt_timeout", "download_timeout", "call_timeout"])
@pytest.mark.parametrize("value", [0, -1, "60", True])
def test_the_time_limits_must_be_positive_numbers(name: str, value: object) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=name):
        ticketkit.connect("routera", token="t", **{name: value})


def test_a_per_call_call_timeout_is_checked_before_sending() -> None:
    script = Recorder()
    with sync_desk("routera", script) as desk, pytest.raises(ticketkit.InvalidArgumentError, match="call_timeout"):
        desk.tickets.get(ROUTERA["id"], call_timeout=0)
    assert script.requests == []
