from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpdatedAttributeData")


@_attrs_define
class UpdatedAttributeData:
    """An attribute change (2.16) [doc].

    Attributes:
        attribute (UpdatedAttributeDataAttribute):
        value (UpdatedAttributeDataValue):
    """

    attribute: UpdatedAttributeDataAttribute
    value: UpdatedAttributeDataValue
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attribute = self.attribute.to_dict()

        value = self.value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attribute": attribute,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attribute = UpdatedAttributeDataAttribute.from_dict(d.pop("attribute"))

        value = UpdatedAttributeDataValue.from_dict(d.pop("value"))

        updated_attribute_data = cls(
            attribute=attribute,
            value=value,
        )

        updated_attribute_data.additional_properties = d
        return updated_attribute_data

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
from ..models.updated_attribute_data_attribute import UpdatedAttributeDataAttribute
from ..models.updated_attribute_data_value import UpdatedAttributeDataValue
