"""The sandbox's own machinery: fault injection in-process and on loopback, latency, seeds, routing.

The tests through a desk or a served sandbox take ticketkit's own pytest fixtures (`ticketkit_desk`,
`ticketkit_async_desk`, `ticketkit_server`), as a user's tests would.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
import ticketkit
from ticketkit.pytest_plugin import AsyncDeskFactory, DeskFactory, ServerFactory
from ticketkit.sandbox import Faults, Sandbox
from ticketkit.sandbox import _sandbox as sandbox_module

TICKETS = "/api/v1/org/support/tickets"
AUTH = {"Authorization": "Bearer sandbox-token"}


def client(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=AUTH)


@pytest.mark.parametrize(
    "faults",
    [{"error_rate": 1.5}, {"rate_limit_rate": -0.1}, {"drop_rate": 2}, {"latency": -1}, {"retry_after": -1}],
)
def test_impossible_faults_are_refused(faults: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Faults(**faults)  # type: ignore[arg-type]


def test_injected_errors_use_the_vendors_body_and_the_chosen_statuses() -> None:
    sandbox = Sandbox("ankra", faults=Faults(error_rate=1.0, error_statuses=(502, 503), seed=7))
    with client(sandbox) as http:
        statuses = {http.get(TICKETS).status_code for _ in range(20)}
        body = http.get(TICKETS).json()
    assert statuses == {502, 503}
    assert body == {"detail": body["detail"]} and "injected" in body["detail"]


def test_injected_rate_limits_carry_retry_after() -> None:
    sandbox = Sandbox("ankra", faults=Faults(rate_limit_rate=1.0, retry_after=2.5))
    with client(sandbox) as http:
        response = http.get(TICKETS)
    assert response.status_code == 429 and response.headers["retry-after"] == "2.5"


def test_the_same_seed_gives_the_same_faults() -> None:
    def statuses(seed: int) -> list[int]:
        sandbox = Sandbox("ankra", faults=Faults(error_rate=0.5, seed=seed))
        with client(sandbox) as http:
            return [http.get(TICKETS).status_code for _ in range(30)]

    assert statuses(3) == statuses(3)
    assert statuses(3) != statuses(4)
    assert {200, 500, 502, 503} >= set(statuses(3)) and 200 in statuses(3)


def test_a_dropped_connection_in_process_reaches_a_desk_as_a_connection_error(ticketkit_desk: DeskFactory) -> None:
    desk = ticketkit_desk("ankra", faults=Faults(drop_rate=1.0), max_retries=0)
    with pytest.raises(ticketkit.APIConnectionError, match="RemoteProtocolError"):
        list(desk.tickets.list())
    [sent] = ticketkit_desk.requests
    assert (sent.method, sent.path, sent.status) == ("GET", TICKETS, None)  # logged, with no answer


def test_a_dropped_connection_reaches_an_async_desk_as_a_connection_error(
    ticketkit_async_desk: AsyncDeskFactory,
) -> None:
    async def go() -> None:
        async with ticketkit_async_desk("ankra", faults=Faults(drop_rate=1.0), max_retries=0) as desk:
            await desk.tickets.get("4c1e4f4e-0000-4000-8000-000000000000")

    with pytest.raises(ticketkit.APIConnectionError, match="RemoteProtocolError"):
        asyncio.run(go())
    ticketkit_async_desk.requests.assert_sent("GET", f"{TICKETS}/4c1e4f4e-0000-4000-8000-000000000000", times=1)


def test_a_dropped_connection_on_loopback_closes_the_socket(ticketkit_server: ServerFactory) -> None:
    served = ticketkit_server("ankra", faults=Faults(drop_rate=1.0))
    with httpx.Client(base_url=served.base_url, headers=AUTH) as http, pytest.raises(httpx.RemoteProtocolError):
        http.get(TICKETS)
    served.requests.assert_sent("GET", TICKETS, headers=AUTH)


def test_a_desk_rides_out_occasional_faults(monkeypatch: pytest.MonkeyPatch, ticketkit_desk: DeskFactory) -> None:
    """The retry policy and the sandbox's faults together: every read eventually succeeds."""
    from ticketkit import _transport

    waits: list[float] = []
    monkeypatch.setattr(_transport.time, "sleep", waits.append)
    faults = Faults(error_rate=0.3, rate_limit_rate=0.1, retry_after=0.0, seed=1)
    desk = ticketkit_desk("ankra", faults=faults, max_retries=6)
    ids = [ticket.id for ticket in desk.tickets.list()]
    fetched = [desk.tickets.get(ticket_id).id for ticket_id in ids]
    assert fetched == ids and len(ids) >= 3
    assert waits, "the seed must inject at least one fault for this test to mean anything"
    # What was sent: one more request per fault, each faulted one answered with an injected status.
    statuses = [sent.status for sent in ticketkit_desk.requests]
    assert len(statuses) == 1 + len(ids) + len(waits)
    assert {status for status in statuses if status != 200} <= {429, 500, 502, 503}
    for ticket_id in ids:
        assert ticketkit_desk.requests.assert_sent("GET", f"{TICKETS}/{ticket_id}").status == 200


def first_draws_fail_then_pass(failing: int, passing: int) -> int:
    """A seed whose fault draws (at `error_rate=0.5`) are `failing` faults, then `passing` answers."""
    for seed in range(1000):
        faults = Faults(error_rate=0.5, seed=seed)
        draws = [faults.draw() for _ in range(failing + passing)]
        if all(draws[:failing]) and not any(draws[failing:]):
            return seed
    raise AssertionError("no such seed below 1000")


def test_a_routera_create_rides_out_a_faulty_token_endpoint(
    monkeypatch: pytest.MonkeyPatch, ticketkit_desk: DeskFactory
) -> None:
    """Routera's sandbox desk authenticates with OAuth: injected 5xx on the token request (the desk's first two
    requests) are retried, and the create, which is never repeated once it may have arrived, is sent once."""
    from ticketkit import _transport

    monkeypatch.setattr(_transport.time, "sleep", lambda seconds: None)
    seed = first_draws_fail_then_pass(2, 3)
    desk = ticketkit_desk("routera", faults=Faults(error_rate=0.5, seed=seed), max_retries=2)
    ticket = desk.tickets.create(subject="Printer on fire")
    assert desk.tickets.get(ticket.id).subject == "Printer on fire"
    sent = [(request.method, request.path, request.status) for request in ticketkit_desk.requests]
    assert [(method, path) for (method, path, _) in sent] == [
        ("POST", "/oauth2/token"),
        ("POST", "/oauth2/token"),
        ("POST", "/oauth2/token"),
        ("POST", "/tickets"),
        ("GET", f"/tickets/{ticket.id}"),
    ]
    assert {status for (_, _, status) in sent[:2]} <= {500, 502, 503}
    assert [status for (_, _, status) in sent[2:]] == [200, 201, 200]


def test_latency_is_waited_without_blocking_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def recording_sleep(seconds: float) -> None:
        waits.append(seconds)

    def blocking_sleep(seconds: float) -> None:
        raise AssertionError("the async transport must not block")

    monkeypatch.setattr(sandbox_module.asyncio, "sleep", recording_sleep)
    monkeypatch.setattr(sandbox_module.time, "sleep", blocking_sleep)
    sandbox = Sandbox("ankra", faults=Faults(latency=0.25))

    async def go() -> int:
        async with httpx.AsyncClient(transport=sandbox.transport(), base_url=sandbox.base_url, headers=AUTH) as http:
            return (await http.get(TICKETS)).status_code

    assert asyncio.run(go()) == 200 and waits == [0.25]


def test_sync_latency_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr(sandbox_module.time, "sleep", waits.append)
    sandbox = Sandbox("ankra", faults=Faults(latency=0.5))
    with client(sandbox) as http:
        http.get(TICKETS)
    assert waits == [0.5]


def test_unknown_vendor_and_unseeded_sandboxes() -> None:
    with pytest.raises(ValueError, match="unknown vendor"):
        Sandbox("zendesk")
    with client(Sandbox("ankra", demo=False)) as http:
        assert http.get(TICKETS).json()["result"] == []
    with client(Sandbox("ankra")) as http:
        assert http.get(TICKETS).json()["result"]


def test_each_sandbox_has_its_own_state() -> None:
    one, two = Sandbox("ankra"), Sandbox("ankra")
    with client(one) as http:
        created = http.post(TICKETS, json={"subject": "Only in one", "description": "x" * 40})
    assert created.status_code == 201
    with client(two) as http:
        assert http.get(f"{TICKETS}/{created.json()['id']}").status_code == 404
