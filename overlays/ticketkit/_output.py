"""How the `ticketkit` command shows things: aligned tables for people, JSON for programs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from ticketkit_models import Comment, Ticket

from ._export import to_dict


def table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """Rows as aligned columns; the first row is the header, underlined."""
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(), file=out)
        if n == 0:
            print("  ".join("-" * width for width in widths), file=out)


def when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def short(text: str | None, width: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


TICKET_HEADER = ("vendor", "id", "status", "priority", "updated", "subject")


def ticket_row(ticket: Ticket) -> tuple[str, ...]:
    return (
        ticket.vendor,
        ticket.id,
        ticket.status.value,
        ticket.priority.value,
        when(ticket.updated_at or ticket.created_at),
        short(ticket.subject),
    )


def show_tickets(tickets: Iterable[Ticket], out: TextIO, as_json: bool) -> int:
    """Print tickets (JSON lines with --json); returns how many."""
    count = 0
    rows: list[tuple[str, ...]] = [TICKET_HEADER]
    for ticket in tickets:
        count += 1
        if as_json:
            print(json.dumps(to_dict(ticket), ensure_ascii=False), file=out)
        else:
            rows.append(ticket_row(ticket))
    if not as_json:
        table(rows, out)
    return count


def show_ticket(ticket: Ticket, out: TextIO, as_json: bool) -> None:
    if as_json:
        print(json.dumps(to_dict(ticket), ensure_ascii=False, indent=2), file=out)
        return
    fields = [
        ("vendor", ticket.vendor),
        ("id", ticket.id),
        ("number", ticket.number or ""),
        ("subject", ticket.subject or ""),
        (
            "status",
            f"{ticket.status.value} ({ticket.status_raw})" if ticket.status_raw else ticket.status.value,
        ),
        ("priority", ticket.priority.value),
        ("requester", _party(ticket.requester)),
        ("assignee", _party(ticket.assignee)),
        ("created", when(ticket.created_at)),
        ("updated", when(ticket.updated_at)),
    ]
    width = max(len(name) for name, _ in fields)
    for name, value in fields:
        print(f"{name.ljust(width)}  {value}", file=out)
    if ticket.description:
        print(f"\n{ticket.description}", file=out)
    for comment in ticket.comments or []:
        show_comment(comment, out, as_json=False)
    for attachment in ticket.attachments:
        size = f" ({attachment.size} bytes)" if attachment.size is not None else ""
        print(f"\n[attachment] {attachment.name}{size}", file=out)


def show_comment(comment: Comment, out: TextIO, as_json: bool) -> None:
    if as_json:
        print(json.dumps(to_dict(comment), ensure_ascii=False, indent=2), file=out)
        return
    note = " (internal)" if comment.internal else ""
    print(f"\n--- {_party(comment.author) or 'unknown'}{note}, {when(comment.created_at)}", file=out)
    print(comment.body_text or "", file=out)


def _party(party: Any) -> str:
    if party is None:
        return ""
    return str(party.name or party.email or party.id or party.kind.value)
