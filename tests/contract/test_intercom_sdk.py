"""The official Intercom SDK (python-intercom 5.0.1, installed by `nox -s contract`) against a served sandbox.

Intercom's own Python client must work against our fake as it works against Intercom. It sends no
`Intercom-Version` header, so the answers come in the app's version (the sandbox's default, 2.16), and it reads
2.14 shapes; each test runs that way and again with `Intercom-Version: 2.14` set on the client. Every
ticket-related operation the SDK has: tickets get, create (with an assignment), update (state id, assignee,
open, snooze), reply (admin and contact), search page by page, delete; ticket types list and get; ticket
states list. Each outcome is checked twice: on the wire (the status and the version header each request
carried, recorded by an httpx event hook) and in the SDK's own parse of the answer.

Run by `nox -s contract` (see tests/contract/conftest.py); each test serves its own sandbox and stops it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from intercom import (
    CreateTicketRequestAssignment,
    CreateTicketRequestContactsItemEmail,
    Intercom,
)
from intercom.core.api_error import ApiError
from intercom.types import (
    AdminReplyTicketRequest,
    ContactReplyBaseRequestReplyOptionsItem,
    ContactReplyTicketEmailRequest,
    MultipleFilterSearchRequest,
    SingleFilterSearchRequest,
    StartingAfterPaging,
)
from ticketkit.sandbox import serving

# The sandbox's seed (overlays/ticketkit/sandbox/intercom/models.py): two ticket types, four tickets.
BUG_REPORT, BILLING_REVIEW = "106", "107"
CHECKOUT, VAT, REFUND, CSV_EXPORT = "611", "612", "613", "614"
MAYA, TOMAS = "991267829", "991267883"
TIER2_TEAM = "5017691"
SUBMITTED, IN_PROGRESS, WAITING, RESOLVED = "8321", "8322", "8323", "8324"
JO_EMAIL = "jo.rivera@example.com"
EVERY_TICKET = MultipleFilterSearchRequest(
    operator="AND",
    # The value as a string of digits, as Intercom's own search example writes it: the SDK's value type has no
    # boolean (it would send `open = true` as 1), so the queries here use fields it can express.
    value=[SingleFilterSearchRequest(field="created_at", operator=">", value="1306054154")],
)


@dataclass
class Wire:
    """Every exchange the SDK had with the sandbox: (method, path, status, Intercom-Version sent)."""

    exchanges: list[tuple[str, str, int, str | None]] = field(default_factory=list)

    def record(self, response: httpx.Response) -> None:
        request = response.request
        self.exchanges.append(
            (request.method, request.url.path, response.status_code, request.headers.get("intercom-version"))
        )

    def since(self, start: int) -> list[tuple[str, str, int]]:
        return [(method, path, status) for method, path, status, _ in self.exchanges[start:]]


@dataclass
class Session:
    client: Intercom
    wire: Wire
    header: str | None  # the Intercom-Version the client sends (None: none)
    version: str  # the version the answers come in


@pytest.fixture(params=[None, "2.14"], ids=["no-version-header", "Intercom-Version-2.14"])
def sdk(request: pytest.FixtureRequest) -> Iterator[Session]:
    header: str | None = request.param
    wire = Wire()
    with serving("intercom") as sandbox, httpx.Client(event_hooks={"response": [wire.record]}, timeout=10) as http:
        client = Intercom(
            token=sandbox.app.token,
            base_url=sandbox.base_url,
            headers={"Intercom-Version": header} if header else None,
            httpx_client=http,
        )
        session = Session(client, wire, header, header or sandbox.connect_options()["api_version"])
        yield session
    # Every request carried the header the client was given, or none at all.
    assert {sent for *_, sent in wire.exchanges} == {header}


def test_ticket_types_list_and_get_carry_their_attributes(sdk: Session) -> None:
    listing = sdk.client.ticket_types.list()
    bug = sdk.client.ticket_types.get(BUG_REPORT)
    assert sdk.wire.since(0) == [("GET", "/ticket_types", 200), ("GET", f"/ticket_types/{BUG_REPORT}", 200)]

    types = [t for t in listing.data or [] if t is not None]
    assert [t.id for t in types] == [BUG_REPORT, BILLING_REVIEW]
    for ticket_type in types:
        assert ticket_type.ticket_type_attributes is not None
        attributes = [a for a in ticket_type.ticket_type_attributes.ticket_type_attributes or [] if a is not None]
        assert [a.name for a in attributes][:2] == ["_default_title_", "_default_description_"]
        assert ticket_type.ticket_states is not None and ticket_type.ticket_states.data
    assert (bug.id, bug.name, bug.category) == (BUG_REPORT, "Bug Report", "Customer")
    assert bug.ticket_type_attributes is not None
    names = [a.name for a in bug.ticket_type_attributes.ticket_type_attributes or [] if a is not None]
    assert names == ["_default_title_", "_default_description_", "browser", "affected_users"]
    assert bug.ticket_states is not None
    assert [s.id for s in bug.ticket_states.data or [] if s is not None] == [
        SUBMITTED,
        IN_PROGRESS,
        WAITING,
        RESOLVED,
        "8325",  # the custom "With engineering" state, Bug Reports only
    ]


def test_ticket_states_are_listed_with_their_types(sdk: Session) -> None:
    listing = sdk.client.ticket_states.list_ticket_states()
    assert sdk.wire.since(0) == [("GET", "/ticket_states", 200)]
    states = [s for s in listing.data or [] if s is not None]
    assert [(s.id, s.category, s.archived) for s in states] == [
        (SUBMITTED, "submitted", False),
        (IN_PROGRESS, "in_progress", False),
        (WAITING, "waiting_on_customer", False),
        (RESOLVED, "resolved", False),
        ("8325", "in_progress", False),
        ("8326", "waiting_on_customer", True),
    ]
    custom = states[4]
    assert custom.ticket_types is not None
    assert [t.id for t in custom.ticket_types.data or [] if t is not None] == [BUG_REPORT]


def test_create_with_an_assignment_then_get(sdk: Session) -> None:
    created = sdk.client.tickets.create(
        ticket_type_id=BUG_REPORT,
        contacts=[CreateTicketRequestContactsItemEmail(email=JO_EMAIL)],
        assignment=CreateTicketRequestAssignment(admin_assignee_id=TOMAS, team_assignee_id=TIER2_TEAM),
        created_at=1719493000,
    )
    assert created is not None and created.id is not None
    read = sdk.client.tickets.get(created.id)
    assert sdk.wire.since(0) == [("POST", "/tickets", 200), ("GET", f"/tickets/{created.id}", 200)]

    for ticket in (created, read):
        assert ticket is not None and ticket.id == created.id and ticket.created_at == 1719493000
        assert ticket.ticket_state is not None
        assert (ticket.ticket_state.id, ticket.ticket_state.category) == (SUBMITTED, "submitted")
        # Strings in 2.14, as the SDK types them; integers in 2.16, which the SDK keeps as they come.
        assignees = (ticket.admin_assignee_id, ticket.team_assignee_id)
        assert assignees == ((TOMAS, TIER2_TEAM) if sdk.version == "2.14" else (int(TOMAS), int(TIER2_TEAM)))
        assert ticket.contacts is not None and ticket.contacts.contacts and ticket.contacts.contacts[0].id
        assert ticket.ticket_type is not None and ticket.ticket_type.id == BUG_REPORT
    assert read is not None and read.ticket_parts is not None
    kinds = [p.part_type for p in read.ticket_parts.ticket_parts or []]
    assert kinds == ["ticket_state_updated_by_admin", "assignment", "assignment"]


def test_update_by_state_id_assignee_open_and_snooze(sdk: Session) -> None:
    tickets = sdk.client.tickets
    state = tickets.update(CSV_EXPORT, ticket_state_id=IN_PROGRESS, admin_id=int(MAYA), assignee_id=TIER2_TEAM)
    resolved = tickets.update(CSV_EXPORT, ticket_state_id=RESOLVED)
    closed = tickets.update(CSV_EXPORT, open=False)
    snooze = int(time.time()) + 3600
    snoozed = tickets.update(CSV_EXPORT, open=True, snoozed_until=snooze, ticket_attributes={"browser": "Edge"})
    assert sdk.wire.since(0) == [("PUT", f"/tickets/{CSV_EXPORT}", 200)] * 4

    assert state is not None and state.ticket_state is not None
    assert (state.ticket_state.id, state.ticket_state.category) == (IN_PROGRESS, "in_progress")
    assert str(state.team_assignee_id) == TIER2_TEAM
    assert state.ticket_parts is not None
    state_part, assignment = (state.ticket_parts.ticket_parts or [])[-2:]
    assert state_part.author is not None and state_part.author.id == MAYA  # admin_id performs the update
    assert assignment.assigned_to is not None and assignment.assigned_to.id == TIER2_TEAM
    assert resolved is not None and resolved.ticket_state is not None and resolved.ticket_state.id == RESOLVED
    assert closed is not None and closed.open is False
    assert snoozed is not None and (snoozed.open, snoozed.snoozed_until) == (True, snooze)
    assert snoozed.ticket_attributes is not None and snoozed.ticket_attributes["browser"] == "Edge"


def test_a_state_of_another_type_is_refused_in_intercoms_words(sdk: Session) -> None:
    with pytest.raises(ApiError) as refused:
        sdk.client.tickets.update(REFUND, ticket_state_id="8325")  # Bug Reports only; this is a billing review
    assert sdk.wire.since(0) == [("PUT", f"/tickets/{REFUND}", 400)]
    assert refused.value.status_code == 400
    assert isinstance(refused.value.body, dict)
    assert refused.value.body["errors"][0]["code"] == "ticket_state_id_invalid"


def test_reply_as_an_admin_and_as_the_contact(sdk: Session) -> None:
    note = sdk.client.tickets.reply(
        CHECKOUT, request=AdminReplyTicketRequest(message_type="note", admin_id=MAYA, body="<p>Checked.</p>")
    )
    choice = ContactReplyBaseRequestReplyOptionsItem(text="Yes", uuid_="22d6d1f4-1a19-41d0-94c2-e54031f78aca")
    comment = sdk.client.tickets.reply(
        CHECKOUT, request=ContactReplyTicketEmailRequest(body="Thanks!", email=JO_EMAIL, reply_options=[choice])
    )
    read = sdk.client.tickets.get(CHECKOUT)
    assert sdk.wire.since(0) == [("POST", f"/tickets/{CHECKOUT}/reply", 200)] * 2 + [
        ("GET", f"/tickets/{CHECKOUT}", 200)
    ]

    assert (note.part_type, note.body) == ("note", "<p>Checked.</p>")
    assert note.author is not None and (note.author.type, note.author.id) == ("admin", MAYA)
    assert (comment.part_type, comment.body) == ("comment", "Thanks!")
    assert comment.author is not None and comment.author.type == "user" and comment.author.email == JO_EMAIL
    assert read is not None and read.ticket_parts is not None
    assert [p.id for p in (read.ticket_parts.ticket_parts or [])[-2:]] == [note.id, comment.id]


def test_search_walks_every_page(sdk: Session) -> None:
    for n in range(3):  # seven tickets in all: four pages of two
        sdk.client.tickets.create(
            ticket_type_id=BUG_REPORT, contacts=[CreateTicketRequestContactsItemEmail(email=f"p{n}@example.com")]
        )
    start = len(sdk.wire.exchanges)
    seen: list[str] = []
    cursor: str | None = None
    while True:
        pager = sdk.client.tickets.search(
            query=EVERY_TICKET, pagination=StartingAfterPaging(per_page=2, starting_after=cursor)
        )
        seen += [t.id for t in pager.items or [] if t is not None and t.id is not None]
        pages = pager.response.pages
        assert pages is not None and pages.total_pages == 4 and pager.response.total_count == 7
        if not pager.has_next:
            assert pages.next is None
            break
        assert pages.next is not None and pages.next.starting_after
        cursor = pages.next.starting_after
    assert sdk.wire.since(start) == [("POST", "/tickets/search", 200)] * 4
    assert seen[:4] == [CHECKOUT, VAT, REFUND, CSV_EXPORT] and len(seen) == len(set(seen)) == 7
    # python-intercom 5.0.1's pager cannot walk the pages itself: its next_page() sends the first request's
    # pagination again (so iterating a pager with a next page never ends). The caller pages, as above.
    first = sdk.client.tickets.search(query=EVERY_TICKET, pagination=StartingAfterPaging(per_page=2))
    again = first.next_page()
    assert again is not None and [t.id for t in again.items or [] if t] == seen[:2]


def test_delete_then_get_is_404(sdk: Session) -> None:
    deleted = sdk.client.tickets.delete_ticket(VAT)
    assert (deleted.id, deleted.object, deleted.deleted) == (VAT, "ticket", True)
    with pytest.raises(ApiError) as missing:
        sdk.client.tickets.get(VAT)
    assert sdk.wire.since(0) == [("DELETE", f"/tickets/{VAT}", 200), ("GET", f"/tickets/{VAT}", 404)]
    assert missing.value.status_code == 404
    assert isinstance(missing.value.body, dict) and missing.value.body["errors"][0]["code"] == "ticket_not_found"
