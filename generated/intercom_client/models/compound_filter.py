from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.compound_filter_operator import CompoundFilterOperator

T = TypeVar("T", bound="CompoundFilter")


@_attrs_define
class CompoundFilter:
    """
    Attributes:
        operator (CompoundFilterOperator): How the filters combine [doc].
        value (list[CompoundFilter | SingleFilter]): Filters or nested groups; at most 2 levels and 15 filters per group
            [doc].
    """

    operator: CompoundFilterOperator
    value: list[CompoundFilter | SingleFilter]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operator = self.operator.value

        value = []
        for value_item_data in self.value:
            value_item: dict[str, Any]
            if isinstance(value_item_data, SingleFilter):
                value_item = value_item_data.to_dict()
            else:
                value_item = value_item_data.to_dict()

            value.append(value_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operator": operator,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        operator = CompoundFilterOperator(d.pop("operator"))

        value = []
        _value = d.pop("value")
        for value_item_data in _value:

            def _parse_value_item(data: object) -> CompoundFilter | SingleFilter:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    value_item_type_0 = SingleFilter.from_dict(data)

                    return value_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                value_item_type_1 = CompoundFilter.from_dict(data)

                return value_item_type_1

            value_item = _parse_value_item(value_item_data)

            value.append(value_item)

        compound_filter = cls(
            operator=operator,
            value=value,
        )

        compound_filter.additional_properties = d
        return compound_filter

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
from ..models.single_filter import SingleFilter
