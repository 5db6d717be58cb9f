"""The Ankra sandbox: raw HTTP against the fake (edge behaviours, state, paging), then desks end to end.

Every response received is checked against specs/ankra.yaml with `response_problems`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest
import ticketkit
from ankra_client.api.tickets import review_ticket
from ankra_client.models import TicketReview, TicketReviewRequest
from ankra_client.types import Unset
from desk_support import drive
from spec_check import response_problems
from ticketkit import PartyKind, Priority, TicketStatus
from ticketkit.sandbox import TOKEN, Faults, Sandbox, serving
from ticketkit.sandbox.ankra import PRIMARY_ORGANISATION_ID, SECOND_ORGANISATION_ID
from ticketkit.sandbox.ankra.models import KUBECTL_DESCRIBE, stable_id
from ticketkit.sandbox.ankra.review import REVIEW_LIFETIME

TICKETS = "/api/v1/org/support/tickets"
UPGRADE = stable_id("ticket:upgrade-stuck")  # seeded: in_progress, 3 comments, 1 attachment
UPGRADE_SUBJECT = "Cluster upgrade to 1.30 stuck on prod-eu-1"
INGRESS = stable_id("ticket:ingress-502")  # seeded: open, flagged review
AUTOSCALER = stable_id("ticket:autoscaler")  # seeded in the second organisation
DESCRIBE_ID = stable_id("attachment:upgrade-describe")
UNKNOWN_ID = "0b8e2a0c-6f53-4d0e-9a51-5c3f4f1f7d2e"
LONG_ENOUGH = "The upgrade to 1.30 has been pending for two hours."


def client(
    sandbox: Sandbox | None = None, *, organisation: str | None = None, authorization: str = f"Bearer {TOKEN}"
) -> httpx.Client:
    """A raw client on the sandbox (a new seeded one by default), optionally scoped to an organisation."""
    sandbox = sandbox or Sandbox("ankra")
    headers = {"authorization": authorization}
    if organisation is not None:
        headers["x-ankra-organisation-id"] = organisation
    return httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers)


def checked(response: httpx.Response, status: int) -> Any:
    """The response's JSON after asserting its status and its conformance to our spec."""
    assert response.status_code == status, response.text
    assert response_problems("ankra", response.request, response) == []
    return response.json()


def create(http: httpx.Client, **fields: Any) -> dict[str, Any]:
    body = {"subject": "Cluster upgrade stuck", "description": LONG_ENOUGH, **fields}
    ticket: dict[str, Any] = checked(http.post(TICKETS, json=body), 201)
    return ticket


def issues_at(body: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(item["loc"]), item["type"]) for item in body["detail"]]


def review(http: httpx.Client, **fields: Any) -> dict[str, Any]:
    """A stored review of a draft (the CLI's review request: subject, description, category, source)."""
    body = {"subject": "Cluster upgrade stuck", "description": LONG_ENOUGH, "category": "technical", "source": "cli"}
    answer: dict[str, Any] = checked(http.post(f"{TICKETS}/review", json={**body, **fields}), 200)
    return answer


def total(http: httpx.Client) -> int:
    count: int = checked(http.get(TICKETS), 200)["pagination"]["total_count"]
    return count


# -- authentication, organisations, unknown ids -------------------------------------------------------


@pytest.mark.parametrize("authorization", [None, "Basic c2FuZGJveA==", "Bearer ", "sandbox-token"])
def test_missing_bearer_token_is_401_not_authenticated(authorization: str | None) -> None:
    http = client()
    headers = {} if authorization is None else {"authorization": authorization}
    if authorization is None:
        del http.headers["authorization"]
    response = http.get(TICKETS, headers=headers)
    assert checked(response, 401) == {"detail": "Not authenticated"}
    assert response.headers["www-authenticate"] == "Bearer"


def test_wrong_bearer_token_is_401_invalid_token_on_every_operation() -> None:
    http = client(authorization="Bearer not-the-token")
    responses = [
        http.get(TICKETS),
        http.post(TICKETS, json={"subject": "s", "description": LONG_ENOUGH}),
        http.post(f"{TICKETS}/review", json={"subject": "s", "description": "d"}),
        http.get(f"{TICKETS}/{UPGRADE}"),
        http.post(f"{TICKETS}/{UPGRADE}/comments", json={"body": "hi"}),
        http.post(f"{TICKETS}/{UPGRADE}/close"),
        http.post(f"{TICKETS}/{UPGRADE}/attachments", files={"file": ("a.txt", b"a")}),
        http.get(f"{TICKETS}/{UPGRADE}/attachments/{DESCRIBE_ID}"),
    ]
    for response in responses:
        assert checked(response, 401) == {"detail": "Invalid token"}
    assert checked(client().get(f"{TICKETS}/{UPGRADE}"), 200)["status"] == "in_progress"  # nothing closed


def test_organisation_the_token_is_not_in_is_403_permission_denied() -> None:
    http = client(organisation=UNKNOWN_ID)
    assert checked(http.get(TICKETS), 403) == {"detail": "permission_denied", "permission": "support:read"}
    answer = checked(http.post(TICKETS, json={"subject": "s", "description": LONG_ENOUGH}), 403)
    assert answer == {"detail": "permission_denied", "permission": "support:write"}
    assert checked(http.get(f"{TICKETS}/{UPGRADE}"), 403)["detail"] == "permission_denied"
    malformed = client(organisation="not-a-uuid")
    assert checked(malformed.get(TICKETS), 403)["detail"] == "permission_denied"


def test_tickets_are_per_organisation() -> None:
    sandbox = Sandbox("ankra")
    primary, second = client(sandbox), client(sandbox, organisation=SECOND_ORGANISATION_ID)
    explicit = client(sandbox, organisation=PRIMARY_ORGANISATION_ID.upper())
    assert [t["id"] for t in checked(second.get(TICKETS), 200)["result"]] == [AUTOSCALER]
    assert checked(explicit.get(TICKETS), 200) == checked(primary.get(TICKETS), 200)  # the default
    assert checked(second.get(f"{TICKETS}/{UPGRADE}"), 404) == {"detail": "Ticket not found"}
    assert checked(primary.get(f"{TICKETS}/{AUTOSCALER}"), 404) == {"detail": "Ticket not found"}
    made = create(second, subject="Labs only")
    assert made["organisation_id"] == SECOND_ORGANISATION_ID
    assert made["id"] not in [t["id"] for t in checked(primary.get(TICKETS), 200)["result"]]


@pytest.mark.parametrize(
    ("method", "suffix", "kwargs"),
    [
        ("GET", "", {}),
        ("POST", "/close", {}),
        ("POST", "/comments", {"json": {"body": "hello"}}),
        ("POST", "/attachments", {"files": {"file": ("a.txt", b"a", "text/plain")}}),
        ("GET", f"/attachments/{DESCRIBE_ID}", {}),
    ],
)
def test_unknown_ticket_is_404_ticket_not_found(method: str, suffix: str, kwargs: dict[str, Any]) -> None:
    response = client().request(method, f"{TICKETS}/{UNKNOWN_ID}{suffix}", **kwargs)
    assert checked(response, 404) == {"detail": "Ticket not found"}


def test_unknown_attachment_is_404_even_when_it_exists_on_another_ticket() -> None:
    http = client()
    assert checked(http.get(f"{TICKETS}/{UPGRADE}/attachments/{UNKNOWN_ID}"), 404) == {"detail": "Attachment not found"}
    assert checked(http.get(f"{TICKETS}/{INGRESS}/attachments/{DESCRIBE_ID}"), 404) == {
        "detail": "Attachment not found"
    }


@pytest.mark.parametrize(
    ("raw_id", "kind"),
    [
        ("12345", "uuid_parsing"),
        ("review-me", "uuid_parsing"),
        ("6fa459ea-ee8a-3ca4-894e-db77e160355e", "uuid_version"),  # a uuid, but version 3
    ],
)
def test_ticket_id_that_is_not_a_uuid4_is_422(raw_id: str, kind: str) -> None:
    body = checked(client().get(f"{TICKETS}/{raw_id}"), 422)
    assert issues_at(body) == [(("path", "ticket_id"), kind)]
    assert body["detail"][0]["input"] == raw_id


def test_unknown_path_is_404_and_wrong_method_405_in_starlette_form() -> None:
    # Neither is an operation of our spec, so there is nothing to check them against beyond the body.
    http = client()
    missing = http.get("/api/v1/org/support/nothing")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
    wrong = http.delete(f"{TICKETS}/{UPGRADE}")
    assert (wrong.status_code, wrong.json()) == (405, {"detail": "Method Not Allowed"})
    assert wrong.headers["allow"] == "GET"


def test_injected_faults_use_the_detail_body() -> None:
    sandbox = Sandbox("ankra", faults=Faults(rate_limit_rate=1.0, retry_after=2))
    response = client(sandbox).get(TICKETS)
    assert checked(response, 429) == {"detail": "sandbox: injected 429"}
    assert response.headers["retry-after"] == "2"


# -- create and the AI review -------------------------------------------------------------------------


def test_create_applies_defaults_and_the_ticket_can_be_read_and_listed() -> None:
    http = client()
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ticket = create(http)
    assert uuid.UUID(ticket["id"]).version == 4
    expected: dict[str, Any] = {
        "organisation_id": PRIMARY_ORGANISATION_ID,
        "subject": "Cluster upgrade stuck",
        "description": LONG_ENOUGH,
        "category": "technical",
        "source": "portal",
        "status": "open",
        "ai_review_status": "passed",
        "severity": None,
        "cluster_id": None,
        "comments": [],
        "attachments": [],
    }
    assert {k: ticket[k] for k in expected} == expected
    created = dt.datetime.fromisoformat(ticket["created_at"])
    assert ticket["created_at"].endswith("Z") and before <= created <= dt.datetime.now(dt.UTC)
    assert checked(http.get(f"{TICKETS}/{ticket['id']}"), 200) == ticket
    first_row = checked(http.get(TICKETS), 200)["result"][0]
    assert (first_row["id"], first_row["subject"], first_row["status"]) == (ticket["id"], ticket["subject"], "open")


def test_create_keeps_the_fields_sent_and_names_a_known_cluster() -> None:
    cluster = stable_id("cluster:prod-eu-1")
    ticket = create(
        client(),
        category="bug",
        severity="critical",
        source="cli",
        cluster_id=cluster.upper(),
        environment={"kubernetes": "1.30"},
    )
    assert (ticket["category"], ticket["severity"], ticket["source"]) == ("bug", "critical", "cli")
    assert (ticket["cluster_id"], ticket["cluster_name"]) == (cluster, "prod-eu-1")
    other = create(client(), cluster_id=UNKNOWN_ID, severity=None)
    assert (other["cluster_id"], other["cluster_name"], other["severity"]) == (UNKNOWN_ID, None, None)


def test_flagged_draft_without_acknowledged_is_409_detail_and_creates_nothing() -> None:
    http = client()
    count = total(http)
    for extra in ({}, {"acknowledged": False}):
        body = checked(http.post(TICKETS, json={"subject": "Broken", "description": " too short  ", **extra}), 409)
        assert list(body) == ["detail"]  # `{detail: <text>}`, what the CLI reads [client: extractDetail]
        assert body["detail"].startswith("Ticket flagged in review: The description has fewer than 20 characters")
        assert body["detail"].endswith("Resend with acknowledged=true to submit it anyway.")
    assert total(http) == count


def test_a_duplicate_subject_needs_acknowledging_too() -> None:
    http = client()
    same_subject = {"subject": f" {UPGRADE_SUBJECT.upper()} ", "description": LONG_ENOUGH}  # case and spacing aside
    body = checked(http.post(TICKETS, json=same_subject), 409)
    assert body["detail"] == (
        "Ticket flagged in review: possible duplicate of 1 existing ticket(s): Control-plane upgrade to 1.30 is"
        " blocked: the node drain step is crash-looping. Resend with acknowledged=true to submit it anyway."
    )
    ticket = create(http, subject=UPGRADE_SUBJECT, acknowledged=True)
    assert (ticket["ai_review_status"], ticket["subject"]) == ("flagged", UPGRADE_SUBJECT)


def test_flagged_draft_with_acknowledged_is_created_flagged() -> None:
    ticket = create(client(), description="too short", acknowledged=True)
    assert (ticket["status"], ticket["ai_review_status"]) == ("open", "flagged")
    nineteen, twenty = "x" * 19, "x" * 20
    assert create(client(), description=nineteen, acknowledged=True)["ai_review_status"] == "flagged"
    assert create(client(), description=twenty)["ai_review_status"] == "passed"


# -- the review flow of Ankra's CLI: review, then create from the review's id -----------------------------


def test_a_passing_review_in_the_clis_shape_creates_nothing_and_expires() -> None:
    http = client()
    count = total(http)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    passed = review(http)
    expires = dt.datetime.fromisoformat(passed.pop("expires_at"))
    assert before + REVIEW_LIFETIME <= expires <= dt.datetime.now(dt.UTC) + REVIEW_LIFETIME
    uuid.UUID(passed.pop("review_id"))
    assert passed == {
        "enrichment": {"summary": LONG_ENOUGH, "severity": None, "category": "technical"},
        "quality": "pass",
        "quality_flags": [],
        "clarifying_questions": [],
        "duplicate_candidates": [],
        "recommended_action": "submit",
    }
    assert total(http) == count


def test_a_vague_draft_is_flagged_with_reasons_and_questions() -> None:
    flagged = review(client(), description="too short", category="bug")
    assert (flagged["quality"], flagged["recommended_action"]) == ("flag", "add_details")
    assert flagged["quality_flags"] == [
        "The description has fewer than 20 characters: add what you expected, what happened instead, and when"
        " it started."
    ]
    assert len(flagged["clarifying_questions"]) == 2
    assert flagged["enrichment"] == {"summary": "too short", "severity": None, "category": "bug"}


def test_duplicates_are_the_organisations_tickets_with_the_same_subject() -> None:
    sandbox = Sandbox("ankra")
    http = client(sandbox)
    checked(http.post(f"{TICKETS}/{UPGRADE}/close"), 200)
    found = review(http, subject=UPGRADE_SUBJECT.lower(), description="The cluster is down: a full outage.")
    assert (found["quality"], found["recommended_action"]) == ("pass", "check_duplicates")
    assert found["duplicate_candidates"] == [
        {
            "candidate_id": UPGRADE,
            "summary": "Control-plane upgrade to 1.30 is blocked: the node drain step is crash-looping.",
            "status_label": "Closed",
            "confidence": "high",
            "already_resolved": True,
        }
    ]
    assert found["enrichment"]["severity"] == "critical"  # "is down", "outage"
    labs = client(sandbox, organisation=SECOND_ORGANISATION_ID)
    assert review(labs, subject=UPGRADE_SUBJECT)["duplicate_candidates"] == []  # another organisation's


def test_create_from_a_review_takes_the_reviewed_draft_and_only_severity_and_acknowledged() -> None:
    http = client()
    cluster = stable_id("cluster:prod-eu-1")
    passed = review(http, subject="Nodes NotReady", cluster_id=cluster, category="bug", source="agent")
    body = {"review_id": passed["review_id"], "source": "cli", "acknowledged": False, "severity": "high"}
    ticket = checked(http.post(TICKETS, json=body), 201)
    expected = {
        "subject": "Nodes NotReady",
        "description": LONG_ENOUGH,
        "category": "bug",
        "source": "agent",  # the reviewed draft's: the create's `source` is not honoured [client]
        "cluster_id": cluster,
        "cluster_name": "prod-eu-1",
        "severity": "high",
        "status": "open",
        "ai_review_status": "passed",
        "ai_summary": LONG_ENOUGH,
    }
    assert {k: ticket[k] for k in expected} == expected
    assert checked(http.get(f"{TICKETS}/{ticket['id']}"), 200) == ticket


def test_create_from_a_review_ignores_the_draft_fields_sent_with_it() -> None:
    http = client()
    passed = review(http, description="The ingress controller answers 502 for every host since 09:00.")
    body = {"review_id": passed["review_id"], "subject": "Other", "description": "Other", "category": "billing"}
    ticket = checked(http.post(TICKETS, json=body), 201)
    assert (ticket["subject"], ticket["category"]) == ("Cluster upgrade stuck", "technical")
    assert ticket["severity"] is None  # neither sent nor suggested


def test_a_suggested_severity_is_used_when_none_is_sent() -> None:
    http = client()
    outage = review(http, description="Production is down since 09:00 for every customer.")
    ticket = checked(http.post(TICKETS, json={"review_id": outage["review_id"], "source": "cli"}), 201)
    assert ticket["severity"] == "critical"


def test_a_flagged_review_needs_acknowledged_and_stays_usable_until_then() -> None:
    http = client()
    flagged = review(http, description="help")
    count = total(http)
    refused = checked(http.post(TICKETS, json={"review_id": flagged["review_id"], "acknowledged": False}), 409)
    assert refused["detail"].startswith("Ticket flagged in review: The description has fewer than 20 characters")
    assert total(http) == count
    ticket = checked(http.post(TICKETS, json={"review_id": flagged["review_id"], "acknowledged": True}), 201)
    assert (ticket["description"], ticket["ai_review_status"]) == ("help", "flagged")


def test_a_duplicate_review_needs_acknowledged() -> None:
    http = client()
    duplicate = review(http, subject=UPGRADE_SUBJECT)
    assert checked(http.post(TICKETS, json={"review_id": duplicate["review_id"]}), 409)["detail"].startswith(
        "Ticket flagged in review: possible duplicate of 1 existing ticket(s)"
    )
    acknowledged = {"review_id": duplicate["review_id"], "acknowledged": True}
    assert checked(http.post(TICKETS, json=acknowledged), 201)["ai_review_status"] == "flagged"


def _review_id_problem(response: httpx.Response) -> str:
    body = checked(response, 422)
    assert issues_at(body) == [(("body", "review_id"), "value_error")]
    message: str = body["detail"][0]["msg"]
    return message


def test_a_review_opens_one_ticket_only() -> None:
    http = client()
    passed = review(http)
    first = checked(http.post(TICKETS, json={"review_id": passed["review_id"]}), 201)
    count = total(http)
    again = http.post(TICKETS, json={"review_id": passed["review_id"], "acknowledged": True})
    assert _review_id_problem(again) == (
        f"Value error, review already used to open ticket {first['id']}; review the draft again"
    )
    assert total(http) == count


def test_an_expired_review_opens_nothing() -> None:
    sandbox = Sandbox("ankra")
    http = client(sandbox)
    passed = review(http)
    stored = sandbox.app.store.reviews[passed["review_id"]]  # type: ignore[attr-defined]
    stored.expires_at = dt.datetime(2001, 5, 1, 10, 30, tzinfo=dt.UTC)  # past: no clock is waited on
    message = _review_id_problem(http.post(TICKETS, json={"review_id": passed["review_id"]}))
    assert message == "Value error, review expired at 2001-05-01T10:30:00Z; review the draft again"


def test_an_unknown_or_another_organisations_review_opens_nothing() -> None:
    sandbox = Sandbox("ankra")
    labs = review(client(sandbox, organisation=SECOND_ORGANISATION_ID))
    http = client(sandbox)
    for review_id in (labs["review_id"], UNKNOWN_ID, "not-even-a-uuid"):
        message = _review_id_problem(http.post(TICKETS, json={"review_id": review_id, "acknowledged": True}))
        assert message == "Value error, review not found"


def test_review_request_is_validated_like_the_draft() -> None:
    http = client()
    missing = checked(http.post(f"{TICKETS}/review", json={"subject": "s"}), 422)
    assert issues_at(missing) == [(("body", "description"), "missing")]
    wrong = {"subject": "", "description": "d", "category": "", "cluster_id": "prod", "source": "slack"}
    assert issues_at(checked(http.post(f"{TICKETS}/review", json=wrong), 422)) == [
        (("body", "subject"), "string_too_short"),
        (("body", "category"), "enum"),
        (("body", "cluster_id"), "uuid_parsing"),
        (("body", "source"), "enum"),
    ]


def test_create_without_required_fields_is_422_listing_each() -> None:
    body = checked(client().post(TICKETS, json={"category": "bug"}), 422)
    assert body["detail"] == [
        {"type": "missing", "loc": ["body", "subject"], "msg": "Field required", "input": {"category": "bug"}},
        {"type": "missing", "loc": ["body", "description"], "msg": "Field required", "input": {"category": "bug"}},
    ]


def test_create_with_wrong_types_lengths_and_values_is_422() -> None:
    draft = {
        "subject": "s" * 201,
        "description": 42,
        "category": "question",
        "severity": "urgent",
        "source": None,
        "cluster_id": "prod-eu-1",
        "acknowledged": "yes",
        "review_id": 7,
    }
    body = checked(client().post(TICKETS, json=draft), 422)
    # In the order of the fields of the CLI's CreateSupportTicketRequest, which mirrors Ankra's model.
    assert issues_at(body) == [
        (("body", "review_id"), "string_type"),
        (("body", "subject"), "string_too_long"),
        (("body", "description"), "string_type"),
        (("body", "category"), "enum"),
        (("body", "cluster_id"), "uuid_parsing"),
        (("body", "severity"), "enum"),
        (("body", "source"), "enum"),
        (("body", "acknowledged"), "bool_type"),
    ]
    assert body["detail"][1]["msg"] == "String should have at most 200 characters"
    empty = checked(client().post(TICKETS, json={"subject": "", "description": "d" * 10001}), 422)
    assert issues_at(empty) == [(("body", "subject"), "string_too_short"), (("body", "description"), "string_too_long")]


@pytest.mark.parametrize("path", [TICKETS, f"{TICKETS}/review", f"{TICKETS}/{UPGRADE}/comments"])
def test_body_that_is_not_a_json_object_is_422(path: str) -> None:
    http = client()
    not_json = checked(http.post(path, content=b"subject=hi", headers={"content-type": "application/json"}), 422)
    assert issues_at(not_json) == [(("body", 0), "json_invalid")]
    assert not_json["detail"][0]["msg"] == "JSON decode error"
    assert issues_at(checked(http.post(path), 422)) == [(("body",), "missing")]
    assert issues_at(checked(http.post(path, json=["a"]), 422)) == [(("body",), "model_attributes_type")]


# -- comments, close, attachments ---------------------------------------------------------------------


def test_comment_is_appended_and_returned_with_the_ticket() -> None:
    http = client()
    before = checked(http.get(f"{TICKETS}/{UPGRADE}"), 200)
    ticket = checked(http.post(f"{TICKETS}/{UPGRADE}/comments", json={"body": "Still pending."}), 201)
    assert ticket["comments"][:-1] == before["comments"]
    added = ticket["comments"][-1]
    assert (added["body"], added["author_type"], added["author_label"]) == ("Still pending.", "user", "Dana Whitfield")
    assert ticket["updated_at"] == added["created_at"] >= before["updated_at"]
    assert checked(http.get(f"{TICKETS}/{UPGRADE}"), 200) == ticket


@pytest.mark.parametrize(
    ("body", "kind"), [({"body": ""}, "string_too_short"), ({}, "missing"), ({"body": None}, "string_type")]
)
def test_empty_or_missing_comment_body_is_422(body: dict[str, Any], kind: str) -> None:
    http = client()
    answer = checked(http.post(f"{TICKETS}/{UPGRADE}/comments", json=body), 422)
    assert issues_at(answer) == [(("body", "body"), kind)]
    assert len(checked(http.get(f"{TICKETS}/{UPGRADE}"), 200)["comments"]) == 3


def test_path_and_body_issues_are_reported_together() -> None:
    answer = checked(client().post(f"{TICKETS}/nope/comments", json={"body": ""}), 422)
    assert issues_at(answer) == [(("path", "ticket_id"), "uuid_parsing"), (("body", "body"), "string_too_short")]


def test_close_sets_closed_and_closing_again_changes_nothing() -> None:
    http = client()
    closed = checked(http.post(f"{TICKETS}/{INGRESS}/close"), 200)
    assert closed["status"] == "closed"
    assert checked(http.post(f"{TICKETS}/{INGRESS}/close"), 200) == closed
    assert checked(http.get(f"{TICKETS}/{INGRESS}"), 200)["status"] == "closed"
    assert INGRESS in [t["id"] for t in checked(http.get(TICKETS, params={"status": "closed"}), 200)["result"]]


def test_uploaded_file_is_listed_and_downloads_byte_for_byte() -> None:
    http = client()
    data = b"\x00\xffnot utf-8 \xe2\x82\r\n--boundary-like\r\n"
    ticket = checked(
        http.post(f"{TICKETS}/{INGRESS}/attachments", files={"file": ("nginx é.log", data, "text/x-log")}), 201
    )
    added = ticket["attachments"][-1]
    assert (added["filename"], added["content_type"], added["size_bytes"]) == ("nginx é.log", "text/x-log", len(data))
    assert len(ticket["attachments"]) == 2 and ticket["updated_at"] == added["created_at"]
    download = http.get(f"{TICKETS}/{INGRESS}/attachments/{added['id']}")
    checked_download = download.status_code, response_problems("ankra", download.request, download)
    assert checked_download == (200, [])
    assert download.content == data
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"] == (
        "attachment; filename=\"nginx _.log\"; filename*=UTF-8''nginx%20%C3%A9.log"
    )


def test_upload_without_a_file_part_is_422() -> None:
    http = client()
    missing = checked(http.post(f"{TICKETS}/{INGRESS}/attachments", files={"other": ("a.txt", b"a")}), 422)
    assert issues_at(missing) == [(("body", "file"), "missing")]
    plain_value = checked(http.post(f"{TICKETS}/{INGRESS}/attachments", data={"file": "text"}, files={"x": b""}), 422)
    assert issues_at(plain_value) == [(("body", "file"), "value_error")]
    assert issues_at(checked(http.post(f"{TICKETS}/{INGRESS}/attachments", json={"file": "a"}), 422)) == [
        (("body", "file"), "missing")
    ]


# -- listing and paging -------------------------------------------------------------------------------


def test_pages_cover_every_ticket_once_newest_first() -> None:
    sandbox = Sandbox("ankra", demo=False)
    http = client(sandbox)
    made = [create(http, subject=f"Ticket {n}")["id"] for n in range(5)]
    pages = [checked(http.get(TICKETS, params={"page": n, "page_size": 2}), 200) for n in (1, 2, 3, 4)]
    assert [p["pagination"] for p in pages] == [
        {"page": n, "page_size": 2, "total_pages": 3, "total_count": 5} for n in (1, 2, 3, 4)
    ]
    assert [t["id"] for p in pages for t in p["result"]] == made[::-1]
    assert pages[3]["result"] == []
    default = checked(http.get(TICKETS), 200)["pagination"]
    assert default == {"page": 1, "page_size": 20, "total_pages": 1, "total_count": 5}


def test_empty_organisation_lists_zero_pages() -> None:
    body = checked(client(Sandbox("ankra", demo=False)).get(TICKETS), 200)
    assert body == {"result": [], "pagination": {"page": 1, "page_size": 20, "total_pages": 0, "total_count": 0}}


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"page_size": "101"}, (("query", "page_size"), "less_than_equal")),
        ({"page_size": "0"}, (("query", "page_size"), "greater_than_equal")),
        ({"page": "0"}, (("query", "page"), "greater_than_equal")),
        ({"page": "two"}, (("query", "page"), "int_parsing")),
        ({"status": ["open", "archived"]}, (("query", "status", 1), "enum")),
        ({"cluster_id": "prod-eu-1"}, (("query", "cluster_id"), "uuid_parsing")),
    ],
)
def test_bad_list_parameters_are_422(params: dict[str, Any], problem: tuple[Any, str]) -> None:
    assert issues_at(checked(client().get(TICKETS, params=params), 422)) == [problem]


def test_page_size_100_is_allowed() -> None:
    assert checked(client().get(TICKETS, params={"page_size": 100}), 200)["pagination"]["page_size"] == 100


def test_list_filters_by_status_text_and_cluster() -> None:
    http = client()

    def ids(**params: Any) -> list[str]:
        return [t["id"] for t in checked(http.get(TICKETS, params=params), 200)["result"]]

    assert ids(status="in_progress") == [UPGRADE]
    # Repeated `status` is any of them [client: `status=open&status=in_progress`], newest first.
    assert ids(status=["in_progress", "open"]) == [INGRESS, UPGRADE]
    assert ids(status=["open", "in_progress", "open"]) == [INGRESS, UPGRADE]
    assert ids(q="CERTIFICATE") == [INGRESS]  # the subject, any case
    assert ids(q="drain step") == []  # only in a description: q is subject text [client]
    assert ids(cluster_id=stable_id("cluster:staging-us-1")) == [INGRESS]
    assert ids(status=["open", "in_progress"], q="upgrade") == [UPGRADE]
    assert ids(status="open", q="upgrade") == []


def test_seed_has_varied_tickets_threads_and_files() -> None:
    http = client()
    rows = checked(http.get(TICKETS), 200)["result"]
    assert sorted(r["status"] for r in rows) == ["closed", "in_progress", "open", "waiting_customer"]
    tickets = [checked(http.get(f"{TICKETS}/{r['id']}"), 200) for r in rows]
    assert sum(len(t["comments"]) for t in tickets) == 5
    for ticket in tickets:
        for attachment in ticket["attachments"]:
            download = http.get(f"{TICKETS}/{ticket['id']}/attachments/{attachment['id']}")
            assert download.status_code == 200 and len(download.content) == attachment["size_bytes"]
            assert response_problems("ankra", download.request, download) == []
    second = client(organisation=SECOND_ORGANISATION_ID)
    assert checked(second.get(f"{TICKETS}/{AUTOSCALER}"), 200)["status"] == "pending_review"


# -- end to end through the unified desks -------------------------------------------------------------


def test_desk_tickets_get(mode: str) -> None:
    ticket = drive(mode, "ankra", lambda d: d.tickets.get(UPGRADE), **Sandbox("ankra").connect_options())
    assert (ticket.subject, ticket.status, ticket.priority) == (
        "Cluster upgrade to 1.30 stuck on prod-eu-1",
        TicketStatus.IN_PROGRESS,
        Priority.HIGH,
    )
    assert ticket.custom_fields["cluster_name"] == "prod-eu-1"
    assert [a.name for a in ticket.attachments] == ["kubectl-describe.txt"]
    assert ticket.attachments[0].ticket_id == UPGRADE and ticket.comments is not None and len(ticket.comments) == 3


def test_desk_tickets_list(mode: str) -> None:
    everything = drive(mode, "ankra", lambda d: d.tickets.list(page_size=1), **Sandbox("ankra").connect_options())
    assert [t.status_raw for t in everything] == ["open", "in_progress", "waiting_customer", "closed"]
    opened = drive(
        mode, "ankra", lambda d: d.tickets.list(status=TicketStatus.OPEN), **Sandbox("ankra").connect_options()
    )
    assert [t.id for t in opened] == [INGRESS]
    found = drive(mode, "ankra", lambda d: d.tickets.list(q="invoice"), **Sandbox("ankra").connect_options())
    assert [t.subject for t in found] == ["Invoice for May shows two charges"]


def test_desk_tickets_create(mode: str) -> None:
    sandbox = Sandbox("ankra")
    ticket = drive(
        mode,
        "ankra",
        lambda d: d.tickets.create(subject="Disk pressure", description=LONG_ENOUGH),
        **sandbox.connect_options(),
    )
    assert (ticket.status, ticket.custom_fields["ai_review_status"]) == (TicketStatus.OPEN, "passed")
    with pytest.raises(ticketkit.ConflictError, match="acknowledged=True"):
        drive(
            mode, "ankra", lambda d: d.tickets.create(subject="Disk", description="full"), **sandbox.connect_options()
        )
    flagged = drive(
        mode,
        "ankra",
        lambda d: d.tickets.create(subject="Disk", description="full", acknowledged=True),
        **sandbox.connect_options(),
    )
    assert flagged.custom_fields["ai_review_status"] == "flagged"
    assert {ticket.id, flagged.id} <= {t["id"] for t in checked(client(sandbox).get(TICKETS), 200)["result"]}


def test_desk_tickets_close(mode: str) -> None:
    sandbox = Sandbox("ankra")
    closed = drive(mode, "ankra", lambda d: d.tickets.close(UPGRADE), **sandbox.connect_options())
    assert (closed.status, closed.status_raw) == (TicketStatus.CLOSED, "closed")
    assert checked(client(sandbox).get(f"{TICKETS}/{UPGRADE}"), 200)["status"] == "closed"


def test_desk_comments_list(mode: str) -> None:
    comments = drive(mode, "ankra", lambda d: d.comments.list(UPGRADE), **Sandbox("ankra").connect_options())
    assert [(c.author.kind, c.author.name) for c in comments] == [
        (PartyKind.AGENT, "Ankra Support"),
        (PartyKind.CUSTOMER, "Dana Whitfield"),
        (PartyKind.AGENT, "Ankra Support"),
    ]
    assert comments[1].body_text == "Attached the output." and not comments[1].internal


def test_desk_comments_create(mode: str) -> None:
    sandbox = Sandbox("ankra")
    comment = drive(
        mode,
        "ankra",
        lambda d: d.comments.create(INGRESS, body="Rolled back the certificate."),
        **sandbox.connect_options(),
    )
    assert (comment.body_text, comment.author.kind) == ("Rolled back the certificate.", PartyKind.CUSTOMER)
    stored = checked(client(sandbox).get(f"{TICKETS}/{INGRESS}"), 200)["comments"]
    assert [c["id"] for c in stored] == [comment.id]


def test_desk_attachments_download(mode: str) -> None:
    sandbox = Sandbox("ankra")

    def fetch(desk: Any) -> Any:
        if mode == "sync":
            return desk.attachments.download(desk.tickets.get(UPGRADE).attachments[0])

        async def both() -> bytes:
            ticket = await desk.tickets.get(UPGRADE)
            data: bytes = await desk.attachments.download(ticket.attachments[0])
            return data

        return both()

    assert drive(mode, "ankra", fetch, **sandbox.connect_options()) == KUBECTL_DESCRIBE


def test_desk_round_trip_on_loopback() -> None:
    with serving("ankra") as sandbox:
        assert sandbox.base_url.startswith("http://127.0.0.1:")
        with ticketkit.connect("ankra", base_url=sandbox.base_url, **sandbox.app.connect_options()) as desk:
            ticket = desk.tickets.create(subject="Loopback", description=LONG_ENOUGH)
            desk.comments.create(ticket.id, body="Over a real socket.")
            assert [c.body_text for c in desk.comments.list(ticket.id)] == ["Over a real socket."]
            assert desk.attachments.download(desk.tickets.get(UPGRADE).attachments[0]) == KUBECTL_DESCRIBE
            assert desk.tickets.close(ticket.id).status == TicketStatus.CLOSED
            assert ticket.id in [t.id for t in desk.tickets.list(status=TicketStatus.CLOSED)]


# -- the desk through the review flow of Ankra's CLI ---------------------------------------------------------


def test_desk_client_reviews_in_the_clis_shape() -> None:
    sandbox = Sandbox("ankra")
    with ticketkit.connect("ankra", **sandbox.connect_options()) as desk:
        body = TicketReviewRequest(subject=UPGRADE_SUBJECT, description="help", category="technical", source="api")
        found = review_ticket.sync(client=desk.client, body=body)
    assert isinstance(found, TicketReview)
    assert (found.quality, found.recommended_action) == ("flag", "add_details")
    assert not isinstance(found.duplicate_candidates, Unset) and found.duplicate_candidates[0].candidate_id == UPGRADE
    assert found.expires_at > dt.datetime.now(dt.UTC)


def test_desk_creates_from_a_stored_review(mode: str) -> None:
    sandbox = Sandbox("ankra")
    passed = review(client(sandbox), subject="Nodes NotReady")
    ticket = drive(
        mode,
        "ankra",
        lambda d: d.tickets.create(subject="Nodes NotReady", review_id=passed["review_id"], severity="low"),
        **sandbox.connect_options(),
    )
    assert (ticket.subject, ticket.description, ticket.priority) == ("Nodes NotReady", LONG_ENOUGH, Priority.LOW)
    assert ticket.custom_fields["ai_review_status"] == "passed"


def test_desk_create_from_a_flagged_review_says_how_to_acknowledge(mode: str) -> None:
    sandbox = Sandbox("ankra")
    flagged = review(client(sandbox), description="help")
    with pytest.raises(ticketkit.ConflictError) as caught:
        drive(
            mode,
            "ankra",
            lambda d: d.tickets.create(subject="s", review_id=flagged["review_id"]),
            **sandbox.connect_options(),
        )
    assert caught.value.message.startswith("Ticket flagged in review: The description has fewer than 20")
    assert caught.value.message.endswith("; to open it anyway, pass acknowledged=True to tickets.create")
    create = {"subject": "s", "review_id": flagged["review_id"], "acknowledged": True}
    ticket = drive(mode, "ankra", lambda d: d.tickets.create(**create), **sandbox.connect_options())
    assert (ticket.description, ticket.custom_fields["ai_review_status"]) == ("help", "flagged")


def test_desk_create_from_a_used_review_is_an_invalid_request_on_review_id(mode: str) -> None:
    sandbox = Sandbox("ankra")
    passed = review(client(sandbox))
    first = drive(
        mode,
        "ankra",
        lambda d: d.tickets.create(subject="s", review_id=passed["review_id"]),
        **sandbox.connect_options(),
    )
    with pytest.raises(ticketkit.InvalidRequestError) as caught:
        drive(
            mode,
            "ankra",
            lambda d: d.tickets.create(subject="s", review_id=passed["review_id"]),
            **sandbox.connect_options(),
        )
    message = f"Value error, review already used to open ticket {first.id}; review the draft again"
    assert caught.value.problems == [ticketkit.Problem("review_id", message)]
