"""The README's examples as a user types them: each must pass mypy --strict and pyright strict unchanged."""
# pyright: strict

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Callable
from typing import Any

import ticketkit
from ticketkit.sandbox import Sandbox


def triage(desk: ticketkit.Desk) -> None:
    for ticket in desk.tickets.list(limit=20):
        print(desk.vendor, ticket.id, ticket.status.value, ticket.priority.value, ticket.subject)
        if "comments.create" in desk.capabilities:
            desk.comments.create(ticket.id, body="Thanks, we are looking into it.")


def one_interface() -> None:
    with ticketkit.connect("intercom", token="...", admin_id="814860") as desk:
        triage(desk)
    with ticketkit.connect("ankra", token="...") as desk:
        triage(desk)


def sandbox_example() -> None:
    sandbox = Sandbox("tickiti")  # in-process: an httpx transport, no sockets
    with ticketkit.connect("tickiti", **sandbox.connect_options()) as desk:
        ticket = desk.tickets.create(subject="Printer", description="On fire", requester_email="a@b.example")
        desk.comments.create(ticket.id, body="On our way")


def vendor_fields() -> None:
    with ticketkit.connect("routera", token="...", description_field="description") as routera:
        routera.tickets.create(subject="Refund", pipeline="support", properties={"order": "A-1"})
    with ticketkit.connect("intercom", token="...") as intercom:
        intercom.tickets.create(subject="Refund", ticket_type_id=1, assignee_id="7", requester_email="a@b.example")
        intercom.tickets.update("1", assignee_id=7, admin_id="814860", ticket_state_id="2")
        intercom.tickets.update("1", assignment={"admin_id": 1, "assignee_id": 2})
    with ticketkit.connect("tickiti", base_url="https://help.example", token="...") as tickiti:
        tickiti.tickets.create(subject="Printer", queue_name="IT", is_public=True, requester_email="a@b.example")
        tickiti.tickets.update("1", status=ticketkit.TicketStatus.ON_HOLD, on_hold_until="2026-12-24")
        for ticket in tickiti.tickets.list(criteria={"queue": ["Returns", "Warranty"]}):
            print(ticket.id)
        tickiti.comments.create("1", body="On our way", agent_email="agent@help.example", idempotency_key="k-1")
    with ticketkit.connect("ankra", token="...") as ankra:
        ankra.tickets.create(subject="Node down", category="cluster", severity="high", acknowledged=True)
        ankra.tickets.create(subject="", review_id="r-1")
        for ticket in ankra.tickets.list(q="disk", cluster_id="0f8fad5b-d9cb-469f-a165-70867728950e"):
            print(ticket.id)


def sync(desk: ticketkit.Desk, state_file: pathlib.Path, upsert: Callable[[list[ticketkit.Ticket]], None]) -> None:
    """Copy every ticket changed since the last run. Kill it at any point and run it again: nothing is missed."""
    state: dict[str, Any] = (
        json.loads(state_file.read_text()) if state_file.exists() else {"since": None, "cursor": None}
    )
    since = dt.datetime.fromisoformat(state["since"]) if state["since"] else None
    for page in desk.tickets.pages(updated_since=since, cursor=state["cursor"]):
        upsert(page.items)  # by ticket.id: a ticket can come again in the next run, never go missing
        watermark = page.watermark.isoformat() if page.watermark else None
        state = {"since": state["since"], "cursor": page.cursor, "next_since": watermark}
        state_file.write_text(json.dumps(state))
    state_file.write_text(json.dumps({"since": state.get("next_since", state["since"]), "cursor": None}))


def errors() -> None:
    with ticketkit.connect("intercom", token="...") as desk:
        try:
            desk.tickets.get("1268")
        except ticketkit.RateLimitError as exc:
            print(exc.retry_after, exc.status_code, exc.request_id)
        except ticketkit.NotFoundError as exc:
            print(exc.vendor, exc.message)
        except ticketkit.InvalidRequestError as exc:
            for problem in exc.problems:
                print(problem.field, problem.message)
        except ticketkit.APIConnectionError as exc:
            print(exc.vendor, exc.message)
        except ticketkit.TicketkitError as exc:
            print(exc)


def bulk(ids: list[str]) -> None:
    with ticketkit.connect("ankra", token="...", concurrency=8) as desk:
        for ticket in desk.tickets.get_many(ids):
            print(ticket.subject)
        for result in desk.tickets.get_many(ids, return_exceptions=True):
            if isinstance(result, ticketkit.TicketkitError):
                print("failed", result)
            else:
                print(result.id)
        for thread in desk.comments.list_many(ids, concurrency=4):
            print(len(thread))


async def asynchronous() -> None:
    async with ticketkit.connect_async("intercom", token="...") as desk:
        ticket = await desk.tickets.get("1268")
        await desk.comments.create(ticket.id, body="Thanks", admin_id=814860)
        async for listed in desk.tickets.list(status="open", limit=10):
            print(listed.subject)
        async for page in desk.tickets.pages(page_size=50):
            print(page.cursor)
