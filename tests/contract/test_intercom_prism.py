"""ticketkit against Intercom's official OpenAPI files (shared/reference/), served by Prism with `--errors`.

Nobody here wrote those files, so they check what our own specs cannot: whether Intercom's description of
its API accepts every request the desk and the generated client send, and whether every response it
describes parses into the unified model.

- Requests: every request shape of every ticket operation, through the desk (get, list by each status and
  page size, create, update by each field, close, comments list and create) and the generated client
  (retrieve, create with each contact form, update, search, admin and contact replies, ticket types), at 2.11;
  and at 2.16 every desk write (status updates by `ticket_state_id` after GET /ticket_states, assignment by
  top-level `admin_id`/`assignee_id`, create with `assignment`) and the 2.16-only client calls (ticket
  states, delete, the 2.14+ update and create fields). Prism validates each against Intercom's schema of
  that version; one it rejects fails the test with Prism's reasons, and a body key the version does not
  declare fails it too.
- Responses: each operation with every named 200 example of the spec (static mode) and with bodies
  generated from the schema for each of SEEDS (dynamic mode). Each parses, and the unified `Ticket` /
  `Comment` agrees with the payload field by field. 2.11 and 2.16 for every operation. 2.16 allows `null`
  for a whole ticket, ticket type, attribute or state, and Prism's dynamic mode sends it: every such body
  parses (a null ticket in a search page is skipped, a null state reads UNKNOWN), except where the null
  is the one ticket a get, create or update answers: the desk has no Ticket to return and raises
  ResponseValidationError (NULLS_THE_DESK_REFUSES); the generated client returns None there.
- Where Intercom's spec and its own examples disagree, Prism refuses to serve the example (--errors) or
  rejects the request example; EXAMPLES_AGAINST_SCHEMA and REQUEST_EXAMPLES_AGAINST_SCHEMA list each such
  case with the side we follow, and the tests prove that side works.
- Attachments: Intercom's spec gives a part attachment's `url` as a plain string on Intercom's file store,
  outside the API (no example has one), so Prism has no file to serve. The download test takes the
  attachments Prism generates: a URL that is not absolute is refused before any request; an absolute one is
  fetched from its own host (answered in-process by `Wire`, never the internet) without the token.

Run by `nox -s contract`, which installs Prism; see tests/contract/conftest.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
import ticketkit
import yaml
from desk_support import sync_desk
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
    QuickReplyOption,
    SearchRequest,
    SingleFilter,
    StartingAfterPaging,
    TicketAssignment,
    TicketRequestAttributes,
    UpdateTicketRequest,
)
from intercom_client.models import Ticket as IntercomTicket
from intercom_client.models import TicketDeleted as IntercomTicketDeleted
from intercom_client.models import TicketList as IntercomTicketList
from intercom_client.models import TicketPart as IntercomTicketPart
from intercom_client.models import TicketStateDetailed as IntercomTicketStateDetailed
from intercom_client.models import TicketStateDetailedList as IntercomTicketStateDetailedList
from intercom_client.models import TicketType as IntercomTicketType
from intercom_client.models import TicketTypeList as IntercomTicketTypeList
from intercom_client.types import UNSET, Response, Unset
from prism_mock import (
    TALLY,
    Exchange,
    Prism,
    Wire,
    dangling_refs,
    example_value,
    null_sites,
    reachable_refs,
    reference,
    routes,
    servable_copy,
    serving,
    success_examples,
    undeclared_keys,
)
from support import load_spec
from ticketkit import Comment, InvalidArgumentError, Party, PartyKind, ResponseValidationError, Ticket, TicketStatus
from ticketkit.vendors.intercom import IntercomAdapter, to_comment

# A fixed list: the same bodies on every run (Prism reseeds json-schema-faker for each response).
SEEDS = tuple(range(1, 21))
TOKEN = "contract-token"
ADMIN_ID = "991267883"
TICKET_TYPE_ID = "106"
TICKET_ID = "494"  # Prism answers any id
TICKET_OPERATIONS = ("getTicket", "createTicket", "updateTicket", "searchTickets", "replyTicket", "deleteTicket")
TYPE_OPERATIONS = ("listTicketTypes", "getTicketType", "listTicketStates")
# The desk reads the ticket states to set a status (2.12+): pinned to Intercom's example, whose states belong to
# every type listed, so the update under test gets its state id without reading the ticket first.
STATES_AS_DOCUMENTED = {"listTicketStates": "example=successful"}

# The unified status of an Intercom state (DESIGN.md's table), before `open: false` and snoozes.
STATES = {
    "submitted": TicketStatus.NEW,
    "in_progress": TicketStatus.IN_PROGRESS,
    "waiting_on_customer": TicketStatus.WAITING_ON_CUSTOMER,
    "resolved": TicketStatus.RESOLVED,
}


@dataclasses.dataclass(frozen=True)
class Disagreement:
    violations: frozenset[tuple[str, str]]  # (where, what) as Prism reports them
    follow: str  # the side we follow, and why


# Named 200 examples of Intercom's spec that break the spec's own response schema: Prism (--errors) will not
# serve them (500 VIOLATIONS). The test checks Prism's reasons, then parses the example as written.
EXAMPLES_AGAINST_SCHEMA = {
    ("2.11", "listTicketTypes", "successful"): Disagreement(
        frozenset({("response.body", "required"), ("response.body.type", "enum")}),
        "both: the 2.11 schema lists ticket types under `ticket_types` (type `ticket_type_attributes.list`), "
        "the example under `data` (type `list`), as 2.12+ do (VENDORS.md); our TicketTypeList accepts either key",
    ),
    ("2.11", "getTicketType", "Ticket type found"): Disagreement(
        frozenset(
            {
                ("response.body.ticket_type_attributes", "required"),
                ("response.body.ticket_type_attributes.type", "enum"),
            }
        ),
        "both: the 2.11 schema nests attributes under `ticket_type_attributes.ticket_type_attributes`, the "
        "example under `ticket_type_attributes.data`; our TicketTypeAttributeList accepts either",
    ),
}

# Request examples of Intercom's spec (for the operations we call) that its own request schema rejects.
# Each writes an id as a JSON number where the schema says string; we follow the schema: ticketkit sends
# ids as strings (an integer given to the desk is converted), and the test shows that the same example,
# with exactly the values Prism names turned into strings, is accepted.
IDS_AS_NUMBERS = "ids written as JSON numbers where the schema says string: we send strings"
REQUEST_EXAMPLES_AGAINST_SCHEMA = {
    ("2.11", "createTicket", "successful_response"): IDS_AS_NUMBERS,
    ("2.11", "replyTicket", "admin_note_reply"): IDS_AS_NUMBERS,
    ("2.11", "replyTicket", "admin_note_cross_post_reply"): IDS_AS_NUMBERS,
    ("2.11", "replyTicket", "admin_quick_reply_reply"): IDS_AS_NUMBERS,
    ("2.16", "createTicket", "successful_response"): IDS_AS_NUMBERS,
    ("2.16", "updateTicket", "successful_response"): IDS_AS_NUMBERS,
    ("2.16", "updateTicket", "admin_not_found"): IDS_AS_NUMBERS,
    ("2.16", "updateTicket", "assignee_not_found"): IDS_AS_NUMBERS,
    ("2.16", "updateTicket", "ticket_state_id_is_not_valid_or_is_not_associated_with_the_ticket_type"): IDS_AS_NUMBERS,
    ("2.16", "replyTicket", "admin_note_reply"): IDS_AS_NUMBERS,
    ("2.16", "replyTicket", "admin_note_cross_post_reply"): IDS_AS_NUMBERS,
    ("2.16", "replyTicket", "admin_quick_reply_reply"): IDS_AS_NUMBERS,
}

# Intercom's 2.16 spec declares five schemas nullable as a whole (`ticket`, `ticket_type`,
# `ticket_type_attribute`, `ticket_state`, `ticket_state_detailed`), so `null` is valid wherever one is used,
# and Prism's dynamic mode sends it: as the whole body, as a list item, as a property. Our spec accepts every
# one of them (2.11 allows none, and no example of either version has one). The generated client parses them
# all (None for a null body). The desk skips a null ticket in a search page and reads a null state or type as
# UNKNOWN / nothing, but where the null is the one ticket a get, create or update answers with it has no Ticket
# to return: ResponseValidationError. The null sites (see prism_mock.null_sites) the desk refuses:
NULLS_THE_DESK_REFUSES: dict[str, frozenset[str]] = {
    "getTicket": frozenset({"$"}),
    "createTicket": frozenset({"$"}),
    "updateTicket": frozenset({"$"}),
}


def nulls(operation: str, exchange: Exchange) -> set[str]:
    """The null sites of a 200 answer (where the reference allows `null` and Prism sent one)."""
    return set(null_sites(exchange.version, operation, exchange.json())) if exchange.status == 200 else set()


def sources(version: str, operation: str) -> list[str]:
    """The `Prefer` header of each response to try: every named example, then each seed."""
    examples = [f"example={name}" for name in success_examples(version, operation)]
    return examples + [f"dynamic=true, seed={seed}" for seed in SEEDS]


def default_source(version: str, operation: str) -> str:
    """For request checks: the first example, or a generated body if that example breaks the schema."""
    first = success_examples(version, operation)[0]
    if (version, operation, first) in EXAMPLES_AGAINST_SCHEMA:
        return f"dynamic=true, seed={SEEDS[0]}"
    return f"example={first}"


def prism_for(request: pytest.FixtureRequest, version: str) -> Prism:
    prism: Prism = request.getfixturevalue(f"prism_{version.replace('.', '_')}")
    return prism


@contextmanager
def desk_on(
    prism: Prism, version: str, files: dict[str, bytes] | None = None, prefer: dict[str, str] | None = None
) -> Iterator[tuple[ticketkit.Desk, Wire]]:
    wire = Wire(version, prism.url, files, prefer=prefer)
    with sync_desk(
        "intercom",
        token=TOKEN,
        base_url=prism.url,  # http://127.0.0.1:...: loopback needs no allow_insecure
        api_version=version,
        admin_id=ADMIN_ID,
        ticket_type_id=TICKET_TYPE_ID,
        transport=wire,
    ) as desk:
        yield desk, wire


@contextmanager
def client_on(prism: Prism, version: str, source: str | None) -> Iterator[tuple[AuthenticatedClient, Wire]]:
    wire = Wire(version, prism.url)
    headers = {"Prefer": source} if source else {}
    with AuthenticatedClient(
        base_url=prism.url, token=TOKEN, headers=headers, httpx_args={"transport": wire}
    ) as client:
        yield client, wire


def accepted(wire: Wire, call: Callable[[], Any]) -> Any:
    """Run `call`: every request it sent must be accepted by Prism and answered 200."""
    try:
        result = call()
    except ticketkit.TicketkitError as exc:
        pytest.fail(f"{exc!r}\nPrism rejected: {wire.rejections() or 'nothing (no request violations)'}")
    assert not wire.rejections(), "\n".join(wire.rejections())
    assert wire.exchanges, "nothing was sent"
    assert [e.status for e in wire.exchanges] == [200] * len(wire.exchanges)
    assert {e.authorization for e in wire.exchanges} == {f"Bearer {TOKEN}"}
    return result


# -- what the unified model must say about a payload --------------------------------------------------------


def _aware(value: dt.datetime | None, seconds: Any) -> None:
    if seconds is None:
        assert value is None
        return
    assert value == dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    assert value is not None and value.utcoffset() == dt.timedelta(0)


def check_ticket(ticket: Ticket, now: float) -> None:
    """The unified ticket against its own raw payload (Intercom 2.11 or 2.16 shape)."""
    raw = ticket.raw
    assert isinstance(ticket, Ticket) and ticket.vendor == "intercom"
    assert ticket.id == raw["id"] and ticket.number == raw["ticket_id"]
    state = raw.get("ticket_state")
    state = state.get("category") if isinstance(state, dict) else state
    assert ticket.status_raw == state
    expected = STATES.get(state, TicketStatus.UNKNOWN) if state is not None else TicketStatus.UNKNOWN
    if expected is not TicketStatus.RESOLVED:
        snoozed = raw.get("snoozed_until")
        if raw.get("open") is False:
            expected = TicketStatus.CLOSED
        elif isinstance(snoozed, int) and snoozed > now:
            expected = TicketStatus.ON_HOLD
    assert ticket.status is expected
    _aware(ticket.created_at, raw.get("created_at"))
    _aware(ticket.updated_at, raw.get("updated_at"))
    attributes = raw["ticket_attributes"]
    assert ticket.custom_fields == {
        k: v for k, v in attributes.items() if k not in ("_default_title_", "_default_description_")
    }
    title, description = attributes.get("_default_title_"), attributes.get("_default_description_")
    if isinstance(title, str) or title is None:
        assert ticket.subject == title
    else:  # a number or a list where Intercom documents a string: kept as its text
        assert isinstance(ticket.subject, str)
    assert (ticket.description is None) is (description is None)
    contacts = raw["contacts"].get("contacts") or []
    assert (ticket.requester.id if ticket.requester else None) == (contacts[0]["id"] if contacts else None)
    admin, team = raw.get("admin_assignee_id"), raw.get("team_assignee_id")
    if admin not in (None, "0", 0):
        assert ticket.assignee == Party(kind=PartyKind.AGENT, id=str(admin))
    elif team not in (None, "0", 0):
        assert ticket.assignee == Party(kind=PartyKind.TEAM, id=str(team))
    else:
        assert ticket.assignee is None
    parts = (raw.get("ticket_parts") or {}).get("ticket_parts")
    if parts is None:
        assert ticket.comments is None
    else:
        assert ticket.comments is not None
        messages = [p for p in parts if p.get("body") or p.get("attachments")]
        assert [c.id for c in ticket.comments] == [p["id"] for p in messages]
        for comment, part in zip(ticket.comments, messages, strict=True):
            assert comment.raw is part
            check_comment(comment)
        assert ticket.attachments == [a for c in ticket.comments for a in c.attachments]


def check_comment(comment: Comment) -> None:
    raw = comment.raw
    assert isinstance(comment, Comment)
    assert comment.id == raw["id"]
    assert comment.internal is (raw.get("part_type") == "note")
    assert comment.body_html == raw.get("body")
    _aware(comment.created_at, raw.get("created_at"))
    author = raw.get("author")
    assert (comment.author.id if comment.author else None) == (
        None if not author or author.get("id") is None else str(author["id"])
    )
    files = raw.get("attachments") or []
    assert [(a.url, a.name, a.size) for a in comment.attachments] == [
        (f["url"], f["name"], f.get("filesize")) for f in files
    ]


def check_parsed(result: Any, now: float) -> None:
    """Any desk result: a ticket, a list of tickets, a comment or a list of comments."""
    items = result if isinstance(result, list) else [result]
    for item in items:
        if isinstance(item, Ticket):
            check_ticket(item, now)
        else:
            check_comment(item)


def check_client_result(version: str, response: Response[Any]) -> None:
    """A generated-client result: typed, and (tickets, parts) normalized into the unified model."""
    assert response.status_code == 200, response.content[:500]
    body = json.loads(response.content)
    parsed = response.parsed
    adapter = IntercomAdapter(api_version=version)
    now = time.time()
    if parsed is None:  # a null ticket or ticket type, which 2.16 allows
        assert body is None
    elif isinstance(parsed, IntercomTicket):
        check_ticket(adapter.to_ticket(parsed, body), now)
    elif isinstance(parsed, IntercomTicketList):
        assert len(parsed.tickets) == len(body["tickets"])
        for model, item in zip(parsed.tickets, body["tickets"], strict=True):
            assert (model is None) is (item is None)
            if isinstance(model, IntercomTicket):
                check_ticket(adapter.to_ticket(model, item), now)
    elif isinstance(parsed, IntercomTicketPart):
        check_comment(to_comment(parsed, body, TICKET_ID))
    elif isinstance(parsed, IntercomTicketType):
        assert (parsed.id, parsed.name) == (body["id"], body.get("name", UNSET))
    elif isinstance(parsed, IntercomTicketTypeList):
        listed = body.get("ticket_types", body.get("data"))
        models = parsed.ticket_types if "ticket_types" in body else parsed.data
        assert isinstance(models, list) and [t and t.id for t in models] == [t and t["id"] for t in listed]
    elif isinstance(parsed, IntercomTicketStateDetailedList):
        listed = body.get("data", [])
        states = [] if isinstance(parsed.data, Unset) else parsed.data
        assert [s.id if isinstance(s, IntercomTicketStateDetailed) else s for s in states] == [
            s if s is None else s.get("id", UNSET) for s in listed
        ]
    elif isinstance(parsed, IntercomTicketDeleted):
        assert (parsed.id, parsed.deleted) == (body.get("id", UNSET), body.get("deleted", UNSET))
    else:
        raise AssertionError(f"unexpected result {parsed!r}")


# -- the calls -------------------------------------------------------------------------------------------------

DeskCall = Callable[[ticketkit.Desk, dict[str, str]], Any]
ClientCall = Callable[[AuthenticatedClient, str], Response[Any]]

SEARCH = SearchRequest(
    query=CompoundFilter(
        operator=CompoundFilterOperator.AND,
        value=[
            SingleFilter(field="open", operator="=", value=True),
            CompoundFilter(
                operator=CompoundFilterOperator.OR,
                value=[
                    SingleFilter(field="state", operator="=", value="in_progress"),
                    SingleFilter(field="created_at", operator=">", value=1719493000),
                ],
            ),
        ],
    ),
    pagination=StartingAfterPaging(per_page=25, starting_after="WzE3MTk0OTMwNjUwMDAsIjQ5NCJd"),
)
SNOOZE = dt.datetime(2031, 1, 1, tzinfo=dt.UTC)


def every_ticket(tickets: Iterator[Ticket]) -> list[Ticket]:
    """Every ticket of a listing. When it ends in PagingLoopError (Prism answers a seed with the same page, its
    next cursor the one just sent), the tickets yielded before are on the error as `listed`."""
    yielded: list[Ticket] = []
    try:
        yielded.extend(tickets)
    except ticketkit.PagingLoopError as loop:
        loop.listed = yielded  # type: ignore[attr-defined]
        raise
    return yielded


# Each request shape the desk sends: (reference operationId, the call).
DESK_REQUESTS: dict[str, tuple[str, DeskCall]] = {
    "tickets.get": ("getTicket", lambda d, h: d.tickets.get(TICKET_ID, extra_headers=h)),
    "tickets.list": ("searchTickets", lambda d, h: every_ticket(d.tickets.list(limit=50, extra_headers=h))),
    "tickets.list page_size=5": (
        "searchTickets",
        lambda d, h: every_ticket(d.tickets.list(page_size=5, limit=50, extra_headers=h)),
    ),
    **{
        f"tickets.list status={status.value}": (
            "searchTickets",
            lambda d, h, s=status: every_ticket(d.tickets.list(status=s, limit=50, extra_headers=h)),
        )
        for status in (
            TicketStatus.NEW,
            TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.ON_HOLD,
            TicketStatus.RESOLVED,
            TicketStatus.CLOSED,
        )
    },
    "tickets.create": (
        "createTicket",
        lambda d, h: d.tickets.create(
            subject="Printer on fire",
            description="It is on fire.",
            requester_email="ann@example.com",
            extra_headers=h,
        ),
    ),
    "tickets.create with attributes, company, integer type id": (
        "createTicket",
        lambda d, h: d.tickets.create(
            subject="Refund",
            requester_email="bob@example.com",
            ticket_type_id=107,
            company_id="6762f0b11bb69f9f2193bb88",
            ticket_attributes={"order_number": "A-1", "quantity": 3, "urgent": True, "tags": ["a", "b"]},
            extra_headers=h,
        ),
    ),
    **{
        f"tickets.update status={status.value}": (
            "updateTicket",
            lambda d, h, s=status: d.tickets.update(TICKET_ID, status=s, extra_headers=h),
        )
        for status in (
            TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.RESOLVED,
            TicketStatus.CLOSED,
        )
    },
    "tickets.update subject, description, attributes": (
        "updateTicket",
        lambda d, h: d.tickets.update(
            TICKET_ID, subject="New title", description="New text", ticket_attributes={"quantity": 4}, extra_headers=h
        ),
    ),
    "tickets.update assignment": (
        "updateTicket",
        lambda d, h: d.tickets.update(TICKET_ID, assignment={"assignee_id": "991267885"}, extra_headers=h),
    ),
    "tickets.update unassign, is_shared, snoozed_until": (
        "updateTicket",
        lambda d, h: d.tickets.update(
            TICKET_ID,
            assignment={"admin_id": 991267884, "assignee_id": "0"},
            is_shared=True,
            snoozed_until=SNOOZE,
            extra_headers=h,
        ),
    ),
    "tickets.close": ("updateTicket", lambda d, h: d.tickets.close(TICKET_ID, extra_headers=h)),
    "comments.list": ("getTicket", lambda d, h: d.comments.list(TICKET_ID, extra_headers=h)),
    "comments.create": (
        "replyTicket",
        lambda d, h: d.comments.create(TICKET_ID, body="Thanks <b>& welcome</b>", extra_headers=h),
    ),
    "comments.create internal": (
        "replyTicket",
        lambda d, h: d.comments.create(TICKET_ID, body="Checked the logs.", internal=True, extra_headers=h),
    ),
    "comments.create attachment_urls, admin_id": (
        "replyTicket",
        lambda d, h: d.comments.create(
            TICKET_ID,
            body="See attached",
            admin_id=991267884,
            attachment_urls=["https://example.com/a.png", "https://example.com/b.pdf"],
            extra_headers=h,
        ),
    ),
}


# Desk requests only 2.14+ can send (2.11-2.13 refuse them before sending).
DESK_REQUESTS_2_16: dict[str, tuple[str, DeskCall]] = {
    "tickets.update status=new": (
        "updateTicket",
        lambda d, h: d.tickets.update(TICKET_ID, status=TicketStatus.NEW, extra_headers=h),
    ),
    "tickets.update assignee_id, admin_id": (
        "updateTicket",
        lambda d, h: d.tickets.update(TICKET_ID, assignee_id="991267885", admin_id=991267884, extra_headers=h),
    ),
    "tickets.update ticket_state_id": (
        "updateTicket",
        lambda d, h: d.tickets.update(TICKET_ID, ticket_state_id="8273", extra_headers=h),
    ),
    "tickets.create assignee_id, team_assignee_id": (
        "createTicket",
        lambda d, h: d.tickets.create(
            subject="Assigned",
            requester_email="ann@example.com",
            assignee_id="991267885",
            team_assignee_id="5017691",
            extra_headers=h,
        ),
    ),
}
DESK_WRITES = [
    name
    for name, (operation, _) in DESK_REQUESTS.items()
    if operation in ("createTicket", "updateTicket", "replyTicket")
]


def _create(*contacts: ContactByEmail | ContactByExternalId | ContactById) -> CreateTicketRequest:
    return CreateTicketRequest(
        ticket_type_id=TICKET_TYPE_ID,
        contacts=list(contacts),
        ticket_attributes=TicketRequestAttributes.from_dict({"_default_title_": "T", "_default_description_": "D"}),
        company_id="6762f0b11bb69f9f2193bb88",
        created_at=1719493000,
    )


def _reply(body: AdminReply | ContactReply) -> ClientCall:
    return lambda c, v: reply_ticket.sync_detailed(TICKET_ID, client=c, body=body, intercom_version=v)


def _contact(**who: str) -> ContactReply:
    return ContactReply(message_type=ContactReplyMessageType.COMMENT, type_=ContactReplyType.USER, body="Thanks", **who)


# Each request shape the generated client sends: (reference operationId, the call).
CLIENT_REQUESTS: dict[str, tuple[str, ClientCall]] = {
    "retrieve_ticket": (
        "getTicket",
        lambda c, v: retrieve_ticket.sync_detailed(TICKET_ID, client=c, intercom_version=v),
    ),
    "search_tickets nested filters, cursor": (
        "searchTickets",
        lambda c, v: search_tickets.sync_detailed(client=c, body=SEARCH, intercom_version=v),
    ),
    "search_tickets single filter": (
        "searchTickets",
        lambda c, v: search_tickets.sync_detailed(
            client=c,
            body=SearchRequest(query=SingleFilter(field="open", operator="=", value=False)),
            intercom_version=v,
        ),
    ),
    "create_ticket contact by id": (
        "createTicket",
        lambda c, v: create_ticket.sync_detailed(
            client=c, body=_create(ContactById(id="667d61b78a68186f43bafe8d")), intercom_version=v
        ),
    ),
    "create_ticket contact by external_id": (
        "createTicket",
        lambda c, v: create_ticket.sync_detailed(
            client=c, body=_create(ContactByExternalId(external_id="u-1")), intercom_version=v
        ),
    ),
    "create_ticket contact by email": (
        "createTicket",
        lambda c, v: create_ticket.sync_detailed(
            client=c, body=_create(ContactByEmail(email="ann@example.com")), intercom_version=v
        ),
    ),
    "update_ticket every field": (
        "updateTicket",
        lambda c, v: update_ticket.sync_detailed(
            TICKET_ID,
            client=c,
            body=UpdateTicketRequest(
                ticket_attributes=TicketRequestAttributes.from_dict({"_default_title_": "T"}),
                state="waiting_on_customer",
                open_=True,
                is_shared=False,
                snoozed_until=1924992000,
                assignment=TicketAssignment(admin_id=ADMIN_ID, assignee_id="991267885"),
            ),
            intercom_version=v,
        ),
    ),
    "reply_ticket admin comment": (
        "replyTicket",
        _reply(AdminReply(message_type="comment", type_=AdminReplyType.ADMIN, admin_id=ADMIN_ID, body="Hello")),
    ),
    "reply_ticket admin note with files and time": (
        "replyTicket",
        _reply(
            AdminReply(
                message_type="note",
                type_=AdminReplyType.ADMIN,
                admin_id=ADMIN_ID,
                body="<p>Note</p>",
                attachment_urls=["https://example.com/a.png"],
                created_at=1719493100,
            )
        ),
    ),
    "reply_ticket admin quick_reply": (
        "replyTicket",
        _reply(
            AdminReply(
                message_type="quick_reply",
                type_=AdminReplyType.ADMIN,
                admin_id=ADMIN_ID,
                reply_options=[
                    QuickReplyOption(text="Yes", uuid=UUID("22d6d1f4-1a19-41d0-94c2-e54031f78aca")),
                    QuickReplyOption(text="No", uuid=UUID("fbc3dbe0-ec0c-4fb6-826d-e19127191906")),
                ],
            )
        ),
    ),
    "reply_ticket contact by intercom_user_id": (
        "replyTicket",
        _reply(_contact(intercom_user_id="667d619d8a68186f43bafe82")),
    ),
    "reply_ticket contact by user_id": ("replyTicket", _reply(_contact(user_id="u-1"))),
    "reply_ticket contact by email": ("replyTicket", _reply(_contact(email="ann@example.com"))),
    "list_ticket_types": (
        "listTicketTypes",
        lambda c, v: list_ticket_types.sync_detailed(client=c, intercom_version=v),
    ),
    "get_ticket_type": (
        "getTicketType",
        lambda c, v: get_ticket_type.sync_detailed("1234", client=c, intercom_version=v),
    ),
}

# Each request shape of the generated client only 2.12+ (or 2.14+) can send, run against 2.16.
CLIENT_REQUESTS_2_16: dict[str, tuple[str, ClientCall]] = {
    "list_ticket_states": (
        "listTicketStates",
        lambda c, v: list_ticket_states.sync_detailed(client=c, intercom_version=v),
    ),
    "delete_ticket": (
        "deleteTicket",
        lambda c, v: delete_ticket.sync_detailed(TICKET_ID, client=c, intercom_version=v),
    ),
    "update_ticket 2.14+ fields": (
        "updateTicket",
        lambda c, v: update_ticket.sync_detailed(
            TICKET_ID,
            client=c,
            body=UpdateTicketRequest(
                ticket_attributes=TicketRequestAttributes.from_dict({"_default_title_": "T"}),
                ticket_state_id="8498",
                company_id="5f4d3c1c-7b1b-4d7d-a97e-6095715c6632",
                open_=True,
                is_shared=False,
                snoozed_until=1924992000,
                admin_id=991268011,
                assignee_id="991268013",
                skip_notifications=True,
            ),
            intercom_version=v,
        ),
    ),
    "create_ticket with assignment": (
        "createTicket",
        lambda c, v: create_ticket.sync_detailed(
            client=c,
            body=CreateTicketRequest(
                ticket_type_id=TICKET_TYPE_ID,
                contacts=[ContactById(id="667d61b78a68186f43bafe8d")],
                assignment=CreateTicketAssignment(admin_assignee_id="991267883", team_assignee_id="5017691"),
                skip_notifications=True,
                conversation_to_link_id="1234",
            ),
            intercom_version=v,
        ),
    ),
    "reply_ticket contact with reply_options": (
        "replyTicket",
        _reply(
            ContactReply(
                message_type=ContactReplyMessageType.COMMENT,
                type_=ContactReplyType.USER,
                body="Yes",
                email="ann@example.com",
                reply_options=[QuickReplyOption(text="Yes", uuid=UUID("22d6d1f4-1a19-41d0-94c2-e54031f78aca"))],
            )
        ),
    ),
}
ALL_CLIENT_REQUESTS = {**CLIENT_REQUESTS, **CLIENT_REQUESTS_2_16}
ALL_DESK_REQUESTS = {**DESK_REQUESTS, **DESK_REQUESTS_2_16}

# One call per operation for the response matrix.
DESK_RESPONSES = (
    "tickets.get",
    "tickets.list",
    "tickets.create",
    "tickets.update status=in_progress",
    "tickets.close",
    "comments.list",
    "comments.create",
)
DESK_RESPONSES_2_16 = (*DESK_RESPONSES, "tickets.update assignee_id, admin_id")
CLIENT_RESPONSES = (
    "retrieve_ticket",
    "search_tickets nested filters, cursor",
    "create_ticket contact by email",
    "update_ticket every field",
    "reply_ticket admin comment",
    "list_ticket_types",
    "get_ticket_type",
)
CLIENT_RESPONSES_2_16 = (
    "retrieve_ticket",
    "search_tickets nested filters, cursor",
    "create_ticket with assignment",
    "update_ticket 2.14+ fields",
    "reply_ticket admin comment",
    "list_ticket_types",
    "get_ticket_type",
    "list_ticket_states",
    "delete_ticket",
)
VERSIONS = {"2.11": (DESK_RESPONSES, CLIENT_RESPONSES), "2.16": (DESK_RESPONSES_2_16, CLIENT_RESPONSES_2_16)}


def _matrix(kind: str) -> list[Any]:
    cases = []
    for version, (desk_calls, client_calls) in VERSIONS.items():
        names = desk_calls if kind == "desk" else client_calls
        table = ALL_DESK_REQUESTS if kind == "desk" else ALL_CLIENT_REQUESTS
        for name in names:
            operation = table[name][0]
            for source in sources(version, operation):
                if (version, operation, source.removeprefix("example=")) in EXAMPLES_AGAINST_SCHEMA:
                    continue  # test_examples_that_break_their_own_schema
                cases.append(pytest.param(version, name, source, id=f"{version}-{name}-{source}"))
    return cases


def assert_declared(wire: Wire) -> None:
    """Every key of every request body is one the reference declares (Prism lets others through)."""
    for exchange in wire.exchanges:
        if exchange.request_body:
            body = json.loads(exchange.request_body)
            assert undeclared_keys(exchange.version, exchange.operation or "", body) == set(), body


# -- the reference itself --------------------------------------------------------------------------------------


def test_reference_dangling_refs_are_outside_the_ticket_operations() -> None:
    """2.11 has one `$ref` to a schema it lacks (Prism will not load it): patched, and never on our paths."""
    assert set(dangling_refs(reference("2.11"))) == {"#/components/schemas/custom_attributes"}
    assert dangling_refs(reference("2.16")) == {}
    for version in ("2.11", "2.16"):
        spec = reference(version)
        for route in routes(version):
            if route.operation_id in TICKET_OPERATIONS + TYPE_OPERATIONS:
                used = reachable_refs(spec, spec["paths"][route.template][route.method.lower()])
                assert not used & set(dangling_refs(spec)), route.operation_id


def test_servable_copy_changes_nothing_but_the_stub(tmp_path: Path) -> None:
    copy, names = servable_copy("2.11", tmp_path)
    assert names == ["custom_attributes"]
    original = reference("2.11")
    patched = yaml.safe_load(copy.read_text(encoding="utf-8"))
    assert patched["components"]["schemas"].pop("custom_attributes") == {"type": "object"}
    assert patched == original


def test_every_operation_of_our_spec_is_a_reference_operation_we_run() -> None:
    """specs/intercom.yaml's operations are all Intercom's (2.11's, or 2.16's for the later ones: ticket
    states, delete), and every one of them is in the tables here."""
    ours = load_spec("intercom")["paths"]
    exercised = {op for op, _ in ALL_DESK_REQUESTS.values()} | {op for op, _ in ALL_CLIENT_REQUESTS.values()}
    for path, item in ours.items():
        for method in ("get", "put", "post", "delete", "patch"):
            if method not in item:
                continue
            concrete = path.replace("{id}", "1")
            matches = [
                r
                for version in ("2.11", "2.16")
                for r in routes(version)
                if r.method == method.upper() and r.pattern.match(concrete)
            ]
            assert matches, f"{method.upper()} {path} is in neither of Intercom's specs"
            assert matches[0].operation_id in exercised, f"{method.upper()} {path} is never run against Prism"
    assert exercised == set(TICKET_OPERATIONS + TYPE_OPERATIONS)


# -- requests: every shape we send is one Intercom's spec accepts ------------------------------------------------


@pytest.mark.parametrize("name", list(DESK_REQUESTS))
def test_desk_request_is_accepted(request: pytest.FixtureRequest, name: str) -> None:
    operation, call = DESK_REQUESTS[name]
    prism = prism_for(request, "2.11")
    with desk_on(prism, "2.11") as (desk, wire):
        source = default_source("2.11", operation)
        result = accepted(wire, lambda: call(desk, {"Prefer": source}))
    assert {e.operation for e in wire.exchanges} == {operation}
    assert_declared(wire)
    assert {e.path for e in wire.exchanges} <= {
        f"/tickets/{TICKET_ID}",
        "/tickets",
        "/tickets/search",
        f"/tickets/{TICKET_ID}/reply",
    }
    check_parsed(result, time.time())
    TALLY.response_parsed("2.11", f"desk {name.split()[0]}", source)


@pytest.mark.parametrize(
    ("version", "name"), [("2.11", n) for n in CLIENT_REQUESTS] + [("2.16", n) for n in CLIENT_REQUESTS_2_16]
)
def test_client_request_is_accepted(request: pytest.FixtureRequest, version: str, name: str) -> None:
    operation, call = ALL_CLIENT_REQUESTS[name]
    source = default_source(version, operation)
    with client_on(prism_for(request, version), version, source) as (client, wire):
        response = accepted(wire, lambda: call(client, version))
    assert [e.operation for e in wire.exchanges] == [operation]
    assert_declared(wire)
    check_client_result(version, response)
    TALLY.response_parsed(version, f"client {name.split()[0]}", source)


def test_the_desk_sends_the_cursor_it_was_given(request: pytest.FixtureRequest) -> None:
    """A search page with `pages.next`: the desk's second request (starting_after) is accepted too."""
    paged = 0
    for seed in SEEDS:
        with desk_on(prism_for(request, "2.11"), "2.11") as (desk, wire):
            prefer = {"Prefer": f"dynamic=true, seed={seed}"}

            def listing(headers: dict[str, str] = prefer) -> Any:
                try:
                    return list(desk.tickets.list(limit=500, extra_headers=headers))
                except ticketkit.PagingLoopError as loop:
                    return loop

            outcome = accepted(wire, listing)
        first = wire.exchanges[0].json()
        cursor = ((first.get("pages") or {}).get("next") or {}).get("starting_after")
        if not isinstance(cursor, str):
            assert len(wire.exchanges) == 1 and isinstance(outcome, list)
            continue
        paged += 1
        # The same seed answers the same page, whose next cursor is the one just sent: the desk stops after two
        # requests with PagingLoopError (asking again would page forever).
        assert len(wire.exchanges) == 2
        assert isinstance(outcome, ticketkit.PagingLoopError) and outcome.cursor == cursor, outcome
        assert json.loads(wire.exchanges[1].request_body)["pagination"]["starting_after"] == cursor
    assert paged, "no seed gives a page with a next cursor: pick other seeds"


def strings_where_named(body: Any, exchange: Exchange) -> Any:
    """`body` with each value Prism said "must be string" turned into a string, and nothing else changed."""
    fixed = json.loads(json.dumps(body))
    for violation in exchange.violations:
        location = violation.get("location", [])
        if violation.get("code") != "type" or not str(violation.get("message")).endswith("must be string"):
            continue
        assert location[:2] == ["request", "body"] and len(location) > 2, violation
        node = fixed
        for key in location[2:-1]:
            node = node[key]
        node[location[-1]] = str(node[location[-1]])
    return fixed


def _request_examples() -> list[Any]:
    cases = []
    for version in ("2.11", "2.16"):
        for route in routes(version):
            if route.operation_id not in ("createTicket", "updateTicket", "searchTickets", "replyTicket"):
                continue
            op = reference(version)["paths"][route.template][route.method.lower()]
            examples = op["requestBody"]["content"]["application/json"].get("examples", {})
            for name in examples:
                cases.append(
                    pytest.param(version, route.operation_id, name, id=f"{version}-{route.operation_id}-{name}")
                )
    return cases


@pytest.mark.parametrize(("version", "operation", "name"), _request_examples())
def test_request_examples_of_the_reference(
    request: pytest.FixtureRequest, version: str, operation: str, name: str
) -> None:
    """Intercom's own request examples against its own schema; where they disagree, the schema's side works."""
    route = next(r for r in routes(version) if r.operation_id == operation)
    op = reference(version)["paths"][route.template][route.method.lower()]
    body = op["requestBody"]["content"]["application/json"]["examples"][name]["value"]
    path = route.template.replace("{ticket_id}", TICKET_ID)
    prism = prism_for(request, version)
    wire = Wire(version, prism.url, probe=True)
    with httpx.Client(base_url=prism.url, transport=wire, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
        http.request(route.method, path, json=body, headers={"Intercom-Version": version})
        disagreement = REQUEST_EXAMPLES_AGAINST_SCHEMA.get((version, operation, name))
        if disagreement is None:
            assert not wire.rejections(), "\n".join(wire.rejections())
            return
        assert wire.rejections(), f"{name} is accepted now: remove it from REQUEST_EXAMPLES_AGAINST_SCHEMA"
        TALLY.request_example_disagreements[version].add(f"{operation} {name}: {disagreement}")
        fixed = strings_where_named(body, wire.exchanges[0])
        assert fixed != body
        wire.exchanges.clear()
        http.request(route.method, path, json=fixed, headers={"Intercom-Version": version})
        assert not wire.rejections(), "\n".join(wire.rejections())
        assert [e.status for e in wire.exchanges] == [200]


# -- responses: every example and generated body parses into the unified model ---------------------------------


@pytest.mark.parametrize(("version", "name", "source"), _matrix("desk"))
def test_desk_parses_response(request: pytest.FixtureRequest, version: str, name: str, source: str) -> None:
    operation, call = ALL_DESK_REQUESTS[name]
    with desk_on(prism_for(request, version), version, prefer=STATES_AS_DOCUMENTED) as (desk, wire):
        try:
            result, error = call(desk, {"Prefer": source}), None
        except ticketkit.TicketkitError as exc:
            result, error = None, exc
    assert not wire.rejections(), "\n".join(wire.rejections())
    under_test = [e for e in wire.exchanges if e.operation == operation]
    assert {e.operation for e in wire.exchanges} <= {operation, *STATES_AS_DOCUMENTED}
    assert under_test and {e.prefer for e in under_test} == {source}
    assert [e.status for e in wire.exchanges] == [200] * len(wire.exchanges)
    caller = f"desk {name.split()[0]}"
    found = nulls(operation, under_test[0])
    refused = found & NULLS_THE_DESK_REFUSES.get(operation, frozenset())
    if refused:
        assert isinstance(error, ResponseValidationError), f"a null at {refused}: {error!r}"
        assert "null where the ticket belongs" in str(error)
        TALLY.null_refused(version, caller, refused)
        return
    if isinstance(error, ticketkit.PagingLoopError):
        # Prism answers a seed with the same page, whose next cursor is the one just sent: the desk stops on the
        # second request, the page's tickets listed once (it used to list them twice and stop silently).
        sent = json.loads(under_test[-1].request_body)["pagination"]["starting_after"]
        assert len(under_test) == 2 and error.cursor == sent == under_test[-1].json()["pages"]["next"]["starting_after"]
        result, error = error.listed, None  # type: ignore[attr-defined]
    assert error is None, f"{error!r}\nbody: {under_test[-1].body[:2000]!r}"
    check_parsed(result, time.time())
    if operation == "searchTickets":  # a null ticket is skipped, a repeated one too: every other one, in order
        ids = [t["id"] for e in under_test for t in e.json()["tickets"] if t is not None]
        unique = list(dict.fromkeys(ids))
        assert [t.id for t in result] == unique[: len(result)] and len(result) == min(len(unique), 50)
    if found:
        TALLY.null_parsed(version, caller, found)
    TALLY.response_parsed(version, caller, source)


@pytest.mark.parametrize(("version", "name", "source"), _matrix("client"))
def test_client_parses_response(request: pytest.FixtureRequest, version: str, name: str, source: str) -> None:
    """The generated client parses every answer, every null 2.16 allows included."""
    operation, call = ALL_CLIENT_REQUESTS[name]
    with client_on(prism_for(request, version), version, source) as (client, wire):
        response = call(client, version)
    assert not wire.rejections(), "\n".join(wire.rejections())
    assert [(e.operation, e.status) for e in wire.exchanges] == [(operation, 200)]
    check_client_result(version, response)
    caller = f"client {name.split()[0]}"
    found = nulls(operation, wire.exchanges[0])
    if found:
        TALLY.null_parsed(version, caller, found)
    TALLY.response_parsed(version, caller, source)


@pytest.mark.parametrize(
    ("version", "operation", "example"), [pytest.param(*key, id="-".join(key)) for key in EXAMPLES_AGAINST_SCHEMA]
)
def test_examples_that_break_their_own_schema(
    request: pytest.FixtureRequest, version: str, operation: str, example: str
) -> None:
    """Prism will not serve these examples (they break Intercom's schema); we parse them as written anyway."""
    disagreement = EXAMPLES_AGAINST_SCHEMA[(version, operation, example)]
    name = next(n for n in CLIENT_RESPONSES if CLIENT_REQUESTS[n][0] == operation)
    call = CLIENT_REQUESTS[name][1]
    with client_on(prism_for(request, version), version, f"example={example}") as (client, wire):
        refused = call(client, version)
    assert not wire.rejections(), "\n".join(wire.rejections())  # the request was fine; the example is not
    assert refused.status_code == 500
    problem = json.loads(refused.content)
    assert problem["type"].endswith("#VIOLATIONS")
    found = {(".".join(v["location"]), v["code"]) for v in problem["validation"]}
    assert found == disagreement.violations, f"Prism's reasons changed: {problem['validation']}"
    TALLY.example_disagreements[version].add(f"{operation} {example!r}: {disagreement.follow}")

    body = example_value(version, operation, example)
    replay = httpx.MockTransport(lambda _: httpx.Response(200, json=body))
    with AuthenticatedClient(base_url="https://api.intercom.io", token=TOKEN, httpx_args={"transport": replay}) as c:
        check_client_result(version, call(c, version))
    TALLY.response_parsed(version, f"client {name.split()[0]}", f"example={example}")


# At 2.16 every desk write is sent, with the fields 2.16 takes: a status by `ticket_state_id` (after GET
# /ticket_states), the admin acting as an integer `admin_id`, the assignee as `assignee_id`, a create's
# assignment as `assignment`; no key 2.16 does not declare. What each write must carry:
WRITES_AT_2_16: dict[str, dict[str, Any]] = {
    "tickets.update status=in_progress": {"ticket_state_id": "8270", "admin_id": int(ADMIN_ID)},
    "tickets.update status=waiting_on_customer": {"ticket_state_id": "8271", "admin_id": int(ADMIN_ID)},
    "tickets.update status=resolved": {"ticket_state_id": "8272", "admin_id": int(ADMIN_ID)},
    "tickets.update status=new": {"ticket_state_id": "8269", "admin_id": int(ADMIN_ID)},  # the one every type has
    "tickets.update status=closed": {"open": False, "admin_id": int(ADMIN_ID)},
    "tickets.update assignment": {"admin_id": int(ADMIN_ID), "assignee_id": "991267885"},
    "tickets.update unassign, is_shared, snoozed_until": {"admin_id": 991267884, "assignee_id": "0"},
    "tickets.update assignee_id, admin_id": {"admin_id": 991267884, "assignee_id": "991267885"},
    "tickets.update ticket_state_id": {"ticket_state_id": "8273"},
    "tickets.close": {"open": False, "admin_id": int(ADMIN_ID)},
    "tickets.create assignee_id, team_assignee_id": {
        "assignment": {"admin_assignee_id": "991267885", "team_assignee_id": "5017691"}
    },
}


@pytest.mark.parametrize("name", [*DESK_WRITES, *DESK_REQUESTS_2_16])
def test_desk_writes_at_2_16(request: pytest.FixtureRequest, name: str) -> None:
    """At 2.16 every desk write is sent and accepted, and carries only keys 2.16 declares."""
    operation, call = ALL_DESK_REQUESTS[name]
    source = default_source("2.16", operation)
    with desk_on(prism_for(request, "2.16"), "2.16", prefer=STATES_AS_DOCUMENTED) as (desk, wire):
        result = accepted(wire, lambda: call(desk, {"Prefer": source}))
    *before, exchange = wire.exchanges
    assert exchange.operation == operation and [e.operation for e in before] in ([], ["listTicketStates"])
    body = json.loads(exchange.request_body)
    assert undeclared_keys("2.16", operation, body) == set(), body
    assert WRITES_AT_2_16.get(name, {}).items() <= body.items(), body
    check_parsed(result, time.time())
    TALLY.response_parsed("2.16", f"desk {name.split()[0]}", source)


# -- attachments ------------------------------------------------------------------------------------------------


def test_attachments_prism_generates_are_downloaded_or_refused(request: pytest.FixtureRequest) -> None:
    """Every attachment in the generated tickets: its URL kept verbatim; fetched off the API host, tokenless."""
    prism = prism_for(request, "2.11")
    files: dict[str, bytes] = {}
    with desk_on(prism, "2.11", files) as (desk, wire):
        attachments = [
            a
            for seed in SEEDS
            for a in desk.tickets.get(TICKET_ID, extra_headers={"Prefer": f"dynamic=true, seed={seed}"}).attachments
        ]
        assert attachments, "no generated ticket has an attachment: pick other seeds"
        for attachment in attachments:
            if httpx.URL(attachment.url or "").is_absolute_url:
                raise AssertionError(f"json-schema-faker now writes absolute URLs ({attachment.url}): test them too")
            with pytest.raises(InvalidArgumentError):
                desk.attachments.download(attachment)
            TALLY.downloads["refused (not an absolute URL)"] += 1
        assert wire.off_host == []  # refused before any request
        # The same attachments as Intercom serves them: on its file store, another host than the API.
        for i, attachment in enumerate(attachments[:5]):
            url = f"https://downloads.intercomcdn.com/i/o/{i}/file.bin"
            files[url] = f"file {i}".encode()
            assert desk.attachments.download(dataclasses.replace(attachment, url=url)) == files[url]
            TALLY.downloads["fetched from the file host"] += 1
        assert [auth for _, auth in wire.off_host] == [None] * min(5, len(attachments))
        assert len(wire.exchanges) == len(SEEDS)  # no download went to the API host


# -- `prism mock -d --seed` is what `Prefer: dynamic=true, seed=` gives ------------------------------------------


def test_dynamic_server_with_seed_serves_the_same_bodies(request: pytest.FixtureRequest, workdir: Path) -> None:
    """The response matrix uses `Prefer` on one server; a `-d --seed N` server generates the same bodies."""
    seed = SEEDS[3]
    static = prism_for(request, "2.11")
    document, _ = servable_copy("2.11", workdir / "dynamic")
    paths = [
        ("GET", f"/tickets/{TICKET_ID}", None),
        ("POST", "/tickets/search", SEARCH.to_dict()),
        (
            "POST",
            f"/tickets/{TICKET_ID}/reply",
            {"message_type": "comment", "type": "admin", "admin_id": ADMIN_ID, "body": "x"},
        ),
    ]
    with serving(document, workdir / "prism-2.11-dynamic.log", "--dynamic", "--seed", str(seed)) as dynamic:
        for method, path, body in paths:
            with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}) as http:
                one = http.request(method, dynamic.url + path, json=body)
                other = http.request(
                    method, static.url + path, json=body, headers={"Prefer": f"dynamic=true, seed={seed}"}
                )
            assert one.status_code == other.status_code == 200
            assert one.json() == other.json()
    assert dynamic.process.returncode is not None  # stopped
