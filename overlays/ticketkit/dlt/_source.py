"""A dlt source over a desk: tickets, comments and attachments in the unified schema, loaded incrementally.

The tables' columns come from the unified model's dataclasses (`ticketkit_models`, generated from
`specs/unified.yaml`): a scalar field is a column of its type, a nested object or list (parties, custom fields,
the vendor's `raw` record, a ticket's attachments) one `json` column, so nothing the vendor sent is lost and a
row reads like the unified JSON of `ticketkit.to_dict`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import logging
import types
import typing
from collections.abc import Iterator
from typing import Any

import dlt
from dlt.sources import DltResource, DltSource
from ticketkit_models import Attachment, Comment, Ticket

from .._desk import Desk
from .._export import to_dict

logger = logging.getLogger("ticketkit")

# Fields of the unified model that a table leaves out: a ticket's thread is the comments table.
_LEFT_OUT: dict[type[Any], frozenset[str]] = {
    Ticket: frozenset({"comments"}),
    Comment: frozenset(),
    Attachment: frozenset(),
}
# Columns a table adds to the unified fields: a comment names its ticket (the unified Comment does not), and
# comments and attachments name their vendor, so that several vendors can share a dataset (ids are per vendor).
_VENDOR = {"vendor": {"data_type": "text", "nullable": False}}
_ADDED: dict[type[Any], dict[str, dict[str, Any]]] = {
    Ticket: {},
    Comment: {**_VENDOR, "ticket_id": {"data_type": "text", "nullable": False}},
    Attachment: _VENDOR,
}


def _data_type(annotation: Any) -> tuple[str, bool]:
    """A dlt data type for a dataclass field's type, and whether None is allowed."""
    nullable = False
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(members) < len(typing.get_args(annotation))
        annotation = members[0] if len(members) == 1 else object
    if annotation is bool:
        return "bool", nullable
    if annotation is int:
        return "bigint", nullable
    if annotation is dt.datetime:
        return "timestamp", nullable
    if annotation is str or (isinstance(annotation, type) and issubclass(annotation, enum.Enum)):
        return "text", nullable
    return "json", nullable  # a Party, a dict, a list: one JSON column


def table_columns(model: type[Any]) -> dict[str, dict[str, Any]]:
    """The dlt column hints of the table holding `model` (Ticket, Comment or Attachment), from its fields."""
    hints = typing.get_type_hints(model)
    columns: dict[str, dict[str, Any]] = {}
    for field in dataclasses.fields(model):
        if field.name in _LEFT_OUT[model]:
            continue
        data_type, nullable = _data_type(hints[field.name])
        columns[field.name] = {"data_type": data_type, "nullable": nullable}
    columns.update(_ADDED[model])
    return columns


def _row(model: Ticket | Comment | Attachment, **added: Any) -> dict[str, Any]:
    """The unified JSON of `model`, its top-level timestamps kept as datetimes (dlt compares and loads them)."""
    row = to_dict(model)
    for name in _LEFT_OUT[type(model)]:
        row.pop(name, None)
    for field in dataclasses.fields(model):
        value = getattr(model, field.name)
        if isinstance(value, dt.datetime):
            row[field.name] = value.astimezone(dt.UTC)
    row.update(added)
    return row


def _since(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(str(value))


@dlt.source(name="ticketkit", max_table_nesting=0)
def ticketkit_source(
    desk: Desk,
    *,
    updated_since: dt.datetime | None = None,
    with_comments: bool = True,
    attachments: bool = False,
    page_size: int | None = None,
    concurrency: int | None = None,
) -> Iterator[DltResource]:
    """A dlt source of `desk`'s tickets (resources `tickets`, `comments` and `attachments`), incremental.

    - `tickets`: merged on (`vendor`, `id`); incremental on `updated_at`: each run lists with `updated_since=`
      the state of the last successful load (or `updated_since` on the first): a second run loads only what
      changed (and the few tickets tied at the last run's newest second, merged again).
    - `comments` (with_comments, where the vendor lists threads): each listed ticket's thread through
      `desk.comments.list_many`, at most `concurrency` at once under the desk's rate budget; merged on (`id`,
      `ticket_id`, `vendor`).
    - `attachments` (attachments=True): attachment metadata (never the bytes) of the tickets and, with
      with_comments, of their comments; merged on (`id`, `ticket_id`, `vendor`).

    Rows are the unified model as JSON (`ticketkit.to_dict`) with the vendor's record in the `raw` column.
    """
    initial = updated_since.astimezone(dt.UTC) if updated_since is not None else None

    @dlt.resource(
        name="tickets",
        write_disposition="merge",
        primary_key=("vendor", "id"),
        columns=table_columns(Ticket),
    )
    def tickets(
        updated_at: dlt.sources.incremental[dt.datetime] = dlt.sources.incremental(  # noqa: B008 (dlt's idiom)
            "updated_at",
            initial_value=initial,
            primary_key=(),  # rows tied at the last value are loaded again (merged), never dropped
            on_cursor_value_missing="include",
        ),
    ) -> Iterator[list[dict[str, Any]]]:
        state = dlt.current.resource_state()
        since = _since(updated_at.start_value)
        watermark = _since(state.get("watermark"))
        if since is not None and watermark is not None:
            since = min(since, watermark)  # the listing's own watermark: a write during the last run is not missed
        for page in desk.tickets.pages(updated_since=since, page_size=page_size):
            for rejected in page.rejected:
                logger.warning("sync: a %s ticket failed to parse (%s): skipped", desk.vendor, rejected.reason)
            if page.watermark is not None:
                state["watermark"] = page.watermark.isoformat()
            if page.items:
                yield [_row(ticket) for ticket in page.items]

    resources: list[DltResource] = [tickets]
    merge_key = ("vendor", "ticket_id", "id")
    vendor = desk.vendor

    def attachment_rows(rows: list[dict[str, Any]], **owner: str) -> Iterator[list[dict[str, Any]]]:
        """The attachments of the rows (tickets or comments), each naming its ticket (and comment)."""
        found = [
            {**item, "vendor": vendor, **{k: item.get(k) or row[v] for k, v in owner.items()}}
            for row in rows
            for item in row.get("attachments") or []
        ]
        if found:
            yield found

    if attachments:

        @dlt.transformer(
            name="attachments",
            data_from=tickets,
            table_name="attachments",
            write_disposition="merge",
            primary_key=merge_key,
            columns=table_columns(Attachment),
        )
        def ticket_attachments(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
            yield from attachment_rows(rows, ticket_id="id")

        resources.append(ticket_attachments)

    if with_comments and "comments.list" in desk.capabilities:  # Routera has no threads to read

        @dlt.transformer(
            name="comments",
            data_from=tickets,
            write_disposition="merge",
            primary_key=merge_key,
            columns=table_columns(Comment),
        )
        def comments(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
            ids = [str(row["id"]) for row in rows]
            found = [
                _row(comment, vendor=vendor, ticket_id=ticket_id)
                for ticket_id, thread in zip(ids, desk.comments.list_many(ids, concurrency=concurrency), strict=True)
                for comment in thread
            ]
            if found:
                yield found

        resources.append(comments)
        if attachments:

            @dlt.transformer(
                name="comment_attachments",
                data_from=comments,
                table_name="attachments",
                write_disposition="merge",
                primary_key=merge_key,
                columns=table_columns(Attachment),
            )
            def comment_attachments(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
                yield from attachment_rows(rows, ticket_id="ticket_id", comment_id="id")

            resources.append(comment_attachments)
    yield from resources


__all__ = ["DltSource", "table_columns", "ticketkit_source"]
