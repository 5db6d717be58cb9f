"""Ankra: platform support tickets. Plain-text comments, files on the ticket, an AI review on create."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import httpx
from ankra_client import Client
from ankra_client.api.attachments import download_attachment
from ankra_client.api.comments import add_comment
from ankra_client.api.tickets import close_ticket, create_ticket, get_ticket, list_tickets
from ankra_client.models import (
    CommentCreate,
    Error,
    ErrorDetailObject,
    TicketAttachment,
    TicketComment,
    TicketCreate,
    TicketCreateFromReview,
    TicketList,
    TicketSummary,
    ValidationIssue,
)
from ankra_client.models import Ticket as AnkraTicket
from ankra_client.types import UNSET, Unset
from ticketkit_models import Attachment, Comment, Party, PartyKind, Priority, Ticket, TicketStatus

from .. import _arguments as args
from .._adapter import Adapter, Call, CommentDraft, ListQuery, Page, Plan, RejectedRecord, TicketDraft, parse_each
from .._auth import BearerToken
from .._connection import ConnectionSpec, Settings
from .._errors import ErrorInfo, InvalidArgumentError, Problem, TicketkitError
from .._fields import CreateKeywords, ListKeywords, own_keys
from .._reading import (
    MALFORMED,
    from_iso,
    integer,
    json_object,
    none_if_unset,
    optional_integer,
    optional_text,
    reading,
    required,
    required_text,
)

VENDOR = "ankra"
BASE_URL = "https://platform.ankra.app"
FIRST_PAGE = 1  # Ankra's CLI asks for page 1 by default
OK_OR_CREATED = frozenset({200, 201})  # the success status of Ankra's POSTs is not documented

STATUSES: Mapping[str, TicketStatus] = {
    "pending_review": TicketStatus.NEW,
    "open": TicketStatus.OPEN,
    "triaging": TicketStatus.OPEN,
    "in_progress": TicketStatus.IN_PROGRESS,
    "waiting_customer": TicketStatus.WAITING_ON_CUSTOMER,
    "resolved": TicketStatus.RESOLVED,
    "closed": TicketStatus.CLOSED,
}
SEVERITIES: Mapping[str, Priority] = {
    "low": Priority.LOW,
    "medium": Priority.NORMAL,
    "high": Priority.HIGH,
    "critical": Priority.URGENT,
}
# `author_type` is [client]: Ankra's CLI reads it but no document lists its values, so these are
# inferred from the usual words; anything else is UNKNOWN.
AUTHOR_KINDS: Mapping[str, PartyKind] = {
    "user": PartyKind.CUSTOMER,
    "customer": PartyKind.CUSTOMER,
    "agent": PartyKind.AGENT,
    "staff": PartyKind.AGENT,
    "support": PartyKind.AGENT,
    "system": PartyKind.SYSTEM,
    "bot": PartyKind.BOT,
    "ai": PartyKind.BOT,
}
# Ankra has no account-defined fields. These vendor fields have no place in the unified model, so they
# go into custom_fields under their own names, as received, so that an export loses nothing.
KEPT_FIELDS = (
    "category",
    "source",
    "cluster_id",
    "cluster_name",
    "ai_review_status",
    "ai_summary",
    "is_tracked_by_team",
)
ACKNOWLEDGE_HINT = "to open it anyway, pass acknowledged=True to tickets.create"
# With a review_id Ankra reads the draft from the stored review and honours only these [client: ankra-cli
# internal/client/support.go CreateSupportTicketRequest]; the draft's own fields would be silently ignored.
FROM_REVIEW_OPTIONS = frozenset({"review_id", "severity", "source", "acknowledged"})


# -- Ankra's own keywords of the desk's methods (one declaration: the types, and the adapter's checks) ----------


class AnkraCreateFields(CreateKeywords, total=False):
    """`tickets.create` on an Ankra desk: the common keywords and Ankra's own."""

    category: str
    """Ankra: the ticket's category."""
    severity: str | None
    """Ankra: the ticket's severity (None is a value Ankra accepts)."""
    cluster_id: str | UUID | None
    """Ankra: the cluster the ticket is about, a uuid."""
    source: str
    """Ankra: where the ticket comes from."""
    acknowledged: bool
    """Ankra: open it although Ankra's review flagged it (see the README)."""
    review_id: str | None
    """Ankra: create from this stored review (Ankra takes subject, description, category and cluster from it)."""
    environment: Any
    """Ankra: any JSON value describing the environment, sent as given."""


class AnkraListFields(ListKeywords, total=False):
    """`tickets.list` and `tickets.pages` on an Ankra desk: the common keywords and Ankra's own."""

    q: str
    """Ankra: a full-text search."""
    cluster_id: str | UUID
    """Ankra: only the tickets of this cluster, a uuid."""


class AnkraAdapter(Adapter):
    vendor = VENDOR
    create_options = own_keys(AnkraCreateFields)
    list_options = own_keys(AnkraListFields)

    def __init__(self, organisation_id: str | None = None) -> None:
        # Sent as `x-ankra-organisation-id` on every call through the generated header parameter.
        self.organisation: str | Unset = UNSET if organisation_id is None else organisation_id

    # -- plans ---------------------------------------------------------------------------------------

    def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
        request = get_ticket._get_kwargs(ticket_id, x_ankra_organisation_id=self.organisation)
        response = yield Call("tickets.get", request)
        return self._ticket(response, "tickets.get")

    def list_tickets(self, query: ListQuery, cursor: Any) -> Plan[Page[Ticket]]:
        statuses = _status_filter(query.status)
        filters = _list_filters(query.options)
        if statuses == []:  # a status Ankra has no value for: nothing to ask
            return Page([], None)
        page = cursor if isinstance(cursor, int) else FIRST_PAGE
        request = list_tickets._get_kwargs(
            page=page,
            page_size=UNSET if query.page_size is None else query.page_size,
            status=statuses,  # repeated `status=` parameters, filtered by Ankra
            x_ankra_organisation_id=self.organisation,
            **filters,
        )
        response = yield Call("tickets.list", request)
        tickets, rejected, total_pages, total = self._page(response)
        # Ankra filters the status itself, so `pagination.total_count` counts exactly what the pages hold; it
        # documents no filter on `updated_at`: the desk applies `updated_since` to each page (and drops the total).
        return Page(tickets, page + 1 if page < total_pages else None, rejected, total)

    def create_ticket(self, draft: TicketDraft) -> Plan[Ticket]:
        body = _create_body(draft)
        request = create_ticket._get_kwargs(body=body, x_ankra_organisation_id=self.organisation)
        response = yield Call("tickets.create", request, expect=OK_OR_CREATED)
        return self._ticket(response, "tickets.create")

    def close_ticket(self, ticket_id: str) -> Plan[Ticket]:
        request = close_ticket._get_kwargs(ticket_id, x_ankra_organisation_id=self.organisation)
        response = yield Call("tickets.close", request)
        return self._ticket(response, "tickets.close")

    def list_comments(self, ticket_id: str) -> Plan[list[Comment]]:
        # Ankra has no comment list: the thread comes with the ticket.
        request = get_ticket._get_kwargs(ticket_id, x_ankra_organisation_id=self.organisation)
        response = yield Call("comments.list", request)
        return self._ticket(response, "comments.list").comments or []

    def create_comment(self, ticket_id: str, draft: CommentDraft) -> Plan[Comment]:
        if draft.internal:
            raise InvalidArgumentError("ankra has no internal comments (all are visible); drop internal=True")
        request = add_comment._get_kwargs(
            ticket_id, body=CommentCreate(body=draft.body), x_ankra_organisation_id=self.organisation
        )
        response = yield Call("comments.create", request, expect=OK_OR_CREATED)
        # The answer is the whole ticket; the new comment is the latest one carrying the body sent.
        body = json_object(response, VENDOR, "comments.create")
        with reading(VENDOR, "comments.create", response):
            ticket = self.to_ticket(AnkraTicket.from_dict(body), body)
            return _newest_with_body(ticket.comments or [], draft.body)

    def download_attachment(self, attachment: Attachment) -> Plan[bytes]:
        if not attachment.ticket_id:
            raise InvalidArgumentError(
                "ankra serves a file under its ticket: download an Attachment taken from an Ankra Ticket"
            )
        request = download_attachment._get_kwargs(
            attachment.ticket_id, attachment.id, x_ankra_organisation_id=self.organisation
        )
        response = yield Call("attachments.download", request)
        return response.content  # the file's bytes, unchanged

    # -- errors ---------------------------------------------------------------------------------------

    def read_error(self, response: httpx.Response) -> ErrorInfo:
        try:
            error = Error.from_dict(json_object(response, VENDOR, "error"))
            info = _error_info(error.detail, none_if_unset(error.permission))
        except (TicketkitError, *MALFORMED):
            info = None
        if info is None:
            info = super().read_error(response)
        if response.status_code == 409:  # only create answers 409: the AI review flagged the draft
            info = dataclasses.replace(info, message=f"{info.message}; {ACKNOWLEDGE_HINT}")
        return info

    # -- normalization ----------------------------------------------------------------------------------

    def _ticket(self, response: httpx.Response, operation: str) -> Ticket:
        body = json_object(response, VENDOR, operation)
        with reading(VENDOR, operation, response):
            return self.to_ticket(AnkraTicket.from_dict(body), body)

    def _page(self, response: httpx.Response) -> tuple[list[Ticket], tuple[RejectedRecord, ...], int, int]:
        """The rows (each parsed on its own), those refused, `total_pages` and `total_count`."""
        body = json_object(response, VENDOR, "tickets.list")
        with reading(VENDOR, "tickets.list", response):
            records = required(body["result"], list, "result")
            page = TicketList.from_dict({**body, "result": []})  # the envelope
            total_pages = integer(page.pagination.total_pages, "pagination.total_pages")
            total = integer(page.pagination.total_count, "pagination.total_count")
        rows, rejected = parse_each(
            VENDOR, records, lambda raw: self.summary_to_ticket(TicketSummary.from_dict(raw), raw)
        )
        return rows, rejected, total_pages, total

    def to_ticket(self, model: AnkraTicket, raw: dict[str, Any]) -> Ticket:
        ticket_id = required_text(raw["id"], "id")  # as sent (the model holds it as a UUID)
        return _unified(
            ticket_id,
            raw,
            subject=required_text(model.subject, "subject"),
            description=required_text(model.description, "description"),
            status=required_text(model.status, "status"),
            severity=optional_text(model.severity, "severity"),
            comments=_comments(model.comments, raw.get("comments")),
            attachments=_attachments(model.attachments, raw.get("attachments"), ticket_id),
        )

    def summary_to_ticket(self, model: TicketSummary, raw: dict[str, Any]) -> Ticket:
        """A list row: no description and no thread [client]; a field the row leaves out stays None."""
        return _unified(
            required_text(model.id, "id"),
            raw,
            subject=optional_text(model.subject, "subject"),
            description=None,
            status=optional_text(model.status, "status"),
            severity=optional_text(model.severity, "severity"),
            comments=None,  # not loaded: tickets.get or comments.list read the thread
            attachments=[],
        )


# -- normalization helpers ----------------------------------------------------------------------------


def _unified(
    ticket_id: str,
    raw: dict[str, Any],
    *,
    subject: str | None,
    description: str | None,
    status: str | None,
    severity: str | None,
    comments: list[Comment] | None,
    attachments: list[Attachment],
) -> Ticket:
    """The unified Ticket from fields already read; timestamps are taken from `raw` (ISO 8601)."""
    priority = SEVERITIES.get(severity, Priority.UNKNOWN) if severity is not None else Priority.UNKNOWN
    return Ticket(
        vendor=VENDOR,
        id=ticket_id,
        number=None,  # Ankra shows no human reference besides the id
        subject=subject,
        description=description,
        status=STATUSES.get(status, TicketStatus.UNKNOWN) if status is not None else TicketStatus.UNKNOWN,
        status_raw=status,
        priority=priority,
        priority_raw=severity,
        created_at=from_iso(raw.get("created_at")),
        updated_at=from_iso(raw.get("updated_at")),
        closed_at=None,  # Ankra documents no closing time
        custom_fields={name: raw[name] for name in KEPT_FIELDS if name in raw},
        comments=comments,
        attachments=attachments,
        raw=raw,
    )


def _comments(models: list[TicketComment] | Unset, raws: Any) -> list[Comment] | None:
    if isinstance(models, Unset):
        return None  # not sent: the thread was not loaded
    return [to_comment(model, raw) for model, raw in zip(models, raws, strict=True)]


def to_comment(model: TicketComment, raw: dict[str, Any]) -> Comment:
    label = optional_text(model.author_label, "author_label")
    kind = optional_text(model.author_type, "author_type")
    author = None
    if label is not None or kind is not None:
        author = Party(name=label, kind=AUTHOR_KINDS.get((kind or "").lower(), PartyKind.UNKNOWN))
    return Comment(
        id=required_text(model.id, "comment id"),
        body_text=required_text(model.body, "comment body"),  # Ankra comments are plain text
        author=author,
        internal=False,  # Ankra has no internal notes
        created_at=from_iso(model.created_at),
        raw=raw,
    )


def _attachments(models: list[TicketAttachment] | Unset, raws: Any, ticket_id: str) -> list[Attachment]:
    if isinstance(models, Unset):
        return []
    return [to_attachment(model, raw, ticket_id) for model, raw in zip(models, raws, strict=True)]


def to_attachment(model: TicketAttachment, raw: dict[str, Any], ticket_id: str) -> Attachment:
    return Attachment(
        id=required_text(model.id, "attachment id"),
        name=required_text(model.filename, "filename"),
        content_type=optional_text(model.content_type, "content_type"),
        size=optional_integer(model.size_bytes, "size_bytes"),
        ticket_id=ticket_id,  # download needs it: the file lives under its ticket
        comment_id=None,  # Ankra attaches files to the ticket, not to a comment
        raw=raw,
    )


def _newest_with_body(comments: list[Comment], body: str) -> Comment:
    """The comment just added: the latest (by created_at, then thread order) whose text is what was sent."""
    sent = body.strip()
    candidates = [(c.created_at, i, c) for i, c in enumerate(comments) if (c.body_text or "").strip() == sent]
    if not candidates:
        raise ValueError("the ticket in the answer has no comment with the body that was sent")
    return max(candidates, key=lambda found: (found[0], found[1]))[2]


# -- request helpers ----------------------------------------------------------------------------------


def _status_filter(status: TicketStatus | None) -> list[str] | Unset:
    """The Ankra statuses to list (OPEN is two); [] when none maps to `status`, UNSET for every status."""
    if status is None:
        return UNSET
    if status is TicketStatus.UNKNOWN:
        raise InvalidArgumentError(
            "ankra lists by its own statuses and none maps to UNKNOWN; list without status and filter"
        )
    return [raw for raw, mapped in STATUSES.items() if mapped is status]


def _list_filters(options: Mapping[str, Any]) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    if "q" in options:
        filters["q"] = args.nonblank_text("q", options["q"])
    if "cluster_id" in options:
        filters["cluster_id"] = args.uuid_value("cluster_id", options["cluster_id"])
    return filters


def _create_body(draft: TicketDraft) -> TicketCreate | TicketCreateFromReview:
    """Ankra's two create modes [client]: the draft's own fields, or the `review_id` of a stored review."""
    if draft.requester_email is not None:
        raise InvalidArgumentError(
            "ankra tickets have no requester (the token's user opens them); leave requester_email out"
        )
    from_review = draft.options.get("review_id") is not None  # review_id=None: no review, the raw fields
    return _ticket_create_from_review(draft) if from_review else _ticket_create(draft)


def _ticket_create(draft: TicketDraft) -> TicketCreate:
    """Create from the draft's fields; Ankra reviews it inline."""
    if draft.description is None:
        raise InvalidArgumentError("ankra requires a description to open a ticket (or review_id= of a stored review)")
    options = {name: value for name, value in draft.options.items() if name != "review_id"}
    fields = _shared_create_fields(options)
    if "category" in options:
        fields["category"] = args.nonblank_text("category", options["category"])
    if "cluster_id" in options:
        value = options["cluster_id"]
        fields["cluster_id"] = None if value is None else args.uuid_value("cluster_id", value)
    if "environment" in options:
        fields["environment"] = args.json_value("environment", options["environment"])  # any JSON value, as given
    return TicketCreate(subject=draft.subject, description=draft.description, **fields)


def _ticket_create_from_review(draft: TicketDraft) -> TicketCreateFromReview:
    """Create from a stored review: Ankra takes subject, description, category and cluster from the review,
    so the draft's subject and description are not sent."""
    ignored = sorted(set(draft.options) - FROM_REVIEW_OPTIONS)
    if ignored:
        raise InvalidArgumentError(
            f"with review_id, ankra takes the draft from the stored review and ignores {', '.join(ignored)}; "
            "leave them out (or review the draft again with them)"
        )
    review_id = args.nonblank_text("review_id", draft.options["review_id"])
    return TicketCreateFromReview(review_id=review_id, **_shared_create_fields(draft.options))


def _shared_create_fields(options: Mapping[str, Any]) -> dict[str, Any]:
    """`severity`, `source` and `acknowledged`, which both create modes take, checked."""
    fields: dict[str, Any] = {}
    if "source" in options:
        fields["source"] = args.nonblank_text("source", options["source"])
    if "severity" in options:  # null is a value Ankra accepts
        fields["severity"] = args.optional_nonblank_text("severity", options["severity"])
    if "acknowledged" in options:
        fields["acknowledged"] = args.flag("acknowledged", options["acknowledged"])
    return fields


# -- error helpers ------------------------------------------------------------------------------------


def _error_info(detail: Any, permission: Any) -> ErrorInfo | None:
    """What a FastAPI `detail` says; None when it is no form we know (the caller falls back)."""
    if isinstance(detail, str) and detail.strip():
        if detail == "permission_denied":
            named = f": the token lacks the permission {permission}" if isinstance(permission, str) else ""
            return ErrorInfo(message=f"permission denied{named}", code="permission_denied")
        return ErrorInfo(message=detail)
    if isinstance(detail, list):
        return _validation_info(detail)
    if isinstance(detail, ErrorDetailObject):
        return ErrorInfo(message=_object_message(detail.additional_properties))
    return None


def _validation_info(items: list[Any]) -> ErrorInfo | None:
    problems = [_problem(item) for item in items]
    if not problems or None in problems:
        return None
    found = [p for p in problems if p is not None]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return ErrorInfo(message=found[0].message + more, problems=tuple(found))


def _problem(item: Any) -> Problem | None:
    # The generated union hands back the raw list when an item is not a full ValidationIssue.
    loc: Any
    msg: Any
    if isinstance(item, ValidationIssue):
        loc, msg = item.loc, item.msg
    elif isinstance(item, dict):
        loc, msg = item.get("loc"), item.get("msg")
    else:
        return None
    if not isinstance(msg, str) or not msg.strip():
        return None
    return Problem(field=_field(loc), message=msg)


def _field(loc: Any) -> str | None:
    """A dotted field name from FastAPI's `loc`: ["body", "environment", 0] -> "environment.0"."""
    if not isinstance(loc, list):
        return None
    parts = loc[1:] if loc[:1] == ["body"] else loc
    return ".".join(str(part) for part in parts) or None


def _object_message(detail: Mapping[str, Any]) -> str:
    for key in ("message", "detail", "reason"):
        if isinstance(detail.get(key), str) and detail[key]:
            text: str = detail[key]
            return text
    return json.dumps(detail, sort_keys=True, default=str)


# -- connection ---------------------------------------------------------------------------------------


def make_connection(settings: Settings) -> ConnectionSpec:
    options = settings.options  # the keywords the registry lists for this vendor, checked by connect()
    organisation = options.get("organisation_id")
    if organisation is not None:
        args.uuid_value("organisation_id", organisation)  # Ankra takes a uuid; checked, then sent as given
        organisation = str(organisation)
    adapter = AnkraAdapter(organisation_id=organisation)
    base_url = (settings.base_url or BASE_URL).rstrip("/")
    auth = BearerToken(settings.require_token())

    client = Client(base_url=base_url)
    return ConnectionSpec(adapter=adapter, base_url=base_url, auth=auth, generated_client=client)
