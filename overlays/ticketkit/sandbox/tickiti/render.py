"""The JSON bodies of Tickiti's answers, shaped as specs/tickiti.yaml declares them: ids as strings, a ticket's
number as an integer, timestamps with an offset [doc]; a responses cursor's id as an integer [client]."""

from __future__ import annotations

from typing import Any

from .._synthetic import CORRUPT_DATE
from .models import Attachment, Response, Ticket, formatted_size, stamp

Body = dict[str, Any]


def ok(data: Any) -> Body:
    return {"ok": True, "data": data}


def failure(code: str, message: str, errors: dict[str, list[str]] | None = None) -> Body:
    """A failure: the `message` Tickiti's client reads (and `errors` on validation) [client: tickiti-mcp
    src/client.ts]; the documented code as `error` and `ok: false` beside them [inferred]."""
    body: Body = {"ok": False, "error": code, "message": message}
    if errors is not None:
        body["errors"] = errors
    return body


def ticket_json(ticket: Ticket) -> Body:
    return {
        "id": str(ticket.id),
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": str(ticket.priority),
        "queue_id": str(ticket.queue_id),
        "originator_email": ticket.originator_email,
        "assigned_to_email": ticket.assigned_to_email,
        "resolved": stamp(ticket.resolved) if ticket.resolved else None,
        "on_hold_until": ticket.on_hold_until.isoformat() if ticket.on_hold_until else None,
        # `Sandbox(corrupt_tickets=...)`: a vendor bug, on purpose.
        "created_at": CORRUPT_DATE if getattr(ticket, "corrupt", False) else stamp(ticket.created_at),
        "updated_at": stamp(ticket.updated_at),
    }


def attachment_meta(attachment: Attachment) -> Body:
    return {
        "id": str(attachment.id),
        "response_id": str(attachment.response_id),
        "name": attachment.name,
        "is_inline": attachment.is_inline,
        "sha256": attachment.sha256,
        "file_size": attachment.size,
        "file_size_formatted": formatted_size(attachment.size),
        "extension_rule": attachment.extension_rule,
    }


def response_json(response: Response) -> Body:
    return {
        "id": str(response.id),
        "is_internal": response.is_internal,
        "is_pinned": response.is_pinned,
        "staff_response": response.staff_response,
        "created_by_email": response.created_by_email,
        "created_at": stamp(response.created_at),
        "updated_at": stamp(response.created_at),
        "is_email_sourced": response.is_email_sourced,
        "html": response.html,
        "plain_text": response.plain_text,
        "attachments": [attachment_meta(a) for a in response.attachments],
    }


def attachment_content(attachment: Attachment) -> Body:
    return {
        "id": str(attachment.id),
        "response_id": str(attachment.response_id),
        "name": attachment.name,
        "mime_type": attachment.mime_type,
        "sha256": attachment.sha256,
        "file_size": attachment.size,
        "is_inline": attachment.is_inline,
        "content_base64": attachment.content_base64,
    }


def cursor_of(response: Response) -> Body:
    return {"created_at": stamp(response.created_at), "id": response.id}


def named_items(names: dict[int, str]) -> list[Body]:
    """Perspectives or queues: `{id, name}`, ids as strings like every Tickiti id."""
    return [{"id": str(key), "name": name} for key, name in names.items()]
