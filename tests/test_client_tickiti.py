"""The generated Tickiti client: the document's examples, every operation's wire format, tolerant errors.

Tickiti sends every route as POST with a JSON body, wraps success in `{"ok": true, "data": ...}` and may
report a failure with HTTP 200 (`ok: false` or an `error` key) [client]: each 200 parses into the
operation's `...Ok` model or, failing that, into the tolerant `Error`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest
from support import Recorder, json_body, load_fixture, load_spec, same_data
from tickiti_client import AuthenticatedClient
from tickiti_client.api.idempotency import create_idempotency_key
from tickiti_client.api.tickets import (
    create_ticket,
    download_attachment,
    list_responses,
    query_responses,
    query_tickets,
    respond_ticket,
    show_ticket,
)
from tickiti_client.models import (
    CreateTicketContent,
    CreateTicketOk,
    CreateTicketRequest,
    DownloadAttachmentOk,
    DownloadAttachmentRequest,
    EmptyRequest,
    Error,
    ErrorDetail,
    FieldErrors,
    IdempotencyKeyData,
    IdempotencyKeyOk,
    ListResponsesOk,
    QueryResponsesOk,
    QueryResponsesRequest,
    QueryTicketsOk,
    QueryTicketsRequest,
    RespondTicketOk,
    RespondTicketRequest,
    ResponseCursor,
    SearchCriterion,
    SearchObject,
    ShowTicketOk,
    TicketNumberRequest,
    TicketRow,
    TicketRowPage,
)
from tickiti_client.types import UNSET

BASE = "https://support.example.com"
KEY = "7c1e0a52-idem-key"
DOC = load_fixture("vendor_docs/tickiti-show-ticket.json")["examples"]
SHOW = DOC["successful_response"]["value"]
RESPONSE = SHOW["data"]["responses"][0]
CURSOR = {"created_at": "2026-05-02T11:30:48+00:00", "id": "42"}
FAILURE = {"ok": False, "error": {"code": "forbidden", "message": "This action is unauthorized."}}


def _client(recorder: Recorder, base_url: str = BASE) -> AuthenticatedClient:
    # Accept: application/json is what Tickiti's own client sends [client]; the adapter passes it like this.
    return AuthenticatedClient(
        base_url=base_url,
        token="tok-123",
        headers={"Accept": "application/json"},
        httpx_args={"transport": recorder.transport},
    )


# ---- the document's own examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "model"), [("request_example", TicketNumberRequest), ("successful_response", ShowTicketOk)]
)
def test_documented_examples_parse_and_round_trip(name: str, model: Any) -> None:
    value = DOC[name]["value"]
    assert same_data(model.from_dict(value).to_dict(), value)


def test_documented_show_ticket_types() -> None:
    data = ShowTicketOk.from_dict(SHOW).data
    ticket, response = data.ticket, data.responses[0]
    assert (ticket.id, ticket.number, ticket.priority, ticket.queue_id) == ("1", 220009, "20", "4")
    assert ticket.created_at == dt.datetime(2026, 5, 1, 9, 14, 2, tzinfo=dt.UTC)
    assert ticket.resolved is None and ticket.on_hold_until is None
    assert (response.id, response.is_internal, response.staff_response) == ("42", False, True)
    attachment = response.attachments[0]
    assert (attachment.id, attachment.file_size, attachment.extension_rule) == ("14494", 1196962, "allowed")


def test_spec_embeds_the_documented_example_verbatim() -> None:
    assert load_spec("tickiti")["components"]["examples"]["ShowTicketDocumented"]["value"] == SHOW


# ---- every operation on the wire -----------------------------------------------------------------------


@dataclass
class Case:
    op: ModuleType
    path: str
    body: Any
    wire: dict[str, Any]
    answer: dict[str, Any]
    model: type[Any]
    key: str | None = None
    status: int = 200


CASES = [
    Case(
        show_ticket,
        "/api/v1/tickets/show",
        TicketNumberRequest(ticket_number="220009"),
        {"ticket_number": "220009"},
        SHOW,
        ShowTicketOk,
    ),
    Case(
        list_responses,
        "/api/v1/tickets/responses",
        TicketNumberRequest(ticket_number="220009"),
        {"ticket_number": "220009"},
        {"ok": True, "data": {"ticket_number": "220009", "responses": [RESPONSE]}},
        ListResponsesOk,
    ),
    Case(
        query_responses,
        "/api/v1/tickets/responses/query",
        QueryResponsesRequest(
            created_from="2026-05-01",
            created_to="2026-05-31",
            is_internal=False,
            staff_response=True,
            queue="Returns",
            queue_id="4",
            ticket_number=["220009", "220010"],
            include_deleted=True,
            fields=["id", "html"],
            limit=1000,
            cursor=ResponseCursor(**CURSOR),
        ),
        {
            "created_from": "2026-05-01",
            "created_to": "2026-05-31",
            "is_internal": False,
            "staff_response": True,
            "queue": "Returns",
            "queue_id": "4",
            "ticket_number": ["220009", "220010"],
            "include_deleted": True,
            "fields": ["id", "html"],
            "limit": 1000,
            "cursor": CURSOR,
        },
        {"ok": True, "data": {"responses": [RESPONSE], "next_cursor": CURSOR}},
        QueryResponsesOk,
    ),
    Case(
        query_tickets,
        "/api/v1/tickets/query",
        QueryTicketsRequest(
            perspective_id="3",
            search_object=SearchObject(
                search_perspective="all",
                criteria=[
                    SearchCriterion(mode="status", tokens=["open", "on-hold"]),
                    SearchCriterion(mode="updated_from", tokens=["2026-05-01"]),
                ],
            ),
        ),
        {
            "perspective_id": "3",
            "search_object": {
                "search_perspective": "all",
                "criteria": [
                    {"mode": "status", "tokens": ["open", "on-hold"]},
                    {"mode": "updated_from", "tokens": ["2026-05-01"]},
                ],
            },
        },
        {"ok": True, "data": [{"id": "1", "number": 220009, "subject": "Carbon plate cracked"}]},
        QueryTicketsOk,
    ),
    Case(
        create_ticket,
        "/api/v1/tickets",
        CreateTicketRequest(
            originator_email_address="marcus@trailblazers-club.example",
            data=CreateTicketContent(subject="Plate cracked", content="<p>At km 30.</p>"),
            queue_name="Returns",
            is_public=True,
        ),
        {
            "originator_email_address": "marcus@trailblazers-club.example",
            "data": {"subject": "Plate cracked", "content": "<p>At km 30.</p>"},
            "queue_name": "Returns",
            "is_public": True,
        },
        {"ok": True, "data": {"ticket_id": "2", "number": 220010}},
        CreateTicketOk,
        key=KEY,
        status=201,
    ),
    Case(
        respond_ticket,
        "/api/v1/tickets/respond",
        RespondTicketRequest(
            ticket_number="220009",
            from_email="priya.sharma@sole-provider.example",
            content="<p>Your replacement has shipped.</p>",
            is_internal=False,
            status="on-hold",
            on_hold_until=dt.date(2026, 5, 20),
        ),
        {
            "ticket_number": "220009",
            "from_email": "priya.sharma@sole-provider.example",
            "content": "<p>Your replacement has shipped.</p>",
            "is_internal": False,
            "status": "on-hold",
            "on_hold_until": "2026-05-20",
        },
        {"ok": True, "data": {"ticket_id": "1", "response_id": "43", "reopened": False}},
        RespondTicketOk,
        key=KEY,
    ),
    Case(
        download_attachment,
        "/api/v1/tickets/attachment",
        DownloadAttachmentRequest(ticket_number="220009", response_attachment_id="14494"),
        {"ticket_number": "220009", "response_attachment_id": "14494"},
        {
            "ok": True,
            "data": {
                "id": "14494",
                "response_id": "42",
                "name": "UPDD Diag.zip",
                "mime_type": "application/zip",
                "sha256": "cc9b8a68...608baf",
                "file_size": 1196962,
                "is_inline": False,
                "content_base64": "UEsDBBQAAAAIAA==",
            },
        },
        DownloadAttachmentOk,
    ),
    Case(
        create_idempotency_key,
        "/api/v1/idempotency_key",
        EmptyRequest(),
        {},
        {"ok": True, "data": {"idempotency_key": KEY}},
        IdempotencyKeyOk,
    ),
]
WRITES = [case for case in CASES if case.key]


def _case_id(case: Case) -> str:
    return case.op.__name__.rsplit(".", 1)[-1]


def _call(case: Case, recorder: Recorder) -> Any:
    kwargs: dict[str, Any] = {"body": case.body}
    if case.key is not None:
        kwargs["idempotency_key"] = case.key
    return case.op.sync_detailed(client=_client(recorder), **kwargs)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_operation_wire_and_success_model(case: Case) -> None:
    recorder = Recorder(status_code=case.status, json_body=case.answer)
    response = _call(case, recorder)
    request = recorder.only
    assert (request.method, request.url.raw_path.decode()) == ("POST", case.path)
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["accept"] == "application/json"
    assert request.headers.get("idempotency-key") == case.key
    assert json_body(request) == case.wire
    assert response.status_code == case.status
    assert isinstance(response.parsed, case.model), response.parsed
    assert same_data(response.parsed.to_dict(), case.answer)


def test_ticket_number_travels_in_the_body_and_base_url_keeps_its_sub_path() -> None:
    """No route has a path parameter: an awkward ticket number goes verbatim in the JSON body."""
    recorder = Recorder(json_body=SHOW)
    client = _client(recorder, base_url="https://example.com/helpdesk")
    show_ticket.sync(client=client, body=TicketNumberRequest(ticket_number="a/../b c?d"))
    request = recorder.only
    assert request.url.raw_path == b"/helpdesk/api/v1/tickets/show"
    assert json_body(request) == {"ticket_number": "a/../b c?d"}


# ---- tolerant success shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        [{"id": 1, "number": "220009", "status": "escalated", "sla_due": "tomorrow"}],
        {"rows": [{"id": 1, "number": "220009", "status": "escalated", "sla_due": "tomorrow"}], "total": 1},
    ],
    ids=["list", "object"],
)
def test_query_tickets_rows_as_list_or_object_keep_unknown_keys(data: Any) -> None:
    result = QueryTicketsOk.from_dict({"ok": True, "data": data}).data
    if isinstance(data, list):
        assert isinstance(result, list)
        rows = result
    else:
        assert isinstance(result, TicketRowPage) and result.additional_properties == {"total": 1}
        assert isinstance(result.rows, list)
        rows = result.rows
    assert isinstance(rows[0], TicketRow)
    assert (rows[0].id, rows[0].number, rows[0].status) == (1, "220009", "escalated")
    assert rows[0].additional_properties == {"sla_due": "tomorrow"}


def test_query_responses_narrowed_rows_and_last_page() -> None:
    body = {"ok": True, "data": {"responses": [{"id": "42", "ticket_number": "220009"}], "next_cursor": None}}
    data = QueryResponsesOk.from_dict(body).data
    assert data.next_cursor is None
    assert data.responses[0].id == "42"
    assert data.responses[0].additional_properties == {"ticket_number": "220009"}


@pytest.mark.parametrize("data", [KEY, {"key": KEY}], ids=["string", "object"])
def test_minted_key_as_string_or_object(data: Any) -> None:
    minted = IdempotencyKeyOk.from_dict({"ok": True, "data": data}).data
    if isinstance(data, str):
        assert minted == KEY
    else:
        assert isinstance(minted, IdempotencyKeyData) and minted.additional_properties == {"key": KEY}


def test_unknown_status_values_nulls_and_extra_keys_are_kept() -> None:
    ticket = {**SHOW["data"]["ticket"], "status": "awaiting-parts", "assigned_to_email": None}
    ticket["tags"] = ["vip"]
    attachment = {**RESPONSE["attachments"][0], "extension_rule": "quarantined"}
    body = {"ok": True, "data": {"ticket": ticket, "responses": [{**RESPONSE, "attachments": [attachment]}]}}
    data = ShowTicketOk.from_dict(body).data
    assert (data.ticket.status, data.ticket.assigned_to_email) == ("awaiting-parts", None)
    assert data.ticket.additional_properties == {"tags": ["vip"]}
    assert data.responses[0].attachments[0].extension_rule == "quarantined"


# ---- errors ---------------------------------------------------------------------------------------------

TICKITI_BODY = {"ok": False, "error": {"code": "not_found", "message": "Ticket not found."}}
LARAVEL_BODY = {"message": "The given data was invalid.", "errors": {"ticket_number": ["Required."]}}
BARE_BODY = {"error": "not_found", "trace_id": "abc"}


@pytest.mark.parametrize("status", [401, 403, 404, 422, 429])
@pytest.mark.parametrize("body", [TICKITI_BODY, LARAVEL_BODY, BARE_BODY], ids=["tickiti", "laravel", "bare"])
def test_documented_statuses_parse_every_candidate_error_body(status: int, body: dict[str, Any]) -> None:
    headers = {"Retry-After": "30"} if status == 429 else {}
    recorder = Recorder(status_code=status, json_body=body, headers=headers)
    request_body = TicketNumberRequest(ticket_number="220009")
    response = show_ticket.sync_detailed(client=_client(recorder), body=request_body)
    assert response.status_code == status
    assert response.headers.get("retry-after") == headers.get("Retry-After")
    error = response.parsed
    assert isinstance(error, Error)
    assert same_data(error.to_dict(), body)
    if body is TICKITI_BODY:
        assert error.ok is False and isinstance(error.error, ErrorDetail) and error.error.code == "not_found"
    elif body is LARAVEL_BODY:
        assert isinstance(error.errors, FieldErrors) and error.errors["ticket_number"] == ["Required."]
    else:
        assert error.error == "not_found" and error.additional_properties == {"trace_id": "abc"}


@pytest.mark.parametrize("case", WRITES, ids=_case_id)
def test_idempotency_conflict_on_writes(case: Case) -> None:
    body = {"ok": False, "error": {"code": "idempotency_key_conflict", "message": "Key reused."}}
    response = _call(case, Recorder(status_code=409, json_body=body))
    assert isinstance(response.parsed, Error) and isinstance(response.parsed.error, ErrorDetail)
    assert response.parsed.error.code == "idempotency_key_conflict"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_failure_sent_with_http_200_becomes_error(case: Case) -> None:
    """Tickiti's client treats `ok: false` as a failure even with HTTP 200 [client]; so does ours."""
    response = _call(case, Recorder(status_code=200, json_body=FAILURE))
    assert response.status_code == 200
    assert isinstance(response.parsed, Error), response.parsed
    assert response.parsed.ok is False and isinstance(response.parsed.error, ErrorDetail)
    assert response.parsed.error.code == "forbidden"


@pytest.mark.parametrize(
    ("body", "ok"),
    [
        ({"error": "boom"}, UNSET),
        ({"ok": False, "data": SHOW["data"]}, False),
        ({"ok": True, "data": {"ticket": {"id": "1"}}}, True),
    ],
    ids=["error_key_without_ok", "ok_false_with_data", "ok_true_but_malformed"],
)
def test_other_200_bodies_without_a_valid_envelope_become_error(body: dict[str, Any], ok: Any) -> None:
    """An `error` key alone or `ok: false` is a failure [client]; a broken envelope is Error with ok True."""
    response = show_ticket.sync_detailed(
        client=_client(Recorder(json_body=body)), body=TicketNumberRequest(ticket_number="220009")
    )
    assert isinstance(response.parsed, Error)
    assert response.parsed.ok is ok
    assert same_data(response.parsed.to_dict(), body)
