"""The generated Ankra client: the document's example parses, and every operation's wire format."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx
import pytest
from ankra_client import AuthenticatedClient
from ankra_client.api.attachments import download_attachment, upload_attachment
from ankra_client.api.comments import add_comment
from ankra_client.api.tickets import close_ticket, create_ticket, get_ticket, list_tickets, review_ticket
from ankra_client.models import (
    AttachmentUpload,
    CommentCreate,
    Error,
    ErrorDetailObject,
    Ticket,
    TicketCreate,
    TicketCreateFromReview,
    TicketList,
    TicketReview,
    TicketReviewRequest,
    ValidationIssue,
)
from ankra_client.types import UNSET, File, Unset
from desk_support import Recorder, ok, raw
from support import json_body, load_fixture, load_spec, same_data

BASE = "https://platform.ankra.app"
PREFIX = "/api/v1/org/support/tickets"
# An id that must stay inside its path segment, and its escaped form.
AWKWARD_ID = "a/../b c?d"
AWKWARD = "a%2F..%2Fb%20c%3Fd"
ORG = "6a1f0a9e-2b7c-4f4e-8d2a-1c9b3e5d7f60"
DOCUMENTED = load_fixture("vendor_docs/ankra-get-ticket.json")["examples"]["response_example"]
TICKET: dict[str, Any] = DOCUMENTED["value"]


def _client(recorder: Recorder) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=BASE, token="tok-123", httpx_args={"transport": recorder.transport})


def _scoped(recorder: Recorder) -> dict[str, Any]:
    """Keyword arguments for a call through the recorder, scoped to organisation ORG."""
    return {"client": _client(recorder), "x_ankra_organisation_id": ORG}


def _sent(recorder: Recorder, method: str, path: str) -> httpx.Request:
    """The one request, checked for method, raw (escaped) path, bearer token and organisation header."""
    request = recorder.only
    assert request.method == method
    assert request.url.raw_path.decode().split("?")[0] == path
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["x-ankra-organisation-id"] == ORG
    return request


# --- the document's example and tolerant parsing ---------------------------------------------------


def test_documented_example_parses_and_round_trips() -> None:
    ticket = Ticket.from_dict(TICKET)
    assert same_data(ticket.to_dict(), TICKET)
    assert ticket.id == UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    assert ticket.created_at == dt.datetime(2023, 11, 7, 5, 31, 56, tzinfo=dt.UTC)
    assert ticket.severity is UNSET and ticket.is_tracked_by_team is False
    assert not isinstance(ticket.comments, Unset) and ticket.comments[0].author_label == "<string>"
    assert not isinstance(ticket.attachments, Unset) and ticket.attachments[0].size_bytes == 123


def test_added_fields_are_exactly_the_required_ones_the_sample_omits() -> None:
    required = set(load_spec("ankra")["components"]["schemas"]["Ticket"]["required"])
    sample_keys = set(TICKET) - set(DOCUMENTED["added_fields"])
    assert (
        required - sample_keys
        == set(DOCUMENTED["added_fields"])
        == {
            "source",
            "category",
            "status",
            "ai_review_status",
        }
    )


def test_unknown_values_nulls_and_extra_keys_are_tolerated() -> None:
    at = "2026-05-01T10:00:00Z"
    comment = {"id": "c1", "author_label": None, "author_type": "robot", "body": "hi", "created_at": at}
    payload = {
        **TICKET,
        "status": "escalated",
        "source": "slack",
        "category": "security",
        "ai_review_status": "skipped",
        "severity": "blocker",
        "cluster_id": None,
        "cluster_name": None,
        "ai_summary": None,
        "comments": [{**comment, "reactions": 2}],
        "attachments": [{"id": "f1", "filename": "a.log", "content_type": None, "created_at": at}],
        "priority_score": 7,
    }
    ticket = Ticket.from_dict(payload)
    assert (ticket.status, ticket.source, ticket.severity) == ("escalated", "slack", "blocker")
    assert ticket.cluster_id is None and ticket.additional_properties == {"priority_score": 7}
    assert not isinstance(ticket.comments, Unset)
    assert ticket.comments[0].author_type == "robot"
    assert ticket.comments[0].additional_properties == {"reactions": 2}
    assert same_data(ticket.to_dict(), payload)
    severe = Ticket.from_dict({**TICKET, "severity": None})
    assert severe.severity is None


# --- every operation on the wire ----------------------------------------------------------------------


def test_get_ticket_wire() -> None:
    recorder = Recorder(answer=ok(TICKET))
    result = get_ticket.sync(AWKWARD_ID, **_scoped(recorder))
    request = _sent(recorder, "GET", f"{PREFIX}/{AWKWARD}")
    assert request.content == b""
    assert isinstance(result, Ticket) and str(result.id) == TICKET["id"]


def test_list_tickets_wire() -> None:
    row = {
        "id": TICKET["id"],
        "subject": "Cluster upgrade stuck",
        "status": "open",
        "is_tracked_by_team": True,
        "created_at": "2023-11-07T05:31:56Z",
        "organisation_id": TICKET["organisation_id"],  # not a row field the CLI reads: kept as given
    }
    page = {"result": [row], "pagination": {"page": 2, "page_size": 50, "total_pages": 3, "total_count": 101}}
    recorder = Recorder(answer=ok(page))
    cluster = UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    query: dict[str, Any] = {"page": 2, "page_size": 50, "status": ["open", "in_progress"], "q": "upgrade"}
    result = list_tickets.sync(**query, cluster_id=cluster, **_scoped(recorder))
    request = _sent(recorder, "GET", PREFIX)
    # Each status is its own parameter, as Ankra's CLI sends them [client: ListSupportTickets].
    assert request.url.params.multi_items() == [
        ("page", "2"),
        ("page_size", "50"),
        ("status", "open"),
        ("status", "in_progress"),
        ("q", "upgrade"),
        ("cluster_id", str(cluster)),
    ]
    assert isinstance(result, TicketList)
    assert (result.pagination.total_pages, result.pagination.total_count) == (3, 101)
    [summary] = result.result
    assert (summary.id, summary.subject, summary.status, summary.is_tracked_by_team) == (
        TICKET["id"],
        "Cluster upgrade stuck",
        "open",
        True,
    )
    assert summary.created_at == dt.datetime(2023, 11, 7, 5, 31, 56, tzinfo=dt.UTC)
    assert summary.severity is UNSET and summary.additional_properties == {"organisation_id": TICKET["organisation_id"]}
    assert same_data(result.to_dict(), page)


def test_list_tickets_sends_nothing_unset() -> None:
    empty = {"result": [], "pagination": {"page": 1, "page_size": 20, "total_pages": 0, "total_count": 0}}
    recorder = Recorder(answer=ok(empty))
    list_tickets.sync(client=_client(recorder))
    request = recorder.only
    assert request.url.params.multi_items() == []
    assert "x-ankra-organisation-id" not in request.headers


@pytest.mark.parametrize("status", [200, 201])  # the success status is not documented: both parse
def test_create_ticket_wire(status: int) -> None:
    recorder = Recorder(answer=ok(TICKET, status))
    body = TicketCreate(
        subject="Cluster upgrade stuck",
        description="Pending for 2 hours.",
        category="bug",
        severity="high",
        cluster_id=UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a"),
        source="api",
        acknowledged=True,
        environment={"k8s": "1.30"},
    )
    result = create_ticket.sync(body=body, **_scoped(recorder))
    request = _sent(recorder, "POST", PREFIX)
    assert json_body(request) == {
        "subject": "Cluster upgrade stuck",
        "description": "Pending for 2 hours.",
        "category": "bug",
        "severity": "high",
        "cluster_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "source": "api",
        "acknowledged": True,
        "environment": {"k8s": "1.30"},
    }
    assert isinstance(result, Ticket) and result.subject == "<string>"


def test_create_ticket_from_a_review_wire() -> None:
    """The body Ankra's CLI sends after its review [client: cmd/support.go]: nothing of the draft."""
    recorder = Recorder(answer=ok(TICKET, 201))
    body = TicketCreateFromReview(review_id="rev-1", source="cli", acknowledged=False, severity="high")
    result = create_ticket.sync(body=body, **_scoped(recorder))
    assert json_body(_sent(recorder, "POST", PREFIX)) == {
        "review_id": "rev-1",
        "severity": "high",
        "source": "cli",
        "acknowledged": False,
    }
    assert isinstance(result, Ticket)


def test_create_ticket_leaves_defaults_to_the_server() -> None:
    recorder = Recorder(answer=ok(TICKET))
    create_ticket.sync(client=_client(recorder), body=TicketCreate(subject="s", description="d"))
    assert json_body(recorder.only) == {"subject": "s", "description": "d"}


# The review the CLI's own tests feed it (cmd/support_test.go), with every key the CLI reads.
REVIEW: dict[str, Any] = {
    "review_id": "review-6",
    "enrichment": {"summary": "Nodes flap after the upgrade", "severity": "high", "category": None},
    "quality": "flag",
    "quality_flags": ["Describe the symptom you are seeing"],
    "clarifying_questions": ["What is the exact error message?"],
    "duplicate_candidates": [
        {
            "candidate_id": "c1",
            "summary": "Worker nodes flap to NotReady after upgrade",
            "status_label": "Being worked on",
            "confidence": "high",
            "already_resolved": False,
        }
    ],
    "recommended_action": "add_details",
    "expires_at": "2026-05-01T10:30:00Z",
}


@pytest.mark.parametrize("status", [200, 201])
def test_review_ticket_wire(status: int) -> None:
    recorder = Recorder(answer=ok({**REVIEW, "model_version": "v7"}, status))
    cluster = UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    body = TicketReviewRequest(subject="s", description="d", category="technical", cluster_id=cluster, source="cli")
    result = review_ticket.sync(body=body, **_scoped(recorder))
    request = _sent(recorder, "POST", f"{PREFIX}/review")
    sent = {"subject": "s", "description": "d", "category": "technical", "cluster_id": str(cluster), "source": "cli"}
    assert json_body(request) == sent
    assert isinstance(result, TicketReview)
    assert (result.review_id, result.quality, result.recommended_action) == ("review-6", "flag", "add_details")
    assert result.expires_at == dt.datetime(2026, 5, 1, 10, 30, tzinfo=dt.UTC)
    assert not isinstance(result.enrichment, Unset) and result.enrichment.severity == "high"
    assert result.enrichment.category is None
    assert not isinstance(result.duplicate_candidates, Unset)
    assert result.duplicate_candidates[0].status_label == "Being worked on"
    assert result.additional_properties == {"model_version": "v7"}
    assert same_data(result.to_dict(), {**REVIEW, "model_version": "v7"})


def test_a_review_with_only_the_keys_the_cli_needs_parses() -> None:
    bare = {"review_id": "r", "quality": "pass", "expires_at": "2026-05-01T10:30:00+02:00"}
    review = TicketReview.from_dict(bare)
    assert (review.enrichment, review.duplicate_candidates, review.quality_flags) == (UNSET, UNSET, UNSET)
    assert review.expires_at == dt.datetime(2026, 5, 1, 8, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("status", [200, 201])
def test_add_comment_wire(status: int) -> None:
    recorder = Recorder(answer=ok(TICKET, status))
    body = CommentCreate(body="Restarted, it works.")
    result = add_comment.sync(AWKWARD_ID, body=body, **_scoped(recorder))
    request = _sent(recorder, "POST", f"{PREFIX}/{AWKWARD}/comments")
    assert json_body(request) == {"body": "Restarted, it works."}
    assert isinstance(result, Ticket)


def test_close_ticket_wire() -> None:
    recorder = Recorder(answer=ok({**TICKET, "status": "closed"}))
    result = close_ticket.sync(AWKWARD_ID, **_scoped(recorder))
    request = _sent(recorder, "POST", f"{PREFIX}/{AWKWARD}/close")
    assert request.content == b""
    assert isinstance(result, Ticket) and result.status == "closed"


# Bytes that are not UTF-8, with CRLFs and a dash run that only looks like a multipart delimiter.
PAYLOAD = b"\x89PNG\r\n\x1a\n\x00\xff\xfe--boundary?\r\n--\r\nend"


def _multipart_parts(request: httpx.Request) -> list[tuple[list[str], bytes]]:
    """(header lines, exact bytes) of each part of a multipart/form-data body, split on its boundary."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary="), content_type
    delimiter = b"--" + content_type.split("boundary=", 1)[1].encode()
    chunks = request.content.split(b"\r\n" + delimiter)
    assert chunks[0].startswith(delimiter + b"\r\n") and chunks[-1] == b"--\r\n"
    chunks[0] = chunks[0].removeprefix(delimiter)
    parts = []
    for chunk in chunks[:-1]:
        head, _, data = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        parts.append((head.decode().split("\r\n"), data))
    return parts


@pytest.mark.parametrize("status", [200, 201])
def test_upload_attachment_sends_one_multipart_file_part(status: int) -> None:
    recorder = Recorder(answer=ok(TICKET, status))
    file = File(payload=BytesIO(PAYLOAD), file_name="shot.png", mime_type="image/png")
    upload = AttachmentUpload(file=file)
    result = upload_attachment.sync(AWKWARD_ID, body=upload, **_scoped(recorder))
    request = _sent(recorder, "POST", f"{PREFIX}/{AWKWARD}/attachments")
    disposition = 'Content-Disposition: form-data; name="file"; filename="shot.png"'
    assert _multipart_parts(request) == [([disposition, "Content-Type: image/png"], PAYLOAD)]
    assert isinstance(result, Ticket)


def test_download_attachment_returns_the_bytes_unchanged() -> None:
    recorder = Recorder(answer=raw(200, PAYLOAD, "image/png"))
    result = download_attachment.sync(AWKWARD_ID, "f/1 2", **_scoped(recorder))
    _sent(recorder, "GET", f"{PREFIX}/{AWKWARD}/attachments/f%2F1%202")
    assert isinstance(result, File) and result.payload.read() == PAYLOAD


# --- documented errors ----------------------------------------------------------------------------------


def _get(recorder: Recorder) -> Any:
    return get_ticket.sync_detailed("t1", client=_client(recorder))


def _create(recorder: Recorder) -> Any:
    body = TicketCreate(subject="s", description="d")
    return create_ticket.sync_detailed(client=_client(recorder), body=body)


def _download(recorder: Recorder) -> Any:
    return download_attachment.sync_detailed("t1", "f1", client=_client(recorder))


@pytest.mark.parametrize(
    ("call", "status", "body"),
    [
        (_get, 401, {"detail": "Not authenticated"}),
        (_get, 404, {"detail": "Ticket not found"}),
        (_get, 429, {"detail": "Too many requests"}),
        (_download, 404, {"detail": "Attachment not found"}),
        (_create, 409, {"detail": "Ticket flagged by AI review"}),
    ],
)
def test_text_detail_errors(call: Any, status: int, body: dict[str, Any]) -> None:
    response = call(Recorder(answer=ok(body, status)))
    assert response.status_code == status
    assert isinstance(response.parsed, Error) and response.parsed.detail == body["detail"]


def test_permission_denied_names_the_permission() -> None:
    body = {"detail": "permission_denied", "permission": "support:write"}
    response = _create(Recorder(answer=ok(body, 403)))
    assert isinstance(response.parsed, Error)
    assert (response.parsed.detail, response.parsed.permission) == ("permission_denied", "support:write")


def test_validation_error_lists_the_problems() -> None:
    problems = [
        {"loc": ["body", "subject"], "msg": "Field required", "type": "missing"},
        {"loc": ["query", "page", 0], "msg": "bad", "type": "int_parsing", "input": "x"},
    ]
    response = _create(Recorder(answer=ok({"detail": problems}, 422)))
    error = response.parsed
    assert isinstance(error, Error) and isinstance(error.detail, list)
    assert all(isinstance(p, ValidationIssue) for p in error.detail)
    assert [p.loc for p in error.detail] == [["body", "subject"], ["query", "page", 0]]
    assert error.detail[1].additional_properties == {"input": "x"}
    assert error.to_dict() == {"detail": problems}


def test_flagged_review_with_an_object_detail_or_none_still_parses() -> None:
    flagged = {"detail": {"review_id": "rev-1", "reasons": ["duplicate"]}, "request_id": "r-9"}
    error = _create(Recorder(answer=ok(flagged, 409))).parsed
    assert isinstance(error, Error) and isinstance(error.detail, ErrorDetailObject)
    assert error.detail.additional_properties == flagged["detail"]
    assert error.additional_properties == {"request_id": "r-9"}
    bare = _create(Recorder(answer=ok({"review": {"status": "flagged"}}, 409))).parsed
    assert isinstance(bare, Error) and bare.detail is UNSET and bare["review"] == {"status": "flagged"}
