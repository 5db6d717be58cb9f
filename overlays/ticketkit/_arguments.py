"""Checks and conversions of the desks' arguments, shared by the sync and async desks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ticketkit_models import Attachment, TicketStatus

from ._adapter import Adapter, CommentDraft, ListQuery, TicketChanges, TicketDraft
from ._errors import InvalidArgumentError


def ticket_id(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"a ticket id must be a non-empty string, not {value!r}")
    return value


def status(value: object) -> TicketStatus | None:
    if value is None or isinstance(value, TicketStatus):
        return value
    if isinstance(value, str):
        try:
            return TicketStatus(value.lower())
        except ValueError:
            pass
    known = ", ".join(s.value for s in TicketStatus if s is not TicketStatus.UNKNOWN)
    raise InvalidArgumentError(f"status must be a TicketStatus or one of {known}; got {value!r}")


def text(name: str, value: object, *, required: bool) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidArgumentError(f"{name} must be a non-empty string, not {value!r}")
    return value


def list_query(adapter: Adapter, status_: object, page_size: object, options: Mapping[str, Any]) -> ListQuery:
    adapter.check_options("tickets.list", options, adapter.list_options)
    if page_size is not None and (not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 1):
        raise InvalidArgumentError(f"page_size must be a positive integer, not {page_size!r}")
    return ListQuery(status=status(status_), page_size=page_size, options=dict(options))


def limit(value: object) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise InvalidArgumentError(f"limit must be a non-negative integer, not {value!r}")
    return value


def ticket_draft(
    adapter: Adapter,
    subject: object,
    description: object,
    requester_email: object,
    options: Mapping[str, Any],
) -> TicketDraft:
    adapter.check_options("tickets.create", options, adapter.create_options)
    return TicketDraft(
        subject=text("subject", subject, required=True) or "",
        description=text("description", description, required=False),
        requester_email=text("requester_email", requester_email, required=False),
        options=dict(options),
    )


def ticket_changes(
    adapter: Adapter, status_: object, subject: object, description: object, options: Mapping[str, Any]
) -> TicketChanges:
    adapter.check_options("tickets.update", options, adapter.update_options)
    changes = TicketChanges(
        status=status(status_),
        subject=text("subject", subject, required=False),
        description=text("description", description, required=False),
        options=dict(options),
    )
    if changes == TicketChanges():
        raise InvalidArgumentError("tickets.update needs at least one change")
    return changes


def comment_draft(adapter: Adapter, body: object, internal: object, options: Mapping[str, Any]) -> CommentDraft:
    adapter.check_options("comments.create", options, adapter.comment_options)
    if not isinstance(internal, bool):
        raise InvalidArgumentError(f"internal must be True or False, not {internal!r}")
    return CommentDraft(body=text("body", body, required=True) or "", internal=internal, options=dict(options))


def attachment(value: object) -> Attachment:
    if not isinstance(value, Attachment):
        raise InvalidArgumentError(f"download takes an Attachment from a Ticket or Comment, not {value!r}")
    return value
