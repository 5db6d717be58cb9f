"""The Ankra fake: `/api/v1/org/support/tickets` as specs/ankra.yaml and the vendor documents describe it.

FastAPI-style answers throughout: errors are `{"detail": "<text>"}`, validation failures 422 with a list of
pydantic issues, an unknown `x-ankra-organisation-id` 403 `{"detail": "permission_denied", "permission"}`.
Checks run in FastAPI's order: token (401), organisation (403), request validation (422), lookup (404).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx

from ticketkit.sandbox._app import App, HTTPError, json_response, now, route
from ticketkit.sandbox._app import iso as _iso

from . import validation
from .models import (
    PRIMARY_ORGANISATION_ID,
    USER_LABEL,
    Attachment,
    Comment,
    Organisation,
    Review,
    Store,
    Ticket,
    add_account_organisations,
    new_id,
    review_draft,
    seed_demo_tickets,
)
from .validation import Invalid, ListQuery, TicketDraft

TICKETS = "/api/v1/org/support/tickets"
ORGANISATION_HEADER = "x-ankra-organisation-id"


# -- JSON bodies, shaped as the spec's schemas --------------------------------------------------------


def comment_json(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "author_label": comment.author_label,
        "author_type": comment.author_type,
        "body": comment.body,
        "created_at": _iso(comment.created_at),
    }


def attachment_json(attachment: Attachment) -> dict[str, Any]:
    return {
        "id": attachment.id,
        "filename": attachment.filename,
        "content_type": attachment.content_type,
        "size_bytes": attachment.size_bytes,
        "created_at": _iso(attachment.created_at),
    }


def summary_json(ticket: Ticket) -> dict[str, Any]:
    """A list row: the ticket without its description, thread and files (the row shape is not documented)."""
    return {
        "id": ticket.id,
        "organisation_id": ticket.organisation_id,
        "subject": ticket.subject,
        "status": ticket.status,
        "severity": ticket.severity,
        "category": ticket.category,
        "source": ticket.source,
        "ai_review_status": ticket.ai_review_status,
        "cluster_id": ticket.cluster_id,
        "cluster_name": ticket.cluster_name,
        "is_tracked_by_team": ticket.is_tracked_by_team,
        "created_at": _iso(ticket.created_at),
        "updated_at": _iso(ticket.updated_at),
    }


def ticket_json(ticket: Ticket) -> dict[str, Any]:
    return {
        **summary_json(ticket),
        "description": ticket.description,
        "ai_summary": ticket.ai_summary,
        "comments": [comment_json(c) for c in ticket.comments],
        "attachments": [attachment_json(a) for a in ticket.attachments],
    }


def review_json(review: Review) -> dict[str, Any]:
    return {"review_id": review.id, "status": review.status, "flagged": review.flagged, "reason": review.reason}


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the exact name in RFC 5987 form (headers are ASCII)."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def page_of(tickets: list[Ticket], query: ListQuery) -> dict[str, Any]:
    start = (query.page - 1) * query.page_size
    rows = tickets[start : start + query.page_size]
    return {
        "result": [summary_json(t) for t in rows],
        "pagination": {
            "page": query.page,
            "page_size": query.page_size,
            "total_pages": math.ceil(len(tickets) / query.page_size),
            "total_count": len(tickets),
        },
    }


def matches(ticket: Ticket, query: ListQuery) -> bool:
    if query.status is not None and ticket.status != query.status:
        return False
    if query.cluster_id is not None and ticket.cluster_id != query.cluster_id:
        return False
    if query.q:
        needle = query.q.casefold()
        return needle in ticket.subject.casefold() or needle in ticket.description.casefold()
    return True


# -- the app ------------------------------------------------------------------------------------------


class AnkraApp(App):
    vendor = "ankra"

    def __init__(self, token: str, base_url: str) -> None:
        super().__init__(token, base_url)
        self.store = Store()
        add_account_organisations(self.store)

    # -- errors in Ankra's shape -----------------------------------------------------------------------

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        return json_response(status, {"detail": message})

    def unauthorized(self) -> httpx.Response:
        return self._unauthenticated("Not authenticated")

    def _unauthenticated(self, detail: str) -> httpx.Response:
        return json_response(401, {"detail": detail}, {"www-authenticate": "Bearer"})

    def not_found(self, what: str) -> httpx.Response:
        return self.error(404, "not_found", f"{what} not found")

    def no_route(self, request: httpx.Request, allowed: list[str]) -> httpx.Response:
        """Starlette's answers: 405 with `Allow` when only the method is wrong, else 404 `Not Found`."""
        if allowed:
            return json_response(405, {"detail": "Method Not Allowed"}, {"allow": ", ".join(allowed)})
        return self.error(404, "not_found", "Not Found")

    def authorized(self, request: httpx.Request, handler_name: str) -> bool:
        """A bearer token is required (401 `Not authenticated`); a wrong one is 401 `Invalid token`."""
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            raise HTTPError(self.unauthorized())
        if credentials.strip() != self.token:
            raise HTTPError(self._unauthenticated("Invalid token"))
        return True

    # -- state ---------------------------------------------------------------------------------------

    def seed(self) -> None:
        seed_demo_tickets(self.store, now())

    def connect_options(self) -> dict[str, Any]:
        return {"token": self.token, "organisation_id": PRIMARY_ORGANISATION_ID}

    # -- helpers for handlers ------------------------------------------------------------------------

    def _organisation(self, request: httpx.Request) -> Organisation:
        """The header's organisation (default: the token's own); one the token is not in is a 403."""
        wanted = request.headers.get(ORGANISATION_HEADER)
        if wanted is None:
            return self.store.organisations[PRIMARY_ORGANISATION_ID]
        organisation = self.store.organisations.get(wanted.strip().lower())
        if organisation is None:
            permission = "support:read" if request.method == "GET" else "support:write"
            raise HTTPError(json_response(403, {"detail": "permission_denied", "permission": permission}))
        return organisation

    def _validated(self, *checks: Callable[[], Any]) -> list[Any]:
        """Every check's value; FastAPI reports the issues of the path and the body together."""
        values: list[Any] = []
        issues: list[validation.Issue] = []
        for check in checks:
            try:
                values.append(check())
            except Invalid as problem:
                issues.extend(problem.issues)
        if issues:
            raise HTTPError(json_response(422, {"detail": issues}))
        return values

    def _ticket(self, organisation: Organisation, ticket_id: str) -> Ticket:
        """The organisation's ticket (another organisation's is not found either)."""
        ticket = self.store.ticket(organisation.id, ticket_id)
        if ticket is None:
            raise HTTPError(self.not_found("Ticket"))
        return ticket

    def _ticket_from_path(self, request: httpx.Request, raw_id: str) -> Ticket:
        organisation = self._organisation(request)
        [ticket_id] = self._validated(lambda: validation.ticket_id(raw_id))
        return self._ticket(organisation, ticket_id)

    def _draft(self, request: httpx.Request) -> TicketDraft:
        [draft] = self._validated(lambda: validation.ticket_draft(validation.json_object(request)))
        assert isinstance(draft, TicketDraft)
        return draft

    # -- tickets -------------------------------------------------------------------------------------

    @route("GET", TICKETS)
    def list_tickets(self, request: httpx.Request) -> httpx.Response:
        """Newest first, `page` from 1; `status`, `cluster_id` and `q` (subject or description) filter."""
        organisation = self._organisation(request)
        [query] = self._validated(lambda: validation.list_query(request.url.params))
        found = [t for t in self.store.tickets_of(organisation.id) if matches(t, query)]
        return json_response(200, page_of(found, query))

    @route("POST", TICKETS)
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        """201 with the ticket; a draft the review flags (see `review_draft`) needs `acknowledged: true`.

        Flagged and not acknowledged: 409 `{"detail": <why and how to resend>, "review": <the review>}`,
        and nothing is created. Flagged and acknowledged: created with `ai_review_status: flagged`.
        """
        organisation = self._organisation(request)
        draft = self._draft(request)
        review = review_draft(draft.description)
        if review.flagged and not draft.acknowledged:
            detail = f"Ticket flagged by AI review: {review.reason} Resend with acknowledged=true to open it anyway."
            return json_response(409, {"detail": detail, "review": review_json(review)})
        ticket = self.store.add_ticket(self._new_ticket(organisation, draft, review))
        return json_response(201, ticket_json(ticket))

    @staticmethod
    def _new_ticket(organisation: Organisation, draft: TicketDraft, review: Review) -> Ticket:
        moment = now()
        return Ticket(
            id=new_id(),
            organisation_id=organisation.id,
            subject=draft.subject,
            description=draft.description,
            created_at=moment,
            updated_at=moment,
            source=draft.source,
            category=draft.category,
            status="open",
            ai_review_status=review.status,
            severity=draft.severity,
            cluster_id=draft.cluster_id,
            # An id that is not one of the organisation's clusters is kept, without a name.
            cluster_name=organisation.clusters.get(draft.cluster_id) if draft.cluster_id else None,
            review_id=draft.review_id,
            environment=draft.environment,
        )

    @route("POST", TICKETS + "/review")
    def review_ticket(self, request: httpx.Request) -> httpx.Response:
        """The create rule's review of a draft, without creating anything."""
        self._organisation(request)
        draft = self._draft(request)
        return json_response(200, review_json(review_draft(draft.description)))

    @route("GET", TICKETS + "/{ticket_id}")
    def get_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        return json_response(200, ticket_json(self._ticket_from_path(request, ticket_id)))

    @route("POST", TICKETS + "/{ticket_id}/close")
    def close_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        """Status `closed`; closing a closed ticket changes nothing."""
        ticket = self._ticket_from_path(request, ticket_id)
        if ticket.status != "closed":
            ticket.status = "closed"
            ticket.updated_at = now()
        return json_response(200, ticket_json(ticket))

    # -- comments and attachments --------------------------------------------------------------------

    @route("POST", TICKETS + "/{ticket_id}/comments")
    def add_comment(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        """201 with the whole ticket, the new comment last (authored by the token's user)."""
        organisation = self._organisation(request)
        valid_id, body = self._validated(
            lambda: validation.ticket_id(ticket_id),
            lambda: validation.comment_body(validation.json_object(request)),
        )
        ticket = self._ticket(organisation, valid_id)
        moment = now()
        ticket.comments.append(
            Comment(id=new_id(), author_label=USER_LABEL, author_type="user", body=body, created_at=moment)
        )
        ticket.updated_at = moment
        return json_response(201, ticket_json(ticket))

    @route("POST", TICKETS + "/{ticket_id}/attachments")
    def upload_attachment(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        """201 with the whole ticket, the file (multipart part `file`) last among its attachments."""
        organisation = self._organisation(request)
        valid_id, upload = self._validated(lambda: validation.ticket_id(ticket_id), lambda: validation.upload(request))
        ticket = self._ticket(organisation, valid_id)
        moment = now()
        ticket.attachments.append(
            Attachment(
                id=new_id(),
                filename=upload.filename,
                content_type=upload.content_type,
                content=upload.content,
                created_at=moment,
            )
        )
        ticket.updated_at = moment
        return json_response(201, ticket_json(ticket))

    @route("GET", TICKETS + "/{ticket_id}/attachments/{attachment_id}")
    def download_attachment(self, request: httpx.Request, ticket_id: str, attachment_id: str) -> httpx.Response:
        """The file's bytes as `application/octet-stream`, the only type our spec declares for them."""
        ticket = self._ticket_from_path(request, ticket_id)
        attachment = next((a for a in ticket.attachments if a.id == attachment_id.lower()), None)
        if attachment is None:
            raise HTTPError(self.not_found("Attachment"))
        headers = {
            "content-type": "application/octet-stream",
            "content-disposition": content_disposition(attachment.filename),
        }
        return httpx.Response(200, content=attachment.content, headers=headers)
