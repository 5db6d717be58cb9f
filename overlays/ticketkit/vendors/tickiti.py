"""Tickiti: a self-hosted helpdesk. Every route is POST with a JSON body; success is `{"ok": true, "data"}`.

A failure is an error status whose body says why in `message` (Laravel's `errors` beside it on 422): Tickiti's
own client decides by the status alone and reads those two keys (specs/tickiti.yaml, [client]). A ticket is
named by its 6-digit number, which is also the unified `Ticket.id`. Writes carry an `Idempotency-Key`, fixed
when the plan is made.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import math
import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx
from ticketkit_models import Attachment, Comment, Party, PartyKind, Priority, Ticket, TicketStatus
from tickiti_client import Client
from tickiti_client.api.tickets import (
    create_ticket,
    download_attachment,
    list_responses,
    query_tickets,
    respond_ticket,
    show_ticket,
)
from tickiti_client.models import (
    AttachmentMeta,
    CreateTicketData,
    CreateTicketOk,
    CreateTicketRequest,
    DownloadAttachmentOk,
    DownloadAttachmentRequest,
    Error,
    ErrorDetail,
    ListResponsesOk,
    QueryTicketsOk,
    QueryTicketsRequest,
    RespondTicketOk,
    RespondTicketRequest,
    SearchCriterion,
    SearchObject,
    ShowTicketOk,
    TicketNumberRequest,
    TicketResponse,
    TicketRow,
)
from tickiti_client.models import Ticket as TickitiTicket
from tickiti_client.types import UNSET, Unset

from .. import _arguments as args
from .._adapter import (
    Adapter,
    Call,
    CommentDraft,
    ListQuery,
    Page,
    Plan,
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
)
from .._fields import CommentKeywords, CreateKeywords, ListKeywords, UpdateKeywords, own_keys
from .._html import escape_text, html_to_text
from .._reading import (
    MALFORMED,
    flag,
    from_iso,
    identifier,
    json_object,
    nonblank,
    none_if_unset,
    optional_integer,
    optional_text_or_number,
    reading,
    required_text,
)

VENDOR = "tickiti"
# Without it Laravel may answer an error with a redirect or an HTML page [client].
HEADERS: Mapping[str, str] = {"Accept": "application/json"}
# Writes may answer 200 or 201 (not captured [inferred]; the spec declares both).
WRITTEN = frozenset({200, 201})
MAX_KEY_LENGTH = 255  # the documented limit of an Idempotency-Key
# The routes that take an Idempotency-Key (`"idempotent": true` in Tickiti's route table [ref]): the writes
# that create something. `desk.request()` gives each POST to them a fresh key, as the plans do.
KEYED_ROUTES = frozenset({"/api/v1/tickets", "/api/v1/tickets/respond"})

STATUSES: Mapping[str, TicketStatus] = {"open": TicketStatus.OPEN, "on-hold": TicketStatus.ON_HOLD}
# The only statuses a reply can set [doc]; the same words filter tickets/query.
SETTABLE: Mapping[TicketStatus, str] = {TicketStatus.OPEN: "open", TicketStatus.ON_HOLD: "on-hold"}

# tickets/query's search modes, as Tickiti's client lists them (the spec's SearchCriterion); the date modes take
# a day. Others are refused before sending: a typo would otherwise widen the list instead of narrowing it.
DATE_MODES = frozenset({"created_from", "created_to", "updated_from", "updated_to"})
SEARCH_MODES = frozenset(
    {
        "subject",
        "content",
        "subject_content",
        "assigned",
        "participant",
        "priority",
        "raised",
        "queue",
        "status",
        "watchlist",
        "hashtag",
        "ticket_number",
        *DATE_MODES,
    }
)
_CODE = re.compile(r"[a-z][a-z0-9_.-]*")  # what a bare `error` string looks like when it is a code

OkT = TypeVar("OkT")
T = TypeVar("T")


# -- Tickiti's own keywords of the desk's methods (one declaration: the types, and the adapter's checks) --------

CriteriaTokens = str | int | dt.date | list[str | int | dt.date] | tuple[str | int | dt.date, ...]


class TickitiCreateFields(CreateKeywords, total=False):
    """`tickets.create` on a Tickiti desk: the common keywords and Tickiti's own."""

    queue_name: str | None
    """Tickiti: the queue the ticket goes to."""
    is_public: bool | None
    """Tickiti: whether the ticket is public."""
    use_passed_originator_as_responder: bool | None
    """Tickiti: send replies as the requester given (requester_email=)."""
    idempotency_key: str | None
    """Tickiti: the Idempotency-Key of the request (default: a fresh one per call, kept across its retries)."""


class TickitiUpdateFields(UpdateKeywords, total=False):
    """`tickets.update` on a Tickiti desk: the common keywords and Tickiti's own."""

    on_hold_until: dt.date | str | None
    """Tickiti: with status ON_HOLD, until that day (a date or 'YYYY-MM-DD')."""
    agent_email: str | None
    """Tickiti: the agent the update is sent as (default connect()'s `agent_email`)."""
    idempotency_key: str | None
    """Tickiti: the Idempotency-Key of the request (default: a fresh one per call, kept across its retries)."""


class TickitiListFields(ListKeywords, total=False):
    """`tickets.list` and `tickets.pages` on a Tickiti desk: the common keywords and Tickiti's own."""

    perspective_id: int | str | None
    """Tickiti: list the tickets of this saved perspective (a positive integer)."""
    search_perspective: str | None
    """Tickiti: the perspective searched in."""
    criteria: Mapping[str, CriteriaTokens] | None
    """Tickiti: search modes and their tokens, {mode: token or [tokens]} (date modes take a date)."""


class TickitiCommentFields(CommentKeywords, total=False):
    """`comments.create` on a Tickiti desk: the common keywords and Tickiti's own."""

    agent_email: str | None
    """Tickiti: the agent the reply is sent as (default connect()'s `agent_email`)."""
    idempotency_key: str | None
    """Tickiti: the Idempotency-Key of the request (default: a fresh one per call, kept across its retries)."""


class TickitiAdapter(Adapter):
    vendor = VENDOR
    # No close_ticket: there is no close or delete route, and a reply only sets `open` or `on-hold` [doc].
    create_options = own_keys(TickitiCreateFields)
    update_options = own_keys(TickitiUpdateFields)
    list_options = own_keys(TickitiListFields)
    # The `updated_from` criterion narrows by UTC day on Tickiti's side [client]; the desk finishes it exactly.
    server_filters = frozenset({"updated_since"})
    comment_options = own_keys(TickitiCommentFields)

    def __init__(self, agent_email: str | None = None) -> None:
        self.agent_email = agent_email

    def passthrough_headers(self, method: str, path: str) -> Mapping[str, str]:
        """A fresh Idempotency-Key on a POST to a keyed route (one key for every attempt of the call, so a
        retry replays rather than repeats); `headers={"Idempotency-Key": ...}` gives your own."""
        if method == "POST" and path.rstrip("/") in KEYED_ROUTES:
            return {"Idempotency-Key": str(uuid.uuid4())}
        return {}

    # -- plans ---------------------------------------------------------------------------------------
    # A write plan fixes its Idempotency-Key before its first request, so every send of the plan carries one.

    def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
        return (yield from self._show(ticket_id, "tickets.get"))

    def list_tickets(self, query: ListQuery, cursor: Any) -> Plan[Page[Ticket]]:
        return (yield from self._list_tickets(_query_request(query), query.status))

    def create_ticket(self, draft: TicketDraft) -> Plan[Ticket]:
        if not draft.requester_email:
            raise InvalidArgumentError("tickiti tickets.create needs requester_email= (the customer)")
        if draft.description is None or not draft.description.strip():
            # Subject and content go together [client]: the first message is the ticket's description.
            raise InvalidArgumentError("tickiti tickets.create needs description= (Tickiti opens a ticket with it)")
        options = draft.options
        queue_name = _unset(args.optional_nonblank_text("queue_name", options.get("queue_name")))
        # Tickiti's client sends the queue twice: at the top level to pick it, in `data` to validate it [client].
        data = CreateTicketData(subject=draft.subject, content=escape_text(draft.description), queue_name=queue_name)
        # The requester writes the description unless the caller says otherwise (Tickiti's default, when the
        # flag is left out, is the token's user [inferred]).
        responder = args.optional_flag(
            "use_passed_originator_as_responder", options.get("use_passed_originator_as_responder")
        )
        body = CreateTicketRequest(
            originator_email_address=draft.requester_email,
            data=data,
            queue_name=queue_name,
            is_public=_unset(args.optional_flag("is_public", options.get("is_public"))),
            use_passed_originator_as_responder=True if responder is None else responder,
        )
        return (yield from self._create(body, _idempotency_key(options)))

    def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Plan[Ticket]:
        if changes.subject is not None or changes.description is not None:
            raise InvalidArgumentError(
                "tickiti has no route to edit a ticket's subject or description; "
                "only its status (open or on_hold) changes, through a reply"
            )
        options = changes.options
        if changes.status is None:
            raise InvalidArgumentError("tickiti tickets.update needs status= (open or on_hold)")
        status = SETTABLE.get(changes.status)
        if status is None:
            raise InvalidArgumentError(
                f"tickiti can set a ticket's status only to open or on_hold (through a reply), "
                f"not {changes.status.value}"
            )
        hold_until = _hold_until(options.get("on_hold_until"))
        if hold_until is not UNSET and changes.status is not TicketStatus.ON_HOLD:
            raise InvalidArgumentError("tickiti: on_hold_until= goes with status=on_hold only")
        if hold_until is UNSET and changes.status is TicketStatus.ON_HOLD:
            raise InvalidArgumentError("tickiti: status=on_hold needs on_hold_until= (the day the hold ends)")
        body = RespondTicketRequest(
            ticket_number=ticket_id,
            from_email=self._from_email(options, "tickets.update"),
            status=status,
            on_hold_until=hold_until,
        )
        return (yield from self._update(body, _idempotency_key(options)))

    def list_comments(self, ticket_id: str) -> Plan[list[Comment]]:
        return (yield from self._responses(ticket_id, "comments.list"))

    def create_comment(self, ticket_id: str, draft: CommentDraft) -> Plan[Comment]:
        body = RespondTicketRequest(
            ticket_number=ticket_id,
            from_email=self._from_email(draft.options, "comments.create"),
            content=escape_text(draft.body),
            is_internal=draft.internal,
        )
        return (yield from self._comment(body, _idempotency_key(draft.options)))

    def download_attachment(self, attachment: Attachment) -> Plan[bytes]:
        if not attachment.ticket_id:
            raise InvalidArgumentError(
                "tickiti downloads need the attachment's ticket_id: take the Attachment from a "
                "tickiti Ticket or Comment"
            )
        body = DownloadAttachmentRequest(ticket_number=attachment.ticket_id, response_attachment_id=attachment.id)
        return (yield from self._download(body))

    # -- the plans' generators -------------------------------------------------------------------------

    def _show(self, ticket_number: str, operation: str) -> Plan[Ticket]:
        request = show_ticket._get_kwargs(body=TicketNumberRequest(ticket_number=ticket_number))
        response = yield Call(operation, request)
        body, ok = self._unwrap(response, operation, ShowTicketOk.from_dict)
        with reading(VENDOR, operation, response):
            data = body["data"]
            number = _number(ok.data.ticket.number)
            comments = to_comments(ok.data.responses, data["responses"], number)
            return to_ticket(ok.data.ticket, data["ticket"], comments)

    def _list_tickets(self, request: QueryTicketsRequest, status: TicketStatus | None) -> Plan[Page[Ticket]]:
        operation = "tickets.list"
        response = yield Call(operation, query_tickets._get_kwargs(body=request))
        body, _ = self._unwrap(response, operation, _envelope)
        with reading(VENDOR, operation, response):
            records = _row_records(body["data"])
        tickets, rejected = parse_each(
            VENDOR, records, lambda raw: row_to_ticket(TicketRow.from_dict(raw), raw), ("number", "ticket_number")
        )
        # Tickiti filters by its own status word; `resolved` overrides it here, so check again.
        wanted = [t for t in tickets if status in (None, t.status)]
        # tickets/query has no cursor or page size [doc, client]: this is the one page it gives, with no total.
        return Page(wanted, None, rejected)

    def _create(self, request: CreateTicketRequest, key: str) -> Plan[Ticket]:
        operation = "tickets.create"
        kwargs = create_ticket._get_kwargs(body=request, idempotency_key=key)
        response = yield Call(operation, kwargs, expect=WRITTEN)
        body, _ = self._unwrap(response, operation, CreateTicketOk.from_dict)
        with reading(VENDOR, operation, response):
            number = _created_number(body["data"])
        # The create answer's shape was not captured: read the ticket back for a full, known one.
        return (yield from self._show(number, operation))

    def _update(self, request: RespondTicketRequest, key: str) -> Plan[Ticket]:
        operation = "tickets.update"
        response = yield Call(operation, respond_ticket._get_kwargs(body=request, idempotency_key=key), WRITTEN)
        self._unwrap(response, operation, RespondTicketOk.from_dict)
        return (yield from self._show(request.ticket_number, operation))

    def _comment(self, request: RespondTicketRequest, key: str) -> Plan[Comment]:
        operation = "comments.create"
        response = yield Call(operation, respond_ticket._get_kwargs(body=request, idempotency_key=key), WRITTEN)
        _, ok = self._unwrap(response, operation, RespondTicketOk.from_dict)
        with reading(VENDOR, operation, response):
            response_id = identifier(ok.data.response_id, "response_id")
        # The answer holds only ids: the new response, as stored, comes from the thread.
        comments = yield from self._responses(request.ticket_number, operation)
        for comment in comments:
            if comment.id == response_id:
                return comment
        raise ResponseValidationError(
            VENDOR, operation, f"response {response_id} is not in the ticket's thread", response
        )

    def _responses(self, ticket_number: str, operation: str) -> Plan[list[Comment]]:
        request = list_responses._get_kwargs(body=TicketNumberRequest(ticket_number=ticket_number))
        response = yield Call(operation, request)
        body, ok = self._unwrap(response, operation, ListResponsesOk.from_dict)
        with reading(VENDOR, operation, response):
            return to_comments(ok.data.responses, body["data"]["responses"], ticket_number)

    def _download(self, request: DownloadAttachmentRequest) -> Plan[bytes]:
        operation = "attachments.download"
        response = yield Call(operation, download_attachment._get_kwargs(body=request))
        _, ok = self._unwrap(response, operation, DownloadAttachmentOk.from_dict)
        with reading(VENDOR, operation, response):
            data = _decode(required_text(ok.data.content_base64, "content_base64"))
            expected = required_text(ok.data.sha256, "sha256").lower()
        # Never hand back bytes that are not the file Tickiti described.
        if hashlib.sha256(data).hexdigest() != expected:
            raise ResponseValidationError(
                VENDOR, operation, "the decoded bytes do not match the answer's sha256", response
            )
        return data

    # -- envelope and errors -----------------------------------------------------------------------------

    def _unwrap(
        self, response: httpx.Response, operation: str, parse: Callable[[dict[str, Any]], OkT]
    ) -> tuple[dict[str, Any], OkT]:
        """The body of a success status and its `<Op>Ok` model.

        Failures come with error statuses (Tickiti's own client decides by the status alone [client]), which
        never reach a plan; a success status whose body is not `ok: true` breaks the spec."""
        body = json_object(response, VENDOR, operation)
        with reading(VENDOR, operation, response):
            # The generated model requires `ok: true` and `data`, but checks no types beneath.
            if body.get("ok") is not True:
                said = nonblank(body.get("message"))
                detail = f" (message: {said!r})" if said else ""
                raise ValueError(f"`ok` must be true in a success envelope, got {body.get('ok')!r}{detail}")
            return body, parse(body)

    def read_error(self, response: httpx.Response) -> ErrorInfo:
        try:
            body = json_object(response, VENDOR, "error")
            return _error_info(Error.from_dict(body)) or super().read_error(response)
        except (TicketkitError, *MALFORMED):
            return super().read_error(response)

    def _from_email(self, options: Mapping[str, Any], operation: str) -> str:
        email = options.get("agent_email") or self.agent_email
        if not isinstance(email, str) or not email.strip():
            raise InvalidArgumentError(
                f"tickiti {operation} replies as an agent: pass agent_email= to this call or to connect()"
            )
        return email


# -- normalization --------------------------------------------------------------------------------------


def to_ticket(model: TickitiTicket, raw: dict[str, Any], comments: list[Comment] | None = None) -> Ticket:
    """A show_ticket ticket, with its thread when given."""
    return _ticket(
        raw,
        number=_number(model.number),
        subject=optional_text_or_number(model.subject, "subject"),
        status=optional_text_or_number(model.status, "status"),
        resolved=model.resolved,
        priority=optional_text_or_number(model.priority, "priority"),
        queue_id=optional_text_or_number(model.queue_id, "queue_id"),
        requester=optional_text_or_number(model.originator_email, "originator_email"),
        assignee=optional_text_or_number(model.assigned_to_email, "assigned_to_email"),
        on_hold_until=optional_text_or_number(model.on_hold_until, "on_hold_until"),
        created_at=model.created_at,
        updated_at=model.updated_at,
        comments=comments,
    )


def row_to_ticket(row: TicketRow, raw: dict[str, Any]) -> Ticket:
    """A tickets/query row. Its shape was not captured, so every field may be absent; the number may not."""
    number = none_if_unset(row.number)
    if number is None:
        number = raw.get("ticket_number")
    if number is None:
        raise KeyError("a ticket row has no `number`")
    return _ticket(
        raw,
        number=_number(number),
        subject=optional_text_or_number(row.subject, "subject"),
        status=optional_text_or_number(row.status, "status"),
        resolved=optional_text_or_number(row.resolved, "resolved"),
        priority=optional_text_or_number(row.priority, "priority"),
        queue_id=optional_text_or_number(row.queue_id, "queue_id"),
        requester=optional_text_or_number(row.originator_email, "originator_email"),
        assignee=optional_text_or_number(row.assigned_to_email, "assigned_to_email"),
        on_hold_until=optional_text_or_number(row.on_hold_until, "on_hold_until"),
        created_at=none_if_unset(row.created_at),
        updated_at=none_if_unset(row.updated_at),
        comments=None,
    )


def _ticket(
    raw: dict[str, Any],
    *,
    number: str,
    subject: str | None,
    status: str | None,
    resolved: object,
    priority: str | None,
    queue_id: str | None,
    requester: str | None,
    assignee: str | None,
    on_hold_until: str | None,
    created_at: object,
    updated_at: object,
    comments: list[Comment] | None,
) -> Ticket:
    return Ticket(
        vendor=VENDOR,
        id=number,  # the number is what every Tickiti operation takes back
        number=number,
        subject=subject,
        # The ticket header carries no body; the first message is a response in the thread.
        description=None,
        status=_status(status, from_iso(resolved)),
        status_raw=status,
        priority=_priority(priority),
        priority_raw=priority,
        requester=Party(kind=PartyKind.CUSTOMER, email=requester) if requester else None,
        assignee=Party(kind=PartyKind.AGENT, email=assignee) if assignee else None,
        created_at=from_iso(created_at),
        updated_at=from_iso(updated_at),
        closed_at=None,
        # Not custom fields strictly, but nothing else in the model holds them.
        custom_fields={"queue_id": queue_id, "on_hold_until": on_hold_until},
        comments=comments,
        attachments=[a for c in comments or [] for a in c.attachments],
        raw=raw,
    )


def to_comments(responses: list[TicketResponse], raws: list[dict[str, Any]], ticket_number: str) -> list[Comment]:
    """The thread in Tickiti's order (pinned first, then oldest to newest), kept as given."""
    return [to_comment(model, raw, ticket_number) for model, raw in zip(responses, raws, strict=True)]


def to_comment(model: TicketResponse, raw: dict[str, Any], ticket_number: str) -> Comment:
    html = optional_text_or_number(model.html, "html")
    email = optional_text_or_number(model.created_by_email, "created_by_email")
    kind = PartyKind.AGENT if flag(model.staff_response, "staff_response") else PartyKind.CUSTOMER
    return Comment(
        id=identifier(model.id, "response id"),
        body_html=html,
        body_text=optional_text_or_number(model.plain_text, "plain_text") or html_to_text(html),
        author=Party(kind=kind, email=email),
        internal=flag(model.is_internal, "is_internal"),
        created_at=from_iso(model.created_at),
        attachments=[
            to_attachment(meta, meta_raw, ticket_number)
            for meta, meta_raw in zip(model.attachments, raw["attachments"], strict=True)
        ],
        raw=raw,
    )


def to_attachment(model: AttachmentMeta, raw: dict[str, Any], ticket_number: str) -> Attachment:
    return Attachment(
        id=identifier(model.id, "attachment id"),
        name=required_text(model.name, "attachment name"),
        size=optional_integer(model.file_size, "file_size"),
        sha256=optional_text_or_number(model.sha256, "attachment sha256"),
        comment_id=identifier(model.response_id, "attachment response_id"),
        ticket_id=ticket_number,  # download_attachment needs it beside the id
        content_type=None,  # only the download answer says (`mime_type`)
        raw=raw,
    )


def _status(raw: str | None, resolved: dt.datetime | None) -> TicketStatus:
    if resolved is not None:  # a resolution time wins over the status word
        return TicketStatus.RESOLVED
    return STATUSES.get((raw or "").lower(), TicketStatus.UNKNOWN)


def _priority(raw: str | None) -> Priority:
    """Tickiti priority is a number with no documented scale. The bands are our choice:
    below 20 LOW, 20-39 NORMAL, 40-59 HIGH, 60 and up URGENT; anything not a number is UNKNOWN."""
    try:
        value = float(raw) if raw is not None else math.nan
    except ValueError:
        return Priority.UNKNOWN
    if not math.isfinite(value):
        return Priority.UNKNOWN
    if value < 20:
        return Priority.LOW
    if value < 40:
        return Priority.NORMAL
    if value < 60:
        return Priority.HIGH
    return Priority.URGENT


def _envelope(body: dict[str, Any]) -> QueryTicketsOk:
    """The `ok`/`data` envelope of a tickets/query answer, its rows left out (each is parsed on its own)."""
    data = body["data"]
    return QueryTicketsOk.from_dict({**body, "data": [] if isinstance(data, list) else {}})


def _row_records(data: Any) -> list[Any]:
    """The raw rows of a tickets/query answer's `data`: a list, or an object holding them (`rows`, or a likely
    name), as `_rows` finds them."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise TypeError(f"`data` should be a list of rows or an object holding them, got {type(data).__name__}")
    for key in ("rows", "tickets", "data", "items", "results"):
        found = data.get(key)
        if isinstance(found, list):
            return found
    raise KeyError(f"no ticket rows in `data` (keys: {', '.join(sorted(data)) or 'none'})")


def _created_number(data: dict[str, Any]) -> str:
    """The new ticket's number: the create answer was not captured, so look where it may be."""
    ticket = data.get("ticket")
    candidates = [ticket.get("number") if isinstance(ticket, dict) else None]
    candidates += [data.get("number"), data.get("ticket_number")]
    for candidate in candidates:
        if candidate is not None:
            return _number(candidate)
    raise KeyError("the create answer names no ticket number (data.ticket.number, data.number, data.ticket_number)")


# -- values: the generated models check no types, so these do where it matters ----------------------------


def _number(value: object) -> str:
    """A ticket number: an integer in answers [doc], also taken as a string of digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip().isdigit():
        return value.strip()
    raise TypeError(f"expected a ticket number, got {value!r}")


def _decode(content: str) -> bytes:
    """Strict base64: a stray character means the body is damaged, not something to skip."""
    try:
        return base64.b64decode(content, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"content_base64 is not valid base64 ({exc})") from exc


# -- errors -------------------------------------------------------------------------------------------------


def _error_info(model: Error) -> ErrorInfo | None:
    """The top-level `message` and Laravel's `errors`, as Tickiti's client reads them [client]; the documented
    code from `error`, a string (a code when it looks like one) or an object `{code, message}` [inferred].
    None when the body says nothing."""
    error = none_if_unset(model.error)
    code = detail = None
    if isinstance(error, ErrorDetail):  # blank strings say nothing: they count as absent
        code = nonblank(optional_text_or_number(error.code, "error.code"))
        detail = nonblank(optional_text_or_number(error.message, "error.message"))
    elif isinstance(error, str) and error.strip():
        if _CODE.fullmatch(error):
            code = error
        else:
            detail = error
    message = nonblank(optional_text_or_number(model.message, "message")) or detail or code
    problems = _problems(model)
    if message is None:
        message = problems[0].message if problems else None
    if message is None:
        return None
    return ErrorInfo(message=message, code=code, problems=problems)


def _problems(model: Error) -> tuple[Problem, ...]:
    errors = none_if_unset(model.errors)
    if errors is None:
        return ()
    problems: list[Problem] = []
    for field, messages in errors.additional_properties.items():
        listed: object = [messages] if isinstance(messages, str) else messages
        if isinstance(listed, list):
            problems += [Problem(field=field, message=m) for m in listed if nonblank(m)]
    return tuple(problems)


# -- arguments --------------------------------------------------------------------------------------------


def _query_request(query: ListQuery) -> QueryTicketsRequest:
    # No page size: tickets/query documents none, so `page_size` is not sent.
    options = query.options
    criteria = _criteria(options.get("criteria"))
    if query.status is not None:
        if any(c.mode == "status" for c in criteria):
            # Two status criteria would OR together on Tickiti's side, not narrow each other.
            raise InvalidArgumentError("tickiti: give the status as status= or in criteria, not both")
        token = SETTABLE.get(query.status)
        if token is None:
            raise InvalidArgumentError(f"tickiti can list by status open or on_hold only, not {query.status.value}")
        criteria.append(SearchCriterion(mode="status", tokens=[token]))
    if query.updated_since is not None:
        if any(c.mode == "updated_from" for c in criteria):
            # Two updated_from criteria would OR together on Tickiti's side, widening instead of narrowing.
            raise InvalidArgumentError("tickiti: give updated_since= or criteria updated_from, not both")
        # Tickiti's criterion takes a day and keeps tickets updated on or after it, in UTC [client]: the
        # server narrows to the day, and the desk checks each ticket's updated_at against the exact moment.
        day = query.updated_since.astimezone(dt.UTC).date().isoformat()
        criteria.append(SearchCriterion(mode="updated_from", tokens=[day]))
    perspective = _unset(args.optional_nonblank_text("search_perspective", options.get("search_perspective")))
    search: SearchObject | Unset = UNSET
    if criteria or perspective is not UNSET:
        search = SearchObject(search_perspective=perspective, criteria=criteria or UNSET)
    return QueryTicketsRequest(perspective_id=_perspective_id(options.get("perspective_id")), search_object=search)


def _criteria(value: object) -> list[SearchCriterion]:
    """`criteria={mode: token or [tokens]}` as tickets/query's criteria: one criterion per token, since
    criteria of one mode OR together and different modes AND [client]. A date mode takes a date or
    'YYYY-MM-DD'; the others a string or an integer (a watchlist id, a ticket number)."""
    if value is None:
        return []
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(f"tickiti: criteria must be a mapping of search mode to tokens, not {value!r}")
    criteria: list[SearchCriterion] = []
    for mode, given_tokens in value.items():
        if mode not in SEARCH_MODES:
            known = ", ".join(sorted(SEARCH_MODES))
            raise InvalidArgumentError(f"tickiti: unknown search mode {mode!r}; Tickiti's modes are {known}")
        tokens = given_tokens if isinstance(given_tokens, list | tuple) else [given_tokens]
        if not tokens:
            raise InvalidArgumentError(f"tickiti: criteria[{mode!r}] names no token")
        criteria += [SearchCriterion(mode=mode, tokens=[_token(mode, token)]) for token in tokens]
    return criteria


def _token(mode: str, token: object) -> str | int:
    if mode in DATE_MODES:
        day = _day(token)
        if day is None:
            raise InvalidArgumentError(f"tickiti: criteria[{mode!r}] takes a date or 'YYYY-MM-DD', not {token!r}")
        return day.isoformat()
    if isinstance(token, int) and not isinstance(token, bool):
        return token
    if isinstance(token, str) and token.strip():
        return token
    raise InvalidArgumentError(f"tickiti: criteria[{mode!r}] takes non-empty strings or integers, not {token!r}")


def _day(value: object) -> dt.date | None:
    """A date, or its `YYYY-MM-DD` text; a datetime is not one (which day would it be?)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _perspective_id(value: object) -> int | Unset:
    """A perspective id is an integer on the wire [client]; its digits as a string are taken too."""
    if value is None:
        return UNSET
    if isinstance(value, str) and value.strip().isdecimal():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError(f"tickiti: perspective_id must be a positive integer, not {value!r}")
    return value


def _idempotency_key(options: Mapping[str, Any]) -> str:
    """The caller's key verbatim, or a fresh one for this call."""
    key = options.get("idempotency_key")
    if key is None:
        return str(uuid.uuid4())
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidArgumentError(f"idempotency_key must be a non-empty string of at most {MAX_KEY_LENGTH} characters")
    return args.header_value("Idempotency-Key", key)  # it goes into a header: visible ASCII only


def _unset(value: T | None) -> T | Unset:
    """A checked option as the generated models take it: UNSET when not given."""
    return UNSET if value is None else value


def _hold_until(value: object) -> dt.date | Unset:
    """`on_hold_until`: a date, or its `YYYY-MM-DD` text."""
    if value is None:
        return UNSET
    day = _day(value)
    if day is None:
        raise InvalidArgumentError(f"tickiti: on_hold_until must be a date or 'YYYY-MM-DD', not {value!r}")
    return day


# -- connection ---------------------------------------------------------------------------------------------


def make_connection(settings: Settings) -> ConnectionSpec:
    options = settings.options  # the keywords the registry lists for this vendor, checked by connect()
    agent_email = args.optional_nonblank_text("agent_email", options.get("agent_email"))
    base_url = _base_url(settings.base_url)
    token = settings.require_token()

    return ConnectionSpec(
        adapter=TickitiAdapter(agent_email=agent_email),
        base_url=base_url,
        auth=BearerToken(token),
        headers=HEADERS,
        generated_client=Client(base_url=base_url, headers=dict(HEADERS)),
    )


def _base_url(value: str | None) -> str:
    """Tickiti is self-hosted: the install's URL (a sub-path install included) is required.

    Whether it is a usable https URL is checked by `connect()` for every vendor.
    """
    if not value:
        raise InvalidArgumentError(
            "connect('tickiti') needs base_url=: Tickiti is self-hosted (e.g. https://support.example.com)"
        )
    return value.rstrip("/")
