"""Deliberate mistakes: each marked line must be an error for mypy (that code) and for pyright."""
# pyright: strict

from __future__ import annotations

import httpx
import intercom_client
import ticketkit
from ticketkit import Desk


def connect_mistakes() -> None:
    ticketkit.connect("intercom", token="t", no_such_option=True)  # E: call-overload
    ticketkit.connect("ankra", token="t", admin_id=1)  # E: call-overload
    ticketkit.connect("tickiti", base_url="https://h.example", organisation_id="x")  # E: call-overload
    ticketkit.connect_async("routera", token="t", agent_email="a@b.c")  # E: call-overload
    ticketkit.connect("intercom", token=1)  # E: call-overload
    ticketkit.connect("intercom", transport=httpx.AsyncHTTPTransport())  # E: call-overload
    ticketkit.connect_async("intercom", transport=httpx.HTTPTransport())  # E: call-overload
    ticketkit.connect("intercom", max_retries="3")  # E: call-overload
    routera: Desk[intercom_client.Client] = ticketkit.connect("routera", token="t")  # E: assignment
    del routera


def run_time_vendor_mistakes(name: str) -> None:
    ticketkit.connect(name, token="t", anything_a_plugin_takes=1)  # E: call-overload
    ticketkit.connect(name, timeout="soon")  # E: call-overload


def vendor_field_mistakes() -> None:
    with ticketkit.connect("intercom", token="t") as intercom:
        intercom.tickets.create(subject="s", no_such_field=1)  # E: call-overload
        intercom.tickets.create(subject="s", pipeline="p")  # E: call-overload
        intercom.tickets.create(subject="s", ticket_type_id=[1])  # E: call-overload
        intercom.tickets.update("1", queue_name="IT")  # E: call-overload
        intercom.tickets.list(q="disk")  # E: call-arg
        intercom.comments.create("1", body="b", agent_email="a@b.c")  # E: call-overload
    with ticketkit.connect("routera", token="t") as routera:
        routera.tickets.create(subject="s", properties=["x"])  # E: call-overload
        routera.comments.create("1", body="b", admin_id=1)  # E: call-arg
        routera.tickets.pages(criteria={"queue": "x"})  # E: call-overload
    with ticketkit.connect("tickiti", base_url="https://h.example") as tickiti:
        tickiti.tickets.update("1", on_hold_until=20261224)  # E: call-overload
        tickiti.tickets.create(subject="s", is_public="yes")  # E: call-overload
    with ticketkit.connect("ankra", token="t") as ankra:
        ankra.tickets.create(subject="s", acknowledged="yes")  # E: call-overload
        ankra.tickets.update("1", subject="t", category="x")  # E: call-arg


def common_mistakes(desk: Desk) -> None:
    desk.tickets.create(description="no subject")  # E: call-overload
    desk.tickets.get(1268)  # E: arg-type
    desk.tickets.list(status=3)  # E: call-overload
    desk.comments.create("1", text="b")  # E: call-overload
    desk.tickets.update("1", stauts="open")  # E: call-overload
    subject: int = desk.tickets.get("1").subject  # E: assignment
    del subject


async def async_mistakes() -> None:
    async with ticketkit.connect_async("tickiti", base_url="https://h.example") as desk:
        ticket = desk.tickets.get("1")
        print(ticket.subject)  # E: attr-defined
        for _ in desk.tickets.list():  # E: attr-defined
            pass
        await desk.comments.create("1", body="b", admin_id=1)  # E: call-overload
