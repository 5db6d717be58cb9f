"""The Routera sandbox's HTTP layer: OAuth client credentials, and tickets as flat CRM objects.

Every body is shaped as `specs/routera.yaml` declares it; errors are Routera's `{"message", "error": true}`,
token errors OAuth's `{"error", "error_description"}`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

import httpx

from .._app import App, HTTPError, json_response, now, route
from .._synthetic import LazyTickets, Synthetic
from . import synthetic
from .models import (
    CLIENT_ID,
    CLIENT_SECRET,
    KNOWN_PROPERTIES,
    STATIC_TOKEN_ACTOR,
    TOKEN_LIFETIME,
    ConflictError,
    TicketStore,
    TokenIssuer,
    ValidationError,
    seed,
)

UNAUTHORIZED_MESSAGE = "Unauthorized: missing account context"  # [doc], word for word
NOT_FOUND_MESSAGE = "Object not found"
DEFAULT_LIMIT, MIN_LIMIT, MAX_LIMIT = 10, 10, 100
FORM_TYPE = "application/x-www-form-urlencoded"


def bad_request(message: str) -> HTTPError:
    return HTTPError(json_response(400, {"message": message, "error": True}))


def oauth_error(status: int, code: str, description: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return json_response(status, {"error": code, "error_description": description}, headers)


class RouteraApp(App):
    vendor = "routera"

    def __init__(self, token: str, base_url: str) -> None:
        super().__init__(token, base_url)
        self.clock = now  # tests may move it to expire tokens
        self.store = TicketStore(self._now)
        self.tokens = TokenIssuer(self.base_url, self._now)
        self.synthetic: synthetic.SyntheticTickets | None = None  # `Sandbox(tickets=N)`

    def _now(self) -> dt.datetime:
        return self.clock() + dt.timedelta(seconds=self.clock_skew)

    def now(self) -> dt.datetime:
        return self._now()

    # -- the framework's hooks ------------------------------------------------------------------------

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        # Routera's bodies carry no code: the message and `error: true` are all there is [doc].
        return json_response(status, {"message": message, "error": True})

    def unauthorized(self) -> httpx.Response:
        return self.error(401, "unauthorized", UNAUTHORIZED_MESSAGE)

    def no_route(self, request: httpx.Request, allowed: list[str]) -> httpx.Response:
        # Routera documents no 405: a wrong method is answered like an unknown route.
        return self.error(404, "not_found", f"No route for {request.method} {request.url.path}")

    def seed(self) -> None:
        with self.lock:
            seed(self.store)

    def use_synthetic(self, synthetic_set: Synthetic) -> None:
        self.synthetic = synthetic.install(self.store, synthetic_set)

    def synthetic_index(self, ticket_id: str) -> int | None:
        return None if self.synthetic is None else self.synthetic.index_of(ticket_id)

    def settle(self) -> None:
        if isinstance(self.store.tickets, LazyTickets):
            self.store.tickets.settle()

    def connect_options(self) -> dict[str, Any]:
        # The OAuth path, as a real Routera integration uses it; the static token also works on raw calls.
        return {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "token": None}

    def authorized(self, request: httpx.Request, handler_name: str) -> bool:
        if handler_name == "create_token":  # the token endpoint authenticates the client itself
            return True
        return self._actor(request) is not None

    def _actor(self, request: httpx.Request) -> str | None:
        """Who the bearer token speaks for: its client id, "api" for the static token, None if invalid."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        if token == self.token:
            return STATIC_TOKEN_ACTOR
        with self.lock:
            return self.tokens.client_of(token)

    # -- OAuth ----------------------------------------------------------------------------------------

    @route("POST", "/oauth2/token")
    def create_token(self, request: httpx.Request) -> httpx.Response:
        form = _form(request)
        if form is None:
            return oauth_error(400, "invalid_request", f"The body must be {FORM_TYPE}, each parameter once.")
        refused = _grant_problem(form.get("grant_type"))
        if refused is not None:
            return refused
        basic = request.headers.get("authorization", "").lower().startswith("basic ")
        client_id, client_secret = _client_credentials(request, form)
        if not self.tokens.client_is_valid(client_id, client_secret):
            challenge = {"www-authenticate": 'Basic realm="routera"'} if basic else None
            return oauth_error(401, "invalid_client", "Client authentication failed.", challenge)
        token = self.tokens.issue(client_id)
        body = {"access_token": token, "expires_in": int(TOKEN_LIFETIME.total_seconds()), "token_type": "Bearer"}
        return json_response(200, body, {"cache-control": "no-store", "pragma": "no-cache"})

    # -- tickets --------------------------------------------------------------------------------------

    @route("GET", "/tickets")
    def list_tickets(self, request: httpx.Request) -> httpx.Response:
        properties = _properties(request)
        archived = _boolean_param(request, "archived", default=False)
        limit = _integer_param(request, "limit", default=DEFAULT_LIMIT, low=MIN_LIMIT, high=MAX_LIMIT)
        offset = _integer_param(request, "offset", default=0, low=0)
        if self.synthetic is not None:
            listing = self.synthetic.listing(archived=archived)
            page, total = listing.page(offset, limit), len(listing)
        else:
            matching = self.store.listing(archived=archived)
            page, total = matching[offset : offset + limit], len(matching)
        # `count` is the number of tickets matching the filter, not the rows of this page: a client can
        # stop paging once `offset + limit >= count`.
        pagination = {"limit": limit, "offset": offset, "count": self.reported_total(total)}
        return json_response(200, {"data": [t.to_json(properties) for t in page], "pagination": pagination})

    @route("POST", "/tickets")
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        fields = _write_fields(request)
        try:
            ticket = self.store.create(fields)
        except ValidationError as refused:
            raise bad_request(str(refused)) from refused
        except ConflictError as duplicate:
            return self.error(409, "conflict", str(duplicate))
        return json_response(201, ticket.to_json())

    @route("GET", "/tickets/")
    def missing_ticket_id(self, request: httpx.Request) -> httpx.Response:
        return self.error(400, "bad_request", "Missing ticketId in path")  # [doc] 400

    @route("GET", "/tickets/{ticket_id}")
    def get_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        properties = _properties(request)
        ticket = self.store.get(ticket_id)  # archived tickets stay readable, with `archived` set
        if ticket is None:
            return self.not_found_error()
        return json_response(200, ticket.to_json(properties))

    @route("PATCH", "/tickets/{ticket_id}")
    def update_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        # An archived ticket is gone for writes, as for a second DELETE [doc]: 404, not a silent change.
        ticket = self.store.active(ticket_id)
        if ticket is None:
            return self.not_found_error()
        fields = _write_fields(request)
        try:
            self.store.update(ticket, fields)
        except ValidationError as refused:
            raise bad_request(str(refused)) from refused
        except ConflictError as duplicate:
            return self.error(409, "conflict", str(duplicate))
        return json_response(200, ticket.to_json())

    @route("DELETE", "/tickets/{ticket_id}")
    def archive_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        ticket = self.store.active(ticket_id)  # a second DELETE is 404 [doc]
        if ticket is None:
            return self.not_found_error()
        self.store.archive(ticket, self._actor(request) or STATIC_TOKEN_ACTOR)
        return json_response(200, ticket.to_json())

    def not_found_error(self) -> httpx.Response:
        return self.error(404, "not_found", NOT_FOUND_MESSAGE)


# -- reading requests -----------------------------------------------------------------------------------


def _form(request: httpx.Request) -> dict[str, str] | None:
    """The form-encoded body; None when it is not form-encoded or names a parameter twice (RFC 6749 3.2)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != FORM_TYPE:
        return None
    try:
        pairs = parse_qsl(request.content.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return None
    form = dict(pairs)
    return form if len(form) == len(pairs) else None


def _grant_problem(grant_type: str | None) -> httpx.Response | None:
    if not grant_type:
        return oauth_error(400, "invalid_request", "grant_type is required.")
    if grant_type == "refresh_token":  # none are ever issued, so any one presented is invalid
        return oauth_error(400, "invalid_grant", "No refresh tokens are issued: ask again with client_credentials.")
    if grant_type != "client_credentials":
        return oauth_error(400, "unsupported_grant_type", f"grant_type {grant_type!r} is not supported.")
    return None


def _client_credentials(request: httpx.Request, form: dict[str, str]) -> tuple[str, str]:
    """The client id and secret: from HTTP Basic when sent (it wins), else from the form fields."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return form.get("client_id", ""), form.get("client_secret", "")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    client_id, _, client_secret = decoded.partition(":")
    # RFC 6749 2.3.1: both are form-urlencoded before being joined.
    return unquote_plus(client_id), unquote_plus(client_secret)


def _properties(request: httpx.Request) -> list[str]:
    """The names asked for in `properties=` (comma-separated, repeatable); an unknown one is a 400 [doc]."""
    names = [name.strip() for value in request.url.params.get_list("properties") for name in value.split(",")]
    names = [name for name in names if name]
    unknown = [name for name in names if name not in KNOWN_PROPERTIES]
    if unknown:
        raise bad_request(f"Invalid properties: {', '.join(unknown)}")
    return names


def _boolean_param(request: httpx.Request, name: str, *, default: bool) -> bool:
    value: str | None = request.url.params.get(name)
    if value is None:
        return default
    if value.lower() not in ("true", "false"):
        raise bad_request(f"{name} must be true or false")
    return value.lower() == "true"


def _integer_param(request: httpx.Request, name: str, *, default: int, low: int, high: int | None = None) -> int:
    value: str | None = request.url.params.get(name)
    if value is None:
        return default
    bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
    if not value.isascii() or not value.isdigit():
        raise bad_request(f"{name} must be an integer {bounds}")
    number = int(value)
    if number < low or (high is not None and number > high):
        raise bad_request(f"{name} must be {bounds}")
    return number


def _write_fields(request: httpx.Request) -> dict[str, Any]:
    """The `fields` object of a create or update body; anything else about the body is a 400 [doc]."""
    if not request.content:
        raise bad_request('Missing request body: send {"fields": {...}}')
    try:
        body = json.loads(request.content)
    except (ValueError, RecursionError) as invalid:
        raise bad_request("Invalid JSON body") from invalid
    if not isinstance(body, dict):
        raise bad_request("The body must be a JSON object with a fields property")
    unknown = [key for key in body if key != "fields"]
    if unknown:
        raise bad_request(f"Unknown top-level key(s): {', '.join(unknown)}; the body takes only fields")
    fields = body.get("fields")
    if not isinstance(fields, dict):
        raise bad_request("fields is required and must be an object")
    return fields
