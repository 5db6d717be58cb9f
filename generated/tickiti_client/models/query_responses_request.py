from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryResponsesRequest")


@_attrs_define
class QueryResponsesRequest:
    """Every filter is optional [doc].

    Attributes:
        created_from (str | Unset): Earliest creation date or timestamp [doc]; format not captured [inferred].
        created_to (str | Unset): Latest creation date or timestamp [doc]; format not captured [inferred].
        is_internal (bool | Unset): Only internal notes (true) or only public replies (false).
        staff_response (bool | Unset): Only staff responses (true) or only customer ones (false).
        queue (str | Unset): A queue by name.
        queue_id (str | Unset): A queue by id (numeric string).
        ticket_number (list[str] | Unset): Only these tickets (6-digit numbers as strings) [doc].
        include_deleted (bool | Unset):
        fields (list[str] | Unset): Response fields to return [doc]; a list of field names [inferred].
        limit (int | Unset): Page size, at most 1000; the server uses 200 when absent [doc].
        cursor (ResponseCursor | Unset): Keyset position: the last row's `created_at` and `id` [doc]. Kept as the
            strings the server sent and
            sent back verbatim.
    """

    created_from: str | Unset = UNSET
    created_to: str | Unset = UNSET
    is_internal: bool | Unset = UNSET
    staff_response: bool | Unset = UNSET
    queue: str | Unset = UNSET
    queue_id: str | Unset = UNSET
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

        queue = self.queue

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

        queue = d.pop("queue", UNSET)

        queue_id = d.pop("queue_id", UNSET)

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
