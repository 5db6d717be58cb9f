from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryResponsesRequest")


@_attrs_define
class QueryResponsesRequest:
    """Every filter is optional [doc] [client: tickiti-mcp src/tools/ticket-reads.ts].

    Attributes:
        created_from (str | Unset): Responses created on or after: `YYYY-MM-DD` (from 00:00:00 UTC) or `YYYY-MM-DD
            HH:MM:SS`
            [client: tickiti-mcp src/tools/ticket-reads.ts].
        created_to (str | Unset): Responses created on or before: `YYYY-MM-DD` (to 23:59:59 UTC) or a full date and time
            [client: tickiti-mcp src/tools/ticket-reads.ts].
        is_internal (bool | Unset): Only internal notes (true) or only public replies (false); omit for either [client:
            tickiti-mcp src/tools/ticket-reads.ts].
        staff_response (bool | Unset): Only staff responses (true) or only customers' (false); omit for either [client:
            tickiti-mcp src/tools/ticket-reads.ts].
        queue (list[str] | Unset): Queue names [client: tickiti-mcp src/tools/ticket-reads.ts]; VENDORS.md had one
            string.
        queue_id (list[int] | Unset): Queue ids, as integers [client: tickiti-mcp src/tools/ticket-reads.ts]; VENDORS.md
            had one string.
        ticket_number (list[str] | Unset): Only these tickets, 6-digit numbers as strings [doc] [client: tickiti-mcp
            src/tools/ticket-reads.ts].
        include_deleted (bool | Unset): Include soft-deleted responses; false by default [client: tickiti-mcp
            src/tools/ticket-reads.ts].
        fields (list[str] | Unset): The heavy fields to include: leave one out and the server skips it; all three by
            default
            [client: tickiti-mcp src/tools/ticket-reads.ts]. Known values: html, plain_text, attachments.
        limit (int | Unset): Page size, at most 1000; 200 when absent [doc] [client: tickiti-mcp src/tools/ticket-
            reads.ts].
        cursor (ResponseCursor | Unset): Keyset position: the last row's `created_at` and `id`, as `data.next_cursor`
            gave it; `id` is an
            integer [client: tickiti-mcp src/tools/ticket-reads.ts, whose cursor input is `id: z.number().int()`].
            VENDORS.md had `id` as a string.
    """

    created_from: str | Unset = UNSET
    created_to: str | Unset = UNSET
    is_internal: bool | Unset = UNSET
    staff_response: bool | Unset = UNSET
    queue: list[str] | Unset = UNSET
    queue_id: list[int] | Unset = UNSET
    ticket_number: list[str] | Unset = UNSET
    include_deleted: bool | Unset = UNSET
    fields: list[str] | Unset = UNSET
    limit: int | Unset = UNSET
    cursor: ResponseCursor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_from = self.created_from

        created_to = self.created_to

        is_internal = self.is_internal

        staff_response = self.staff_response

        queue: list[str] | Unset = UNSET
        if not isinstance(self.queue, Unset):
            queue = self.queue

        queue_id: list[int] | Unset = UNSET
        if not isinstance(self.queue_id, Unset):
            queue_id = self.queue_id

        ticket_number: list[str] | Unset = UNSET
        if not isinstance(self.ticket_number, Unset):
            ticket_number = self.ticket_number

        include_deleted = self.include_deleted

        fields: list[str] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields

        limit = self.limit

        cursor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursor, Unset):
            cursor = self.cursor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_from is not UNSET:
            field_dict["created_from"] = created_from
        if created_to is not UNSET:
            field_dict["created_to"] = created_to
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if staff_response is not UNSET:
            field_dict["staff_response"] = staff_response
        if queue is not UNSET:
            field_dict["queue"] = queue
        if queue_id is not UNSET:
            field_dict["queue_id"] = queue_id
        if ticket_number is not UNSET:
            field_dict["ticket_number"] = ticket_number
        if include_deleted is not UNSET:
            field_dict["include_deleted"] = include_deleted
        if fields is not UNSET:
            field_dict["fields"] = fields
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_from = d.pop("created_from", UNSET)

        created_to = d.pop("created_to", UNSET)

        is_internal = d.pop("is_internal", UNSET)

        staff_response = d.pop("staff_response", UNSET)

        queue = cast(list[str], d.pop("queue", UNSET))

        queue_id = cast(list[int], d.pop("queue_id", UNSET))

        ticket_number = cast(list[str], d.pop("ticket_number", UNSET))

        include_deleted = d.pop("include_deleted", UNSET)

        fields = cast(list[str], d.pop("fields", UNSET))

        limit = d.pop("limit", UNSET)

        _cursor = d.pop("cursor", UNSET)
        cursor: ResponseCursor | Unset
        if isinstance(_cursor, Unset):
            cursor = UNSET
        else:
            cursor = ResponseCursor.from_dict(_cursor)

        query_responses_request = cls(
            created_from=created_from,
            created_to=created_to,
            is_internal=is_internal,
            staff_response=staff_response,
            queue=queue,
            queue_id=queue_id,
            ticket_number=ticket_number,
            include_deleted=include_deleted,
            fields=fields,
            limit=limit,
            cursor=cursor,
        )

        query_responses_request.additional_properties = d
        return query_responses_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Models this one refers to, imported after the class so that models referring to each other load.
from ..models.response_cursor import ResponseCursor
