"""The JSON bodies Intercom answers with, shaped by the request's `Intercom-Version` (see versions.py).

2.11: `ticket_state` a string beside `ticket_state_internal_label` / `_external_label`, assignee ids strings
("0" for none), ticket types listed under `ticket_types`. 2.12+: `ticket_state` an object, ticket types under
`data`, `previous_ticket_state_id` and each type's `ticket_states`. 2.16: assignee ids integers.

A ticket type's attributes are `{type: ticket_type_attributes.list, ticket_type_attributes: [...]}` in every
version: the shape of the 2.11 and 2.16 schemas, and the one key the official SDK's model reads [client:
python-intercom 5.0.1 types/ticket_type_attribute_list.py]. Intercom's examples show `{type: list, data}`
instead; our spec accepts both.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .._synthetic import CORRUPT_DATE
from .models import (
    WORKSPACE_ID,
    Part,
    Store,
    StoredFile,
    Ticket,
    TicketState,
    TicketType,
    TicketTypeAttribute,
    now,
)
from .versions import ApiVersion

MAX_PARTS = 500  # Intercom returns at most 500 parts with a ticket


class Renderer:
    def __init__(self, store: Store, version: ApiVersion, base_url: str) -> None:
        self.store = store
        self.version = version
        self.base_url = base_url

    # -- tickets -----------------------------------------------------------------------------------------

    def ticket(self, ticket: Ticket) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": "ticket",
            "id": ticket.id,
            "ticket_id": ticket.number,
            "category": ticket.category,
            "ticket_attributes": dict(ticket.attributes),
            **self._state_fields(ticket),
            "ticket_type": self.ticket_type(self.store.ticket_types[ticket.type_id]),
            "contacts": {"type": "contact.list", "contacts": [self._contact(i) for i in ticket.contact_ids]},
            "admin_assignee_id": self._assignee(ticket.admin_assignee_id),
            "team_assignee_id": self._assignee(ticket.team_assignee_id),
            "created_at": ticket.created_at,
            "updated_at": ticket.updated_at,
            "ticket_parts": {
                "type": "ticket_part.list",
                "ticket_parts": [self.part(p) for p in ticket.parts[:MAX_PARTS]],
                "total_count": min(len(ticket.parts), MAX_PARTS),
            },
            "open": ticket.open,
            "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": False},
            "is_shared": ticket.is_shared,
        }
        snoozed_until = ticket.active_snooze(now())
        if snoozed_until is not None:  # absent when not snoozed, as in Intercom's examples
            body["snoozed_until"] = snoozed_until
        if self.version.state_object:
            body["previous_ticket_state_id"] = ticket.previous_state_id
        if getattr(ticket, "corrupt", False):  # `Sandbox(corrupt_tickets=...)`: a vendor bug, on purpose
            body["created_at"] = CORRUPT_DATE
        return body

    def _state_fields(self, ticket: Ticket) -> dict[str, Any]:
        if self.version.state_object:
            return {"ticket_state": self._state(ticket.state)}
        return {
            "ticket_state": ticket.state.category,
            "ticket_state_internal_label": ticket.state.internal_label,
            "ticket_state_external_label": ticket.state.external_label,
        }

    @staticmethod
    def _state(state: TicketState) -> dict[str, Any]:
        return {
            "type": "ticket_state",
            "id": state.id,
            "category": state.category,
            "internal_label": state.internal_label,
            "external_label": state.external_label,
        }

    def _assignee(self, assignee_id: str) -> str | int:
        return int(assignee_id) if self.version.integer_assignees else assignee_id

    def _contact(self, contact_id: str) -> dict[str, Any]:
        contact = self.store.contacts[contact_id]
        return {"type": "contact", "id": contact.id, "external_id": contact.external_id}

    # -- parts -------------------------------------------------------------------------------------------

    def part(self, part: Part) -> dict[str, Any]:
        """A ticket part; the keys a part does not carry (body of an event, state of a message) are left out."""
        body: dict[str, Any] = {"type": "ticket_part", "id": part.id, "part_type": part.part_type}
        if part.part_type in ("comment", "note"):
            body["body"] = part.body
        if part.state is not None:
            body["ticket_state"] = part.state
            body["previous_ticket_state"] = part.previous_state
        body["created_at"] = part.created_at
        body["updated_at"] = part.updated_at
        if part.assigned_to is not None:
            kind, assignee = part.assigned_to
            body["assigned_to"] = {"type": kind, "id": assignee}
        body["author"] = self._author(part)
        body["attachments"] = [self.attachment(self.store.files[i]) for i in part.file_ids]
        body["redacted"] = False
        return body

    def reply(self, part: Part) -> dict[str, Any]:
        """The answer to a reply: a `ticket_reply`, the part without state or assignment keys."""
        body = self.part(part)
        for key in ("ticket_state", "previous_ticket_state", "assigned_to"):
            body.pop(key, None)
        return body

    @staticmethod
    def _author(part: Part) -> dict[str, Any]:
        author: dict[str, Any] = {"id": part.author.id, "type": part.author.type, "name": part.author.name}
        if part.author.email is not None:
            author["email"] = part.author.email
        return author

    def attachment(self, stored: StoredFile) -> dict[str, Any]:
        return {
            "type": "upload",
            "name": stored.name,
            "url": self.file_url(stored),
            "content_type": stored.content_type,
            "filesize": len(stored.data),
            "width": stored.width,
            "height": stored.height,
        }

    def file_url(self, stored: StoredFile) -> str:
        return f"{self.base_url}/sandbox-files/{stored.id}/{quote(stored.name, safe='')}"

    # -- ticket types ------------------------------------------------------------------------------------

    def ticket_type(self, ticket_type: TicketType) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": "ticket_type",
            "id": ticket_type.id,
            "name": ticket_type.name,
            "description": ticket_type.description,
            "icon": ticket_type.icon,
            "workspace_id": WORKSPACE_ID,
            "archived": ticket_type.archived,
            "created_at": ticket_type.created_at,
            "updated_at": ticket_type.updated_at,
            "is_internal": False,
            "ticket_type_attributes": {
                "type": "ticket_type_attributes.list",
                "ticket_type_attributes": [self._attribute(ticket_type, a) for a in ticket_type.attributes],
            },
            "category": ticket_type.category,
        }
        if self.version.state_object:
            states = self.store.states_of(ticket_type.id)
            body["ticket_states"] = {"type": "list", "data": [self._state(s) for s in states]}
        return body

    def _type_summary(self, ticket_type: TicketType) -> dict[str, Any]:
        """A ticket type as GET /ticket_states lists it under a state: no workspace, times or attributes [doc]."""
        return {
            "type": "ticket_type",
            "id": ticket_type.id,
            "name": ticket_type.name,
            "description": ticket_type.description,
            "icon": ticket_type.icon,
            "archived": ticket_type.archived,
            "is_internal": False,
            "category": ticket_type.category,
        }

    def ticket_state_list(self) -> dict[str, Any]:
        """GET /ticket_states (2.12+): every state, archived ones too, each with the types that have it."""
        data = []
        for state in self.store.states.values():
            types = [self._type_summary(self.store.ticket_types[i]) for i in state.type_ids]
            data.append(
                {**self._state(state), "ticket_types": {"type": "list", "data": types}, "archived": state.archived}
            )
        return {"type": "list", "data": data}

    @staticmethod
    def _attribute(ticket_type: TicketType, attribute: TicketTypeAttribute) -> dict[str, Any]:
        return {
            "type": "ticket_type_attribute",
            "id": attribute.id,
            "workspace_id": WORKSPACE_ID,
            "name": attribute.name,
            "description": attribute.description,
            "data_type": attribute.data_type,
            "input_options": attribute.input_options,
            "order": attribute.order,
            "required_to_create": False,
            "required_to_create_for_contacts": False,
            "visible_on_create": True,
            "visible_to_contacts": attribute.visible_to_contacts,
            "default": attribute.default,
            "ticket_type_id": int(ticket_type.id),
            "archived": False,
            "created_at": ticket_type.created_at,
            "updated_at": ticket_type.updated_at,
        }

    def ticket_type_list(self) -> dict[str, Any]:
        types = [self.ticket_type(t) for t in self.store.ticket_types.values()]
        if self.version.types_under_data:
            return {"type": "list", "data": types}
        return {"type": "ticket_type.list", "ticket_types": types}


def error_body(request_id: str, code: str, message: str, field: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        item["field"] = field
    return {"type": "error.list", "request_id": request_id, "errors": [item]}
