"""What mypy infers for issue 16's surface: raw responses, the passthrough, hooks and with_options. Checked by
`nox -s typecheck` (mypy --strict), never run.
Lines marked `# E: code` are mistakes both checkers must report (run_checkers.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, assert_type

import httpx
import intercom_client
import ticketkit
from ticketkit import AsyncDesk, Comment, Desk, Hooks, RawResponse, Ticket, TicketPage


def raw_responses() -> None:
    with ticketkit.connect("intercom", token="t") as desk:
        raw = desk.with_raw_response.tickets.get("1")
        assert_type(raw, RawResponse[Ticket])
        assert_type(raw.parse(), Ticket)
        assert_type(raw.http_response, httpx.Response)
        assert_type(raw.http_responses, tuple[httpx.Response, ...])
        assert_type(raw.request_id, str | None)
        assert_type(raw.status_code, int)
        assert_type(desk.with_raw_response.tickets.list(status="open").parse(), Iterator[Ticket])
        assert_type(desk.with_raw_response.tickets.pages().parse(), Iterator[TicketPage])
        assert_type(desk.with_raw_response.tickets.create(subject="s"), RawResponse[Ticket])
        assert_type(desk.with_raw_response.comments.list("1"), RawResponse[list[Comment]])
        assert_type(desk.with_raw_response.comments.create("1", body="b"), RawResponse[Comment])
        desk.with_raw_response.tickets.get(1)  # E: arg-type
        desk.with_raw_response.tickets.get_many(["1"])  # E: attr-defined


async def async_raw_responses() -> None:
    async with ticketkit.connect_async("intercom", token="t") as desk:
        raw = await desk.with_raw_response.tickets.get("1")
        assert_type(raw, RawResponse[Ticket])
        listing = await desk.with_raw_response.tickets.list()
        assert_type(listing.parse(), AsyncIterator[Ticket])
        assert_type(await desk.with_raw_response.comments.list("1"), RawResponse[list[Comment]])


def passthrough(desk: Desk[Any]) -> None:
    assert_type(desk.request("GET", "/admins"), Any)
    assert_type(desk.request("GET", "/admins", raw=True), RawResponse[Any])
    assert_type(desk.with_raw_response.request("GET", "/admins"), RawResponse[Any])
    desk.request(
        "GET", "/admins", json={}, content=b"", params={"a": 1}, headers={"X": "1"}, timeout=3.0, max_retries=0
    )
    desk.request("GET", "/admins", headers={"X": 1})  # E: dict-item


async def async_passthrough(desk: AsyncDesk[Any]) -> None:
    assert_type(await desk.request("GET", "/admins"), Any)
    assert_type(await desk.request("GET", "/admins", raw=True), RawResponse[Any])


def hooks_and_options() -> None:
    def on_retry(event: ticketkit.RetryEvent) -> None:
        print(event.attempt, event.reason, event.wait)

    async def on_request(event: ticketkit.RequestEvent) -> None:
        print(event.request.method, event.operation)

    desk = ticketkit.connect("intercom", token="t", hooks=Hooks(on_retry=on_retry))
    assert_type(desk, Desk[intercom_client.Client])
    ticketkit.connect_async("routera", token="t", hooks=Hooks(on_request=on_request))
    ticketkit.connect("some-plugin", token="t", hooks=Hooks(on_retry=on_retry))
    ticketkit.connect("intercom", token="t", hooks=on_retry)  # E: call-overload
    Hooks(on_retry=lambda event: print(event.status))  # E: attr-defined
    derived = desk.with_options(timeout=5, max_retries=1, headers={"X-Team": "a"}, call_timeout=30)
    assert_type(derived, Desk[intercom_client.Client])
    desk.with_options(retries=1)  # E: call-arg
