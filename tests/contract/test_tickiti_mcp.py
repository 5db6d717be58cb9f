"""Tickiti's own MCP server (shared/reference/clients/tickiti-mcp, built by `nox -s contract`) against our
Tickiti sandbox, served on loopback under a sub-path like a self-hosted install.

The server runs as a stdio subprocess with TICKITI_API_BASE and TICKITI_API_TOKEN pointing at the sandbox; the
Python MCP client calls each of its ticket tools with every input form the tool documents (array filters,
integer cursor ids and perspective ids, perspective names, every search mode, every create mode, inline images
from a file, status-only responses, review-gated downloads, exports to a file) and each answer is checked as
the client presents it: `isError`, and the JSON it prints (the API's body on success; on failure a summary
line made from the body's `message` and `errors`, then the body).

Tests share one sandbox and one server. Those that write create their own tickets; those that read the seed
narrow their query to tickets created before today (`created_to` yesterday), which no write here changes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mcp.types import BlobResourceContents, CallToolResult, EmbeddedResource
from mcp_stdio import McpStdio, json_of, text_of
from ticketkit.sandbox import Sandbox, serving

SERVER_ENV = "TICKETKIT_TICKITI_MCP"
AGENT = "priya.sharma@sole-provider.example"
CUSTOMER = "marcus@trailblazers-club.example"
DOC_TICKET, ON_HOLD, RESOLVED, UNASSIGNED = "220009", "220010", "220011", "220012"
SEEDED = [220012, 220011, 220010, 220009]  # most recently updated first
REVIEWED, BLOCKED = 14497, 14498  # the refund ticket's macro document and program
YESTERDAY = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)).isoformat()
SEED_ONLY = {"mode": "created_to", "tokens": [YESTERDAY]}  # tickets created here are created today
# A 1x1 PNG, the inline image the create and respond tools read from a file.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
TICKET_TOOLS = {
    "create_ticket",
    "respond_to_ticket",
    "query_tickets",
    "get_ticket",
    "list_responses",
    "get_attachment",
    "query_responses",
    "export_responses",
}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with serving("tickiti") as served:
        yield served


@pytest.fixture(scope="module")
def mcp(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[McpStdio]:
    server = os.environ.get(SERVER_ENV, "")
    assert Path(server).is_file(), f"{SERVER_ENV} must name Tickiti's built MCP server (nox -s contract builds it)"
    node = shutil.which("node")
    assert node is not None, "Tickiti's MCP server needs Node.js"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TICKITI_API_BASE": sandbox.base_url,  # the install's address, under /helpdesk; the client adds /api/v1
        "TICKITI_API_TOKEN": str(sandbox.app.connect_options()["token"]),
    }
    errlog = tmp_path_factory.mktemp("tickiti-mcp") / "server-stderr.log"
    with McpStdio(node, [server], env, errlog) as client:
        yield client


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "sole.png"
    path.write_bytes(PIXEL)
    return path


# -- the client's view of an answer --------------------------------------------------------------------------


def data_of(result: CallToolResult) -> Any:
    """A success as the client shows it: not an error, its text the API's `{ok: true, data}` body."""
    assert not result.isError, text_of(result)
    body = json_of(result)
    assert body["ok"] is True
    return body["data"]


def refusal(result: CallToolResult, hint: str) -> dict[str, Any]:
    """A failure as the client shows it: `Error: <hint> <message> <errors>` then the body. The sandbox's
    `message` must be in the summary (that is what the client reads); the body is returned."""
    assert result.isError, text_of(result)
    summary, _, payload = text_of(result).partition("\n\n")
    body: dict[str, Any] = json.loads(payload)
    assert summary.startswith(f"Error: {hint} {body['message']}"), summary
    if "errors" in body:
        assert json.dumps(body["errors"], separators=(",", ":")) in summary
    return body


def numbers(rows: list[dict[str, Any]]) -> list[int]:
    return [row["number"] for row in rows]


def query(mcp: McpStdio, *criteria: dict[str, Any], **arguments: Any) -> list[int]:
    """The numbers query_tickets lists for seeded tickets only, with these criteria and arguments."""
    search = {**arguments.pop("search_object", {}), "criteria": [SEED_ONLY, *criteria]}
    return numbers(data_of(mcp.call("query_tickets", {**arguments, "search_object": search})))


def create(mcp: McpStdio, **arguments: Any) -> str:
    """A new ticket's number, made with create_ticket."""
    created = data_of(mcp.call("create_ticket", {"originator_email_address": "zoe@example.com", **arguments}))
    return str(created["number"])


def new_ticket(mcp: McpStdio) -> str:
    return create(mcp, subject="Laces fraying", content="<p>Both shoes.</p>")


def show(mcp: McpStdio, number: str) -> dict[str, Any]:
    shown: dict[str, Any] = data_of(mcp.call("get_ticket", {"ticket_number": number}))
    return shown


def respond(mcp: McpStdio, number: str, **arguments: Any) -> CallToolResult:
    return mcp.call("respond_to_ticket", {"ticket_number": number, "from_email": AGENT, **arguments})


# -- the server ---------------------------------------------------------------------------------------------


def test_the_server_offers_every_ticket_tool(mcp: McpStdio) -> None:
    assert TICKET_TOOLS | {"list_perspectives", "list_queues"} <= set(mcp.list_tools())


def test_discovery_reads_list_the_all_perspective_and_the_inbox(mcp: McpStdio) -> None:
    perspectives = data_of(mcp.call("list_perspectives", {}))
    assert {"id": "1", "name": "All"} in perspectives
    queues = data_of(mcp.call("list_queues", {"filters": {}}))
    assert {"id": "1", "name": "Inbox"} in queues


# -- get_ticket, list_responses ------------------------------------------------------------------------------


def test_get_ticket_reads_the_header_and_the_whole_thread(mcp: McpStdio) -> None:
    shown = show(mcp, DOC_TICKET)
    assert (
        shown["ticket"]["number"] == 220009 and shown["ticket"]["subject"] == "Carbon plate cracked on first marathon"
    )
    assert [r["id"] for r in shown["responses"]] == ["43", "41", "42"]  # pinned first, then oldest to newest
    assert shown["responses"][2]["attachments"][0]["id"] == "14494"


def test_get_ticket_of_an_unknown_number_is_not_found(mcp: McpStdio) -> None:
    body = refusal(mcp.call("get_ticket", {"ticket_number": "999999"}), "Not found.")
    assert body["message"] == "Ticket not found."


def test_list_responses_is_the_same_thread(mcp: McpStdio) -> None:
    listed = data_of(mcp.call("list_responses", {"ticket_number": DOC_TICKET}))
    assert listed["ticket_number"] == DOC_TICKET
    assert listed["responses"] == show(mcp, DOC_TICKET)["responses"]


# -- query_tickets -------------------------------------------------------------------------------------------


def test_query_tickets_defaults_to_the_all_perspective(mcp: McpStdio) -> None:
    assert query(mcp) == SEEDED
    everything = numbers(data_of(mcp.call("query_tickets", {})))
    assert set(SEEDED) <= set(everything)


def test_query_tickets_by_a_perspective_id_found_with_list_perspectives(mcp: McpStdio) -> None:
    perspectives = {p["name"]: int(p["id"]) for p in data_of(mcp.call("list_perspectives", {}))}
    assert query(mcp, perspective_id=perspectives["Unassigned"]) == [220012]
    assert query(mcp, perspective_id=perspectives["All"]) == SEEDED


@pytest.mark.parametrize(("name", "expected"), [("All", SEEDED), ("Mine", [220011, 220009]), ("all", SEEDED)])
def test_query_tickets_by_a_perspective_name(mcp: McpStdio, name: str, expected: list[int]) -> None:
    assert query(mcp, perspective_name=name) == expected


def test_query_tickets_by_a_perspective_that_does_not_exist_is_not_found(mcp: McpStdio) -> None:
    refusal(mcp.call("query_tickets", {"perspective_name": "Everything"}), "Not found.")
    refusal(mcp.call("query_tickets", {"perspective_id": 99}), "Not found.")


@pytest.mark.parametrize(
    ("mode", "tokens", "expected"),
    [
        ("subject", ["CARBON"], [220009]),
        ("content", ["insoles in it"], [220011]),
        ("subject_content", ["refund", "courier"], [220012, 220009]),
        ("assigned", [AGENT], [220011, 220009]),
        ("participant", ["tom.okafor@sole-provider.example"], [220010]),
        ("raised", ["lena.fischer@example.de"], [220012]),
        ("priority", ["40"], [220012]),
        ("queue", ["Returns"], [220012, 220009]),
        ("status", ["on-hold"], [220010]),
        ("watchlist", [1], [220012]),
        ("hashtag", ["vip"], [220012]),
        ("ticket_number", ["220011", 220010], [220011, 220010]),
    ],
)
def test_query_tickets_applies_every_search_mode(
    mcp: McpStdio, mode: str, tokens: list[Any], expected: list[int]
) -> None:
    assert query(mcp, {"mode": mode, "tokens": tokens}) == expected


def test_query_tickets_criteria_of_one_mode_or_and_of_different_modes_and(mcp: McpStdio) -> None:
    returns, warranty = {"mode": "queue", "tokens": ["Returns"]}, {"mode": "queue", "tokens": ["Warranty"]}
    assert query(mcp, returns, warranty) == [220012, 220010, 220009]
    assert query(mcp, returns, warranty, {"mode": "status", "tokens": ["open"]}) == [220012, 220009]


@pytest.mark.parametrize("mode", ["created_from", "created_to", "updated_from", "updated_to"])
def test_query_tickets_date_modes_compare_utc_days(mcp: McpStdio, mode: str) -> None:
    rows = data_of(mcp.call("query_tickets", {"search_object": {"criteria": [SEED_ONLY]}}))
    key = "created_at" if mode.startswith("created") else "updated_at"

    def day(row: dict[str, Any]) -> dt.date:
        return dt.datetime.fromisoformat(row[key]).astimezone(dt.UTC).date()

    # Distinct days: the seed's stamps are relative to now, and two tickets share a UTC day at some hours.
    days = sorted({day(row) for row in rows})
    pivot = days[1] if mode.endswith("from") else days[-2]
    expected = [row["number"] for row in rows if (day(row) >= pivot if mode.endswith("from") else day(row) <= pivot)]
    assert 0 < len(expected) < len(rows)
    criterion = {"mode": mode, "tokens": [pivot.isoformat()]}
    if mode == "created_to":
        # Alone: created_to ORs with SEED_ONLY's own created_to (same mode), and the pivot excludes today anyway.
        search = {"criteria": [criterion]}
        assert numbers(data_of(mcp.call("query_tickets", {"search_object": search}))) == expected
        assert query(mcp, criterion) == SEEDED  # ORed with created_to yesterday: the later day wins
    else:
        assert query(mcp, criterion) == expected


def test_query_tickets_refuses_a_mode_it_does_not_know(mcp: McpStdio) -> None:
    result = mcp.call("query_tickets", {"search_object": {"criteria": [{"mode": "mood", "tokens": ["happy"]}]}})
    body = refusal(result, "Validation failed.")
    assert body["errors"] == {
        "search_object.criteria.0.mode": ["The selected search_object.criteria.0.mode is invalid."]
    }


# -- create_ticket --------------------------------------------------------------------------------------------


def test_create_with_subject_and_content_lands_in_the_inbox(mcp: McpStdio) -> None:
    number = new_ticket(mcp)
    shown = show(mcp, number)
    inbox = next(q for q in data_of(mcp.call("list_queues", {})) if q["name"] == "Inbox")
    assert shown["ticket"]["subject"] == "Laces fraying" and shown["ticket"]["queue_id"] == inbox["id"]
    [first] = shown["responses"]
    assert first["html"] == "<p>Both shoes.</p>" and first["created_by_email"] == AGENT


def test_create_in_a_named_queue_with_the_originator_as_responder(mcp: McpStdio) -> None:
    number = create(
        mcp, subject="Heel", content="<p>Rubs.</p>", queue_name="Returns", use_passed_originator_as_responder=True
    )
    shown = show(mcp, number)
    assert shown["ticket"]["queue_id"] == "4"
    assert shown["responses"][0]["created_by_email"] == "zoe@example.com"


def test_create_from_a_template(mcp: McpStdio) -> None:
    number = create(mcp, template_identifier="warranty-claim", data={"order_number": "SP-1", "issue": "Sole"})
    shown = show(mcp, number)
    assert shown["ticket"]["subject"] == "Warranty claim for order SP-1"
    assert shown["responses"][0]["html"] == "<p>Warranty claim for order SP-1: Sole</p>"


def test_create_by_an_intervention(mcp: McpStdio) -> None:
    number = create(mcp, intervention="Return label request", uid="order-SP-2", data={"order_number": "SP-2"})
    assert show(mcp, number)["ticket"]["subject"] == "Return label for order SP-2"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"template_identifier": "warranty-claim", "data": {"order_number": "1"}, "subject": "Two modes"},
            "The data.subject field prohibits template identifier from being present.",
        ),
        ({"subject": "No content"}, "The data.content field is required when data.subject is present."),
        ({}, "The data.subject field is required when none of template identifier / intervention are present."),
        (
            {"intervention": "Return label request", "uid": "u", "data": {}, "queue_name": "Returns"},
            "The queue name field is prohibited when intervention is present.",
        ),
        ({"intervention": "Return label request", "data": {"order_number": "1"}}, "The uid field is required."),
        ({"subject": "S", "content": "<p>C</p>", "queue_name": "Nowhere"}, "The selected data.queue name is invalid."),
    ],
    ids=["template-and-subject", "subject-without-content", "no-mode", "intervention-with-queue", "no-uid", "no-queue"],
)
def test_create_refuses_anything_but_exactly_one_mode(mcp: McpStdio, arguments: dict[str, Any], message: str) -> None:
    result = mcp.call("create_ticket", {"originator_email_address": "zoe@example.com", **arguments})
    assert refusal(result, "Validation failed.")["message"].startswith(message)


def test_create_refuses_unknown_keys(mcp: McpStdio) -> None:
    """The create tool strips keys it does not know, so the client's general tool sends one (with a key)."""
    payload = {"originator_email_address": "zoe@example.com", "data": {"subject": "S", "content": "C"}, "priority": 60}
    result = mcp.call("tickiti_call", {"family": "tickets", "action": "create", "payload": payload})
    assert refusal(result, "Validation failed.")["errors"] == {"priority": ["The priority field is prohibited."]}


def test_create_stores_an_inline_image_as_a_cid_attachment(mcp: McpStdio, image: Path) -> None:
    attachments = [{"path": str(image), "placeholder": "[photo]"}]
    number = create(mcp, subject="Photo", content="<p>See [photo] here</p>", attachments=attachments)
    [first] = show(mcp, number)["responses"]
    assert first["html"] == '<p>See <img src="cid:image-1.png"> here</p>'
    [stored] = first["attachments"]
    assert stored["is_inline"] is True and stored["sha256"] == hashlib.sha256(PIXEL).hexdigest()
    downloaded = mcp.call("get_attachment", {"ticket_number": number, "response_attachment_id": stored["id"]})
    assert not downloaded.isError, text_of(downloaded)
    assert f'"image-1.png" ({len(PIXEL)} bytes, image/png)' in text_of(downloaded)
    [resource] = [c for c in downloaded.content if isinstance(c, EmbeddedResource)]
    assert isinstance(resource.resource, BlobResourceContents) and base64.b64decode(resource.resource.blob) == PIXEL


# -- respond_to_ticket ---------------------------------------------------------------------------------------


def test_respond_adds_a_response_to_the_thread(mcp: McpStdio) -> None:
    number = new_ticket(mcp)
    answer = data_of(respond(mcp, number, content="<p>On it.</p>"))
    assert answer["reopened"] is False
    listed = data_of(mcp.call("list_responses", {"ticket_number": number}))["responses"]
    assert listed[-1]["id"] == answer["response_id"] and listed[-1]["html"] == "<p>On it.</p>"


def test_a_status_only_response_holds_and_posting_without_a_status_reopens(mcp: McpStdio) -> None:
    number = new_ticket(mcp)
    assert data_of(respond(mcp, number, status="on-hold", on_hold_until="2030-05-20"))["reopened"] is False
    ticket = show(mcp, number)["ticket"]
    assert (ticket["status"], ticket["on_hold_until"]) == ("on-hold", "2030-05-20")
    assert data_of(respond(mcp, number, content="<p>Any news?</p>", is_internal=True))["reopened"] is True
    assert show(mcp, number)["ticket"]["status"] == "open"
    data_of(respond(mcp, number, status="on-hold", on_hold_until="2030-06-01"))
    assert data_of(respond(mcp, number, status="open"))["reopened"] is True
    assert show(mcp, number)["ticket"]["on_hold_until"] is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "The content field is required when status is not present."),
        ({"status": "on-hold"}, "The on hold until field is required when status is on-hold."),
        ({"content": "<p>x</p>", "on_hold_until": "2030-01-01"}, "The on hold until field is prohibited unless"),
    ],
    ids=["no-content-no-status", "on-hold-without-date", "date-without-on-hold"],
)
def test_respond_refuses_what_the_client_documents(mcp: McpStdio, arguments: dict[str, Any], message: str) -> None:
    number = new_ticket(mcp)
    assert refusal(respond(mcp, number, **arguments), "Validation failed.")["message"].startswith(message)


def test_a_new_author_becomes_a_participant(mcp: McpStdio) -> None:
    number = new_ticket(mcp)
    data_of(respond(mcp, number, from_email="sam.new@example.com", content="<p>Me too.</p>"))
    search = {"criteria": [{"mode": "participant", "tokens": ["sam.new@example.com"]}]}
    assert numbers(data_of(mcp.call("query_tickets", {"search_object": search}))) == [int(number)]


def test_respond_stores_an_inline_image_where_its_placeholder_was(mcp: McpStdio, image: Path) -> None:
    number = new_ticket(mcp)
    attachments = [{"path": str(image)}]  # the default placeholder: {{attach:<file name>}}
    answer = data_of(respond(mcp, number, content="<p>{{attach:sole.png}}</p>", attachments=attachments))
    [stored] = [r for r in show(mcp, number)["responses"] if r["id"] == answer["response_id"]]
    assert stored["html"] == '<p><img src="cid:image-1.png"></p>' and stored["attachments"][0]["is_inline"]


# -- get_attachment ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("attachment_id", ["14494", 14494], ids=["string-id", "number-id"])
def test_get_attachment_returns_the_bytes_as_a_resource(mcp: McpStdio, attachment_id: str | int) -> None:
    result = mcp.call("get_attachment", {"ticket_number": DOC_TICKET, "response_attachment_id": attachment_id})
    assert not result.isError, text_of(result)
    meta = show(mcp, DOC_TICKET)["responses"][2]["attachments"][0]
    summary = f'Attachment "UPDD Diag.zip" ({meta["file_size"]} bytes, application/zip) sha256={meta["sha256"]}'
    assert text_of(result) == summary
    [resource] = [c for c in result.content if isinstance(c, EmbeddedResource)]
    assert (
        isinstance(resource.resource, BlobResourceContents)
        and str(resource.resource.uri) == "tickiti://attachment/14494"
    )
    assert hashlib.sha256(base64.b64decode(resource.resource.blob)).hexdigest() == meta["sha256"]


def test_get_attachment_of_a_review_gated_type_needs_confirm(mcp: McpStdio) -> None:
    asked = {"ticket_number": UNASSIGNED, "response_attachment_id": REVIEWED}
    assert "review_ok" in refusal(mcp.call("get_attachment", asked), "Validation failed.")["message"]
    confirmed = mcp.call("get_attachment", {**asked, "confirm": True})
    assert not confirmed.isError and text_of(confirmed).startswith('Attachment "return-form.docm"')


def test_get_attachment_of_a_blocked_type_is_refused_even_confirmed(mcp: McpStdio) -> None:
    asked = {"ticket_number": UNASSIGNED, "response_attachment_id": BLOCKED, "confirm": True}
    refusal(
        mcp.call("get_attachment", asked),
        "Forbidden — the token lacks the required ability/role/plan for this endpoint.",
    )


def test_get_attachment_of_another_ticket_is_not_found(mcp: McpStdio) -> None:
    refusal(mcp.call("get_attachment", {"ticket_number": ON_HOLD, "response_attachment_id": 14494}), "Not found.")


# -- query_responses, export_responses -----------------------------------------------------------------------


def seeded_responses(mcp: McpStdio, **filters: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = data_of(mcp.call("query_responses", {"created_to": YESTERDAY, **filters}))["responses"]
    return rows


def test_query_responses_filters_by_arrays_and_flags(mcp: McpStdio) -> None:
    returns = seeded_responses(mcp, queue=["Returns"])
    assert {r["ticket_number"] for r in returns} == {DOC_TICKET, UNASSIGNED}
    assert seeded_responses(mcp, queue_id=[4]) == returns
    assert {r["ticket_number"] for r in seeded_responses(mcp, ticket_number=[RESOLVED, ON_HOLD])} == {RESOLVED, ON_HOLD}
    assert [r["id"] for r in seeded_responses(mcp, is_internal=True)] == ["43"]
    assert not any(r["staff_response"] for r in seeded_responses(mcp, staff_response=False))


def test_query_responses_fields_leave_heavy_fields_out(mcp: McpStdio) -> None:
    rows = seeded_responses(mcp, fields=["plain_text"])
    assert rows and all("plain_text" in r and "html" not in r and "attachments" not in r for r in rows)


def test_query_responses_pages_with_the_integer_cursor_it_gives(mcp: McpStdio) -> None:
    everything = seeded_responses(mcp)
    rows: list[dict[str, Any]] = []
    arguments: dict[str, Any] = {"created_to": YESTERDAY, "limit": 2}
    while True:
        page = data_of(mcp.call("query_responses", arguments))
        rows += page["responses"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert isinstance(cursor["id"], int)
        arguments["cursor"] = cursor
    assert len(everything) == 9 and rows == everything  # no gap, no repeat


def test_query_responses_takes_a_date_and_time_in_the_clients_form(mcp: McpStdio) -> None:
    everything = seeded_responses(mcp)
    moment = dt.datetime.fromisoformat(everything[4]["created_at"]).astimezone(dt.UTC)
    assert seeded_responses(mcp, created_from=moment.strftime("%Y-%m-%d %H:%M:%S")) == everything[4:]


def test_query_responses_refusal_reaches_the_client_with_its_message(mcp: McpStdio) -> None:
    result = mcp.call("query_responses", {"cursor": {"created_at": "yesterday", "id": 42}})
    body = refusal(result, "Validation failed.")
    assert body["errors"] == {"cursor.created_at": ["The cursor.created at field must be a valid date."]}


def test_export_responses_writes_every_page_to_a_file(mcp: McpStdio, tmp_path: Path) -> None:
    path = tmp_path / "responses.ndjson"
    result = mcp.call("export_responses", {"path": str(path), "created_to": YESTERDAY, "page_size": 2})
    assert not result.isError, text_of(result)
    assert json_of(result) == {"ok": True, "path": str(path), "count": 9, "pages": 5, "format": "ndjson"}
    written = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert written == seeded_responses(mcp)


def test_export_responses_stops_at_max_records_and_keeps_filters(mcp: McpStdio, tmp_path: Path) -> None:
    path = tmp_path / "returns.ndjson"
    arguments = {"path": str(path), "created_to": YESTERDAY, "queue": ["Returns"], "page_size": 1, "max_records": 2}
    assert json_of(mcp.call("export_responses", arguments))["count"] == 2
    written = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert written == seeded_responses(mcp, queue=["Returns"])[:2]
