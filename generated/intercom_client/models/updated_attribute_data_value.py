from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpdatedAttributeDataValue")


@_attrs_define
class UpdatedAttributeDataValue:
    """
    Attributes:
        type_ (str): Always `value` [doc].
        id (list[int] | None | str): The new value or list option id; a list of file ids for file attributes [doc].
        label (list[str] | str): The displayed value; a list of file names for file attributes [doc].
    """

    type_: str
    id: list[int] | None | str
    label: list[str] | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id: list[int] | None | str
        if isinstance(self.id, list):
            id = self.id

        else:
            id = self.id

        label: list[str] | str
        if isinstance(self.label, list):
            label = self.label

        else:
            label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_id(data: object) -> list[int] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                id_type_1 = cast(list[int], data)

                return id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | str, data)

        id = _parse_id(d.pop("id"))

        def _parse_label(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                label_type_1 = cast(list[str], data)

                return label_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        label = _parse_label(d.pop("label"))

        updated_attribute_data_value = cls(
            type_=type_,
            id=id,
            label=label,
        )

        updated_attribute_data_value.additional_properties = d
        return updated_attribute_data_value

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
