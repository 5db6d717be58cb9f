from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SingleFilter")


@_attrs_define
class SingleFilter:
    """
    Attributes:
        field (str): Known values: id, created_at, updated_at, title, description, category, ticket_type_id,
            contact_ids, teammate_ids, admin_assignee_id, team_assignee_id, open, state, snoozed_until,
            ticket_attribute.{id} [doc].
        operator (str): Known values: =, !=, IN, NIN, <, >, ~, !~, ^, $ (and <=, >= for created_at) [doc].
        value (bool | float | int | list[int | str] | None | str): The value; a list for IN and NIN; timestamps are Unix
            seconds [doc].
    """

    field: str
    operator: str
    value: bool | float | int | list[int | str] | None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        operator = self.operator

        value: bool | float | int | list[int | str] | None | str
        if isinstance(self.value, list):
            value = []
            for value_type_4_item_data in self.value:
                value_type_4_item: int | str
                value_type_4_item = value_type_4_item_data
                value.append(value_type_4_item)

        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "operator": operator,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field")

        operator = d.pop("operator")

        def _parse_value(
            data: object,
        ) -> bool | float | int | list[int | str] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_4 = []
                _value_type_4 = data
                for value_type_4_item_data in _value_type_4:

                    def _parse_value_type_4_item(data: object) -> int | str:
                        return cast(int | str, data)

                    value_type_4_item = _parse_value_type_4_item(value_type_4_item_data)

                    value_type_4.append(value_type_4_item)

                return value_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | int | list[int | str] | None | str, data)

        value = _parse_value(d.pop("value"))

        single_filter = cls(
            field=field,
            operator=operator,
            value=value,
        )

        single_filter.additional_properties = d
        return single_filter

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
