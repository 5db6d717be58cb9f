"""What the desk's methods return, as a type checker sees it (sync and async, every vendor, a run-time vendor)."""
# pyright: strict

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, assert_type

import ticketkit
from ticketkit import Comment, Ticket, TicketkitError, TicketPage, TicketStatus


def sync_results(desk: ticketkit.Desk[Any]) -> None:
    ticket = desk.tickets.get("1")
    assert_type(ticket, Ticket)
    assert_type(ticket.status, TicketStatus)
    assert_type(desk.tickets.create(subject="s"), Ticket)
    assert_type(desk.tickets.update("1", status=TicketStatus.OPEN), Ticket)
    assert_type(desk.tickets.close("1"), Ticket)
    assert_type(desk.tickets.list(limit=1), Iterator[Ticket])
    assert_type(desk.tickets.pages(page_size=10), Iterator[TicketPage])
    assert_type(next(desk.tickets.pages()), TicketPage)
    assert_type(desk.tickets.get_many(["1"]), Iterator[Ticket])
    assert_type(desk.tickets.get_many(["1"], return_exceptions=True), Iterator[Ticket | TicketkitError])
    assert_type(desk.comments.list("1"), list[Comment])
    assert_type(desk.comments.create("1", body="b"), Comment)
    assert_type(desk.comments.list_many(["1"]), Iterator[list[Comment]])
    for attachment in ticket.attachments:
        assert_type(desk.attachments.download(attachment), bytes)


def vendor_results() -> None:
    with ticketkit.connect("intercom", token="t") as intercom:
        assert_type(intercom.tickets.create(subject="s", ticket_type_id=1), Ticket)
        assert_type(intercom.comments.create("1", body="b", attachment_urls=["https://x.example/a"]), Comment)
    with ticketkit.connect("routera", token="t") as routera:
        assert_type(routera.tickets.list(properties=["order"]), Iterator[Ticket])
        assert_type(routera.tickets.pages(properties="order"), Iterator[TicketPage])
    with ticketkit.connect("ankra", token="t") as ankra:
        assert_type(ankra.tickets.list(q="disk"), Iterator[Ticket])


async def async_results(desk: ticketkit.AsyncDesk[Any]) -> None:
    ticket = await desk.tickets.get("1")
    assert_type(ticket, Ticket)
    assert_type(ticket.status, TicketStatus)
    assert_type(await desk.tickets.create(subject="s"), Ticket)
    assert_type(await desk.tickets.update("1", subject="t"), Ticket)
    assert_type(desk.tickets.list(), AsyncIterator[Ticket])
    assert_type(desk.tickets.pages(), AsyncIterator[TicketPage])
    assert_type(desk.tickets.get_many(["1"]), AsyncIterator[Ticket])
    assert_type(await desk.comments.list("1"), list[Comment])
    assert_type(await desk.comments.create("1", body="b", internal=True), Comment)
    async for page in desk.tickets.pages():
        assert_type(page, TicketPage)
    async with ticketkit.connect_async("tickiti", base_url="https://h.example") as tickiti:
        assert_type(await tickiti.tickets.create(subject="s", queue_name="IT"), Ticket)
        assert_type(tickiti.tickets.list(perspective_id=3), AsyncIterator[Ticket])


def run_time_vendor(name: str, options: dict[str, Any]) -> None:
    # A vendor named at run time (a plug-in's, a variable): its own keywords come from a dict.
    with ticketkit.connect(name, token="t", **options) as desk:
        assert_type(desk, ticketkit.Desk[Any])
        assert_type(desk.tickets.create(subject="s", **options), Ticket)
        assert_type(desk.tickets.list(limit=5, **options), Iterator[Ticket])


def error_attributes(exc: Exception) -> None:
    if isinstance(exc, ticketkit.RateLimitError):
        assert_type(exc.retry_after, float | None)
        assert_type(exc.status_code, int)
        assert_type(exc.problems, list[ticketkit.Problem])
    if isinstance(exc, ticketkit.APIStatusError):
        assert_type(exc.request_id, str | None)
        assert_type(exc.code, str | None)
    if isinstance(exc, ticketkit.UnsupportedOperationError):
        assert_type(exc.operation, str)
    if isinstance(exc, ticketkit.ResponseTooLargeError):
        assert_type(exc.limit, int)
    if isinstance(exc, ticketkit.PagingLoopError):
        assert_type(exc.page, int)
