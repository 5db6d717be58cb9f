"""Checks and conversions of the desks' arguments, shared by the sync and async desks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from ticketkit_models import Attachment, TicketStatus

from ._adapter import Adapter, CommentDraft, ListQuery, TicketChanges, TicketDraft
from ._errors import InvalidArgumentError

# C0 and C1 control characters and DEL: never part of an id, a header or a URL a caller means.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DOT_SEGMENTS = frozenset({"", ".", ".."})


def path_id_problem(value: str) -> str | None:
    """Why `value` cannot be an id inside a URL path segment, or None when it can.

    The one rule for every id a request puts into a path, given by the caller or by a server. httpx removes
    `.` and `..` segments after the generated operations have quoted the id (quoting leaves dots alone), so
    `tickets.close("..")` would go to the API root; an empty id leaves its segment empty. What normalises to
    one of those (`" .. "`, the fullwidth `"\\uff0e\\uff0e"`) is refused as well, and so are control characters.
    """
    if _CONTROL.search(value):
        return "contains control characters"
    if unicodedata.normalize("NFKC", value).strip() in DOT_SEGMENTS:
        return "is empty, '.' or '..' (it would not stay inside its path segment)"
    return None


def ticket_id(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InvalidArgumentError(f"a ticket id must be a non-empty string, not {value!r}")
    problem = path_id_problem(value)
    if problem:
        raise InvalidArgumentError(f"ticket id {value!r} {problem}")
    return value


def request_path(where: str, path: str) -> None:
    """Refuse a request path (a spec's template, ids filled in) with a segment that is not a proper id.

    The templates themselves have none, so such a segment is an id, caller-given or server-given (an
    attachment id from a ticket), that the generated operation put in as it was.
    """
    for segment in path.split("?", 1)[0].split("/")[1:]:
        problem = path_id_problem(unquote(segment))
        if problem:
            raise InvalidArgumentError(f"{where}: an id in the request path {problem}; nothing was sent")


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
