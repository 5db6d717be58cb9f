"""Tickiti's HTTP layer: every v1 ticket route of specs/tickiti.yaml, all `POST` with a JSON body.

Success is `{"ok": true, "data": ...}`; failures are `{"ok": false, "error": {"code", "message"}}` (one of the
shapes our spec accepts), with Laravel's `errors: {field: [messages]}` added on 422. Writes need an
`Idempotency-Key`: the same key and body replay the stored answer, a different body is 409.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from ticketkit.sandbox._app import App, HTTPError, json_response, now, route

from . import models
from ._validation import DATE, NUMERIC_ID, Body, Rules, json_body, parse_moment
from .models import Attachment, Response, Store, Ticket, stamp

READ, WRITE = "tickets:read", "tickets:write"
RESPONSE_FIELDS = (
    "id",
    "is_internal",
    "is_pinned",
    "staff_response",
    "created_by_email",
    "created_at",
    "updated_at",
    "is_email_sourced",
    "html",
    "plain_text",
    "attachments",
    "ticket_number",
)
CRITERIA_MODES = ("status", "subject", "queue", "updated_from", "ticket_number")
DEFAULT_LIMIT, MAX_LIMIT = 200, 1000


# -- JSON bodies, shaped as the spec's schemas -----------------------------------------------------------


def ok(data: Any) -> Body:
    return {"ok": True, "data": data}


def ticket_json(ticket: Ticket) -> Body:
    return {
        "id": str(ticket.id),
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": str(ticket.priority),
        "queue_id": str(ticket.queue_id),
        "originator_email": ticket.originator_email,
        "assigned_to_email": ticket.assigned_to_email,
        "resolved": stamp(ticket.resolved) if ticket.resolved else None,
        "on_hold_until": ticket.on_hold_until.isoformat() if ticket.on_hold_until else None,
        "created_at": stamp(ticket.created_at),
        "updated_at": stamp(ticket.updated_at),
    }


def attachment_meta(attachment: Attachment) -> Body:
    return {
        "id": str(attachment.id),
        "response_id": str(attachment.response_id),
        "name": attachment.name,
        "is_inline": attachment.is_inline,
        "sha256": attachment.sha256,
        "file_size": attachment.size,
        "file_size_formatted": models.formatted_size(attachment.size),
        "extension_rule": "allowed",
    }


def response_json(response: Response) -> Body:
    return {
        "id": str(response.id),
        "is_internal": response.is_internal,
        "is_pinned": response.is_pinned,
        "staff_response": response.staff_response,
        "created_by_email": response.created_by_email,
        "created_at": stamp(response.created_at),
        "updated_at": stamp(response.created_at),
        "is_email_sourced": response.is_email_sourced,
        "html": response.html,
        "plain_text": response.plain_text,
        "attachments": [attachment_meta(a) for a in response.attachments],
    }


def attachment_content(attachment: Attachment) -> Body:
    return {
        "id": str(attachment.id),
        "response_id": str(attachment.response_id),
        "name": attachment.name,
        "mime_type": attachment.mime_type,
        "sha256": attachment.sha256,
        "file_size": attachment.size,
        "is_inline": attachment.is_inline,
        "content_base64": attachment.content_base64,
    }


def cursor_of(response: Response) -> Body:
    return {"created_at": stamp(response.created_at), "id": str(response.id)}


# -- the app -------------------------------------------------------------------------------------------


class TickitiApp(App):
    vendor = "tickiti"

    def __init__(self, token: str, base_url: str) -> None:
        super().__init__(token, base_url)
        self.store = Store()
        # Sanctum tokens are `<id>|<secret>`; a second, read-only token lets users see the 403.
        token_id, _, secret = token.partition("|")
        read_only_id = int(token_id) + 1 if token_id.isdigit() else 2
        self.read_only_token = f"{read_only_id}|{secret}-read-only"
        full, read_only = frozenset({READ, WRITE}), frozenset({READ})
        # Sanctum also finds a token by its secret alone (no `<id>|`), so both forms authenticate.
        self.abilities = {token: full, secret: full, self.read_only_token: read_only, f"{secret}-read-only": read_only}

    # -- framework hooks -----------------------------------------------------------------------------

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        return json_response(status, {"ok": False, "error": {"code": code, "message": message}})

    def unauthorized(self) -> httpx.Response:
        return self.error(401, "unauthenticated", "Unauthenticated.")

    def not_found(self, what: str) -> httpx.Response:
        return self.error(404, "not_found", f"{what} not found.")

    def no_route(self, request: httpx.Request, allowed: list[str]) -> httpx.Response:
        # Laravel answers a known route with another method 405, with the methods it allows.
        if allowed:
            message = f"The {request.method} method is not supported for this route. Supported methods: POST."
            response = self.error(405, "method_not_allowed", message)
            response.headers["Allow"] = "POST"
            return response
        return self.error(404, "not_found", f"The route {request.url.path} could not be found.")

    def authorized(self, request: httpx.Request, handler_name: str) -> bool:
        return self._token(request) in self.abilities

    def seed(self) -> None:
        models.seed(self.store)

    def connect_options(self) -> dict[str, Any]:
        return {"token": self.token, "agent_email": models.AGENT_EMAIL}

    # -- helpers -------------------------------------------------------------------------------------

    def invalid(self, errors: dict[str, list[str]]) -> httpx.Response:
        """422 in the Tickiti envelope, with Laravel's per-field messages beside it."""
        first = next(iter(errors.values()))[0]
        body = {"ok": False, "error": {"code": "validation_failed", "message": first}, "errors": errors}
        return json_response(422, body)

    def _token(self, request: httpx.Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        return token if scheme.lower() == "bearer" else ""

    def _require(self, request: httpx.Request, *abilities: str) -> None:
        """403 unless the token holds one of `abilities` (write implies read)."""
        if not self.abilities[self._token(request)] & set(abilities):
            raise HTTPError(self.error(403, "forbidden", "This action is unauthorized."))

    def _rules(self, request: httpx.Request) -> Rules:
        return Rules(json_body(request, self.invalid), self.invalid)

    def _ticket(self, number: str) -> Ticket:
        ticket = self.store.by_number(number)
        if ticket is None:
            raise HTTPError(self.not_found("Ticket"))
        return ticket

    def _idempotent(self, request: httpx.Request, operation: str, act: Callable[[], httpx.Response]) -> httpx.Response:
        """Run a write once per Idempotency-Key: replay its answer for the same body, 409 for another."""
        key = request.headers.get("idempotency-key", "")
        if not key.strip():
            raise HTTPError(self.invalid({"Idempotency-Key": ["The Idempotency-Key header is required."]}))
        if len(key) > 255:
            message = "The Idempotency-Key header must not be greater than 255 characters."
            raise HTTPError(self.invalid({"Idempotency-Key": [message]}))
        fingerprint = _fingerprint(operation, request)
        stored = self.store.idempotency.get(key)
        if stored is not None:
            if stored.fingerprint != fingerprint:
                message = "This Idempotency-Key was already used with a different request body."
                raise HTTPError(self.error(409, "idempotency_key_conflict", message))
            return httpx.Response(stored.status, content=stored.content, headers={"content-type": "application/json"})
        answer = act()
        # Only successes are kept: a refused request may be corrected and sent again with its key.
        if answer.is_success:
            self.store.idempotency[key] = models.StoredAnswer(fingerprint, answer.status_code, answer.content)
        return answer

    # -- routes --------------------------------------------------------------------------------------

    @route("POST", "/api/v1/tickets/show")
    def show_ticket(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        number = rules.ticket_number()
        rules.done()
        ticket = self._ticket(str(number))
        thread = [response_json(r) for r in ticket.thread()]
        return json_response(200, ok({"ticket": ticket_json(ticket), "responses": thread}))

    @route("POST", "/api/v1/tickets/responses")
    def list_responses(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        number = rules.ticket_number()
        rules.done()
        ticket = self._ticket(str(number))
        thread = [response_json(r) for r in ticket.thread()]
        return json_response(200, ok({"ticket_number": str(ticket.number), "responses": thread}))

    @route("POST", "/api/v1/tickets/responses/query")
    def query_responses(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        query = ResponseQuery.read(rules)
        rules.done()
        rows = [r for r in sorted(self.store.responses(), key=_keyset) if query.matches(r, self.store)]
        page, more = rows[: query.limit], len(rows) > query.limit
        data = {
            "responses": [query.row(r, self.store.ticket_of(r)) for r in page],
            "next_cursor": cursor_of(page[-1]) if more else None,
        }
        return json_response(200, ok(data))

    @route("POST", "/api/v1/tickets/query")
    def query_tickets(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        query = TicketQuery.read(rules)
        rules.done()
        if query.unknown_perspective():
            raise HTTPError(self.not_found("Perspective"))
        tickets = sorted(self.store.tickets.values(), key=lambda t: (t.updated_at, t.id), reverse=True)
        return json_response(200, ok([ticket_json(t) for t in tickets if query.matches(t)]))

    @route("POST", "/api/v1/tickets")
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        self._require(request, WRITE)
        return self._idempotent(request, "create_ticket", lambda: self._create(request))

    def _create(self, request: httpx.Request) -> httpx.Response:
        rules = self._rules(request)
        originator = rules.email("originator_email_address", required=True)
        rules.object("data")
        subject = rules.string("data.subject")
        content = rules.string("data.content")
        queue_name = rules.choice("queue_name", models.QUEUES.values())
        is_public = rules.boolean("is_public")
        rules.done()
        queue_id = next((i for i, name in models.QUEUES.items() if name == queue_name), models.DEFAULT_QUEUE)
        at = now()
        ticket = self.store.open_ticket(
            subject=subject or "(no subject)", originator_email=str(originator), queue_id=queue_id, at=at
        )
        ticket.is_public = True if is_public is None else is_public
        if content:
            self.store.add_response(ticket, author=ticket.originator_email, html=content, at=at)
        return json_response(201, ok({"ticket_id": str(ticket.id), "number": ticket.number}))

    @route("POST", "/api/v1/tickets/respond")
    def respond_ticket(self, request: httpx.Request) -> httpx.Response:
        self._require(request, WRITE)
        return self._idempotent(request, "respond_ticket", lambda: self._respond(request))

    def _respond(self, request: httpx.Request) -> httpx.Response:
        rules = self._rules(request)
        number = rules.ticket_number()
        author = rules.email("from_email", required=True)
        content = rules.string("content")
        internal = rules.boolean("is_internal") or False
        status = rules.choice("status", ("open", "on-hold"))
        until = rules.date("on_hold_until")
        if until is not None and status != "on-hold":
            rules.fail("on_hold_until", "The on hold until field is prohibited unless status is on-hold.")
        rules.done()
        ticket = self._ticket(str(number))
        self._check_author(rules, ticket, str(author), internal)
        at = now()
        response = self.store.add_response(ticket, author=str(author), html=content or "", at=at, is_internal=internal)
        reopened = _apply_status(ticket, response, status, until)
        data = {"ticket_id": str(ticket.id), "response_id": str(response.id), "reopened": reopened}
        return json_response(200, ok(data))

    def _check_author(self, rules: Rules, ticket: Ticket, author: str, internal: bool) -> None:
        """Staff may answer any ticket; the customer only their own, and never with an internal note."""
        if author not in models.STAFF and author != ticket.originator_email:
            rules.fail("from_email", "The selected from email is invalid.")
        elif internal and author not in models.STAFF:
            rules.fail("is_internal", "Only staff can add internal notes.")
        rules.done()

    @route("POST", "/api/v1/tickets/attachment")
    def download_attachment(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        number = rules.ticket_number()
        attachment_id = rules.string("response_attachment_id", required=True)
        rules.done()
        ticket = self._ticket(str(number))
        found = next(
            (a for r in ticket.responses for a in r.attachments if str(a.id) == attachment_id),
            None,
        )
        if found is None:
            raise HTTPError(self.not_found("Attachment"))
        return json_response(200, ok(attachment_content(found)))

    @route("POST", "/api/v1/idempotency_key")
    def create_idempotency_key(self, request: httpx.Request) -> httpx.Response:
        # Needs no ability: any valid token may mint a key.
        rules = self._rules(request)
        rules.only(())
        rules.done()
        return json_response(200, ok({"idempotency_key": str(uuid.uuid4())}))


# -- queries ---------------------------------------------------------------------------------------------


def _keyset(response: Response) -> tuple[dt.datetime, int]:
    """query_responses order, and its cursor: oldest first, ids breaking ties."""
    return response.created_at, response.id


def _fingerprint(operation: str, request: httpx.Request) -> str:
    """The operation and the body's meaning: the same JSON, keys in any order, is the same body."""
    try:
        canonical = json.dumps(json.loads(request.content or b"{}"), sort_keys=True, separators=(",", ":"))
    except ValueError:
        canonical = request.content.decode("latin-1")
    return hashlib.sha256(f"{operation}\n{canonical}".encode()).hexdigest()


def _apply_status(ticket: Ticket, response: Response, status: str | None, until: dt.date | None) -> bool:
    """Change the ticket's status after a response; whether it was reopened.

    An explicit `status` wins; without one, a customer's public reply brings a resolved or on-hold ticket
    back to open (the customer is waiting again), and a staff response leaves the status alone.
    """
    if status == "on-hold":
        ticket.hold(until)
        return False
    customer_reply = not response.staff_response and not response.is_internal
    if status == "open" or customer_reply:
        return ticket.reopen()
    return False


class ResponseQuery:
    """The filters, page size and cursor of one query_responses request."""

    def __init__(self) -> None:
        self.created_from: dt.datetime | None = None
        self.created_to: dt.datetime | None = None
        self.created_to_is_date = False
        self.is_internal: bool | None = None
        self.staff_response: bool | None = None
        self.queue: str | None = None
        self.queue_id: str | None = None
        self.ticket_numbers: list[str] | None = None
        self.fields: list[str] | None = None
        self.limit = DEFAULT_LIMIT
        self.after: tuple[dt.datetime, int] | None = None

    @classmethod
    def read(cls, rules: Rules) -> ResponseQuery:
        query = cls()
        query.created_from = rules.moment("created_from")
        query.created_to = rules.moment("created_to")
        query.created_to_is_date = bool(DATE.match(str(rules.body.get("created_to", ""))))
        query.is_internal = rules.boolean("is_internal")
        query.staff_response = rules.boolean("staff_response")
        rules.boolean("include_deleted")  # nothing is ever deleted in the sandbox
        query.queue = rules.string("queue")
        query.queue_id = rules.string("queue_id")
        query.ticket_numbers = rules.strings("ticket_number")
        query.fields = rules.strings("fields", choices=RESPONSE_FIELDS) or None
        query.limit = rules.integer("limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
        query.after = _cursor(rules)
        return query

    def matches(self, response: Response, store: Store) -> bool:
        ticket = store.ticket_of(response)
        checks = (
            self.created_from is None or response.created_at >= self.created_from,
            self._before_end(response.created_at),
            self.is_internal is None or response.is_internal == self.is_internal,
            self.staff_response is None or response.staff_response == self.staff_response,
            self.queue is None or models.QUEUES.get(ticket.queue_id, "").casefold() == self.queue.casefold(),
            self.queue_id is None or str(ticket.queue_id) == self.queue_id,
            self.ticket_numbers is None or str(ticket.number) in self.ticket_numbers,
            self.after is None or _keyset(response) > self.after,
        )
        return all(checks)

    def _before_end(self, moment: dt.datetime) -> bool:
        if self.created_to is None:
            return True
        # A bare date means the whole of that day.
        end = self.created_to + dt.timedelta(days=1) if self.created_to_is_date else self.created_to
        return moment < end if self.created_to_is_date else moment <= end

    def row(self, response: Response, ticket: Ticket) -> Body:
        row = {**response_json(response), "ticket_number": str(ticket.number)}
        return {k: row[k] for k in self.fields} if self.fields else row


def _cursor(rules: Rules) -> tuple[dt.datetime, int] | None:
    """The keyset position a `cursor: {created_at, id}` names."""
    if rules.object("cursor") is None:
        return None
    created_at = rules.moment("cursor.created_at", required=True)
    response_id = rules.string("cursor.id", required=True, pattern=NUMERIC_ID)
    if created_at is None or response_id is None:
        return None
    return created_at, int(response_id)


class TicketQuery:
    """A query_tickets request: saved perspectives and criteria; every one of them must match."""

    def __init__(self) -> None:
        # Perspectives as asked for, by id or by name; an unknown one is a 404 (a missing saved search).
        self.perspective_id: str | None = None
        self.perspective_name: str | None = None
        self.criteria: list[tuple[str, list[str]]] = []
        self.updated_from: list[dt.datetime] = []

    @classmethod
    def read(cls, rules: Rules) -> TicketQuery:
        query = cls()
        query.perspective_id = rules.string("perspective_id")
        if rules.object("search_object") is not None:
            query.perspective_name = rules.string("search_object.search_perspective")
            for index in range(len(rules.objects("search_object.criteria") or [])):
                query._criterion(rules, f"search_object.criteria.{index}")
        return query

    def unknown_perspective(self) -> bool:
        known_name = self.perspective_name is None or self.perspective_name in models.PERSPECTIVES.values()
        return not known_name or self.perspective_id not in (None, *models.PERSPECTIVES)

    @property
    def perspectives(self) -> list[str]:
        named = [models.PERSPECTIVES.get(self.perspective_id or ""), self.perspective_name]
        return [name for name in named if name]

    def _criterion(self, rules: Rules, field: str) -> None:
        # Modes are a list that grows with Tickiti versions: one this install does not know filters nothing.
        mode = rules.string(f"{field}.mode")
        tokens = rules.strings(f"{field}.tokens") or []
        if mode == "updated_from":
            for index, token in enumerate(tokens):
                moment = parse_moment(token)
                if moment is None:
                    rules.fail(f"{field}.tokens.{index}", f"The {field}.tokens.{index} field must be a valid date.")
                else:
                    self.updated_from.append(moment)
        elif mode in CRITERIA_MODES and tokens:
            self.criteria.append((mode, [t.casefold() for t in tokens]))

    def matches(self, ticket: Ticket) -> bool:
        return (
            all(_in_perspective(ticket, p) for p in self.perspectives)
            and all(_meets(ticket, mode, tokens) for mode, tokens in self.criteria)
            and all(ticket.updated_at >= moment for moment in self.updated_from)
        )


def _in_perspective(ticket: Ticket, perspective: str) -> bool:
    if perspective == "mine":
        return ticket.assigned_to_email == models.AGENT_EMAIL
    if perspective == "unassigned":
        return ticket.assigned_to_email is None
    return True


def _meets(ticket: Ticket, mode: str, tokens: list[str]) -> bool:
    """Whether the ticket matches any of a criterion's tokens (already casefolded)."""
    if mode == "status":
        return ticket.status in tokens
    if mode == "subject":
        return any(token in ticket.subject.casefold() for token in tokens)
    if mode == "queue":
        return models.QUEUES[ticket.queue_id].casefold() in tokens or str(ticket.queue_id) in tokens
    return str(ticket.number) in tokens  # ticket_number
