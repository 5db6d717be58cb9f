"""The Ankra desk: every operation through the unified interface, errors, and normalization."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import ticketkit
from ankra_client import Client
from ankra_client.api.tickets import get_ticket
from desk_support import Recorder, drive, ok, raw, sync_desk
from support import load_fixture
from ticketkit import Attachment, PartyKind, Priority, Problem, TicketStatus

# The documented sample (vendor_docs: four required fields it omits are filled with documented values).
DOCUMENTED: dict[str, Any] = load_fixture("vendor_docs/ankra-get-ticket.json")["examples"]["response_example"]["value"]
HAND_MADE: dict[str, Any] = load_fixture("ankra/ticket-hand-made.json")["value"]
LIST_PAGE: dict[str, Any] = load_fixture("ankra/list-page.json")["value"]

TICKETS = "/api/v1/org/support/tickets"
TID = HAND_MADE["id"]
TICKET_PATH = f"{TICKETS}/{TID}"
AID = HAND_MADE["attachments"][0]["id"]
ORG = "6a1f0a9e-2b7c-4f4e-8d2a-1c9b3e5d7f60"
NEW_BODY = "Logs attached."  # the body of HAND_MADE's last comment
FILE = b"\x00\xffbinary \xe2\x82 log\r\n"  # not UTF-8: must come back byte for byte


def attachment(ticket_id: str | None = TID, attachment_id: str = AID) -> Attachment:
    return Attachment(id=attachment_id, name="upgrade.log", ticket_id=ticket_id, raw={})


def page(rows: list[dict[str, Any]], number: int = 1, total_pages: int = 1) -> dict[str, Any]:
    pagination = {"page": number, "page_size": 20, "total_pages": total_pages, "total_count": len(rows)}
    return {"result": rows, "pagination": pagination}


# Every supported operation: (method, path, action, a success answer).
OPERATIONS: dict[str, tuple[str, str, Callable[[Any], Any], httpx.Response]] = {
    "tickets.get": ("GET", TICKET_PATH, lambda d: d.tickets.get(TID), ok(HAND_MADE)),
    "tickets.list": ("GET", TICKETS, lambda d: d.tickets.list(), ok(LIST_PAGE)),
    "tickets.create": (
        "POST",
        TICKETS,
        lambda d: d.tickets.create(subject="s", description="d"),
        ok(HAND_MADE, status=201),
    ),
    "tickets.close": ("POST", f"{TICKET_PATH}/close", lambda d: d.tickets.close(TID), ok(HAND_MADE)),
    "comments.list": ("GET", TICKET_PATH, lambda d: d.comments.list(TID), ok(HAND_MADE)),
    "comments.create": (
        "POST",
        f"{TICKET_PATH}/comments",
        lambda d: d.comments.create(TID, body=NEW_BODY),
        ok(HAND_MADE, status=201),
    ),
    "attachments.download": (
        "GET",
        f"{TICKET_PATH}/attachments/{AID}",
        lambda d: d.attachments.download(attachment()),
        raw(200, FILE, "application/octet-stream"),
    ),
}


def fresh(response: httpx.Response) -> httpx.Response:
    """A new copy: a client binds the response it was sent, so one object must not serve two tests."""
    return httpx.Response(response.status_code, headers=response.headers, content=response.content)


def answering(operation: str, *answers: httpx.Response) -> Recorder:
    """A script answering the operation's request with `answers` in turn (default: its success)."""
    method, path, _, success = OPERATIONS[operation]
    return Recorder().on(method, path, *(fresh(answer) for answer in answers or (success,)))


def perform(operation: str, mode: str, script: Recorder, **options: Any) -> Any:
    return drive(mode, "ankra", OPERATIONS[operation][2], transport=script, **options)


# -- requests: method, path, query, headers, body -------------------------------------------------------


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_every_operation_sends_one_request_with_token_and_organisation(operation: str, mode: str) -> None:
    method, path, _, _ = OPERATIONS[operation]
    script = answering(operation)
    perform(operation, mode, script, organisation_id=ORG)
    assert [(r.method, r.url.path) for r in script.requests] == [(method, path)]
    request = script.requests[0]
    assert request.url.host == "platform.ankra.app"
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["x-ankra-organisation-id"] == ORG


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_without_organisation_id_no_organisation_header_is_sent(operation: str) -> None:
    script = answering(operation)
    perform(operation, "sync", script)
    assert "x-ankra-organisation-id" not in script.requests[0].headers


@pytest.mark.parametrize(
    ("operation", "query", "body"),
    [
        ("tickets.get", {}, None),
        ("tickets.list", {"page": "1"}, None),
        ("tickets.create", {}, {"subject": "s", "description": "d"}),
        ("tickets.close", {}, None),
        ("comments.list", {}, None),
        ("comments.create", {}, {"body": NEW_BODY}),
        ("attachments.download", {}, None),
    ],
)
def test_query_and_body_of_each_operation(operation: str, query: dict[str, str], body: Any) -> None:
    script = answering(operation)
    perform(operation, "sync", script)
    request = script.requests[0]
    assert dict(request.url.params) == query
    assert script.bodies() == [body]
    if body is not None:
        assert request.headers["content-type"] == "application/json"


def test_ids_stay_inside_their_path_segments() -> None:
    script = Recorder().on("GET", f"{TICKETS}/a/../b/attachments/c?d", raw(200, b"x"))
    with sync_desk("ankra", script) as desk:
        desk.attachments.download(attachment(ticket_id="a/../b", attachment_id="c?d"))
    assert script.requests[0].url.raw_path == f"{TICKETS}/a%2F..%2Fb/attachments/c%3Fd".encode()


# -- tickets.get and normalization -------------------------------------------------------------------


def test_get_normalizes_the_documented_sample(mode: str) -> None:
    script = Recorder().on("GET", f"{TICKETS}/{DOCUMENTED['id']}", ok(DOCUMENTED))
    ticket = drive(mode, "ankra", lambda d: d.tickets.get(DOCUMENTED["id"]), transport=script)
    when = dt.datetime(2023, 11, 7, 5, 31, 56, tzinfo=dt.UTC)
    assert ticket.vendor == "ankra" and ticket.id == DOCUMENTED["id"] and ticket.number is None
    assert (ticket.subject, ticket.description) == ("<string>", "<string>")
    assert (ticket.status, ticket.status_raw) == (TicketStatus.OPEN, "open")
    assert (ticket.priority, ticket.priority_raw) == (Priority.UNKNOWN, None)  # no severity in the sample
    assert (ticket.requester, ticket.assignee) == (None, None)
    assert (ticket.created_at, ticket.updated_at) == (when, when)
    assert (ticket.closed_at, ticket.archived_at) == (None, None)
    assert ticket.custom_fields == {
        "category": "technical",
        "source": "portal",
        "cluster_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "cluster_name": "<string>",
        "ai_review_status": "passed",
        "ai_summary": "<string>",
        "is_tracked_by_team": False,
    }
    [comment] = ticket.comments
    assert comment.id == DOCUMENTED["comments"][0]["id"]
    assert (comment.body_text, comment.body_html, comment.internal) == ("<string>", None, False)
    assert comment.author == ticketkit.Party(name="<string>", kind=PartyKind.UNKNOWN)  # no author_type
    assert comment.created_at == when and comment.attachments == []
    assert comment.raw == DOCUMENTED["comments"][0]
    [file] = ticket.attachments
    assert file == Attachment(
        id=DOCUMENTED["attachments"][0]["id"],
        name="<string>",
        content_type="<string>",
        size=123,
        url=None,
        ticket_id=DOCUMENTED["id"],
        comment_id=None,
        raw=DOCUMENTED["attachments"][0],
    )
    assert ticket.raw == DOCUMENTED


def test_get_normalizes_the_hand_made_ticket(mode: str) -> None:
    ticket = perform("tickets.get", mode, answering("tickets.get"))
    assert (ticket.status, ticket.status_raw) == (TicketStatus.WAITING_ON_CUSTOMER, "waiting_customer")
    assert (ticket.priority, ticket.priority_raw) == (Priority.URGENT, "critical")
    assert ticket.created_at == dt.datetime(2026, 5, 1, 10, tzinfo=dt.UTC)
    assert ticket.updated_at == dt.datetime(2026, 5, 2, 8, 30, tzinfo=dt.UTC)  # +02:00 in the payload
    assert ticket.updated_at.tzinfo is dt.UTC
    assert ticket.custom_fields == {
        "category": "bug",
        "source": "api",
        "cluster_id": None,
        "cluster_name": None,
        "ai_review_status": "flagged",
        "ai_summary": None,
    }
    assert [(c.author.name, c.author.kind) for c in ticket.comments] == [
        ("Ankra Support", PartyKind.AGENT),
        ("Dana Ops", PartyKind.CUSTOMER),
    ]
    assert [(a.name, a.content_type, a.size, a.ticket_id, a.comment_id) for a in ticket.attachments] == [
        ("upgrade.log", "text/plain", 2048, TID, None)
    ]
    assert "first_response_at" not in ticket.custom_fields and ticket.raw == HAND_MADE


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("pending_review", TicketStatus.NEW),
        ("open", TicketStatus.OPEN),
        ("triaging", TicketStatus.OPEN),
        ("in_progress", TicketStatus.IN_PROGRESS),
        ("waiting_customer", TicketStatus.WAITING_ON_CUSTOMER),
        ("resolved", TicketStatus.RESOLVED),
        ("closed", TicketStatus.CLOSED),
        ("escalated", TicketStatus.UNKNOWN),
    ],
)
def test_status_mapping_keeps_the_raw_value(status: str, expected: TicketStatus) -> None:
    ticket = perform("tickets.get", "sync", answering("tickets.get", ok({**HAND_MADE, "status": status})))
    assert (ticket.status, ticket.status_raw) == (expected, status)


@pytest.mark.parametrize(
    ("severity", "expected"),
    [
        ("low", Priority.LOW),
        ("medium", Priority.NORMAL),
        ("high", Priority.HIGH),
        ("critical", Priority.URGENT),
        (None, Priority.UNKNOWN),
        ("blocker", Priority.UNKNOWN),
    ],
)
def test_severity_is_the_priority(severity: str | None, expected: Priority) -> None:
    body = {**HAND_MADE, "severity": severity}
    ticket = perform("tickets.get", "sync", answering("tickets.get", ok(body)))
    assert (ticket.priority, ticket.priority_raw) == (expected, severity)


@pytest.mark.parametrize(
    ("author_type", "kind"),
    [
        ("user", PartyKind.CUSTOMER),
        ("customer", PartyKind.CUSTOMER),
        ("agent", PartyKind.AGENT),
        ("staff", PartyKind.AGENT),
        ("Support", PartyKind.AGENT),
        ("system", PartyKind.SYSTEM),
        ("bot", PartyKind.BOT),
        ("ai", PartyKind.BOT),
        ("robot", PartyKind.UNKNOWN),
        (None, PartyKind.UNKNOWN),
    ],
)
def test_author_type_gives_the_party_kind(author_type: str | None, kind: PartyKind) -> None:
    comment = {**HAND_MADE["comments"][0], "author_type": author_type}
    body = {**HAND_MADE, "comments": [comment]}
    [read] = perform("comments.list", "sync", answering("comments.list", ok(body)))
    assert read.author == ticketkit.Party(name="Ankra Support", kind=kind)


def test_a_comment_without_author_fields_has_no_author() -> None:
    comment = {"id": "c1", "body": "hi", "created_at": "2026-05-01T11:00:00Z"}
    [read] = perform("comments.list", "sync", answering("comments.list", ok({**HAND_MADE, "comments": [comment]})))
    assert read.author is None and read.raw == comment


def test_the_id_is_kept_as_sent() -> None:
    upper = TID.upper()
    script = Recorder().on("GET", f"{TICKETS}/{upper}", ok({**HAND_MADE, "id": upper}))
    ticket = drive("sync", "ankra", lambda d: d.tickets.get(upper), transport=script)
    assert ticket.id == upper and ticket.attachments[0].ticket_id == upper


def test_a_ticket_without_a_thread_has_comments_none_and_comments_list_empty() -> None:
    bare = {k: v for k, v in HAND_MADE.items() if k not in ("comments", "attachments")}
    ticket = perform("tickets.get", "sync", answering("tickets.get", ok(bare)))
    assert (ticket.comments, ticket.attachments) == (None, [])
    assert perform("comments.list", "sync", answering("comments.list", ok(bare))) == []


# -- tickets.list ------------------------------------------------------------------------------------


def test_list_yields_the_rows_as_they_are_without_fetching_each(mode: str) -> None:
    script = answering("tickets.list")
    full, bare = drive(mode, "ankra", lambda d: d.tickets.list(), transport=script)
    assert len(script.requests) == 1
    assert full.id == LIST_PAGE["result"][0]["id"] and full.subject == "Cluster upgrade stuck"
    assert (full.status, full.priority, full.priority_raw) == (TicketStatus.OPEN, Priority.HIGH, "high")
    assert full.created_at == dt.datetime(2023, 11, 7, 5, 31, 56, tzinfo=dt.UTC)
    assert full.updated_at == dt.datetime(2023, 11, 7, 6, 2, 10, tzinfo=dt.UTC)
    assert (full.description, full.comments, full.attachments) == (None, None, [])  # a row has no thread [client]
    assert full.custom_fields == {
        "category": "technical",
        "source": "cli",
        "cluster_id": None,
        "cluster_name": None,
        "ai_review_status": "passed",
        "is_tracked_by_team": True,
    }
    assert full.raw == LIST_PAGE["result"][0]
    # A row that carries only its id: everything else stays empty.
    assert bare.id == LIST_PAGE["result"][1]["id"]
    assert (bare.subject, bare.description, bare.status_raw, bare.created_at, bare.updated_at) == (None,) * 5
    assert (bare.status, bare.priority, bare.priority_raw) == (TicketStatus.UNKNOWN, Priority.UNKNOWN, None)
    assert (bare.comments, bare.attachments, bare.custom_fields) == (None, [], {})


def test_list_pages_until_total_pages(mode: str) -> None:
    script = Recorder().on(
        "GET",
        TICKETS,
        ok(page([{"id": "a"}, {"id": "b"}], 1, total_pages=2)),
        ok(page([{"id": "c"}], 2, total_pages=2)),
    )
    tickets = drive(mode, "ankra", lambda d: d.tickets.list(page_size=2), transport=script)
    assert [t.id for t in tickets] == ["a", "b", "c"]
    assert [dict(r.url.params) for r in script.requests] == [
        {"page": "1", "page_size": "2"},
        {"page": "2", "page_size": "2"},
    ]


def test_an_empty_list_asks_once() -> None:
    script = answering("tickets.list", ok(page([], total_pages=0)))
    assert perform("tickets.list", "sync", script) == []
    assert len(script.requests) == 1


def test_limit_stops_before_the_next_page() -> None:
    script = answering("tickets.list", ok(page([{"id": "a"}, {"id": "b"}], total_pages=5)))
    assert [t.id for t in drive("sync", "ankra", lambda d: d.tickets.list(limit=1), transport=script)] == ["a"]
    assert len(script.requests) == 1


@pytest.mark.parametrize(
    ("status", "sent"),
    [
        (TicketStatus.NEW, ["pending_review"]),
        ("in_progress", ["in_progress"]),
        (TicketStatus.WAITING_ON_CUSTOMER, ["waiting_customer"]),
        (TicketStatus.RESOLVED, ["resolved"]),
        (TicketStatus.CLOSED, ["closed"]),
    ],
)
def test_list_filters_by_the_ankra_status(status: Any, sent: list[str]) -> None:
    script = answering("tickets.list", ok(page([{"id": "a"}])))
    drive("sync", "ankra", lambda d: d.tickets.list(status=status), transport=script)
    assert [r.url.params.get_list("status") for r in script.requests] == [sent]


def test_open_is_one_server_side_listing_of_open_and_triaging(mode: str) -> None:
    # Ankra takes `status` repeated [client: ankra-cli ListSupportTickets]: one listing, paged as one.
    script = Recorder().on(
        "GET",
        TICKETS,
        ok(page([{"id": "t1", "status": "triaging"}, {"id": "t2", "status": "open"}], 1, total_pages=2)),
        ok(page([{"id": "t3", "status": "open"}], 2, total_pages=2)),
    )
    tickets = drive(mode, "ankra", lambda d: d.tickets.list(status="open", page_size=2), transport=script)
    assert [(t.id, t.status) for t in tickets] == [(f"t{n}", TicketStatus.OPEN) for n in (1, 2, 3)]
    assert [r.url.params.multi_items() for r in script.requests] == [
        [("page", "1"), ("page_size", "2"), ("status", "open"), ("status", "triaging")],
        [("page", "2"), ("page_size", "2"), ("status", "open"), ("status", "triaging")],
    ]


def test_on_hold_has_no_ankra_status_so_nothing_is_asked() -> None:
    script = Recorder()
    assert drive("sync", "ankra", lambda d: d.tickets.list(status=TicketStatus.ON_HOLD), transport=script) == []
    assert script.requests == []


def test_list_passes_q_and_cluster_id() -> None:
    cluster = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    script = answering("tickets.list")
    drive("sync", "ankra", lambda d: d.tickets.list(q="upgrade", cluster_id=cluster), transport=script)
    assert dict(script.requests[0].url.params) == {"page": "1", "q": "upgrade", "cluster_id": cluster}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": TicketStatus.UNKNOWN}, "UNKNOWN"),
        ({"cluster_id": "not-a-uuid"}, "cluster_id must be a uuid"),
        ({"q": 5}, "q must be a non-empty string"),
        ({"severity": "high"}, "unexpected keyword"),
    ],
)
def test_list_refuses_bad_arguments_before_sending(kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match=message):
        drive("sync", "ankra", lambda d: d.tickets.list(**kwargs), transport=script)
    assert script.requests == []


# -- tickets.create ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [200, 201])
def test_create_sends_the_draft_and_passthrough_fields(mode: str, status: int) -> None:
    cluster = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    script = answering("tickets.create", ok(HAND_MADE, status=status))
    ticket = drive(
        mode,
        "ankra",
        lambda d: d.tickets.create(
            subject="Cluster upgrade stuck",
            description="Pending for 2 hours.",
            category="bug",
            severity="critical",
            cluster_id=cluster,
            source="api",
            acknowledged=True,
            environment={"k8s": "1.30", "nodes": 3},
        ),
        transport=script,
    )
    assert script.bodies() == [
        {
            "subject": "Cluster upgrade stuck",
            "description": "Pending for 2 hours.",
            "category": "bug",
            "severity": "critical",
            "cluster_id": cluster,
            "source": "api",
            "acknowledged": True,
            "environment": {"k8s": "1.30", "nodes": 3},
        }
    ]
    assert ticket.id == TID and ticket.raw == HAND_MADE


def test_create_from_a_review_sends_what_ankras_cli_sends(mode: str) -> None:
    # Ankra takes the draft from the stored review [client]: subject and description are not sent.
    review_id = "9b2f6a52-1d9e-4c1b-9f8e-2f7c4f0b3a11"
    script = answering("tickets.create", ok(HAND_MADE, status=201))
    ticket = drive(
        mode,
        "ankra",
        lambda d: d.tickets.create(
            subject="Cluster upgrade stuck", review_id=review_id, source="cli", acknowledged=False, severity="high"
        ),
        transport=script,
    )
    assert script.bodies() == [{"review_id": review_id, "severity": "high", "source": "cli", "acknowledged": False}]
    assert ticket.id == TID


def test_create_from_a_review_needs_no_description_and_sends_only_the_review_id() -> None:
    script = answering("tickets.create")
    drive("sync", "ankra", lambda d: d.tickets.create(subject="s", review_id="r-1"), transport=script)
    assert script.bodies() == [{"review_id": "r-1"}]


@pytest.mark.parametrize("extra", [{"category": "bug"}, {"cluster_id": None}, {"environment": {"k8s": "1.30"}}])
def test_create_from_a_review_refuses_fields_ankra_would_ignore(extra: dict[str, Any]) -> None:
    script = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match=f"ignores {next(iter(extra))}; leave them out"):
        drive(
            "sync",
            "ankra",
            lambda d: d.tickets.create(subject="s", description="d", review_id="r-1", **extra),
            transport=script,
        )
    assert script.requests == []


def test_create_sends_nulls_where_ankra_takes_them() -> None:
    script = answering("tickets.create")
    drive(
        "sync",
        "ankra",
        lambda d: d.tickets.create(subject="s", description="d", severity=None, cluster_id=None, review_id=None),
        transport=script,
    )
    # review_id=None is no review: the raw fields are sent, without a review_id [client: omitempty].
    assert script.bodies() == [{"subject": "s", "description": "d", "severity": None, "cluster_id": None}]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"description": None}, "requires a description"),
        ({"review_id": ""}, "review_id must be a non-empty string"),
        ({"review_id": 7}, "review_id must be a non-empty string"),
        ({"review_id": "r-1", "requester_email": "a@b.c"}, "no requester"),
        ({"review_id": "r-1", "acknowledged": 1}, "acknowledged must be True or False"),
        ({"requester_email": "a@b.c"}, "no requester"),
        ({"priority": "high"}, "unexpected keyword"),
        ({"acknowledged": "yes"}, "acknowledged must be True or False"),
        ({"cluster_id": "cluster-1"}, "cluster_id must be a uuid"),
        ({"category": 3}, "category must be a non-empty string"),
        ({"severity": ""}, "severity must be a non-empty string"),
    ],
)
def test_create_refuses_before_sending(kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    arguments = {"subject": "s", "description": "d", **kwargs}
    with pytest.raises(ticketkit.InvalidArgumentError, match=message):
        drive("sync", "ankra", lambda d: d.tickets.create(**arguments), transport=script)
    assert script.requests == []


@pytest.mark.parametrize(
    ("body", "vendor_says"),
    [
        ({"detail": "Ticket flagged by AI review"}, "Ticket flagged by AI review"),
        (
            {"detail": {"review_id": "r1", "status": "flagged", "reason": "Looks like a duplicate"}},
            "duplicate",
        ),
        ({"detail": {"review_id": "r1", "status": "flagged"}}, '{"review_id": "r1", "status": "flagged"}'),
    ],
)
def test_a_flagged_review_is_a_conflict_that_says_how_to_proceed(
    mode: str, body: dict[str, Any], vendor_says: str
) -> None:
    script = answering("tickets.create", ok(body, status=409))
    with pytest.raises(ticketkit.ConflictError) as caught:
        perform("tickets.create", mode, script)
    assert vendor_says in caught.value.message and "acknowledged=True" in caught.value.message
    assert caught.value.body == body and caught.value.status_code == 409


# -- tickets.close, comments -------------------------------------------------------------------------


def test_close_posts_without_a_body_and_returns_the_ticket(mode: str) -> None:
    script = answering("tickets.close", ok({**HAND_MADE, "status": "closed"}))
    ticket = perform("tickets.close", mode, script)
    assert script.requests[0].content == b""
    assert (ticket.status, ticket.status_raw, ticket.closed_at) == (TicketStatus.CLOSED, "closed", None)


def test_comments_list_is_the_ticket_thread(mode: str) -> None:
    comments = perform("comments.list", mode, answering("comments.list"))
    assert [(c.id, c.body_text, c.internal) for c in comments] == [
        (HAND_MADE["comments"][0]["id"], "Could you share the upgrade logs?", False),
        (HAND_MADE["comments"][1]["id"], NEW_BODY, False),
    ]
    assert comments[1].created_at == dt.datetime(2026, 5, 1, 12, 15, tzinfo=dt.UTC)
    assert [c.raw for c in comments] == HAND_MADE["comments"]


def test_comments_create_returns_the_new_comment(mode: str) -> None:
    comment = perform("comments.create", mode, answering("comments.create"))
    assert comment.id == HAND_MADE["comments"][1]["id"] and comment.body_text == NEW_BODY
    assert comment.author == ticketkit.Party(name="Dana Ops", kind=PartyKind.CUSTOMER)


def test_comments_create_picks_the_latest_comment_with_that_body() -> None:
    def said(cid: str, at: str) -> dict[str, Any]:
        return {"id": cid, "body": NEW_BODY, "created_at": at}

    # Same text sent twice; the newest by created_at wins even when the thread is not in time order.
    thread = [
        said("old", "2026-05-01T09:00:00Z"),
        said("new", "2026-05-03T09:00:00+02:00"),
        said("mid", "2026-05-02T09:00:00Z"),
    ]
    script = answering("comments.create", ok({**HAND_MADE, "comments": thread}))
    assert perform("comments.create", "sync", script).id == "new"


def test_internal_comments_are_refused_before_sending() -> None:
    script = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match="no internal comments"):
        drive("sync", "ankra", lambda d: d.comments.create(TID, body="note", internal=True), transport=script)
    assert script.requests == []


# -- attachments.download ----------------------------------------------------------------------------


def test_download_returns_the_bytes_unchanged(mode: str) -> None:
    assert perform("attachments.download", mode, answering("attachments.download")) == FILE


def test_download_an_attachment_taken_from_a_ticket() -> None:
    script = answering("tickets.get").on("GET", f"{TICKET_PATH}/attachments/{AID}", raw(200, b""))
    with sync_desk("ankra", script) as desk:
        [file] = desk.tickets.get(TID).attachments
        assert desk.attachments.download(file) == b""
    assert script.requests[1].url.path == f"{TICKET_PATH}/attachments/{AID}"


def test_download_needs_the_attachment_ticket() -> None:
    script = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match="under its ticket"):
        drive("sync", "ankra", lambda d: d.attachments.download(attachment(ticket_id=None)), transport=script)
    assert script.requests == []


# -- unsupported -------------------------------------------------------------------------------------


def test_update_is_unsupported_and_sends_nothing(mode: str) -> None:
    script = Recorder()
    with pytest.raises(ticketkit.UnsupportedOperationError, match=r"ankra does not support tickets\.update"):
        drive(mode, "ankra", lambda d: d.tickets.update(TID, status="resolved"), transport=script)
    assert script.requests == []


def test_capabilities() -> None:
    with sync_desk("ankra", Recorder()) as desk:
        assert desk.capabilities.supported == (
            "tickets.get",
            "tickets.list",
            "tickets.create",
            "tickets.close",
            "comments.list",
            "comments.create",
            "attachments.download",
        )
        assert "tickets.update" not in desk.capabilities


# -- documented errors -------------------------------------------------------------------------------

# status: (body, class, code, message, problems), one per documented error status.
ERRORS: dict[int, tuple[dict[str, Any], type[ticketkit.APIStatusError], str | None, str, list[Problem]]] = {
    401: ({"detail": "Not authenticated"}, ticketkit.AuthenticationError, None, "Not authenticated", []),
    403: (
        {"detail": "permission_denied", "permission": "support:write"},
        ticketkit.PermissionDeniedError,
        "permission_denied",
        "permission denied: the token lacks the permission support:write",
        [],
    ),
    404: ({"detail": "Ticket not found"}, ticketkit.NotFoundError, None, "Ticket not found", []),
    409: (
        {"detail": "Ticket flagged by AI review"},
        ticketkit.ConflictError,
        None,
        "Ticket flagged by AI review; to open it anyway, pass acknowledged=True to tickets.create",
        [],
    ),
    422: (
        {"detail": [{"loc": ["body", "subject"], "msg": "Field required", "type": "missing"}]},
        ticketkit.InvalidRequestError,
        None,
        "Field required",
        [Problem(field="subject", message="Field required")],
    ),
    429: ({"detail": "Too many requests"}, ticketkit.RateLimitError, None, "Too many requests", []),
}
# The error statuses specs/ankra.yaml documents for each operation.
DOCUMENTED_ERRORS = {
    "tickets.get": (401, 403, 404, 422, 429),
    "tickets.list": (401, 403, 422, 429),
    "tickets.create": (401, 403, 409, 422, 429),
    "tickets.close": (401, 403, 404, 422, 429),
    "comments.list": (401, 403, 404, 422, 429),
    "comments.create": (401, 403, 404, 422, 429),
    "attachments.download": (401, 403, 404, 422, 429),
}


@pytest.mark.parametrize(
    ("operation", "status"),
    [(operation, status) for operation, statuses in DOCUMENTED_ERRORS.items() for status in statuses],
)
def test_documented_errors(operation: str, status: int, mode: str) -> None:
    body, cls, code, message, problems = ERRORS[status]
    script = answering(operation, ok(body, status=status))
    with pytest.raises(cls) as caught:
        perform(operation, mode, script)
    error = caught.value
    assert type(error) is cls and error.vendor == "ankra" and error.status_code == status
    assert (error.code, error.message, error.request_id, error.problems) == (code, message, None, problems)
    assert error.body == body and "tok-123" not in str(error)


def test_rate_limit_reads_retry_after() -> None:
    script = answering("tickets.get", ok({"detail": "Too many requests"}, 429, **{"Retry-After": "7"}))
    with pytest.raises(ticketkit.RateLimitError) as caught:
        perform("tickets.get", "sync", script)
    assert caught.value.retry_after == 7.0


@pytest.mark.parametrize(
    ("detail", "message", "problems"),
    [
        (
            [{"loc": ["query", "page"], "msg": "Input should be a valid integer", "type": "int_parsing"}],
            "Input should be a valid integer",
            [Problem("query.page", "Input should be a valid integer")],
        ),
        (
            [{"loc": ["body", "environment", 0, "name"], "msg": "Field required", "type": "missing"}],
            "Field required",
            [Problem("environment.0.name", "Field required")],
        ),
        (
            [{"loc": ["body"], "msg": "Invalid JSON", "type": "json_invalid"}],
            "Invalid JSON",
            [Problem(None, "Invalid JSON")],
        ),
        (
            [
                {"loc": ["body", "subject"], "msg": "Field required", "type": "missing"},
                {"loc": ["body", "description"], "msg": "String too long", "type": "string_too_long"},
            ],
            "Field required (and 1 more)",
            [Problem("subject", "Field required"), Problem("description", "String too long")],
        ),
        (  # no `type`: the generated union hands back the raw list, which is still read
            [{"loc": ["body", "subject"], "msg": "Field required"}],
            "Field required",
            [Problem("subject", "Field required")],
        ),
    ],
)
def test_validation_problems(detail: list[Any], message: str, problems: list[Problem]) -> None:
    script = answering("tickets.create", ok({"detail": detail}, status=422))
    with pytest.raises(ticketkit.InvalidRequestError) as caught:
        perform("tickets.create", "sync", script)
    assert (caught.value.message, caught.value.problems) == (message, problems)


@pytest.mark.parametrize(
    ("status", "body", "cls", "code", "message"),
    [
        (
            403,
            {"detail": "permission_denied"},
            ticketkit.PermissionDeniedError,
            "permission_denied",
            "permission denied",
        ),
        (
            403,
            {"detail": "Organisation suspended"},
            ticketkit.PermissionDeniedError,
            None,
            "Organisation suspended",
        ),
        (422, {"detail": ["oops"]}, ticketkit.InvalidRequestError, None, "oops"),  # the JSON as text
        (500, {"error": "boom"}, ticketkit.ServerError, None, "boom"),
        (404, {"detail": 404}, ticketkit.NotFoundError, None, "404"),
    ],
)
def test_other_error_bodies_still_read(
    status: int, body: dict[str, Any], cls: type[ticketkit.APIStatusError], code: str | None, message: str
) -> None:
    script = answering("tickets.get", ok(body, status=status))
    with pytest.raises(cls) as caught:
        perform("tickets.get", "sync", script)
    assert caught.value.code == code and message in caught.value.message


@pytest.mark.parametrize(
    ("response", "cls", "text"),
    [
        (raw(418, "I'm a teapot", "text/plain"), ticketkit.APIStatusError, "I'm a teapot"),
        (raw(520, "<html><body><h1>Origin error</h1></body></html>"), ticketkit.ServerError, "Origin error"),
        (raw(502, b""), ticketkit.ServerError, "(empty body)"),
        (raw(404, "<html><body>Not Found</body></html>"), ticketkit.NotFoundError, "Not Found"),
    ],
)
def test_undocumented_statuses_and_bodies_are_readable(
    mode: str, response: httpx.Response, cls: type[ticketkit.APIStatusError], text: str
) -> None:
    script = answering("tickets.get", response)
    with pytest.raises(cls) as caught:
        perform("tickets.get", mode, script)
    assert type(caught.value) is cls and text in caught.value.message and text in str(caught.value)
    assert caught.value.status_code == response.status_code


# -- malformed success bodies ------------------------------------------------------------------------

NOT_A_JSON_OBJECT = [raw(200, "<html>maintenance</html>"), raw(200, b""), ok([HAND_MADE])]
BAD_TICKETS = [
    ok({k: v for k, v in HAND_MADE.items() if k != "status"}),  # a required field missing
    ok({**HAND_MADE, "id": "not-a-uuid"}),
    ok({**HAND_MADE, "created_at": "yesterday"}),
    ok({**HAND_MADE, "subject": 5}),
    ok({**HAND_MADE, "severity": ["high"]}),
    ok({**HAND_MADE, "comments": "none"}),
    ok({**HAND_MADE, "comments": [{"id": "c1", "created_at": "2026-05-01T11:00:00Z"}]}),  # no body
    ok({**HAND_MADE, "attachments": [{**HAND_MADE["attachments"][0], "size_bytes": "2 KB"}]}),
]
BAD_PAGES = [
    ok({"result": []}),
    ok({**LIST_PAGE, "result": {"id": "a"}}),
    ok(page([{"subject": "no id"}])),
    ok(page([{"id": 7}])),
    ok(page([{"id": "a", "created_at": "yesterday"}])),
    ok(page([{"id": "a", "status": {"name": "open"}}])),
    ok(page([{"id": "a", "subject": ["Cluster upgrade stuck"]}])),
    ok(page([{"id": "a", "severity": 3}])),
    ok({**LIST_PAGE, "pagination": {**LIST_PAGE["pagination"], "total_pages": "1"}}),
]
MALFORMED = [
    *(
        (op, answer)
        for op in ("tickets.get", "tickets.create", "tickets.close", "comments.list", "comments.create")
        for answer in [*NOT_A_JSON_OBJECT, *BAD_TICKETS]
    ),
    *(("tickets.list", answer) for answer in [*NOT_A_JSON_OBJECT, *BAD_PAGES]),
    ("comments.create", ok({**HAND_MADE, "comments": HAND_MADE["comments"][:1]})),  # the new one is missing
    ("comments.create", ok({k: v for k, v in HAND_MADE.items() if k != "comments"})),
]


@pytest.mark.parametrize(("operation", "answer"), MALFORMED)
def test_malformed_success_bodies_raise_response_validation_error(operation: str, answer: httpx.Response) -> None:
    script = answering(operation, answer)
    with pytest.raises(ticketkit.ResponseValidationError, match=rf"^ankra {operation}: ") as caught:
        perform(operation, "sync", script)
    assert caught.value.vendor == "ankra" and caught.value.operation == operation


def test_malformed_body_through_either_desk(mode: str) -> None:
    script = answering("tickets.get", ok({**HAND_MADE, "status": None}))
    with pytest.raises(ticketkit.ResponseValidationError, match=r"ankra tickets\.get"):
        perform("tickets.get", mode, script)


# -- connect ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"token": None}, "needs token="),
        ({"organisation_id": "acme"}, "organisation_id must be a uuid"),
        ({"organisation_id": 42}, "organisation_id must be a uuid"),
        ({"api_version": "2"}, "unexpected keyword"),
    ],
)
def test_connect_checks_the_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=message):
        ticketkit.connect("ankra", **{"token": "t", **options})


def test_base_url_can_be_moved() -> None:
    script = answering("tickets.get")
    perform("tickets.get", "sync", script, base_url="https://ankra.internal:8443/")
    assert str(script.requests[0].url) == f"https://ankra.internal:8443{TICKET_PATH}"


def test_desk_client_is_the_generated_client_on_the_same_connection() -> None:
    script = answering("tickets.get")
    with sync_desk("ankra", script) as desk:
        assert isinstance(desk.client, Client)
        answer = get_ticket.sync_detailed(TID, client=desk.client, x_ankra_organisation_id=ORG)
    assert answer.status_code == 200 and json.loads(answer.content) == HAND_MADE
    assert script.requests[0].headers["authorization"] == "Bearer tok-123"
