from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketTypeList")


@_attrs_define
class TicketTypeList:
    """Ticket types: all of the workspace's (GET /ticket_types), or those a state belongs to (GET
    /ticket_states) [doc]. The list is under `ticket_types` in the 2.11 schema and under `data` in the
    2.11 examples, in 2.12+ and in the SDK's model [client: python-intercom 5.0.1 types/ticket_type_list.py]:
    both keys are accepted; expect exactly one of them. An item may be `null` at 2.16 (`ticket_type` is
    nullable there) [doc].

        Attributes:
            type_ (str): Known values: list, ticket_type.list [doc].
            data (list[None | TicketType] | Unset):
            ticket_types (list[None | TicketType] | Unset):
    """

    type_: str
    data: list[None | TicketType] | Unset = UNSET
    ticket_types: list[None | TicketType] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        data: list[dict[str, Any] | None] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item: dict[str, Any] | None
                if isinstance(data_item_data, TicketType):
                    data_item = data_item_data.to_dict()
                else:
                    data_item = data_item_data
                data.append(data_item)

        ticket_types: list[dict[str, Any] | None] | Unset = UNSET
        if not isinstance(self.ticket_types, Unset):
            ticket_types = []
            for ticket_types_item_data in self.ticket_types:
                ticket_types_item: dict[str, Any] | None
                if isinstance(ticket_types_item_data, TicketType):
                    ticket_types_item = ticket_types_item_data.to_dict()
                else:
                    ticket_types_item = ticket_types_item_data
                ticket_types.append(ticket_types_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if ticket_types is not UNSET:
            field_dict["ticket_types"] = ticket_types

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        _data = d.pop("data", UNSET)
        data: list[None | TicketType] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:

                def _parse_data_item(data: object) -> None | TicketType:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        data_item_type_0 = TicketType.from_dict(data)

                        return data_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | TicketType, data)

                data_item = _parse_data_item(data_item_data)

                data.append(data_item)

        _ticket_types = d.pop("ticket_types", UNSET)
        ticket_types: list[None | TicketType] | Unset = UNSET
        if _ticket_types is not UNSET:
            ticket_types = []
            for ticket_types_item_data in _ticket_types:

                def _parse_ticket_types_item(data: object) -> None | TicketType:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        ticket_types_item_type_0 = TicketType.from_dict(data)

                        return ticket_types_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | TicketType, data)

                ticket_types_item = _parse_ticket_types_item(ticket_types_item_data)

                ticket_types.append(ticket_types_item)

        ticket_type_list = cls(
            type_=type_,
            data=data,
            ticket_types=ticket_types,
        )

        ticket_type_list.additional_properties = d
        return ticket_type_list

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
from ..models.ticket_type import TicketType
