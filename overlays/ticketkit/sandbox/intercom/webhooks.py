"""Intercom's signed notifications, as the fake sends them when its tickets change.

[doc: Intercom "Signed Notifications"] every notification is a POST with a JSON body
`{"type": "notification_event", "app_id", "data": {"type": "notification_event_data", "item": {...}}, "id",
"topic", ...}` and `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body, keyed by the app's client secret>`,
sent by `User-Agent: intercom-parrot-service-client/1.0`.

Topics [doc: Intercom changelog 2.9, "New Ticket Webhook Topics", and the webhook models page]: ticket
created, state updated, note created, admin/team assigned, attribute updated, admin replied, contact
replied. Their dotted names below follow Intercom's naming; `ticket.created`, `ticket.state.updated` and
`ticket.admin.assigned` are the ones this project's brief names, the others are [inferred] from the
changelog's wording. The item is the ticket as the API renders it, in the app's configured version [inferred:
Intercom sends a webhook in the app's API version].

Signing is written here again rather than imported from `ticketkit.webhooks`: a fake imports nothing from the
adapters' side, so a mistake there cannot hide behind the same mistake here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping
from typing import Any

from ticketkit.sandbox._webhooks import Notifier

APP_ID = "sandbox"  # the workspace id notifications carry
USER_AGENT = "intercom-parrot-service-client/1.0"

CREATED = "ticket.created"
STATE_UPDATED = "ticket.state.updated"
ADMIN_ASSIGNED = "ticket.admin.assigned"
TEAM_ASSIGNED = "ticket.team.assigned"
ATTRIBUTE_UPDATED = "ticket.attribute.updated"
NOTE_CREATED = "ticket.note.created"
ADMIN_REPLIED = "ticket.admin.replied"
CONTACT_REPLIED = "ticket.contact.replied"


def signer(secret: str) -> Any:
    """The headers Intercom sends with `body`: its X-Hub-Signature over the raw bytes, and its User-Agent."""
    key = secret.encode()

    def sign(body: bytes) -> Mapping[str, str]:
        digest = hmac.new(key, body, hashlib.sha1).hexdigest()
        return {"X-Hub-Signature": f"sha1={digest}", "User-Agent": USER_AGENT}

    return sign


def notifier(url: str, secret: str) -> Notifier:
    """A Notifier that signs as Intercom does; ValueError for a missing secret or a bad URL."""
    if not isinstance(secret, str) or not secret:
        raise ValueError("webhook_secret is required with webhook_url (the app's client secret, a non-empty string)")
    return Notifier(url, signer(secret))


def notification(topic: str, item: dict[str, Any], moment: int) -> bytes:
    """The body of one notification about `item` (a rendered ticket) at Unix time `moment`."""
    event = {
        "type": "notification_event",
        "app_id": APP_ID,
        "data": {"type": "notification_event_data", "item": item},
        "links": {},
        "id": f"notif_{uuid.uuid4()}",
        "topic": topic,
        "delivery_status": "pending",
        "delivery_attempts": 1,
        "delivered_at": 0,
        "first_sent_at": moment,
        "created_at": moment,
        "self": None,
    }
    return json.dumps(event, separators=(",", ":")).encode()


def reply_topic(kind: str, message_type: str) -> str:
    """The topic of a reply: a note, an admin's comment or quick reply, or the contact's comment."""
    if kind == "user":
        return CONTACT_REPLIED
    return NOTE_CREATED if message_type == "note" else ADMIN_REPLIED
