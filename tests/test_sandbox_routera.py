"""The Routera sandbox: OAuth, flat tickets, validation, archive and paging, checked against our spec.

Raw httpx requests drive the fake for the edge behaviours; every response is also checked with
`response_problems` against specs/routera.yaml. The end-to-end tests go through ticketkit's desks (sync and
async, in-process and on loopback) to prove the adapter and the fake agree.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import drive
from spec_check import response_problems
from ticketkit import TicketStatus
from ticketkit.sandbox import TOKEN, Faults, Sandbox, serving
from ticketkit.sandbox.routera.models import DOCUMENTED_TICKET_ID
from ticketkit.sandbox.routera.responses import RouteraApp

UNAUTHORIZED = {"message": "Unauthorized: missing account context", "error": True}
NOT_FOUND = {"message": "Object not found", "error": True}
ROUTERA_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
REQUIRED = {"ticket_name": "Printer on fire", "pipeline": "default", "ticket_stage": "new"}
ARCHIVED_SEED_ID = "c41a8f72-9e3b-4d06-b5a7-18f2e6d0c935"
DESK_OPTIONS = {"description_field": "description"}  # the sandbox account's description field


# -- helpers ---------------------------------------------------------------------------------------------


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox("routera")


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with raw_client(sandbox, TOKEN) as http:
        yield http


def raw_client(sandbox: Sandbox, token: str | None) -> httpx.Client:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers)


def app_of(sandbox: Sandbox) -> RouteraApp:
    assert isinstance(sandbox.app, RouteraApp)
    return sandbox.app


def checked(response: httpx.Response, status: int) -> Any:
    """The JSON body, once the status is the expected one and the response conforms to our spec."""
    assert response.status_code == status, response.text
    assert response_problems("routera", response.request, response) == []
    assert response.headers["content-type"] == "application/json"
    return response.json()


def refused(response: httpx.Response, status: int, *words: str) -> dict[str, Any]:
    """A Routera error body `{message, error: true}` whose message contains `words`."""
    body: dict[str, Any] = checked(response, status)
    assert set(body) == {"message", "error"} and body["error"] is True
    assert all(word in body["message"] for word in words), body["message"]
    return body


def create(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = checked(client.post("/tickets", json={"fields": {**REQUIRED, **fields}}), 201)
    return body


def count(client: httpx.Client, archived: bool = False) -> int:
    body = checked(client.get("/tickets", params={"archived": str(archived).lower()}), 200)
    total: int = body["pagination"]["count"]
    return total


def later(sandbox: Sandbox, seconds: float) -> None:
    """Move the sandbox's clock forward."""
    app = app_of(sandbox)
    start, offset = app.clock(), dt.timedelta(seconds=seconds)
    app.clock = lambda: start + offset


def token_form(**overrides: str) -> dict[str, str]:
    form = {"grant_type": "client_credentials", "client_id": "sandbox-client", "client_secret": "sandbox-secret"}
    return {k: v for k, v in {**form, **overrides}.items() if v != ""}


def basic(client_id: str, secret: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


# -- OAuth -----------------------------------------------------------------------------------------------


def test_client_credentials_issue_a_jwt_shaped_token_that_works(sandbox: Sandbox) -> None:
    with raw_client(sandbox, None) as http:
        token = checked(http.post("/oauth2/token", data=token_form()), 200)
        assert token["expires_in"] == 3600 and token["token_type"] == "Bearer"
        _header, payload, signature = token["access_token"].split(".")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        assert claims["sub"] == "sandbox-client" and claims["exp"] - claims["iat"] == 3600 and signature
        listed = http.get("/tickets", headers={"authorization": f"Bearer {token['access_token']}"})
        assert checked(listed, 200)["pagination"]["count"] == 3


def test_http_basic_client_authentication_is_accepted(sandbox: Sandbox) -> None:
    with raw_client(sandbox, None) as http:
        credentials = basic("sandbox-client", "sandbox-secret")
        answer = http.post("/oauth2/token", data={"grant_type": "client_credentials"}, headers=credentials)
        assert checked(answer, 200)["access_token"].count(".") == 2
        assert answer.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("form", "headers", "status", "code"),
    [
        (token_form(client_secret="wrong"), {}, 401, "invalid_client"),
        (token_form(client_id="someone-else"), {}, 401, "invalid_client"),
        (token_form(client_id="", client_secret=""), {}, 401, "invalid_client"),
        ({"grant_type": "client_credentials"}, basic("sandbox-client", "nope"), 401, "invalid_client"),
        (token_form(grant_type=""), {}, 400, "invalid_request"),
        (token_form(grant_type="password"), {}, 400, "unsupported_grant_type"),
        (token_form(grant_type="refresh_token"), {}, 400, "invalid_grant"),
    ],
)
def test_token_errors_are_oauth_bodies(
    sandbox: Sandbox, form: dict[str, str], headers: dict[str, str], status: int, code: str
) -> None:
    with raw_client(sandbox, None) as http:
        body = checked(http.post("/oauth2/token", data=form, headers=headers), status)
    assert body["error"] == code and body["error_description"]


def test_bad_basic_credentials_get_a_challenge(sandbox: Sandbox) -> None:
    with raw_client(sandbox, None) as http:
        answer = http.post("/oauth2/token", data={"grant_type": "client_credentials"}, headers=basic("x", "y"))
    assert checked(answer, 401)["error"] == "invalid_client"
    assert answer.headers["www-authenticate"].startswith("Basic")


@pytest.mark.parametrize(
    "content",
    [
        {"json": {"grant_type": "client_credentials", "client_id": "sandbox-client"}},  # not form-encoded
        {
            "content": b"grant_type=client_credentials&grant_type=client_credentials",  # a parameter twice
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ],
)
def test_malformed_token_requests_are_invalid_requests(sandbox: Sandbox, content: dict[str, Any]) -> None:
    with raw_client(sandbox, None) as http:
        assert checked(http.post("/oauth2/token", **content), 400)["error"] == "invalid_request"


def test_an_expired_token_is_refused_but_a_new_one_works(sandbox: Sandbox) -> None:
    with raw_client(sandbox, None) as http:
        token = checked(http.post("/oauth2/token", data=token_form()), 200)["access_token"]
        auth = {"authorization": f"Bearer {token}"}
        later(sandbox, 3599)
        checked(http.get("/tickets", headers=auth), 200)
        later(sandbox, 3600)
        assert checked(http.get("/tickets", headers=auth), 401) == UNAUTHORIZED
        fresh = checked(http.post("/oauth2/token", data=token_form()), 200)["access_token"]
        checked(http.get("/tickets", headers={"authorization": f"Bearer {fresh}"}), 200)


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer "])
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/tickets", None),
        ("POST", "/tickets", {"fields": REQUIRED}),
        ("GET", f"/tickets/{DOCUMENTED_TICKET_ID}", None),
        ("PATCH", f"/tickets/{DOCUMENTED_TICKET_ID}", {"fields": {"ticket_stage": "open"}}),
        ("DELETE", f"/tickets/{DOCUMENTED_TICKET_ID}", None),
    ],
)
def test_missing_or_wrong_bearer_is_the_documented_401(
    sandbox: Sandbox, authorization: str | None, method: str, path: str, body: Any
) -> None:
    headers = {"authorization": authorization} if authorization else {}
    with raw_client(sandbox, None) as http:
        assert checked(http.request(method, path, json=body, headers=headers), 401) == UNAUTHORIZED
    with raw_client(sandbox, TOKEN) as http:  # and nothing changed
        assert checked(http.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200)["archived"] is False
        assert count(http) == 3


# -- reading ---------------------------------------------------------------------------------------------


def test_the_documented_ticket_is_seeded_flat(client: httpx.Client) -> None:
    ticket = checked(client.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200)
    documented = {
        "id": DOCUMENTED_TICKET_ID,
        "external_id": "ext-001",
        "archived": False,
        "ticket_name": "Support request",
        "pipeline": "default",
        "ticket_stage": "new",
        "ticket_owner": "jane@example.com",
    }
    assert ticket.items() >= documented.items()
    assert "fields" not in ticket and "archived_by" not in ticket
    assert ticket["priority"] == "high" and ticket["description"]  # custom fields beside the system ones
    assert ROUTERA_TIME.match(ticket["created_at"]) and ROUTERA_TIME.match(ticket["updated_at"])
    assert ticket["created_at"] < ticket["updated_at"]


def test_seed_has_varied_stages_and_one_archived_ticket(client: httpx.Client) -> None:
    active = checked(client.get("/tickets"), 200)
    assert [t["ticket_stage"] for t in active["data"]] == ["new", "waiting_on_customer", "in_progress"]
    archived = checked(client.get("/tickets", params={"archived": "true"}), 200)
    assert [t["id"] for t in archived["data"]] == [ARCHIVED_SEED_ID]
    assert ROUTERA_TIME.match(archived["data"][0]["archived"]) and archived["data"][0]["archived_by"]


def test_an_archived_ticket_stays_readable(client: httpx.Client) -> None:
    ticket = checked(client.get(f"/tickets/{ARCHIVED_SEED_ID}"), 200)
    assert ticket["archived"] == ticket["updated_at"] and ticket["archived_by"] == "jane@example.com"


@pytest.mark.parametrize("ticket_id", ["nope", "550e8400-e29b-41d4-a716-000000000000", "a%20b"])
def test_unknown_ticket_is_the_vendor_404(client: httpx.Client, ticket_id: str) -> None:
    assert checked(client.get(f"/tickets/{ticket_id}"), 404) == NOT_FOUND


def test_an_escaped_slash_stays_inside_the_id(client: httpx.Client) -> None:
    answer = client.get("/tickets/..%2F..%2Fadmin")
    assert answer.status_code == 404 and answer.json() == NOT_FOUND  # the ticket route, not "No route for"
    assert response_problems("routera", answer.request, answer) == []  # matched on the raw path: one segment


def test_a_missing_ticket_id_is_400_as_documented(client: httpx.Client) -> None:
    answer = client.get("/tickets/")  # not an operation of our spec: only the documented body is checked
    assert answer.status_code == 400 and answer.json() == {"message": "Missing ticketId in path", "error": True}


def test_unknown_routes_answer_with_the_vendor_body(client: httpx.Client) -> None:
    answer = client.get("/deals")
    assert answer.status_code == 404 and answer.json()["error"] is True


@pytest.mark.parametrize("path", [f"/tickets/{DOCUMENTED_TICKET_ID}", "/tickets"])
@pytest.mark.parametrize("properties", ["phone", "ticket_name,shoe_size", " , bogus"])
def test_unknown_properties_are_400(client: httpx.Client, path: str, properties: str) -> None:
    refused(client.get(path, params={"properties": properties}), 400, "Invalid properties")


def test_known_properties_add_unset_custom_fields_and_keep_every_stored_one(client: httpx.Client) -> None:
    path = f"/tickets/{DOCUMENTED_TICKET_ID}"
    ticket = checked(client.get(path, params={"properties": "ticket_stage, seats,due_date,id"}), 200)
    assert ticket["seats"] is None and ticket["due_date"] is None  # asked for, never set: present as null
    assert ticket["priority"] == "high" and ticket["ticket_owner"] == "jane@example.com"  # kept though not asked
    plain = checked(client.get(path), 200)
    assert "seats" not in plain and plain["priority"] == "high"
    listed = checked(client.get("/tickets", params={"properties": "plan_tier"}), 200)
    assert [t["plan_tier"] for t in listed["data"]] == [None, "pro", "enterprise"]


# -- create ----------------------------------------------------------------------------------------------


def test_create_answers_201_and_the_ticket_is_stored(client: httpx.Client) -> None:
    ticket = create(client, external_id="ext-900", ticket_owner="sam@example.com", seats=12, escalated=False)
    assert ticket.items() >= {**REQUIRED, "external_id": "ext-900", "seats": 12, "escalated": False}.items()
    assert ticket["archived"] is False and "archived_by" not in ticket
    assert ticket["created_at"] == ticket["updated_at"] and ROUTERA_TIME.match(ticket["created_at"])
    assert checked(client.get(f"/tickets/{ticket['id']}"), 200) == ticket
    listed = checked(client.get("/tickets"), 200)
    assert listed["data"][-1] == ticket and listed["pagination"]["count"] == 4


def test_create_without_optional_fields_gives_nulls(client: httpx.Client) -> None:
    ticket = create(client)
    assert (ticket["external_id"], ticket["ticket_owner"]) == (None, None)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ["Missing request body"]),
        (b"{not json", ["Invalid JSON body"]),
        (b'["fields"]', ["JSON object"]),
        (b'{"fields": {"ticket_name": "x", "pipeline": "p", "ticket_stage": "new"}, "extra": 1}', ["extra"]),
        (b'{"properties": {"ticket_name": "x"}}', ["properties"]),
        (b"{}", ["fields is required"]),
        (b'{"fields": ["ticket_name"]}', ["must be an object"]),
        (b'{"fields": "ticket_name=x"}', ["must be an object"]),
        (b'{"fields": {}}', ["ticket_name", "ticket_stage", "pipeline"]),
        (b'{"fields": {"ticket_name": "x"}}', ["Missing required", "ticket_stage", "pipeline"]),
    ],
)
def test_create_refuses_bad_bodies(client: httpx.Client, content: bytes, words: list[str]) -> None:
    answer = client.post("/tickets", content=content, headers={"content-type": "application/json"})
    refused(answer, 400, *words)
    assert count(client) == 3


@pytest.mark.parametrize("field", ["id", "created_at", "updated_at", "archived", "archived_by"])
def test_create_refuses_forbidden_system_fields(client: httpx.Client, field: str) -> None:
    refused(client.post("/tickets", json={"fields": {**REQUIRED, field: "x"}}), 400, "Forbidden", field)
    assert count(client) == 3


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"shoe_size": 42}, ["Unknown field", "shoe_size"]),
        ({"ticket_name": 5}, ["ticket_name must be a string"]),
        ({"ticket_name": ""}, ["ticket_name must not be empty"]),
        ({"pipeline": None}, ["pipeline must not be empty"]),
        ({"seats": "many"}, ["seats must be a number"]),
        ({"seats": True}, ["seats must be a number"]),
        ({"escalated": "yes"}, ["escalated must be true or false"]),
        ({"priority": "extreme"}, ["priority must be one of"]),
        ({"due_date": "tomorrow"}, ["due_date must be a date"]),
        ({"due_date": "2026-07-01T00:00:00Z"}, ["due_date must be a date"]),
        ({"ticket_owner": "jane"}, ["ticket_owner must be a user"]),
        ({"external_id": ["ext"]}, ["external_id must be a string"]),
    ],
)
def test_create_validates_each_field(client: httpx.Client, fields: dict[str, Any], words: list[str]) -> None:
    refused(client.post("/tickets", json={"fields": {**REQUIRED, **fields}}), 400, *words)
    assert count(client) == 3


def test_a_duplicate_active_external_id_is_409(client: httpx.Client) -> None:
    refused(client.post("/tickets", json={"fields": {**REQUIRED, "external_id": "ext-001"}}), 409, "ext-001")
    assert count(client) == 3
    # ext-000 belongs to an archived ticket: only active records count as duplicates.
    assert create(client, external_id="ext-000")["external_id"] == "ext-000"


# -- update ----------------------------------------------------------------------------------------------


def test_update_changes_only_the_given_keys(sandbox: Sandbox, client: httpx.Client) -> None:
    before = create(client, priority="low", seats=3)
    later(sandbox, 90)
    patch = {"fields": {"ticket_stage": "in_progress", "priority": "urgent", "seats": None}}
    after = checked(client.patch(f"/tickets/{before['id']}", json=patch), 200)
    assert after["ticket_stage"] == "in_progress" and after["priority"] == "urgent"
    assert "seats" not in after  # a custom field set to null is cleared
    unchanged = {"id", "ticket_name", "pipeline", "external_id", "ticket_owner", "created_at", "archived"}
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    assert after["updated_at"] > before["updated_at"]
    assert checked(client.get(f"/tickets/{before['id']}"), 200) == after


def test_an_empty_update_changes_nothing(client: httpx.Client) -> None:
    before = checked(client.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200)
    assert checked(client.patch(f"/tickets/{DOCUMENTED_TICKET_ID}", json={"fields": {}}), 200) == before


def test_update_of_unknown_or_archived_tickets_is_404(client: httpx.Client) -> None:
    patch = {"fields": {"ticket_stage": "open"}}
    assert checked(client.patch("/tickets/nope", json=patch), 404) == NOT_FOUND
    assert checked(client.patch(f"/tickets/{ARCHIVED_SEED_ID}", json=patch), 404) == NOT_FOUND
    assert checked(client.get(f"/tickets/{ARCHIVED_SEED_ID}"), 200)["ticket_stage"] == "resolved"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"nope", ["Invalid JSON body"]),
        (b'{"fields": {"id": "other"}}', ["Forbidden", "id"]),
        (b'{"fields": {"ticket_stage": ""}}', ["ticket_stage must not be empty"]),
        (b'{"fields": {"mood": "sad"}}', ["Unknown field", "mood"]),
        (b'{"ticket_stage": "open"}', ["ticket_stage"]),
    ],
)
def test_update_refuses_bad_bodies(client: httpx.Client, content: bytes, words: list[str]) -> None:
    before = checked(client.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200)
    answer = client.patch(f"/tickets/{DOCUMENTED_TICKET_ID}", content=content)
    refused(answer, 400, *words)
    assert checked(client.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200) == before


def test_update_to_a_duplicate_external_id_is_409(client: httpx.Client) -> None:
    ticket = create(client, external_id="ext-500")
    refused(client.patch(f"/tickets/{ticket['id']}", json={"fields": {"external_id": "ext-001"}}), 409)
    same = checked(client.patch(f"/tickets/{ticket['id']}", json={"fields": {"external_id": "ext-500"}}), 200)
    assert same["external_id"] == "ext-500"


# -- archive ---------------------------------------------------------------------------------------------


def test_archive_sets_archived_and_archived_by_then_404s(sandbox: Sandbox, client: httpx.Client) -> None:
    ticket = create(client)
    later(sandbox, 60)
    archived = checked(client.delete(f"/tickets/{ticket['id']}"), 200)
    assert ROUTERA_TIME.match(archived["archived"]) and archived["archived"] == archived["updated_at"]
    assert archived["archived"] > ticket["created_at"]
    assert archived["archived_by"] == "api"  # the static sandbox token has no client
    assert checked(client.delete(f"/tickets/{ticket['id']}"), 404) == NOT_FOUND
    assert checked(client.get(f"/tickets/{ticket['id']}"), 200) == archived
    assert count(client) == 3 and count(client, archived=True) == 2


def test_archive_by_an_oauth_client_names_the_client(sandbox: Sandbox) -> None:
    with raw_client(sandbox, None) as http:
        token = checked(http.post("/oauth2/token", data=token_form()), 200)["access_token"]
        answer = http.delete(f"/tickets/{DOCUMENTED_TICKET_ID}", headers={"authorization": f"Bearer {token}"})
    assert checked(answer, 200)["archived_by"] == "sandbox-client"


def test_archive_of_an_unknown_ticket_is_404(client: httpx.Client) -> None:
    assert checked(client.delete("/tickets/nope"), 404) == NOT_FOUND


# -- list and paging -------------------------------------------------------------------------------------


def test_pages_by_limit_and_offset_with_the_total_count(client: httpx.Client) -> None:
    made = [create(client, ticket_name=f"Bulk {i}")["id"] for i in range(22)]
    seen: list[str] = []
    for offset in (0, 10, 20):
        page = checked(client.get("/tickets", params={"limit": 10, "offset": offset}), 200)
        assert page["pagination"] == {"limit": 10, "offset": offset, "count": 25}
        seen += [t["id"] for t in page["data"]]
    assert len(seen) == len(set(seen)) == 25 and seen[3:] == made
    whole = checked(client.get("/tickets", params={"limit": 100}), 200)
    assert [t["id"] for t in whole["data"]] == seen
    beyond = checked(client.get("/tickets", params={"offset": 500}), 200)
    assert beyond == {"data": [], "pagination": {"limit": 10, "offset": 500, "count": 25}}


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "9"},
        {"limit": "101"},
        {"limit": "ten"},
        {"limit": "-10"},
        {"limit": "10.5"},
        {"offset": "-1"},
        {"offset": "x"},
        {"archived": "maybe"},
        {"archived": "1"},
    ],
)
def test_bad_list_parameters_are_400(client: httpx.Client, params: dict[str, str]) -> None:
    refused(client.get("/tickets", params=params), 400, next(iter(params)))


def test_limit_bounds_are_inclusive(client: httpx.Client) -> None:
    for limit in (10, 100):
        assert checked(client.get("/tickets", params={"limit": limit}), 200)["pagination"]["limit"] == limit


# -- faults and concurrency -------------------------------------------------------------------------------


def test_injected_faults_use_the_vendor_error_body() -> None:
    sandbox = Sandbox("routera", faults=Faults(error_rate=1.0, error_statuses=(500,), seed=1))
    with raw_client(sandbox, TOKEN) as http:
        refused(http.get("/tickets"), 500, "injected 500")


def test_concurrent_creates_all_land(sandbox: Sandbox) -> None:
    def make(index: int) -> None:
        with raw_client(sandbox, TOKEN) as http:
            create(http, ticket_name=f"Thread {index}", external_id=f"thread-{index}")

    threads = [threading.Thread(target=make, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with raw_client(sandbox, TOKEN) as http:
        assert count(http) == 15


# -- through ticketkit's desks ---------------------------------------------------------------------------


class CheckedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Passes requests to the sandbox and records any response that does not conform to our spec."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.inner = sandbox.transport()
        self.problems: list[str] = []
        self.sent: list[str] = []

    def _check(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        self.sent.append(f"{request.method} {request.url.path}")
        self.problems += response_problems("routera", request, response)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._check(request, self.inner.handle_request(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._check(request, await self.inner.handle_async_request(request))


def desk_options(sandbox: Sandbox, transport: CheckedTransport) -> dict[str, Any]:
    return {**sandbox.connect_options(), "transport": transport, **DESK_OPTIONS}


def run_desk_operation(mode: str, operation: str, sandbox: Sandbox) -> Any:
    """One unified operation through a sync or an async desk on the in-process sandbox."""
    transport = CheckedTransport(sandbox)
    result = drive(mode, "routera", OPERATIONS[operation], **desk_options(sandbox, transport))
    assert transport.problems == []
    assert transport.sent[0] == "POST /oauth2/token"  # connect_options makes the desk use OAuth
    assert transport.sent.count("POST /oauth2/token") == 1
    return result


OPERATIONS: dict[str, Any] = {
    "get": lambda desk: desk.tickets.get(DOCUMENTED_TICKET_ID),
    "list": lambda desk: desk.tickets.list(page_size=10),
    "list_closed": lambda desk: desk.tickets.list(status="closed"),
    "create": lambda desk: desk.tickets.create(subject="Label printer smokes", description="Bay 3", pipeline="ops"),
    "update": lambda desk: desk.tickets.update(DOCUMENTED_TICKET_ID, status="resolved", subject="Signed in"),
    "close": lambda desk: desk.tickets.close(DOCUMENTED_TICKET_ID),
}


def test_desk_get(mode: str, sandbox: Sandbox) -> None:
    ticket = run_desk_operation(mode, "get", sandbox)
    assert isinstance(ticket, ticketkit.Ticket) and ticket.id == DOCUMENTED_TICKET_ID
    assert (ticket.subject, ticket.status, ticket.status_raw) == ("Support request", TicketStatus.NEW, "new")
    assert ticket.description is not None and "password reset" in ticket.description
    assert ticket.assignee is not None and ticket.assignee.email == "jane@example.com"
    assert ticket.created_at is not None and ticket.created_at.tzinfo is not None
    assert ticket.custom_fields["priority"] == "high" and ticket.archived_at is None


def test_desk_list_pages_through_every_active_ticket(mode: str, sandbox: Sandbox) -> None:
    with raw_client(sandbox, TOKEN) as http:
        made = [create(http, ticket_name=f"Bulk {i}")["id"] for i in range(9)]  # 12 in all: two pages
    tickets = run_desk_operation(mode, "list", sandbox)
    assert isinstance(tickets, list)
    assert [t.id for t in tickets][3:] == made and len(tickets) == 12
    assert all(t.archived_at is None for t in tickets)


def test_desk_list_closed_reads_archived_tickets(mode: str, sandbox: Sandbox) -> None:
    tickets = run_desk_operation(mode, "list_closed", sandbox)
    assert isinstance(tickets, list) and [t.id for t in tickets] == [ARCHIVED_SEED_ID]
    assert tickets[0].status is TicketStatus.CLOSED and tickets[0].archived_at is not None


def test_desk_create(mode: str, sandbox: Sandbox) -> None:
    ticket = run_desk_operation(mode, "create", sandbox)
    assert isinstance(ticket, ticketkit.Ticket)
    assert (ticket.subject, ticket.description, ticket.status) == ("Label printer smokes", "Bay 3", TicketStatus.NEW)
    with raw_client(sandbox, TOKEN) as http:
        stored = checked(http.get(f"/tickets/{ticket.id}"), 200)
    assert stored.items() >= {"ticket_name": "Label printer smokes", "pipeline": "ops", "description": "Bay 3"}.items()


def test_desk_update(mode: str, sandbox: Sandbox) -> None:
    ticket = run_desk_operation(mode, "update", sandbox)
    assert isinstance(ticket, ticketkit.Ticket)
    assert (ticket.subject, ticket.status, ticket.status_raw) == ("Signed in", TicketStatus.RESOLVED, "resolved")
    with raw_client(sandbox, TOKEN) as http:
        stored = checked(http.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200)
    assert (stored["ticket_name"], stored["ticket_stage"], stored["priority"]) == ("Signed in", "resolved", "high")


def test_desk_close(mode: str, sandbox: Sandbox) -> None:
    ticket = run_desk_operation(mode, "close", sandbox)
    assert isinstance(ticket, ticketkit.Ticket)
    assert ticket.status is TicketStatus.CLOSED and ticket.archived_at is not None
    with raw_client(sandbox, TOKEN) as http:
        assert checked(http.get(f"/tickets/{DOCUMENTED_TICKET_ID}"), 200)["archived_by"] == "sandbox-client"


def test_desk_errors_from_the_fake_map_to_ticketkit_errors(sandbox: Sandbox) -> None:
    transport = CheckedTransport(sandbox)
    with ticketkit.connect("routera", **desk_options(sandbox, transport)) as desk:
        with pytest.raises(ticketkit.NotFoundError) as missing:
            desk.tickets.get("nope")
        assert missing.value.message == "Object not found"
        with pytest.raises(ticketkit.ConflictError):
            desk.tickets.create(subject="Dup", external_id="ext-001")
        with pytest.raises(ticketkit.NotFoundError):
            desk.tickets.close(ARCHIVED_SEED_ID)
        assert "comments.create" not in desk.capabilities and "tickets.close" in desk.capabilities
    assert transport.problems == []
    options = {**desk_options(sandbox, CheckedTransport(sandbox)), "client_secret": "wrong"}
    with ticketkit.connect("routera", **options) as desk, pytest.raises(ticketkit.AuthenticationError) as denied:
        desk.tickets.get(DOCUMENTED_TICKET_ID)
    assert denied.value.code == "invalid_client" and "wrong" not in str(denied.value)


def test_desk_round_trip_on_loopback() -> None:
    with serving("routera") as sandbox:
        assert sandbox.base_url.startswith("http://127.0.0.1:")
        options = {"base_url": sandbox.base_url, **sandbox.app.connect_options(), **DESK_OPTIONS}
        with ticketkit.connect("routera", **options) as desk:
            created = desk.tickets.create(subject="Over the wire", description="Loopback", pipeline="default")
            assert desk.tickets.get(created.id).description == "Loopback"
            assert created.id in [t.id for t in desk.tickets.list()]
            closed = desk.tickets.close(created.id)
        assert closed.status is TicketStatus.CLOSED
        with httpx.Client(base_url=sandbox.base_url, headers={"authorization": f"Bearer {TOKEN}"}) as http:
            stored = checked(http.get(f"/tickets/{created.id}"), 200)
    assert stored["archived_by"] == "sandbox-client"
