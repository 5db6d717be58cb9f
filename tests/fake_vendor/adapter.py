"""Fakedesk's adapter: tickets.get, tickets.list and tickets.create from plain httpx request dicts."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
from ticketkit._adapter import Adapter, Call, ListQuery, Page, Plan, TicketDraft
from ticketkit._auth import BearerToken
from ticketkit._connection import ConnectionSpec, Settings
from ticketkit._errors import InvalidArgumentError, ResponseValidationError
from ticketkit._reading import json_object
from ticketkit_models import Priority, Ticket, TicketStatus

VENDOR = "fakedesk"
BASE_URL = "https://api.fakedesk.test"  # the registry reads the default from here
STATES = {"open": TicketStatus.OPEN, "done": TicketStatus.RESOLVED}


class FakedeskAdapter(Adapter):
    vendor = VENDOR

    def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
        response = yield Call("tickets.get", {"method": "GET", "url": f"/tickets/{quote(ticket_id, safe='')}"})
        return self._ticket(json_object(response, VENDOR, "tickets.get"))

    def list_tickets(self, query: ListQuery, cursor: Any) -> Plan[Page[Ticket]]:
        params: dict[str, Any] = {} if cursor is None else {"after": cursor}
        if query.page_size is not None:
            params["limit"] = query.page_size
        response = yield Call("tickets.list", {"method": "GET", "url": "/tickets", "params": params})
        page = json_object(response, VENDOR, "tickets.list")
        tickets = [self._ticket(item) for item in page["tickets"]]
        return Page(tickets, page["next"])

    def create_ticket(self, draft: TicketDraft) -> Plan[Ticket]:
        body = {"title": draft.subject, "body": draft.description}
        response = yield Call("tickets.create", {"method": "POST", "url": "/tickets", "json": body}, frozenset({201}))
        return self._ticket(json_object(response, VENDOR, "tickets.create"))

    def _ticket(self, item: Any) -> Ticket:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise ResponseValidationError(VENDOR, "tickets", f"not a ticket: {item!r}")
        return Ticket(
            vendor=VENDOR,
            id=item["id"],
            subject=item.get("title"),
            description=item.get("body"),
            status=STATES.get(item.get("state"), TicketStatus.UNKNOWN),
            status_raw=item.get("state"),
            priority=Priority.UNKNOWN,
            raw=item,
        )


def make_connection(settings: Settings) -> ConnectionSpec:
    shelf = settings.options.get("shelf") or "main"
    if not isinstance(shelf, str):
        raise InvalidArgumentError(f"fakedesk: shelf must be a string, not {shelf!r}")
    base_url = (settings.base_url or BASE_URL).rstrip("/")
    auth: httpx.Auth = BearerToken(settings.require_token())
    return ConnectionSpec(adapter=FakedeskAdapter(), base_url=base_url, auth=auth, headers={"X-Shelf": shelf})
