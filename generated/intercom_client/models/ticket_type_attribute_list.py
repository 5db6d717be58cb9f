from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketTypeAttributeList")


@_attrs_define
class TicketTypeAttributeList:
    """The type's attributes. The 2.11 and 2.16 schemas put them under `ticket_type_attributes`
    (`type: ticket_type_attributes.list`), and so does the official SDK's model [client: python-intercom
    5.0.1 types/ticket_type_attribute_list.py], which reads no other key; every 2.11 and 2.16 example uses
    `data` (`type: list`). Both keys are accepted; an item may be `null` at 2.16
    (`ticket_type_attribute` is nullable there) [doc].

        Attributes:
            type_ (str): Known values: ticket_type_attributes.list, list [doc].
            ticket_type_attributes (list[None | TicketTypeAttribute] | Unset):
            data (list[None | TicketTypeAttribute] | Unset):
    """

    type_: str
    ticket_type_attributes: list[None | TicketTypeAttribute] | Unset = UNSET
    data: list[None | TicketTypeAttribute] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        ticket_type_attributes: list[dict[str, Any] | None] | Unset = UNSET
        if not isinstance(self.ticket_type_attributes, Unset):
            ticket_type_attributes = []
            for ticket_type_attributes_item_data in self.ticket_type_attributes:
                ticket_type_attributes_item: dict[str, Any] | None
                if isinstance(ticket_type_attributes_item_data, TicketTypeAttribute):
                    ticket_type_attributes_item = (
                        ticket_type_attributes_item_data.to_dict()
                    )
                else:
                    ticket_type_attributes_item = ticket_type_attributes_item_data
                ticket_type_attributes.append(ticket_type_attributes_item)

        data: list[dict[str, Any] | None] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item: dict[str, Any] | None
                if isinstance(data_item_data, TicketTypeAttribute):
                    data_item = data_item_data.to_dict()
                else:
                    data_item = data_item_data
                data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if ticket_type_attributes is not UNSET:
            field_dict["ticket_type_attributes"] = ticket_type_attributes
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        _ticket_type_attributes = d.pop("ticket_type_attributes", UNSET)
        ticket_type_attributes: list[None | TicketTypeAttribute] | Unset = UNSET
        if _ticket_type_attributes is not UNSET:
            ticket_type_attributes = []
            for ticket_type_attributes_item_data in _ticket_type_attributes:

                def _parse_ticket_type_attributes_item(
                    data: object,
                ) -> None | TicketTypeAttribute:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        ticket_type_attributes_item_type_0 = (
                            TicketTypeAttribute.from_dict(data)
                        )

                        return ticket_type_attributes_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | TicketTypeAttribute, data)

                ticket_type_attributes_item = _parse_ticket_type_attributes_item(
                    ticket_type_attributes_item_data
                )

                ticket_type_attributes.append(ticket_type_attributes_item)

        _data = d.pop("data", UNSET)
        data: list[None | TicketTypeAttribute] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:

                def _parse_data_item(data: object) -> None | TicketTypeAttribute:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        data_item_type_0 = TicketTypeAttribute.from_dict(data)

                        return data_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | TicketTypeAttribute, data)

                data_item = _parse_data_item(data_item_data)

                data.append(data_item)

        ticket_type_attribute_list = cls(
            type_=type_,
            ticket_type_attributes=ticket_type_attributes,
            data=data,
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
