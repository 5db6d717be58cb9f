from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueryResponsesOkData")


@_attrs_define
class QueryResponsesOkData:
    """
    Attributes:
        responses (list[ResponseRow]):
        next_cursor (None | ResponseCursor): The cursor for the next page; null on the last page [client: tickiti-mcp
            src/tools/ticket-reads.ts].
    """

    responses: list[ResponseRow]
    next_cursor: None | ResponseCursor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        next_cursor: dict[str, Any] | None
        if isinstance(self.next_cursor, ResponseCursor):
            next_cursor = self.next_cursor.to_dict()
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "responses": responses,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = ResponseRow.from_dict(responses_item_data)

            responses.append(responses_item)

        def _parse_next_cursor(data: object) -> None | ResponseCursor:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_cursor_type_0 = ResponseCursor.from_dict(data)

                return next_cursor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseCursor, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        query_responses_ok_data = cls(
            responses=responses,
            next_cursor=next_cursor,
        )

        query_responses_ok_data.additional_properties = d
        return query_responses_ok_data

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
from ..models.response_row import ResponseRow
