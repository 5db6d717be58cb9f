from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LinkedObjectList")


@_attrs_define
class LinkedObjectList:
    """Linked conversations and tickets, up to 1000 [doc].

    Attributes:
        type_ (str): Always `list` [doc].
        total_count (int):
        has_more (bool):
        data (list[LinkedObject]):
    """

    type_: str
    total_count: int
    has_more: bool
    data: list[LinkedObject]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        total_count = self.total_count

        has_more = self.has_more

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "total_count": total_count,
                "has_more": has_more,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        total_count = d.pop("total_count")

        has_more = d.pop("has_more")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = LinkedObject.from_dict(data_item_data)

            data.append(data_item)

        linked_object_list = cls(
            type_=type_,
            total_count=total_count,
            has_more=has_more,
            data=data,
        )

        linked_object_list.additional_properties = d
        return linked_object_list

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
from ..models.linked_object import LinkedObject
