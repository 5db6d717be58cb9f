"""Ids stay inside their URL path segment: `.`, `..`, empty and look-alike ids are refused before sending.

httpx removes dot segments after the generated operations have quoted an id (quoting leaves dots alone), so
without the check `tickets.close("..")` sends `DELETE /` to the API root. One rule (`_arguments.path_id_problem`)
decides for caller-given ids up front and, in the transport, for every id a request puts into a path,
server-given ones included (an Ankra attachment id). Each test counts what reached the wire: nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import DESK_OPTIONS, Recorder, drive, ok
from security_peers import HostileServer, json_answer
from support import load_fixture

BAD_IDS = ["..", ".", "", "   ", " .. ", "\uff0e\uff0e", "\u2025", "1\n", "a\x00b", "x\x7f"]
ROUTERA = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
ANKRA: dict[str, Any] = load_fixture("ankra/ticket-hand-made.json")["value"]
INTERCOM_THREAD = load_fixture("intercom/ticket-thread.json")
INTERCOM = INTERCOM_THREAD.get("value", INTERCOM_THREAD)

# Every desk operation that takes a ticket id, per vendor (Tickiti's go in a JSON body; the rule is the same).
CALLS: dict[str, dict[str, Callable[[Any, str], Any]]] = {
    "routera": {
        "tickets.get": lambda d, i: d.tickets.get(i),
        "tickets.update": lambda d, i: d.tickets.update(i, subject="s"),
        "tickets.close": lambda d, i: d.tickets.close(i),
    },
    "intercom": {
        "tickets.get": lambda d, i: d.tickets.get(i),
        "tickets.update": lambda d, i: d.tickets.update(i, subject="s"),
        # 2.12+: lists the workspace's states first, then reads the ticket: the check comes before both.
        "tickets.update status": lambda d, i: d.tickets.update(i, status="resolved"),
        "tickets.close": lambda d, i: d.tickets.close(i),
        "comments.list": lambda d, i: d.comments.list(i),
        "comments.create": lambda d, i: d.comments.create(i, body="b"),
    },
    "tickiti": {
        "tickets.get": lambda d, i: d.tickets.get(i),
        "tickets.update": lambda d, i: d.tickets.update(i, status="open"),
        "comments.list": lambda d, i: d.comments.list(i),
        "comments.create": lambda d, i: d.comments.create(i, body="b"),
    },
    "ankra": {
        "tickets.get": lambda d, i: d.tickets.get(i),
        "tickets.close": lambda d, i: d.tickets.close(i),
        "comments.list": lambda d, i: d.comments.list(i),
        "comments.create": lambda d, i: d.comments.create(i, body="b"),
    },
}
CASES = [(vendor, name) for vendor, calls in CALLS.items() for name in calls]


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
@pytest.mark.parametrize(("vendor", "operation"), CASES)
def test_a_caller_given_id_that_would_leave_its_segment_is_refused(
    vendor: str, operation: str, bad: str, mode: str
) -> None:
    script = Recorder()
    options = {"token": "tok-123", "transport": script.transport, **DESK_OPTIONS[vendor]}
    with pytest.raises(ticketkit.InvalidArgumentError, match="ticket id"):
        drive(mode, vendor, lambda d: CALLS[vendor][operation](d, bad), **options)
    assert script.requests == []


@pytest.mark.parametrize("good", ["...", "a.b", "1.2", ".hidden", "..x", "x/../y", "%2e%2e"])
def test_ids_with_dots_that_are_not_dot_segments_go_out_in_one_segment(good: str, mode: str) -> None:
    script = Recorder()
    with pytest.raises(ticketkit.APIStatusError):  # the script has no answer: the request is what counts
        drive(mode, "routera", lambda d: d.tickets.close(good), token="tok-123", transport=script.transport)
    [request] = script.requests
    assert request.method == "DELETE"
    raw_path = request.url.raw_path.decode()
    assert raw_path.startswith("/tickets/") and "/" not in raw_path[len("/tickets/") :]


@pytest.mark.parametrize("bad", ["..", ".", "", "\uff0e\uff0e"], ids=repr)
def test_a_server_given_ankra_attachment_id_is_refused_before_its_download(bad: str, mode: str) -> None:
    """The id comes from the ticket the server sent: the download request is never sent."""
    ticket = {**ANKRA, "attachments": [{**ANKRA["attachments"][0], "id": bad}]}
    script = Recorder().on("GET", f"/api/v1/org/support/tickets/{ANKRA['id']}", ok(ticket))

    def download(desk: Any) -> Any:
        async_or_not = desk.tickets.get(ANKRA["id"])
        if mode == "sync":
            return desk.attachments.download(async_or_not.attachments[0])

        async def go() -> Any:
            fetched = await async_or_not
            return await desk.attachments.download(fetched.attachments[0])

        return go()

    with pytest.raises(ticketkit.InvalidArgumentError, match="request path"):
        drive(mode, "ankra", download, token="tok-123", transport=script.transport)
    assert [r.url.path for r in script.requests] == [f"/api/v1/org/support/tickets/{ANKRA['id']}"]


@pytest.mark.parametrize(
    ("vendor", "path", "listing", "close"),
    [
        ("routera", "/tickets", lambda bad: {"data": [{**ROUTERA, "id": bad}]}, "DELETE"),
        (
            "intercom",
            "/tickets/search",
            lambda bad: {"type": "ticket.list", "tickets": [{**INTERCOM, "id": bad}], "total_count": 1},
            "PUT",
        ),
    ],
)
def test_a_server_given_ticket_id_is_refused_when_passed_back(
    vendor: str, path: str, listing: Callable[[str], Any], close: str, mode: str
) -> None:
    """A list that hands out the id `..`: closing that ticket sends nothing."""
    method = "POST" if vendor == "intercom" else "GET"
    script = Recorder().on(method, path, ok(listing("..")))

    def close_first(desk: Any) -> Any:
        if mode == "sync":
            [ticket] = list(desk.tickets.list(limit=1))
            return desk.tickets.close(ticket.id)

        async def go() -> Any:
            tickets = [t async for t in desk.tickets.list(limit=1)]
            return await desk.tickets.close(tickets[0].id)

        return go()

    with pytest.raises(ticketkit.InvalidArgumentError, match="ticket id"):
        drive(mode, vendor, close_first, token="tok-123", transport=script.transport, **DESK_OPTIONS[vendor])
    assert [r.method for r in script.requests] == [method]  # the list, and no close


def test_close_dot_dot_never_reaches_a_real_api_root(mode: str) -> None:
    """The issue's case on a real socket: the loopback API receives nothing (it used to get `DELETE /`)."""
    with HostileServer(lambda seen: json_answer(200, "{}")) as api:
        with pytest.raises(ticketkit.InvalidArgumentError):
            drive(mode, "routera", lambda d: d.tickets.close(".."), token="tok-123", base_url=api.url)
    assert api.seen == []


def test_the_transport_refuses_a_dot_segment_whatever_put_it_there() -> None:
    """The net under every plan: a call whose path has a dot segment is not built (a plan that forgot the
    up-front check, or an id that came from a server)."""
    from ticketkit._adapter import Call
    from ticketkit._request import build_request as _build
    from ticketkit._transport import RequestOptions
    from ticketkit.vendors.routera import RouteraAdapter

    with httpx.Client(base_url="https://api.routera.io") as client:
        for path in ["/tickets/..", "/tickets/.", "/tickets/", "/tickets/%2E%2e", "/tickets/%EF%BC%8E%EF%BC%8E"]:
            call = Call("tickets.close", {"method": "DELETE", "url": path})
            with pytest.raises(ticketkit.InvalidArgumentError, match="request path"):
                _build(client, RouteraAdapter(), call, RequestOptions())
        dots = Call("tickets.get", {"method": "GET", "url": "/tickets/..."})
        built = _build(client, RouteraAdapter(), dots, RequestOptions())
        assert built.url.raw_path == b"/tickets/..."
