"""The Tickiti desk: every supported operation through the sync and the async desk, on a scripted transport.

Fixtures: the show-ticket document's own example (vendor_docs/), and tickiti/*.json built from it and from
VENDORS.md (a longer thread with offsets and a pinned note, query rows, a responses answer).
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, calling, drive, ok, raw, sync_desk
from support import load_fixture
from ticketkit import (
    APIStatusError,
    AuthenticationError,
    ConflictError,
    InvalidArgumentError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    UnsupportedOperationError,
)
from ticketkit_models import Attachment, Comment, Party, PartyKind, Priority, Ticket, TicketStatus
from tickiti_client import Client

BASE = "https://support.example.com"
AGENT = "priya.sharma@sole-provider.example"
CUSTOMER = "marcus@trailblazers-club.example"

SHOW = "/api/v1/tickets/show"
RESPONSES = "/api/v1/tickets/responses"
QUERY = "/api/v1/tickets/query"
CREATE = "/api/v1/tickets"
RESPOND = "/api/v1/tickets/respond"
DOWNLOAD = "/api/v1/tickets/attachment"

DOC = load_fixture("vendor_docs/tickiti-show-ticket.json")["examples"]["successful_response"]["value"]
THREAD = load_fixture("tickiti/show-ticket-thread.json")
ROWS = load_fixture("tickiti/query-tickets-rows.json")
THREAD_ANSWER = load_fixture("tickiti/list-responses.json")

FILE = b"PK\x03\x04 a small zip, honestly"
DOWNLOADED: dict[str, Any] = {
    "ok": True,
    "data": {
        "id": "14494",
        "response_id": "42",
        "name": "UPDD Diag.zip",
        "mime_type": "application/zip",
        "sha256": hashlib.sha256(FILE).hexdigest(),
        "file_size": len(FILE),
        "is_inline": False,
        "content_base64": base64.b64encode(FILE).decode(),
    },
}
ATTACHMENT = Attachment(id="14494", name="UPDD Diag.zip", ticket_id="220009", comment_id="42", raw={})
CREATED = {"ok": True, "data": {"ticket_id": "1", "number": 220009}}
RESPONDED = {"ok": True, "data": {"ticket_id": "1", "response_id": "42", "reopened": False}}


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


def edited(body: dict[str, Any], **ticket: Any) -> dict[str, Any]:
    """A copy of a show answer with some ticket fields replaced."""
    copied = copy.deepcopy(body)
    copied["data"]["ticket"].update(ticket)
    return copied


# ---- running an operation on either desk ----------------------------------------------------------------


def perform(mode: str, script: Recorder, operation: str, *args: Any, connect: Any = None, **kwargs: Any) -> Any:
    """`desk.<operation>(*args, **kwargs)` on a Tickiti desk of BASE and AGENT on the script."""
    options = {"base_url": BASE, "agent_email": AGENT, **(connect or {})}
    return drive(mode, "tickiti", calling(operation, *args, **kwargs), transport=script, **options)


def sent(request: httpx.Request, path: str, body: Any, *, write: bool = False) -> None:
    """The request is Tickiti's wire shape: POST, JSON body, bearer token, Accept, a key on writes only."""
    assert request.method == "POST"
    assert (request.url.scheme, request.url.host, request.url.path) == ("https", "support.example.com", path)
    assert request.url.query == b""
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["accept"] == "application/json"
    assert request.headers["content-type"] == "application/json"
    if write:
        assert uuid.UUID(request.headers["idempotency-key"]).version == 4
    else:
        assert "idempotency-key" not in request.headers
    assert json.loads(request.content) == body


# ---- tickets.get -------------------------------------------------------------------------------------------


def test_get_reads_the_documented_ticket(mode: str) -> None:
    script = Recorder().on("POST", SHOW, ok(DOC))
    ticket = perform(mode, script, "tickets.get", "220009")

    [request] = script.requests
    sent(request, SHOW, {"ticket_number": "220009"})
    header = DOC["data"]["ticket"]
    assert isinstance(ticket, Ticket)
    assert ticket.vendor == "tickiti"
    assert ticket.id == ticket.number == "220009"
    assert ticket.subject == "Carbon plate cracked on first marathon"
    assert ticket.description is None
    assert (ticket.status, ticket.status_raw) == (TicketStatus.OPEN, "open")
    assert (ticket.priority, ticket.priority_raw) == (Priority.NORMAL, "20")
    assert ticket.requester == Party(kind=PartyKind.CUSTOMER, email=CUSTOMER)
    assert ticket.assignee == Party(kind=PartyKind.AGENT, email=AGENT)
    assert ticket.created_at == utc(2026, 5, 1, 9, 14, 2)
    assert ticket.updated_at == utc(2026, 5, 2, 11, 30, 48)
    assert ticket.closed_at is None and ticket.archived_at is None
    assert ticket.custom_fields == {"queue_id": "4", "on_hold_until": None}
    assert ticket.raw == header

    assert ticket.comments is not None
    [comment] = ticket.comments
    assert comment == Comment(
        id="42",
        body_html="<p>Your replacement has shipped.</p>",
        body_text="Your replacement has shipped.",
        author=Party(kind=PartyKind.AGENT, email=AGENT),
        internal=False,
        created_at=utc(2026, 5, 2, 11, 30, 48),
        attachments=comment.attachments,
        raw=DOC["data"]["responses"][0],
    )
    [attachment] = comment.attachments
    assert attachment == Attachment(
        id="14494",
        name="UPDD Diag.zip",
        size=1196962,
        sha256="cc9b8a68...608baf",
        comment_id="42",
        ticket_id="220009",
        content_type=None,
        url=None,
        raw=DOC["data"]["responses"][0]["attachments"][0],
    )
    assert ticket.attachments == [attachment]


def test_get_keeps_the_thread_order_and_normalizes_each_response(mode: str) -> None:
    ticket = perform(mode, Recorder().on("POST", SHOW, ok(THREAD)), "tickets.get", "220014")

    # Pinned first, then oldest to newest, exactly as Tickiti sends it: the pinned note is the newest.
    assert [c.id for c in ticket.comments] == ["61", "58", "59"]
    pinned, customer, reply = ticket.comments
    assert pinned.internal is True
    assert pinned.body_text == "Waiting for stock & the courier."  # plain_text empty: derived from html
    assert pinned.created_at == utc(2026, 5, 4, 22, 30)  # -04:00 to UTC
    assert customer.author == Party(kind=PartyKind.CUSTOMER, email="ana@trailblazers-club.example")
    assert customer.body_text == "Size 42 is too small.\nCan I swap for 43?"
    assert customer.created_at == utc(2026, 5, 3, 8, 0)  # +02:00 to UTC
    assert reply.author == Party(kind=PartyKind.AGENT, email=AGENT)
    assert [(a.id, a.comment_id, a.ticket_id, a.size) for a in ticket.attachments] == [
        ("15001", "58", "220014", 48213),
        ("15002", "58", "220014", 20931),
    ]
    assert ticket.attachments == customer.attachments
    assert (ticket.status, ticket.status_raw) == (TicketStatus.ON_HOLD, "on-hold")
    assert ticket.priority is Priority.HIGH
    assert ticket.assignee is None
    assert ticket.created_at == utc(2026, 5, 3, 8, 0)
    assert ticket.updated_at == utc(2026, 5, 4, 22, 30)
    assert ticket.updated_at.tzinfo is dt.UTC
    assert ticket.custom_fields == {"queue_id": "2", "on_hold_until": "2026-05-20"}


@pytest.mark.parametrize(
    ("status", "resolved", "expected"),
    [
        ("open", None, TicketStatus.OPEN),
        ("on-hold", None, TicketStatus.ON_HOLD),
        ("open", "2026-05-03T09:00:00+02:00", TicketStatus.RESOLVED),  # `resolved` set wins
        ("on-hold", "2026-05-03T07:00:00+00:00", TicketStatus.RESOLVED),
        ("closed", None, TicketStatus.UNKNOWN),
        ("awaiting-parts", None, TicketStatus.UNKNOWN),
    ],
)
def test_status_mapping_keeps_the_raw_word(
    mode: str, status: str, resolved: str | None, expected: TicketStatus
) -> None:
    answer = edited(DOC, status=status, resolved=resolved)
    ticket = perform(mode, Recorder().on("POST", SHOW, ok(answer)), "tickets.get", "220009")
    assert (ticket.status, ticket.status_raw) == (expected, status)
    assert ticket.closed_at is None


@pytest.mark.parametrize(
    ("raw_priority", "expected"),
    [
        ("0", Priority.LOW),
        ("19", Priority.LOW),
        ("20", Priority.NORMAL),
        ("39", Priority.NORMAL),
        ("40", Priority.HIGH),
        ("59", Priority.HIGH),
        ("60", Priority.URGENT),
        ("250", Priority.URGENT),
        ("urgent", Priority.UNKNOWN),
        ("", Priority.UNKNOWN),
        ("NaN", Priority.UNKNOWN),
    ],
)
def test_priority_bands(raw_priority: str, expected: Priority) -> None:
    answer = edited(DOC, priority=raw_priority)
    ticket = perform("sync", Recorder().on("POST", SHOW, ok(answer)), "tickets.get", "220009")
    assert (ticket.priority, ticket.priority_raw) == (expected, raw_priority)


# ---- tickets.list ------------------------------------------------------------------------------------------


def test_list_without_a_filter_reads_one_page_of_rows(mode: str) -> None:
    script = Recorder().on("POST", QUERY, ok(ROWS))
    tickets = perform(mode, script, "tickets.list", page_size=5)

    [request] = script.requests  # no documented cursor: one page, one request
    sent(request, QUERY, {})  # page_size has nowhere to go
    first, resolved, unknown = tickets
    assert first.id == first.number == "220009"
    assert (first.status, first.priority, first.priority_raw) == (TicketStatus.OPEN, Priority.NORMAL, "20")
    assert first.requester == Party(kind=PartyKind.CUSTOMER, email=CUSTOMER)
    assert first.assignee == Party(kind=PartyKind.AGENT, email=AGENT)
    assert first.updated_at == utc(2026, 5, 2, 11, 30, 48)
    assert first.comments is None  # rows carry no thread
    assert first.raw == ROWS["data"][0]
    assert resolved.id == "220011"  # a number sent as a string is read too
    assert (resolved.status, resolved.status_raw) == (TicketStatus.RESOLVED, "open")
    assert (resolved.priority, resolved.priority_raw) == (Priority.URGENT, "75")
    assert resolved.updated_at == utc(2026, 5, 5, 7, 0)
    assert resolved.created_at is None and resolved.requester is None
    assert (unknown.status, unknown.status_raw) == (TicketStatus.UNKNOWN, "escalated")
    assert (unknown.priority, unknown.priority_raw) == (Priority.UNKNOWN, "high")
    assert unknown.custom_fields == {"queue_id": "9", "on_hold_until": None}
    assert unknown.raw == ROWS["data"][2]


@pytest.mark.parametrize(
    ("status", "token", "ids"),
    [
        # The resolved row comes back under "open" but is RESOLVED, so it is left out.
        (TicketStatus.OPEN, "open", ["220009"]),
        ("on_hold", "on-hold", []),
    ],
)
def test_list_by_status_sends_a_status_criterion(mode: str, status: Any, token: str, ids: list[str]) -> None:
    script = Recorder().on("POST", QUERY, ok(ROWS))
    tickets = perform(mode, script, "tickets.list", status=status, perspective_id="3")  # digits: sent as 3

    sent(
        script.requests[0],
        QUERY,
        {"perspective_id": 3, "search_object": {"criteria": [{"mode": "status", "tokens": [token]}]}},
    )
    assert [t.id for t in tickets] == ids


@pytest.mark.parametrize(
    "data",
    [
        {"rows": [ROWS["data"][0]], "total": 1},
        {"tickets": [ROWS["data"][0]]},
    ],
    ids=["rows", "tickets"],
)
def test_list_reads_rows_held_in_an_object(data: dict[str, Any]) -> None:
    script = Recorder().on("POST", QUERY, ok({"ok": True, "data": data}))
    [ticket] = perform("sync", script, "tickets.list", search_perspective="mine")
    sent(script.requests[0], QUERY, {"search_object": {"search_perspective": "mine"}})
    assert ticket.id == "220009" and ticket.raw == ROWS["data"][0]


def test_list_sends_tickiti_criteria_one_token_each(mode: str) -> None:
    """Criteria of one mode OR together and different modes AND [client]: one criterion per token says the
    same whatever the install makes of several tokens in one criterion."""
    script = Recorder().on("POST", QUERY, ok(ROWS))
    perform(
        mode,
        script,
        "tickets.list",
        status=TicketStatus.OPEN,
        perspective_id=1,
        criteria={
            "queue": ["Returns", "Warranty"],
            "assigned": AGENT,
            "watchlist": 3,
            "created_from": dt.date(2026, 5, 1),
            "updated_to": "2026-05-31",
        },
    )
    sent(
        script.requests[0],
        QUERY,
        {
            "perspective_id": 1,
            "search_object": {
                "criteria": [
                    {"mode": "queue", "tokens": ["Returns"]},
                    {"mode": "queue", "tokens": ["Warranty"]},
                    {"mode": "assigned", "tokens": [AGENT]},
                    {"mode": "watchlist", "tokens": [3]},
                    {"mode": "created_from", "tokens": ["2026-05-01"]},
                    {"mode": "updated_to", "tokens": ["2026-05-31"]},
                    {"mode": "status", "tokens": ["open"]},
                ]
            },
        },
    )


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"criteria": [("queue", "Returns")]}, "mapping of search mode"),
        ({"criteria": {"mood": "happy"}}, "unknown search mode 'mood'"),
        ({"criteria": {"queue": []}}, "names no token"),
        ({"criteria": {"queue": [""]}}, "non-empty strings or integers"),
        ({"criteria": {"priority": True}}, "non-empty strings or integers"),
        ({"criteria": {"created_from": "May 1st"}}, "a date or 'YYYY-MM-DD'"),
        ({"criteria": {"created_from": dt.datetime(2026, 5, 1, tzinfo=dt.UTC)}}, "a date or 'YYYY-MM-DD'"),
        ({"criteria": {"status": "on-hold"}, "status": "open"}, "status= or in criteria, not both"),
        ({"perspective_id": "all"}, "perspective_id must be a positive integer"),
        ({"perspective_id": 0}, "perspective_id must be a positive integer"),
        ({"search_perspective": ""}, "search_perspective must be a non-empty string"),
        ({"page": 2}, "unexpected keyword"),
    ],
)
def test_list_refuses_bad_options_before_sending(mode: str, options: dict[str, Any], match: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=match):
        perform(mode, script, "tickets.list", **options)
    assert script.requests == []


@pytest.mark.parametrize("status", [TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.NEW])
def test_list_refuses_a_status_tickiti_cannot_filter_by(mode: str, status: TicketStatus) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match="open or on_hold"):
        perform(mode, script, "tickets.list", status=status)
    assert script.requests == []


# ---- tickets.create ----------------------------------------------------------------------------------------


def test_create_sends_the_ticket_with_a_key_then_reads_it_back(mode: str) -> None:
    script = Recorder().on("POST", CREATE, ok(CREATED, 201)).on("POST", SHOW, ok(DOC))
    ticket = perform(
        mode,
        script,
        "tickets.create",
        subject="Carbon plate cracked on first marathon",
        description="The plate cracked at km 30.\nSee <photo> & receipt.",
        requester_email=CUSTOMER,
        queue_name="Returns",
        is_public=True,
    )

    create, show = script.requests
    sent(
        create,
        CREATE,
        {
            "originator_email_address": CUSTOMER,
            "data": {
                "subject": "Carbon plate cracked on first marathon",
                "content": "The plate cracked at km 30.<br>See &lt;photo&gt; &amp; receipt.",
                # Validated there, picked at the top level: the client sends both [client].
                "queue_name": "Returns",
            },
            "queue_name": "Returns",
            "is_public": True,
            # The requester wrote the description.
            "use_passed_originator_as_responder": True,
        },
        write=True,
    )
    sent(show, SHOW, {"ticket_number": "220009"})
    assert ticket.id == "220009" and ticket.subject == "Carbon plate cracked on first marathon"
    assert ticket.raw == DOC["data"]["ticket"]


@pytest.mark.parametrize(
    "data",
    [{"ticket": {"number": 220009}}, {"number": 220009}, {"ticket_number": "220009"}],
    ids=["data.ticket.number", "data.number", "data.ticket_number"],
)
def test_create_finds_the_number_where_the_answer_puts_it(data: dict[str, Any]) -> None:
    script = Recorder().on("POST", CREATE, ok({"ok": True, "data": data})).on("POST", SHOW, ok(DOC))
    ticket = perform("sync", script, "tickets.create", subject="S", description="D", requester_email=CUSTOMER)
    assert json.loads(script.requests[0].content) == {
        "originator_email_address": CUSTOMER,
        "data": {"subject": "S", "content": "D"},
        "use_passed_originator_as_responder": True,
    }
    assert json.loads(script.requests[1].content) == {"ticket_number": "220009"}
    assert ticket.id == "220009"


def test_create_can_leave_the_first_response_to_the_token_user() -> None:
    script = Recorder().on("POST", CREATE, ok(CREATED)).on("POST", SHOW, ok(DOC))
    perform(
        "sync",
        script,
        "tickets.create",
        subject="S",
        description="D",
        requester_email=CUSTOMER,
        use_passed_originator_as_responder=False,
    )
    assert json.loads(script.requests[0].content)["use_passed_originator_as_responder"] is False


def test_create_without_a_number_in_the_answer_is_a_validation_error(mode: str) -> None:
    script = Recorder().on("POST", CREATE, ok({"ok": True, "data": {"ticket_id": "1"}}))
    with pytest.raises(ResponseValidationError, match=r"tickiti tickets\.create.*ticket number"):
        perform(mode, script, "tickets.create", subject="S", description="D", requester_email=CUSTOMER)
    assert len(script.requests) == 1


def test_each_create_gets_its_own_key_and_a_given_key_is_sent_verbatim() -> None:
    script = Recorder().on("POST", CREATE, ok(CREATED), ok(CREATED), ok(CREATED))
    script.on("POST", SHOW, ok(DOC), ok(DOC), ok(DOC))
    with sync_desk("tickiti", script, base_url=BASE) as desk:
        desk.tickets.create(subject="S", description="D", requester_email=CUSTOMER)
        desk.tickets.create(subject="S", description="D", requester_email=CUSTOMER)
        desk.tickets.create(subject="S", description="D", requester_email=CUSTOMER, idempotency_key="order-7781/return")
    keys = [r.headers["idempotency-key"] for r in script.requests if r.url.path == CREATE]
    assert keys[0] != keys[1]
    assert all(uuid.UUID(key).version == 4 for key in keys[:2])
    assert keys[2] == "order-7781/return"


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"subject": "S"}, "requester_email"),
        ({"subject": "S", "requester_email": CUSTOMER}, "needs description"),
        ({"subject": "S", "description": " ", "requester_email": CUSTOMER}, "needs description"),
        (
            {"subject": "S", "description": "D", "requester_email": CUSTOMER, "use_passed_originator_as_responder": 1},
            "use_passed_originator_as_responder",
        ),
        ({"subject": "S", "description": "D", "requester_email": CUSTOMER, "is_public": "yes"}, "is_public"),
        ({"subject": "S", "description": "D", "requester_email": CUSTOMER, "queue_name": 4}, "queue_name"),
        ({"subject": "S", "description": "D", "requester_email": CUSTOMER, "idempotency_key": ""}, "idempotency_key"),
        (
            {"subject": "S", "description": "D", "requester_email": CUSTOMER, "idempotency_key": "k" * 256},
            "idempotency_key",
        ),
        ({"subject": "S", "description": "D", "requester_email": CUSTOMER, "priority": "60"}, "unexpected keyword"),
    ],
)
def test_create_refuses_bad_arguments_before_sending(mode: str, fields: dict[str, Any], match: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=match):
        perform(mode, script, "tickets.create", **fields)
    assert script.requests == []


# ---- tickets.update ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "wire"),
    [
        ({"status": TicketStatus.OPEN}, {"status": "open"}),
        (
            {"status": TicketStatus.ON_HOLD, "on_hold_until": dt.date(2026, 5, 20)},
            {"status": "on-hold", "on_hold_until": "2026-05-20"},
        ),
        (
            {"status": "on_hold", "on_hold_until": "2026-05-20"},
            {"status": "on-hold", "on_hold_until": "2026-05-20"},
        ),
    ],
)
def test_update_sets_the_status_through_a_reply(mode: str, changes: dict[str, Any], wire: dict[str, Any]) -> None:
    script = Recorder().on("POST", RESPOND, ok(RESPONDED)).on("POST", SHOW, ok(THREAD))
    ticket = perform(mode, script, "tickets.update", "220014", **changes)

    respond, show = script.requests
    sent(respond, RESPOND, {"ticket_number": "220014", "from_email": AGENT, **wire}, write=True)
    sent(show, SHOW, {"ticket_number": "220014"})
    assert ticket.id == "220014" and ticket.status is TicketStatus.ON_HOLD


def test_update_takes_agent_email_and_key_per_call() -> None:
    script = Recorder().on("POST", RESPOND, ok(RESPONDED, 201)).on("POST", SHOW, ok(DOC))
    perform(
        "sync",
        script,
        "tickets.update",
        "220009",
        status="open",
        agent_email="lead@sole-provider.example",
        idempotency_key="reopen-220009",
        connect={"agent_email": None},
    )
    respond = script.requests[0]
    assert respond.headers["idempotency-key"] == "reopen-220009"
    assert json.loads(respond.content)["from_email"] == "lead@sole-provider.example"


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"subject": "New subject"}, "subject or description"),
        ({"status": "open", "description": "New text"}, "subject or description"),
        ({"status": TicketStatus.CLOSED}, "only to open or on_hold"),
        ({"status": TicketStatus.RESOLVED}, "only to open or on_hold"),
        ({"on_hold_until": "2026-05-20"}, "needs status"),
        ({"status": "open", "on_hold_until": "2026-05-20"}, "status=on_hold only"),
        ({"status": "on_hold"}, "needs on_hold_until"),
        ({"status": "on_hold", "on_hold_until": "20 May"}, "YYYY-MM-DD"),
        ({"status": "on_hold", "on_hold_until": "20260520"}, "YYYY-MM-DD"),
        ({"status": "on_hold", "on_hold_until": dt.datetime(2026, 5, 20, tzinfo=dt.UTC)}, "YYYY-MM-DD"),
        ({"status": "open", "body": "hi"}, "unexpected keyword"),
    ],
)
def test_update_refuses_what_tickiti_cannot_change(mode: str, changes: dict[str, Any], match: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match=match):
        perform(mode, script, "tickets.update", "220009", **changes)
    assert script.requests == []


def test_update_and_comment_need_an_agent_email(mode: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match="agent_email"):
        perform(mode, script, "tickets.update", "220009", status="open", connect={"agent_email": None})
    with pytest.raises(InvalidArgumentError, match="agent_email"):
        perform(mode, script, "comments.create", "220009", body="Hi", connect={"agent_email": None})
    assert script.requests == []


# ---- tickets.close: unsupported ----------------------------------------------------------------------------


def test_close_is_unsupported_and_sends_nothing(mode: str) -> None:
    script = Recorder()
    with pytest.raises(UnsupportedOperationError, match=r"tickiti does not support tickets\.close"):
        perform(mode, script, "tickets.close", "220009")
    assert script.requests == []
    with sync_desk("tickiti", script, base_url=BASE) as desk:
        assert "tickets.close" not in desk.capabilities
        assert desk.capabilities.supported == (
            "tickets.get",
            "tickets.list",
            "tickets.create",
            "tickets.update",
            "comments.list",
            "comments.create",
            "attachments.download",
        )


# ---- comments ----------------------------------------------------------------------------------------------


def test_comments_list_reads_the_thread(mode: str) -> None:
    script = Recorder().on("POST", RESPONSES, ok(THREAD_ANSWER))
    comments = perform(mode, script, "comments.list", "220009")

    [request] = script.requests
    sent(request, RESPONSES, {"ticket_number": "220009"})
    note, reply = comments
    assert (note.id, note.internal, note.body_text) == ("43", True, "Replacement sent by courier.")
    assert note.created_at == utc(2026, 5, 2, 11, 35)
    assert note.raw == THREAD_ANSWER["data"]["responses"][0]
    assert reply.id == "42" and reply.internal is False
    [attachment] = reply.attachments
    assert (attachment.id, attachment.ticket_id, attachment.comment_id) == ("14494", "220009", "42")


def test_comments_create_replies_then_returns_the_stored_response(mode: str) -> None:
    script = Recorder().on("POST", RESPOND, ok(RESPONDED)).on("POST", RESPONSES, ok(THREAD_ANSWER))
    comment = perform(mode, script, "comments.create", "220009", body="Shipped <today> & tracked.\nThanks")

    respond, responses = script.requests
    sent(
        respond,
        RESPOND,
        {
            "ticket_number": "220009",
            "from_email": AGENT,
            "content": "Shipped &lt;today&gt; &amp; tracked.<br>Thanks",
            "is_internal": False,
        },
        write=True,
    )
    sent(responses, RESPONSES, {"ticket_number": "220009"})
    assert comment.id == "42"
    assert comment.raw == THREAD_ANSWER["data"]["responses"][1]


def test_comments_create_internal_note_with_a_given_key() -> None:
    answer = {"ok": True, "data": {"ticket_id": "1", "response_id": "43", "reopened": False}}
    script = Recorder().on("POST", RESPOND, ok(answer)).on("POST", RESPONSES, ok(THREAD_ANSWER))
    comment = perform(
        "sync",
        script,
        "comments.create",
        "220009",
        body="Courier booked",
        internal=True,
        idempotency_key="n-1",
    )
    assert json.loads(script.requests[0].content)["is_internal"] is True
    assert script.requests[0].headers["idempotency-key"] == "n-1"
    assert comment.id == "43" and comment.internal is True


@pytest.mark.parametrize(
    ("answer", "match"),
    [
        ({"ok": True, "data": {"ticket_id": "1", "reopened": False}}, "response_id"),
        ({"ok": True, "data": {"ticket_id": "1", "response_id": None, "reopened": False}}, "expected an id"),
        ({"ok": True, "data": {"ticket_id": "1", "response_id": "99", "reopened": False}}, "99 is not in"),
    ],
    ids=["missing", "null", "not-in-thread"],
)
def test_comments_create_needs_the_new_response_id(mode: str, answer: dict[str, Any], match: str) -> None:
    script = Recorder().on("POST", RESPOND, ok(answer)).on("POST", RESPONSES, ok(THREAD_ANSWER))
    with pytest.raises(ResponseValidationError, match=match):
        perform(mode, script, "comments.create", "220009", body="Hi")


# ---- attachments.download ----------------------------------------------------------------------------------


def test_download_decodes_and_checks_the_bytes(mode: str) -> None:
    script = Recorder().on("POST", DOWNLOAD, ok(DOWNLOADED))
    data = perform(mode, script, "attachments.download", ATTACHMENT)

    [request] = script.requests
    sent(request, DOWNLOAD, {"ticket_number": "220009", "response_attachment_id": "14494"})
    assert data == FILE


def test_download_an_attachment_taken_from_a_ticket() -> None:
    script = Recorder().on("POST", SHOW, ok(DOC)).on("POST", DOWNLOAD, ok(DOWNLOADED))
    with sync_desk("tickiti", script, base_url=BASE) as desk:
        [attachment] = desk.tickets.get("220009").attachments
        assert desk.attachments.download(attachment) == FILE
    assert json.loads(script.requests[1].content) == {
        "ticket_number": "220009",
        "response_attachment_id": "14494",
    }


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"sha256": hashlib.sha256(b"other bytes").hexdigest()}, "do not match the answer's sha256"),
        ({"content_base64": "not base64!!"}, "not valid base64"),
        # The right bytes with a stray character: a lenient decoder would skip it; the body is damaged.
        ({"content_base64": "!" + base64.b64encode(FILE).decode()}, "not valid base64"),
        ({"content_base64": 12}, "expected a string"),
        ({"sha256": None}, "expected a string, got NoneType"),
    ],
    ids=["sha-mismatch", "bad-base64", "stray-character", "content-not-a-string", "sha-null"],
)
def test_download_never_returns_unchecked_bytes(mode: str, change: dict[str, Any], match: str) -> None:
    answer = copy.deepcopy(DOWNLOADED)
    answer["data"].update(change)
    with pytest.raises(ResponseValidationError, match=match) as caught:
        perform(mode, Recorder().on("POST", DOWNLOAD, ok(answer)), "attachments.download", ATTACHMENT)
    assert (caught.value.vendor, caught.value.operation) == ("tickiti", "attachments.download")


def test_download_uppercase_digest_is_the_same_digest() -> None:
    answer = copy.deepcopy(DOWNLOADED)
    answer["data"]["sha256"] = answer["data"]["sha256"].upper()
    assert perform("sync", Recorder().on("POST", DOWNLOAD, ok(answer)), "attachments.download", ATTACHMENT) == FILE


def test_download_needs_the_ticket_number(mode: str) -> None:
    script = Recorder()
    with pytest.raises(InvalidArgumentError, match="ticket_id"):
        perform(mode, script, "attachments.download", Attachment(id="14494", name="x.zip", raw={}))
    assert script.requests == []


# ---- errors ------------------------------------------------------------------------------------------------

# Each operation, the path its first request goes to, and how to call it.
OPERATIONS: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {
    "tickets.get": (SHOW, ("220009",), {}),
    "tickets.list": (QUERY, (), {}),
    "tickets.create": (CREATE, (), {"subject": "S", "description": "D", "requester_email": CUSTOMER}),
    "tickets.update": (RESPOND, ("220009",), {"status": "open"}),
    "comments.list": (RESPONSES, ("220009",), {}),
    "comments.create": (RESPOND, ("220009",), {"body": "Hi"}),
    "attachments.download": (DOWNLOAD, (ATTACHMENT,), {}),
}
WRITES = ("tickets.create", "tickets.update", "comments.create")


def envelope(code: str, message: str) -> dict[str, Any]:
    """VENDORS.md's guess of the error envelope [inferred]: still read."""
    return {"ok": False, "error": {"code": code, "message": message}}


def coded(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The `message` Tickiti's client reads [client], with the documented code beside it [inferred]."""
    return {"ok": False, "error": code, "message": message, **extra}


# status, body, class, code, message, problems
DOCUMENTED_ERRORS = [
    (401, coded("unauthenticated", "Unauthenticated."), AuthenticationError, "unauthenticated", "Unauthenticated.", []),
    (
        403,
        coded("forbidden", "This action is unauthorized."),
        PermissionDeniedError,
        "forbidden",
        "This action is unauthorized.",
        [],
    ),
    (404, coded("not_found", "Ticket not found."), NotFoundError, "not_found", "Ticket not found.", []),
    (
        422,
        coded(
            "validation_failed",
            "The data.subject field prohibits template identifier from being present.",
            errors={"data.subject": ["The data.subject field prohibits template identifier from being present."]},
        ),
        InvalidRequestError,
        "validation_failed",
        "The data.subject field prohibits template identifier from being present.",
        [("data.subject", "The data.subject field prohibits template identifier from being present.")],
    ),
    # The top-level message is the one the client shows; it wins over one inside `error`.
    (
        404,
        {"error": {"code": "not_found", "message": "inner"}, "message": "Ticket not found."},
        NotFoundError,
        "not_found",
        "Ticket not found.",
        [],
    ),
    (
        401,
        envelope("unauthenticated", "Unauthenticated."),
        AuthenticationError,
        "unauthenticated",
        "Unauthenticated.",
        [],
    ),
    (401, {"message": "Unauthenticated."}, AuthenticationError, None, "Unauthenticated.", []),
    (
        403,
        envelope("forbidden", "This action is unauthorized."),
        PermissionDeniedError,
        "forbidden",
        "This action is unauthorized.",
        [],
    ),
    (404, envelope("not_found", "Ticket not found."), NotFoundError, "not_found", "Ticket not found.", []),
    (404, {"error": "not_found"}, NotFoundError, "not_found", "not_found", []),
    (404, {"error": "No ticket has that number."}, NotFoundError, None, "No ticket has that number.", []),
    (
        422,
        envelope("validation_failed", "The ticket number field is required."),
        InvalidRequestError,
        "validation_failed",
        "The ticket number field is required.",
        [],
    ),
    (
        422,
        {
            "message": "The ticket number field is required. (and 1 more error)",
            "errors": {
                "ticket_number": [
                    "The ticket number field is required.",
                    "The ticket number must be 6 digits.",
                ],
                "from_email": ["The from email must be a valid email address."],
            },
        },
        InvalidRequestError,
        None,
        "The ticket number field is required. (and 1 more error)",
        [
            ("ticket_number", "The ticket number field is required."),
            ("ticket_number", "The ticket number must be 6 digits."),
            ("from_email", "The from email must be a valid email address."),
        ],
    ),
    (429, {"message": "Too Many Attempts."}, RateLimitError, None, "Too Many Attempts.", []),
]


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(
    ("status", "body", "cls", "code", "message", "problems"),
    DOCUMENTED_ERRORS,
    ids=[f"{e[0]}-{i}" for i, e in enumerate(DOCUMENTED_ERRORS)],
)
def test_documented_error_statuses(
    mode: str,
    operation: str,
    status: int,
    body: dict[str, Any],
    cls: type[APIStatusError],
    code: str | None,
    message: str,
    problems: list[tuple[str, str]],
) -> None:
    path, args, kwargs = OPERATIONS[operation]
    script = Recorder().on("POST", path, ok(body, status, **{"Retry-After": "7"}))
    with pytest.raises(APIStatusError) as caught:
        perform(mode, script, operation, *args, **kwargs)
    error = caught.value
    assert type(error) is cls
    assert (error.vendor, error.status_code, error.code, error.message) == ("tickiti", status, code, message)
    assert error.request_id is None
    assert [(p.field, p.message) for p in error.problems] == problems
    assert error.body == body
    if status == 429:
        assert isinstance(error, RateLimitError) and error.retry_after == 7.0
    assert len(script.requests) == 1


@pytest.mark.parametrize("operation", WRITES)
def test_idempotency_key_conflict(mode: str, operation: str) -> None:
    path, args, kwargs = OPERATIONS[operation]
    body = coded("idempotency_key_conflict", "Key reused with a different body.")
    with pytest.raises(ConflictError) as caught:
        perform(mode, Recorder().on("POST", path, ok(body, 409)), operation, *args, **kwargs)
    assert (caught.value.code, caught.value.message) == (
        "idempotency_key_conflict",
        "Key reused with a different body.",
    )


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(
    ("body", "said"),
    [
        (coded("forbidden", "This action is unauthorized."), "This action is unauthorized."),
        (envelope("not_found", "Ticket not found."), None),
        ({"ok": False}, None),
        ({"message": "Server Error"}, "Server Error"),
    ],
    ids=["coded", "envelope", "bare-ok-false", "laravel"],
)
def test_a_failure_body_at_a_success_status_is_a_broken_answer(
    mode: str, operation: str, body: dict[str, Any], said: str | None
) -> None:
    """Tickiti's own client decides by the HTTP status alone [client]: a 200 whose body is not `ok: true` is not
    a success, and not a documented failure either. The desk says so, quoting the body's message if it has one."""
    path, args, kwargs = OPERATIONS[operation]
    script = Recorder().on("POST", path, ok(body))
    with pytest.raises(ResponseValidationError, match="`ok` must be true") as caught:
        perform(mode, script, operation, *args, **kwargs)
    assert (caught.value.vendor, caught.value.operation) == ("tickiti", operation)
    assert (said is not None) == ("message:" in str(caught.value))
    if said is not None:
        assert said in str(caught.value)
    assert len(script.requests) == 1


def test_an_error_on_the_read_back_after_a_write_surfaces(mode: str) -> None:
    script = (
        Recorder().on("POST", CREATE, ok(CREATED)).on("POST", SHOW, ok(coded("forbidden", "No queue access."), 403))
    )
    with pytest.raises(PermissionDeniedError, match="No queue access"):
        perform(mode, script, "tickets.create", subject="S", description="D", requester_email=CUSTOMER)
    assert [r.url.path for r in script.requests] == [CREATE, SHOW]


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(
    ("status", "answer", "cls", "message"),
    [
        (418, lambda _: ok({"note": "short and stout"}, 418), APIStatusError, '{"note":"short and stout"}'),
        (418, lambda _: raw(418, "I'm a teapot", "text/plain"), APIStatusError, "I'm a teapot"),
        (
            520,
            lambda _: raw(520, "<html><body><h1>Web server is returning an unknown error</h1></body></html>"),
            ServerError,
            "Web server is returning an unknown error",
        ),
        (502, lambda _: raw(502, ""), ServerError, "(empty body)"),
    ],
    ids=["418-json", "418-text", "520-html", "502-empty"],
)
def test_undocumented_statuses(
    mode: str,
    operation: str,
    status: int,
    answer: Callable[[httpx.Request], httpx.Response],
    cls: type[APIStatusError],
    message: str,
) -> None:
    path, args, kwargs = OPERATIONS[operation]
    with pytest.raises(APIStatusError) as caught:
        perform(mode, Recorder().on("POST", path, answer), operation, *args, **kwargs)
    assert type(caught.value) is cls
    assert (caught.value.status_code, caught.value.message) == (status, message)
    assert str(status) in str(caught.value)


# ---- malformed success bodies ------------------------------------------------------------------------------

# Responses are built per request (a response body can be read only once, and sync/async differ).
GENERIC_MALFORMED: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    "not-json": lambda _: raw(200, "<html>Login</html>"),
    "json-list": lambda _: ok([{"ok": True}]),
    "no-data": lambda _: ok({"ok": True}),
    "ok-not-true": lambda _: ok({"ok": 1, "data": {}}),
    "no-envelope": lambda _: ok({"data": {"ticket": {}}}),
}


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("answer", GENERIC_MALFORMED.values(), ids=GENERIC_MALFORMED.keys())
def test_malformed_envelopes(mode: str, operation: str, answer: Callable[[httpx.Request], httpx.Response]) -> None:
    path, args, kwargs = OPERATIONS[operation]
    with pytest.raises(ResponseValidationError) as caught:
        perform(mode, Recorder().on("POST", path, answer), operation, *args, **kwargs)
    assert (caught.value.vendor, caught.value.operation) == ("tickiti", operation)


def _without(body: dict[str, Any], *path: str | int) -> dict[str, Any]:
    copied = copy.deepcopy(body)
    target: Any = copied
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return copied


def _with(body: dict[str, Any], value: Any, *path: str | int) -> dict[str, Any]:
    copied = copy.deepcopy(body)
    target: Any = copied
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copied


MALFORMED_DATA = [
    ("tickets.get", _without(DOC, "data", "ticket", "number")),
    ("tickets.get", _with(DOC, "two-twenty", "data", "ticket", "number")),
    ("tickets.get", _with(DOC, True, "data", "ticket", "number")),
    ("tickets.get", _with(DOC, "yesterday", "data", "ticket", "created_at")),
    ("tickets.get", _with(DOC, "soon", "data", "ticket", "resolved")),
    ("tickets.get", _with(DOC, {"first": "Ana"}, "data", "ticket", "subject")),
    ("tickets.get", _with(DOC, "no", "data", "responses", 0, "is_internal")),
    ("tickets.get", _with(DOC, "1 MB", "data", "responses", 0, "attachments", 0, "file_size")),
    ("tickets.get", _without(DOC, "data", "responses")),
    ("tickets.list", {"ok": True, "data": "rows"}),
    ("tickets.list", {"ok": True, "data": [{"id": "1", "subject": "no number"}]}),
    ("tickets.list", {"ok": True, "data": [{"number": 220009, "updated_at": "tuesday"}]}),
    ("tickets.list", {"ok": True, "data": {"total": 0}}),
    ("tickets.list", {"ok": True, "data": ["220009"]}),
    ("tickets.create", {"ok": True, "data": {"number": "abc"}}),
    ("tickets.create", {"ok": True, "data": []}),
    ("tickets.update", {"ok": True, "data": {"ticket_id": "1"}}),
    ("comments.list", _with(THREAD_ANSWER, {"id": "42"}, "data", "responses")),
    ("comments.list", _without(THREAD_ANSWER, "data", "responses", 1, "id")),
    ("comments.create", {"ok": True, "data": {"response_id": "42"}}),
    ("attachments.download", _without(DOWNLOADED, "data", "content_base64")),
]


@pytest.mark.parametrize(("operation", "body"), MALFORMED_DATA)
def test_malformed_data(mode: str, operation: str, body: dict[str, Any]) -> None:
    path, args, kwargs = OPERATIONS[operation]
    with pytest.raises(ResponseValidationError) as caught:
        perform(mode, Recorder().on("POST", path, ok(body)), operation, *args, **kwargs)
    assert (caught.value.vendor, caught.value.operation) == ("tickiti", operation)
    assert "does not match the spec" in str(caught.value)


# ---- connect -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"token": "tok-123"}, "needs base_url"),
        ({"token": "tok-123", "base_url": "support.example.com"}, "http"),
        ({"token": "tok-123", "base_url": "ftp://support.example.com"}, "http"),
        ({"base_url": BASE}, "needs token"),
        ({"token": "tok-123", "base_url": BASE, "api_version": "2"}, "unexpected keyword"),
        ({"token": "tok-123", "base_url": BASE, "agent_email": 7}, "agent_email"),
    ],
)
def test_connect_checks_its_options(options: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidArgumentError, match=match):
        ticketkit.connect("tickiti", **options)
    with pytest.raises(InvalidArgumentError, match=match):
        ticketkit.connect_async("tickiti", **options)


def test_an_install_under_a_sub_path(mode: str) -> None:
    script = Recorder().on("POST", "/helpdesk" + SHOW, ok(DOC))
    ticket = perform(mode, script, "tickets.get", "220009", connect={"base_url": BASE + "/helpdesk/"})
    assert script.requests[0].url == httpx.URL(BASE + "/helpdesk" + SHOW)
    assert ticket.id == "220009"


def test_the_generated_client_is_the_escape_hatch() -> None:
    script = Recorder()
    with sync_desk("tickiti", script, base_url=BASE) as desk:
        assert desk.vendor == "tickiti"
        assert isinstance(desk.client, Client)
        assert desk.client.get_httpx_client() is desk._http
        assert "tok-123" not in repr(desk)
