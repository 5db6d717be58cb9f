"""The generated Routera client: the documents' examples parse, and every operation's wire format."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qs

import pytest
from desk_support import Recorder, ok
from routera_client import AuthenticatedClient, Client
from routera_client.api.auth import create_token
from routera_client.api.tickets import archive_ticket, create_ticket, get_ticket, list_tickets, update_ticket
from routera_client.models import Error, Ticket, TicketFields, TicketWrite, Token, TokenRequest
from routera_client.models.token_request_grant_type import TokenRequestGrantType
from support import json_body, load_fixture, same_data

BASE = "https://api.routera.io"
# An id that must stay inside its path segment.
AWKWARD_ID = "a/../b c?d"
AWKWARD_PATH = "/tickets/a%2F..%2Fb%20c%3Fd"
TICKET = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]


def _client(recorder: Recorder) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=BASE, token="tok-123", httpx_args={"transport": recorder.transport})


@pytest.mark.parametrize("document", ["routera-get-ticket.json", "routera-create-ticket.json"])
def test_documented_examples_parse_and_round_trip(document: str) -> None:
    for name, example in load_fixture(f"vendor_docs/{document}")["examples"].items():
        ticket = Ticket.from_dict(example["value"])
        assert same_data(ticket.to_dict(), example["value"]), name


def test_documented_ticket_types() -> None:
    ticket = Ticket.from_dict(TICKET)
    assert ticket.created_at == dt.datetime(2026, 5, 1, 10, tzinfo=dt.UTC)
    assert ticket.archived is False
    assert ticket.ticket_stage == "new"


def test_archived_forms_and_custom_fields_are_kept() -> None:
    archived = Ticket.from_dict({**TICKET, "archived": "2026-06-02T08:00:00.000Z", "archived_by": "jo@x.io"})
    assert archived.archived == dt.datetime(2026, 6, 2, 8, tzinfo=dt.UTC)
    placeholder = Ticket.from_dict({**TICKET, "archived": True})
    assert placeholder.archived is True
    custom = Ticket.from_dict({**TICKET, "plan_tier": "gold", "seats": 12})
    assert custom.additional_properties == {"plan_tier": "gold", "seats": 12}
    assert custom.to_dict()["plan_tier"] == "gold"


def test_create_token_sends_form_credentials_without_bearer() -> None:
    recorder = Recorder(answer=ok({"access_token": "jwt", "expires_in": 3600, "token_type": "Bearer"}))
    client = Client(base_url=BASE, httpx_args={"transport": recorder.transport})
    body = TokenRequest(grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS, client_id="cid", client_secret="s3cret")
    token = create_token.sync(client=client, body=body)
    request = recorder.only
    assert (request.method, request.url.path) == ("POST", "/oauth2/token")
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert "authorization" not in request.headers
    assert parse_qs(request.content.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": ["cid"],
        "client_secret": ["s3cret"],
    }
    assert isinstance(token, Token) and token.expires_in == 3600


def test_token_error_is_returned_as_oauth_error() -> None:
    recorder = Recorder(answer=ok({"error": "invalid_client", "error_description": "no"}, 401))
    client = Client(base_url=BASE, httpx_args={"transport": recorder.transport})
    body = TokenRequest(grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS, client_id="c", client_secret="s")
    result = create_token.sync(client=client, body=body)
    assert result is not None and getattr(result, "error", None) == "invalid_client"


def test_get_ticket_wire() -> None:
    recorder = Recorder(answer=ok(TICKET))
    result = get_ticket.sync(AWKWARD_ID, client=_client(recorder), properties="phone,plan_tier")
    request = recorder.only
    assert request.method == "GET"
    assert request.url.raw_path.decode().split("?")[0] == AWKWARD_PATH
    assert request.url.params["properties"] == "phone,plan_tier"
    assert request.headers["authorization"] == "Bearer tok-123"
    assert isinstance(result, Ticket) and result.id == TICKET["id"]


def test_list_tickets_wire() -> None:
    page = {"data": [TICKET], "pagination": {"limit": 50, "offset": 100, "count": 1}}
    recorder = Recorder(answer=ok(page))
    result = list_tickets.sync(client=_client(recorder), limit=50, offset=100, archived=False)
    request = recorder.only
    assert (request.method, request.url.path) == ("GET", "/tickets")
    assert dict(request.url.params) == {"limit": "50", "offset": "100", "archived": "false"}
    assert result is not None and not isinstance(result, Error)
    assert [t.id for t in result.data] == [TICKET["id"]]


def test_create_ticket_wire() -> None:
    recorder = Recorder(answer=ok(TICKET, 201))
    fields = TicketFields(ticket_name="Support request", pipeline="default", ticket_stage="new")
    fields.additional_properties["plan_tier"] = "gold"
    result = create_ticket.sync(client=_client(recorder), body=TicketWrite(fields=fields))
    request = recorder.only
    assert (request.method, request.url.path) == ("POST", "/tickets")
    assert request.headers["authorization"] == "Bearer tok-123"
    assert json_body(request) == {
        "fields": {
            "ticket_name": "Support request",
            "pipeline": "default",
            "ticket_stage": "new",
            "plan_tier": "gold",
        }
    }
    assert isinstance(result, Ticket)


def test_update_ticket_sends_only_changed_fields() -> None:
    recorder = Recorder(answer=ok(TICKET))
    fields = TicketFields(ticket_stage="closed")
    update_ticket.sync(AWKWARD_ID, client=_client(recorder), body=TicketWrite(fields=fields))
    request = recorder.only
    assert request.method == "PATCH"
    assert request.url.raw_path.decode() == AWKWARD_PATH
    assert json_body(request) == {"fields": {"ticket_stage": "closed"}}


def test_archive_ticket_wire() -> None:
    archived: dict[str, Any] = {
        **TICKET,
        "archived": "2026-06-02T08:00:00Z",
        "archived_by": "jane@example.com",
    }
    recorder = Recorder(answer=ok(archived))
    result = archive_ticket.sync(AWKWARD_ID, client=_client(recorder))
    request = recorder.only
    assert (request.method, request.url.raw_path.decode()) == ("DELETE", AWKWARD_PATH)
    assert request.content == b""
    assert isinstance(result, Ticket) and isinstance(result.archived, dt.datetime)


@pytest.mark.parametrize("status", [400, 401, 404])
def test_documented_errors_parse_into_error(status: int) -> None:
    recorder = Recorder(answer=ok({"message": "Unauthorized: missing account context", "error": True}, status))
    response = get_ticket.sync_detailed("x", client=_client(recorder))
    assert response.status_code == status
    assert isinstance(response.parsed, Error) and response.parsed.message.startswith("Unauthorized")
