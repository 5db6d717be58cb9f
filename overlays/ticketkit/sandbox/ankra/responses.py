"""The Ankra fake: `/api/v1/org/support/tickets` as specs/ankra.yaml and the vendor documents describe it.

FastAPI-style answers throughout: errors are `{"detail": "<text>"}`, validation failures 422 with a list of
pydantic issues, an unknown `x-ankra-organisation-id` 403 `{"detail": "permission_denied", "permission"}`.
Checks run in FastAPI's order: token (401), organisation (403), request validation (422), lookup (404).
Every operation behaves as Ankra's own CLI expects (shared/reference/clients/ankra-cli), which the contract
test `tests/contract/test_ankra_cli.py` runs against this fake.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx

from ticketkit.sandbox._app import App, HTTPError, json_response, route
from ticketkit.sandbox._app import iso as _iso
from ticketkit.sandbox._synthetic import CORRUPT_DATE, LazyTickets, Synthetic

from . import synthetic, validation
from .models import (
    PRIMARY_ORGANISATION_ID,
    USER_LABEL,
    Attachment,
    Comment,
    Organisation,
    Store,
    Ticket,
    add_account_organisations,
    new_id,
    seed_demo_tickets,
)
from .review import Draft, Review, review_draft
from .validation import Invalid, ListQuery, TicketCreate

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
        # `Sandbox(corrupt_tickets=...)`: a vendor bug, on purpose.
        "created_at": CORRUPT_DATE if getattr(ticket, "corrupt", False) else _iso(ticket.created_at),
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
    """The review as Ankra's CLI reads it [client: SupportTicketReview]."""
    return {
        "review_id": review.id,
        "enrichment": {"summary": review.summary, "severity": review.severity, "category": review.draft.category},
        "quality": review.quality,
        "quality_flags": review.quality_flags,
        "clarifying_questions": review.clarifying_questions,
        "duplicate_candidates": [
            {
                "candidate_id": d.candidate_id,
                "summary": d.summary,
                "status_label": d.status_label,
                "confidence": d.confidence,
                "already_resolved": d.already_resolved,
            }
            for d in review.duplicates
        ],
        "recommended_action": review.recommended_action,
        "expires_at": _iso(review.expires_at),
    }


def flagged_detail(review: Review) -> str:
    """The 409's `detail`: why the review needs acknowledging, and how (Ankra's CLI shows it after its own
    "retry with --force" [client: extractDetail])."""
    if review.quality == "flag":
        why = "; ".join(review.quality_flags)
    else:
        why = f"possible duplicate of {len(review.duplicates)} existing ticket(s): " + "; ".join(
            d.summary for d in review.duplicates
        )
    return f"Ticket flagged in review: {why} Resend with acknowledged=true to submit it anyway."


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the exact name in RFC 5987 form (headers are ASCII)."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


REVIEWED_AT_SCALE = 500  # with a synthetic data set, the newest tickets a review compares a draft with


def page_of(tickets: list[Ticket], query: ListQuery, shortfall: int = 0) -> dict[str, Any]:
    start = (query.page - 1) * query.page_size
    return page_json(tickets[start : start + query.page_size], len(tickets), query, shortfall)


def page_json(rows: list[Ticket], total: int, query: ListQuery, shortfall: int = 0) -> dict[str, Any]:
    """A list page; `total_count` is the true total less `shortfall` (a vendor that under-reports)."""
    return {
        "result": [summary_json(t) for t in rows],
        "pagination": {
            "page": query.page,
            "page_size": query.page_size,
            "total_pages": math.ceil(total / query.page_size),
            "total_count": max(0, total - shortfall),
        },
    }


def matches(ticket: Ticket, query: ListQuery) -> bool:
    """Any of the statuses asked for; `q` in the subject, any case [client: "Filter by subject text"]."""
    if query.statuses and ticket.status not in query.statuses:
        return False
    if query.cluster_id is not None and ticket.cluster_id != query.cluster_id:
        return False
    return not query.q or query.q.casefold() in ticket.subject.casefold()


# -- the app ------------------------------------------------------------------------------------------


class AnkraApp(App):
    vendor = "ankra"

    def __init__(self, token: str, base_url: str) -> None:
        super().__init__(token, base_url)
        self.store = Store()
        add_account_organisations(self.store)
        self.synthetic: synthetic.SyntheticTickets | None = None  # `Sandbox(tickets=N)`

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
        seed_demo_tickets(self.store, self.now())

    def use_synthetic(self, synthetic_set: Synthetic) -> None:
        self.synthetic = synthetic.install(self.store, synthetic_set)

    def synthetic_index(self, ticket_id: str) -> int | None:
        return None if self.synthetic is None else self.synthetic.index_of(ticket_id)

    def settle(self) -> None:
        if isinstance(self.store.tickets, LazyTickets):
            self.store.tickets.settle()

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

    def _review(self, organisation: Organisation, draft: Draft) -> Review:
        if self.synthetic is not None:  # duplicates are looked for among the newest tickets only
            listing = self.synthetic.listing(
                organisation.id, ListQuery(), lambda t: t.organisation_id == organisation.id
            )
            candidates = listing.page_from_end(0, REVIEWED_AT_SCALE)
        else:
            candidates = self.store.tickets_of(organisation.id)
        return review_draft(draft, organisation.id, candidates, self.now())

    def _stored_review(self, organisation: Organisation, review_id: str) -> Review:
        """A review of this organisation that can still open a ticket; otherwise 422 on `review_id`.

        What Ankra answers here is not known [inferred]: the CLI has no sentinel error for it. An unknown,
        expired or already used review is a validation problem of the field, in pydantic's shape.
        """
        review = self.store.review(organisation.id, review_id)
        if review is None:
            problem = "review not found"
        elif review.expired(self.now()):
            problem = f"review expired at {_iso(review.expires_at)}; review the draft again"
        elif review.ticket_id is not None:
            problem = f"review already used to open ticket {review.ticket_id}; review the draft again"
        else:
            return review
        issue = validation.issue("value_error", ["body", "review_id"], f"Value error, {problem}", review_id)
        raise HTTPError(json_response(422, {"detail": [issue]}))

    # -- tickets -------------------------------------------------------------------------------------

    @route("GET", TICKETS)
    def list_tickets(self, request: httpx.Request) -> httpx.Response:
        """Newest first, `page` from 1; `status`, `cluster_id` and `q` (subject or description) filter."""
        organisation = self._organisation(request)
        [query] = self._validated(lambda: validation.list_query(request.url.params))
        if self.synthetic is not None:
            listing = self.synthetic.listing(
                organisation.id, query, lambda t: t.organisation_id == organisation.id and matches(t, query)
            )
            rows = listing.page_from_end((query.page - 1) * query.page_size, query.page_size)
            return json_response(200, page_json(rows, len(listing), query, self.total_shortfall))
        found = [t for t in self.store.tickets_of(organisation.id) if matches(t, query)]
        return json_response(200, page_of(found, query, self.total_shortfall))

    @route("POST", TICKETS)
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        """201 with the ticket, from the draft's fields (reviewed inline) or from a stored review [client].

        With `review_id` the subject, description, category, cluster and source are the reviewed draft's;
        only `severity` and `acknowledged` are taken from the body [client]. A review that flagged the draft
        or found a duplicate needs `acknowledged: true`: otherwise 409 `{"detail": <why, how to resend>}` and
        nothing is created (a stored review stays usable). Without a `severity` the review's suggestion is
        used [inferred].
        """
        organisation = self._organisation(request)
        [create] = self._validated(lambda: validation.ticket_create(validation.json_object(request)))
        assert isinstance(create, TicketCreate)
        if create.review_id is not None:
            review = self._stored_review(organisation, create.review_id)
        else:
            assert create.draft is not None
            review = self._review(organisation, create.draft)
        if review.needs_acknowledgement and not create.acknowledged:
            return json_response(409, {"detail": flagged_detail(review)})
        ticket = self.store.add_ticket(self._new_ticket(organisation, create, review))
        if create.review_id is not None:
            review.ticket_id = ticket.id
        return json_response(201, ticket_json(ticket))

    def _new_ticket(self, organisation: Organisation, create: TicketCreate, review: Review) -> Ticket:
        moment = self.now()
        draft = review.draft
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
            ai_review_status="flagged" if review.needs_acknowledgement else "passed",
            severity=create.severity or review.severity,
            cluster_id=draft.cluster_id,
            # An id that is not one of the organisation's clusters is kept, without a name.
            cluster_name=organisation.clusters.get(draft.cluster_id) if draft.cluster_id else None,
            ai_summary=review.summary,
            review_id=create.review_id,
            environment=create.environment,
        )

    @route("POST", TICKETS + "/review")
    def review_ticket(self, request: httpx.Request) -> httpx.Response:
        """The review of a draft, stored until its `expires_at` for one create to name; nothing is created."""
        organisation = self._organisation(request)
        [draft] = self._validated(lambda: validation.review_request(validation.json_object(request)))
        assert isinstance(draft, Draft)
        review = self.store.add_review(self._review(organisation, draft))
        return json_response(200, review_json(review))

    @route("GET", TICKETS + "/{ticket_id}")
    def get_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        return json_response(200, ticket_json(self._ticket_from_path(request, ticket_id)))

    @route("POST", TICKETS + "/{ticket_id}/close")
    def close_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        """Status `closed`; closing a closed ticket changes nothing."""
        ticket = self._ticket_from_path(request, ticket_id)
        if ticket.status != "closed":
            ticket.status = "closed"
            ticket.updated_at = self.now()
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
        moment = self.now()
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
        moment = self.now()
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
