"""Faults on real sockets: resets, stalls, bodies cut short and slow answers, through real desks.

A raw-socket server on 127.0.0.1 (`faulty_server.py`) misbehaves per request, by script, and counts the
requests that reached it. The stalls are real read timeouts on real sockets, kept short (TIMEOUT); only
the retry policy's backoff is replaced, by a recorder that waits 0 s.

Every test that talks to a server runs inside `no_leaks()`: the client raises no ResourceWarning, and every
connection the server accepted has ended on its own (closed by the client, or by the fault) before the
server stops. The `serve` fixture then stops each server and checks that it closed every socket, joined
every thread, and found no connection the client was still holding.
"""

from __future__ import annotations

import asyncio
import gc
import json
import socket
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import ticketkit
from faulty_server import RESET, STALL, Action, FaultyServer, cut, reply, servers, slow, stall_in_body
from support import load_fixture
from ticketkit import _transport

TIMEOUT = 0.2  # seconds; what a stall costs per attempt
ANKRA_TICKET = load_fixture("ankra/ticket-hand-made.json")["value"]
ANKRA_BODY = json.dumps(ANKRA_TICKET).encode()
TID = ANKRA_TICKET["id"]
ANKRA_TICKETS = "/api/v1/org/support/tickets"
ROUTERA_TICKET = load_fixture("vendor_docs/routera-create-ticket.json")["examples"]["response_example"]["value"]
ROUTERA_BODY = json.dumps(ROUTERA_TICKET).encode()

# fault name -> (the action, given the body a proper answer would have; the error; the httpx cause in its message)
FAULTS: dict[str, tuple[Callable[[bytes], Action], type[ticketkit.APIConnectionError], str]] = {
    "reset": (lambda body: RESET, ticketkit.APIConnectionError, "ReadError"),
    "cut": (cut, ticketkit.APIConnectionError, "RemoteProtocolError"),
    "stall": (lambda body: STALL, ticketkit.APITimeoutError, "ReadTimeout"),
    "stall_in_body": (stall_in_body, ticketkit.APITimeoutError, "ReadTimeout"),
}
# The async desk shares the policy with the sync one (tests/test_transport.py): it gets the faults the issue
# names; the stall inside a body, an extra, runs sync only.
ASYNC_FAULTS = ["reset", "cut", "stall"]
# How the server saw each faulted connection end: a stalled one only when the client gave up and closed it.
FAULT_ENDS = {"reset": "reset", "cut": "cut", "stall": "client closed", "stall_in_body": "client closed"}
# Where each vendor's create goes, the body and status of a proper answer, and the create's arguments.
CREATES: dict[str, tuple[str, bytes, int, dict[str, Any]]] = {
    "ankra": (ANKRA_TICKETS, ANKRA_BODY, 200, {"subject": "Cluster upgrade stuck", "description": "Pending."}),
    "routera": ("/tickets", ROUTERA_BODY, 201, {"subject": "Cluster upgrade stuck"}),
}


def fault(name: str, body: bytes = ANKRA_BODY) -> Action:
    return FAULTS[name][0](body)


def ankra_reply() -> Action:
    return reply(ANKRA_BODY)


@pytest.fixture
def retries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The retry numbers the policy asked a backoff for (one per retry), answered with 0 s: no real wait."""
    asked: list[int] = []

    def no_wait(retry_number: int) -> float:
        asked.append(retry_number)
        return 0.0

    monkeypatch.setattr(_transport, "backoff", no_wait)
    return asked


@pytest.fixture
def serve() -> Iterator[Callable[..., FaultyServer]]:
    """Start servers on loopback; stop them after the test and check they closed everything."""
    with servers(FaultyServer, ankra_reply(), client_closes=True) as start:
        yield start


def _resource_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


@contextmanager
def no_leaks(server: FaultyServer) -> Iterator[None]:
    """The body leaves no socket open: no ResourceWarning, and the server saw every connection end."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
        gc.collect()
    assert _resource_warnings(caught) == []
    assert server.settle(), f"connections still open on the server's side: {server.ends()}"


def connect(server: FaultyServer, vendor: str = "ankra", **options: Any) -> ticketkit.Desk:
    options.setdefault("timeout", TIMEOUT)
    return ticketkit.connect(vendor, token="tok-123", base_url=server.url, **options)


def connect_async(server: FaultyServer, vendor: str = "ankra", **options: Any) -> ticketkit.AsyncDesk:
    options.setdefault("timeout", TIMEOUT)
    return ticketkit.connect_async(vendor, token="tok-123", base_url=server.url, **options)


# -- the server itself misbehaves as scripted ------------------------------------------------------------


def _raw_exchange(server: FaultyServer) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    sock.sendall(b"GET /x HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc")
    return sock


def test_the_server_resets_with_an_rst_and_cuts_with_a_fin_after_part_of_the_body(
    serve: Callable[..., FaultyServer],
) -> None:
    server = serve(RESET, cut(ANKRA_BODY))
    with _raw_exchange(server) as sock, pytest.raises(ConnectionResetError):
        sock.recv(1024)  # an RST, not a clean close: recv would return b"" for a FIN
    with _raw_exchange(server) as sock:
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    assert f"content-length: {len(ANKRA_BODY)}".encode() in head.lower()
    assert body == ANKRA_BODY[: len(ANKRA_BODY) // 2]
    assert [(r.method, r.path, r.body, r.action) for r in server.received] == [
        ("GET", "/x", b"abc", "reset"),
        ("GET", "/x", b"abc", "cut"),
    ]
    assert server.settle() and server.ends() == ["reset", "cut"]


# -- safe reads: retried up to the budget, then the right error -----------------------------------------


@pytest.mark.parametrize("max_retries", [0, 2])
@pytest.mark.parametrize("name", list(FAULTS))
def test_each_fault_on_a_safe_read_raises_after_the_retries(
    name: str, max_retries: int, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    _, error, cause = FAULTS[name]
    server = serve(then=fault(name))
    with no_leaks(server):
        with connect(server, max_retries=max_retries) as desk:
            with pytest.raises(error) as caught:
                desk.tickets.get(TID)
    if error is ticketkit.APIConnectionError:
        assert not isinstance(caught.value, ticketkit.APITimeoutError)
    assert cause in str(caught.value) and "ankra tickets.get" in str(caught.value)
    assert server.request_count == max_retries + 1
    assert {(r.method, r.path) for r in server.received} == {("GET", f"{ANKRA_TICKETS}/{TID}")}
    assert retries == list(range(max_retries))
    # A broken connection is never used again: each attempt came on a connection of its own.
    assert server.ends() == [FAULT_ENDS[name]] * (max_retries + 1)


@pytest.mark.parametrize("name", list(FAULTS))
def test_a_safe_read_succeeds_when_the_fault_clears_within_the_budget(
    name: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    server = serve(fault(name), fault(name))
    with no_leaks(server):
        with connect(server, max_retries=2) as desk:
            ticket = desk.tickets.get(TID)
    assert (ticket.id, ticket.subject) == (TID, ANKRA_TICKET["subject"])
    assert server.request_count == 3
    assert [r.action for r in server.received] == [name, name, "reply"]
    assert retries == [0, 1]


@pytest.mark.parametrize("name", list(FAULTS))
def test_the_same_faults_fail_a_read_allowed_one_retry_fewer(
    name: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    server = serve(fault(name), fault(name))
    with no_leaks(server):
        with connect(server, max_retries=1) as desk:
            with pytest.raises(FAULTS[name][1]):
                desk.tickets.get(TID)
    assert server.request_count == 2  # the proper answer that was waiting was never asked for
    assert retries == [0]


def test_a_read_rides_out_one_fault_of_each_kind(serve: Callable[..., FaultyServer], retries: list[int]) -> None:
    server = serve(*(fault(name) for name in FAULTS))
    with no_leaks(server):
        with connect(server, max_retries=len(FAULTS)) as desk:
            assert desk.tickets.get(TID).id == TID
    assert [r.action for r in server.received] == [*FAULTS, "reply"]
    assert server.ends() == [*(FAULT_ENDS[name] for name in FAULTS), "client closed"]


def test_a_fault_on_a_reused_keep_alive_connection_is_retried_on_a_new_one(
    serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    server = serve(ankra_reply(), RESET, ankra_reply())
    with no_leaks(server):
        with connect(server, max_retries=1) as desk:
            first = desk.tickets.get(TID)
            second = desk.tickets.get(TID)
    assert first.id == second.id == TID
    assert [r.connection for r in server.received] == [0, 0, 1]  # the pool reused the first connection
    assert server.ends() == ["reset", "client closed"]


def test_after_a_fault_the_desk_serves_the_next_call(serve: Callable[..., FaultyServer], retries: list[int]) -> None:
    server = serve(STALL, RESET)
    with no_leaks(server):
        with connect(server, max_retries=0) as desk:
            with pytest.raises(ticketkit.APITimeoutError):
                desk.tickets.get(TID)
            with pytest.raises(ticketkit.APIConnectionError):
                desk.tickets.get(TID)
            assert desk.tickets.get(TID).id == TID
    assert server.request_count == 3 and retries == []
    assert server.ends() == ["client closed", "reset", "client closed"]


# -- creates: once the request may have arrived, never sent again -----------------------------------------


@pytest.mark.parametrize("name", list(FAULTS))
@pytest.mark.parametrize("vendor", list(CREATES))
def test_a_create_whose_request_arrived_is_not_resent(
    vendor: str, name: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    path, body, _, create = CREATES[vendor]
    server = serve(then=fault(name, body))
    with no_leaks(server):
        with connect(server, vendor, max_retries=2) as desk:
            with pytest.raises(FAULTS[name][1]):
                desk.tickets.create(**create)
    assert server.request_count == 1
    (request,) = server.received
    assert (request.method, request.path) == ("POST", path)
    assert "Cluster upgrade stuck" in request.body.decode()  # the whole request had arrived
    assert retries == []


@pytest.mark.parametrize("vendor", list(CREATES))
def test_the_same_create_answered_properly_succeeds_once(
    vendor: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    """The control for the test above: the server answers these creates and the desks parse them."""
    path, body, status, create = CREATES[vendor]
    server = serve(then=slow(0.05, body, status))
    with no_leaks(server):
        with connect(server, vendor, max_retries=2) as desk:
            ticket = desk.tickets.create(**create)
    assert ticket.id == json.loads(body)["id"]
    assert server.request_count == 1 and server.received[0].path == path


# -- slow answers ---------------------------------------------------------------------------------------


def test_a_slow_answer_within_the_timeout_succeeds(serve: Callable[..., FaultyServer], retries: list[int]) -> None:
    server = serve(then=slow(0.3, ANKRA_BODY))
    with no_leaks(server):
        with connect(server, timeout=5.0) as desk:
            assert desk.tickets.get(TID).id == TID
    assert server.request_count == 1 and retries == []


def test_the_same_slow_answer_past_a_shorter_timeout_times_out(
    serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    """The control: the delay is real, and the per-call timeout is what the socket waits."""
    server = serve(then=slow(0.3, ANKRA_BODY))
    with no_leaks(server):
        with connect(server, timeout=5.0, max_retries=0) as desk:
            with pytest.raises(ticketkit.APITimeoutError):
                desk.tickets.get(TID, timeout=0.1)
            assert desk.tickets.get(TID).id == TID
    assert server.request_count == 2


# -- the async desk -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ASYNC_FAULTS)
def test_async_each_fault_on_a_safe_read_raises_after_the_retries(
    name: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    _, error, cause = FAULTS[name]
    server = serve(then=fault(name))

    async def go() -> None:
        async with connect_async(server, max_retries=2) as desk:
            with pytest.raises(error) as caught:
                await desk.tickets.get(TID)
        if error is ticketkit.APIConnectionError:
            assert not isinstance(caught.value, ticketkit.APITimeoutError)
        assert cause in str(caught.value)

    with no_leaks(server):
        asyncio.run(go())
    assert server.request_count == 3
    assert retries == [0, 1]
    assert server.ends() == [FAULT_ENDS[name]] * 3


@pytest.mark.parametrize("name", ASYNC_FAULTS)
def test_async_a_safe_read_succeeds_when_the_fault_clears_within_the_budget(
    name: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    server = serve(fault(name), fault(name))

    async def go(max_retries: int) -> str:
        async with connect_async(server, max_retries=max_retries) as desk:
            return (await desk.tickets.get(TID)).id

    with no_leaks(server):
        assert asyncio.run(go(2)) == TID
    assert server.request_count == 3

    server = serve(fault(name), fault(name))
    with no_leaks(server):
        with pytest.raises(FAULTS[name][1]):
            asyncio.run(go(1))
    assert server.request_count == 2


@pytest.mark.parametrize("name", ASYNC_FAULTS)
@pytest.mark.parametrize("vendor", list(CREATES))
def test_async_a_create_whose_request_arrived_is_not_resent(
    vendor: str, name: str, serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    path, body, _, create = CREATES[vendor]
    server = serve(then=fault(name, body))

    async def go() -> None:
        async with connect_async(server, vendor, max_retries=2) as desk:
            await desk.tickets.create(**create)

    with no_leaks(server):
        with pytest.raises(FAULTS[name][1]):
            asyncio.run(go())
    assert [(r.method, r.path) for r in server.received] == [("POST", path)]
    assert retries == []


def test_async_slow_answers_within_the_timeout_succeed_side_by_side(
    serve: Callable[..., FaultyServer], retries: list[int]
) -> None:
    server = serve(then=slow(0.3, ANKRA_BODY))

    async def go() -> list[str]:
        async with connect_async(server, timeout=5.0) as desk:
            tickets = await asyncio.gather(*(desk.tickets.get(TID) for _ in range(3)))
        return [t.id for t in tickets]

    with no_leaks(server):
        assert asyncio.run(go()) == [TID] * 3
    assert server.request_count == 3 and retries == []


# -- the leak checks can fail ----------------------------------------------------------------------------


def test_the_checks_see_a_desk_left_open() -> None:
    """The controls: a desk never closed shows up on both sides, as the server holding an open connection
    at stop, and as a ResourceWarning once the client is collected."""
    server = FaultyServer(then=ankra_reply(), stop_grace=0.1).start()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            desk = connect(server)
            desk.tickets.get(TID)
            assert server.open_connections == 1
            server.stop()
            assert [c.number for c in server.left_open] == [0] and server.all_sockets_closed()
            del desk
            gc.collect()
    finally:
        server.stop()
    assert any("unclosed" in message for message in _resource_warnings(caught))
