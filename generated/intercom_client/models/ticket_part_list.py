from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketPartList")


@_attrs_define
class TicketPartList:
    """The ticket's parts (notes, comments, events), up to 500 [doc]. The 2.11 schema requires
    `ticket_parts` and `total_count`; the sample in intercom-retrieve-ticket.txt has no `ticket_parts`,
    so only `type` is required here.

        Attributes:
            type_ (str): Always `ticket_part.list` [doc].
            ticket_parts (list[TicketPart] | Unset):
            total_count (int | Unset):
    """

    type_: str
    ticket_parts: list[TicketPart] | Unset = UNSET
    total_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        ticket_parts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ticket_parts, Unset):
            ticket_parts = []
            for ticket_parts_item_data in self.ticket_parts:
                ticket_parts_item = ticket_parts_item_data.to_dict()
                ticket_parts.append(ticket_parts_item)

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if ticket_parts is not UNSET:
            field_dict["ticket_parts"] = ticket_parts
        if total_count is not UNSET:
            field_dict["total_count"] = total_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        _ticket_parts = d.pop("ticket_parts", UNSET)
        ticket_parts: list[TicketPart] | Unset = UNSET
        if _ticket_parts is not UNSET:
            ticket_parts = []
            for ticket_parts_item_data in _ticket_parts:
                ticket_parts_item = TicketPart.from_dict(ticket_parts_item_data)

                ticket_parts.append(ticket_parts_item)

        total_count = d.pop("total_count", UNSET)

        ticket_part_list = cls(
            type_=type_,
            ticket_parts=ticket_parts,
            total_count=total_count,
        )

        ticket_part_list.additional_properties = d
        return ticket_part_list

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
from ..models.ticket_part import TicketPart
