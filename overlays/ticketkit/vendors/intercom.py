"""Intercom: tickets with a thread of parts, listed by search, on a versioned API (`Intercom-Version`).

Requests are the shapes of the version the desk speaks (2.11 to 2.16, default 2.16; `_intercom_versions.py`
has the table): a status is set with 2.11's `state` or, from 2.12, with the `ticket_state_id` of a state from
GET /ticket_states (`_intercom_states.py`, listed once per desk); an assignee with `assignment` up to 2.13 and
top-level `admin_id`/`assignee_id` from 2.14. Responses are read in any of the 2.11-2.16 shapes the spec accepts
(ticket state as a string or an object, assignee ids as strings or integers, the nulls 2.16 allows), and all
normalize to the same unified `Ticket`.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
from intercom_client import Client
from intercom_client.api.ticket_states import list_ticket_states
from intercom_client.api.tickets import (
    create_ticket,
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
    CreateTicketAssignment,
    CreateTicketRequest,
    CursorPages,
    Error,
    PartAttachment,
    SearchRequest,
    SingleFilter,
    StartingAfterPaging,
    TicketAssignment,
    TicketList,
    TicketPart,
    TicketPartAuthor,
    TicketRequestAttributes,
    TicketState,
    TicketStateDetailedList,
    TicketStateList,
    UpdateTicketRequest,
)
from intercom_client.models import Ticket as IntercomTicket
from intercom_client.models import TicketType as IntercomTicketType
from intercom_client.types import UNSET, Unset
from ticketkit_models import Attachment, Comment, Party, PartyKind, Priority, Ticket, TicketStatus

from .. import _arguments as args
from .._adapter import (
    Adapter,
    Call,
    CommentDraft,
    ListQuery,
    Page,
    Plan,
    RejectedRecord,
    TicketChanges,
    TicketDraft,
    parse_each,
)
from .._auth import BearerToken
from .._connection import ConnectionSpec, Settings
from .._errors import (
    ErrorInfo,
    InvalidArgumentError,
    Problem,
    ResponseValidationError,
    TicketkitError,
    status_error,
)
from .._fields import CommentKeywords, CreateKeywords, UpdateKeywords, own_keys
from .._html import escape_text, html_to_text, looks_like_html
from .._logging import logger
from .._reading import (
    MALFORMED,
    json_body,
    json_object,
    lenient_text,
    nonblank,
    optional,
    optional_text,
    optional_text_or_integer,
    reading,
    required,
    required_text,
)
from .._request import redirect_target
from .._transport import UNUSABLE_LOCATION
from ._intercom_states import StateCache, StateCatalog, read_catalog
from ._intercom_versions import DEFAULT, SUPPORTED, Version, version

VENDOR = "intercom"
BASE_URL = "https://api.intercom.io"
API_VERSION = DEFAULT  # the version a desk speaks unless connect() is given another
PAGE_SIZE = 150  # the documented maximum of a search's `per_page`
MAX_REDIRECTS = 5  # an attachment URL may redirect to the file store
REDIRECTS = frozenset({301, 302, 303, 307, 308})

TITLE = "_default_title_"
DESCRIPTION = "_default_description_"

# `ticket_state` (2.11) or `ticket_state.category` (2.12+) -> unified status.
STATES: Mapping[str, TicketStatus] = {
    "submitted": TicketStatus.NEW,
    "in_progress": TicketStatus.IN_PROGRESS,
    "waiting_on_customer": TicketStatus.WAITING_ON_CUSTOMER,
    "resolved": TicketStatus.RESOLVED,
}
# The state (category) a search asks for, and a 2.12+ update sets, for a unified status.
SEARCH_STATES: Mapping[TicketStatus, str] = {status: state for state, status in STATES.items()}
# 2.11's `state` takes only in_progress, waiting_on_customer and resolved [doc: 2.11 update request `state`]: no
# 2.11 update puts a ticket back to "submitted". 2.12+ sets any state of the ticket's type by id [doc], a
# submitted one included [inferred: the 2.12+ schemas restrict the id to the type's states, not the category].
UPDATE_STATES: Mapping[TicketStatus, str] = {s: state for s, state in SEARCH_STATES.items() if state != "submitted"}
# Intercom refuses a `ticket_state_id` that is not one of the ticket type's states [doc: 2.16 updateTicket 400].
STATE_REFUSED = "ticket_state_id_invalid"
AUTHORS: Mapping[str, PartyKind] = {
    "admin": PartyKind.AGENT,
    "user": PartyKind.CUSTOMER,
    "lead": PartyKind.CUSTOMER,
    "contact": PartyKind.CUSTOMER,
    "bot": PartyKind.BOT,
    "team": PartyKind.TEAM,
}
T = TypeVar("T")


# -- Intercom's own keywords of the desk's methods (one declaration: the types, and the adapter's checks) -------


class IntercomCreateFields(CreateKeywords, total=False):
    """`tickets.create` on an Intercom desk: the common keywords and Intercom's own."""

    ticket_type_id: str | int | None
    """Intercom: the ticket type (default connect()'s `ticket_type_id`, else the workspace's one type)."""
    ticket_attributes: Mapping[str, Any] | None
    """Intercom: the ticket type's attributes, {name: JSON value}."""
    company_id: str | int | None
    """Intercom: the company the ticket belongs to."""
    assignee_id: str | int | None
    """Intercom: the admin the ticket is assigned to."""
    team_assignee_id: str | int | None
    """Intercom: the team the ticket is assigned to."""


class IntercomUpdateFields(UpdateKeywords, total=False):
    """`tickets.update` on an Intercom desk: the common keywords and Intercom's own."""

    assignment: Mapping[str, str | int] | None
    """Intercom: {"admin_id": ..., "assignee_id": ...} (the 2.11 shape, taken on every version)."""
    assignee_id: str | int | None
    """Intercom: assign the ticket to this admin."""
    admin_id: str | int | None
    """Intercom: the acting admin (default connect()'s `admin_id`)."""
    ticket_state_id: str | int | None
    """Intercom: the custom ticket state to move the ticket to."""
    is_shared: bool | None
    """Intercom: whether the customer sees the ticket."""
    snoozed_until: dt.datetime | int | None
    """Intercom: snooze until then (an aware datetime, or Unix seconds)."""
    ticket_attributes: Mapping[str, Any] | None
    """Intercom: ticket attributes to set, {name: JSON value}."""


class IntercomCommentFields(CommentKeywords, total=False):
    """`comments.create` on an Intercom desk: the common keywords and Intercom's own."""

    admin_id: str | int | None
    """Intercom: the admin who replies (default connect()'s `admin_id`)."""
    attachment_urls: list[str] | tuple[str, ...] | None
    """Intercom: at most 10 URLs of files to attach."""


class IntercomAdapter(Adapter):
    vendor = VENDOR
    create_options = own_keys(IntercomCreateFields)
    update_options = own_keys(IntercomUpdateFields)
    comment_options = own_keys(IntercomCommentFields)
    # Search filters on `updated_at` [doc: search tickets]; see `_with_updated_since`.
    server_filters = frozenset({"updated_since"})
    # Intercom's id of a request: `request_id` in its error bodies [doc], and this header on its answers
    # [inferred: what Intercom's API sends; its docs name only the body's]; the sandbox sends both, alike.
    request_id_header = "X-Request-Id"

    def __init__(
        self,
        api_version: str = API_VERSION,
        admin_id: str | None = None,
        ticket_type_id: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        try:
            self.version: Version = version(api_version)
        except ValueError as exc:
            raise InvalidArgumentError(str(exc)) from exc
        self.api_version = self.version.name
        self.admin_id = admin_id
        self._acting_admin(admin_id)  # 2.14+ sends it as an integer: refuse one that is not, at connect()
        self.ticket_type_id = ticket_type_id
        # Unix time now: decides whether a snooze is still running, and reads X-RateLimit-Reset.
        self.clock = clock
        # The workspace's ticket states (2.12+), listed by the first update that sets a status.
        self.states = StateCache()

    # -- plans ---------------------------------------------------------------------------------------

    def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
        request = retrieve_ticket._get_kwargs(ticket_id, intercom_version=self.api_version)
        response = yield Call("tickets.get", request)
        return self._ticket(response, "tickets.get")

    def list_tickets(self, query: ListQuery, cursor: Any) -> Plan[Page[Ticket]]:
        search = _with_updated_since(_search_filter(query.status, int(self.clock())), query.updated_since)
        per_page = min(query.page_size or PAGE_SIZE, PAGE_SIZE)
        paging = StartingAfterPaging(per_page=per_page, starting_after=cursor or UNSET)
        body = SearchRequest(query=search, pagination=paging)
        response = yield Call("tickets.list", search_tickets._get_kwargs(body=body, intercom_version=self.api_version))
        tickets, rejected, next_cursor, total = self._ticket_page(response)
        # The search narrows by state and `open`; snoozes and "closed but not resolved" are picked here (and then
        # `total_count`, which counts the search's matches, is not what the pages hold: not reported).
        wanted = [t for t in tickets if query.status in (None, t.status)]
        return Page(wanted, next_cursor, rejected, total if query.status is None else None)

    def create_ticket(self, draft: TicketDraft) -> Plan[Ticket]:
        options = draft.options
        type_id = args.optional_identifier("ticket_type_id", options.get("ticket_type_id", self.ticket_type_id))
        if type_id is None:
            raise InvalidArgumentError(
                "intercom tickets.create needs a ticket type: pass ticket_type_id= here or to connect()"
            )
        if draft.requester_email is None:
            raise InvalidArgumentError("intercom tickets.create needs requester_email= (the ticket's contact)")
        attributes = _attributes(options.get("ticket_attributes"), draft.subject, draft.description)
        company_id = args.optional_identifier("company_id", options.get("company_id"))
        body = CreateTicketRequest(
            ticket_type_id=type_id,
            contacts=[ContactByEmail(email=draft.requester_email)],
            ticket_attributes=TicketRequestAttributes.from_dict(attributes),
            company_id=UNSET if company_id is None else company_id,
            assignment=self._create_assignment(options),
        )
        request = create_ticket._get_kwargs(body=body, intercom_version=self.api_version)
        response = yield Call("tickets.create", request)
        return self._ticket(response, "tickets.create")

    def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Plan[Ticket]:
        update = self._update(changes)  # every argument checked before anything is sent
        state_id, catalog = update.state_id, None
        if update.category is not None:
            state_id, catalog = yield from self._state_id(ticket_id, update.category)
        body = UpdateTicketRequest(**update.fields, ticket_state_id=UNSET if state_id is None else state_id)
        request = update_ticket._get_kwargs(ticket_id, body=body, intercom_version=self.api_version)
        # A state from the catalog may be gone since it was listed: Intercom's 400 says so (read below).
        response = yield Call("tickets.update", request, expect=frozenset({200, 400} if catalog else {200}))
        if response.status_code == 400:
            raise self._refused_state(response, catalog)
        return self._ticket(response, "tickets.update")

    def close_ticket(self, ticket_id: str) -> Plan[Ticket]:
        body = UpdateTicketRequest(open_=False, admin_id=self._acting_admin(self.admin_id))
        request = update_ticket._get_kwargs(ticket_id, body=body, intercom_version=self.api_version)
        response = yield Call("tickets.close", request)
        return self._ticket(response, "tickets.close")

    def list_comments(self, ticket_id: str) -> Plan[list[Comment]]:
        request = retrieve_ticket._get_kwargs(ticket_id, intercom_version=self.api_version)
        response = yield Call("comments.list", request)
        ticket = self._ticket(response, "comments.list")
        return ticket.comments or []

    def create_comment(self, ticket_id: str, draft: CommentDraft) -> Plan[Comment]:
        options = draft.options
        admin_id = args.optional_identifier("admin_id", options.get("admin_id", self.admin_id))
        if admin_id is None:
            raise InvalidArgumentError(
                "intercom comments.create replies as an admin: pass admin_id= here or to connect()"
            )
        urls = _attachment_urls(options.get("attachment_urls"))
        body = AdminReply(
            message_type="note" if draft.internal else "comment",
            type_=AdminReplyType.ADMIN,
            admin_id=admin_id,
            body=escape_text(draft.body),  # `body` is plain text; Intercom reads HTML
            attachment_urls=UNSET if urls is None else urls,
        )
        request = reply_ticket._get_kwargs(ticket_id, body=body, intercom_version=self.api_version)
        response = yield Call("comments.create", request)
        raw = json_object(response, VENDOR, "comments.create")
        with reading(VENDOR, "comments.create", response):
            return to_comment(TicketPart.from_dict(raw), raw, ticket_id)

    def download_attachment(self, attachment: Attachment) -> Plan[bytes]:
        # The file lives on Intercom's file store, not the API: no token goes there, and of the caller's
        # headers only the harmless ones (the transport keeps them off every host but the API's).
        url = args.download_url(attachment.url, attachment.name)  # https, a real host: checked before sending
        for _ in range(MAX_REDIRECTS + 1):
            response = yield Call(
                "attachments.download",
                {"method": "GET", "url": str(url)},
                expect=frozenset({200}) | REDIRECTS,
                authenticated=False,
            )
            if response.status_code == 200:
                return response.content
            location = response.headers.get("location") or response.headers.get(UNUSABLE_LOCATION)
            if not location:
                break
            # Each hop by the same rules as the first URL, resolved against the URL that answered.
            target, problem = redirect_target(url, location)
            if target is None or problem:
                shown = location if len(location) <= 200 else location[:200] + "…"
                message = f"attachment download: refused the redirect to {shown!r}: {problem}"
                raise status_error(VENDOR, response, ErrorInfo(message=message), None)
            url = target
        message = "redirected without a Location" if not location else f"more than {MAX_REDIRECTS} redirects"
        raise status_error(VENDOR, response, ErrorInfo(message=f"attachment download: {message}"), None)

    # -- errors ---------------------------------------------------------------------------------------

    def read_error(self, response: httpx.Response) -> ErrorInfo:
        try:
            error = Error.from_dict(json_object(response, VENDOR, "error"))
            first = error.errors[0]
            code = nonblank(first.code)
            message = nonblank(first.message) or code
            if message is None:  # null, "" or a wrong type: nothing to show; the generic reading follows
                raise ValueError("the first error has no code or message")
            problems = tuple(
                Problem(nonblank(item.field), text)
                for item in error.errors
                if (text := nonblank(item.message) or nonblank(item.code))
            )
            return ErrorInfo(message=message, code=code, request_id=nonblank(error.request_id), problems=problems)
        except (TicketkitError, *MALFORMED):
            return super().read_error(response)

    def passthrough_headers(self, method: str, path: str) -> Mapping[str, str]:
        """The desk's `Intercom-Version` on `desk.request()` too, as on every call of its plans."""
        return {"Intercom-Version": self.api_version}

    def retry_after(self, response: httpx.Response) -> float | None:
        """Seconds until `X-RateLimit-Reset` (a Unix time), else whatever the core reads."""
        reset = response.headers.get("x-ratelimit-reset")
        if reset:
            try:
                seconds = float(reset) - self.clock()
            except ValueError:
                seconds = math.nan
            if math.isfinite(seconds):
                return max(0.0, seconds)
        return super().retry_after(response)

    # -- requests ------------------------------------------------------------------------------------------

    def _update(self, changes: TicketChanges) -> Update:
        """What an update sends, for this desk's version: the fields, and the state to set (see `Update`)."""
        options = changes.options
        attributes = _attributes(options.get("ticket_attributes"), changes.subject, changes.description)
        admin_id, assignee_id, assigning = self._assignment(options)
        update = Update(
            fields={
                "ticket_attributes": TicketRequestAttributes.from_dict(attributes) if attributes else UNSET,
                "is_shared": _unset(args.optional_flag("is_shared", options.get("is_shared"))),
                "snoozed_until": _unix_time("snoozed_until", options.get("snoozed_until")),
            },
            state_id=args.optional_identifier("ticket_state_id", options.get("ticket_state_id")),
        )
        if update.state_id is not None and not self.version.states_by_id:
            raise InvalidArgumentError(
                f"intercom: ticket_state_id= needs Intercom-Version 2.12 or later (this desk speaks {self.api_version})"
            )
        self._set_status(update, changes.status)
        if self.version.flat_assignment:
            update.fields["admin_id"] = self._acting_admin(admin_id)
            update.fields["assignee_id"] = UNSET if assignee_id is None else assignee_id
        elif assigning:
            update.fields["assignment"] = TicketAssignment(
                admin_id=UNSET if admin_id is None else admin_id,
                assignee_id=UNSET if assignee_id is None else assignee_id,
            )
        return update

    def _set_status(self, update: Update, status: TicketStatus | None) -> None:
        if status is None:
            return
        if update.state_id is not None:
            raise InvalidArgumentError("give the new state once: status= or ticket_state_id=, not both")
        if status is TicketStatus.CLOSED:
            update.fields["open_"] = False
            return
        settable = SEARCH_STATES if self.version.states_by_id else UPDATE_STATES
        if status not in settable:
            names = ", ".join(s.value for s in (*settable, TicketStatus.CLOSED))
            raise InvalidArgumentError(
                f"intercom cannot set a ticket to {status.value} with Intercom-Version {self.api_version} "
                f"(settable: {names}; snooze with snoozed_until=)"
            )
        if self.version.states_by_id:
            update.category = settable[status]
        else:
            update.fields["state"] = settable[status]

    def _assignment(self, options: Mapping[str, Any]) -> tuple[str | None, str | None, bool]:
        """(the admin acting, the new assignee, whether an assignment was asked for) from `assignee_id=` and
        `admin_id=`, or from `assignment={"admin_id", "assignee_id"}` (the 2.11 shape, taken on every version)."""
        value = options.get("assignment")
        admin, assignee = options.get("admin_id"), options.get("assignee_id")
        if value is not None:
            if admin is not None or assignee is not None:
                raise InvalidArgumentError("give the assignment once: assignment= or assignee_id=/admin_id=")
            if not isinstance(value, Mapping) or not set(value) <= {"admin_id", "assignee_id"}:
                raise InvalidArgumentError(f"assignment must be a mapping with admin_id and assignee_id, not {value!r}")
            admin, assignee = value.get("admin_id"), value.get("assignee_id")
        assigning = value is not None or admin is not None or assignee is not None
        # Intercom names the admin making the change; default to the one given to connect().
        admin_id = args.optional_identifier("admin_id", admin if admin is not None else self.admin_id)
        return admin_id, args.optional_identifier("assignee_id", assignee), assigning

    def _acting_admin(self, admin_id: str | None) -> int | Unset:
        """2.14+ `admin_id`: the admin performing an update, as the integer Intercom requires [doc]."""
        if admin_id is None or not self.version.flat_assignment:
            return UNSET
        if not admin_id.isascii() or not admin_id.isdigit():
            raise InvalidArgumentError(
                f"admin_id must be Intercom's numeric admin id with Intercom-Version {self.api_version}, "
                f"not {admin_id!r}"
            )
        return int(admin_id)

    def _create_assignment(self, options: Mapping[str, Any]) -> CreateTicketAssignment | Unset:
        admin = args.optional_identifier("assignee_id", options.get("assignee_id"))
        team = args.optional_identifier("team_assignee_id", options.get("team_assignee_id"))
        if admin is None and team is None:
            return UNSET
        if not self.version.assigns_on_create:
            raise InvalidArgumentError(
                f"intercom: Intercom-Version {self.api_version} cannot assign a ticket as it creates it (2.14 and "
                "later can); create it, then tickets.update(ticket.id, assignee_id=...)"
            )
        return CreateTicketAssignment(
            admin_assignee_id=UNSET if admin is None else admin,
            team_assignee_id=UNSET if team is None else team,
        )

    # -- ticket states (2.12+) -------------------------------------------------------------------------------

    def _state_id(self, ticket_id: str, category: str) -> Plan[tuple[str, StateCatalog]]:
        """The id of the state of `category` to set on the ticket, and the catalog it came from.

        A state of the category every ticket type has needs nothing more; otherwise the ticket's own type
        decides, so the ticket is read first.
        """
        catalog = self.states.get()
        if catalog is None:
            request = list_ticket_states._get_kwargs(intercom_version=self.api_version)
            response = yield Call("tickets.update", request)
            raw = json_object(response, VENDOR, "tickets.update")
            with reading(VENDOR, "tickets.update", response):
                catalog = self.states.put(read_catalog(TicketStateDetailedList.from_dict(raw)))
        state = catalog.for_every_type(category)
        if state is not None:
            return state.id, catalog
        response = yield Call(
            "tickets.update", retrieve_ticket._get_kwargs(ticket_id, intercom_version=self.api_version)
        )
        type_id, own_states = self._type_of(response)
        candidates = catalog.candidates(category)
        state = catalog.for_type(category, type_id) if type_id is not None else next(iter(candidates), None)
        if state is not None:
            return state.id, catalog
        if category in own_states:  # a state the type carries that the workspace listing did not
            return own_states[category], catalog
        raise InvalidArgumentError(
            f"intercom: ticket {ticket_id} (ticket type {type_id}) has no ticket state of category {category!r} "
            "(GET /ticket_states); pass ticket_state_id= to choose one"
        )

    def _type_of(self, response: httpx.Response) -> tuple[str | None, dict[str, str]]:
        """The ticket's type id (None for a null type) and the first state id of each category its type lists."""
        raw = self._ticket_object(response, "tickets.update")
        with reading(VENDOR, "tickets.update", response):
            ticket_type = optional(IntercomTicket.from_dict(raw).ticket_type, IntercomTicketType, "ticket_type")
            if ticket_type is None:
                return None, {}
            own: dict[str, str] = {}
            states = optional(ticket_type.ticket_states, TicketStateList, "ticket_type.ticket_states")
            for state in [] if states is None else optional(states.data, list, "ticket_states.data") or []:
                if isinstance(state, TicketState):
                    category = optional_text(state.category, "ticket_state.category")
                    state_id = optional_text(state.id, "ticket_state.id")
                    if category is not None and state_id is not None:
                        own.setdefault(category, state_id)
            return required_text(ticket_type.id, "ticket_type.id"), own

    def _refused_state(self, response: httpx.Response, catalog: StateCatalog | None) -> TicketkitError:
        """The error for a 400 to an update that set a listed state; a refused state empties the cache."""
        info = self.read_error(response)
        if info.code == STATE_REFUSED and catalog is not None:
            self.states.drop(catalog)
        try:
            body: Any = json_body(response, VENDOR, "tickets.update")
        except TicketkitError:
            body = response.text
        return status_error(VENDOR, response, info, body)

    # -- normalization ----------------------------------------------------------------------------------

    def _ticket_object(self, response: httpx.Response, operation: str) -> dict[str, Any]:
        body = json_body(response, VENDOR, operation)
        if body is None:  # the 2.16 schema allows it (`ticket` is nullable); no Ticket can come of it
            raise ResponseValidationError(
                VENDOR, operation, "the answer is null where the ticket belongs (2.16 allows it)", response
            )
        if not isinstance(body, dict):
            raise ResponseValidationError(VENDOR, operation, f"expected a JSON object, got {type(body).__name__}")
        return body

    def _ticket(self, response: httpx.Response, operation: str) -> Ticket:
        raw = self._ticket_object(response, operation)
        with reading(VENDOR, operation, response):
            return self.to_ticket(IntercomTicket.from_dict(raw), raw)

    def _ticket_page(
        self, response: httpx.Response
    ) -> tuple[list[Ticket], tuple[RejectedRecord, ...], str | None, int | None]:
        """The tickets of a search page (each parsed on its own), those refused, the next cursor, and
        `total_count` (None when a null item was skipped: then the pages hold fewer than it counts)."""
        raw = json_object(response, VENDOR, "tickets.list")
        with reading(VENDOR, "tickets.list", response):
            items = required(raw["tickets"], list, "tickets")
            page = TicketList.from_dict({**raw, "tickets": []})  # the envelope; each ticket is parsed on its own
            next_cursor = _next_cursor(page.pages)
            total = optional(page.total_count, int, "total_count")
        present = []
        for index, item in enumerate(items):
            if item is None:  # 2.16 allows a null ticket: one item, not the page, is lost
                logger.warning(
                    "intercom tickets.list: item %d of a search page is null (2.16 allows it); skipped", index
                )
                total = None
                continue
            present.append(item)
        tickets, rejected = parse_each(
            VENDOR, present, lambda item: self.to_ticket(IntercomTicket.from_dict(item), required(item, dict, "ticket"))
        )
        return tickets, rejected, next_cursor, total

    def to_ticket(self, model: IntercomTicket, raw: dict[str, Any]) -> Ticket:
        required_text(model.id, "id")
        attributes = dict(required(raw["ticket_attributes"], dict, "ticket_attributes"))
        state = _state(model.ticket_state)
        comments = self._comments(model, raw)
        description = lenient_text(attributes.get(DESCRIPTION))
        return Ticket(
            vendor=VENDOR,
            id=model.id,
            number=required_text(model.ticket_id, "ticket_id"),
            subject=lenient_text(attributes.get(TITLE)),
            description=_plain(description),
            status=self._status(state, model),
            status_raw=state,
            priority=Priority.UNKNOWN,  # Intercom tickets have no priority
            priority_raw=None,
            requester=_requester(model),
            assignee=_assignee(model),
            created_at=_timestamp(model.created_at, "created_at"),
            updated_at=_timestamp(model.updated_at, "updated_at"),
            custom_fields={k: v for k, v in attributes.items() if k not in (TITLE, DESCRIPTION)},
            comments=comments,
            attachments=[a for c in comments or [] for a in c.attachments],
            raw=raw,
        )

    def _status(self, state: str | None, model: IntercomTicket) -> TicketStatus:
        status = STATES.get(state, TicketStatus.UNKNOWN) if state is not None else TicketStatus.UNKNOWN
        if status is TicketStatus.RESOLVED:
            return status
        if optional(model.open_, bool, "open") is False:
            return TicketStatus.CLOSED
        snoozed_until = optional(model.snoozed_until, int, "snoozed_until")
        if snoozed_until is not None and snoozed_until > self.clock():
            return TicketStatus.ON_HOLD
        return status

    def _comments(self, model: IntercomTicket, raw: dict[str, Any]) -> list[Comment] | None:
        """The parts that carry a message, in Intercom's order; None when the parts were not returned."""
        if isinstance(model.ticket_parts, Unset) or isinstance(model.ticket_parts.ticket_parts, Unset):
            return None
        items = required(raw["ticket_parts"]["ticket_parts"], list, "ticket_parts")
        return Thread(model.id).messages(model.ticket_parts.ticket_parts, items)


@dataclass
class Update:
    """An update's body before its state is known: `fields` for UpdateTicketRequest; the state to set as an id
    the caller gave (`state_id`) or as a category to look up in GET /ticket_states (`category`, 2.12+)."""

    fields: dict[str, Any] = field(default_factory=dict)
    state_id: str | None = None
    category: str | None = None


def to_comment(part: TicketPart, raw: dict[str, Any], ticket_id: str) -> Comment:
    """One ticket part (a reply's `ticket_reply`) as a unified comment."""
    return Thread(ticket_id).comment(part, raw)


class Thread:
    """One ticket's parts as comments: the hot path of `tickets.get` on a long thread.

    Authors repeat in a thread, so each distinct author becomes one frozen `Party`, shared by their
    comments.
    """

    __slots__ = ("_authors", "ticket_id")

    def __init__(self, ticket_id: str) -> None:
        self.ticket_id = ticket_id
        self._authors: dict[tuple[Any, ...], Party] = {}

    def messages(self, parts: list[TicketPart], items: list[Any]) -> list[Comment]:
        """Comments, notes, quick replies...: the parts with a body or files, as opposed to events."""
        return [
            self.comment(part, item)
            for part, item in zip(parts, items, strict=True)
            if optional_text(part.body, "body") or optional(part.attachments, list, "attachments")
        ]

    def comment(self, part: TicketPart, raw: dict[str, Any]) -> Comment:
        author, files = part.author, part.attachments
        part_id = required_text(part.id, "part id")
        html = optional_text(part.body, "body")
        return Comment(
            id=part_id,
            body_html=html,
            body_text=html_to_text(html),
            author=None if isinstance(author, Unset) else self._author(author),
            internal=part.part_type == "note",
            created_at=_timestamp(part.created_at, "created_at"),
            attachments=[] if isinstance(files, Unset) else self._attachments(files, raw, part_id),
            raw=raw,
        )

    def _author(self, author: TicketPartAuthor) -> Party:
        # The id's type is in the key: 2.16 sends integer ids, and True == 1 must not pass as the id 1.
        key = (author.type_, author.id, type(author.id), author.name, author.email)
        party = self._authors.get(key)
        if party is None:
            party = self._authors[key] = Party(
                kind=AUTHORS.get(required_text(author.type_, "author type"), PartyKind.UNKNOWN),
                id=optional_text_or_integer(author.id, "author id"),
                name=optional_text(author.name, "author name"),
                email=optional_text(author.email, "author email"),
            )
        return party

    def _attachments(self, models: list[PartAttachment], raw: dict[str, Any], part_id: str) -> list[Attachment]:
        items = required(raw["attachments"], list, "attachments")
        return [to_attachment(model, item, part_id, self.ticket_id) for model, item in zip(models, items, strict=True)]


def to_attachment(model: PartAttachment, raw: dict[str, Any], part_id: str, ticket_id: str) -> Attachment:
    url = required_text(model.url, "attachment url")
    return Attachment(
        id=url,  # Intercom gives attachments no id; the URL is what identifies (and fetches) the file
        name=required_text(model.name, "attachment name"),
        content_type=optional_text(model.content_type, "content_type"),
        size=optional(model.filesize, int, "filesize"),
        url=url,
        ticket_id=ticket_id,
        comment_id=part_id,
        raw=raw,
    )


def _requester(model: IntercomTicket) -> Party | None:
    contacts = model.contacts.contacts
    if isinstance(contacts, Unset) or not contacts:
        return None
    first = contacts[0]
    email = first.additional_properties.get("email")  # not in the documented shape, used when present
    return Party(
        kind=PartyKind.CUSTOMER,
        id=required_text(first.id, "contact id"),
        email=email if isinstance(email, str) else None,
    )


def _assignee(model: IntercomTicket) -> Party | None:
    admin = _assignee_id(model.admin_assignee_id, "admin_assignee_id")
    if admin is not None:
        return Party(kind=PartyKind.AGENT, id=admin)
    team = _assignee_id(model.team_assignee_id, "team_assignee_id")
    return Party(kind=PartyKind.TEAM, id=team) if team is not None else None


def _assignee_id(value: object, name: str) -> str | None:
    """An assignee id as a string; `"0"`, `0` and null mean nobody."""
    text = optional_text_or_integer(value, name)
    return None if text in (None, "0") else text


def _state(value: str | TicketState | None) -> str | None:
    """The state string: 2.11 sends it as is, 2.12+ as an object whose `category` is that string."""
    if isinstance(value, TicketState):
        return optional_text(value.category, "ticket_state.category")
    return optional_text(value, "ticket_state")


def _next_cursor(pages: CursorPages | Unset | None) -> str | None:
    """The cursor for the next page; None on the last (`pages` or `pages.next` null or absent)."""
    pages = optional(pages, CursorPages, "pages")
    paging = None if pages is None else optional(pages.next_, StartingAfterPaging, "pages.next")
    return None if paging is None else optional_text(paging.starting_after, "pages.next.starting_after")


def _search_filter(status: TicketStatus | None, now: int) -> SingleFilter | CompoundFilter:
    """The search for a unified status: as narrow as Intercom's fields allow; the plan filters the rest.

    Search needs a query, so "every ticket" is `created_at > 0` (`>` is "greater or equal" in Intercom's
    search). Imprecise on the server, finished by the plan: NEW/IN_PROGRESS/WAITING_ON_CUSTOMER include
    snoozed tickets (ON_HOLD here), CLOSED (`open = false`) includes resolved tickets, and ON_HOLD relies on
    `snoozed_until` being in the future at the time of the search.
    """
    is_open = SingleFilter(field="open", operator="=", value=True)
    if status is None:
        return SingleFilter(field="created_at", operator=">", value=0)
    if status is TicketStatus.CLOSED:
        return SingleFilter(field="open", operator="=", value=False)
    if status is TicketStatus.RESOLVED:  # resolved tickets may be open or closed
        return SingleFilter(field="state", operator="=", value="resolved")
    if status is TicketStatus.ON_HOLD:
        snoozed = SingleFilter(field="snoozed_until", operator=">", value=now)
        return CompoundFilter(operator=CompoundFilterOperator.AND, value=[is_open, snoozed])
    if status in SEARCH_STATES:
        by_state = SingleFilter(field="state", operator="=", value=SEARCH_STATES[status])
        return CompoundFilter(operator=CompoundFilterOperator.AND, value=[by_state, is_open])
    raise InvalidArgumentError(f"intercom tickets are never {status.value}; no search can list them")


def _with_updated_since(
    search: SingleFilter | CompoundFilter, since: dt.datetime | None
) -> SingleFilter | CompoundFilter:
    """The search narrowed to tickets updated at or after `since`, on Intercom's side.

    Intercom's `>` on a date is "greater or equal" (its search documentation; the sandbox reads it so) and
    `updated_at` is whole Unix seconds, so `updated_at > ceil(since)` is exactly `updated_at >= since`. The
    every-ticket search (`created_at > 0`) gives way to it; a status's AND group takes it as one more filter
    (groups nest at most two deep).
    """
    if since is None:
        return search
    updated = SingleFilter(field="updated_at", operator=">", value=math.ceil(since.timestamp()))
    if isinstance(search, SingleFilter) and search.field == "created_at":
        return updated
    if isinstance(search, CompoundFilter) and search.operator is CompoundFilterOperator.AND:
        return CompoundFilter(operator=CompoundFilterOperator.AND, value=[*search.value, updated])
    return CompoundFilter(operator=CompoundFilterOperator.AND, value=[search, updated])


def _attributes(passthrough: object, subject: str | None, description: str | None) -> dict[str, Any]:
    """`ticket_attributes` to send: the caller's own, plus title and description from the unified fields."""
    attributes: dict[str, Any] = {}
    if passthrough is not None:
        if not isinstance(passthrough, Mapping) or not all(isinstance(k, str) for k in passthrough):
            raise InvalidArgumentError(f"ticket_attributes must map attribute names to values, not {passthrough!r}")
        attributes.update(args.json_value("ticket_attributes", passthrough))
    for key, value, name in ((TITLE, subject, "subject"), (DESCRIPTION, description, "description")):
        if value is None:
            continue
        if key in attributes:
            raise InvalidArgumentError(f"give the {name} once: as {name}= or in ticket_attributes, not both")
        attributes[key] = value
    return attributes


def _attachment_urls(value: object) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value) or len(value) > 10:
        raise InvalidArgumentError(f"attachment_urls must be a list of at most 10 URLs, not {value!r}")
    return list(value)


def _unset(value: T | None) -> T | Unset:
    """A checked option as the generated models take it: UNSET when not given."""
    return UNSET if value is None else value


def _unix_time(name: str, value: object) -> int | Unset:
    if value is None:
        return UNSET
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise InvalidArgumentError(f"{name} must be a timezone-aware datetime")
        return int(value.timestamp())
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidArgumentError(f"{name} must be an aware datetime or Unix seconds, not {value!r}")


def _plain(text: str | None) -> str | None:
    """Descriptions are usually plain text, sometimes HTML: only HTML is converted."""
    if text is not None and looks_like_html(text):
        return html_to_text(text)
    return text


# -- Intercom's Unix timestamps (raise inside `reading`) ------------------------------------------------------


def _timestamp(value: Any, name: str) -> dt.datetime | None:
    seconds = optional(value, int, name)
    if seconds is None:
        return None
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except OSError as exc:  # the platform's gmtime refuses it (Linux: 1e18); beyond 1e20 it is OverflowError
        raise ValueError(f"{name} {seconds} is out of range") from exc


def make_connection(settings: Settings) -> ConnectionSpec:
    options = settings.options  # the keywords the registry lists for this vendor, checked by connect()
    api_version = options.get("api_version", API_VERSION)
    if not isinstance(api_version, str) or api_version.strip(" \t") not in SUPPORTED:
        raise InvalidArgumentError(f"api_version must be one of {', '.join(SUPPORTED)}, not {api_version!r}")
    adapter = IntercomAdapter(
        api_version=api_version,
        admin_id=args.optional_identifier("admin_id", options.get("admin_id")),
        ticket_type_id=args.optional_identifier("ticket_type_id", options.get("ticket_type_id")),
    )
    base_url = (settings.base_url or BASE_URL).rstrip("/")
    auth = BearerToken(settings.require_token())

    # Intercom-Version goes on each call (the generated `intercom_version` parameter), not as a client header.
    return ConnectionSpec(adapter=adapter, base_url=base_url, auth=auth, generated_client=Client(base_url=base_url))
