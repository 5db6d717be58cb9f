"""Tickiti's HTTP layer: every route of specs/tickiti.yaml, all `POST` with a JSON body.

Success is `{"ok": true, "data": ...}` with HTTP 200 (201 for a new ticket); a failure is an error status with
the `message` Tickiti's own client reads, Laravel's `errors: {field: [messages]}` on 422, and the documented
code (see render.failure). Writes need an `Idempotency-Key`: the same key and body replay the stored answer,
a different body is 409.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from ticketkit.sandbox._app import App, HTTPError, json_response, route
from ticketkit.sandbox._synthetic import LazyTickets, Synthetic

from . import install, models, synthetic
from ._validation import Rules, json_body
from .queries import ResponseQuery, TicketQuery
from .render import (
    attachment_content,
    cursor_of,
    failure,
    named_items,
    ok,
    response_json,
    ticket_json,
)
from .seed import seed_demo
from .writes import add_response, open_ticket, read_new_response, read_new_ticket

READ, WRITE = "tickets:read", "tickets:write"
SETTINGS_READ, WORKFLOW_READ = "settings:read", "workflow:read"
# The sandbox's token can do everything the client's ticket and discovery tools need; its read-only twin
# only reads tickets.
FULL = frozenset({READ, WRITE, SETTINGS_READ, WORKFLOW_READ})
READ_ONLY = frozenset({READ})


class TickitiApp(App):
    vendor = "tickiti"

    def __init__(self, token: str, base_url: str) -> None:
        super().__init__(token, base_url)
        self.store = models.Store()
        self.synthetic: synthetic.SyntheticTickets | None = None  # `Sandbox(tickets=N)`
        # Sanctum tokens are `<id>|<secret>`; a second, read-only token lets users see the 403.
        token_id, _, secret = token.partition("|")
        read_only_id = int(token_id) + 1 if token_id.isdigit() else 2
        self.read_only_token = f"{read_only_id}|{secret}-read-only"
        # Sanctum also finds a token by its secret alone (no `<id>|`), so both forms authenticate.
        self.abilities = {token: FULL, secret: FULL, self.read_only_token: READ_ONLY, f"{secret}-read-only": READ_ONLY}

    # -- framework hooks -----------------------------------------------------------------------------

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        return json_response(status, failure(code, message))

    def unauthorized(self) -> httpx.Response:
        return self.error(401, "unauthenticated", "Unauthenticated.")

    def too_many_requests(self, retry_after: int) -> httpx.Response:
        # Laravel's throttle middleware: "Too Many Attempts." with Retry-After [inferred: no limit is documented].
        response = self.error(429, "too_many_requests", "Too Many Attempts.")
        response.headers["Retry-After"] = str(retry_after)
        return response

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
        seed_demo(self.store)

    def use_synthetic(self, synthetic_set: Synthetic) -> None:
        self.synthetic = synthetic.install(self.store, synthetic_set)

    def synthetic_index(self, ticket_id: str) -> int | None:
        """A synthetic ticket's index from its number (what Tickiti's requests name a ticket by)."""
        return None if self.synthetic is None else self.synthetic.index_of_number(ticket_id)

    def settle(self) -> None:
        if isinstance(self.store.tickets, LazyTickets):
            self.store.tickets.settle()

    def connect_options(self) -> dict[str, Any]:
        return {"token": self.token, "agent_email": install.AGENT_EMAIL}

    # -- helpers -------------------------------------------------------------------------------------

    def invalid(self, errors: dict[str, list[str]]) -> httpx.Response:
        """422 with the first message as `message` and every field's messages in `errors`, as Laravel does."""
        first = next(iter(errors.values()))[0]
        others = sum(len(messages) for messages in errors.values()) - 1
        message = first if not others else f"{first} (and {others} more error{'s' if others > 1 else ''})"
        return json_response(422, failure("validation_failed", message, errors))

    def _token(self, request: httpx.Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        return token if scheme.lower() == "bearer" else ""

    def _require(self, request: httpx.Request, *abilities: str) -> None:
        """403 unless the token holds one of `abilities` (write implies read)."""
        if not self.abilities[self._token(request)] & set(abilities):
            raise HTTPError(self.error(403, "forbidden", "This action is unauthorized."))

    def _rules(self, request: httpx.Request) -> Rules:
        return Rules(json_body(request, self.invalid), self.invalid)

    def _ticket(self, number: str) -> models.Ticket:
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

    # -- ticket reads ----------------------------------------------------------------------------------

    @route("POST", "/api/v1/tickets/show")
    def show_ticket(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        number = rules.string("ticket_number", required=True)
        rules.done()
        ticket = self._ticket(str(number))
        thread = [response_json(r) for r in ticket.thread()]
        return json_response(200, ok({"ticket": ticket_json(ticket), "responses": thread}))

    @route("POST", "/api/v1/tickets/responses")
    def list_responses(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        number = rules.string("ticket_number", required=True)
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
        page, more = query.page(self.store)
        data = {
            "responses": [query.row(response_json(r), self.store.ticket_of(r)) for r in page],
            "next_cursor": cursor_of(page[-1]) if more else None,
        }
        return json_response(200, ok(data))

    @route("POST", "/api/v1/tickets/query")
    def query_tickets(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        query = TicketQuery.read(rules)
        rules.done()
        if query.unknown_perspective:
            raise HTTPError(self.not_found("Perspective"))
        if self.synthetic is not None:
            return json_response(200, ok([ticket_json(t) for t in self.synthetic.newest_first(query)]))
        tickets = sorted(self.store.tickets.values(), key=lambda t: (t.updated_at, t.id), reverse=True)
        return json_response(200, ok([ticket_json(t) for t in tickets if query.matches(t)]))

    @route("POST", "/api/v1/tickets/attachment")
    def download_attachment(self, request: httpx.Request) -> httpx.Response:
        self._require(request, READ, WRITE)
        rules = self._rules(request)
        number = rules.string("ticket_number", required=True)
        attachment_id = rules.identifier("response_attachment_id")
        intent = rules.choice("intent", ("review_ok",))
        rules.done()
        ticket = self._ticket(str(number))
        found = next((a for r in ticket.responses for a in r.attachments if str(a.id) == attachment_id), None)
        if found is None:
            raise HTTPError(self.not_found("Attachment"))
        if found.extension_rule == "blocked":
            raise HTTPError(self.error(403, "forbidden", f"Downloading {found.name} is blocked for its file type."))
        if found.extension_rule == "review" and intent is None:
            message = f"{found.name} has a file type that needs review: send intent review_ok to download it."
            raise HTTPError(self.invalid({"intent": [message]}))
        return json_response(200, ok(attachment_content(found)))

    # -- ticket writes ---------------------------------------------------------------------------------

    @route("POST", "/api/v1/tickets")
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        self._require(request, WRITE)
        return self._idempotent(request, "create_ticket", lambda: self._create(request))

    def _create(self, request: httpx.Request) -> httpx.Response:
        rules = self._rules(request)
        new = read_new_ticket(rules)
        if new is None:
            rules.refuse()
        ticket = open_ticket(self.store, new, self.now())
        return json_response(201, ok({"ticket_id": str(ticket.id), "number": ticket.number}))

    @route("POST", "/api/v1/tickets/respond")
    def respond_ticket(self, request: httpx.Request) -> httpx.Response:
        self._require(request, WRITE)
        return self._idempotent(request, "respond_ticket", lambda: self._respond(request))

    def _respond(self, request: httpx.Request) -> httpx.Response:
        rules = self._rules(request)
        new = read_new_response(rules)
        if new is None:
            rules.refuse()
        ticket = self._ticket(new.ticket_number)
        response, reopened = add_response(self.store, ticket, new, self.now())
        data = {"ticket_id": str(ticket.id), "response_id": str(response.id), "reopened": reopened}
        return json_response(200, ok(data))

    # -- the rest ---------------------------------------------------------------------------------------

    @route("POST", "/api/v1/idempotency_key")
    def create_idempotency_key(self, request: httpx.Request) -> httpx.Response:
        # Needs no ability: any valid token may mint a key.
        rules = self._rules(request)
        rules.only(())
        rules.done()
        return json_response(200, ok({"idempotency_key": str(uuid.uuid4())}))

    @route("POST", "/api/v1/settings/perspectives")
    def list_perspectives(self, request: httpx.Request) -> httpx.Response:
        self._require(request, SETTINGS_READ)
        self._rules(request).done()  # any filter object; none is documented, so none narrows the list
        return json_response(200, ok(named_items(install.PERSPECTIVES)))

    @route("POST", "/api/v1/workflow/queues")
    def list_queues(self, request: httpx.Request) -> httpx.Response:
        self._require(request, WORKFLOW_READ)
        self._rules(request).done()
        return json_response(200, ok(named_items(install.QUEUES)))


def _fingerprint(operation: str, request: httpx.Request) -> str:
    """The operation and the body's meaning: the same JSON, keys in any order, is the same body."""
    try:
        canonical = json.dumps(json.loads(request.content or b"{}"), sort_keys=True, separators=(",", ":"))
    except ValueError:
        canonical = request.content.decode("latin-1")
    return hashlib.sha256(f"{operation}\n{canonical}".encode()).hexdigest()
