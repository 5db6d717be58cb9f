"""The two writes: reading a create or respond request (every rule, Laravel's messages) and applying it.

The rules are the ones Tickiti's own client states [client: tickiti-mcp src/tools/tickets.ts, which mirrors
ApiController::create_ticket / ::ticket_respond]: create takes EXACTLY ONE of subject+content,
template_identifier+data, or intervention+data+uid, the Inbox when no queue is named, no queue_name with an
intervention; respond needs content unless a status is given, `on-hold` needs `on_hold_until`, and posting
without a status reopens a ticket that is not open. Data-URI images become `cid:` attachments
[client: tickiti-mcp src/attachments.ts]. Create refuses keys it does not know: the client validates its own
inputs and sends none, and issue 11 reports accepting them as a mismatch [inferred beyond that]. The
messages' wording is Laravel's.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from . import install
from ._validation import Rules
from .inline_images import BrokenImage, InlineImage, extract_images
from .models import Response, Store, Ticket

CREATE_KEYS = frozenset(
    {
        "originator_email_address",
        "data",
        "template_identifier",
        "intervention",
        "uid",
        "queue_name",
        "is_public",
        "use_passed_originator_as_responder",
    }
)
STATUSES = ("open", "on-hold")


@dataclass(frozen=True)
class ResponseBody:
    """An HTML body with its data-URI images taken out (as `cid:` references) and kept beside it."""

    html: str
    images: tuple[InlineImage, ...] = ()


@dataclass(frozen=True)
class NewTicket:
    originator: str
    subject: str
    body: ResponseBody
    queue_id: int
    is_public: bool
    originator_responds: bool
    intervention_uid: str | None


@dataclass(frozen=True)
class NewResponse:
    ticket_number: str
    author: str
    body: ResponseBody
    is_internal: bool
    status: str | None
    on_hold_until: dt.date | None


# -- create ----------------------------------------------------------------------------------------------


def read_new_ticket(rules: Rules) -> NewTicket | None:
    """The ticket a create request asks for; None when `rules` has failures (the caller refuses them)."""
    rules.only(CREATE_KEYS)
    originator = rules.email("originator_email_address", required=True)
    data = rules.object("data")
    is_public = rules.boolean("is_public")
    originator_responds = rules.boolean("use_passed_originator_as_responder")
    queue_id = _queue(rules)
    written = _one_mode(rules, data or {})
    if rules.errors or originator is None or written is None:
        return None
    subject, body, uid = written
    return NewTicket(
        originator=originator,
        subject=subject,
        body=body,
        queue_id=queue_id,
        is_public=True if is_public is None else is_public,
        originator_responds=bool(originator_responds),
        intervention_uid=uid,
    )


def _queue(rules: Rules) -> int:
    """The queue: `queue_name` picks it, `data.queue_name` must exist too; the Inbox when neither is given."""
    chosen = install.INBOX
    for field in ("data.queue_name", "queue_name"):
        name = rules.string(field)
        if name is None:
            continue
        found = install.named(install.QUEUES, name)
        if found is None:
            rules.fail(field, f"The selected {_label(field)} is invalid.")
        elif field == "queue_name":
            chosen = found
    return chosen


# Each mode and the key that names it.
_MODE_KEYS = {"subject": "data.subject", "template": "template_identifier", "intervention": "intervention"}


def _one_mode(rules: Rules, data: dict[str, Any]) -> tuple[str, ResponseBody, str | None] | None:
    """Subject, body and intervention uid of the one mode the request uses; refuses none or several."""
    present = [
        mode
        for mode, there in (
            ("subject", "subject" in data or "content" in data),
            ("template", "template_identifier" in rules.body),
            ("intervention", "intervention" in rules.body),
        )
        if there
    ]
    if not present:
        message = "The data.subject field is required when none of template identifier / intervention are present."
        rules.fail("data.subject", message)
        return None
    first, *others = present
    for other in others:
        key, other_key = _MODE_KEYS[first], _MODE_KEYS[other]
        rules.fail(key, f"The {_label(key)} field prohibits {_label(other_key)} from being present.")
    if others:
        return None
    if first == "subject":
        return _subject_mode(rules)
    return _template_mode(rules, data, intervention=first == "intervention")


def _subject_mode(rules: Rules) -> tuple[str, ResponseBody, None] | None:
    """Subject and content go together; each is required when the other is there."""
    data = rules.body["data"]
    subject = rules.string("data.subject")
    content = rules.string("data.content")
    for key, value, other in (("subject", subject, "content"), ("content", content, "subject")):
        # A value of the wrong type already has its message.
        if not (value and value.strip()) and isinstance(data.get(key, ""), str):
            rules.fail(f"data.{key}", f"The data.{key} field is required when data.{other} is present.")
    if not (subject and subject.strip() and content and content.strip()):
        return None
    body = read_body(rules, "data.content", content)
    return None if body is None else (subject, body, None)


def _template_mode(
    rules: Rules, data: dict[str, Any], *, intervention: bool
) -> tuple[str, ResponseBody, str | None] | None:
    field = "intervention" if intervention else "template_identifier"
    name = rules.string(field, required=True)
    catalog = install.INTERVENTIONS if intervention else install.TEMPLATES
    template = catalog.get(name) if name is not None else None
    if name is not None and template is None:
        rules.fail(field, f"The selected {_label(field)} is invalid.")
    if "data" not in rules.body:
        rules.fail("data", f"The data field is required when {_label(field)} is present.")
    uid = None
    if intervention:
        uid = rules.string("uid", required=True)
        if "queue_name" in rules.body:
            rules.fail("queue_name", "The queue name field is prohibited when intervention is present.")
    if template is None or rules.errors:
        return None
    escaped = {key: html.escape(str(value)) for key, value in data.items()}
    body = read_body(rules, "data", install.fill(template.content, escaped))
    return (install.fill(template.subject, data), body, uid) if body is not None else None


def open_ticket(store: Store, new: NewTicket, at: dt.datetime) -> Ticket:
    """The ticket, its first response (by the originator when asked, else the token's user) and its images."""
    ticket = store.open_ticket(subject=new.subject, originator_email=new.originator, queue_id=new.queue_id, at=at)
    ticket.is_public = new.is_public
    ticket.intervention_uid = new.intervention_uid
    author = new.originator if new.originator_responds else install.AGENT_EMAIL
    _store_response(store, ticket, author, new.body, at, is_internal=False)
    return ticket


# -- respond ---------------------------------------------------------------------------------------------


def read_new_response(rules: Rules) -> NewResponse | None:
    """The response a respond request asks for; None when `rules` has failures."""
    number = rules.string("ticket_number", required=True)
    author = rules.email("from_email", required=True)
    content = rules.string("content")
    is_internal = rules.boolean("is_internal") or False
    status = rules.choice("status", STATUSES)
    until = rules.date("on_hold_until")
    if "status" not in rules.body and (content is None or not content.strip()):
        rules.fail("content", "The content field is required when status is not present.")
    if status == "on-hold" and "on_hold_until" not in rules.body:
        rules.fail("on_hold_until", "The on hold until field is required when status is on-hold.")
    if until is not None and status != "on-hold":
        rules.fail("on_hold_until", "The on hold until field is prohibited unless status is on-hold.")
    if is_internal and author is not None and author not in install.STAFF:
        # [inferred]: an internal note is staff-only; a customer cannot write one.
        rules.fail("is_internal", "Only staff can add internal notes.")
    body = read_body(rules, "content", content or "")
    if rules.errors or number is None or author is None or body is None:
        return None
    return NewResponse(number, author, body, is_internal, status, until)


def add_response(store: Store, ticket: Ticket, new: NewResponse, at: dt.datetime) -> tuple[Response, bool]:
    """The stored response (its author joins the participants) and whether the ticket was reopened."""
    response = _store_response(store, ticket, new.author, new.body, at, is_internal=new.is_internal)
    if new.status == "on-hold":
        ticket.hold(new.on_hold_until)
        return response, False
    # `open`, or no status at all: posting reopens a ticket that is not open.
    return response, ticket.reopen()


# -- shared ----------------------------------------------------------------------------------------------


def read_body(rules: Rules, field: str, markup: str) -> ResponseBody | None:
    """`markup` with its data-URI images taken out; a broken one fails `field`."""
    try:
        stored, images = extract_images(markup)
    except BrokenImage as exc:
        rules.fail(field, f"The {_label(field)} field has an {exc}.")
        return None
    return ResponseBody(stored, tuple(images))


def _store_response(
    store: Store, ticket: Ticket, author: str, body: ResponseBody, at: dt.datetime, *, is_internal: bool
) -> Response:
    response = store.add_response(ticket, author=author, html=body.html, at=at, is_internal=is_internal)
    for image in body.images:
        store.attach(response, image.name, image.mime_type, image.content, is_inline=True)
    return response


def _label(field: str) -> str:
    return field.replace("_", " ")
