"""The generated Intercom client: the documents' examples parse, and every operation's wire format."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
from desk_support import Recorder, ok, raw
from intercom_client import AuthenticatedClient
from intercom_client.api.ticket_states import list_ticket_states
from intercom_client.api.ticket_types import get_ticket_type, list_ticket_types
from intercom_client.api.tickets import (
    create_ticket,
    delete_ticket,
    reply_ticket,
    retrieve_ticket,
    search_tickets,
    update_ticket,
)
from intercom_client.models import (
    AdminReply,
    AdminReplyType,
    CompoundFilter,
    CompoundFilterOperator,
    ContactByEmail,
    ContactByExternalId,
    ContactById,
    ContactReply,
    ContactReplyMessageType,
    ContactReplyType,
    CreateTicketAssignment,
    CreateTicketRequest,
    CursorPages,
    Error,
    QuickReplyOption,
    Reference,
    SearchRequest,
    SingleFilter,
    StartingAfterPaging,
    Ticket,
    TicketAssignment,
    TicketDeleted,
    TicketList,
    TicketPart,
    TicketRequestAttributes,
    TicketState,
    TicketStateDetailed,
    TicketStateDetailedList,
    TicketType,
    TicketTypeAttributeList,
    TicketTypeList,
    UpdatedAttributeData,
    UpdateTicketRequest,
)
from intercom_client.types import UNSET, Unset
from support import json_body, load_fixture, load_spec, media_example, same_data

BASE = "https://api.intercom.io"
# An id that must stay inside its path segment.
AWKWARD_ID = "a/../b c?d"
AWKWARD_SEGMENT = "a%2F..%2Fb%20c%3Fd"
DOC_EXAMPLES = load_fixture("vendor_docs/intercom-retrieve-ticket.json")["examples"]
DOC_TICKET: dict[str, Any] = DOC_EXAMPLES["response_sample"]["value"]
DOC_SPEC_EXAMPLES: dict[str, Any] = load_spec("intercom")["components"]["examples"]
TICKET_2_16: dict[str, Any] = load_fixture("intercom/ticket-2.16.json")["value"]
NOTE_PART: dict[str, Any] = media_example("intercom", "/tickets/{id}/reply", "post", "200", "admin_note")


def _client(recorder: Recorder) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=BASE, token="tok-123", httpx_args={"transport": recorder.transport})


def _assert_headers(request: httpx.Request, version: str = "2.16") -> None:
    """The token, and the version: the spec's default (2.16, the newest it describes) unless one is given."""
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["intercom-version"] == version


def _raw_path(request: httpx.Request) -> str:
    return request.url.raw_path.decode().split("?")[0]


def _parts(ticket: Ticket) -> dict[str, TicketPart]:
    assert not isinstance(ticket.ticket_parts, Unset) and not isinstance(ticket.ticket_parts.ticket_parts, Unset)
    return {part.id: part for part in ticket.ticket_parts.ticket_parts}


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize("name", sorted(DOC_EXAMPLES))
def test_documented_examples_parse_and_round_trip(name: str) -> None:
    value = DOC_EXAMPLES[name]["value"]
    assert same_data(Ticket.from_dict(value).to_dict(), value)


def test_documented_ticket_types() -> None:
    ticket = Ticket.from_dict(DOC_TICKET)
    assert (ticket.id, ticket.ticket_id, ticket.category) == ("1268", "89", "Back-office")
    assert ticket.ticket_state == "submitted"
    assert ticket.admin_assignee_id == "0"
    assert ticket.created_at == 1716385466 and ticket.snoozed_until is UNSET
    assert ticket.ticket_attributes.additional_properties == {
        "_default_title_": "attribute_value",
        "_default_description_": None,
    }
    assert isinstance(ticket.ticket_type, TicketType) and ticket.ticket_type.icon == "🦁"
    assert ticket.ticket_type.is_internal is False and ticket.ticket_type.ticket_type_attributes is UNSET
    # The document's sample leaves out the lists themselves (see the spec's header comment).
    assert ticket.contacts.contacts is UNSET
    assert not isinstance(ticket.ticket_parts, Unset) and ticket.ticket_parts.total_count == 1


def test_2_16_ticket_parses_and_round_trips() -> None:
    ticket = Ticket.from_dict(TICKET_2_16)
    assert same_data(ticket.to_dict(), TICKET_2_16)
    assert isinstance(ticket.ticket_state, TicketState)
    assert (ticket.ticket_state.id, ticket.ticket_state.category) == ("8498", "in_progress")
    assert (ticket.admin_assignee_id, ticket.team_assignee_id) == (991268013, 0)
    assert ticket.previous_ticket_state_id == "8497"
    assert isinstance(ticket.ticket_type, TicketType)
    attributes = ticket.ticket_type.ticket_type_attributes
    assert not isinstance(attributes, Unset)
    assert [a.name for a in attributes.data or []] == ["_default_title_"]
    states = ticket.ticket_type.ticket_states
    assert not isinstance(states, Unset)
    assert [s.category for s in states.data or []] == ["submitted", "in_progress"]
    parts = _parts(ticket)
    photo, progress, assignment = parts["177"], parts["178"], parts["180"]
    assert isinstance(photo.updated_attribute_data, UpdatedAttributeData)
    assert (photo.updated_attribute_data.value.id, photo.updated_attribute_data.value.label) == (
        [2],
        ["photo.png"],
    )
    assert isinstance(progress.updated_attribute_data, UpdatedAttributeData)
    assert progress.updated_attribute_data.value.id == "Fast"
    assert isinstance(assignment.assigned_to, Reference) and assignment.assigned_to.id == "991268013"
    assert parts["179"].app_package_code == "test-integration"


def test_unknown_values_nulls_and_extra_keys_are_tolerated() -> None:
    ticket_data = copy.deepcopy(DOC_TICKET)
    ticket_data |= {
        "category": "Escalation",
        "ticket_state": None,
        "ticket_type": None,
        "snoozed_until": None,
        "brand_new_field": {"nested": [1, 2]},
        "ticket_attributes": {
            "_default_title_": "Printer on fire",
            "seats": 12,
            "ratio": 0.5,
            "urgent": True,
            "tags": ["a", "b"],
            "screenshot": {"type": "upload", "name": "s.png", "url": "https://x.io/s.png"},
            "nothing": None,
        },
    }
    ticket_data["ticket_parts"] = {
        "type": "ticket_part.list",
        "total_count": 1,
        "ticket_parts": [
            {**NOTE_PART, "part_type": "fin_answered", "body": None, "author": {"type": "fin", "id": "7"}}
        ],
    }
    ticket = Ticket.from_dict(ticket_data)
    assert (ticket.category, ticket.ticket_state, ticket.ticket_type, ticket.snoozed_until) == (
        "Escalation",
        None,
        None,
        None,
    )
    assert ticket.additional_properties == {"brand_new_field": {"nested": [1, 2]}}
    assert ticket.ticket_attributes.additional_properties["screenshot"]["name"] == "s.png"
    part = _parts(ticket)["122"]
    assert (part.part_type, part.body, part.author and part.author.type_) == ("fin_answered", None, "fin")
    assert same_data(ticket.to_dict(), ticket_data)


# ---------------------------------------------------------------- operations on the wire


@pytest.mark.parametrize(("version", "payload"), [("2.11", DOC_TICKET), ("2.16", TICKET_2_16)])
def test_retrieve_ticket_wire(version: str, payload: dict[str, Any]) -> None:
    recorder = Recorder(answer=ok(payload))
    client = _client(recorder)
    if version == "2.16":
        result = retrieve_ticket.sync(AWKWARD_ID, client=client)  # the default version
    else:
        result = retrieve_ticket.sync(AWKWARD_ID, client=client, intercom_version=version)
    request = recorder.only
    assert request.method == "GET"
    assert _raw_path(request) == f"/tickets/{AWKWARD_SEGMENT}"
    assert request.url.query == b"" and request.content == b""
    _assert_headers(request, version)
    assert isinstance(result, Ticket) and result.id == payload["id"]


@pytest.mark.parametrize(
    ("contact", "wire"),
    [
        (ContactById(id="667d61b78a68186f43bafe8d"), {"id": "667d61b78a68186f43bafe8d"}),
        (ContactByExternalId(external_id="crm-70"), {"external_id": "crm-70"}),
        (ContactByEmail(email="jo@example.com"), {"email": "jo@example.com"}),
    ],
)
def test_create_ticket_wire(contact: ContactById | ContactByExternalId | ContactByEmail, wire: dict[str, str]) -> None:
    recorder = Recorder(answer=ok(DOC_TICKET))
    attributes = TicketRequestAttributes.from_dict({"_default_title_": "Printer on fire", "priority": "p-1"})
    body = CreateTicketRequest(
        ticket_type_id="106",
        contacts=[contact],
        ticket_attributes=attributes,
        company_id="c-9",
        created_at=1719493000,
    )
    result = create_ticket.sync(client=_client(recorder), body=body)
    request = recorder.only
    assert (request.method, request.url.path) == ("POST", "/tickets")
    _assert_headers(request)
    assert json_body(request) == {
        "ticket_type_id": "106",
        "contacts": [wire],
        "ticket_attributes": {"_default_title_": "Printer on fire", "priority": "p-1"},
        "company_id": "c-9",
        "created_at": 1719493000,
    }
    assert isinstance(result, Ticket) and result.id == "1268"


def test_update_ticket_wire() -> None:
    recorder = Recorder(answer=ok(TICKET_2_16))
    body = UpdateTicketRequest(
        ticket_attributes=TicketRequestAttributes.from_dict({"_default_title_": "Renamed"}),
        state="resolved",
        open_=False,
        is_shared=True,
        snoozed_until=1719590400,
        assignment=TicketAssignment(admin_id="991267883", assignee_id="0"),
    )
    result = update_ticket.sync(AWKWARD_ID, client=_client(recorder), body=body, intercom_version="2.11")
    request = recorder.only
    assert (request.method, _raw_path(request)) == ("PUT", f"/tickets/{AWKWARD_SEGMENT}")
    _assert_headers(request, "2.11")
    assert json_body(request) == {
        "ticket_attributes": {"_default_title_": "Renamed"},
        "state": "resolved",
        "open": False,
        "is_shared": True,
        "snoozed_until": 1719590400,
        "assignment": {"admin_id": "991267883", "assignee_id": "0"},
    }
    assert isinstance(result, Ticket) and result.id == "627"


@pytest.mark.parametrize(
    ("version", "body", "wire"),
    [
        (
            "2.13",
            UpdateTicketRequest(
                ticket_state_id="8324",
                company_id="c-9",
                assignment=TicketAssignment(admin_id="991267883", assignee_id="5017691"),
            ),
            {
                "ticket_state_id": "8324",
                "company_id": "c-9",
                "assignment": {"admin_id": "991267883", "assignee_id": "5017691"},
            },
        ),
        (
            "2.16",
            UpdateTicketRequest(
                ticket_state_id="8498", admin_id=991268011, assignee_id="991268013", skip_notifications=True
            ),
            {"ticket_state_id": "8498", "admin_id": 991268011, "assignee_id": "991268013", "skip_notifications": True},
        ),
    ],
    ids=["2.12-2.13", "2.14+"],
)
def test_update_ticket_wire_of_later_versions(version: str, body: UpdateTicketRequest, wire: dict[str, Any]) -> None:
    """2.12 set the state by id; 2.14 moved the assignment to top-level `admin_id` (an integer) and `assignee_id`."""
    recorder = Recorder(answer=ok(TICKET_2_16))
    result = update_ticket.sync("627", client=_client(recorder), body=body, intercom_version=version)
    _assert_headers(recorder.only, version)
    assert json_body(recorder.only) == wire
    assert isinstance(result, Ticket) and isinstance(result.ticket_state, TicketState)


def test_create_ticket_wire_with_assignment() -> None:
    """2.14+: the new ticket's admin and team, and no notifications."""
    recorder = Recorder(answer=ok(TICKET_2_16))
    body = CreateTicketRequest(
        ticket_type_id="106",
        contacts=[ContactById(id="667d61b78a68186f43bafe8d")],
        assignment=CreateTicketAssignment(admin_assignee_id="991267883", team_assignee_id="5017691"),
        skip_notifications=True,
        conversation_to_link_id="1234",
    )
    create_ticket.sync(client=_client(recorder), body=body)
    assert json_body(recorder.only) == {
        "ticket_type_id": "106",
        "contacts": [{"id": "667d61b78a68186f43bafe8d"}],
        "assignment": {"admin_assignee_id": "991267883", "team_assignee_id": "5017691"},
        "skip_notifications": True,
        "conversation_to_link_id": "1234",
    }


def test_delete_ticket_wire() -> None:
    recorder = Recorder(answer=ok({"id": "632", "object": "ticket", "deleted": True}))
    result = delete_ticket.sync(AWKWARD_ID, client=_client(recorder))
    request = recorder.only
    assert (request.method, _raw_path(request), request.content) == ("DELETE", f"/tickets/{AWKWARD_SEGMENT}", b"")
    _assert_headers(request)
    assert isinstance(result, TicketDeleted) and (result.id, result.object_, result.deleted) == ("632", "ticket", True)


def test_list_ticket_states_wire() -> None:
    listing = DOC_SPEC_EXAMPLES["TicketStateListDocumented"]["value"]
    recorder = Recorder(answer=ok(listing))
    result = list_ticket_states.sync(client=_client(recorder))
    request = recorder.only
    assert (request.method, request.url.path, request.content) == ("GET", "/ticket_states", b"")
    _assert_headers(request)
    assert isinstance(result, TicketStateDetailedList) and not isinstance(result.data, Unset)
    states = [s for s in result.data if isinstance(s, TicketStateDetailed)]
    assert [(s.id, s.category) for s in states][:4] == [
        ("8269", "submitted"),
        ("8270", "in_progress"),
        ("8271", "waiting_on_customer"),
        ("8272", "resolved"),
    ]
    types = states[4].ticket_types
    assert isinstance(types, TicketTypeList) and [t and t.id for t in types.data or []] == ["55"]


def test_nulls_the_2_16_schema_allows_parse() -> None:
    """2.16 declares ticket, ticket type, attribute and state nullable as a whole: null list items and bodies."""
    page = TicketList.from_dict(DOC_SPEC_EXAMPLES["TicketListWithNull"]["value"])
    assert page.tickets[0] is None and isinstance(page.tickets[1], Ticket)
    ticket_type = TicketType.from_dict(DOC_SPEC_EXAMPLES["TicketTypeAttributesAsTheSchemaSays"]["value"])
    attributes = ticket_type.ticket_type_attributes
    assert isinstance(attributes, TicketTypeAttributeList) and not isinstance(attributes.ticket_type_attributes, Unset)
    assert [a and a.name for a in attributes.ticket_type_attributes] == ["_default_title_", None]
    states = ticket_type.ticket_states
    assert not isinstance(states, Unset) and [s and s.id for s in states.data or []] == ["8353", "8356", None]
    listing = TicketStateDetailedList.from_dict({"type": "list", "data": [None]})
    assert listing.data == [None]
    json_null = raw(200, b"null", "application/json")
    assert retrieve_ticket.sync("1", client=_client(Recorder(answer=json_null))) is None
    assert get_ticket_type.sync("1", client=_client(Recorder(answer=json_null))) is None


def test_update_ticket_sends_only_what_is_set() -> None:
    recorder = Recorder(answer=ok(DOC_TICKET))
    update_ticket.sync("1268", client=_client(recorder), body=UpdateTicketRequest(open_=False))
    assert json_body(recorder.only) == {"open": False}


SEARCHES: list[tuple[SearchRequest, dict[str, Any]]] = [
    (
        SearchRequest(query=SingleFilter(field="open", operator="=", value=True)),
        {"query": {"field": "open", "operator": "=", "value": True}},
    ),
    (
        SearchRequest(
            query=CompoundFilter(
                operator=CompoundFilterOperator.AND,
                value=[
                    SingleFilter(field="created_at", operator=">", value=1306054154),
                    CompoundFilter(
                        operator=CompoundFilterOperator.OR,
                        value=[SingleFilter(field="state", operator="IN", value=["submitted", "in_progress"])],
                    ),
                ],
            ),
            pagination=StartingAfterPaging(per_page=5, starting_after="WzE3MTk0OTMwNjUwMDAsIjQ5NCJd"),
        ),
        {
            "query": {
                "operator": "AND",
                "value": [
                    {"field": "created_at", "operator": ">", "value": 1306054154},
                    {
                        "operator": "OR",
                        "value": [{"field": "state", "operator": "IN", "value": ["submitted", "in_progress"]}],
                    },
                ],
            },
            "pagination": {"per_page": 5, "starting_after": "WzE3MTk0OTMwNjUwMDAsIjQ5NCJd"},
        },
    ),
]


@pytest.mark.parametrize(("body", "wire"), SEARCHES, ids=["single", "compound_next_page"])
def test_search_tickets_wire(body: SearchRequest, wire: dict[str, Any]) -> None:
    page = {
        "type": "ticket.list",
        "tickets": [DOC_TICKET],
        "total_count": 6,
        "pages": {
            "type": "pages",
            "page": 1,
            "per_page": 5,
            "total_pages": 2,
            "next": {"per_page": 5, "starting_after": "cur-2"},
        },
    }
    recorder = Recorder(answer=ok(page))
    result = search_tickets.sync(client=_client(recorder), body=body)
    request = recorder.only
    assert (request.method, request.url.path) == ("POST", "/tickets/search")
    _assert_headers(request)
    assert json_body(request) == wire
    assert isinstance(result, TicketList) and [t.id for t in result.tickets] == ["1268"]
    assert isinstance(result.pages, CursorPages) and isinstance(result.pages.next_, StartingAfterPaging)
    assert result.pages.next_.starting_after == "cur-2"


@pytest.mark.parametrize("pages", [{"type": "pages", "page": 2, "per_page": 5, "total_pages": 2, "next": None}, None])
def test_search_last_page_has_no_cursor(pages: dict[str, Any] | None) -> None:
    recorder = Recorder(answer=ok({"type": "ticket.list", "tickets": [], "total_count": 6, "pages": pages}))
    body = SearchRequest(query=SingleFilter(field="open", operator="=", value=True))
    result = search_tickets.sync(client=_client(recorder), body=body)
    assert isinstance(result, TicketList)
    assert result.pages is None or (isinstance(result.pages, CursorPages) and result.pages.next_ is None)


REPLIES: list[tuple[AdminReply | ContactReply, dict[str, Any]]] = [
    (
        AdminReply(
            message_type="note",
            type_=AdminReplyType.ADMIN,
            admin_id="991267829",
            body="<p>Checked the logs.</p>",
            attachment_urls=["https://x.io/log.png"],
        ),
        {
            "message_type": "note",
            "type": "admin",
            "admin_id": "991267829",
            "body": "<p>Checked the logs.</p>",
            "attachment_urls": ["https://x.io/log.png"],
        },
    ),
    (
        AdminReply(
            message_type="quick_reply",
            type_=AdminReplyType.ADMIN,
            admin_id="991267834",
            reply_options=[QuickReplyOption(text="Yes", uuid=UUID("22d6d1f4-1a19-41d0-94c2-e54031f78aca"))],
        ),
        {
            "message_type": "quick_reply",
            "type": "admin",
            "admin_id": "991267834",
            "reply_options": [{"text": "Yes", "uuid": "22d6d1f4-1a19-41d0-94c2-e54031f78aca"}],
        },
    ),
    (
        ContactReply(
            message_type=ContactReplyMessageType.COMMENT,
            type_=ContactReplyType.USER,
            body="Thanks again",
            email="jo@example.com",
        ),
        {"message_type": "comment", "type": "user", "body": "Thanks again", "email": "jo@example.com"},
    ),
]


@pytest.mark.parametrize(("body", "wire"), REPLIES, ids=["admin_note", "admin_quick_reply", "contact_comment"])
def test_reply_ticket_wire(body: AdminReply | ContactReply, wire: dict[str, Any]) -> None:
    recorder = Recorder(answer=ok(NOTE_PART))
    result = reply_ticket.sync(AWKWARD_ID, client=_client(recorder), body=body)
    request = recorder.only
    assert (request.method, _raw_path(request)) == ("POST", f"/tickets/{AWKWARD_SEGMENT}/reply")
    _assert_headers(request)
    assert json_body(request) == wire
    assert isinstance(result, TicketPart) and (result.id, result.part_type) == ("122", "note")
    assert result.author and result.author.type_ == "admin"


@pytest.mark.parametrize(("list_key", "type_value"), [("ticket_types", "ticket_type.list"), ("data", "list")])
def test_list_ticket_types_wire_accepts_both_list_keys(list_key: str, type_value: str) -> None:
    recorder = Recorder(answer=ok({"type": type_value, list_key: [DOC_TICKET["ticket_type"]]}))
    result = list_ticket_types.sync(client=_client(recorder))
    request = recorder.only
    assert (request.method, request.url.path, request.content) == ("GET", "/ticket_types", b"")
    _assert_headers(request)
    assert isinstance(result, TicketTypeList)
    types = getattr(result, list_key)
    assert [t.name for t in types] == ["my-ticket-type-21"]


def test_get_ticket_type_wire() -> None:
    recorder = Recorder(answer=ok(TICKET_2_16["ticket_type"]))
    result = get_ticket_type.sync(AWKWARD_ID, client=_client(recorder))
    request = recorder.only
    assert (request.method, _raw_path(request)) == ("GET", f"/ticket_types/{AWKWARD_SEGMENT}")
    _assert_headers(request)
    assert isinstance(result, TicketType) and (result.id, result.category) == ("90", "Back-office")


# ---------------------------------------------------------------- errors

Call = Callable[[AuthenticatedClient], Any]
CALLS: dict[str, Call] = {
    "retrieve_ticket": lambda c: retrieve_ticket.sync_detailed("1", client=c),
    "create_ticket": lambda c: create_ticket.sync_detailed(
        client=c, body=CreateTicketRequest(ticket_type_id="1", contacts=[ContactById(id="2")])
    ),
    "update_ticket": lambda c: update_ticket.sync_detailed("1", client=c, body=UpdateTicketRequest(open_=False)),
    "search_tickets": lambda c: search_tickets.sync_detailed(
        client=c, body=SearchRequest(query=SingleFilter(field="open", operator="=", value=True))
    ),
    "reply_ticket": lambda c: reply_ticket.sync_detailed("1", client=c, body=REPLIES[0][0]),
    "list_ticket_types": lambda c: list_ticket_types.sync_detailed(client=c),
    "get_ticket_type": lambda c: get_ticket_type.sync_detailed("1", client=c),
    "delete_ticket": lambda c: delete_ticket.sync_detailed("1", client=c),
    "list_ticket_states": lambda c: list_ticket_states.sync_detailed(client=c),
}
CODE_FOR_STATUS = {
    400: "parameter_invalid",
    401: "unauthorized",
    403: "api_plan_restricted",
    404: "ticket_not_found",
    429: "rate_limit_exceeded",  # [inferred] in the spec
}
# Every error status every operation of the spec documents.
DOCUMENTED_ERRORS = [
    (operation["operationId"], int(status))
    for item in load_spec("intercom")["paths"].values()
    for method, operation in item.items()
    if method in ("get", "put", "post", "delete")
    for status in operation["responses"]
    if status[0] in "45"
]


def test_every_operation_is_called_and_every_error_status_covered() -> None:
    assert {operation for operation, _ in DOCUMENTED_ERRORS} == set(CALLS)
    assert {status for _, status in DOCUMENTED_ERRORS} == set(CODE_FOR_STATUS)


@pytest.mark.parametrize(("operation", "status"), DOCUMENTED_ERRORS)
def test_documented_errors_parse_into_error(operation: str, status: int) -> None:
    code = CODE_FOR_STATUS[status]
    body = {
        "type": "error.list",
        "request_id": "e7ba89f2-3bc8-4fc3-97bc-56f62f342680",
        "errors": [{"code": code, "message": "It failed", "field": "id"}],
    }
    recorder = Recorder(answer=ok(body, status, **{"X-RateLimit-Reset": "1719493100"}))
    response = CALLS[operation](_client(recorder))
    assert response.status_code == status
    assert isinstance(response.parsed, Error)
    assert response.parsed.request_id == "e7ba89f2-3bc8-4fc3-97bc-56f62f342680"
    assert [(e.code, e.message, e.field) for e in response.parsed.errors] == [(code, "It failed", "id")]
    assert response.headers["x-ratelimit-reset"] == "1719493100"


def test_error_with_null_request_id_and_unknown_code() -> None:
    body = {"type": "error.list", "request_id": None, "errors": [{"code": "brand_new_code", "message": None}]}
    recorder = Recorder(answer=ok(body, 404))
    error = retrieve_ticket.sync("1", client=_client(recorder))
    assert isinstance(error, Error) and error.request_id is None
    assert (error.errors[0].code, error.errors[0].message, error.errors[0].field) == (
        "brand_new_code",
        None,
        UNSET,
    )
