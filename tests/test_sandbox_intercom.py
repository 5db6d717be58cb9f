"""The Intercom sandbox: its wire behaviour driven with raw httpx requests, every answer checked against
specs/intercom.yaml, then the unified desk (sync, async, and over loopback) against it, on every version.

Requests without `Intercom-Version` are answered in the app's version (2.16 unless the sandbox is told
otherwise); the 2.11 shapes are asked for with the header.
"""

from __future__ import annotations

import asyncio
import base64
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import ticketkit
from loopback import cli_serving
from spec_check import response_problems
from ticketkit import InvalidRequestError, NotFoundError, Party, PartyKind, TicketStatus
from ticketkit.sandbox import TOKEN, Faults, Sandbox, serving

AUTH = {"Authorization": f"Bearer {TOKEN}"}
V211 = {"Intercom-Version": "2.11"}
V213 = {"Intercom-Version": "2.13"}
V216 = {"Intercom-Version": "2.16"}
VERSIONS = ["2.11", "2.12", "2.13", "2.14", "2.15", "2.16"]
# Seeded ids (see overlays/ticketkit/sandbox/intercom/models.py).
CHECKOUT, VAT, REFUND, CSV_EXPORT = "611", "612", "613", "614"
BUG_REPORT, BILLING_REVIEW = "106", "107"
MAYA, TOMAS = "991267829", "991267883"
TIER2_TEAM = "5017691"
JO_ID, JO_EMAIL, JO_EXTERNAL = "667d61b78a68186f43bafe8d", "jo.rivera@example.com", "cust-1042"
BROWSER_ATTRIBUTE = "303"
# The workspace's states: the four defaults (every type), a custom in-progress one for Bug Reports only, and an
# archived one for Billing Reviews.
SUBMITTED, IN_PROGRESS, WAITING, RESOLVED, WITH_ENGINEERING, WAITING_ON_FINANCE = (str(n) for n in range(8321, 8327))
NOTE = {"message_type": "note", "type": "admin", "admin_id": MAYA, "body": "x"}


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox("intercom")


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=AUTH) as http:
        yield http


def conforming(response: httpx.Response, status: int = 200) -> Any:
    """The response's JSON, after checking its status and that it conforms to our spec."""
    assert response.status_code == status, response.text
    assert response_problems("intercom", response.request, response) == []
    return response.json()


def error_of(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The single error of an Intercom `error.list` answer, after checking status, code and request id."""
    body = conforming(response, status)
    assert body["type"] == "error.list"
    assert uuid.UUID(body["request_id"]).version == 4
    assert len(body["errors"]) == 1
    error: dict[str, Any] = body["errors"][0]
    assert error["code"] == code, error
    return error


def create(client: httpx.Client, headers: dict[str, str] | None = None, **fields: Any) -> dict[str, Any]:
    body = {
        "ticket_type_id": BUG_REPORT,
        "contacts": [{"email": "new.person@example.com"}],
        "ticket_attributes": {"_default_title_": "Login fails", "_default_description_": "Since this morning"},
        **fields,
    }
    ticket: dict[str, Any] = conforming(client.post("/tickets", json=body, headers=headers))
    return ticket


def state_of(ticket: dict[str, Any]) -> str:
    """The ticket's state category, in either shape."""
    state = ticket["ticket_state"]
    return str(state["category"] if isinstance(state, dict) else state)


def search(client: httpx.Client, query: dict[str, Any], **pagination: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"query": query}
    if pagination:
        body["pagination"] = pagination
    result: dict[str, Any] = conforming(client.post("/tickets/search", json=body))
    return result


def ids_matching(client: httpx.Client, query: dict[str, Any]) -> list[str]:
    return [t["id"] for t in search(client, query, per_page=150)["tickets"]]


def parts_of(client: httpx.Client, ticket_id: str, **headers: str) -> list[dict[str, Any]]:
    ticket = conforming(client.get(f"/tickets/{ticket_id}", headers=headers))
    parts: list[dict[str, Any]] = ticket["ticket_parts"]["ticket_parts"]
    return parts


# -- edge behaviour: auth, unknown ids, invalid input ----------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_a_missing_or_wrong_token_is_intercoms_401(sandbox: Sandbox, headers: dict[str, str]) -> None:
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers) as http:
        for response in (http.get(f"/tickets/{CHECKOUT}"), http.post("/tickets/search", json={"query": {}})):
            error = error_of(response, 401, "unauthorized")
            assert error["message"] == "Access Token Invalid"


def test_unknown_ids_are_404_in_intercoms_words(client: httpx.Client) -> None:
    error_of(client.get("/tickets/99999"), 404, "ticket_not_found")
    error_of(client.put("/tickets/99999", json={"open": False}), 404, "ticket_not_found")
    reply = {"message_type": "note", "type": "admin", "admin_id": MAYA, "body": "x"}
    error_of(client.post("/tickets/99999/reply", json=reply), 404, "ticket_not_found")
    error_of(client.get("/ticket_types/999"), 404, "not_found")
    # The Inbox number is not an API id.
    number = conforming(client.get(f"/tickets/{CHECKOUT}"))["ticket_id"]
    error_of(client.get(f"/tickets/{number}"), 404, "ticket_not_found")


def test_unknown_routes_and_methods_answer_an_error_list(client: httpx.Client) -> None:
    unknown = client.get("/conversations")
    assert unknown.status_code == 404 and unknown.json()["type"] == "error.list"
    assert unknown.json()["errors"][0]["code"] == "not_found"
    listing = client.get("/tickets")  # there is no list endpoint: listing is search
    assert listing.status_code == 405 and listing.headers["Allow"] == "POST"
    assert listing.json()["type"] == "error.list"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/tickets"),
        ("PUT", f"/tickets/{CHECKOUT}"),
        ("POST", "/tickets/search"),
        ("POST", "/tickets/611/reply"),
    ],
)
@pytest.mark.parametrize("content", [b"", b"not json", b"[1, 2]"])
def test_a_body_that_is_not_a_json_object_is_400(client: httpx.Client, method: str, path: str, content: bytes) -> None:
    response = client.request(method, path, content=content, headers={"content-type": "application/json"})
    error_of(response, 400, "parameter_invalid")


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"contacts": [{"email": "a@example.com"}]}, "parameter_not_found", "ticket_type_id"),
        ({"ticket_type_id": BUG_REPORT}, "parameter_not_found", "contacts"),
        ({"ticket_type_id": "999", "contacts": [{"id": JO_ID}]}, "invalid_ticket_type", "ticket_type_id"),
        ({"ticket_type_id": ["106"], "contacts": [{"id": JO_ID}]}, "parameter_invalid", "ticket_type_id"),
        ({"ticket_type_id": BUG_REPORT, "contacts": []}, "parameter_invalid", "contacts"),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}, {"email": "b@example.com"}]},
            "parameter_invalid",
            "contacts",
        ),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": "000000000000000000000000"}]},
            "parameter_invalid",
            "contacts",
        ),
        ({"ticket_type_id": BUG_REPORT, "contacts": [{"external_id": "nobody"}]}, "parameter_invalid", "contacts"),
        ({"ticket_type_id": BUG_REPORT, "contacts": [{"email": "not-an-email"}]}, "parameter_invalid", "contacts"),
        ({"ticket_type_id": BUG_REPORT, "contacts": [{"phone": "123"}]}, "parameter_invalid", "contacts"),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}], "ticket_attributes": {"colour": "red"}},
            "parameter_invalid",
            "colour",
        ),
        (
            {
                "ticket_type_id": BUG_REPORT,
                "contacts": [{"id": JO_ID}],
                "ticket_attributes": {"affected_users": "many"},
            },
            "parameter_invalid",
            "affected_users",
        ),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}], "ticket_attributes": {"_default_title_": 5}},
            "parameter_invalid",
            "_default_title_",
        ),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}], "created_at": "yesterday"},
            "parameter_invalid",
            "created_at",
        ),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}], "created_at": None},
            "parameter_invalid",
            "created_at",
        ),
        (
            {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}], "company_id": 7},
            "parameter_invalid",
            "company_id",
        ),
    ],
)
def test_create_refuses_invalid_input(client: httpx.Client, body: dict[str, Any], code: str, field: str) -> None:
    before = len(ids_matching(client, {"field": "created_at", "operator": ">", "value": 0}))
    assert error_of(client.post("/tickets", json=body), 400, code)["field"] == field
    assert len(ids_matching(client, {"field": "created_at", "operator": ">", "value": 0})) == before


# -- creating and reading ----------------------------------------------------------------------------------------


def test_create_answers_the_new_ticket_and_it_can_be_read_back(client: httpx.Client) -> None:
    before = int(time.time())
    ticket = create(client, V211)
    assert ticket["type"] == "ticket"
    assert ticket["id"].isdigit() and ticket["ticket_id"].isdigit() and ticket["id"] != ticket["ticket_id"]
    assert ticket["ticket_state"] == "submitted" and ticket["open"] is True
    assert ticket["ticket_state_internal_label"] == "Submitted"
    assert ticket["ticket_attributes"] == {
        "_default_title_": "Login fails",
        "_default_description_": "Since this morning",
    }
    assert ticket["ticket_type"]["id"] == BUG_REPORT and ticket["category"] == "Customer"
    assert ticket["admin_assignee_id"] == "0" and ticket["team_assignee_id"] == "0"
    assert before <= ticket["created_at"] <= int(time.time()) and ticket["updated_at"] == ticket["created_at"]
    [part] = ticket["ticket_parts"]["ticket_parts"]
    assert part["part_type"] == "ticket_state_updated_by_admin" and part["ticket_state"] == "submitted"
    assert conforming(client.get(f"/tickets/{ticket['id']}", headers=V211)) == ticket
    newest = conforming(client.get(f"/tickets/{ticket['id']}"))  # no header: the app's version, 2.16
    assert newest["ticket_state"]["id"] == SUBMITTED and newest["admin_assignee_id"] == 0


def test_create_finds_contacts_by_id_external_id_or_email_and_makes_one_for_a_new_email(client: httpx.Client) -> None:
    for reference in ({"id": JO_ID}, {"external_id": JO_EXTERNAL}, {"email": JO_EMAIL.upper()}):
        ticket = create(client, contacts=[reference])
        assert ticket["contacts"]["contacts"] == [{"type": "contact", "id": JO_ID, "external_id": JO_EXTERNAL}]
    first = create(client, contacts=[{"email": "brand.new@example.com"}])["contacts"]["contacts"][0]
    again = create(client, contacts=[{"email": "brand.new@example.com"}])["contacts"]["contacts"][0]
    assert first["id"] == again["id"] != JO_ID and first["external_id"] is None


@pytest.mark.parametrize("version", VERSIONS)
def test_create_assigns_from_2_14(client: httpx.Client, version: str) -> None:
    """2.14+ take `assignment: {admin_assignee_id, team_assignee_id}`; earlier versions have no such field."""
    assignment = {"admin_assignee_id": TOMAS, "team_assignee_id": TIER2_TEAM}
    ticket = create(client, {"Intercom-Version": version}, assignment=assignment, skip_notifications=True)
    read = conforming(client.get(f"/tickets/{ticket['id']}", headers=V211))
    parts = read["ticket_parts"]["ticket_parts"]
    if version < "2.14":
        assert (read["admin_assignee_id"], read["team_assignee_id"]) == ("0", "0") and len(parts) == 1
        return
    assert (read["admin_assignee_id"], read["team_assignee_id"]) == (TOMAS, TIER2_TEAM)
    assert [p["assigned_to"] for p in parts if p["part_type"] == "assignment"] == [
        {"type": "admin", "id": TOMAS},
        {"type": "team", "id": TIER2_TEAM},
    ]


@pytest.mark.parametrize(
    ("assignment", "code"),
    [
        ({"admin_assignee_id": "123"}, "assignee_not_found"),
        ({"team_assignee_id": TOMAS}, "assignee_not_found"),  # an admin is no team
        ("maya", "parameter_invalid"),
        ({"admin_assignee_id": ["1"]}, "parameter_invalid"),
    ],
)
def test_create_refuses_an_unknown_assignee(client: httpx.Client, assignment: Any, code: str) -> None:
    before = len(ids_matching(client, {"field": "created_at", "operator": ">", "value": 0}))
    body = {"ticket_type_id": BUG_REPORT, "contacts": [{"id": JO_ID}], "assignment": assignment}
    error_of(client.post("/tickets", json=body), 404 if code == "assignee_not_found" else 400, code)
    assert len(ids_matching(client, {"field": "created_at", "operator": ">", "value": 0})) == before


def test_create_takes_a_numeric_type_id_created_at_and_a_back_office_type(client: httpx.Client) -> None:
    ticket = create(client, ticket_type_id=int(BILLING_REVIEW), created_at=1719493000, company_id="acme-1")
    assert ticket["ticket_type"]["id"] == BILLING_REVIEW and ticket["category"] == "Back-office"
    assert ticket["created_at"] == 1719493000 and ticket["is_shared"] is False
    assert ticket["ticket_attributes"]["_default_title_"] == "Login fails"


def test_answers_follow_the_requested_intercom_version(client: httpx.Client) -> None:
    old = conforming(client.get(f"/tickets/{CHECKOUT}", headers=V211))
    new = conforming(client.get(f"/tickets/{CHECKOUT}", headers=V216))
    middle = conforming(client.get(f"/tickets/{CHECKOUT}", headers=V213))
    assert old["ticket_state"] == "in_progress" and old["ticket_state_external_label"] == "In progress"
    assert "previous_ticket_state_id" not in old
    assert new["ticket_state"] == {
        "type": "ticket_state",
        "id": IN_PROGRESS,
        "category": "in_progress",
        "internal_label": "In progress",
        "external_label": "In progress",
    }
    assert "ticket_state_internal_label" not in new and new["previous_ticket_state_id"] == SUBMITTED
    assert (old["admin_assignee_id"], old["team_assignee_id"]) == (MAYA, TIER2_TEAM)
    assert (new["admin_assignee_id"], new["team_assignee_id"]) == (int(MAYA), int(TIER2_TEAM))
    assert isinstance(middle["ticket_state"], dict) and middle["admin_assignee_id"] == MAYA
    assert conforming(client.get(f"/tickets/{CSV_EXPORT}", headers=V216))["admin_assignee_id"] == 0
    # No header: the app's version (2.16 by default); a header naming no version: the same.
    assert conforming(client.get(f"/tickets/{CHECKOUT}")) == new
    assert conforming(client.get(f"/tickets/{CHECKOUT}", headers={"Intercom-Version": "x"})) == new
    # Versions the sandbox does not model: older ones answer like 2.11, newer ones (and Unstable) like 2.16.
    assert conforming(client.get(f"/tickets/{CHECKOUT}", headers={"Intercom-Version": "2.9"})) == old
    for newer in ("2.17", "Unstable", "Preview"):
        assert conforming(client.get(f"/tickets/{CHECKOUT}", headers={"Intercom-Version": newer})) == new


@pytest.mark.parametrize("version", ["2.11", "2.13"])
def test_the_app_version_is_configurable(version: str) -> None:
    configured = Sandbox("intercom", api_version=version)
    with httpx.Client(transport=configured.transport(), base_url=configured.base_url, headers=AUTH) as http:
        plain = conforming(http.get(f"/tickets/{CHECKOUT}"))
        asked = conforming(http.get(f"/tickets/{CHECKOUT}", headers={"Intercom-Version": version}))
        newest = conforming(http.get(f"/tickets/{CHECKOUT}", headers=V216))
    assert plain == asked != newest
    assert configured.connect_options()["api_version"] == version


@pytest.mark.parametrize("version", ["2.10", "2.17", "Unstable", "2.16 "])
def test_an_app_version_the_sandbox_does_not_model_is_refused(version: str) -> None:
    with pytest.raises(ValueError, match=r"answers in one of 2\.11, 2\.12"):
        Sandbox("intercom", api_version=version)


def test_ticket_types_are_listed_under_the_versions_key(client: httpx.Client) -> None:
    old = conforming(client.get("/ticket_types", headers=V211))
    new = conforming(client.get("/ticket_types"))
    assert old["type"] == "ticket_type.list" and "data" not in old
    assert [t["id"] for t in old["ticket_types"]] == [BUG_REPORT, BILLING_REVIEW]
    assert new["type"] == "list" and [t["id"] for t in new["data"]] == [BUG_REPORT, BILLING_REVIEW]
    assert "ticket_states" not in old["ticket_types"][0]
    # Each type lists the states it can take: the defaults, plus its own custom ones, never archived ones.
    bug_states = [(s["id"], s["category"]) for s in new["data"][0]["ticket_states"]["data"]]
    assert bug_states == [
        (SUBMITTED, "submitted"),
        (IN_PROGRESS, "in_progress"),
        (WAITING, "waiting_on_customer"),
        (RESOLVED, "resolved"),
        (WITH_ENGINEERING, "in_progress"),
    ]
    assert [s["id"] for s in new["data"][1]["ticket_states"]["data"]] == [SUBMITTED, IN_PROGRESS, WAITING, RESOLVED]
    one = conforming(client.get(f"/ticket_types/{BILLING_REVIEW}"))
    assert one["category"] == "Back-office" and one["name"] == "Billing Review"
    # The attributes as the 2.11 and 2.16 schemas (and the official SDK) have them.
    assert one["ticket_type_attributes"]["type"] == "ticket_type_attributes.list"
    names = [a["name"] for a in one["ticket_type_attributes"]["ticket_type_attributes"]]
    assert names == ["_default_title_", "_default_description_", "invoice_number"]


def test_ticket_states_list_every_state_with_its_types(client: httpx.Client) -> None:
    listing = conforming(client.get("/ticket_states"))
    assert listing["type"] == "list"
    rows = [
        (s["id"], s["category"], s["archived"], [t["id"] for t in s["ticket_types"]["data"]]) for s in listing["data"]
    ]
    assert rows == [
        (SUBMITTED, "submitted", False, [BUG_REPORT, BILLING_REVIEW]),
        (IN_PROGRESS, "in_progress", False, [BUG_REPORT, BILLING_REVIEW]),
        (WAITING, "waiting_on_customer", False, [BUG_REPORT, BILLING_REVIEW]),
        (RESOLVED, "resolved", False, [BUG_REPORT, BILLING_REVIEW]),
        (WITH_ENGINEERING, "in_progress", False, [BUG_REPORT]),
        (WAITING_ON_FINANCE, "waiting_on_customer", True, [BILLING_REVIEW]),
    ]
    engineering = listing["data"][4]
    assert (engineering["internal_label"], engineering["external_label"]) == ("With engineering", "In progress")
    assert set(engineering["ticket_types"]["data"][0]) == {
        "type", "id", "name", "description", "icon", "archived", "is_internal", "category",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "version"),
    [
        ("GET", "/ticket_states", "2.11"),
        ("DELETE", f"/tickets/{CSV_EXPORT}", "2.11"),
        ("DELETE", f"/tickets/{CSV_EXPORT}", "2.12"),
    ],
)
def test_operations_a_version_lacks_answer_intercom_version_invalid(
    client: httpx.Client, method: str, path: str, version: str
) -> None:
    error = error_of(
        client.request(method, path, headers={"Intercom-Version": version}), 400, "intercom_version_invalid"
    )
    assert error["message"] == "Requested resource is not available in current API version."
    assert conforming(client.get(f"/tickets/{CSV_EXPORT}"))["id"] == CSV_EXPORT  # nothing deleted


@pytest.mark.parametrize("version", ["2.13", "2.14", "2.15", "2.16"])
def test_delete_removes_the_ticket_and_its_files(sandbox: Sandbox, client: httpx.Client, version: str) -> None:
    [invoice] = [a for p in parts_of(client, VAT) for a in p["attachments"]]
    deleted = conforming(client.delete(f"/tickets/{VAT}", headers={"Intercom-Version": version}))
    assert deleted == {"id": VAT, "object": "ticket", "deleted": True}
    error_of(client.get(f"/tickets/{VAT}"), 404, "ticket_not_found")
    error_of(client.delete(f"/tickets/{VAT}"), 404, "ticket_not_found")
    assert VAT not in ids_matching(client, {"field": "created_at", "operator": ">", "value": 0})
    with httpx.Client(transport=sandbox.transport()) as anonymous:
        assert anonymous.get(invoice["url"]).status_code == 404


# -- updating ----------------------------------------------------------------------------------------------------


def test_update_changes_state_attributes_assignment_and_snooze_and_records_parts(client: httpx.Client) -> None:
    ticket = create(client)
    snooze = int(time.time()) + 3600
    body = {
        "ticket_attributes": {"_default_title_": "Login fails on SSO", "browser": "Edge"},
        "state": "waiting_on_customer",
        "assignment": {"admin_id": MAYA, "assignee_id": TOMAS},
        "snoozed_until": snooze,
        "is_shared": False,
    }
    updated = conforming(client.put(f"/tickets/{ticket['id']}", json=body, headers=V211))
    assert updated["ticket_state"] == "waiting_on_customer"
    assert updated["ticket_state_external_label"] == "Waiting on you"
    assert updated["ticket_attributes"]["_default_title_"] == "Login fails on SSO"
    assert updated["ticket_attributes"]["browser"] == "Edge"
    assert updated["admin_assignee_id"] == TOMAS and updated["snoozed_until"] == snooze
    assert updated["is_shared"] is False and updated["open"] is True
    kinds = [p["part_type"] for p in updated["ticket_parts"]["ticket_parts"]]
    assert kinds == ["ticket_state_updated_by_admin", *["ticket_attribute_updated_by_admin"] * 2,
                     "ticket_state_updated_by_admin", "assignment", "snoozed"]  # fmt: skip
    state_part, assignment = updated["ticket_parts"]["ticket_parts"][3:5]
    assert (state_part["previous_ticket_state"], state_part["ticket_state"]) == ("submitted", "waiting_on_customer")
    assert assignment["assigned_to"] == {"type": "admin", "id": TOMAS} and assignment["author"]["id"] == MAYA
    assert conforming(client.get(f"/tickets/{ticket['id']}", headers=V211)) == updated


def test_closing_unsnoozes_and_reopening_keeps_the_state(client: httpx.Client) -> None:
    closed = conforming(client.put(f"/tickets/{VAT}", json={"open": False}))
    assert closed["open"] is False and "snoozed_until" not in closed
    assert state_of(closed) == "waiting_on_customer"
    reopened = conforming(client.put(f"/tickets/{VAT}", json={"open": True, "state": "resolved"}, headers=V211))
    assert reopened["open"] is True and reopened["ticket_state"] == "resolved"
    assert conforming(client.put(f"/tickets/{VAT}", json={}, headers=V211))["ticket_state"] == "resolved"


# Each version's update body for: resolve (the default state), assign the Tier 2 team, Maya acting.
UPDATE_BODIES = {
    "2.11": {"state": "resolved", "assignment": {"admin_id": MAYA, "assignee_id": TIER2_TEAM}},
    **{
        v: {"ticket_state_id": RESOLVED, "assignment": {"admin_id": MAYA, "assignee_id": TIER2_TEAM}}
        for v in ("2.12", "2.13")
    },
    **{
        v: {"ticket_state_id": RESOLVED, "admin_id": int(MAYA), "assignee_id": TIER2_TEAM}
        for v in ("2.14", "2.15", "2.16")
    },
}


@pytest.mark.parametrize("version", VERSIONS)
def test_update_takes_each_versions_state_and_assignment_fields(client: httpx.Client, version: str) -> None:
    headers = {"Intercom-Version": version}
    updated = conforming(client.put(f"/tickets/{CSV_EXPORT}", json=UPDATE_BODIES[version], headers=headers))
    assert state_of(updated) == "resolved"
    assert str(updated["team_assignee_id"]) == TIER2_TEAM
    state_part, assignment = updated["ticket_parts"]["ticket_parts"][-2:]
    assert (state_part["previous_ticket_state"], state_part["ticket_state"]) == ("submitted", "resolved")
    assert assignment["assigned_to"] == {"type": "team", "id": TIER2_TEAM} and assignment["author"]["id"] == MAYA
    # From 2.14 the admin named by `admin_id` performs the whole update; before, only the assignment.
    assert state_part["author"]["id"] == (MAYA if version >= "2.14" else "991267800")
    if version >= "2.12":
        assert updated["ticket_state"]["id"] == RESOLVED and updated["previous_ticket_state_id"] == SUBMITTED


@pytest.mark.parametrize(
    ("version", "body"),
    [
        ("2.11", {"ticket_state_id": RESOLVED, "admin_id": int(MAYA), "assignee_id": TOMAS}),
        ("2.13", {"state": "resolved", "admin_id": int(MAYA), "assignee_id": TOMAS}),
        ("2.16", {"state": "resolved", "assignment": {"admin_id": MAYA, "assignee_id": TOMAS}}),
    ],
)
def test_fields_of_other_versions_are_let_through_and_ignored(
    client: httpx.Client, version: str, body: dict[str, Any]
) -> None:
    """Intercom's schemas allow other keys (so its spec accepts them) and document no effect for them."""
    before = conforming(client.get(f"/tickets/{CSV_EXPORT}", headers=V211))
    unchanged = conforming(client.put(f"/tickets/{CSV_EXPORT}", json=body, headers={"Intercom-Version": version}))
    assert state_of(unchanged) == "submitted" and str(unchanged["admin_assignee_id"]) == "0"
    after = conforming(client.get(f"/tickets/{CSV_EXPORT}", headers=V211))
    assert after["ticket_parts"] == before["ticket_parts"]


def test_a_custom_state_is_set_on_its_own_type_only(client: httpx.Client) -> None:
    escalated = conforming(client.put(f"/tickets/{CSV_EXPORT}", json={"ticket_state_id": WITH_ENGINEERING}))
    assert escalated["ticket_state"] == {
        "type": "ticket_state",
        "id": WITH_ENGINEERING,
        "category": "in_progress",
        "internal_label": "With engineering",
        "external_label": "In progress",
    }
    assert conforming(client.get(f"/tickets/{CSV_EXPORT}", headers=V211))["ticket_state"] == "in_progress"
    error = error_of(
        client.put(f"/tickets/{REFUND}", json={"ticket_state_id": WITH_ENGINEERING}), 400, "ticket_state_id_invalid"
    )
    assert error["message"] == "Ticket state id is not valid or is not associated with the ticket type"


@pytest.mark.parametrize("version", ["2.11", "2.16"])
def test_zero_unassigns(client: httpx.Client, version: str) -> None:
    body = {"assignment": {"admin_id": MAYA, "assignee_id": "0"}} if version == "2.11" else {"assignee_id": "0"}
    unassigned = conforming(client.put(f"/tickets/{CHECKOUT}", json=body, headers={"Intercom-Version": version}))
    assert str(unassigned["admin_assignee_id"]) == "0"
    assert unassigned["ticket_parts"]["ticket_parts"][-1]["assigned_to"] == {"type": "nobody_admin", "id": None}


@pytest.mark.parametrize(
    ("version", "body", "status", "code"),
    [
        ("2.11", {"state": "submitted"}, 400, "parameter_invalid"),  # 2.11 `state` cannot go back to submitted
        ("2.11", {"state": "on_hold"}, 400, "parameter_invalid"),
        ("2.11", {"state": None}, 400, "parameter_invalid"),
        ("2.11", {"assignment": {"admin_id": MAYA, "assignee_id": None}}, 400, "parameter_invalid"),
        ("2.11", {"assignment": "maya"}, 400, "parameter_invalid"),
        ("2.11", {"assignment": {"admin_id": "123", "assignee_id": TOMAS}}, 404, "assignee_not_found"),
        ("2.11", {"assignment": {"admin_id": MAYA, "assignee_id": "456"}}, 404, "assignee_not_found"),
        ("2.13", {"ticket_state_id": "1"}, 400, "ticket_state_id_invalid"),
        ("2.13", {"assignment": {"admin_id": MAYA, "assignee_id": "456"}}, 404, "assignee_not_found"),
        ("2.16", {"ticket_state_id": "1"}, 400, "ticket_state_id_invalid"),
        ("2.16", {"ticket_state_id": WAITING_ON_FINANCE}, 400, "ticket_state_id_invalid"),  # another type's
        ("2.16", {"ticket_state_id": None}, 400, "parameter_invalid"),
        ("2.16", {"admin_id": MAYA}, 400, "parameter_invalid"),  # an integer since 2.14
        ("2.16", {"admin_id": 123, "assignee_id": TOMAS}, 404, "assignee_not_found"),
        ("2.16", {"admin_id": int(MAYA), "assignee_id": "456"}, 404, "assignee_not_found"),
        ("2.16", {"open": "no"}, 400, "parameter_invalid"),
        ("2.16", {"open": None}, 400, "parameter_invalid"),  # optional fields may be left out, not sent as null
        ("2.16", {"snoozed_until": "tomorrow"}, 400, "parameter_invalid"),
        ("2.16", {"is_shared": 1}, 400, "parameter_invalid"),
        ("2.16", {"ticket_attributes": "title"}, 400, "parameter_invalid"),
    ],
)
def test_a_refused_update_changes_nothing(
    client: httpx.Client, version: str, body: dict[str, Any], status: int, code: str
) -> None:
    headers = {"Intercom-Version": version}
    before = conforming(client.get(f"/tickets/{CHECKOUT}", headers=headers))
    with_title = {"ticket_attributes": {"_default_title_": "changed"}, "open": False, **body}
    error_of(client.put(f"/tickets/{CHECKOUT}", json=with_title, headers=headers), status, code)
    assert conforming(client.get(f"/tickets/{CHECKOUT}", headers=headers)) == before


# -- search --------------------------------------------------------------------------------------------------------


def test_search_single_filters(client: httpx.Client) -> None:
    assert ids_matching(client, {"field": "open", "operator": "=", "value": True}) == [CHECKOUT, VAT, CSV_EXPORT]
    assert ids_matching(client, {"field": "open", "operator": "!=", "value": True}) == [REFUND]
    assert ids_matching(client, {"field": "state", "operator": "IN", "value": ["submitted", "resolved"]}) == [
        REFUND,
        CSV_EXPORT,
    ]
    assert ids_matching(client, {"field": "state", "operator": "NIN", "value": ["submitted", "resolved"]}) == [
        CHECKOUT,
        VAT,
    ]
    assert ids_matching(client, {"field": "title", "operator": "~", "value": "INVOICE"}) == [VAT]
    assert ids_matching(client, {"field": "title", "operator": "!~", "value": "e"}) == []
    assert ids_matching(client, {"field": "title", "operator": "^", "value": "csv"}) == [CSV_EXPORT]
    assert ids_matching(client, {"field": "description", "operator": "$", "value": "error shown."}) == [CHECKOUT]
    assert ids_matching(client, {"field": "contact_ids", "operator": "=", "value": JO_ID}) == [CHECKOUT]
    assert ids_matching(client, {"field": "teammate_ids", "operator": "=", "value": MAYA}) == [CHECKOUT]
    assert ids_matching(client, {"field": "admin_assignee_id", "operator": "=", "value": "0"}) == [
        VAT,
        REFUND,
        CSV_EXPORT,
    ]
    assert ids_matching(client, {"field": "team_assignee_id", "operator": "=", "value": int(TIER2_TEAM)}) == [CHECKOUT]
    assert ids_matching(client, {"field": "category", "operator": "=", "value": "Back-office"}) == [REFUND]
    assert ids_matching(client, {"field": "ticket_type_id", "operator": "=", "value": BUG_REPORT}) == [
        CHECKOUT,
        VAT,
        CSV_EXPORT,
    ]
    assert ids_matching(client, {"field": "id", "operator": "=", "value": VAT}) == [VAT]
    attribute = f"ticket_attribute.{BROWSER_ATTRIBUTE}"
    assert ids_matching(client, {"field": attribute, "operator": "~", "value": "firefox"}) == [CSV_EXPORT]
    assert ids_matching(client, {"field": "snoozed_until", "operator": ">", "value": int(time.time())}) == [VAT]


def test_search_dates_compare_inclusively_as_documented(client: httpx.Client) -> None:
    created = conforming(client.get(f"/tickets/{REFUND}"))["created_at"]
    assert REFUND in ids_matching(client, {"field": "created_at", "operator": ">", "value": created})
    assert REFUND in ids_matching(client, {"field": "created_at", "operator": "<", "value": created})
    assert ids_matching(client, {"field": "created_at", "operator": ">=", "value": created}) == [REFUND, CSV_EXPORT]
    assert ids_matching(client, {"field": "created_at", "operator": "<=", "value": str(created)}) == [
        CHECKOUT,
        VAT,
        REFUND,
    ]
    assert ids_matching(client, {"field": "created_at", "operator": "=", "value": created}) == [REFUND]


def test_search_groups_combine_and_nest(client: httpx.Client) -> None:
    either_state = {
        "operator": "OR",
        "value": [
            {"field": "state", "operator": "=", "value": "submitted"},
            {"field": "state", "operator": "=", "value": "waiting_on_customer"},
        ],
    }
    query = {"operator": "AND", "value": [{"field": "open", "operator": "=", "value": True}, either_state]}
    assert ids_matching(client, query) == [VAT, CSV_EXPORT]
    assert ids_matching(client, either_state) == [VAT, CSV_EXPORT]
    # `pagination` may be null (Intercom's schema says so): the default page of 20.
    unpaged = conforming(client.post("/tickets/search", json={"query": either_state, "pagination": None}))
    assert unpaged["pages"]["per_page"] == 20 and unpaged["total_count"] == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "query"),
        ({"query": "open"}, "query"),
        ({"query": {"field": "priority", "operator": "=", "value": "high"}}, "query.field"),
        ({"query": {"field": "title", "operator": ">", "value": "a"}}, "query.operator"),
        ({"query": {"field": "updated_at", "operator": ">=", "value": 1}}, "query.operator"),
        ({"query": {"field": "state", "operator": "IN", "value": "submitted"}}, "query.value"),
        ({"query": {"field": "created_at", "operator": ">", "value": "foobar"}}, "query.value"),
        ({"query": {"field": "open", "operator": "=", "value": "maybe"}}, "query.value"),
        ({"query": {"field": "open", "operator": "="}}, "query.value"),
        ({"query": {"field": "ticket_attribute.999", "operator": "=", "value": "x"}}, "query.field"),
        ({"query": {"operator": "XOR", "value": []}}, "query"),
        ({"query": {"operator": "AND", "value": []}}, "query"),
        (
            {
                "query": {
                    "operator": "AND",
                    "value": [
                        {
                            "operator": "OR",
                            "value": [
                                {"operator": "AND", "value": [{"field": "open", "operator": "=", "value": True}]}
                            ],
                        }
                    ],
                }
            },
            "query",
        ),
        ({"query": {"operator": "OR", "value": [{"field": "open", "operator": "=", "value": True}] * 16}}, "query"),
        (
            {"query": {"field": "open", "operator": "=", "value": True}, "pagination": {"per_page": 0}},
            "pagination.per_page",
        ),
        (
            {"query": {"field": "open", "operator": "=", "value": True}, "pagination": {"starting_after": None}},
            "pagination.per_page",
        ),
        ({"query": {"field": "open", "operator": {}, "value": True}}, "query.operator"),
        (
            {"query": {"field": "open", "operator": "=", "value": True}, "pagination": {"per_page": 151}},
            "pagination.per_page",
        ),
        (
            {
                "query": {"field": "open", "operator": "=", "value": True},
                "pagination": {"per_page": 5, "starting_after": "%%"},
            },
            "pagination.starting_after",
        ),
    ],
)
def test_search_refuses_queries_intercom_refuses(client: httpx.Client, body: dict[str, Any], field: str) -> None:
    error = error_of(
        client.post("/tickets/search", json=body), 400, "parameter_not_found" if body == {} else "parameter_invalid"
    )
    assert error["field"] == field


def test_search_pages_with_the_starting_after_cursor(client: httpx.Client) -> None:
    for n in range(3):
        create(client, ticket_attributes={"_default_title_": f"extra {n}"})
    everything = {"field": "created_at", "operator": ">", "value": 0}
    seen: list[str] = []
    pages: list[dict[str, Any]] = []
    page = search(client, everything, per_page=3)
    while True:
        pages.append(page["pages"])
        assert page["total_count"] == 7
        seen += [t["id"] for t in page["tickets"]]
        if "next" not in page["pages"]:
            break
        page = search(client, everything, **page["pages"]["next"])
    assert seen == [CHECKOUT, VAT, REFUND, CSV_EXPORT, "615", "616", "617"]
    assert [(p["page"], p["per_page"], p["total_pages"]) for p in pages] == [(1, 3, 3), (2, 3, 3), (3, 3, 3)]
    cursor = pages[0]["next"]["starting_after"]
    assert base64.b64decode(cursor).decode().endswith(f',"{REFUND}"]')  # [created_at ms, "id"], as Intercom's
    empty = search(client, {"field": "id", "operator": "=", "value": "nope"})
    assert empty["tickets"] == [] and empty["total_count"] == 0
    assert empty["pages"] == {"type": "pages", "page": 1, "per_page": 20, "total_pages": 0}


# -- replies and attachments -------------------------------------------------------------------------------------


def test_admin_replies_become_ticket_parts(client: httpx.Client) -> None:
    ticket = create(client)
    path = f"/tickets/{ticket['id']}/reply"
    comment = conforming(
        client.post(path, json={"message_type": "comment", "type": "admin", "admin_id": MAYA, "body": "<p>On it</p>"})
    )
    note = conforming(
        client.post(
            path, json={"message_type": "note", "type": "admin", "admin_id": int(TOMAS), "body": "<b>internal</b>"}
        )
    )
    options = [{"text": "Yes", "uuid": str(uuid.uuid4())}, {"text": "No", "uuid": str(uuid.uuid4())}]
    quick = conforming(
        client.post(
            path, json={"message_type": "quick_reply", "type": "admin", "admin_id": MAYA, "reply_options": options}
        )
    )
    assert (comment["type"], comment["part_type"], comment["body"]) == ("ticket_part", "comment", "<p>On it</p>")
    assert comment["author"] == {
        "id": MAYA,
        "type": "admin",
        "name": "Maya Okafor",
        "email": "maya.okafor@acme-support.example",
    }
    assert note["part_type"] == "note" and note["author"]["id"] == TOMAS
    assert quick["part_type"] == "quick_reply" and "body" not in quick
    assert "ticket_state" not in comment and comment["attachments"] == [] and comment["redacted"] is False
    parts = parts_of(client, ticket["id"])
    assert [p["id"] for p in parts[-3:]] == [comment["id"], note["id"], quick["id"]]
    assert parts[-3] == comment
    written_at = conforming(
        client.post(
            path,
            json={"message_type": "note", "type": "admin", "admin_id": MAYA, "body": "b", "created_at": 1719493024},
        )
    )
    assert written_at["created_at"] == 1719493024


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"message_type": "comment", "admin_id": MAYA, "body": "x"}, 400, "parameter_not_found"),
        ({"type": "admin", "admin_id": MAYA, "body": "x"}, 400, "parameter_not_found"),
        ({"message_type": "comment", "type": "bot", "body": "x"}, 400, "parameter_invalid"),
        ({"message_type": "comment", "type": "admin", "body": "x"}, 400, "parameter_not_found"),
        ({"message_type": "comment", "type": "admin", "admin_id": "123", "body": "x"}, 404, "admin_not_found"),
        ({"message_type": "email", "type": "admin", "admin_id": MAYA, "body": "x"}, 400, "parameter_invalid"),
        ({"message_type": "comment", "type": "admin", "admin_id": MAYA}, 400, "parameter_invalid"),
        ({"message_type": "note", "type": "admin", "admin_id": MAYA, "body": "  "}, 400, "parameter_invalid"),
        (
            {"message_type": "note", "type": "admin", "admin_id": MAYA, "body": "x", "created_at": None},
            400,
            "parameter_invalid",
        ),
        (
            {**NOTE, "reply_options": [{"text": "", "uuid": ""}]},
            400,
            "parameter_invalid",
        ),
        ({"message_type": "quick_reply", "type": "admin", "admin_id": MAYA}, 400, "parameter_invalid"),
        (
            {
                "message_type": "quick_reply",
                "type": "admin",
                "admin_id": MAYA,
                "reply_options": [{"text": "Yes", "uuid": "1"}],
            },
            400,
            "parameter_invalid",
        ),
        ({"message_type": "note", "type": "user", "body": "x", "email": JO_EMAIL}, 400, "parameter_invalid"),
        ({"message_type": "comment", "type": "user", "email": JO_EMAIL}, 400, "parameter_invalid"),
        ({"message_type": "comment", "type": "user", "body": "x"}, 400, "parameter_invalid"),
        (
            {
                "message_type": "comment",
                "type": "user",
                "body": "x",
                "email": JO_EMAIL,
                "reply_options": [{"text": "Y"}],
            },
            400,
            "parameter_invalid",
        ),
        (
            {"message_type": "comment", "type": "user", "body": "x", "email": JO_EMAIL, "user_id": JO_EXTERNAL},
            400,
            "parameter_invalid",
        ),
        (
            {"message_type": "comment", "type": "user", "body": "x", "intercom_user_id": "667d61a68a68186f43bafe85"},
            404,
            "not_found",
        ),
        (
            {"message_type": "comment", "type": "admin", "admin_id": MAYA, "body": "x", "attachment_urls": "a.png"},
            400,
            "parameter_invalid",
        ),
        (
            {
                "message_type": "comment",
                "type": "admin",
                "admin_id": MAYA,
                "body": "x",
                "attachment_urls": ["file:///etc/passwd"],
            },
            400,
            "parameter_invalid",
        ),
        (
            {
                "message_type": "comment",
                "type": "admin",
                "admin_id": MAYA,
                "body": "x",
                "attachment_urls": ["https://x.example/a.png"] * 11,
            },
            400,
            "parameter_invalid",
        ),
    ],
)
def test_a_refused_reply_adds_nothing(client: httpx.Client, body: dict[str, Any], status: int, code: str) -> None:
    before = parts_of(client, CHECKOUT)
    error_of(client.post(f"/tickets/{CHECKOUT}/reply", json=body), status, code)
    assert parts_of(client, CHECKOUT) == before


def test_contact_replies_name_the_contact_and_are_refused_on_back_office_tickets(client: httpx.Client) -> None:
    for key, value in (("email", JO_EMAIL), ("intercom_user_id", JO_ID), ("user_id", JO_EXTERNAL)):
        part = conforming(
            client.post(
                f"/tickets/{CHECKOUT}/reply",
                json={"message_type": "comment", "type": "user", "body": "Thanks!", key: value},
            )
        )
        assert part["part_type"] == "comment" and part["body"] == "Thanks!"
        assert part["author"] == {"id": JO_ID, "type": "user", "name": "Jo Rivera", "email": JO_EMAIL}
    chose = {"text": "Yes", "uuid": str(uuid.uuid4())}
    answer = {"message_type": "comment", "type": "user", "body": "Yes", "email": JO_EMAIL, "reply_options": [chose]}
    assert conforming(client.post(f"/tickets/{CHECKOUT}/reply", json=answer))["body"] == "Yes"
    refused = client.post(
        f"/tickets/{REFUND}/reply",
        json={"message_type": "comment", "type": "user", "body": "hi", "email": "sam.patel@northwind.example"},
    )
    error = error_of(refused, 400, "parameter_mismatch")
    assert error["message"] == "User replies are not allowed on Backoffice tickets"


def test_attachment_urls_become_part_files_served_without_a_token(sandbox: Sandbox, client: httpx.Client) -> None:
    screenshot = parts_of(client, CHECKOUT)[2]["attachments"][0]
    urls = [screenshot["url"], "https://cdn.example.com/uploads/error%20page.png"]
    part = conforming(
        client.post(
            f"/tickets/{CSV_EXPORT}/reply",
            json={"message_type": "comment", "type": "admin", "admin_id": MAYA, "body": "see", "attachment_urls": urls},
        )
    )
    copied, stand_in = part["attachments"]
    assert copied["name"] == "checkout-safari.png" and copied["url"] != screenshot["url"]
    assert (copied["content_type"], copied["width"], copied["height"]) == ("image/png", 4, 3)
    assert copied["url"].startswith(f"{sandbox.base_url}/sandbox-files/")
    assert stand_in["name"] == "error page.png" and stand_in["url"].endswith("/error%20page.png")
    with httpx.Client(transport=sandbox.transport()) as anonymous:  # no Authorization at all
        original = anonymous.get(screenshot["url"])
        assert original.status_code == 200 and original.headers["content-type"] == "image/png"
        assert original.content.startswith(b"\x89PNG") and len(original.content) == screenshot["filesize"]
        assert anonymous.get(copied["url"]).content == original.content
        placeholder = anonymous.get(stand_in["url"])
        assert b"was not fetched" in placeholder.content and len(placeholder.content) == stand_in["filesize"]
        assert anonymous.get(f"{sandbox.base_url}/sandbox-files/9999/x.png").status_code == 404
        assert anonymous.get(screenshot["url"].replace("checkout-safari", "other")).status_code == 404
    assert parts_of(client, CSV_EXPORT)[-1] == part


# -- seed, clock, faults ---------------------------------------------------------------------------------------------


def test_the_seed_has_varied_tickets_with_threads_and_files(client: httpx.Client) -> None:
    tickets = search(client, {"field": "created_at", "operator": ">", "value": 0})["tickets"]
    states = {t["id"]: (state_of(t), t["open"], "snoozed_until" in t) for t in tickets}
    assert states == {
        CHECKOUT: ("in_progress", True, False),
        VAT: ("waiting_on_customer", True, True),
        REFUND: ("resolved", False, False),
        CSV_EXPORT: ("submitted", True, False),
    }
    files = [a for t in tickets for p in t["ticket_parts"]["ticket_parts"] for a in p["attachments"]]
    assert {f["content_type"] for f in files} == {"image/png", "text/plain", "application/pdf"}
    kinds = {p["part_type"] for t in tickets for p in t["ticket_parts"]["ticket_parts"]}
    assert {"comment", "note", "assignment", "snoozed", "ticket_state_updated_by_admin"} <= kinds
    now = time.time()
    assert all(now - 7 * 86400 < t["created_at"] <= t["updated_at"] <= now for t in tickets)
    assert (
        Sandbox("intercom", demo=False)
        .app.handle(
            httpx.Request(
                "POST",
                "https://api.intercom.io/tickets/search",
                headers=AUTH,
                json={"query": {"field": "open", "operator": "=", "value": True}},
            )
        )
        .json()["total_count"]
        == 0
    )


def test_injected_rate_limits_answer_intercoms_429(sandbox: Sandbox) -> None:
    limited = Sandbox("intercom", faults=Faults(rate_limit_rate=1.0, retry_after=2))
    with httpx.Client(transport=limited.transport(), base_url=limited.base_url, headers=AUTH) as http:
        response = http.get(f"/tickets/{CHECKOUT}")
    error_of(response, 429, "sandbox_fault")
    assert response.headers["Retry-After"] == "2"
    assert "X-RateLimit-Reset" not in response.headers  # it would override the wait the fault chose


# -- through the unified desk --------------------------------------------------------------------------------------


def desk_for(sandbox: Sandbox) -> ticketkit.Desk:
    return ticketkit.connect("intercom", **sandbox.connect_options())


def async_desk_for(sandbox: Sandbox) -> ticketkit.AsyncDesk:
    return ticketkit.connect_async("intercom", **sandbox.connect_options())


def test_desk_gets_a_ticket_with_its_thread(sandbox: Sandbox) -> None:
    with desk_for(sandbox) as desk:
        ticket = desk.tickets.get(CHECKOUT)
    assert ticket.status is TicketStatus.IN_PROGRESS and ticket.subject == "Checkout button does nothing in Safari 17"
    assert ticket.requester is not None and ticket.requester.id == JO_ID
    assert ticket.assignee is not None and ticket.assignee.id == MAYA
    assert ticket.comments is not None and [c.internal for c in ticket.comments] == [False, False, True]
    assert [a.name for a in ticket.attachments] == ["checkout-safari.png", "console-log.txt"]


def test_desk_lists_every_ticket_across_pages_and_by_status(sandbox: Sandbox) -> None:
    with desk_for(sandbox) as desk:
        assert [t.id for t in desk.tickets.list(page_size=1)] == [CHECKOUT, VAT, REFUND, CSV_EXPORT]
        assert [t.id for t in desk.tickets.list(status="waiting_on_customer")] == []  # snoozed: on hold
        assert [t.id for t in desk.tickets.list(status=TicketStatus.ON_HOLD)] == [VAT]
        assert [t.id for t in desk.tickets.list(status="new")] == [CSV_EXPORT]


def test_desk_creates_a_ticket(sandbox: Sandbox, client: httpx.Client) -> None:
    with desk_for(sandbox) as desk:
        ticket = desk.tickets.create(subject="Cannot log in", description="SSO loops", requester_email=JO_EMAIL)
    assert ticket.status is TicketStatus.NEW and ticket.subject == "Cannot log in"
    raw = conforming(client.get(f"/tickets/{ticket.id}"))
    assert raw["ticket_type"]["id"] == BUG_REPORT and raw["contacts"]["contacts"][0]["id"] == JO_ID
    assert raw["ticket_attributes"]["_default_description_"] == "SSO loops"


def test_desk_updates_a_ticket(sandbox: Sandbox, client: httpx.Client) -> None:
    with desk_for(sandbox) as desk:
        ticket = desk.tickets.update(CSV_EXPORT, status="in_progress", subject="CSV export times out (50k+)")
    assert ticket.status is TicketStatus.IN_PROGRESS and ticket.subject == "CSV export times out (50k+)"
    assert state_of(conforming(client.get(f"/tickets/{CSV_EXPORT}"))) == "in_progress"


def test_desk_closes_a_ticket(sandbox: Sandbox, client: httpx.Client) -> None:
    with desk_for(sandbox) as desk:
        assert desk.tickets.close(CSV_EXPORT).status is TicketStatus.CLOSED
    assert conforming(client.get(f"/tickets/{CSV_EXPORT}"))["open"] is False


def test_desk_lists_comments(sandbox: Sandbox) -> None:
    with desk_for(sandbox) as desk:
        comments = desk.comments.list(VAT)
    assert [c.body_text for c in comments] == [
        "The invoice is attached; the VAT number should be GB 123 4567 89.",
        "Could you confirm the workspace id the invoice belongs to?",
    ]
    assert comments[0].attachments[0].content_type == "application/pdf"


def test_desk_creates_comments_and_notes(sandbox: Sandbox, client: httpx.Client) -> None:
    with desk_for(sandbox) as desk:
        reply = desk.comments.create(CSV_EXPORT, body="We are looking into it.")
        note = desk.comments.create(CSV_EXPORT, body="Probably the 30 s proxy timeout.", internal=True)
    assert (reply.internal, note.internal) == (False, True)
    parts = parts_of(client, CSV_EXPORT)[-2:]
    assert [(p["part_type"], p["author"]["id"]) for p in parts] == [("comment", MAYA), ("note", MAYA)]


def test_desk_downloads_an_attachment(sandbox: Sandbox) -> None:
    with desk_for(sandbox) as desk:
        [invoice] = desk.tickets.get(VAT).attachments
        assert desk.attachments.download(invoice).startswith(b"%PDF-1.4")


def test_desk_errors_come_from_the_fake(sandbox: Sandbox) -> None:
    with desk_for(sandbox) as desk:
        with pytest.raises(NotFoundError) as missing:
            desk.tickets.get("99999")
        assert missing.value.code == "ticket_not_found"
        with pytest.raises(InvalidRequestError):
            desk.tickets.create(subject="x", requester_email=JO_EMAIL, ticket_type_id="999")


def test_async_desk_does_every_operation(sandbox: Sandbox) -> None:
    async def scenario() -> None:
        async with async_desk_for(sandbox) as desk:
            assert (await desk.tickets.get(CHECKOUT)).status is TicketStatus.IN_PROGRESS
            assert [t.id async for t in desk.tickets.list(page_size=2)] == [CHECKOUT, VAT, REFUND, CSV_EXPORT]
            created = await desk.tickets.create(subject="Async", description="made async", requester_email=JO_EMAIL)
            assert created.status is TicketStatus.NEW
            updated = await desk.tickets.update(created.id, status="waiting_on_customer")
            assert updated.status is TicketStatus.WAITING_ON_CUSTOMER
            comment = await desk.comments.create(created.id, body="Any news?")
            assert [c.id for c in await desk.comments.list(created.id)] == [comment.id]
            assert (await desk.tickets.close(created.id)).status is TicketStatus.CLOSED
            [invoice] = (await desk.tickets.get(VAT)).attachments
            assert (await desk.attachments.download(invoice)).startswith(b"%PDF")

    asyncio.run(scenario())


def test_desk_round_trip_over_loopback() -> None:
    with serving("intercom") as sandbox:
        assert sandbox.base_url.startswith("http://127.0.0.1:")
        with ticketkit.connect("intercom", base_url=sandbox.base_url, **sandbox.app.connect_options()) as desk:
            ticket = desk.tickets.create(subject="Over the wire", requester_email="wire@example.com")
            desk.comments.create(ticket.id, body="real sockets")
            assert [c.body_text for c in desk.comments.list(ticket.id)] == ["real sockets"]
            shot = desk.tickets.get(CHECKOUT).attachments[0]
            assert shot.url is not None and shot.url.startswith(sandbox.base_url)
            assert desk.attachments.download(shot).startswith(b"\x89PNG")


# -- every unified operation on every version --------------------------------------------------------------------


def versioned_desk(sandbox: Sandbox, version: str) -> ticketkit.Desk:
    return ticketkit.connect("intercom", **{**sandbox.connect_options(), "api_version": version})


def raw_ticket(client: httpx.Client, ticket_id: str) -> dict[str, Any]:
    """The ticket as the fake holds it, in the newest shape (ground truth for what the desk did)."""
    ticket: dict[str, Any] = conforming(client.get(f"/tickets/{ticket_id}", headers=V216))
    return ticket


@pytest.mark.parametrize("version", VERSIONS)
def test_desk_reads_on_every_version(sandbox: Sandbox, version: str) -> None:
    with versioned_desk(sandbox, version) as desk:
        checkout = desk.tickets.get(CHECKOUT)
        assert (checkout.status, checkout.status_raw) == (TicketStatus.IN_PROGRESS, "in_progress")
        assert checkout.assignee is not None and checkout.assignee.id == MAYA
        assert [c.internal for c in checkout.comments or []] == [False, False, True]
        assert next(c.body_text or "" for c in desk.comments.list(VAT)).startswith("The invoice is attached")
        assert [t.id for t in desk.tickets.list(page_size=1)] == [CHECKOUT, VAT, REFUND, CSV_EXPORT]
        by_status = {s: [t.id for t in desk.tickets.list(status=s)] for s in SETTABLE_BY_SEARCH}
        [invoice] = desk.tickets.get(VAT).attachments
        assert desk.attachments.download(invoice).startswith(b"%PDF-1.4")
    assert by_status == {
        TicketStatus.NEW: [CSV_EXPORT],
        TicketStatus.IN_PROGRESS: [CHECKOUT],
        TicketStatus.WAITING_ON_CUSTOMER: [],  # the VAT ticket is snoozed: on hold
        TicketStatus.ON_HOLD: [VAT],
        TicketStatus.RESOLVED: [REFUND],
        TicketStatus.CLOSED: [],  # the refund review is closed but resolved
    }


SETTABLE_BY_SEARCH = [
    TicketStatus.NEW,
    TicketStatus.IN_PROGRESS,
    TicketStatus.WAITING_ON_CUSTOMER,
    TicketStatus.ON_HOLD,
    TicketStatus.RESOLVED,
    TicketStatus.CLOSED,
]


@pytest.mark.parametrize("version", VERSIONS)
def test_desk_writes_on_every_version(sandbox: Sandbox, client: httpx.Client, version: str) -> None:
    with versioned_desk(sandbox, version) as desk:
        ticket = desk.tickets.create(subject="Cannot log in", description="SSO loops", requester_email=JO_EMAIL)
        assert (ticket.status, ticket.assignee) == (TicketStatus.NEW, None)
        steps = [TicketStatus.RESOLVED, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.IN_PROGRESS]
        if version != "2.11":  # 2.11's `state` never goes back to submitted; a state id can
            steps.append(TicketStatus.NEW)
        for status in steps:
            assert desk.tickets.update(ticket.id, status=status).status is status
            assert state_of(raw_ticket(client, ticket.id)) == SEARCH_STATE[status]
        team = desk.tickets.update(ticket.id, assignee_id=TIER2_TEAM, subject="Cannot log in (SSO)")
        assert team.assignee == Party(kind=PartyKind.TEAM, id=TIER2_TEAM) and team.subject == "Cannot log in (SSO)"
        admin = desk.tickets.update(ticket.id, assignee_id=int(TOMAS))
        assert admin.assignee == Party(kind=PartyKind.AGENT, id=TOMAS)
        nobody = desk.tickets.update(ticket.id, assignee_id="0")
        assert nobody.assignee == Party(kind=PartyKind.TEAM, id=TIER2_TEAM)  # the team stays assigned
        reply = desk.comments.create(ticket.id, body="We are looking into it.")
        note = desk.comments.create(ticket.id, body="Probably the SSO proxy.", internal=True)
        assert [(c.id, c.internal) for c in desk.comments.list(ticket.id)] == [(reply.id, False), (note.id, True)]
        assert desk.tickets.close(ticket.id).status is TicketStatus.CLOSED
    raw = raw_ticket(client, ticket.id)
    assert raw["open"] is False and raw["admin_assignee_id"] == 0 and raw["team_assignee_id"] == int(TIER2_TEAM)
    assignments = [p for p in raw["ticket_parts"]["ticket_parts"] if p["part_type"] == "assignment"]
    assert [p["author"]["id"] for p in assignments] == [MAYA] * 3  # the admin given to connect() acts


SEARCH_STATE = {
    TicketStatus.NEW: "submitted",
    TicketStatus.IN_PROGRESS: "in_progress",
    TicketStatus.WAITING_ON_CUSTOMER: "waiting_on_customer",
    TicketStatus.RESOLVED: "resolved",
}


@pytest.mark.parametrize("version", VERSIONS)
def test_desk_creates_assigned_tickets_from_2_14(sandbox: Sandbox, client: httpx.Client, version: str) -> None:
    with versioned_desk(sandbox, version) as desk:
        if version < "2.14":
            with pytest.raises(ticketkit.InvalidArgumentError, match="cannot assign a ticket as it creates it"):
                desk.tickets.create(subject="Assigned", requester_email=JO_EMAIL, assignee_id=TOMAS)
            return
        ticket = desk.tickets.create(
            subject="Assigned", requester_email=JO_EMAIL, assignee_id=TOMAS, team_assignee_id=TIER2_TEAM
        )
    assert ticket.assignee == Party(kind=PartyKind.AGENT, id=TOMAS)
    raw = raw_ticket(client, ticket.id)
    assert (raw["admin_assignee_id"], raw["team_assignee_id"]) == (int(TOMAS), int(TIER2_TEAM))


@pytest.mark.parametrize("version", VERSIONS[1:])
def test_desk_sets_the_custom_state_it_is_given_and_the_default_one_otherwise(
    sandbox: Sandbox, client: httpx.Client, version: str
) -> None:
    with versioned_desk(sandbox, version) as desk:
        desk.tickets.update(CSV_EXPORT, ticket_state_id=WITH_ENGINEERING)
        assert raw_ticket(client, CSV_EXPORT)["ticket_state"]["id"] == WITH_ENGINEERING
        desk.tickets.update(REFUND, status="in_progress")  # the billing type has one in-progress state
        desk.tickets.update(CSV_EXPORT, status="in_progress")  # the default, which every type has
    assert raw_ticket(client, REFUND)["ticket_state"]["id"] == IN_PROGRESS
    assert raw_ticket(client, CSV_EXPORT)["ticket_state"]["id"] == IN_PROGRESS


@pytest.mark.parametrize("version", VERSIONS)
def test_async_desk_writes_on_every_version(sandbox: Sandbox, version: str) -> None:
    async def scenario() -> None:
        options = {**sandbox.connect_options(), "api_version": version}
        async with ticketkit.connect_async("intercom", **options) as desk:
            created = await desk.tickets.create(subject="Async", requester_email=JO_EMAIL)
            updates = [desk.tickets.update(created.id, status="in_progress") for _ in range(3)]
            assert {t.status for t in await asyncio.gather(*updates)} == {TicketStatus.IN_PROGRESS}
            assigned = await desk.tickets.update(created.id, assignee_id=TOMAS)
            assert assigned.assignee == Party(kind=PartyKind.AGENT, id=TOMAS)
            assert (await desk.tickets.close(created.id)).status is TicketStatus.CLOSED

    asyncio.run(scenario())


def test_the_served_sandbox_takes_its_version_from_the_command_line() -> None:
    with cli_serving("intercom", "--api-version", "2.11") as url:
        plain = httpx.get(f"{url}/tickets/{CHECKOUT}", headers=AUTH)
        assert plain.status_code == 200 and plain.json()["ticket_state"] == "in_progress"  # 2.11's string


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ankra", "--api-version", "2.16"], "--api-version is for intercom, not ankra"),
        (["intercom", "--api-version", "2.10"], "answers in one of 2.11"),
    ],
)
def test_serve_refuses_a_version_it_cannot_answer_in(args: list[str], message: str) -> None:
    from io import StringIO

    from ticketkit.cli import main

    out, err = StringIO(), StringIO()
    assert main(["sandbox", "serve", *args, "--port", "0"], out, err) == 2
    assert message in err.getvalue() and out.getvalue() == ""
