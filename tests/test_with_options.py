"""`desk.with_options(...)` (issue 16, item 3): a desk with other defaults on the same connection pool; closing it
leaves the pool open, closing the parent closes it (and the derived desk then raises DeskClosedError)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, async_desk, ok, sync_desk
from security_peers import HostileServer
from support import load_fixture

ROUTERA: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
TID = ROUTERA["id"]
PATH = f"/tickets/{TID}"


def test_the_derived_desk_shares_the_pool_the_generated_client_and_the_budget() -> None:
    with sync_desk("routera", Recorder()) as desk:
        derived = desk.with_options(max_retries=5)
        assert derived is not desk and isinstance(derived, ticketkit.Desk)
        assert derived._http is desk._http
        assert derived.client is desk.client
        assert derived.client.get_httpx_client() is desk.client.get_httpx_client() is desk._http
        assert derived._options.budget is desk._options.budget
        assert derived.vendor == desk.vendor and derived.capabilities == desk.capabilities


def test_the_derived_desk_reuses_the_parents_connection() -> None:
    accepted: list[Any] = []
    with HostileServer(
        lambda seen: (200, {"content-type": "application/json"}, json.dumps(ROUTERA).encode())
    ) as server:
        original = server._server.process_request

        def counting(request: Any, address: Any) -> None:
            accepted.append(address)
            original(request, address)

        server._server.process_request = counting  # type: ignore[method-assign]
        with ticketkit.connect("routera", token="t", base_url=server.url) as desk:
            desk.tickets.get(TID)
            derived = desk.with_options(timeout=10, headers={"X-Derived": "1"})
            derived.tickets.get(TID)
            derived.close()
            desk.tickets.get(TID)  # the pool is still open, the connection still in it
    assert len(server.seen) == 3 and len(accepted) == 1
    assert [seen.headers.get("x-derived") for seen in server.seen] == [None, "1", None]


def test_overrides_apply_to_the_derived_desk_only(waits: list[float]) -> None:
    script = Recorder().on("GET", PATH, *[ok({"message": "busy"}, status=503)] * 10)
    with sync_desk("routera", script, max_retries=2) as desk:
        derived = desk.with_options(max_retries=0, headers={"X-Team": "billing"}, call_timeout=30, timeout=7)
        with pytest.raises(ticketkit.ServerError):
            derived.tickets.get(TID)
        assert len(script.requests) == 1 and script.seen[0].headers["x-team"] == "billing"
        with pytest.raises(ticketkit.ServerError):
            desk.tickets.get(TID)
        assert len(script.requests) == 4 and "x-team" not in script.seen[-1].headers
        assert derived._options.call_timeout == 30 and desk._options.call_timeout == 300
        assert derived._options.attempt_timeout == 7 and derived._options.timeout == httpx.Timeout(7, connect=5)
        assert desk._options.timeout is None


def test_options_stack_and_a_call_still_overrides() -> None:
    script = Recorder(answer=ok(ROUTERA))
    with sync_desk("routera", script, headers={"X-App": "a"}) as desk:
        twice = desk.with_options(headers={"X-One": "1"}).with_options(headers={"X-Two": "2"})
        twice.tickets.get(TID, extra_headers={"X-Two": "call"})
        headers = script.seen[0].headers
        assert (headers["x-app"], headers["x-one"], headers["x-two"]) == ("a", "1", "call")


def test_hooks_carry_over() -> None:
    seen: list[str] = []
    hooks = ticketkit.Hooks(on_request=lambda e: seen.append(e.operation))
    with sync_desk("routera", Recorder(answer=ok(ROUTERA)), hooks=hooks) as desk:
        desk.with_options(max_retries=1).tickets.get(TID)
    assert seen == ["tickets.get"]


def test_closing_the_derived_desk_leaves_the_parent_open() -> None:
    script = Recorder(answer=ok(ROUTERA))
    with sync_desk("routera", script) as desk:
        with desk.with_options(max_retries=1) as derived:
            derived.tickets.get(TID)
        assert not desk._http.is_closed
        with pytest.raises(ticketkit.DeskClosedError, match="desk is closed"):
            derived.tickets.get(TID)
        assert desk.tickets.get(TID).id == TID
    assert len(script.requests) == 2


def test_closing_the_parent_closes_the_pool_and_the_derived_desk_says_so() -> None:
    script = Recorder(answer=ok(ROUTERA))
    desk = sync_desk("routera", script)
    derived = desk.with_options(max_retries=1)
    desk.close()
    assert desk._http.is_closed
    with pytest.raises(ticketkit.DeskClosedError, match=r"made from \(with_options\(\)\) is closed"):
        derived.tickets.get(TID)
    with pytest.raises(ticketkit.DeskClosedError):
        derived.request("GET", "/x")
    with pytest.raises(ticketkit.DeskClosedError):
        desk.with_options(max_retries=1)
    assert script.requests == []


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"timeout": 0}, "timeout"),
        ({"call_timeout": float("inf")}, "call_timeout"),
        ({"headers": {"Authorization": "Bearer x"}}, "headers"),
        ({"headers": {"Host": "elsewhere"}}, "headers"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, Any], match: str) -> None:
    with sync_desk("routera", Recorder()) as desk, pytest.raises(ticketkit.InvalidArgumentError, match=match):
        desk.with_options(**kwargs)


# -- async --------------------------------------------------------------------------------------------------


def test_async_derived_desk_shares_the_pool_and_the_parent_close_ends_it(waits: list[float]) -> None:
    script = Recorder().on("GET", PATH, ok({}, status=503), ok(ROUTERA), ok(ROUTERA))

    async def go() -> None:
        desk = async_desk("routera", script, max_retries=0)
        derived = desk.with_options(max_retries=1)
        assert isinstance(derived, ticketkit.AsyncDesk) and derived._http is desk._http
        assert (await derived.tickets.get(TID)).id == TID  # retried once: its own max_retries
        await derived.aclose()
        assert not desk._http.is_closed
        assert (await desk.tickets.get(TID)).id == TID
        other = desk.with_options(timeout=5)
        await desk.aclose()
        with pytest.raises(ticketkit.DeskClosedError, match="with_options"):
            await other.tickets.get(TID)

    asyncio.run(go())
    assert len(script.requests) == 3


def test_async_derived_desk_belongs_to_the_parents_event_loop() -> None:
    desk = async_desk("routera", Recorder(answer=ok(ROUTERA)))

    async def first() -> None:
        await desk.tickets.get(TID)

    asyncio.run(first())
    derived = desk.with_options(max_retries=1)

    async def second() -> None:
        await derived.tickets.get(TID)

    with pytest.raises(ticketkit.InvalidArgumentError, match="another event loop"):
        asyncio.run(second())
