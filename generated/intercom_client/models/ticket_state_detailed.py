from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketStateDetailed")


@_attrs_define
class TicketStateDetailed:
    """A ticket state with the ticket types it belongs to [doc: 2.16 ticket_state_detailed; client:
    python-intercom 5.0.1 tickets/types/ticket_state_detailed.py]. The 2.16 schema requires none of its
    keys; `id` and `category` are in every example.

        Attributes:
            type_ (str | Unset): Always `ticket_state` [doc].
            id (str | Unset): What an update sends as `ticket_state_id` [doc].
            category (str | Unset): Known values: submitted, in_progress, waiting_on_customer, resolved [doc].
            internal_label (str | Unset): The state as teammates see it [doc].
            external_label (str | Unset): The state as customers see it [doc].
            archived (bool | Unset): An archived state is still listed [doc].
            ticket_types (TicketTypeList | Unset): Ticket types: all of the workspace's (GET /ticket_types), or those a
                state belongs to (GET
                /ticket_states) [doc]. The list is under `ticket_types` in the 2.11 schema and under `data` in the
                2.11 examples, in 2.12+ and in the SDK's model [client: python-intercom 5.0.1 types/ticket_type_list.py]:
                both keys are accepted; expect exactly one of them. An item may be `null` at 2.16 (`ticket_type` is
                nullable there) [doc].
    """

    type_: str | Unset = UNSET
    id: str | Unset = UNSET
    category: str | Unset = UNSET
    internal_label: str | Unset = UNSET
    external_label: str | Unset = UNSET
    archived: bool | Unset = UNSET
    ticket_types: TicketTypeList | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        category = self.category

        internal_label = self.internal_label

        external_label = self.external_label

        archived = self.archived

        ticket_types: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_types, Unset):
            ticket_types = self.ticket_types.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        if category is not UNSET:
            field_dict["category"] = category
        if internal_label is not UNSET:
            field_dict["internal_label"] = internal_label
        if external_label is not UNSET:
            field_dict["external_label"] = external_label
        if archived is not UNSET:
            field_dict["archived"] = archived
        if ticket_types is not UNSET:
            field_dict["ticket_types"] = ticket_types

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        id = d.pop("id", UNSET)

        category = d.pop("category", UNSET)

        internal_label = d.pop("internal_label", UNSET)

        external_label = d.pop("external_label", UNSET)

        archived = d.pop("archived", UNSET)

        _ticket_types = d.pop("ticket_types", UNSET)
        ticket_types: TicketTypeList | Unset
        if isinstance(_ticket_types, Unset):
            ticket_types = UNSET
        else:
            ticket_types = TicketTypeList.from_dict(_ticket_types)

        ticket_state_detailed = cls(
            type_=type_,
            id=id,
            category=category,
            internal_label=internal_label,
            external_label=external_label,
            archived=archived,
            ticket_types=ticket_types,
        )

        ticket_state_detailed.additional_properties = d
        return ticket_state_detailed

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
from ..models.ticket_type_list import TicketTypeList
