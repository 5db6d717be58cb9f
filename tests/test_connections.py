"""Real sockets on loopback: one pooled client per desk, reused, and closed with the desk."""

from __future__ import annotations

import asyncio
import gc
import json
import warnings
from collections.abc import Iterator

import pytest
import ticketkit
from loopback import Answer, serving
from support import load_fixture

TICKET = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
BODY = json.dumps(TICKET).encode()


def router(method: str, path: str) -> Answer:
    return (200, "application/json", BODY)


@pytest.fixture
def base_url() -> Iterator[str]:
    with serving(router) as url:
        yield url


def _resource_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


def test_a_closed_sync_desk_leaves_no_socket_open(base_url: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with ticketkit.connect("routera", token="t", base_url=base_url) as desk:
            ids = [desk.tickets.get(TICKET["id"]).id for _ in range(5)]
        del desk
        gc.collect()
    assert ids == [TICKET["id"]] * 5
    assert _resource_warnings(caught) == []


def test_a_closed_async_desk_leaves_no_socket_open(base_url: str) -> None:
    async def go() -> list[str]:
        async with ticketkit.connect_async("routera", token="t", base_url=base_url) as desk:
            tickets = await asyncio.gather(*(desk.tickets.get(TICKET["id"]) for _ in range(5)))
        return [t.id for t in tickets]

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert asyncio.run(go()) == [TICKET["id"]] * 5
        gc.collect()
    assert _resource_warnings(caught) == []


def test_the_check_sees_a_desk_left_open(base_url: str) -> None:
    """The control: the same check does catch an unclosed desk's socket."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        desk = ticketkit.connect("routera", token="t", base_url=base_url)
        desk.tickets.get(TICKET["id"])
        del desk
        gc.collect()
    assert any("unclosed" in message for message in _resource_warnings(caught))


def test_the_pool_is_reused_across_calls(base_url: str) -> None:
    with ticketkit.connect("routera", token="t", base_url=base_url) as desk:
        desk.tickets.get(TICKET["id"])
        pool = desk._http._transport._pool  # type: ignore[attr-defined]
        first = list(pool.connections)
        desk.tickets.get(TICKET["id"])
        desk.tickets.get(TICKET["id"])
        assert list(pool.connections) == first and len(first) == 1
