"""The Intercom desk: every operation on the wire and normalized, its errors, and both desks alike.

Fixtures: the retrieve-ticket sample of the vendor document (vendor_docs/intercom-retrieve-ticket.json), the
2.16 ticket (intercom/ticket-2.16.json) and its 2.11 twin (intercom/ticket-2.11.json), a 2.11 ticket with a
thread (intercom/ticket-thread.json), and the reply and error examples of specs/intercom.yaml.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, async_desk, calling, drive, ok, raw, sync_desk
from intercom_client import Client
from support import load_fixture, load_spec, media_example
from ticketkit import (
    APIStatusError,
    Attachment,
    AuthenticationError,
    Comment,
    InvalidArgumentError,
    InvalidRequestError,
    NotFoundError,
    Party,
    PartyKind,
    PermissionDeniedError,
    Priority,
    Problem,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    Ticket,
    TicketStatus,
)

VENDOR = "intercom"
DOC_TICKET: dict[str, Any] = load_fixture("vendor_docs/intercom-retrieve-ticket.json")["examples"]["response_sample"][
    "value"
]
TICKET_2_16: dict[str, Any] = load_fixture("intercom/ticket-2.16.json")["value"]
TICKET_2_11: dict[str, Any] = load_fixture("intercom/ticket-2.11.json")["value"]
THREAD: dict[str, Any] = load_fixture("intercom/ticket-thread.json")["value"]
PARTS: dict[str, dict[str, Any]] = {p["id"]: p for p in THREAD["ticket_parts"]["ticket_parts"]}
# The `admin_note` reply example of specs/intercom.yaml (POST /tickets/{id}/reply).
NOTE_PART: dict[str, Any] = media_example("intercom", "/tickets/{id}/reply", "post", "200", "admin_note")
CURSOR = "WzE3MTk0OTMwNjUwMDAsIjQ5NCJd"
FILE_URL = "https://downloads.intercomcdn.com/i/o/1002/error.png"
ADMIN = "991267829"


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def variant(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of a ticket with top-level keys replaced (a value of DROP removes the key)."""
    ticket = copy.deepcopy(base)
    for key, value in changes.items():
        if value is DROP:
            ticket.pop(key, None)
        else:
            ticket[key] = value
    return ticket


DROP = object()


def page(tickets: list[dict[str, Any]], cursor: str | None = None) -> dict[str, Any]:
    """A search answer in the documented `ticket.list` shape."""
    following = {"per_page": 150, "starting_after": cursor} if cursor else None
    return {
        "type": "ticket.list",
        "tickets": tickets,
        "total_count": len(tickets),
        "pages": {
            "type": "pages",
            "page": 1,
            "per_page": 150,
            "total_pages": 2 if cursor else 1,
            "next": following,
        },
    }


def error_body(code: str, message: str, request_id: str | None, field: str | None = None) -> dict[str, Any]:
    item = {"code": code, "message": message, **({"field": field} if field else {})}
    return {"type": "error.list", "request_id": request_id, "errors": [item]}


def perform(mode: str, script: Recorder, operation: str, *args: Any, connect: Any = None, **kwargs: Any) -> Any:
    """`desk.<operation>(*args, **kwargs)` on an Intercom desk on the script (`connect`: more connect options)."""
    return drive(mode, VENDOR, calling(operation, *args, **kwargs), transport=script, **(connect or {}))


def assert_api_request(request: httpx.Request, method: str, path: str, body: Any = None, version: str = "2.16") -> None:
    assert request.method == method
    assert (request.url.scheme, request.url.host, request.url.path) == ("https", "api.intercom.io", path)
    assert request.url.query == b""
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["intercom-version"] == version
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == body


def get(ticket: dict[str, Any], **connect: Any) -> Ticket:
    """tickets.get answered with `ticket` (sync desk)."""
    script = Recorder().on("GET", f"/tickets/{ticket['id']}", ok(ticket))
    result: Ticket = perform("sync", script, "tickets.get", ticket["id"], connect=connect)
    return result


# -- the operations, for the tables below -------------------------------------------------------------------

DOWNLOADABLE = Attachment(id=FILE_URL, name="error.png", url=FILE_URL, raw={})


@dataclass(frozen=True)
class Op:
    method: str
    path: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    documented: tuple[int, ...] = ()  # the error statuses specs/intercom.yaml documents for the call


OPS: dict[str, Op] = {
    "tickets.get": Op("GET", "/tickets/1268", ("1268",), documented=(401, 403, 404, 429)),
    "tickets.list": Op("POST", "/tickets/search", documented=(400, 401, 403, 429)),
    "tickets.create": Op(
        "POST",
        "/tickets",
        kwargs={"subject": "Export fails", "requester_email": "jo@example.com", "ticket_type_id": "106"},
        documented=(400, 401, 403, 429),
    ),
    "tickets.update": Op(
        "PUT", "/tickets/1268", ("1268",), {"subject": "Renamed"}, documented=(400, 401, 403, 404, 429)
    ),
    "tickets.close": Op("PUT", "/tickets/1268", ("1268",), documented=(400, 401, 403, 404, 429)),
    "comments.list": Op("GET", "/tickets/1268", ("1268",), documented=(401, 403, 404, 429)),
    "comments.create": Op(
        "POST",
        "/tickets/1268/reply",
        ("1268",),
        {"body": "Checked the logs.", "internal": True, "admin_id": ADMIN},
        documented=(400, 401, 403, 404, 429),
    ),
    "attachments.download": Op("GET", "/i/o/1002/error.png", (DOWNLOADABLE,)),
}
API_OPS = [name for name in OPS if name != "attachments.download"]

# The error examples of specs/intercom.yaml, and what the desk must read from them.
ERRORS: dict[int, tuple[type[APIStatusError], dict[str, Any]]] = {
    400: (
        InvalidRequestError,
        {
            "type": "error.list",
            "request_id": None,
            "errors": [
                {
                    "code": "invalid_ticket_type",
                    "message": "Ticket type is not valid",
                    "field": "ticket_type_id",
                },
                {"code": "parameter_invalid", "message": "Contact email is invalid", "field": "contacts"},
            ],
        },
    ),
    401: (AuthenticationError, error_body("unauthorized", "Access Token Invalid", "e7ba89f2-3bc8")),
    403: (
        PermissionDeniedError,
        error_body("api_plan_restricted", "Active subscription needed.", "9c1b4f4e"),
    ),
    404: (NotFoundError, error_body("ticket_not_found", "Ticket not found", "c23e8dab-6102")),
    429: (RateLimitError, error_body("rate_limit_exceeded", "Too many requests", "0b4a2d52")),
}


# -- capabilities --------------------------------------------------------------------------------------------


def test_capabilities_cover_every_unified_operation() -> None:
    # Intercom has all eight, so no operation raises UnsupportedOperationError for it.
    desk = ticketkit.connect(VENDOR, token="tok-123")
    assert set(desk.capabilities.supported) == set(OPS)
    assert all(name in desk.capabilities for name in OPS)
    assert isinstance(desk.client, Client)
    assert "tok-123" not in repr(desk)
    desk.close()


# -- tickets.get ---------------------------------------------------------------------------------------------

EXPECTED_THREAD_TICKET = {
    "vendor": "intercom",
    "id": "1268",
    "number": "89",
    "subject": "Export fails",
    "description": "The CSV export fails\nsince Monday & today.",
    "status": TicketStatus.WAITING_ON_CUSTOMER,
    "status_raw": "waiting_on_customer",
    "priority": Priority.UNKNOWN,
    "priority_raw": None,
    "requester": Party(kind=PartyKind.CUSTOMER, id="667d61b78a68186f43bafe8d"),
    "assignee": Party(kind=PartyKind.TEAM, id="5017691"),
    "created_at": utc(2024, 5, 22, 13, 44, 26),
    "updated_at": utc(2024, 5, 22, 13, 53, 19),
    "closed_at": None,
    "archived_at": None,
    "custom_fields": {
        "Priority level": "High",
        "Affected users": 12,
        "Screenshots": THREAD["ticket_attributes"]["Screenshots"],
    },
}


def test_get_ticket(mode: str) -> None:
    script = Recorder().on("GET", "/tickets/1268", ok(THREAD))
    ticket = perform(mode, script, "tickets.get", "1268")

    [request] = script.requests
    assert_api_request(request, "GET", "/tickets/1268")
    for name, expected in EXPECTED_THREAD_TICKET.items():
        assert getattr(ticket, name) == expected, name
    assert [c.id for c in ticket.comments] == ["101", "103", "105", "106", "107", "108"]
    assert ticket.comments == EXPECTED_COMMENTS
    assert ticket.attachments == [*EXPECTED_COMMENTS[0].attachments, *EXPECTED_COMMENTS[4].attachments]
    assert ticket.raw == THREAD


def test_get_ticket_from_the_vendor_document() -> None:
    ticket = get(DOC_TICKET)
    assert ticket == Ticket(
        vendor="intercom",
        id="1268",
        number="89",
        subject="attribute_value",
        description=None,
        status=TicketStatus.NEW,
        status_raw="submitted",
        priority=Priority.UNKNOWN,
        requester=None,  # the sample's contact list has no contacts
        assignee=None,  # "0" and "0"
        created_at=utc(2024, 5, 22, 13, 44, 26),
        updated_at=utc(2024, 5, 22, 13, 44, 27),
        custom_fields={},
        comments=None,  # ticket_parts came without the parts themselves
        attachments=[],
        raw=DOC_TICKET,
    )


def test_the_ticket_id_stays_in_its_path_segment() -> None:
    script = Recorder().on("GET", "/tickets/a/../b", ok(variant(THREAD, id="a/../b")))  # keyed by decoded path
    perform("sync", script, "tickets.get", "a/../b")
    assert script.requests[0].url.raw_path == b"/tickets/a%2F..%2Fb"


# -- tickets.list --------------------------------------------------------------------------------------------

EVERY_TICKET = {"field": "created_at", "operator": ">", "value": 0}


def test_list_pages_with_the_starting_after_cursor(mode: str) -> None:
    second = variant(TICKET_2_11)
    script = Recorder().on("POST", "/tickets/search", ok(page([THREAD], CURSOR)), ok(page([second])))
    tickets = perform(mode, script, "tickets.list")

    assert [t.id for t in tickets] == ["1268", "627"]
    assert tickets[0].status is TicketStatus.WAITING_ON_CUSTOMER and tickets[0].raw == THREAD
    assert tickets[1].raw == second
    first_request, next_request = script.requests
    assert_api_request(
        first_request, "POST", "/tickets/search", {"query": EVERY_TICKET, "pagination": {"per_page": 150}}
    )
    assert_api_request(
        next_request,
        "POST",
        "/tickets/search",
        {"query": EVERY_TICKET, "pagination": {"per_page": 150, "starting_after": CURSOR}},
    )


@pytest.mark.parametrize(("page_size", "per_page"), [(5, 5), (150, 150), (1000, 150)])
def test_list_page_size_is_capped_at_the_documented_maximum(page_size: int, per_page: int) -> None:
    script = Recorder().on("POST", "/tickets/search", ok(page([])))
    assert perform("sync", script, "tickets.list", page_size=page_size) == []
    assert script.bodies() == [{"query": EVERY_TICKET, "pagination": {"per_page": per_page}}]


def test_list_stops_at_limit_without_fetching_more() -> None:
    script = Recorder().on("POST", "/tickets/search", ok(page([THREAD, TICKET_2_11], CURSOR)))
    assert [t.id for t in perform("sync", script, "tickets.list", limit=1)] == ["1268"]
    assert len(script.requests) == 1


def test_list_without_a_next_page_stops() -> None:
    last = page([THREAD])
    last["pages"] = None  # 2.16 declares `pages` nullable
    script = Recorder().on("POST", "/tickets/search", ok(last))
    assert [t.id for t in perform("sync", script, "tickets.list")] == ["1268"]


def _state(value: str) -> dict[str, Any]:
    return {"field": "state", "operator": "=", "value": value}


OPEN_TICKETS = {"field": "open", "operator": "=", "value": True}


@pytest.mark.parametrize(
    ("status", "query"),
    [
        (TicketStatus.NEW, {"operator": "AND", "value": [_state("submitted"), OPEN_TICKETS]}),
        (TicketStatus.IN_PROGRESS, {"operator": "AND", "value": [_state("in_progress"), OPEN_TICKETS]}),
        (
            TicketStatus.WAITING_ON_CUSTOMER,
            {"operator": "AND", "value": [_state("waiting_on_customer"), OPEN_TICKETS]},
        ),
        (TicketStatus.RESOLVED, _state("resolved")),
        (TicketStatus.CLOSED, {"field": "open", "operator": "=", "value": False}),
    ],
)
def test_list_by_status_searches_by_state(status: TicketStatus, query: dict[str, Any]) -> None:
    script = Recorder().on("POST", "/tickets/search", ok(page([])))
    perform("sync", script, "tickets.list", status=status.value)
    assert script.bodies() == [{"query": query, "pagination": {"per_page": 150}}]


def test_list_on_hold_searches_for_a_snooze_in_the_future() -> None:
    snoozed = variant(THREAD, snoozed_until=int(time.time()) + 3600)
    script = Recorder().on("POST", "/tickets/search", ok(page([snoozed])))
    before = int(time.time())
    tickets = perform("sync", script, "tickets.list", status=TicketStatus.ON_HOLD)
    after = int(time.time())

    assert [t.status for t in tickets] == [TicketStatus.ON_HOLD]
    [body] = script.bodies()
    is_open, snooze = body["query"]["value"]
    assert body["query"]["operator"] == "AND" and is_open == OPEN_TICKETS
    assert (snooze["field"], snooze["operator"]) == ("snoozed_until", ">")
    assert before <= snooze["value"] <= after


def test_list_by_status_drops_what_the_search_cannot_exclude(mode: str) -> None:
    # `open = false` also finds resolved tickets, which are RESOLVED, not CLOSED; a page left empty by
    # that is skipped rather than ending the list.
    resolved = variant(THREAD, id="1", ticket_state="resolved", open=False)
    closed = variant(THREAD, id="2", ticket_state="submitted", open=False)
    script = Recorder().on("POST", "/tickets/search", ok(page([resolved], CURSOR)), ok(page([resolved, closed])))
    tickets = perform(mode, script, "tickets.list", status="closed")

    assert [(t.id, t.status) for t in tickets] == [("2", TicketStatus.CLOSED)]
    assert [b["pagination"] for b in script.bodies()] == [
        {"per_page": 150},
        {"per_page": 150, "starting_after": CURSOR},
    ]


@pytest.mark.parametrize("status", [TicketStatus.OPEN, TicketStatus.UNKNOWN])
def test_list_by_a_status_intercom_never_has_is_refused(status: TicketStatus) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match="never"):
        perform("sync", script, "tickets.list", status=status)
    assert script.requests == []


# -- tickets.create ------------------------------------------------------------------------------------------


def test_create_ticket(mode: str) -> None:
    script = Recorder().on("POST", "/tickets", ok(THREAD))
    ticket = perform(
        mode,
        script,
        "tickets.create",
        subject="Export fails",
        description="The CSV export fails",
        requester_email="jo@example.com",
        ticket_attributes={"Priority level": "High"},
        company_id="6762f2dd1bb69f9f2193bc77",
        connect={"ticket_type_id": 106},
    )

    [request] = script.requests
    assert_api_request(
        request,
        "POST",
        "/tickets",
        {
            "ticket_type_id": "106",
            "contacts": [{"email": "jo@example.com"}],
            "ticket_attributes": {
                "Priority level": "High",
                "_default_title_": "Export fails",
                "_default_description_": "The CSV export fails",
            },
            "company_id": "6762f2dd1bb69f9f2193bc77",
        },
    )
    assert (ticket.id, ticket.number, ticket.subject) == ("1268", "89", "Export fails")
    assert ticket.raw == THREAD


def test_create_ticket_type_per_call_overrides_connect() -> None:
    script = Recorder().on("POST", "/tickets", ok(DOC_TICKET))
    perform(
        "sync",
        script,
        "tickets.create",
        subject="Hi",
        requester_email="jo@example.com",
        ticket_type_id="249",
        connect={"ticket_type_id": "106"},
    )
    assert script.bodies() == [
        {
            "ticket_type_id": "249",
            "contacts": [{"email": "jo@example.com"}],
            "ticket_attributes": {"_default_title_": "Hi"},
        }
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"subject": "Hi", "requester_email": "jo@example.com"}, "ticket_type_id"),
        ({"subject": "Hi", "ticket_type_id": "106"}, "requester_email"),
        ({"subject": "Hi", "requester_email": "j@x.io", "ticket_type_id": True}, "ticket_type_id"),
        (
            {"subject": "Hi", "requester_email": "j@x.io", "ticket_type_id": "1", "ticket_attributes": ["x"]},
            "ticket_attributes",
        ),
        (
            {
                "subject": "Hi",
                "requester_email": "j@x.io",
                "ticket_type_id": "1",
                "ticket_attributes": {"_default_title_": "Other"},
            },
            "subject",
        ),
        (
            {"subject": "Hi", "requester_email": "j@x.io", "ticket_type_id": "1", "priority": "high"},
            "priority",
        ),
    ],
)
def test_create_refuses_bad_arguments_before_sending(kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=message):
        perform("sync", script, "tickets.create", **kwargs)
    assert script.requests == []


# -- tickets.update and tickets.close ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (TicketStatus.IN_PROGRESS, {"state": "in_progress"}),
        (TicketStatus.WAITING_ON_CUSTOMER, {"state": "waiting_on_customer"}),
        (TicketStatus.RESOLVED, {"state": "resolved"}),
        (TicketStatus.CLOSED, {"open": False}),
    ],
)
def test_update_status_maps_to_state_or_open(status: TicketStatus, body: dict[str, Any]) -> None:
    """2.11: `state` (a category), or `open: false` to close."""
    script = Recorder().on("PUT", "/tickets/1268", ok(THREAD))
    perform("sync", script, "tickets.update", "1268", status=status, connect={"api_version": "2.11"})
    assert_api_request(script.requests[0], "PUT", "/tickets/1268", body, version="2.11")


def test_update_ticket(mode: str) -> None:
    answer = variant(THREAD, ticket_state="resolved", open=False)
    script = Recorder().on("PUT", "/tickets/1268", ok(answer))
    ticket = perform(
        mode,
        script,
        "tickets.update",
        "1268",
        status="resolved",
        subject="Export fixed",
        description="Fixed in 4.2",
        ticket_attributes={"Priority level": "Low"},
        is_shared=True,
        snoozed_until=utc(2024, 6, 27, 14, 0),
        assignment={"assignee_id": 0},
        connect={"admin_id": int(ADMIN), "api_version": "2.11"},
    )

    assert_api_request(
        script.requests[0],
        "PUT",
        "/tickets/1268",
        version="2.11",
        body={
            "ticket_attributes": {
                "Priority level": "Low",
                "_default_title_": "Export fixed",
                "_default_description_": "Fixed in 4.2",
            },
            "state": "resolved",
            "is_shared": True,
            "snoozed_until": 1719496800,
            "assignment": {"admin_id": ADMIN, "assignee_id": "0"},  # admin_id from connect()
        },
    )
    assert (ticket.status, ticket.status_raw, ticket.raw) == (TicketStatus.RESOLVED, "resolved", answer)


@pytest.mark.parametrize("version", ["2.11", "2.16"])
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": TicketStatus.OPEN}, "cannot set a ticket to open"),
        ({"status": TicketStatus.ON_HOLD}, "snoozed_until"),
        ({"status": TicketStatus.UNKNOWN}, "cannot set"),
        ({"is_shared": "yes"}, "is_shared"),
        ({"snoozed_until": dt.datetime(2024, 6, 27)}, "timezone-aware"),
        ({"snoozed_until": "tomorrow"}, "snoozed_until"),
        ({"assignment": {"assignee": "5"}}, "assignment"),
        ({"assignment": {"assignee_id": "5"}, "assignee_id": "6"}, "assignment once"),
        ({"assignee_id": ["5"]}, "assignee_id"),
        ({"admin_id": True, "assignee_id": "5"}, "admin_id"),
        ({"state": "resolved"}, "state"),
    ],
)
def test_update_refuses_bad_arguments_before_sending(version: str, kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=message):
        perform("sync", script, "tickets.update", "1268", **kwargs, connect={"api_version": version})
    assert script.requests == []


@pytest.mark.parametrize(
    ("version", "kwargs", "message"),
    [
        ("2.11", {"status": TicketStatus.NEW}, "cannot set a ticket to new"),  # 2.11's `state` has no submitted
        ("2.11", {"ticket_state_id": "8321"}, "2.12 or later"),
        ("2.16", {"ticket_state_id": "8321", "status": "resolved"}, "once"),
        ("2.16", {"ticket_state_id": ""}, "ticket_state_id"),
        ("2.14", {"admin_id": "maya", "assignee_id": "5"}, "numeric admin id"),
    ],
)
def test_update_refuses_what_the_version_cannot_send(version: str, kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=message):
        perform("sync", script, "tickets.update", "1268", **kwargs, connect={"api_version": version})
    assert script.requests == []


def test_close_ticket(mode: str) -> None:
    answer = variant(THREAD, open=False)
    script = Recorder().on("PUT", "/tickets/1268", ok(answer))
    ticket = perform(mode, script, "tickets.close", "1268")

    assert_api_request(script.requests[0], "PUT", "/tickets/1268", {"open": False})
    assert (ticket.id, ticket.status, ticket.status_raw) == (
        "1268",
        TicketStatus.CLOSED,
        "waiting_on_customer",
    )


# -- comments ------------------------------------------------------------------------------------------------


def _attachment(part_id: str, index: int = 0) -> dict[str, Any]:
    result: dict[str, Any] = PARTS[part_id]["attachments"][index]
    return result


JO = Party(kind=PartyKind.CUSTOMER, id="667d61b78a68186f43bafe8d", name="Jo Bloggs", email="jo@example.com")
CIARAN = Party(kind=PartyKind.AGENT, id=ADMIN, name="Ciaran Lee", email="admin375@email.com")
FIN = Party(kind=PartyKind.BOT, id="991267830", name="Fin", email="operator@intercom.io")
EXPECTED_COMMENTS = [
    Comment(
        id="101",
        body_html="<p>My export fails &amp; I get <b>error 42</b>.</p>",
        body_text="My export fails & I get error 42.",
        author=JO,
        internal=False,
        created_at=utc(2024, 5, 22, 13, 45),
        attachments=[
            Attachment(
                id=FILE_URL,
                name="error.png",
                content_type="image/png",
                size=4096,
                url=FILE_URL,
                ticket_id="1268",
                comment_id="101",
                raw=_attachment("101"),
            )
        ],
        raw=PARTS["101"],
    ),
    Comment(
        id="103",
        body_html="<p>Checked the logs.</p>",
        body_text="Checked the logs.",
        author=CIARAN,
        internal=True,  # a note
        created_at=utc(2024, 5, 22, 13, 48, 20),
        raw=PARTS["103"],
    ),
    Comment(
        id="105",
        body_html="<p>We are on it.</p>",
        body_text="We are on it.",
        author=Party(kind=PartyKind.TEAM, id="5017691", name="Billing"),
        internal=False,
        created_at=utc(2024, 5, 22, 13, 50),
        raw=PARTS["105"],
    ),
    Comment(
        id="106",
        body_html="<p>Did that help?</p>",
        body_text="Did that help?",
        author=FIN,
        internal=False,
        created_at=utc(2024, 5, 22, 13, 50, 50),
        raw=PARTS["106"],
    ),
    Comment(  # files only, from a lead
        id="107",
        body_html=None,
        body_text=None,
        author=Party(kind=PartyKind.CUSTOMER, id="667d61b78a68186f43bafe8d", email="jo@example.com"),
        internal=False,
        created_at=utc(2024, 5, 22, 13, 51, 40),
        attachments=[
            Attachment(
                id="https://downloads.intercomcdn.com/i/o/1003/export.csv",
                name="export.csv",
                content_type="text/csv",
                size=None,
                url="https://downloads.intercomcdn.com/i/o/1003/export.csv",
                ticket_id="1268",
                comment_id="107",
                raw=_attachment("107"),
            )
        ],
        raw=PARTS["107"],
    ),
    Comment(
        id="108",
        body_html="<p>Thanks!</p>",
        body_text="Thanks!",
        author=Party(kind=PartyKind.UNKNOWN, id="42", name="Workflow"),
        internal=False,
        created_at=utc(2024, 5, 22, 13, 53, 19),
        raw=PARTS["108"],
    ),
]


def test_list_comments_returns_the_parts_with_a_message_in_order(mode: str) -> None:
    script = Recorder().on("GET", "/tickets/1268", ok(THREAD))
    comments = perform(mode, script, "comments.list", "1268")

    assert_api_request(script.requests[0], "GET", "/tickets/1268")
    assert comments == EXPECTED_COMMENTS  # events 102 (state change) and 104 (assignment) left out
    assert comments[0].raw is not None and comments[0].attachments[0].raw == _attachment("101")


@pytest.mark.parametrize(
    ("ticket", "expected"),
    [(DOC_TICKET, []), (variant(DOC_TICKET, ticket_parts=DROP), []), (TICKET_2_16, [])],
)
def test_list_comments_of_a_ticket_without_messages_is_empty(ticket: dict[str, Any], expected: list[Any]) -> None:
    script = Recorder().on("GET", f"/tickets/{ticket['id']}", ok(ticket))
    assert perform("sync", script, "comments.list", ticket["id"]) == expected


def test_create_internal_comment_is_an_admin_note(mode: str) -> None:
    script = Recorder().on("POST", "/tickets/1268/reply", ok(NOTE_PART))
    comment = perform(mode, script, "comments.create", "1268", body="Checked the logs.", internal=True, admin_id=ADMIN)

    assert_api_request(
        script.requests[0],
        "POST",
        "/tickets/1268/reply",
        {"message_type": "note", "type": "admin", "admin_id": ADMIN, "body": "Checked the logs."},
    )
    assert comment == Comment(
        id="122",
        body_html="<p>Checked the logs.</p>",
        body_text="Checked the logs.",
        author=CIARAN,
        internal=True,
        created_at=utc(2024, 6, 27, 12, 57, 4),
        attachments=[],
        raw=NOTE_PART,
    )


def test_create_public_comment_escapes_the_text_and_attaches_urls() -> None:
    reply = {**NOTE_PART, "part_type": "comment", "body": "<p>a &lt; b<br>next</p>"}
    script = Recorder().on("POST", "/tickets/1268/reply", ok(reply))
    comment = perform(
        "sync",
        script,
        "comments.create",
        "1268",
        body="a < b\nnext",
        attachment_urls=["https://example.com/a.png"],
        connect={"admin_id": ADMIN},  # from connect(), not per call
    )

    assert script.bodies() == [
        {
            "message_type": "comment",
            "type": "admin",
            "admin_id": ADMIN,
            "body": "a &lt; b<br>next",
            "attachment_urls": ["https://example.com/a.png"],
        }
    ]
    assert (comment.internal, comment.body_text) == (False, "a < b\nnext")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"body": "hi"}, "admin_id"),
        ({"body": "hi", "admin_id": ADMIN, "attachment_urls": "https://x"}, "attachment_urls"),
        ({"body": "hi", "admin_id": ADMIN, "attachment_urls": ["u"] * 11}, "attachment_urls"),
        ({"body": "hi", "admin_id": ADMIN, "message_type": "quick_reply"}, "message_type"),
    ],
)
def test_create_comment_refuses_bad_arguments_before_sending(kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=message):
        perform("sync", script, "comments.create", "1268", **kwargs)
    assert script.requests == []


# -- attachments.download ------------------------------------------------------------------------------------


def test_download_fetches_the_file_url_without_the_token(mode: str) -> None:
    attachment = get(THREAD).attachments[0]
    script = Recorder().on("GET", "/i/o/1002/error.png", raw(200, b"\x89PNG\r\n", "image/png"))
    data = perform(mode, script, "attachments.download", attachment)

    assert data == b"\x89PNG\r\n"
    [request] = script.requests
    assert str(request.url) == FILE_URL == attachment.url
    assert "authorization" not in request.headers
    assert "intercom-version" not in request.headers


def test_download_follows_redirects_to_the_file_store() -> None:
    stored = "https://files.example-cdn.com/bucket/error.png?sig=abc"
    script = (
        Recorder()
        .on("GET", "/i/o/1002/error.png", httpx.Response(302, headers={"location": stored}))
        .on("GET", "/bucket/error.png", raw(200, b"bytes", "image/png"))
    )
    assert perform("sync", script, "attachments.download", DOWNLOADABLE) == b"bytes"
    assert [str(r.url) for r in script.requests] == [FILE_URL, stored]
    assert all("authorization" not in r.headers for r in script.requests)


def test_download_gives_up_on_a_redirect_loop() -> None:
    script = Recorder().on("GET", "/i/o/1002/error.png", lambda _: httpx.Response(302, headers={"location": FILE_URL}))
    with pytest.raises(APIStatusError, match="redirects") as caught:
        perform("sync", script, "attachments.download", DOWNLOADABLE)
    assert caught.value.status_code == 302
    assert len(script.requests) == 6


def test_download_error_from_the_file_store_is_readable() -> None:
    body = "<?xml version='1.0'?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
    script = Recorder().on("GET", "/i/o/1002/error.png", raw(403, body, "application/xml"))
    with pytest.raises(PermissionDeniedError) as caught:
        perform("sync", script, "attachments.download", DOWNLOADABLE)
    assert "Request has expired" in caught.value.message


def test_download_needs_an_absolute_url() -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match="absolute URL"):
        perform("sync", script, "attachments.download", Attachment(id="x", name="x.png", url=None, raw={}))
    assert script.requests == []


# -- errors --------------------------------------------------------------------------------------------------

DOCUMENTED_ERRORS = [(name, status) for name, op in OPS.items() for status in op.documented]


@pytest.mark.parametrize(("operation", "status"), DOCUMENTED_ERRORS)
def test_documented_error_statuses(mode: str, operation: str, status: int) -> None:
    op = OPS[operation]
    cls, body = ERRORS[status]
    script = Recorder().on(op.method, op.path, ok(body, status))
    with pytest.raises(cls) as caught:
        perform(mode, script, operation, *op.args, **op.kwargs)

    error = caught.value
    first = body["errors"][0]
    assert (error.vendor, error.status_code) == ("intercom", status)
    assert (error.code, error.message, error.request_id) == (
        first["code"],
        first["message"],
        body["request_id"],
    )
    assert error.problems == [Problem(e.get("field"), e["message"]) for e in body["errors"]]
    assert error.body == body
    assert "tok-123" not in str(error)
    assert len(script.requests) == 1


def test_bad_request_lists_every_problem() -> None:
    script = Recorder().on("POST", "/tickets", ok(ERRORS[400][1], 400))
    with pytest.raises(InvalidRequestError) as caught:
        perform("sync", script, "tickets.create", **OPS["tickets.create"].kwargs)
    assert caught.value.problems == [
        Problem("ticket_type_id", "Ticket type is not valid"),
        Problem("contacts", "Contact email is invalid"),
    ]
    assert caught.value.request_id is None
    assert str(caught.value) == "intercom: HTTP 400 Bad Request [invalid_ticket_type]: Ticket type is not valid"


def test_rate_limit_retry_after_reads_x_ratelimit_reset() -> None:
    reset = int(time.time()) + 30
    script = Recorder().on("GET", "/tickets/1268", ok(ERRORS[429][1], 429, **{"X-RateLimit-Reset": str(reset)}))
    with pytest.raises(RateLimitError) as caught:
        perform("sync", script, "tickets.get", "1268")
    assert caught.value.retry_after is not None and 25 <= caught.value.retry_after <= 30


@pytest.mark.parametrize(
    ("headers", "retry_after"),
    [
        ({"X-RateLimit-Reset": "1000"}, 0.0),  # already past: never negative
        ({"X-RateLimit-Reset": "soon", "Retry-After": "7"}, 7.0),  # unreadable: the core's reading
        ({"X-RateLimit-Reset": "inf", "Retry-After": "7"}, 7.0),
        ({"Retry-After": "7"}, 7.0),
        ({}, None),
    ],
)
def test_rate_limit_retry_after_fallbacks(headers: dict[str, str], retry_after: float | None) -> None:
    script = Recorder().on("GET", "/tickets/1268", ok(ERRORS[429][1], 429, **headers))
    with pytest.raises(RateLimitError) as caught:
        perform("sync", script, "tickets.get", "1268")
    assert caught.value.retry_after == retry_after


@pytest.mark.parametrize(
    ("response", "cls", "message", "code"),
    [
        (
            lambda: ok(error_body("teapot", "I am a teapot", "r-1"), 418),
            APIStatusError,
            "I am a teapot",
            "teapot",
        ),
        (lambda: raw(418, "short and stout", "text/plain"), APIStatusError, "short and stout", None),
        (
            lambda: raw(520, "<html><body><h1>Web server is returning an unknown error</h1></body></html>"),
            ServerError,
            "Web server is returning an unknown error",
            None,
        ),
        (lambda: raw(502, "", "text/plain"), ServerError, "(empty body)", None),
        (lambda: ok({"type": "error.list", "errors": []}, 500), ServerError, "error.list", None),
    ],
)
def test_undocumented_statuses(
    mode: str, response: Any, cls: type[APIStatusError], message: str, code: str | None
) -> None:
    script = Recorder().on("GET", "/tickets/1268", response())
    with pytest.raises(cls) as caught:
        perform(mode, script, "tickets.get", "1268")
    assert type(caught.value) is cls
    assert message in caught.value.message
    assert caught.value.code == code


# -- malformed success bodies --------------------------------------------------------------------------------

NOT_JSON = raw(200, "<html>maintenance</html>")
ATTACHMENT: dict[str, Any] = PARTS["101"]["attachments"][0]


def _thread_with(*parts: dict[str, Any]) -> dict[str, Any]:
    return variant(THREAD, ticket_parts={"type": "ticket_part.list", "ticket_parts": list(parts)})


TICKET_OPS = ["tickets.get", "tickets.create", "tickets.update", "tickets.close", "comments.list"]
BAD_TICKETS: list[tuple[str, Any]] = [
    ("not JSON", NOT_JSON),
    ("a list", [THREAD]),
    ("no ticket_state", variant(THREAD, ticket_state=DROP)),
    ("no id", variant(THREAD, id=DROP)),
    ("numeric id", variant(THREAD, id=1268)),
    ("ticket_attributes a string", variant(THREAD, ticket_attributes="x")),
    ("ticket_state a number", variant(THREAD, ticket_state=7)),
    ("created_at a string", variant(THREAD, created_at="yesterday")),
    ("open a string", variant(THREAD, open="no")),
    ("assignee a list", variant(THREAD, admin_assignee_id=["1"])),
    (
        "contacts without ids",
        variant(THREAD, contacts={"type": "contact.list", "contacts": [{"type": "contact"}]}),
    ),
    ("parts a string", variant(THREAD, ticket_parts={"type": "ticket_part.list", "ticket_parts": "x"})),
    (
        "part without part_type",
        variant(
            THREAD,
            ticket_parts={
                "type": "ticket_part.list",
                "ticket_parts": [{"type": "ticket_part", "id": "1", "created_at": 1}],
            },
        ),
    ),
    *[
        (f"a part's {field} {why}", _thread_with({**PARTS["101"], field: value}))
        for field, why, value in [
            ("id", "a number", 101),
            ("body", "a number", 5),
            ("attachments", "a string", "error.png"),
            ("created_at", "a string", "now"),
            ("author", "without type", {"id": "1"}),
        ]
    ],
    *[
        (
            f"an attachment's {field} {why}",
            _thread_with({**PARTS["101"], "attachments": [{**ATTACHMENT, field: value}]}),
        )
        for field, why, value in [
            ("name", "a number", 7),
            ("url", "a list", ["u"]),
            ("content_type", "a number", 7),
            ("filesize", "a string", "4096"),
            ("filesize", "a boolean", True),
        ]
    ],
    (
        "attachment without url",
        variant(
            THREAD,
            ticket_parts={
                "type": "ticket_part.list",
                "ticket_parts": [{**PARTS["101"], "attachments": [{"type": "upload", "name": "a.png"}]}],
            },
        ),
    ),
]
BAD_PAGES: list[tuple[str, Any]] = [
    ("not JSON", NOT_JSON),
    ("tickets a string", {"type": "ticket.list", "tickets": "x", "total_count": 1}),
    ("no tickets", {"type": "ticket.list", "total_count": 0}),
    ("a bad ticket", page([variant(THREAD, ticket_state=DROP)])),
    ("next a string", {**page([THREAD]), "pages": {"type": "pages", "next": "abc"}}),
    (
        "cursor a number",
        {**page([THREAD]), "pages": {"type": "pages", "next": {"per_page": 5, "starting_after": 7}}},
    ),
]
BAD_PARTS: list[tuple[str, Any]] = [
    ("not JSON", NOT_JSON),
    ("no part_type", {k: v for k, v in NOTE_PART.items() if k != "part_type"}),
    ("author a string", {**NOTE_PART, "author": "Ciaran"}),
    ("body a number", {**NOTE_PART, "body": 5}),
    ("created_at a string", {**NOTE_PART, "created_at": "now"}),
]
MALFORMED = [
    *[(op, why, body) for op in TICKET_OPS for why, body in BAD_TICKETS],
    *[("tickets.list", why, body) for why, body in BAD_PAGES],
    *[("comments.create", why, body) for why, body in BAD_PARTS],
]


@pytest.mark.parametrize(("operation", "why", "body"), MALFORMED, ids=[f"{o}-{w}" for o, w, _ in MALFORMED])
def test_malformed_success_body_is_a_validation_error(operation: str, why: str, body: Any) -> None:
    op = OPS[operation]
    answer = body if isinstance(body, httpx.Response) else ok(body)
    script = Recorder().on(op.method, op.path, answer)
    with pytest.raises(ResponseValidationError) as caught:
        perform("sync", script, operation, *op.args, **op.kwargs)
    assert (caught.value.vendor, caught.value.operation) == ("intercom", operation)


def test_malformed_body_through_both_desks(mode: str) -> None:
    script = Recorder().on("GET", "/tickets/1268", ok(variant(THREAD, ticket_parts={"type": "x", "ticket_parts": 5})))
    with pytest.raises(ResponseValidationError, match=r"intercom tickets\.get"):
        perform(mode, script, "tickets.get", "1268")


# -- normalization -------------------------------------------------------------------------------------------


def _as_2_16_state(state: str | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "type": "ticket_state",
        "id": "8498",
        "category": state,
        "internal_label": state,
        "external_label": state,
    }


@pytest.mark.parametrize("shape", ["2.11", "2.16"])
@pytest.mark.parametrize(
    ("state", "is_open", "snoozed_for", "expected"),
    [
        ("submitted", True, None, TicketStatus.NEW),
        ("in_progress", True, None, TicketStatus.IN_PROGRESS),
        ("waiting_on_customer", True, None, TicketStatus.WAITING_ON_CUSTOMER),
        ("resolved", True, None, TicketStatus.RESOLVED),
        ("resolved", False, None, TicketStatus.RESOLVED),
        ("submitted", False, None, TicketStatus.CLOSED),
        ("in_progress", True, 3600, TicketStatus.ON_HOLD),
        ("in_progress", True, -3600, TicketStatus.IN_PROGRESS),  # the snooze is over
        ("in_progress", False, 3600, TicketStatus.CLOSED),
        ("escalated_to_mars", True, None, TicketStatus.UNKNOWN),
        (None, True, None, TicketStatus.UNKNOWN),
    ],
)
def test_status(shape: str, state: str | None, is_open: bool, snoozed_for: int | None, expected: TicketStatus) -> None:
    snoozed_until = None if snoozed_for is None else int(time.time()) + snoozed_for
    ticket_state = state if shape == "2.11" else _as_2_16_state(state)
    ticket = get(variant(THREAD, ticket_state=ticket_state, open=is_open, snoozed_until=snoozed_until))
    assert (ticket.status, ticket.status_raw) == (expected, state)


def test_state_object_without_category_is_unknown() -> None:
    ticket = get(variant(TICKET_2_16, ticket_state={"type": "ticket_state", "id": "8498"}, snoozed_until=None))
    assert (ticket.status, ticket.status_raw) == (TicketStatus.UNKNOWN, None)


@pytest.mark.parametrize(
    ("admin", "team", "expected"),
    [
        ("0", "0", None),
        (0, 0, None),
        (None, None, None),
        (DROP, DROP, None),
        ("991268013", "0", Party(kind=PartyKind.AGENT, id="991268013")),
        (991268013, 17, Party(kind=PartyKind.AGENT, id="991268013")),
        ("0", "5017691", Party(kind=PartyKind.TEAM, id="5017691")),
        (0, 17, Party(kind=PartyKind.TEAM, id="17")),
    ],
)
def test_assignee(admin: Any, team: Any, expected: Party | None) -> None:
    assert get(variant(THREAD, admin_assignee_id=admin, team_assignee_id=team)).assignee == expected


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Line one\nline two", "Line one\nline two"),  # plain text stays as it is
        ("<p>Line one</p><p>line <b>two</b> &amp; more</p>", "Line one\nline two & more"),
        ("2 < 3 and 4 > 1", "2 < 3 and 4 > 1"),
        (None, None),
    ],
)
def test_description_is_plain_text(description: str | None, expected: str | None) -> None:
    attributes = {"_default_title_": "T", "_default_description_": description}
    assert get(variant(THREAD, ticket_attributes=attributes)).description == expected


def test_subject_description_and_custom_fields_come_from_ticket_attributes() -> None:
    ticket = get(THREAD)
    assert ticket.subject == "Export fails"
    assert "_default_title_" not in ticket.custom_fields and "_default_description_" not in ticket.custom_fields
    assert ticket.custom_fields["Affected users"] == 12


def test_requester_is_the_first_contact_with_its_email_when_given() -> None:
    contacts = copy.deepcopy(THREAD["contacts"])
    contacts["contacts"][0]["email"] = "jo@example.com"
    assert get(variant(THREAD, contacts=contacts)).requester == Party(
        kind=PartyKind.CUSTOMER, id="667d61b78a68186f43bafe8d", email="jo@example.com"
    )
    assert get(variant(THREAD, contacts={"type": "contact.list", "contacts": []})).requester is None


def test_timestamps_are_aware_utc() -> None:
    ticket = get(THREAD)
    stamps = [ticket.created_at, ticket.updated_at, *(c.created_at for c in ticket.comments or [])]
    assert stamps and all(s is not None and s.utcoffset() == dt.timedelta(0) for s in stamps)


def test_comments_are_none_unless_the_parts_were_returned() -> None:
    assert get(DOC_TICKET).comments is None  # `ticket_parts` without its list
    assert get(variant(DOC_TICKET, ticket_parts=DROP)).comments is None
    empty = variant(DOC_TICKET, ticket_parts={"type": "ticket_part.list", "ticket_parts": [], "total_count": 0})
    assert get(empty).comments == []


def test_ticket_attachments_are_every_parts_files_linked_to_their_part() -> None:
    ticket = get(THREAD)
    assert [(a.name, a.comment_id, a.ticket_id) for a in ticket.attachments] == [
        ("error.png", "101", "1268"),
        ("export.csv", "107", "1268"),
    ]
    assert [a.raw for a in ticket.attachments] == [_attachment("101"), _attachment("107")]


def test_comments_by_one_author_share_one_party() -> None:
    admin = {"type": "admin", "id": ADMIN, "name": "Ciaran Lee", "email": "admin375@email.com"}
    other = {**admin, "name": "Someone Else"}
    parts = [{**PARTS["101"], "id": str(n), "author": author} for n, author in enumerate([admin, other, admin])]
    first, second, third = get(_thread_with(*parts)).comments or []
    assert first.author is third.author
    assert first.author == Party(kind=PartyKind.AGENT, id=ADMIN, name="Ciaran Lee", email="admin375@email.com")
    assert second.author == Party(kind=PartyKind.AGENT, id=ADMIN, name="Someone Else", email="admin375@email.com")


def test_a_boolean_author_id_is_refused_after_the_integer_id_it_equals() -> None:
    # True == 1 in Python: an author already read with the (2.16) id 1 must not vouch for the id True.
    parts = [
        {**PARTS["101"], "id": str(n), "author": {"type": "admin", "id": value}} for n, value in enumerate([1, True])
    ]
    with pytest.raises(ResponseValidationError, match="author id"):
        get(_thread_with(*parts))


def _same_except_raw(left: Ticket, right: Ticket) -> None:
    for f in fields(Ticket):
        if f.name != "raw":
            assert getattr(left, f.name) == getattr(right, f.name), f.name


def test_a_2_16_ticket_normalizes_like_its_2_11_twin() -> None:
    new, old = get(TICKET_2_16), get(TICKET_2_11)
    _same_except_raw(new, old)
    assert (new.raw, old.raw) == (TICKET_2_16, TICKET_2_11)
    # And what they normalize to, so that the two cannot agree on something wrong.
    assert (new.id, new.number, new.subject, new.description) == (
        "627",
        "34",
        "example",
        "there is a problem",
    )
    assert (new.status, new.status_raw) == (TicketStatus.IN_PROGRESS, "in_progress")  # the snooze is over
    assert new.assignee == Party(kind=PartyKind.AGENT, id="991268013")
    assert new.requester == Party(kind=PartyKind.CUSTOMER, id="6762f2dd1bb69f9f2193bc55")
    assert (new.created_at, new.updated_at) == (utc(2024, 12, 18, 16, 5, 50), utc(2024, 12, 18, 16, 5, 55))
    assert (new.comments, new.attachments, new.custom_fields) == ([], [], {})


def test_a_2_16_thread_normalizes_like_its_2_11_twin() -> None:
    def with_thread(ticket: dict[str, Any]) -> dict[str, Any]:
        result = copy.deepcopy(ticket)
        result["ticket_parts"]["ticket_parts"].extend(copy.deepcopy([PARTS["101"], PARTS["103"]]))
        return result

    new, old = get(with_thread(TICKET_2_16)), get(with_thread(TICKET_2_11))
    _same_except_raw(new, old)
    assert [c.id for c in new.comments or []] == ["101", "103"]
    assert [a.ticket_id for a in new.attachments] == ["627"]


# -- connect -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"token": None}, "token"),
        ({"api_key": "x"}, "api_key"),
        ({"api_version": ""}, "api_version"),
        ({"admin_id": ["1"]}, "admin_id"),
        ({"admin_id": "maya"}, "numeric admin id with Intercom-Version 2.16"),  # 2.14+ send it as an integer
    ],
)
def test_connect_refuses_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        ticketkit.connect(VENDOR, **options)


def test_api_version_and_base_url_apply_to_every_call(mode: str) -> None:
    script = Recorder().on("GET", "/tickets/627", ok(TICKET_2_16)).on("POST", "/tickets/627/reply", ok(NOTE_PART))
    connect = {"api_version": "2.16", "base_url": "https://api.eu.intercom.io/", "admin_id": ADMIN}
    perform(mode, script, "tickets.get", "627", connect=connect)
    perform(mode, script, "comments.create", "627", body="hi", connect=connect)
    for request in script.requests:
        assert request.url.host == "api.eu.intercom.io"
        assert request.headers["intercom-version"] == "2.16"


@pytest.mark.parametrize("version", ["2.10", "2.17", "Unstable", " ", 2.16])
def test_connect_refuses_a_version_ticketkit_does_not_speak(version: Any) -> None:
    with pytest.raises(InvalidArgumentError, match=r"api_version must be one of 2\.11, 2\.12.*2\.16"):
        ticketkit.connect(VENDOR, token="tok-123", api_version=version)


def test_the_default_version_is_the_newest_supported() -> None:
    script = Recorder().on("GET", "/tickets/627", ok(TICKET_2_16))
    with sync_desk(VENDOR, script) as desk:
        desk.tickets.get("627")
    assert script.requests[0].headers["intercom-version"] == "2.16"


# -- versions: what each one's update and create send ----------------------------------------------------------

VERSIONS = ["2.11", "2.12", "2.13", "2.14", "2.15", "2.16"]
SPEC_EXAMPLES: dict[str, Any] = load_spec("intercom")["components"]["examples"]
# GET /ticket_states as Intercom documents it: default states 8269-8272 for both types (55, 58), then two
# custom `submitted` states, 8273 for type 55 only and 8274 for type 58 only.
STATES_LISTING: dict[str, Any] = SPEC_EXAMPLES["TicketStateListDocumented"]["value"]
RESOLVED_ID = "8272"


def _listing(*states: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "list", "data": list(states)}


def _listed_state(state_id: str, category: str, *type_ids: str, archived: bool = False) -> dict[str, Any]:
    types = [{"type": "ticket_type", "id": i} for i in type_ids]
    return {
        "type": "ticket_state",
        "id": state_id,
        "category": category,
        "internal_label": category,
        "external_label": category,
        "archived": archived,
        "ticket_types": {"type": "list", "data": types},
    }


def _ticket_of_type(type_id: str | None, *own_states: tuple[str, str]) -> dict[str, Any]:
    """TICKET_2_16 with its ticket type replaced: `type_id` (None: a null type) and the states it lists."""
    if type_id is None:
        return variant(TICKET_2_16, ticket_type=None)
    ticket_type = {
        **TICKET_2_16["ticket_type"],
        "id": type_id,
        "ticket_states": {"type": "list", "data": [_as_2_16_state_id(i, c) for i, c in own_states]},
    }
    return variant(TICKET_2_16, ticket_type=ticket_type)


def _as_2_16_state_id(state_id: str, category: str) -> dict[str, Any]:
    return {"type": "ticket_state", "id": state_id, "category": category, "internal_label": category}


EXPECTED_UPDATES = {
    # version: (the requests, the PUT body) for status=RESOLVED, assignee_id=TEAM, admin from connect()
    "2.11": (
        [("PUT", "/tickets/627")],
        {"state": "resolved", "assignment": {"admin_id": ADMIN, "assignee_id": "5017691"}},
    ),
    **{
        v: (
            [("GET", "/ticket_states"), ("PUT", "/tickets/627")],
            {"ticket_state_id": RESOLVED_ID, "assignment": {"admin_id": ADMIN, "assignee_id": "5017691"}},
        )
        for v in ("2.12", "2.13")
    },
    **{
        v: (
            [("GET", "/ticket_states"), ("PUT", "/tickets/627")],
            {"ticket_state_id": RESOLVED_ID, "admin_id": int(ADMIN), "assignee_id": "5017691"},
        )
        for v in ("2.14", "2.15", "2.16")
    },
}


@pytest.mark.parametrize("version", VERSIONS)
def test_update_status_and_assignee_in_each_versions_fields(mode: str, version: str) -> None:
    answer = variant(TICKET_2_16, ticket_state=_as_2_16_state("resolved"))
    script = Recorder().on("GET", "/ticket_states", ok(STATES_LISTING)).on("PUT", "/tickets/627", ok(answer))
    ticket = perform(
        mode,
        script,
        "tickets.update",
        "627",
        status=TicketStatus.RESOLVED,
        assignee_id="5017691",
        connect={"api_version": version, "admin_id": ADMIN},
    )
    requests, body = EXPECTED_UPDATES[version]
    assert [(r.method, r.url.path) for r in script.requests] == requests
    assert all(r.headers["intercom-version"] == version for r in script.requests)
    assert_api_request(script.requests[-1], "PUT", "/tickets/627", body, version=version)
    assert ticket.status is TicketStatus.RESOLVED


@pytest.mark.parametrize("version", ["2.12", "2.13", "2.14", "2.15", "2.16"])
@pytest.mark.parametrize(
    ("status", "state_id"),
    [
        (TicketStatus.NEW, "8269"),  # of the three submitted states, the one every type has
        (TicketStatus.IN_PROGRESS, "8270"),
        (TicketStatus.WAITING_ON_CUSTOMER, "8271"),
        (TicketStatus.RESOLVED, "8272"),
    ],
)
def test_from_2_12_every_state_is_set_by_its_id(version: str, status: TicketStatus, state_id: str) -> None:
    script = Recorder().on("GET", "/ticket_states", ok(STATES_LISTING)).on("PUT", "/tickets/627", ok(TICKET_2_16))
    perform("sync", script, "tickets.update", "627", status=status, connect={"api_version": version})
    assert script.bodies()[-1] == {"ticket_state_id": state_id}


def test_closing_sends_open_false_and_from_2_14_the_acting_admin() -> None:
    for version, body in [("2.13", {"open": False}), ("2.14", {"open": False, "admin_id": int(ADMIN)})]:
        script = Recorder().on("PUT", "/tickets/627", ok(variant(TICKET_2_16, open=False)))
        closed = perform("sync", script, "tickets.close", "627", connect={"api_version": version, "admin_id": ADMIN})
        assert script.bodies() == [body] and closed.status is TicketStatus.CLOSED


def test_an_explicit_ticket_state_id_is_sent_as_given() -> None:
    script = Recorder().on("PUT", "/tickets/627", ok(TICKET_2_16))
    perform("sync", script, "tickets.update", "627", ticket_state_id=8273)
    assert script.bodies() == [{"ticket_state_id": "8273"}]  # no listing needed


def test_states_are_listed_once_per_desk() -> None:
    script = (
        Recorder().on("GET", "/ticket_states", ok(STATES_LISTING)).on("PUT", "/tickets/627", lambda _: ok(TICKET_2_16))
    )
    with sync_desk(VENDOR, script) as desk:
        for status in ("in_progress", "waiting_on_customer", "resolved"):
            desk.tickets.update("627", status=status)
    with sync_desk(VENDOR, script) as other:  # another desk keeps its own list
        other.tickets.update("627", status="resolved")
    assert [r.url.path for r in script.requests] == [
        "/ticket_states",
        "/tickets/627",
        "/tickets/627",
        "/tickets/627",
        "/ticket_states",
        "/tickets/627",
    ]


def test_a_state_some_types_lack_is_chosen_by_the_tickets_type() -> None:
    # No waiting state every type has: the ticket is read, and its type (58) picks 9002.
    listing = _listing(
        _listed_state("9001", "waiting_on_customer", "55"),
        _listed_state("9002", "waiting_on_customer", "58"),
        _listed_state("9003", "resolved", "55", "58"),
    )
    script = (
        Recorder()
        .on("GET", "/ticket_states", ok(listing))
        .on("GET", "/tickets/627", ok(_ticket_of_type("58")))
        .on("PUT", "/tickets/627", ok(TICKET_2_16))
    )
    perform("sync", script, "tickets.update", "627", status="waiting_on_customer")
    assert [(r.method, r.url.path) for r in script.requests] == [
        ("GET", "/ticket_states"),
        ("GET", "/tickets/627"),
        ("PUT", "/tickets/627"),
    ]
    assert script.bodies()[-1] == {"ticket_state_id": "9002"}


@pytest.mark.parametrize(
    ("listing", "ticket", "state_id"),
    [
        # Archived states are listed, never set.
        (_listing(_listed_state("1", "resolved", archived=True), _listed_state("2", "resolved")), None, "2"),
        # A state whose listing names no types may be any type's.
        (_listing({"type": "ticket_state", "id": "3", "category": "resolved"}), None, "3"),
        # The listing has no resolved state for type 58 (which it knows); the ticket's type lists one.
        (
            _listing(_listed_state("4", "resolved", "55"), _listed_state("9", "in_progress", "55", "58")),
            _ticket_of_type("58", ("5", "resolved")),
            "5",
        ),
        # A null ticket type (2.16 allows it): the first listed state of the category.
        (
            _listing(_listed_state("6", "resolved", "55"), _listed_state("7", "resolved", "58")),
            _ticket_of_type(None),
            "6",
        ),
        # Null states (2.16 allows them) and states without an id are skipped.
        (_listing(None, {"type": "ticket_state", "category": "resolved"}, _listed_state("8", "resolved")), None, "8"),
    ],
    ids=["archived", "no-types", "the-types-own", "null-type", "null-states"],
)
def test_which_listed_state_is_set(listing: dict[str, Any], ticket: dict[str, Any] | None, state_id: str) -> None:
    script = Recorder().on("GET", "/ticket_states", ok(listing)).on("PUT", "/tickets/627", ok(TICKET_2_16))
    if ticket is not None:
        script.on("GET", "/tickets/627", ok(ticket))
    perform("sync", script, "tickets.update", "627", status="resolved")
    assert script.bodies()[-1] == {"ticket_state_id": state_id}


def test_a_category_the_tickets_type_lacks_is_refused_before_the_update() -> None:
    script = (
        Recorder()
        .on(
            "GET",
            "/ticket_states",
            ok(_listing(_listed_state("4", "resolved", "55"), _listed_state("9", "in_progress", "55", "58"))),
        )
        .on("GET", "/tickets/627", ok(_ticket_of_type("58", ("9", "in_progress"))))
    )
    with pytest.raises(InvalidArgumentError, match=r"ticket type 58\) has no ticket state of category 'resolved'"):
        perform("sync", script, "tickets.update", "627", status="resolved")
    assert [r.method for r in script.requests] == ["GET", "GET"]  # no PUT


def test_a_refused_state_is_forgotten_and_listed_again(mode: str) -> None:
    refused = error_body("ticket_state_id_invalid", "Ticket state id is not valid", "28b71de1")
    script = (
        Recorder()
        .on("GET", "/ticket_states", lambda _: ok(STATES_LISTING))
        .on("PUT", "/tickets/627", ok(refused, 400), ok(TICKET_2_16))
    )

    async def twice_async() -> list[str]:
        async with async_desk(VENDOR, script) as desk:
            with pytest.raises(InvalidRequestError) as caught:
                await desk.tickets.update("627", status="resolved")
            await desk.tickets.update("627", status="resolved")
        return [caught.value.code or ""]

    if mode == "sync":
        with sync_desk(VENDOR, script) as desk:
            with pytest.raises(InvalidRequestError) as caught:
                desk.tickets.update("627", status="resolved")
            desk.tickets.update("627", status="resolved")
        codes = [caught.value.code or ""]
    else:
        codes = asyncio.run(twice_async())
    assert codes == ["ticket_state_id_invalid"]
    assert [r.url.path for r in script.requests] == ["/ticket_states", "/tickets/627"] * 2


def test_another_400_keeps_the_listed_states() -> None:
    script = (
        Recorder()
        .on("GET", "/ticket_states", ok(STATES_LISTING))
        .on("PUT", "/tickets/627", ok(ERRORS[400][1], 400), ok(TICKET_2_16))
    )
    with sync_desk(VENDOR, script) as desk:
        with pytest.raises(InvalidRequestError, match="Ticket type is not valid"):
            desk.tickets.update("627", status="resolved")
        desk.tickets.update("627", status="resolved")
    assert [r.url.path for r in script.requests] == ["/ticket_states", "/tickets/627", "/tickets/627"]


def test_a_broken_state_listing_is_a_validation_error() -> None:
    listing = _listing({"type": "ticket_state", "id": 8272, "category": "resolved"})
    script = Recorder().on("GET", "/ticket_states", ok(listing))
    with pytest.raises(ResponseValidationError, match="ticket state id: expected a string"):
        perform("sync", script, "tickets.update", "627", status="resolved")


def test_threads_of_one_desk_share_its_state_list() -> None:
    """Eight threads update at once on a fresh desk: each lists the states at most once, every later
    update uses the list the first stored, and all set the same state."""
    script = Recorder().on("GET", "/ticket_states", lambda _: ok(STATES_LISTING))
    script.on("PUT", "/tickets/627", lambda _: ok(TICKET_2_16))
    with sync_desk(VENDOR, script) as desk, ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: desk.tickets.update("627", status="resolved"), range(8)))
        listed = sum(r.url.path == "/ticket_states" for r in script.requests)
        desk.tickets.update("627", status="in_progress")
    puts = [json.loads(r.content) for r in script.requests if r.method == "PUT"]
    assert 1 <= listed <= 8
    assert puts == [{"ticket_state_id": RESOLVED_ID}] * 8 + [{"ticket_state_id": "8270"}]
    assert sum(r.url.path == "/ticket_states" for r in script.requests) == listed  # none after


def test_tasks_of_one_async_desk_share_its_state_list() -> None:
    """The same with eight tasks of an async desk at once."""
    script = Recorder().on("GET", "/ticket_states", lambda _: ok(STATES_LISTING))
    script.on("PUT", "/tickets/627", lambda _: ok(TICKET_2_16))

    def listings() -> int:
        return sum(r.url.path == "/ticket_states" for r in script.requests)

    async def scenario() -> tuple[int, int]:
        async with async_desk(VENDOR, script) as desk:
            await asyncio.gather(*(desk.tickets.update("627", status="resolved") for _ in range(8)))
            first = listings()
            await desk.tickets.update("627", status="in_progress")
            return first, listings()

    listed, after = asyncio.run(scenario())
    assert 1 <= listed <= 8 and after == listed
    puts = [json.loads(r.content) for r in script.requests if r.method == "PUT"]
    assert puts == [{"ticket_state_id": RESOLVED_ID}] * 8 + [{"ticket_state_id": "8270"}]


@pytest.mark.parametrize("version", VERSIONS)
def test_create_assigns_from_2_14_and_refuses_before(version: str) -> None:
    script = Recorder().on("POST", "/tickets", ok(TICKET_2_16))
    kwargs = {"subject": "Hi", "requester_email": "jo@example.com", "ticket_type_id": "106"}
    if version < "2.14":
        with pytest.raises(InvalidArgumentError, match=rf"Intercom-Version {version} cannot assign"):
            perform("sync", script, "tickets.create", **kwargs, assignee_id=ADMIN, connect={"api_version": version})
        assert script.requests == []
        return
    perform(
        "sync",
        script,
        "tickets.create",
        **kwargs,
        assignee_id=int(ADMIN),
        team_assignee_id="5017691",
        connect={"api_version": version},
    )
    assert script.bodies() == [
        {
            "ticket_type_id": "106",
            "contacts": [{"email": "jo@example.com"}],
            "ticket_attributes": {"_default_title_": "Hi"},
            "assignment": {"admin_assignee_id": ADMIN, "team_assignee_id": "5017691"},
        }
    ]


# -- the nulls 2.16 allows ------------------------------------------------------------------------------------


def test_a_null_ticket_in_a_search_page_is_skipped_and_logged(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    script = Recorder().on("POST", "/tickets/search", ok(page([None, THREAD, None], CURSOR)), ok(page([None])))
    with caplog.at_level(logging.WARNING, logger="ticketkit"):
        tickets = perform(mode, script, "tickets.list")
    assert [t.id for t in tickets] == ["1268"]
    assert len(script.requests) == 2  # the page of nulls still pages on
    skipped = [r for r in caplog.records if r.name == "ticketkit" and "null" in r.getMessage()]
    assert [r.getMessage() for r in skipped] == [
        "intercom tickets.list: item 0 of a search page is null (2.16 allows it); skipped",
        "intercom tickets.list: item 2 of a search page is null (2.16 allows it); skipped",
        "intercom tickets.list: item 0 of a search page is null (2.16 allows it); skipped",
    ]


def test_a_ticket_that_is_not_null_still_has_to_be_a_ticket() -> None:
    script = Recorder().on("POST", "/tickets/search", ok(page([None, variant(THREAD, ticket_state=DROP)])))
    with pytest.raises(ResponseValidationError, match="ticket_state"):
        perform("sync", script, "tickets.list")


@pytest.mark.parametrize("operation", ["tickets.get", "tickets.create", "tickets.update", "tickets.close"])
def test_a_null_ticket_where_one_ticket_belongs_is_a_validation_error(operation: str) -> None:
    op = OPS[operation]
    script = Recorder().on(
        op.method, op.path, httpx.Response(200, content=b"null", headers={"content-type": "application/json"})
    )
    with pytest.raises(ResponseValidationError, match="null where the ticket belongs"):
        perform("sync", script, operation, *op.args, **op.kwargs)


@pytest.mark.parametrize(
    ("ticket_state", "ticket_type", "is_open", "expected"),
    [
        (None, None, True, TicketStatus.UNKNOWN),
        (None, None, False, TicketStatus.CLOSED),
        (_as_2_16_state("in_progress"), None, True, TicketStatus.IN_PROGRESS),
    ],
)
def test_a_null_state_or_type_reads_as_unknown_or_nothing(
    ticket_state: Any, ticket_type: Any, is_open: bool, expected: TicketStatus
) -> None:
    ticket = get(
        variant(TICKET_2_16, ticket_state=ticket_state, ticket_type=ticket_type, open=is_open, snoozed_until=None)
    )
    assert ticket.status is expected
