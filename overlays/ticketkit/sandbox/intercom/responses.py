"""The Intercom fake's routes: tickets (create, retrieve, update, delete, search, reply), ticket types, ticket
states, part files.

Written from specs/intercom.yaml, shared/VENDORS.md, the retrieve-ticket document and Intercom's official
specs; nothing here comes from the adapters. Each request is answered in the version its `Intercom-Version`
asks for, or the app's (versions.py), and takes that version's fields: other versions' fields are let through
and ignored, as Intercom's schemas let them through. Errors are Intercom's `error.list` with a fresh uuid4
`request_id`.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit

import httpx

from ticketkit.sandbox._app import App, HTTPError, json_response, route
from ticketkit.sandbox._synthetic import LazyTickets, Synthetic

from . import synthetic, webhooks
from .models import (
    BUG_REPORT_TYPE_ID,
    MAYA_ID,
    UNASSIGNED,
    Author,
    Contact,
    Store,
    StoredFile,
    Ticket,
    TicketState,
    TicketType,
    seed,
)
from .render import Renderer, error_body
from .search import Page, Predicate, SearchError, compile_query, encode_cursor, paginate, parse_pagination
from .versions import DEFAULT, ApiVersion, configured, requested

SETTABLE_STATES = ("in_progress", "waiting_on_customer", "resolved")  # 2.11 `state`: never back to submitted
# What Intercom answers for an operation the requested version lacks [doc: 2.16 GET /conversations/deleted 400].
VERSION_LACKS = "Requested resource is not available in current API version."
ADMIN_MESSAGE_TYPES = ("comment", "note", "quick_reply")
CONTACT_KEYS = ("intercom_user_id", "user_id", "email")
MAX_ATTACHMENT_URLS = 10
# Which JSON types each ticket type attribute takes (None, to clear it, always).
ATTRIBUTE_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "list": (str,),
    "integer": (int,),
    "decimal": (int, float),
    "boolean": (bool,),
    "datetime": (int,),
    "files": (list,),
}


@dataclass
class Assignment:
    """An assignment change: who performs it, and the new assignee ("0" unassigns the admin)."""

    author: Author
    kind: str  # admin, team or nobody_admin
    assignee_id: str


# The header Intercom's answers carry their request id in (its error bodies have it as `request_id` [doc]).
REQUEST_ID_HEADER = "X-Request-Id"


class IntercomApp(App):
    vendor = "intercom"

    def __init__(
        self,
        token: str,
        base_url: str,
        api_version: str = DEFAULT,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
    ) -> None:
        super().__init__(token, base_url)
        self.store = Store()
        # The version the app is configured with: the answer to a request that names none.
        self.api_version: ApiVersion = configured(api_version)
        self.synthetic: synthetic.SyntheticTickets | None = None  # `Sandbox(tickets=N)`
        if webhook_url is not None:
            self.webhooks = webhooks.notifier(webhook_url, webhook_secret or "")
        elif webhook_secret is not None:
            raise ValueError("webhook_secret needs webhook_url (where the notifications go)")

    def seed(self) -> None:
        seed(self.store)

    def use_synthetic(self, synthetic_set: Synthetic) -> None:
        self.synthetic = synthetic.install(self.store, synthetic_set)

    def synthetic_index(self, ticket_id: str) -> int | None:
        return synthetic.SyntheticTickets.index_of(ticket_id)

    def settle(self) -> None:
        if isinstance(self.store.tickets, LazyTickets):
            self.store.tickets.settle()

    def connect_options(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "admin_id": MAYA_ID,
            "ticket_type_id": BUG_REPORT_TYPE_ID,
            "api_version": self.api_version.name,
        }

    def authorized(self, request: httpx.Request, handler_name: str) -> bool:
        # Part files stand in for Intercom's CDN, which takes no bearer token.
        return handler_name == "download_file" or super().authorized(request, handler_name)

    # -- errors ------------------------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Every answer carries a request id (an error's is its body's `request_id`)."""
        response = super().handle(request)
        response.headers.setdefault(REQUEST_ID_HEADER, str(uuid.uuid4()))
        return response

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        return self._error(status, code, message)

    def _error(self, status: int, code: str, message: str, field: str | None = None) -> httpx.Response:
        # Injected 429s carry the framework's Retry-After only: Intercom's X-RateLimit-Reset would need the
        # fault's wait, which `error` is not given, and a made-up reset would override the one chosen.
        request_id = str(uuid.uuid4())  # the body's and the header's, alike (as Intercom's answers carry both)
        return json_response(status, error_body(request_id, code, message, field), {REQUEST_ID_HEADER: request_id})

    def unauthorized(self) -> httpx.Response:
        return self.error(401, "unauthorized", "Access Token Invalid")

    def rate_limit_headers(self, limit: int, remaining: int, reset: int) -> dict[str, str]:
        # [doc] on every answer under the limit, the 429 included: the window's size, what is left of it, and
        # the Unix time at which it resets.
        return {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": str(reset),
        }

    def too_many_requests(self, retry_after: int) -> httpx.Response:
        # Intercom documents the X-RateLimit-* headers (added to every answer), not Retry-After.
        return self.error(429, "rate_limit_exceeded", "You have exceeded the rate limit. Please try again later.")

    def not_found(self, what: str) -> httpx.Response:
        return self.error(404, "not_found", "Resource Not Found")

    def fail(self, status: int, code: str, message: str, field: str | None = None) -> NoReturn:
        raise HTTPError(self._error(status, code, message, field))

    def invalid(self, message: str, field: str | None = None) -> NoReturn:
        self.fail(400, "parameter_invalid", message, field)

    def missing(self, field: str) -> NoReturn:
        self.fail(400, "parameter_not_found", f"{field} is required", field)

    # -- shared helpers ----------------------------------------------------------------------------------

    def unix_now(self) -> int:
        """The fake's clock in Unix seconds, as Intercom writes every timestamp (`clock_skew` included)."""
        return int(self.now().timestamp())

    def version_of(self, request: httpx.Request) -> ApiVersion:
        return requested(request.headers.get("intercom-version"), self.api_version)

    def renderer(self, request: httpx.Request) -> Renderer:
        return Renderer(self.store, self.version_of(request), self.base_url)

    def require(self, available: bool) -> None:
        """400 `intercom_version_invalid` for an operation the requested version does not have."""
        if not available:
            self.fail(400, "intercom_version_invalid", VERSION_LACKS)

    def body_object(self, request: httpx.Request) -> dict[str, Any]:
        body = self.json(request)
        if not isinstance(body, dict):
            self.invalid("The request body must be a JSON object")
        return body

    def find_ticket(self, ticket_id: str) -> Ticket:
        ticket = self.store.tickets.get(ticket_id)
        if ticket is None:
            self.fail(404, "ticket_not_found", "Ticket not found")
        return ticket

    def id_value(self, value: Any, field: str) -> str:
        """An id sent as a string or a number (Intercom's own examples send both)."""
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.invalid(f"{field} must be a string", field)
        return str(value)

    # Optional fields may be left out, but not sent as null: their schemas do not allow it.

    def optional_int(self, body: dict[str, Any], key: str) -> int | None:
        if key not in body:
            return None
        value = body[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.invalid(f"{key} must be an integer (Unix seconds)", key)
        return value

    def optional_bool(self, body: dict[str, Any], key: str) -> bool | None:
        if key not in body:
            return None
        value = body[key]
        if not isinstance(value, bool):
            self.invalid(f"{key} must be true or false", key)
        return value

    def optional_string(self, body: dict[str, Any], key: str) -> str | None:
        if key not in body:
            return None
        value = body[key]
        if not isinstance(value, str):
            self.invalid(f"{key} must be a string", key)
        return value

    def checked_attributes(self, ticket_type: TicketType, body: dict[str, Any]) -> dict[str, Any]:
        """`ticket_attributes`, each one an attribute of the type with a value of its data type (or null)."""
        if "ticket_attributes" not in body:
            return {}
        value = body["ticket_attributes"]
        if not isinstance(value, dict):
            self.invalid("ticket_attributes must be an object", "ticket_attributes")
        for name, item in value.items():
            attribute = ticket_type.attribute(name)
            if attribute is None:
                self.invalid(f"{name} is not an attribute of the ticket type {ticket_type.name}", name)
            allowed = ATTRIBUTE_TYPES.get(attribute.data_type, (str,))
            wrong_bool = isinstance(item, bool) and bool not in allowed
            if item is not None and (wrong_bool or not isinstance(item, allowed)):
                self.invalid(f"{name} takes a {attribute.data_type} value", name)
        return dict(value)

    # -- tickets -----------------------------------------------------------------------------------------

    @route("POST", "/tickets")
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        body = self.body_object(request)
        ticket_type = self.ticket_type_for_create(body)
        contact = self.contact_for_create(body)
        attributes = self.checked_attributes(ticket_type, body)
        created_at = self.optional_int(body, "created_at")
        company_id = self.optional_string(body, "company_id")
        assignees = self.assignees_for_create(body) if self.version_of(request).flat_assignment else []
        moment = self.unix_now() if created_at is None else created_at
        ticket = self.store.create_ticket(ticket_type, contact, attributes, moment, company_id)
        for assignment in assignees:
            self.apply_assignment(ticket, assignment, moment)
        self.notify([webhooks.CREATED], ticket)
        return json_response(200, self.renderer(request).ticket(ticket))

    def assignees_for_create(self, body: dict[str, Any]) -> list[Assignment]:
        """2.14+ `assignment: {admin_assignee_id, team_assignee_id}`: an admin, a team, both or neither."""
        if "assignment" not in body:
            return []
        value = body["assignment"]
        if not isinstance(value, dict):
            self.invalid("assignment must be an object", "assignment")
        found = []
        for key, kind, known in (
            ("admin_assignee_id", "admin", self.store.admins),
            ("team_assignee_id", "team", self.store.teams),
        ):
            if key in value:
                assignee_id = self.id_value(value[key], key)
                if assignee_id not in known:
                    self.fail(404, "assignee_not_found", "Assignee not found", key)
                found.append(Assignment(self.store.bot, kind, assignee_id))
        return found

    def ticket_type_for_create(self, body: dict[str, Any]) -> TicketType:
        if body.get("ticket_type_id") is None:
            self.missing("ticket_type_id")
        type_id = self.id_value(body["ticket_type_id"], "ticket_type_id")
        ticket_type = self.store.ticket_types.get(type_id)
        if ticket_type is None or ticket_type.archived:
            self.fail(400, "invalid_ticket_type", "Ticket type is not valid", "ticket_type_id")
        return ticket_type

    def contact_for_create(self, body: dict[str, Any]) -> Contact:
        """The one contact of `contacts`, by `id`, `external_id` or `email` (an unknown email makes a contact)."""
        contacts = body.get("contacts")
        if contacts is None:
            self.missing("contacts")
        if not isinstance(contacts, list) or not contacts:
            self.invalid("contacts must be a list with one contact", "contacts")
        if len(contacts) > 1:
            self.invalid("Only one contact can be added to a ticket", "contacts")
        item = contacts[0]
        key = next((k for k in ("id", "external_id", "email") if isinstance(item, dict) and k in item), None)
        if key is None or not isinstance(item[key], str) or not item[key]:
            self.invalid("each contact needs an id, external_id or email string", "contacts")
        found = self.store.contact_by(key, item[key])
        if found is not None:
            return found
        if key != "email":
            self.invalid(f"No contact with {key} {item[key]!r}", "contacts")
        if "@" not in item[key]:
            self.invalid(f"{item[key]!r} is not an email address", "contacts")
        return self.store.add_contact(item[key])

    @route("GET", "/tickets/{ticket_id}")
    def retrieve_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        return json_response(200, self.renderer(request).ticket(self.find_ticket(ticket_id)))

    @route("PUT", "/tickets/{ticket_id}")
    def update_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        """Check every field first, then apply them all: a refused update changes nothing."""
        version = self.version_of(request)
        ticket = self.find_ticket(ticket_id)
        body = self.body_object(request)
        ticket_type = self.store.ticket_types[ticket.type_id]
        attributes = self.checked_attributes(ticket_type, body)
        state = self.new_state_by_id(body, ticket) if version.states_by_id else self.new_state(body)
        acting, assignment = self.new_flat_assignment(body) if version.flat_assignment else self.new_assignment(body)
        snoozed_until = self.optional_int(body, "snoozed_until")
        is_open = self.optional_bool(body, "open")
        is_shared = self.optional_bool(body, "is_shared")
        moment = self.unix_now()
        topics = self.update_topics(ticket, attributes, state, assignment)
        self.apply_attributes(ticket, attributes, moment)
        if state is not None:  # 2.14's `admin_id` performs the whole update; 2.11's only the assignment
            self.store.change_state(ticket, state, moment, acting if version.flat_assignment else None)
        if assignment is not None:
            self.apply_assignment(ticket, assignment, moment)
        if snoozed_until is not None:
            ticket.snoozed_until = snoozed_until
            self.store.add_part(ticket, "snoozed", self.store.bot, moment)
        if is_open is not None:
            ticket.open = is_open
            if not is_open:  # closing a ticket also unsnoozes it
                ticket.snoozed_until = None
        if is_shared is not None:
            ticket.is_shared = is_shared
        ticket.updated_at = max(ticket.updated_at, moment)
        self.notify(topics, ticket)
        return json_response(200, self.renderer(request).ticket(ticket))

    @staticmethod
    def update_topics(
        ticket: Ticket, attributes: dict[str, Any], state: TicketState | None, assignment: Assignment | None
    ) -> list[str]:
        """The notifications an update sends, judged before it applies: attributes that change, a new state,
        an admin or a team assigned (unassigning has no documented topic)."""
        topics = []
        if any(ticket.attributes.get(name) != value for name, value in attributes.items()):
            topics.append(webhooks.ATTRIBUTE_UPDATED)
        if state is not None and state.id != ticket.state.id:
            topics.append(webhooks.STATE_UPDATED)
        if assignment is not None and assignment.kind in ("admin", "team"):
            topics.append(webhooks.ADMIN_ASSIGNED if assignment.kind == "admin" else webhooks.TEAM_ASSIGNED)
        return topics

    def notify(self, topics: list[str], ticket: Ticket) -> None:
        """Queue one notification per topic, the ticket rendered now in the app's version (never raises)."""
        if self.webhooks is None or not topics:
            return
        item = Renderer(self.store, self.api_version, self.base_url).ticket(ticket)
        for topic in topics:
            self.webhooks.send(topic, webhooks.notification(topic, item, self.unix_now()))

    def new_state(self, body: dict[str, Any]) -> TicketState | None:
        """2.11's `state`: a category, set to its default state."""
        if "state" not in body:
            return None
        category = body["state"]
        if category not in SETTABLE_STATES:
            self.invalid(f"state must be one of {', '.join(SETTABLE_STATES)}", "state")
        return self.store.default_state(category)

    def new_state_by_id(self, body: dict[str, Any], ticket: Ticket) -> TicketState | None:
        """2.12+'s `ticket_state_id`: a state of the ticket's type, not archived [doc: 2.16 updateTicket 400]."""
        if "ticket_state_id" not in body:
            return None
        state = self.store.states.get(self.id_value(body["ticket_state_id"], "ticket_state_id"))
        if state is None or not state.settable_on(ticket.type_id):
            self.fail(
                400,
                "ticket_state_id_invalid",
                "Ticket state id is not valid or is not associated with the ticket type",
                "ticket_state_id",
            )
        return state

    def new_assignment(self, body: dict[str, Any]) -> tuple[Author | None, Assignment | None]:
        """2.11-2.13 `assignment: {admin_id, assignee_id}`: the admin acting, and the new assignee."""
        if "assignment" not in body:
            return None, None
        source = body["assignment"]
        if not isinstance(source, dict):
            self.invalid("assignment must be an object", "assignment")
        return self.assignment_from(source, source.get("admin_id"))

    def new_flat_assignment(self, body: dict[str, Any]) -> tuple[Author | None, Assignment | None]:
        """2.14+ top-level `admin_id` (an integer [doc: changelog v2.14]) and `assignee_id`."""
        admin_id = body.get("admin_id")
        if "admin_id" in body and (isinstance(admin_id, bool) or not isinstance(admin_id, int)):
            self.invalid("admin_id must be an integer", "admin_id")
        return self.assignment_from(body, admin_id)

    def assignment_from(self, source: dict[str, Any], admin_id: Any) -> tuple[Author | None, Assignment | None]:
        acting = None
        if admin_id is not None or "admin_id" in source:
            admin = self.store.admins.get(self.id_value(admin_id, "admin_id"))
            if admin is None:
                self.fail(404, "assignee_not_found", "Assignee not found", "admin_id")
            acting = self.store.author_for_admin(admin)
        if "assignee_id" not in source:
            return acting, None
        author = acting or self.store.bot
        assignee_id = self.id_value(source["assignee_id"], "assignee_id")
        if assignee_id == UNASSIGNED:
            return acting, Assignment(author, "nobody_admin", UNASSIGNED)
        if assignee_id in self.store.admins:
            return acting, Assignment(author, "admin", assignee_id)
        if assignee_id in self.store.teams:
            return acting, Assignment(author, "team", assignee_id)
        self.fail(404, "assignee_not_found", "Assignee not found", "assignee_id")

    def apply_attributes(self, ticket: Ticket, attributes: dict[str, Any], moment: int) -> None:
        for name, value in attributes.items():
            if ticket.attributes.get(name) != value:
                ticket.attributes[name] = value
                self.store.add_part(ticket, "ticket_attribute_updated_by_admin", self.store.bot, moment)

    def apply_assignment(self, ticket: Ticket, assignment: Assignment, moment: int) -> None:
        if assignment.kind == "team":
            ticket.team_assignee_id = assignment.assignee_id
        else:
            ticket.admin_assignee_id = assignment.assignee_id
        target = None if assignment.assignee_id == UNASSIGNED else assignment.assignee_id
        self.store.add_part(ticket, "assignment", assignment.author, moment, assigned_to=(assignment.kind, target))

    @route("DELETE", "/tickets/{ticket_id}")
    def delete_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        """2.13+: the ticket, its parts and their files, gone [doc: 2.16 deleteTicket]."""
        self.require(self.version_of(request).deletes)
        ticket = self.find_ticket(ticket_id)
        self.store.delete_ticket(ticket)
        return json_response(200, {"id": ticket.id, "object": "ticket", "deleted": True})

    @route("GET", "/ticket_states")
    def list_ticket_states(self, request: httpx.Request) -> httpx.Response:
        """2.12+: every state of the workspace with the types that have it [doc: 2.16 listTicketStates]."""
        self.require(self.version_of(request).states_by_id)
        return json_response(200, self.renderer(request).ticket_state_list())

    @route("POST", "/tickets/search")
    def search_tickets(self, request: httpx.Request) -> httpx.Response:
        body = self.body_object(request)
        if body.get("query") is None:
            self.missing("query")
        try:
            matches = compile_query(body["query"], self.store)
            per_page, starting_after = parse_pagination(body.get("pagination"))
            if self.synthetic is None:
                found = [t for t in self.store.sorted_tickets() if matches(t)]
                page = paginate(found, per_page, starting_after)
            else:
                page = self._synthetic_page(body["query"], matches, per_page, starting_after)
        except SearchError as error:
            self.invalid(error.message, error.field)
        renderer = self.renderer(request)
        pages: dict[str, Any] = {
            "type": "pages",
            "page": page.page,
            "per_page": page.per_page,
            "total_pages": page.total_pages,
        }
        if page.next_cursor is not None:  # absent on the last page, as in Intercom's example
            pages["next"] = {"per_page": page.per_page, "starting_after": page.next_cursor}
        return json_response(
            200,
            {
                "type": "ticket.list",
                "tickets": [renderer.ticket(t) for t in page.tickets],
                "total_count": self.reported_total(page.total_count),
                "pages": pages,
            },
        )

    def _synthetic_page(self, query: Any, matches: Predicate, per_page: int, starting_after: str | None) -> Page:
        """A search page over the synthetic data set, found without building the tickets it skips."""
        assert self.synthetic is not None
        listing = synthetic.search_listing(query, matches, self.synthetic)
        skipped = synthetic.skipped_before(listing, self.synthetic, starting_after)
        window = listing.page(skipped, per_page)
        total = len(listing)
        more = skipped + per_page < total
        return Page(
            tickets=window,
            total_count=total,
            page=skipped // per_page + 1,
            per_page=per_page,
            total_pages=math.ceil(total / per_page),
            next_cursor=encode_cursor(window[-1]) if more and window else None,
        )

    # -- replies -----------------------------------------------------------------------------------------

    @route("POST", "/tickets/{ticket_id}/reply")
    def reply_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        ticket = self.find_ticket(ticket_id)
        body = self.body_object(request)
        kind = body.get("type")
        if kind is None:
            self.missing("type")
        if body.get("message_type") is None:
            self.missing("message_type")
        if kind == "admin":
            author, text = self.admin_reply(body)
        elif kind == "user":
            author, text = self.contact_reply(ticket, body)
        else:
            self.invalid("type must be admin or user", "type")
        file_ids = [f.id for f in self.attachments_from(body)]
        created_at = self.optional_int(body, "created_at")
        moment = self.unix_now()
        part = self.store.add_part(
            ticket,
            body["message_type"],
            author,
            moment if created_at is None else created_at,
            body=text,
            file_ids=file_ids,
        )
        ticket.updated_at = max(ticket.updated_at, moment)
        self.notify([webhooks.reply_topic(kind, body["message_type"])], ticket)
        return json_response(200, self.renderer(request).reply(part))

    def admin_reply(self, body: dict[str, Any]) -> tuple[Author, str | None]:
        """An admin's comment, note or quick reply; comments and notes need a body, quick replies options."""
        message_type = body["message_type"]
        if message_type not in ADMIN_MESSAGE_TYPES:
            self.invalid(f"message_type must be one of {', '.join(ADMIN_MESSAGE_TYPES)}", "message_type")
        if body.get("admin_id") is None:
            self.missing("admin_id")
        admin = self.store.admins.get(self.id_value(body["admin_id"], "admin_id"))
        if admin is None:
            self.fail(404, "admin_not_found", "Admin not found", "admin_id")
        if "reply_options" in body or message_type == "quick_reply":
            self.check_reply_options(body.get("reply_options"), required=message_type == "quick_reply")
        if message_type == "quick_reply":
            return self.store.author_for_admin(admin), None
        return self.store.author_for_admin(admin), self.reply_text(body)

    def contact_reply(self, ticket: Ticket, body: dict[str, Any]) -> tuple[Author, str]:
        """A comment on behalf of the contact named by exactly one of intercom_user_id, user_id, email."""
        if body["message_type"] != "comment":
            self.invalid("a user reply's message_type must be comment", "message_type")
        text = self.reply_text(body)
        named = [k for k in CONTACT_KEYS if body.get(k) is not None]
        if len(named) != 1:
            self.invalid("name the contact with exactly one of intercom_user_id, user_id, email", "intercom_user_id")
        if "reply_options" in body:  # the quick reply options the contact chose
            self.check_reply_options(body["reply_options"], required=False)
        if ticket.category == "Back-office":
            self.fail(400, "parameter_mismatch", "User replies are not allowed on Backoffice tickets")
        key = {"intercom_user_id": "id", "user_id": "external_id", "email": "email"}[named[0]]
        contact = self.store.contact_by(key, self.id_value(body[named[0]], named[0]))
        if contact is None:
            self.fail(404, "not_found", "Resource Not Found")
        return self.store.author_for_contact(contact), text

    def reply_text(self, body: dict[str, Any]) -> str:
        text = body.get("body")
        if not isinstance(text, str) or not text.strip():
            self.invalid("Body is required", "body")
        return text

    def check_reply_options(self, options: Any, *, required: bool) -> None:
        """Quick reply options, each `{text, uuid}`; a quick reply needs at least one."""
        if not isinstance(options, list) or (required and not options):
            self.invalid("reply_options (a list of {text, uuid}) are required for a quick_reply", "reply_options")
        for option in options:
            if not isinstance(option, dict) or not isinstance(option.get("text"), str):
                self.invalid("each reply option needs a text and a uuid", "reply_options")
            try:
                uuid.UUID(str(option.get("uuid")))
            except ValueError:
                self.invalid("each reply option needs a text and a uuid", "reply_options")

    # -- attachments -------------------------------------------------------------------------------------

    def attachments_from(self, body: dict[str, Any]) -> list[StoredFile]:
        """Part files for `attachment_urls`, hosted by the sandbox as Intercom re-hosts them on its CDN.

        A URL of this sandbox's own files is copied; any other URL is not fetched (the fake makes no outside
        requests) and becomes a small text file that says so.
        """
        if "attachment_urls" not in body:
            return []
        urls = body["attachment_urls"]
        if not isinstance(urls, list) or len(urls) > MAX_ATTACHMENT_URLS:
            self.invalid(f"attachment_urls must be a list of at most {MAX_ATTACHMENT_URLS} URLs", "attachment_urls")
        for url in urls:
            if not is_http_url(url):
                self.invalid(f"{url!r} is not an http(s) URL", "attachment_urls")
        return [self.file_from_url(url) for url in urls]

    def file_from_url(self, url: str) -> StoredFile:
        own = self.own_file(url)
        if own is not None:
            return self.store.add_file(own.name, own.content_type, own.data, own.width, own.height)
        name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or "attachment"
        note = f"ticketkit sandbox: {url} was not fetched; this file stands in for it.\n"
        return self.store.add_file(name, "text/plain", note.encode())

    def own_file(self, url: str) -> StoredFile | None:
        prefix = f"{self.base_url}/sandbox-files/"
        if not url.startswith(prefix):
            return None
        file_id = url.removeprefix(prefix).split("/", 1)[0]
        return self.store.files.get(file_id)

    @route("GET", "/sandbox-files/{file_id}/{name}")
    def download_file(self, request: httpx.Request, file_id: str, name: str) -> httpx.Response:
        stored = self.store.files.get(file_id)
        if stored is None or stored.name != name:
            return httpx.Response(404, text="Not Found", headers={"content-type": "text/plain"})
        return httpx.Response(200, content=stored.data, headers={"content-type": stored.content_type})

    # -- ticket types ------------------------------------------------------------------------------------

    @route("GET", "/ticket_types")
    def list_ticket_types(self, request: httpx.Request) -> httpx.Response:
        return json_response(200, self.renderer(request).ticket_type_list())

    @route("GET", "/ticket_types/{type_id}")
    def get_ticket_type(self, request: httpx.Request, type_id: str) -> httpx.Response:
        ticket_type = self.store.ticket_types.get(type_id)
        if ticket_type is None:
            self.fail(404, "not_found", "Resource Not Found")
        return json_response(200, self.renderer(request).ticket_type(ticket_type))


def is_http_url(url: Any) -> bool:
    """An absolute http(s) URI: printable ASCII (anything else arrives percent-encoded), with a host."""
    if not isinstance(url, str) or not url.isascii() or not url.isprintable() or " " in url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
