from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketType")


@_attrs_define
class TicketType:
    """A ticket type [doc]. The 2.11 schema requires `ticket_type_attributes`, but the ticket type inside
    the sample of intercom-retrieve-ticket.txt has none: optional here.

        Attributes:
            type_ (str): Always `ticket_type` [doc].
            id (str):
            category (str): Known values: Customer, Back-office, Tracker [doc].
            name (str):
            description (str):
            icon (str): An emoji [doc].
            workspace_id (str):
            archived (bool):
            created_at (int): Unix seconds [doc].
            ticket_type_attributes (TicketTypeAttributeList | Unset): The type's attributes. The 2.11 schema puts them under
                `ticket_type_attributes`
                (`type: ticket_type_attributes.list`); every 2.11 and 2.16 example uses `data` (`type: list`).
                Both keys are accepted [doc].
            ticket_states (TicketStateList | Unset): The states a ticket type can be in (2.16) [doc].
            is_internal (bool | Unset): In every documented sample; not in the 2.11 schema [doc].
            updated_at (int | Unset): Unix seconds [doc].
    """

    type_: str
    id: str
    category: str
    name: str
    description: str
    icon: str
    workspace_id: str
    archived: bool
    created_at: int
    ticket_type_attributes: TicketTypeAttributeList | Unset = UNSET
    ticket_states: TicketStateList | Unset = UNSET
    is_internal: bool | Unset = UNSET
    updated_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        category = self.category

        name = self.name

        description = self.description

        icon = self.icon

        workspace_id = self.workspace_id

        archived = self.archived

        created_at = self.created_at

        ticket_type_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_type_attributes, Unset):
            ticket_type_attributes = self.ticket_type_attributes.to_dict()

        ticket_states: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_states, Unset):
            ticket_states = self.ticket_states.to_dict()

        is_internal = self.is_internal

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "category": category,
                "name": name,
                "description": description,
                "icon": icon,
                "workspace_id": workspace_id,
                "archived": archived,
                "created_at": created_at,
            }
        )
        if ticket_type_attributes is not UNSET:
            field_dict["ticket_type_attributes"] = ticket_type_attributes
        if ticket_states is not UNSET:
            field_dict["ticket_states"] = ticket_states
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id")

        category = d.pop("category")

        name = d.pop("name")

        description = d.pop("description")

        icon = d.pop("icon")

        workspace_id = d.pop("workspace_id")

        archived = d.pop("archived")

        created_at = d.pop("created_at")

        _ticket_type_attributes = d.pop("ticket_type_attributes", UNSET)
        ticket_type_attributes: TicketTypeAttributeList | Unset
        if isinstance(_ticket_type_attributes, Unset):
            ticket_type_attributes = UNSET
        else:
            ticket_type_attributes = TicketTypeAttributeList.from_dict(
                _ticket_type_attributes
            )

        _ticket_states = d.pop("ticket_states", UNSET)
        ticket_states: TicketStateList | Unset
        if isinstance(_ticket_states, Unset):
            ticket_states = UNSET
        else:
            ticket_states = TicketStateList.from_dict(_ticket_states)

        is_internal = d.pop("is_internal", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        ticket_type = cls(
            type_=type_,
            id=id,
            category=category,
            name=name,
            description=description,
            icon=icon,
            workspace_id=workspace_id,
            archived=archived,
            created_at=created_at,
            ticket_type_attributes=ticket_type_attributes,
            ticket_states=ticket_states,
            is_internal=is_internal,
            updated_at=updated_at,
        )

        ticket_type.additional_properties = d
        return ticket_type

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
from ..models.ticket_state_list import TicketStateList
from ..models.ticket_type_attribute_list import TicketTypeAttributeList
