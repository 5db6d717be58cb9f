"""The Tickiti sandbox: raw HTTP against the fake (edge behaviour, state, idempotency, paging), then the desk.

Every raw answer is checked against specs/tickiti.yaml with `response_problems`. The request shapes are the ones
Tickiti's own client sends (shared/reference/clients/tickiti-mcp); tests/contract/test_tickiti_mcp.py drives the
sandbox with that client itself.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import ticketkit
from spec_check import response_problems
from ticketkit import InvalidRequestError, NotFoundError, UnsupportedOperationError
from ticketkit.sandbox import Faults, Sandbox, serving
from ticketkit.sandbox.tickiti import seed as tickiti_seed
from ticketkit_models import Party, PartyKind, TicketStatus

AGENT = "priya.sharma@sole-provider.example"
CUSTOMER = "marcus@trailblazers-club.example"
DOC_TICKET = "220009"  # the ticket of tickiti-show-ticket.txt, seeded with its ids
ON_HOLD, RESOLVED, UNASSIGNED = "220010", "220011", "220012"
# The refund ticket's attachments beside its receipt: a review-gated type and a blocked one.
REVIEWED, BLOCKED = "14497", "14498"
PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="

SHOW = "/api/v1/tickets/show"
RESPONSES = "/api/v1/tickets/responses"
QUERY_RESPONSES = "/api/v1/tickets/responses/query"
QUERY = "/api/v1/tickets/query"
CREATE = "/api/v1/tickets"
RESPOND = "/api/v1/tickets/respond"
DOWNLOAD = "/api/v1/tickets/attachment"
MINT = "/api/v1/idempotency_key"
PERSPECTIVES = "/api/v1/settings/perspectives"
QUEUES = "/api/v1/workflow/queues"
READS = {
    SHOW: {"ticket_number": DOC_TICKET},
    RESPONSES: {"ticket_number": DOC_TICKET},
    QUERY_RESPONSES: {},
    QUERY: {},
    DOWNLOAD: {"ticket_number": DOC_TICKET, "response_attachment_id": "14494"},
}


class Api:
    """Raw requests to one sandbox; every answer is checked against the spec before it is returned."""

    def __init__(self, sandbox: Sandbox, prefix: str = "") -> None:
        self.sandbox = sandbox
        self.prefix = prefix
        self.token = str(sandbox.app.connect_options()["token"])
        self.http = httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url)

    def post(
        self, path: str, body: Any = None, *, key: str | None = None, token: str | None = None, content: bytes = b""
    ) -> httpx.Response:
        headers = {"Accept": "application/json"}
        if token != "":
            headers["Authorization"] = f"Bearer {token or self.token}"
        if key is not None:
            headers["Idempotency-Key"] = key
        if body is None:
            response = self.http.post(path, content=content, headers={**headers, "Content-Type": "application/json"})
        else:
            response = self.http.post(path, json=body, headers=headers)
        assert response_problems("tickiti", response.request, response, self.prefix) == []
        return response

    def data(self, path: str, body: Any, *, key: str | None = None) -> Any:
        response = self.post(path, body, key=key)
        assert response.status_code in (200, 201), response.text
        assert response.json()["ok"] is True
        return response.json()["data"]

    def show(self, number: str) -> dict[str, Any]:
        data: dict[str, Any] = self.data(SHOW, {"ticket_number": number})
        return data


@pytest.fixture
def api() -> Iterator[Api]:
    client = Api(Sandbox("tickiti"))
    yield client
    client.http.close()


def error_of(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The failure body: the `message` Tickiti's client reads, with the documented code beside it."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert body["ok"] is False
    assert body["error"] == code
    assert isinstance(body["message"], str) and body["message"].strip()
    return body


def reply(number: str, **fields: Any) -> dict[str, Any]:
    return {"ticket_number": number, "from_email": AGENT, "content": "<p>On it.</p>", **fields}


def new_ticket(**fields: Any) -> dict[str, Any]:
    return {
        "originator_email_address": "zoe@example.com",
        "data": {"subject": "Laces fraying after a week", "content": "<p>Both shoes &amp; both laces.</p>"},
        "queue_name": "Warranty",
        "is_public": True,
        **fields,
    }


def template_ticket(**fields: Any) -> dict[str, Any]:
    return {
        "originator_email_address": "zoe@example.com",
        "template_identifier": "warranty-claim",
        "data": {"order_number": "SP-20931", "issue": "Sole <separating>"},
        **fields,
    }


def intervention_ticket(**fields: Any) -> dict[str, Any]:
    return {
        "originator_email_address": "zoe@example.com",
        "intervention": "Return label request",
        "uid": "order-SP-20931",
        "data": {"order_number": "SP-20931"},
        **fields,
    }


def is_offset_stamp(value: str) -> bool:
    return value.endswith("+00:00") and dt.datetime.fromisoformat(value).tzinfo is not None


# -- reading -------------------------------------------------------------------------------------------


def test_show_gives_the_documented_ticket_and_its_thread_pinned_first(api: Api) -> None:
    data = api.show(DOC_TICKET)
    ticket = data["ticket"]
    assert ticket["id"] == "1" and ticket["number"] == 220009
    assert ticket["subject"] == "Carbon plate cracked on first marathon"
    assert (ticket["status"], ticket["priority"], ticket["queue_id"]) == ("open", "20", "4")
    assert (ticket["originator_email"], ticket["assigned_to_email"]) == (CUSTOMER, AGENT)
    assert ticket["resolved"] is None and ticket["on_hold_until"] is None
    assert is_offset_stamp(ticket["created_at"]) and is_offset_stamp(ticket["updated_at"])
    # The pinned internal note first, then oldest to newest.
    assert [r["id"] for r in data["responses"]] == ["43", "41", "42"]
    note, first, shipped = data["responses"]
    assert note["is_pinned"] and note["is_internal"] and note["staff_response"]
    assert first["is_email_sourced"] and not first["staff_response"] and first["created_by_email"] == CUSTOMER
    assert "<o:p>" in first["html"] and "<" not in first["plain_text"]
    assert shipped["plain_text"] == "Your replacement has shipped."
    [attachment] = shipped["attachments"]
    assert attachment["id"] == "14494" and attachment["response_id"] == "42" and attachment["name"] == "UPDD Diag.zip"
    assert attachment["extension_rule"] == "allowed" and attachment["file_size_formatted"].endswith(" B")


def test_responses_lists_the_same_thread_without_the_header(api: Api) -> None:
    data = api.data(RESPONSES, {"ticket_number": DOC_TICKET})
    assert data["ticket_number"] == DOC_TICKET
    assert data["responses"] == api.show(DOC_TICKET)["responses"]


def test_seed_covers_on_hold_resolved_and_unassigned(api: Api) -> None:
    on_hold = api.show(ON_HOLD)["ticket"]
    assert on_hold["status"] == "on-hold" and dt.date.fromisoformat(on_hold["on_hold_until"])
    resolved = api.show(RESOLVED)["ticket"]
    assert resolved["resolved"] is not None and is_offset_stamp(resolved["resolved"])
    unassigned = api.show(UNASSIGNED)
    assert unassigned["ticket"]["assigned_to_email"] is None
    assert unassigned["responses"][0]["attachments"][0]["name"] == "receipt.pdf"


def test_attachment_download_carries_the_real_sha256_of_its_bytes(api: Api) -> None:
    meta = api.show(DOC_TICKET)["responses"][2]["attachments"][0]
    data = api.data(DOWNLOAD, {"ticket_number": DOC_TICKET, "response_attachment_id": "14494"})
    content = base64.b64decode(data["content_base64"], validate=True)
    assert content.startswith(b"PK\x03\x04")
    assert data["sha256"] == hashlib.sha256(content).hexdigest() == meta["sha256"]
    assert data["file_size"] == len(content) == meta["file_size"]
    assert (data["id"], data["response_id"], data["mime_type"], data["is_inline"]) == (
        "14494",
        "42",
        "application/zip",
        False,
    )


def test_inline_image_downloads_as_png(api: Api) -> None:
    meta = api.show(ON_HOLD)["responses"][0]["attachments"][0]
    assert meta["is_inline"] is True
    data = api.data(DOWNLOAD, {"ticket_number": ON_HOLD, "response_attachment_id": meta["id"]})
    assert data["mime_type"] == "image/png" and data["is_inline"] is True
    assert base64.b64decode(data["content_base64"]).startswith(b"\x89PNG")


def test_idempotency_key_mint_gives_a_fresh_uuid(api: Api) -> None:
    first, second = api.data(MINT, {}), api.data(MINT, {})
    assert uuid.UUID(first["idempotency_key"]) != uuid.UUID(second["idempotency_key"])
    error_of(api.post(MINT, {"surprise": 1}), 422, "validation_failed")


def numbers(rows: list[dict[str, Any]]) -> list[int]:
    return [row["number"] for row in rows]


def criteria(*pairs: tuple[str, list[str]], perspective: str | None = None) -> dict[str, Any]:
    search: dict[str, Any] = {"criteria": [{"mode": mode, "tokens": tokens} for mode, tokens in pairs]}
    if perspective:
        search["search_perspective"] = perspective
    return {"search_object": search}


# -- edge behaviour: 401, 403, 404, 422 ------------------------------------------------------------------


@pytest.mark.parametrize("path", [*READS, CREATE, RESPOND, MINT])
@pytest.mark.parametrize("token", ["", "1|wrong-secret"])
def test_missing_or_wrong_token_is_401_unauthenticated(api: Api, path: str, token: str) -> None:
    response = api.post(path, READS.get(path, {}), token=token, key="k-401")
    assert error_of(response, 401, "unauthenticated")["message"] == "Unauthenticated."


def test_a_read_only_token_reads_but_cannot_write(api: Api) -> None:
    read_only = api.sandbox.app.read_only_token  # type: ignore[attr-defined]
    for path, body in READS.items():
        assert api.post(path, body, token=read_only).status_code == 200
    error_of(api.post(CREATE, new_ticket(), token=read_only, key="k-ro-1"), 403, "forbidden")
    error_of(api.post(RESPOND, reply(DOC_TICKET), token=read_only, key="k-ro-2"), 403, "forbidden")
    assert len(api.show(DOC_TICKET)["responses"]) == 3


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (SHOW, {"ticket_number": "999999"}),
        # Not a 6-digit number: no ticket has it (the document's 422 is for a missing ticket_number).
        (SHOW, {"ticket_number": "22"}),
        (RESPONSES, {"ticket_number": "999999"}),
        (RESPOND, reply("999999")),
        (DOWNLOAD, {"ticket_number": "999999", "response_attachment_id": "14494"}),
        # The attachment exists, but on another ticket.
        (DOWNLOAD, {"ticket_number": ON_HOLD, "response_attachment_id": "14494"}),
        (DOWNLOAD, {"ticket_number": DOC_TICKET, "response_attachment_id": "fourteen"}),
        (DOWNLOAD, {"ticket_number": DOC_TICKET, "response_attachment_id": 99999}),
        (QUERY, {"perspective_id": 99}),
        (QUERY, {"perspective_id": "99"}),
        (QUERY, {"search_object": {"search_perspective_id": 99}}),
        (QUERY, {"search_object": {"search_perspective": "everything"}}),
    ],
)
def test_unknown_objects_are_404_not_found(api: Api, path: str, body: dict[str, Any]) -> None:
    error_of(api.post(path, body, key="k-404"), 404, "not_found")


def test_an_unknown_route_is_404_and_another_method_405_in_the_same_shape(api: Api) -> None:
    error_of(api.http.post("/api/v1/tickets/delete", json={}), 404, "not_found")
    for method in ("GET", "PUT", "DELETE"):
        response = api.http.request(method, SHOW, headers={"Authorization": f"Bearer {api.token}"})
        error_of(response, 405, "method_not_allowed")
        assert response.headers["Allow"] == "POST"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (SHOW, {}, "ticket_number"),
        (SHOW, {"ticket_number": 220009}, "ticket_number"),
        (SHOW, {"ticket_number": ""}, "ticket_number"),
        (RESPONSES, {"ticket_number": None}, "ticket_number"),
        (DOWNLOAD, {"ticket_number": DOC_TICKET}, "response_attachment_id"),
        (DOWNLOAD, {"ticket_number": DOC_TICKET, "response_attachment_id": True}, "response_attachment_id"),
        # A review-gated type without the client's `intent: review_ok`, and an intent it does not send.
        (DOWNLOAD, {"ticket_number": UNASSIGNED, "response_attachment_id": REVIEWED}, "intent"),
        (DOWNLOAD, {"ticket_number": UNASSIGNED, "response_attachment_id": REVIEWED, "intent": "yes"}, "intent"),
        (CREATE, {"data": {"subject": "No customer", "content": "<p>x</p>"}}, "originator_email_address"),
        (CREATE, new_ticket(originator_email_address="not-an-email"), "originator_email_address"),
        (CREATE, new_ticket(data={"subject": 7, "content": "<p>x</p>"}), "data.subject"),
        (CREATE, new_ticket(queue_name="Nowhere"), "queue_name"),
        (CREATE, new_ticket(data={**new_ticket()["data"], "queue_name": "Nowhere"}), "data.queue_name"),
        (CREATE, new_ticket(is_public="yes"), "is_public"),
        (CREATE, new_ticket(use_passed_originator_as_responder="yes"), "use_passed_originator_as_responder"),
        # Unknown keys are refused (the `data` of a template holds any tokens, the request itself does not).
        (CREATE, new_ticket(priority=60), "priority"),
        # Exactly one mode: none, two at once, or half of one.
        (CREATE, {"originator_email_address": "zoe@example.com"}, "data.subject"),
        (CREATE, new_ticket(template_identifier="warranty-claim"), "data.subject"),
        (CREATE, {**template_ticket(), "intervention": "Return label request", "uid": "u-1"}, "template_identifier"),
        (CREATE, new_ticket(data={"subject": "Only a subject"}), "data.content"),
        (CREATE, new_ticket(data={"content": "<p>Only content</p>"}), "data.subject"),
        (CREATE, new_ticket(data={"subject": "Blank", "content": " "}), "data.content"),
        (CREATE, {**template_ticket(), "template_identifier": "no-such-template"}, "template_identifier"),
        (CREATE, {k: v for k, v in template_ticket().items() if k != "data"}, "data"),
        (CREATE, {k: v for k, v in intervention_ticket().items() if k != "uid"}, "uid"),
        (CREATE, {**intervention_ticket(), "queue_name": "Returns"}, "queue_name"),
        (
            CREATE,
            new_ticket(data={"subject": "Photo", "content": '<img src="data:image/png;base64,!!!">'}),
            "data.content",
        ),
        (RESPOND, {"ticket_number": DOC_TICKET, "content": "<p>x</p>"}, "from_email"),
        (RESPOND, reply(DOC_TICKET, from_email="not-an-email"), "from_email"),
        (RESPOND, reply(DOC_TICKET, status="resolved"), "status"),
        (RESPOND, reply(DOC_TICKET, status="on-hold"), "on_hold_until"),
        (RESPOND, reply(DOC_TICKET, status="on-hold", on_hold_until="next week"), "on_hold_until"),
        (RESPOND, reply(DOC_TICKET, on_hold_until="2030-01-01"), "on_hold_until"),
        (RESPOND, reply(DOC_TICKET, is_internal="true"), "is_internal"),
        (RESPOND, reply(DOC_TICKET, from_email=CUSTOMER, is_internal=True), "is_internal"),
        # Content may be left out only with a status.
        (RESPOND, {"ticket_number": DOC_TICKET, "from_email": AGENT}, "content"),
        (RESPOND, reply(DOC_TICKET, content="  "), "content"),
        (QUERY_RESPONSES, {"limit": 1001}, "limit"),
        (QUERY_RESPONSES, {"limit": 0}, "limit"),
        (QUERY_RESPONSES, {"cursor": {"id": 41}}, "cursor.created_at"),
        (QUERY_RESPONSES, {"cursor": {"created_at": "2026-05-02T11:30:48+00:00", "id": "x"}}, "cursor.id"),
        (QUERY_RESPONSES, {"created_from": "last tuesday"}, "created_from"),
        (QUERY_RESPONSES, {"fields": ["html", "id"]}, "fields.1"),
        (QUERY_RESPONSES, {"ticket_number": DOC_TICKET}, "ticket_number"),
        (QUERY_RESPONSES, {"queue": "Returns"}, "queue"),
        (QUERY_RESPONSES, {"queue_id": ["four"]}, "queue_id.0"),
        (QUERY, {"perspective_id": "one"}, "perspective_id"),
        (QUERY, criteria(("updated_from", ["last tuesday"])), "search_object.criteria.0.tokens.0"),
        (QUERY, criteria(("created_from", ["2026-05-01T10:00:00"])), "search_object.criteria.0.tokens.0"),
        (QUERY, criteria(("status", [])), "search_object.criteria.0.tokens"),
        (QUERY, criteria(("status", [None])), "search_object.criteria.0.tokens.0"),
        # A mode the install does not know is refused, not ignored (ignoring it would list every ticket).
        (QUERY, criteria(("mood", ["happy"])), "search_object.criteria.0.mode"),
        (QUERY, {"search_object": {"criteria": [{"mode": 7, "tokens": ["x"]}]}}, "search_object.criteria.0.mode"),
        (QUERY, {"search_object": {"criteria": [{"tokens": ["x"]}]}}, "search_object.criteria.0.mode"),
    ],
)
def test_invalid_input_is_422_with_laravel_field_errors(api: Api, path: str, body: Any, field: str) -> None:
    response = api.post(path, body, key=f"k-422-{uuid.uuid4()}")
    refused = error_of(response, 422, "validation_failed")
    errors = refused["errors"]
    assert field in errors and all(isinstance(m, str) and m for m in errors[field])
    # The message Tickiti's client shows is the first field's first message, as Laravel writes it.
    first = next(iter(errors.values()))[0]
    assert refused["message"].startswith(first)
    assert api.post(SHOW, {"ticket_number": "220013"}).status_code == 404  # nothing was created


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'"220009"'])
@pytest.mark.parametrize("path", [SHOW, CREATE, RESPOND, MINT])
def test_a_body_that_is_not_a_json_object_is_422(api: Api, path: str, content: bytes) -> None:
    error_of(api.post(path, content=content, key="k-body"), 422, "validation_failed")


@pytest.mark.parametrize("path", [*READS, CREATE, RESPOND, MINT])
def test_every_route_needs_a_json_body_even_an_empty_object(api: Api, path: str) -> None:
    assert "body" in error_of(api.post(path, key="k-empty"), 422, "validation_failed")["errors"]


# -- writes and idempotency ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CREATE, RESPOND])
@pytest.mark.parametrize("key", [None, "", "k" * 256])
def test_writes_need_an_idempotency_key_of_at_most_255(api: Api, path: str, key: str | None) -> None:
    body = new_ticket() if path == CREATE else reply(DOC_TICKET)
    errors = error_of(api.post(path, body, key=key), 422, "validation_failed")["errors"]
    assert "Idempotency-Key" in errors
    assert len(api.show(DOC_TICKET)["responses"]) == 3
    assert api.post(SHOW, {"ticket_number": "220013"}).status_code == 404


def test_create_numbers_from_the_seed_up_and_the_ticket_reads_back(api: Api) -> None:
    created = api.post(CREATE, new_ticket(), key="create-1")
    assert created.status_code == 201
    data = created.json()["data"]
    assert data == {"ticket_id": "5", "number": 220013}
    shown = api.show("220013")
    ticket = shown["ticket"]
    assert ticket["subject"] == "Laces fraying after a week" and ticket["status"] == "open"
    assert (ticket["queue_id"], ticket["originator_email"], ticket["assigned_to_email"]) == (
        "5",
        "zoe@example.com",
        None,
    )
    [first] = shown["responses"]
    assert first["html"] == "<p>Both shoes &amp; both laces.</p>" and first["plain_text"] == "Both shoes & both laces."
    # Without use_passed_originator_as_responder the token's user writes the first response.
    assert first["staff_response"] is True and first["created_by_email"] == AGENT
    assert api.data(CREATE, new_ticket(), key="create-2")["number"] == 220014


def test_create_without_a_queue_lands_in_the_inbox_and_the_originator_may_write_the_first_response(api: Api) -> None:
    body = new_ticket(use_passed_originator_as_responder=True)
    del body["queue_name"]
    number = str(api.data(CREATE, body, key="inbox")["number"])
    shown = api.show(number)
    inbox = next(q for q in api.data(QUEUES, {}) if q["name"] == "Inbox")
    assert shown["ticket"]["queue_id"] == inbox["id"]
    [first] = shown["responses"]
    assert first["staff_response"] is False and first["created_by_email"] == "zoe@example.com"


def test_create_by_queue_name_checks_both_places_the_client_puts_it(api: Api) -> None:
    body = new_ticket(queue_name="returns", data={**new_ticket()["data"], "queue_name": "Returns"})
    number = str(api.data(CREATE, body, key="returns")["number"])
    assert api.show(number)["ticket"]["queue_id"] == "4"  # names compare without case


def test_create_from_a_template_fills_its_tokens(api: Api) -> None:
    number = str(api.data(CREATE, template_ticket(), key="template")["number"])
    shown = api.show(number)
    assert shown["ticket"]["subject"] == "Warranty claim for order SP-20931"
    [first] = shown["responses"]
    assert first["html"] == "<p>Warranty claim for order SP-20931: Sole &lt;separating&gt;</p>"


def test_create_by_intervention_needs_its_uid_and_no_queue(api: Api) -> None:
    number = str(api.data(CREATE, intervention_ticket(), key="intervention")["number"])
    ticket = api.show(number)["ticket"]
    assert ticket["subject"] == "Return label for order SP-20931" and ticket["queue_id"] == "1"
    error_of(api.post(CREATE, intervention_ticket(intervention="Nope"), key="bad"), 422, "validation_failed")


def test_two_modes_at_once_are_refused_with_the_messages_the_client_shows(api: Api) -> None:
    body = template_ticket(data={"subject": "Also a subject", "order_number": "1"})
    refused = error_of(api.post(CREATE, body, key="two-modes"), 422, "validation_failed")
    assert refused["message"] == "The data.subject field prohibits template identifier from being present."


def test_inline_data_uri_images_become_cid_attachments(api: Api) -> None:
    jpeg_tag = "<img src='data:image/jpeg;base64,/9j/2w=='>"  # quoted the other way
    content = f'<p>Photo:</p><img alt="sole" src="data:image/png;base64,{PIXEL}">{jpeg_tag}'
    number = str(api.data(CREATE, new_ticket(data={"subject": "Photos", "content": content}), key="img")["number"])
    [first] = api.show(number)["responses"]
    assert first["html"] == '<p>Photo:</p><img alt="sole" src="cid:image-1.png"><img src=\'cid:image-2.jpg\'>'
    png, jpeg = first["attachments"]
    assert (png["name"], png["is_inline"], png["file_size"]) == ("image-1.png", True, len(base64.b64decode(PIXEL)))
    assert png["sha256"] == hashlib.sha256(base64.b64decode(PIXEL)).hexdigest()
    assert jpeg["name"] == "image-2.jpg"
    data = api.data(DOWNLOAD, {"ticket_number": number, "response_attachment_id": int(png["id"])})
    assert (data["mime_type"], base64.b64decode(data["content_base64"])) == ("image/png", base64.b64decode(PIXEL))
    # A reply's images too.
    answer = api.data(RESPOND, reply(number, content=f'<img src="data:image/png;base64,{PIXEL}">'), key="img-reply")
    [stored] = [r for r in api.show(number)["responses"] if r["id"] == answer["response_id"]]
    assert stored["html"] == '<img src="cid:image-1.png">' and stored["attachments"][0]["is_inline"] is True


def test_same_key_and_body_replay_the_stored_answer_without_acting_again(api: Api) -> None:
    first = api.post(CREATE, new_ticket(), key="replay-me")
    # The same JSON with its keys in another order is the same body.
    again = api.post(CREATE, dict(reversed(new_ticket().items())), key="replay-me")
    assert (again.status_code, again.content) == (first.status_code, first.content)
    rows = api.data(QUERY, {"search_object": {"criteria": [{"mode": "subject", "tokens": ["laces fraying"]}]}})
    assert len(rows) == 1

    answered = api.post(RESPOND, reply(DOC_TICKET), key="reply-once")
    assert api.post(RESPOND, reply(DOC_TICKET), key="reply-once").content == answered.content
    assert len(api.show(DOC_TICKET)["responses"]) == 4


def test_same_key_with_another_body_is_409_idempotency_key_conflict(api: Api) -> None:
    api.data(RESPOND, reply(DOC_TICKET), key="used")
    error_of(api.post(RESPOND, reply(DOC_TICKET, content="<p>Other</p>"), key="used"), 409, "idempotency_key_conflict")
    # A key belongs to one request: reusing it for another operation is a conflict too.
    error_of(api.post(CREATE, new_ticket(), key="used"), 409, "idempotency_key_conflict")
    assert len(api.show(DOC_TICKET)["responses"]) == 4


def test_a_refused_write_keeps_no_answer_so_its_key_can_be_used_again(api: Api) -> None:
    error_of(api.post(CREATE, new_ticket(queue_name="Nowhere"), key="fix-and-retry"), 422, "validation_failed")
    assert api.post(CREATE, new_ticket(), key="fix-and-retry").status_code == 201


def test_a_minted_key_works_for_a_write(api: Api) -> None:
    key = api.data(MINT, {})["idempotency_key"]
    assert api.post(CREATE, new_ticket(), key=key).status_code == 201


def test_reply_on_a_resolved_ticket_with_status_open_reopens_it(api: Api) -> None:
    data = api.data(RESPOND, reply(RESOLVED, status="open"), key="reopen")
    assert data["ticket_id"] == "3" and data["reopened"] is True
    shown = api.show(RESOLVED)
    assert shown["ticket"]["status"] == "open" and shown["ticket"]["resolved"] is None
    assert shown["responses"][-1]["id"] == data["response_id"]
    # Already open: nothing to reopen.
    assert api.data(RESPOND, reply(RESOLVED, status="open"), key="reopen-2")["reopened"] is False


def test_a_status_only_response_holds_until_a_date_and_posting_without_a_status_reopens(api: Api) -> None:
    status_only = {"ticket_number": DOC_TICKET, "from_email": AGENT, "status": "on-hold", "on_hold_until": "2030-05-20"}
    hold = api.data(RESPOND, status_only, key="hold")
    assert hold["reopened"] is False
    shown = api.show(DOC_TICKET)
    assert (shown["ticket"]["status"], shown["ticket"]["on_hold_until"]) == ("on-hold", "2030-05-20")
    [stored] = [r for r in shown["responses"] if r["id"] == hold["response_id"]]
    assert stored["html"] == "" and stored["attachments"] == []
    # Posting without a status reopens a ticket that is not open, whoever posts (the client says so).
    answer = api.data(RESPOND, reply(DOC_TICKET, is_internal=True), key="note")
    assert answer["reopened"] is True
    ticket = api.show(DOC_TICKET)["ticket"]
    assert (ticket["status"], ticket["on_hold_until"]) == ("open", None)
    assert api.data(RESPOND, reply(DOC_TICKET, from_email=CUSTOMER), key="customer")["reopened"] is False


def test_a_new_author_joins_the_participants(api: Api) -> None:
    by_participant = criteria(("participant", ["Sam@Example.com"]))
    assert api.data(QUERY, by_participant) == []
    api.data(RESPOND, reply(RESOLVED, from_email="sam@example.com"), key="sam")
    assert numbers(api.data(QUERY, by_participant)) == [220011]


def test_an_internal_note_is_kept_as_staff_only(api: Api) -> None:
    data = api.data(RESPOND, reply(UNASSIGNED, is_internal=True, content="<p>Refund batch 7</p>"), key="note")
    [note] = [r for r in api.show(UNASSIGNED)["responses"] if r["id"] == data["response_id"]]
    assert note["is_internal"] and note["staff_response"] and not note["is_pinned"]
    assert note["created_by_email"] == AGENT and is_offset_stamp(note["created_at"])
    created = dt.datetime.fromisoformat(note["created_at"])
    assert abs(dt.datetime.now(dt.UTC) - created) < dt.timedelta(minutes=1)
    assert api.show(UNASSIGNED)["ticket"]["updated_at"] == note["created_at"]


# -- queries and paging ------------------------------------------------------------------------------------


def all_responses(api: Api, query: dict[str, Any], limit: int) -> tuple[list[dict[str, Any]], int]:
    """Every row of a responses query, following `next_cursor` until null; and the pages it took."""
    rows: list[dict[str, Any]] = []
    cursor, pages = None, 0
    while True:
        data = api.data(QUERY_RESPONSES, {**query, "limit": limit, **({"cursor": cursor} if cursor else {})})
        rows += data["responses"]
        pages += 1
        cursor = data["next_cursor"]
        if cursor is None:
            return rows, pages
        last = data["responses"][-1]
        # The cursor's id is an integer [client], the rows' ids strings [doc].
        assert cursor == {"created_at": last["created_at"], "id": int(last["id"])}


def test_responses_query_pages_by_keyset_cursor_through_every_response(api: Api) -> None:
    everything = api.data(QUERY_RESPONSES, {})
    assert everything["next_cursor"] is None
    total = len(everything["responses"])
    assert total == 9
    rows, pages = all_responses(api, {}, limit=4)
    assert pages == 3 and rows == everything["responses"]
    # A full last page still says there is no more.
    assert all_responses(api, {}, limit=3)[1] == 3
    keys = [(dt.datetime.fromisoformat(r["created_at"]), int(r["id"])) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == total
    # A response written while paging shows up on a later page, after the cursor.
    first = api.data(QUERY_RESPONSES, {"limit": 5})
    api.data(RESPOND, reply(DOC_TICKET), key="mid-paging")
    rest, _ = all_responses(api, {"cursor": first["next_cursor"]}, limit=100)
    assert len(first["responses"]) + len(rest) == total + 1


def test_responses_query_filters_as_the_client_sends_them(api: Api) -> None:
    internal = api.data(QUERY_RESPONSES, {"is_internal": True})["responses"]
    assert [r["id"] for r in internal] == ["43"]
    customer = api.data(QUERY_RESPONSES, {"staff_response": False})["responses"]
    assert customer and not any(r["staff_response"] for r in customer)
    one_ticket = api.data(QUERY_RESPONSES, {"ticket_number": [RESOLVED]})["responses"]
    assert len(one_ticket) == 3 and {r["ticket_number"] for r in one_ticket} == {RESOLVED}
    # Queues by name (any case) and by integer id, each a list [client].
    returns = api.data(QUERY_RESPONSES, {"queue": ["returns"]})["responses"]
    assert {r["ticket_number"] for r in returns} == {DOC_TICKET, UNASSIGNED}
    assert api.data(QUERY_RESPONSES, {"queue_id": [4]})["responses"] == returns
    assert api.data(QUERY_RESPONSES, {"queue_id": ["4"]})["responses"] == returns  # Laravel's integer rule
    two = api.data(QUERY_RESPONSES, {"queue": ["Returns", "Warranty"]})["responses"]
    assert {r["ticket_number"] for r in two} == {DOC_TICKET, ON_HOLD, UNASSIGNED}


@pytest.mark.parametrize(
    ("fields", "heavy"),
    [
        (None, {"html", "plain_text", "attachments"}),
        (["plain_text"], {"plain_text"}),
        (["html", "attachments"], {"html", "attachments"}),
        ([], set()),
    ],
)
def test_responses_query_fields_choose_the_heavy_fields(api: Api, fields: list[str] | None, heavy: set[str]) -> None:
    body = {} if fields is None else {"fields": fields}
    light = {"id", "is_internal", "is_pinned", "staff_response", "created_by_email", "created_at", "updated_at"}
    rows = api.data(QUERY_RESPONSES, body)["responses"]
    assert rows and all(set(r) == light | {"is_email_sourced", "ticket_number"} | heavy for r in rows)


def test_responses_query_by_creation_time(api: Api) -> None:
    rows = api.data(QUERY_RESPONSES, {})["responses"]
    middle = rows[4]["created_at"]
    later = api.data(QUERY_RESPONSES, {"created_from": middle})["responses"]
    assert later == rows[4:]
    earlier = api.data(QUERY_RESPONSES, {"created_to": middle})["responses"]
    assert earlier == rows[:5]
    # The client's other form: `YYYY-MM-DD HH:MM:SS`, in UTC.
    spaced = dt.datetime.fromisoformat(middle).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert api.data(QUERY_RESPONSES, {"created_from": spaced})["responses"] == later
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert api.data(QUERY_RESPONSES, {"created_from": today, "created_to": today})["responses"] == []
    api.data(RESPOND, reply(DOC_TICKET), key="today")
    assert len(api.data(QUERY_RESPONSES, {"created_to": today})["responses"]) == len(rows) + 1


def test_tickets_query_rows(api: Api) -> None:
    rows = api.data(QUERY, {})
    # Most recently updated first, with the ticket header's fields.
    assert numbers(rows) == [220012, 220011, 220010, 220009]
    assert rows[0] == api.show(UNASSIGNED)["ticket"]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ((("subject", ["CARBON"]),), [220009]),
        ((("content", ["insoles in it"]),), [220011]),
        ((("content", ["courier"]),), [220009]),  # internal notes are searched too
        ((("subject_content", ["refund", "courier"]),), [220012, 220009]),
        ((("assigned", [AGENT.upper()]),), [220011, 220009]),
        ((("participant", ["tom.okafor@sole-provider.example"]),), [220010]),
        ((("raised", ["lena.fischer@example.de"]),), [220012]),
        ((("priority", ["40"]),), [220012]),
        ((("priority", [30]),), [220010]),
        ((("queue", ["returns"]),), [220012, 220009]),
        ((("status", ["on-hold", "resolved"]),), [220011, 220010]),
        ((("watchlist", [1]),), [220012]),
        ((("watchlist", ["2"]),), []),
        ((("hashtag", ["#VIP"]),), [220012]),
        ((("hashtag", ["exchange"]),), [220010]),
        ((("ticket_number", [220011, ON_HOLD]),), [220011, 220010]),
        # Same mode ORs, different modes AND [client].
        ((("queue", ["Returns"]), ("queue", ["Warranty"])), [220012, 220010, 220009]),
        ((("queue", ["Returns"]), ("queue", ["Warranty"]), ("status", ["open"])), [220012, 220009]),
        ((("assigned", [AGENT]), ("status", ["open"])), [220009]),
    ],
    ids=lambda value: "+".join(mode for mode, _ in value) if isinstance(value, tuple) else None,
)
def test_tickets_query_every_criteria_mode_filters(api: Api, pairs: Any, expected: list[int]) -> None:
    assert numbers(api.data(QUERY, criteria(*pairs))) == expected


def utc_day(stamp: str) -> dt.date:
    return dt.datetime.fromisoformat(stamp).astimezone(dt.UTC).date()


@pytest.mark.parametrize(
    ("mode", "key", "keep"),
    [
        ("created_from", "created_at", lambda day, pivot: day >= pivot),
        ("created_to", "created_at", lambda day, pivot: day <= pivot),
        ("updated_from", "updated_at", lambda day, pivot: day >= pivot),
        ("updated_to", "updated_at", lambda day, pivot: day <= pivot),
    ],
)
@pytest.mark.parametrize("seeded_at", ["12:00", "23:30"])  # 23:30: two seeded tickets update on one UTC day
def test_tickets_query_dates_compare_utc_days(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, mode: str, key: str, keep: Any, seeded_at: str
) -> None:
    clock = dt.datetime.combine(dt.datetime.now(dt.UTC).date(), dt.time.fromisoformat(seeded_at), dt.UTC)
    monkeypatch.setattr(tickiti_seed, "now", lambda: clock)
    api = Api(Sandbox("tickiti"))
    request.addfinalizer(api.http.close)
    rows = api.data(QUERY, {})
    # The seed's stamps are relative to now, so two tickets can share a UTC day at some hours: pick the pivot
    # among the distinct days so that some tickets fall on each side of it whatever the time of the run.
    days = sorted({utc_day(r[key]) for r in rows})
    pivot = days[1] if mode.endswith("from") else days[-2]
    expected = [r["number"] for r in rows if keep(utc_day(r[key]), pivot)]
    assert 0 < len(expected) < len(rows)
    assert numbers(api.data(QUERY, criteria((mode, [pivot.isoformat()])))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, [220012, 220011, 220010, 220009]),  # 'All' when none is named [client]
        ({"perspective_id": 1}, [220012, 220011, 220010, 220009]),
        ({"perspective_id": 3}, [220012]),
        ({"perspective_id": "3"}, [220012]),
        ({"search_object": {"search_perspective": "All"}}, [220012, 220011, 220010, 220009]),
        ({"search_object": {"search_perspective": "mine"}}, [220011, 220009]),
        ({"search_object": {"search_perspective_id": 3}}, [220012]),
        ({"perspective_id": 2, **criteria(("status", ["open"]))}, [220009]),
    ],
)
def test_tickets_query_perspectives(api: Api, body: dict[str, Any], expected: list[int]) -> None:
    assert numbers(api.data(QUERY, body)) == expected


def test_tickets_query_follows_state_changes(api: Api) -> None:
    api.data(RESPOND, reply(UNASSIGNED, status="on-hold", on_hold_until="2030-01-31"), key="hold-refund")
    on_hold = api.data(QUERY, criteria(("status", ["on-hold"])))
    assert numbers(on_hold) == [220012, 220010] and on_hold[0]["on_hold_until"] == "2030-01-31"
    number = api.data(CREATE, new_ticket(), key="new")["number"]
    assert numbers(api.data(QUERY, criteria(("status", ["open"]))))[0] == number


# -- attachment gates and discovery ------------------------------------------------------------------------


def test_a_review_gated_type_downloads_only_with_intent_review_ok(api: Api) -> None:
    asked = {"ticket_number": UNASSIGNED, "response_attachment_id": int(REVIEWED)}
    refused = error_of(api.post(DOWNLOAD, asked), 422, "validation_failed")
    assert "review_ok" in refused["message"]
    data = api.data(DOWNLOAD, {**asked, "intent": "review_ok"})
    assert data["name"] == "return-form.docm" and base64.b64decode(data["content_base64"]).startswith(b"PK")
    [meta] = [a for a in api.show(UNASSIGNED)["responses"][0]["attachments"] if a["id"] == REVIEWED]
    assert meta["extension_rule"] == "review"


def test_a_blocked_type_never_downloads(api: Api) -> None:
    asked = {"ticket_number": UNASSIGNED, "response_attachment_id": BLOCKED, "intent": "review_ok"}
    assert "blocked" in error_of(api.post(DOWNLOAD, asked), 403, "forbidden")["message"]


def test_the_discovery_reads_list_perspectives_and_queues(api: Api) -> None:
    perspectives = api.data(PERSPECTIVES, {})
    assert {"id": "1", "name": "All"} in perspectives and len(perspectives) == 3
    queues = api.data(QUEUES, {"anything": "ignored"})
    assert [q["name"] for q in queues] == ["Inbox", "General", "Returns", "Warranty"]
    read_only = api.sandbox.app.read_only_token  # type: ignore[attr-defined]
    error_of(api.post(PERSPECTIVES, {}, token=read_only), 403, "forbidden")
    error_of(api.post(QUEUES, {}, token=read_only), 403, "forbidden")


# -- the framework around the fake ------------------------------------------------------------------------


def test_served_under_a_sub_path_like_a_self_hosted_install() -> None:
    client = Api(Sandbox("tickiti", base_url="https://example.com/helpdesk"), prefix="/helpdesk")
    with client.http:
        assert client.data(SHOW, {"ticket_number": DOC_TICKET})["ticket"]["number"] == 220009
        assert client.post(SHOW, {"ticket_number": DOC_TICKET}).request.url.path == "/helpdesk" + SHOW


def test_injected_faults_use_the_tickiti_error_body() -> None:
    client = Api(Sandbox("tickiti", faults=Faults(rate_limit_rate=1.0, retry_after=2)))
    with client.http:
        response = client.post(SHOW, {"ticket_number": DOC_TICKET})
    assert error_of(response, 429, "sandbox_fault") and response.headers["Retry-After"] == "2"


def test_the_bare_secret_authenticates_as_sanctum_allows(api: Api) -> None:
    assert api.token == "1|sandbox-token"
    assert api.post(SHOW, {"ticket_number": DOC_TICKET}, token="sandbox-token").status_code == 200
    read_only = api.post(CREATE, new_ticket(), token="sandbox-token-read-only", key="k-bare")
    error_of(read_only, 403, "forbidden")


def test_a_custom_sanctum_token_is_kept_as_given() -> None:
    sandbox = Sandbox("tickiti", token="14|wfNxSecret")
    assert sandbox.connect_options()["token"] == "14|wfNxSecret"
    assert sandbox.app.read_only_token == "15|wfNxSecret-read-only"  # type: ignore[attr-defined]


# -- through the desk: the adapter and the fake agree ------------------------------------------------------


@pytest.fixture
def desk() -> Iterator[ticketkit.Desk]:
    with ticketkit.connect("tickiti", **Sandbox("tickiti").connect_options()) as connected:
        yield connected


def test_desk_get(desk: ticketkit.Desk) -> None:
    ticket = desk.tickets.get(DOC_TICKET)
    assert (ticket.id, ticket.number, ticket.status) == (DOC_TICKET, DOC_TICKET, TicketStatus.OPEN)
    assert ticket.requester is not None and ticket.requester.email == CUSTOMER
    assert ticket.comments is not None and [c.id for c in ticket.comments] == ["43", "41", "42"]
    assert desk.tickets.get(RESOLVED).status is TicketStatus.RESOLVED
    assert desk.tickets.get(ON_HOLD).status is TicketStatus.ON_HOLD
    with pytest.raises(NotFoundError):
        desk.tickets.get("999999")


def test_desk_list(desk: ticketkit.Desk) -> None:
    assert sorted(t.number or "" for t in desk.tickets.list()) == [DOC_TICKET, ON_HOLD, RESOLVED, UNASSIGNED]
    assert [t.number for t in desk.tickets.list(status=TicketStatus.OPEN)] == [UNASSIGNED, DOC_TICKET]
    assert [t.number for t in desk.tickets.list(perspective_id=3)] == [UNASSIGNED]
    assert [t.number for t in desk.tickets.list(search_perspective="Mine")] == [RESOLVED, DOC_TICKET]


def test_desk_list_filters_server_side_by_tickiti_criteria(desk: ticketkit.Desk) -> None:
    def listed(**options: Any) -> list[str | None]:
        return [t.number for t in desk.tickets.list(**options)]

    assert listed(criteria={"queue": ["Returns", "Warranty"]}) == [UNASSIGNED, ON_HOLD, DOC_TICKET]
    assert listed(criteria={"queue": ["Returns", "Warranty"]}, status=TicketStatus.OPEN) == [UNASSIGNED, DOC_TICKET]
    assert listed(criteria={"raised": CUSTOMER, "content": "lisbon"}) == [DOC_TICKET]
    assert listed(criteria={"watchlist": 1, "hashtag": "#refund"}) == [UNASSIGNED]
    week_ago = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=8)
    assert len(listed(criteria={"created_from": week_ago})) == 4
    assert listed(criteria={"created_to": week_ago}) == []


def test_desk_create(desk: ticketkit.Desk) -> None:
    ticket = desk.tickets.create(
        subject="Heel counter rubbing", description="Blisters <both> heels", requester_email="ola@example.com"
    )
    assert (ticket.number, ticket.subject, ticket.status) == ("220013", "Heel counter rubbing", TicketStatus.OPEN)
    assert ticket.comments is not None and ticket.comments[0].body_text == "Blisters <both> heels"
    with pytest.raises(InvalidRequestError) as refused:
        desk.tickets.create(subject="x", description="y", requester_email="ola@example.com", queue_name="Nowhere")
    assert (
        refused.value.status_code == 422
        and refused.value.message == "The selected data.queue name is invalid. (and 1 more error)"
    )
    assert {p.field for p in refused.value.problems} == {"data.queue_name", "queue_name"}
    returns = desk.tickets.create(subject="x", description="y", requester_email="ola@example.com", queue_name="Returns")
    assert returns.custom_fields["queue_id"] == "4"
    # The description is who wrote it: the requester, unless the caller says otherwise.
    assert returns.comments is not None and returns.comments[0].author == Party(
        kind=PartyKind.CUSTOMER, email="ola@example.com"
    )
    by_agent = desk.tickets.create(
        subject="x", description="y", requester_email="ola@example.com", use_passed_originator_as_responder=False
    )
    assert by_agent.comments is not None and by_agent.comments[0].author == Party(kind=PartyKind.AGENT, email=AGENT)


def test_desk_update(desk: ticketkit.Desk) -> None:
    held = desk.tickets.update(DOC_TICKET, status=TicketStatus.ON_HOLD, on_hold_until="2030-05-20")
    assert held.status is TicketStatus.ON_HOLD and held.custom_fields["on_hold_until"] == "2030-05-20"
    assert desk.tickets.update(RESOLVED, status=TicketStatus.OPEN).status is TicketStatus.OPEN


def test_desk_close_is_unsupported(desk: ticketkit.Desk) -> None:
    with pytest.raises(UnsupportedOperationError):
        desk.tickets.close(DOC_TICKET)


def test_desk_comments(desk: ticketkit.Desk) -> None:
    comments = desk.comments.list(DOC_TICKET)
    assert [c.internal for c in comments] == [True, False, False]
    assert comments[1].author is not None and comments[1].author.kind is PartyKind.CUSTOMER
    note = desk.comments.create(DOC_TICKET, body="Courier: DPD 0042", internal=True)
    assert note.internal and note.body_text == "Courier: DPD 0042"
    assert note.author is not None and note.author.email == AGENT
    assert [c.id for c in desk.comments.list(DOC_TICKET)][-1] == note.id


def test_desk_download(desk: ticketkit.Desk) -> None:
    [attachment] = desk.tickets.get(DOC_TICKET).attachments
    content = desk.attachments.download(attachment)
    assert content.startswith(b"PK") and hashlib.sha256(content).hexdigest() == attachment.sha256


def test_async_desk_every_operation() -> None:
    async def scenario() -> None:
        async with ticketkit.connect_async("tickiti", **Sandbox("tickiti").connect_options()) as desk:
            ticket = await desk.tickets.get(DOC_TICKET)
            assert ticket.comments is not None and len(ticket.comments) == 3
            listed = [t.number async for t in desk.tickets.list(status=TicketStatus.ON_HOLD)]
            assert listed == [ON_HOLD]
            created = await desk.tickets.create(
                subject="Async laces", description="Frayed", requester_email="ola@example.com"
            )
            assert created.number == "220013" and [c.body_text for c in created.comments or []] == ["Frayed"]
            updated = await desk.tickets.update(created.id, status=TicketStatus.ON_HOLD, on_hold_until="2030-01-31")
            assert updated.status is TicketStatus.ON_HOLD
            comment = await desk.comments.create(created.id, body="We will check the batch.")
            assert comment.author is not None and comment.author.kind is PartyKind.AGENT
            assert [c.id for c in await desk.comments.list(created.id)][-1] == comment.id
            content = await desk.attachments.download(ticket.attachments[0])
            assert hashlib.sha256(content).hexdigest() == ticket.attachments[0].sha256
            with pytest.raises(NotFoundError):
                await desk.comments.list("999999")

    asyncio.run(scenario())


def test_loopback_round_trip_through_a_desk_under_the_sub_path() -> None:
    with serving("tickiti") as sandbox:
        assert sandbox.base_url.endswith("/helpdesk")
        options = {"base_url": sandbox.base_url, **sandbox.app.connect_options()}
        with ticketkit.connect("tickiti", **options) as desk:
            created = desk.tickets.create(subject="Over the wire", description="Hi", requester_email="ola@example.com")
            comment = desk.comments.create(created.id, body="Loopback reply")
            assert desk.tickets.get(created.id).comments == [*created.comments, comment]  # type: ignore[misc]
        with httpx.Client(base_url=sandbox.base_url) as raw:
            response = raw.post(SHOW, json={"ticket_number": created.id})
            assert response_problems("tickiti", response.request, response, "/helpdesk") == []
            error_of(response, 401, "unauthenticated")
