from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketTypeAttributeList")


@_attrs_define
class TicketTypeAttributeList:
    """The type's attributes. The 2.11 schema puts them under `ticket_type_attributes`
    (`type: ticket_type_attributes.list`); every 2.11 and 2.16 example uses `data` (`type: list`).
    Both keys are accepted [doc].

        Attributes:
            type_ (str): Known values: list, ticket_type_attributes.list [doc].
            data (list[TicketTypeAttribute] | Unset):
            ticket_type_attributes (list[TicketTypeAttribute] | Unset):
    """

    type_: str
    data: list[TicketTypeAttribute] | Unset = UNSET
    ticket_type_attributes: list[TicketTypeAttribute] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        ticket_type_attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ticket_type_attributes, Unset):
            ticket_type_attributes = []
            for ticket_type_attributes_item_data in self.ticket_type_attributes:
                ticket_type_attributes_item = ticket_type_attributes_item_data.to_dict()
                ticket_type_attributes.append(ticket_type_attributes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if ticket_type_attributes is not UNSET:
            field_dict["ticket_type_attributes"] = ticket_type_attributes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        _data = d.pop("data", UNSET)
        data: list[TicketTypeAttribute] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:
                data_item = TicketTypeAttribute.from_dict(data_item_data)

                data.append(data_item)

        _ticket_type_attributes = d.pop("ticket_type_attributes", UNSET)
        ticket_type_attributes: list[TicketTypeAttribute] | Unset = UNSET
        if _ticket_type_attributes is not UNSET:
            ticket_type_attributes = []
            for ticket_type_attributes_item_data in _ticket_type_attributes:
                ticket_type_attributes_item = TicketTypeAttribute.from_dict(
                    ticket_type_attributes_item_data
                )

                ticket_type_attributes.append(ticket_type_attributes_item)

        ticket_type_attribute_list = cls(
            type_=type_,
            data=data,
            ticket_type_attributes=ticket_type_attributes,
        )

        ticket_type_attribute_list.additional_properties = d
        return ticket_type_attribute_list

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
from ..models.ticket_type_attribute import TicketTypeAttribute
