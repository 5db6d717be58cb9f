"""The Routera desk: every operation through the unified interface, OAuth tokens, errors, normalization."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import ticketkit
from desk_support import Recorder, drive, ok, raw, sync_desk
from support import load_fixture
from ticketkit import Priority, TicketStatus

TICKET: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
TID = TICKET["id"]
TOKEN = {"access_token": "jwt-1", "expires_in": 3600, "token_type": "Bearer"}


def test_get_normalizes_the_documented_ticket(mode: str) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", ok(TICKET))
    ticket = drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script)
    request = script.requests[0]
    assert request.headers["authorization"] == "Bearer tok-123"
    assert ticket.vendor == "routera" and ticket.id == TID
    assert ticket.subject == "Support request"
    assert (ticket.status, ticket.status_raw) == (TicketStatus.NEW, "new")
    assert ticket.priority is Priority.UNKNOWN
    assert ticket.assignee is not None and ticket.assignee.email == "jane@example.com"
    assert ticket.created_at == dt.datetime(2026, 5, 1, 10, tzinfo=dt.UTC)
    assert ticket.updated_at is not None and ticket.updated_at.tzinfo is dt.UTC
    assert (ticket.archived_at, ticket.closed_at, ticket.comments, ticket.attachments) == (
        None,
        None,
        None,
        [],
    )
    assert ticket.raw == TICKET


def test_path_id_is_escaped() -> None:
    script = Recorder().on("GET", "/tickets/../../admin", ok(TICKET))
    with sync_desk("routera", script) as desk:
        desk.tickets.get("../../admin")
    assert script.requests[0].url.raw_path == b"/tickets/..%2F..%2Fadmin"


def test_custom_fields_stage_map_and_description_field() -> None:
    body = {**TICKET, "ticket_stage": "escalated", "content": "Printer on fire", "plan_tier": "gold"}
    script = Recorder().on("GET", f"/tickets/{TID}", ok(body))
    stage_map = {"escalated": TicketStatus.IN_PROGRESS}
    ticket = drive(
        "sync",
        "routera",
        lambda d: d.tickets.get(TID),
        transport=script,
        stage_map=stage_map,
        description_field="content",
    )
    assert (ticket.status, ticket.status_raw) == (TicketStatus.IN_PROGRESS, "escalated")
    assert ticket.description == "Printer on fire"
    assert ticket.custom_fields == {"content": "Printer on fire", "plan_tier": "gold"}


@pytest.mark.parametrize(
    ("archived", "archived_at"),
    [("2026-06-02T08:00:00.000Z", dt.datetime(2026, 6, 2, 8, tzinfo=dt.UTC)), (True, None)],
)
def test_archived_tickets_are_closed(archived: Any, archived_at: dt.datetime | None) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", ok({**TICKET, "archived": archived, "archived_by": "jo"}))
    ticket = drive("sync", "routera", lambda d: d.tickets.get(TID), transport=script)
    assert ticket.status is TicketStatus.CLOSED and ticket.status_raw == "new"
    assert ticket.archived_at == archived_at == ticket.closed_at


def test_unknown_stage_is_unknown_with_raw_kept() -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", ok({**TICKET, "ticket_stage": "limbo"}))
    ticket = drive("sync", "routera", lambda d: d.tickets.get(TID), transport=script)
    assert (ticket.status, ticket.status_raw) == (TicketStatus.UNKNOWN, "limbo")


def test_list_pages_by_limit_and_offset() -> None:
    page_one = [{**TICKET, "id": f"t{i}"} for i in range(10)]
    page_two = [{**TICKET, "id": "t10"}]
    script = Recorder().on(
        "GET",
        "/tickets",
        ok({"data": page_one, "pagination": {"limit": 10, "offset": 0, "count": 11}}),
        ok({"data": page_two, "pagination": {"limit": 10, "offset": 10, "count": 11}}),
    )
    with sync_desk("routera", script) as desk:
        ids = [t.id for t in desk.tickets.list(page_size=10)]
    assert ids == [f"t{i}" for i in range(11)]
    assert [dict(r.url.params) for r in script.requests] == [
        {"archived": "false", "limit": "10", "offset": "0"},
        {"archived": "false", "limit": "10", "offset": "10"},
    ]


def test_list_closed_asks_for_archived_and_limit_stops_early() -> None:
    rows = [{**TICKET, "id": f"a{i}", "archived": "2026-06-02T08:00:00Z"} for i in range(100)]
    script = Recorder().on("GET", "/tickets", ok({"data": rows}))
    with sync_desk("routera", script) as desk:
        closed = list(desk.tickets.list(status="closed", limit=3))
    assert [t.id for t in closed] == ["a0", "a1", "a2"]
    assert len(script.requests) == 1 and script.requests[0].url.params["archived"] == "true"


def test_async_list_filters_other_statuses_client_side() -> None:
    rows = [{**TICKET, "id": "n"}, {**TICKET, "id": "o", "ticket_stage": "open"}]
    script = Recorder().on("GET", "/tickets", ok({"data": rows}))
    tickets = drive("async", "routera", lambda d: d.tickets.list(status=TicketStatus.OPEN), transport=script)
    assert [t.id for t in tickets] == ["o"]


def test_create_sends_fields_and_returns_the_201_ticket() -> None:
    script = Recorder().on("POST", "/tickets", ok(TICKET, status=201))
    with sync_desk("routera", script, description_field="content") as desk:
        ticket = desk.tickets.create(
            subject="Support request",
            description="It broke",
            pipeline="support",
            external_id="ext-001",
            properties={"plan_tier": "gold"},
        )
    assert script.bodies() == [
        {
            "fields": {
                "ticket_name": "Support request",
                "pipeline": "support",
                "ticket_stage": "new",
                "content": "It broke",
                "external_id": "ext-001",
                "plan_tier": "gold",
            }
        }
    ]
    assert ticket.id == TID


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"description": "x"}, "description_field"),
        ({"requester_email": "a@b.c"}, "no requester"),
        ({"priority": "high"}, "unexpected keyword"),
        ({"properties": ["not", "a", "mapping"]}, "properties must be a mapping"),
    ],
)
def test_create_refuses_what_routera_cannot_store_before_sending(kwargs: dict[str, Any], message: str) -> None:
    script = Recorder()
    with sync_desk("routera", script) as desk, pytest.raises(ticketkit.InvalidArgumentError, match=message):
        desk.tickets.create(subject="s", **kwargs)
    assert script.requests == []


def test_update_patches_only_the_changes() -> None:
    script = Recorder().on("PATCH", f"/tickets/{TID}", ok({**TICKET, "ticket_stage": "resolved"}))
    with sync_desk("routera", script) as desk:
        ticket = desk.tickets.update(TID, status=TicketStatus.RESOLVED, subject="New name")
    assert script.bodies() == [{"fields": {"ticket_name": "New name", "ticket_stage": "resolved"}}]
    assert ticket.status is TicketStatus.RESOLVED


def test_update_to_a_status_no_stage_maps_to_is_refused() -> None:
    script = Recorder()
    with sync_desk("routera", script, stage_map={}) as desk, pytest.raises(ticketkit.InvalidArgumentError):
        desk.tickets.update(TID, status="unknown")
    assert script.requests == []


def test_close_archives() -> None:
    archived = {**TICKET, "archived": "2026-06-02T08:00:00Z", "archived_by": "jane@example.com"}
    script = Recorder().on("DELETE", f"/tickets/{TID}", ok(archived))
    with sync_desk("routera", script) as desk:
        ticket = desk.tickets.close(TID)
    assert script.requests[0].method == "DELETE"
    assert ticket.status is TicketStatus.CLOSED and ticket.archived_at is not None


@pytest.mark.parametrize(
    "call",
    [
        lambda d: d.comments.list("t"),
        lambda d: d.comments.create("t", body="hi"),
        lambda d: d.attachments.download(
            ticketkit.Attachment(id="a", name="n", raw={}),
        ),
    ],
)
def test_unsupported_operations_send_nothing(call: Callable[[ticketkit.Desk], Any]) -> None:
    script = Recorder()
    with sync_desk("routera", script) as desk, pytest.raises(ticketkit.UnsupportedOperationError):
        call(desk)
    assert script.requests == []
    assert "comments.list" not in desk.capabilities and "tickets.close" in desk.capabilities


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ticketkit.InvalidRequestError),
        (401, ticketkit.AuthenticationError),
        (404, ticketkit.NotFoundError),
        (409, ticketkit.ConflictError),
        (500, ticketkit.ServerError),
    ],
)
def test_documented_errors(status: int, cls: type[ticketkit.APIStatusError]) -> None:
    body = {"message": "Unauthorized: missing account context", "error": True}
    script = Recorder().on("GET", f"/tickets/{TID}", ok(body, status=status))
    with pytest.raises(cls) as caught:
        drive("sync", "routera", lambda d: d.tickets.get(TID), transport=script)
    assert caught.value.status_code == status and caught.value.vendor == "routera"
    assert caught.value.message == "Unauthorized: missing account context"
    assert caught.value.body == body


@pytest.mark.parametrize(
    ("response", "cls", "text"),
    [
        (raw(418, "I'm a teapot", "text/plain"), ticketkit.APIStatusError, "I'm a teapot"),
        (raw(520, "<html><body><h1>Origin error</h1></body></html>"), ticketkit.ServerError, "Origin error"),
        (raw(502, b""), ticketkit.ServerError, "(empty body)"),
    ],
)
def test_undocumented_statuses_are_readable(response: httpx.Response, cls: type[Exception], text: str) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", response)
    with pytest.raises(cls) as caught:
        drive("async", "routera", lambda d: d.tickets.get(TID), transport=script)
    assert type(caught.value) is cls and text in str(caught.value)


@pytest.mark.parametrize(
    "response",
    [
        ok({"id": TID}),  # created_at/updated_at are always present
        ok({**TICKET, "created_at": "yesterday"}),
        ok([TICKET]),
        raw(200, "<html>maintenance</html>"),
        raw(200, b""),
    ],
)
def test_malformed_success_bodies_raise_response_validation_error(response: httpx.Response) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", response)
    with pytest.raises(ticketkit.ResponseValidationError, match=r"routera tickets\.get"):
        drive("sync", "routera", lambda d: d.tickets.get(TID), transport=script)


# -- OAuth client credentials ------------------------------------------------------------------------


def token_then(*answers: httpx.Response) -> Recorder:
    return Recorder().on("POST", "/oauth2/token", ok(TOKEN)).on("GET", f"/tickets/{TID}", *answers)


def test_client_credentials_fetch_one_token_and_reuse_it() -> None:
    script = token_then(ok(TICKET), ok(TICKET))
    with sync_desk("routera", script, token=None, client_id="cid", client_secret="s3cret") as desk:
        desk.tickets.get(TID)
        desk.tickets.get(TID)
    token_request, *gets = script.requests
    assert parse_qs(token_request.content.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": ["cid"],
        "client_secret": ["s3cret"],
    }
    assert [r.headers["authorization"] for r in gets] == ["Bearer jwt-1", "Bearer jwt-1"]


def test_a_401_renews_the_token_once() -> None:
    denied = ok({"message": "Unauthorized: missing account context", "error": True}, status=401)
    script = token_then(denied, ok(TICKET))
    script.on("POST", "/oauth2/token", ok(TOKEN), ok({**TOKEN, "access_token": "jwt-2"}))
    with sync_desk("routera", script, token=None, client_id="c", client_secret="s") as desk:
        assert desk.tickets.get(TID).id == TID
    assert [(seen.method, seen.path, seen.headers.get("authorization")) for seen in script.seen] == [
        ("POST", "/oauth2/token", None),
        ("GET", f"/tickets/{TID}", "Bearer jwt-1"),
        ("POST", "/oauth2/token", None),
        ("GET", f"/tickets/{TID}", "Bearer jwt-2"),
    ]


def test_a_second_401_is_raised_not_retried_forever() -> None:
    denied = ok({"message": "no", "error": True}, status=401)
    script = token_then(denied, denied, denied)
    script.on("POST", "/oauth2/token", ok(TOKEN), ok(TOKEN), ok(TOKEN))
    with (
        sync_desk("routera", script, token=None, client_id="c", client_secret="s") as desk,
        pytest.raises(ticketkit.AuthenticationError),
    ):
        desk.tickets.get(TID)
    assert len(script.requests) == 4


def test_the_token_is_renewed_before_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    from ticketkit.vendors import routera

    now = [1000.0]
    monkeypatch.setattr(routera.time, "monotonic", lambda: now[0])
    script = token_then(ok(TICKET), ok(TICKET), ok(TICKET))
    script.on("POST", "/oauth2/token", ok(TOKEN), ok({**TOKEN, "access_token": "jwt-2"}))
    with sync_desk("routera", script, token=None, client_id="c", client_secret="s") as desk:
        desk.tickets.get(TID)
        now[0] += 3000  # within the lifetime, before the renewal margin
        desk.tickets.get(TID)
        now[0] += 560  # 3560 s: within the last tenth of 3600 s (at most 60 s)
        desk.tickets.get(TID)
    auth = [r.headers.get("authorization") for r in script.requests if r.method == "GET"]
    assert auth == ["Bearer jwt-1", "Bearer jwt-1", "Bearer jwt-2"]


def test_concurrent_async_callers_share_one_token_fetch() -> None:
    fetches: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/token":
            fetches.append(request)
            await asyncio.sleep(0.05)  # long enough for every caller to be waiting on the token
            return ok(TOKEN)
        return ok(TICKET)

    async def go() -> list[ticketkit.Ticket]:
        transport = httpx.MockTransport(handler)
        async with ticketkit.connect_async("routera", client_id="c", client_secret="s", transport=transport) as desk:
            return await asyncio.gather(*(desk.tickets.get(TID) for _ in range(8)))

    assert len(asyncio.run(go())) == 8
    assert len(fetches) == 1


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (
            401,
            {"error": "invalid_client", "error_description": "Client authentication failed."},
            "AuthenticationError",
        ),
        (400, {"error": "invalid_grant", "error_description": "Bad grant."}, "InvalidRequestError"),
    ],
)
def test_token_errors_are_read_from_the_oauth_body(status: int, body: dict[str, str], cls: str) -> None:
    script = Recorder().on("POST", "/oauth2/token", ok(body, status=status))
    with (
        sync_desk("routera", script, token=None, client_id="c", client_secret="s") as desk,
        pytest.raises(getattr(ticketkit, cls)) as caught,
    ):
        desk.tickets.get(TID)
    assert caught.value.code == body["error"] and caught.value.message == body["error_description"]
    assert "s3cret" not in str(caught.value)


# A token endpoint that is down or busy: the call's own request was never sent, so it is retried, a create too.
OAUTH = {"token": None, "client_id": "cid", "client_secret": "s3cret-pass"}


def token_outage(status: int) -> httpx.Response:
    headers = {"Retry-After": "0"} if status == 429 else {}
    return ok({"error": "temporarily_unavailable", "error_description": "try later"}, status=status, **headers)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504, 408])
def test_a_busy_token_endpoint_is_retried_before_the_call_is_sent(mode: str, status: int, waits: list[float]) -> None:
    script = Recorder().on("POST", "/oauth2/token", token_outage(status), ok(TOKEN))
    script.on("GET", f"/tickets/{TID}", ok(TICKET))
    ticket = drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script, max_retries=2, **OAUTH)
    assert ticket.id == TID
    assert [(seen.method, seen.path) for seen in script.seen] == [
        ("POST", "/oauth2/token"),
        ("POST", "/oauth2/token"),
        ("GET", f"/tickets/{TID}"),
    ]
    assert len(waits) == 1


def test_a_create_is_sent_once_after_the_token_endpoint_failed(mode: str, waits: list[float]) -> None:
    # A create is never repeated once it may have arrived; a 503 from the token endpoint says it did not.
    script = Recorder().on("POST", "/oauth2/token", token_outage(503), token_outage(502), ok(TOKEN))
    script.on("POST", "/tickets", ok(TICKET, status=201))
    ticket = drive(mode, "routera", lambda d: d.tickets.create(subject="s"), transport=script, max_retries=3, **OAUTH)
    assert ticket.id == TID
    assert [seen.path for seen in script.seen] == ["/oauth2/token"] * 3 + ["/tickets"]


def test_a_token_endpoint_that_stays_down_raises_its_error_without_the_secret(mode: str, waits: list[float]) -> None:
    echo = ok({"error": "server_error", "error_description": "no client s3cret-pass"}, status=503)
    script = Recorder().on("POST", "/oauth2/token", echo, echo, echo, echo)
    with pytest.raises(ticketkit.ServerError) as caught:
        drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script, max_retries=2, **OAUTH)
    assert [seen.path for seen in script.seen] == ["/oauth2/token"] * 3  # 1 + max_retries, the GET never sent
    assert caught.value.status_code == 503 and caught.value.code == "server_error"
    assert "s3cret-pass" not in f"{caught.value} {caught.value.body} {caught.value.response.request.content!r}"
    assert len(waits) == 2


def test_a_token_endpoint_failing_after_a_401_retries_the_call(mode: str, waits: list[float]) -> None:
    denied = ok({"message": "Unauthorized", "error": True}, status=401)
    script = Recorder().on(
        "POST", "/oauth2/token", ok(TOKEN), token_outage(503), ok({**TOKEN, "access_token": "jwt-2"})
    )
    script.on("GET", f"/tickets/{TID}", denied, ok(TICKET))
    assert drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script, max_retries=1, **OAUTH).id == TID
    assert [(seen.path, seen.headers.get("authorization")) for seen in script.seen] == [
        ("/oauth2/token", None),
        (f"/tickets/{TID}", "Bearer jwt-1"),
        ("/oauth2/token", None),  # the renewal: 503, so the attempt ends and the call is retried
        ("/oauth2/token", None),  # the refused token is not sent again: renewed first
        (f"/tickets/{TID}", "Bearer jwt-2"),
    ]


def test_hooks_and_raw_responses_see_the_retry_but_not_the_token_answer(waits: list[float]) -> None:
    script = Recorder().on("POST", "/oauth2/token", token_outage(503), ok(TOKEN))
    script.on("GET", f"/tickets/{TID}", ok(TICKET))
    responses: list[str] = []
    retries: list[str] = []
    hooks = ticketkit.Hooks(
        on_response=lambda event: responses.append(event.response.request.url.path),
        on_retry=lambda event: retries.append(event.reason),
    )
    with sync_desk("routera", script, max_retries=1, hooks=hooks, **OAUTH) as desk:
        raw_get = desk.with_raw_response.tickets.get(TID)
    assert [r.request.url.path for r in raw_get.http_responses] == [f"/tickets/{TID}"]
    assert responses == [f"/tickets/{TID}"]
    assert retries == ["HTTP 503 from /oauth2/token (the call was not sent)"]


@pytest.mark.parametrize(
    "options",
    [
        {"token": None},
        {"token": "t", "client_id": "c", "client_secret": "s"},
        {"token": None, "client_id": "c"},
    ],
)
def test_credentials_must_be_a_token_or_a_client_pair(options: dict[str, Any]) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError):
        ticketkit.connect("routera", **options)
