"""The sandbox's own machinery: fault injection in-process and on loopback, latency, seeds, routing."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import ticketkit
from ticketkit.sandbox import Faults, Sandbox, serving
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


def test_a_dropped_connection_in_process_reaches_a_desk_as_a_connection_error() -> None:
    sandbox = Sandbox("ankra", faults=Faults(drop_rate=1.0))
    with ticketkit.connect("ankra", **sandbox.connect_options(), max_retries=0) as desk:
        with pytest.raises(ticketkit.APIConnectionError, match="RemoteProtocolError"):
            list(desk.tickets.list())


def test_a_dropped_connection_on_loopback_closes_the_socket() -> None:
    with serving("ankra", faults=Faults(drop_rate=1.0)) as sandbox:
        with httpx.Client(base_url=sandbox.base_url, headers=AUTH) as http, pytest.raises(httpx.RemoteProtocolError):
            http.get(TICKETS)


def test_a_desk_rides_out_occasional_faults(monkeypatch: pytest.MonkeyPatch) -> None:
    """The retry policy and the sandbox's faults together: every read eventually succeeds."""
    from ticketkit import _transport

    waits: list[float] = []
    monkeypatch.setattr(_transport.time, "sleep", waits.append)
    faults = Faults(error_rate=0.3, rate_limit_rate=0.1, retry_after=0.0, seed=1)
    sandbox = Sandbox("ankra", faults=faults)
    with ticketkit.connect("ankra", **sandbox.connect_options(), max_retries=6) as desk:
        ids = [ticket.id for ticket in desk.tickets.list()]
        fetched = [desk.tickets.get(ticket_id).id for ticket_id in ids]
    assert fetched == ids and len(ids) >= 3
    assert waits, "the seed must inject at least one fault for this test to mean anything"


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
