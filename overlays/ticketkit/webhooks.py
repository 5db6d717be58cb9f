"""Verify and read the signed notifications (webhooks) a vendor sends, as one `WebhookEvent`.

    from ticketkit.webhooks import verify_and_parse

    event = verify_and_parse("intercom", request_body, request_headers, secret=CLIENT_SECRET)
    if event.ticket is not None:
        print(event.topic, event.ticket.status)

Which vendors sign their notifications, as their documents say:

- Intercom: `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed by the app's client secret; the
  body is a `notification_event` whose `data.item` is the object the topic is about (a ticket for the
  `ticket.*` topics).
- Routera, Tickiti, Ankra: their documents describe no webhooks; `verify_and_parse` raises
  UnsupportedOperationError for them.

Pass the body exactly as it arrived (bytes, or the str it decodes to): the signature covers those bytes, so a
body parsed and dumped again no longer matches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ticketkit_models import Ticket

from . import _registry as registry
from ._errors import InvalidArgumentError, UnsupportedOperationError, WebhookVerificationError
from ._reading import MALFORMED, clipped, parse_json

__all__ = ["WebhookEvent", "signature_headers", "verify_and_parse"]

#: A request's headers: a mapping (any object with `items()`) or (name, value) pairs; names in any case.
Headers = Mapping[str, str] | Iterable[tuple[str, str]] | Any

INTERCOM_SIGNATURE = "x-hub-signature"


@dataclass(frozen=True)
class WebhookEvent:
    """One verified notification, the same shape for every vendor.

    - `topic`: the vendor's name for what happened (Intercom: `ticket.created`, `ticket.state.updated`, ...).
    - `ticket_id`: the ticket it is about (the id `desk.tickets.get` takes), None for a topic about something
      else (a contact, a conversation).
    - `ticket`: the unified Ticket when the payload carries one, read as `desk.tickets.get` reads it.
    - `event_id`: the vendor's id of the notification (Intercom's `notif_...`), for spotting a redelivery.
    - `created_at`: when the vendor made the notification, None when the payload does not say.
    - `payload`: the whole decoded body, as sent.
    """

    vendor: str
    topic: str
    ticket_id: str | None
    ticket: Ticket | None
    event_id: str | None
    created_at: dt.datetime | None
    payload: dict[str, Any] = field(repr=False)


def verify_and_parse(vendor: str, body: bytes | str, headers: Headers, secret: str | bytes) -> WebhookEvent:
    """Check a notification's signature against `secret` and read it into a `WebhookEvent`.

    `body`: the raw request body (a str is taken as its UTF-8 bytes); `headers`: the request's headers, any
    case (a mapping, anything with `items()` such as http.server's `self.headers`, or (name, value) pairs);
    `secret`: the key the vendor signs with (Intercom: the app's
    client secret). The signature is compared in constant time.

    Raises WebhookVerificationError when the signature is missing or wrong, the body is not JSON, or the
    payload is not the vendor's notification (or its ticket cannot be read); UnsupportedOperationError for a
    vendor whose documents describe no signed webhooks; InvalidArgumentError for an unknown vendor, an empty
    secret, or a body, headers or secret of the wrong type.
    """
    reader = _reader(vendor)
    raw = _bytes(body, "body")
    key = _bytes(secret, "secret")
    if not key:
        raise InvalidArgumentError("verify_and_parse: secret is empty (Intercom: the app's client secret)")
    return reader.verify(raw, _lower_headers(headers, reader.vendor), key)


def signature_headers(vendor: str, body: bytes | str, secret: str | bytes) -> dict[str, str]:
    """The signature header(s) the vendor would send with `body`: for testing a receiver without the vendor.

    Raises as `verify_and_parse` does for an unknown or unsupported vendor and an empty secret.
    """
    reader = _reader(vendor)
    key = _bytes(secret, "secret")
    if not key:
        raise InvalidArgumentError("signature_headers: secret is empty")
    return reader.sign(_bytes(body, "body"), key)


# -- per vendor ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reader:
    vendor: str
    sign: Callable[[bytes, bytes], dict[str, str]]
    verify: Callable[[bytes, dict[str, str], bytes], WebhookEvent]


def _reader(vendor: object) -> _Reader:
    name = registry.get(vendor).name  # InvalidArgumentError naming the known vendors
    reader = _READERS.get(name)
    if reader is None:
        raise UnsupportedOperationError(name, "signed webhooks (its documents describe none)")
    return reader


def _intercom_sign(body: bytes, key: bytes) -> dict[str, str]:
    return {"X-Hub-Signature": "sha1=" + hmac.new(key, body, hashlib.sha1).hexdigest()}


def _intercom_verify(body: bytes, headers: dict[str, str], key: bytes) -> WebhookEvent:
    given = headers.get(INTERCOM_SIGNATURE)
    if given is None:
        raise WebhookVerificationError("intercom", "no X-Hub-Signature header (is this an Intercom notification?)")
    expected = _intercom_sign(body, key)["X-Hub-Signature"].encode()
    # Compared as bytes: compare_digest refuses a str with non-ASCII characters, and a header may carry any.
    if not hmac.compare_digest(given.strip().lower().encode("utf-8", "replace"), expected):
        raise WebhookVerificationError("intercom", "the X-Hub-Signature does not match the body and secret")
    payload = _json_object("intercom", body)
    if payload.get("type") != "notification_event":
        raise WebhookVerificationError(
            "intercom", f"the payload's type is {clipped(repr(payload.get('type')))}, not 'notification_event'"
        )
    topic = payload.get("topic")
    data = payload.get("data")
    item = data.get("item") if isinstance(data, dict) else None
    if not isinstance(topic, str) or not topic or not isinstance(item, dict):
        raise WebhookVerificationError("intercom", "the payload has no topic or no data.item object")
    ticket = _intercom_ticket(item) if item.get("type") == "ticket" else None
    return WebhookEvent(
        vendor="intercom",
        topic=topic,
        ticket_id=None if ticket is None else ticket.id,
        ticket=ticket,
        event_id=payload["id"] if isinstance(payload.get("id"), str) else None,
        created_at=_unix(payload.get("created_at")),
        payload=payload,
    )


def _intercom_ticket(item: dict[str, Any]) -> Ticket:
    """The item read by the Intercom adapter's own normaliser: the Ticket `desk.tickets.get` would give."""
    # Imported here: `import ticketkit.webhooks` stays light, and Intercom's client loads only when used.
    from intercom_client.models import Ticket as IntercomTicket

    from .vendors.intercom import IntercomAdapter

    try:
        return IntercomAdapter().to_ticket(IntercomTicket.from_dict(item), item)
    except MALFORMED as exc:
        detail = clipped(f"{type(exc).__name__}: {exc}")
        raise WebhookVerificationError("intercom", f"the payload's ticket cannot be read: {detail}") from exc


_READERS: dict[str, _Reader] = {"intercom": _Reader("intercom", _intercom_sign, _intercom_verify)}


# -- shared checks ------------------------------------------------------------------------------------------


def _bytes(value: object, name: str) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        return value.encode()
    raise InvalidArgumentError(f"verify_and_parse: {name} must be bytes or str, not {type(value).__name__}")


def _lower_headers(headers: object, vendor: str) -> dict[str, str]:
    """Header names lower-cased; InvalidArgumentError for something that is not headers, WebhookVerificationError
    when one name (in different cases) comes with different values."""
    # Anything with items(): a dict, httpx/Starlette/Django headers, http.server's email.message.Message.
    items_of = getattr(headers, "items", None)
    items = items_of() if callable(items_of) else headers
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise InvalidArgumentError(
            f"verify_and_parse: headers must be a mapping or (name, value) pairs, not {type(headers).__name__}"
        )
    lowered: dict[str, str] = {}
    for pair in items:
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(part, str) for part in pair)):
            raise InvalidArgumentError(f"verify_and_parse: a header must be a (name, value) pair of str, not {pair!r}")
        name, value = pair[0].lower(), pair[1]
        if lowered.get(name, value) != value:
            raise WebhookVerificationError(vendor, f"the {pair[0]} header is given twice, with different values")
        lowered[name] = value
    return lowered


def _json_object(vendor: str, body: bytes) -> dict[str, Any]:
    try:
        payload = parse_json(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookVerificationError(vendor, f"the body is not JSON: {clipped(repr(body[:200]))}") from exc
    if not isinstance(payload, dict):
        raise WebhookVerificationError(vendor, f"the body is JSON but not an object ({type(payload).__name__})")
    return payload


def _unix(value: object) -> dt.datetime | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        try:
            return dt.datetime.fromtimestamp(value, dt.UTC)
        except (OverflowError, ValueError, OSError):
            return None
    return None
