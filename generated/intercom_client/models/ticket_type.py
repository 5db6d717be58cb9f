from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketType")


@_attrs_define
class TicketType:
    """A ticket type [doc]. The 2.11 schema requires nine keys, among them `ticket_type_attributes`, which the
    ticket type inside the sample of intercom-retrieve-ticket.txt lacks; 2.16 requires none, and the ticket
    types GET /ticket_states lists with each state carry no `workspace_id`, `created_at` or attributes
    [doc: 2.16 listTicketStates example]. So only `type` and `id` (in every example) are required here.

        Attributes:
            type_ (str): Always `ticket_type` [doc].
            id (str):
            category (str | Unset): Known values: Customer, Back-office, Tracker [doc].
            name (str | Unset):
            description (str | Unset):
            icon (str | Unset): An emoji [doc].
            workspace_id (str | Unset):
            ticket_type_attributes (TicketTypeAttributeList | Unset): The type's attributes. The 2.11 and 2.16 schemas put
                them under `ticket_type_attributes`
                (`type: ticket_type_attributes.list`), and so does the official SDK's model [client: python-intercom
                5.0.1 types/ticket_type_attribute_list.py], which reads no other key; every 2.11 and 2.16 example uses
                `data` (`type: list`). Both keys are accepted; an item may be `null` at 2.16
                (`ticket_type_attribute` is nullable there) [doc].
            ticket_states (TicketStateList | Unset): The states a ticket type can be in (2.12+) [doc: Intercom changelog
                v2.12, "Ticket states with Ticket
                Types"]; an item may be `null` at 2.16 (`ticket_state` is nullable there) [doc].
            archived (bool | Unset):
            is_internal (bool | Unset): In every documented sample; not in the 2.11 schema [doc].
            created_at (int | Unset): Unix seconds [doc].
            updated_at (int | Unset): Unix seconds [doc].
    """

    type_: str
    id: str
    category: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    icon: str | Unset = UNSET
    workspace_id: str | Unset = UNSET
    ticket_type_attributes: TicketTypeAttributeList | Unset = UNSET
    ticket_states: TicketStateList | Unset = UNSET
    archived: bool | Unset = UNSET
    is_internal: bool | Unset = UNSET
    created_at: int | Unset = UNSET
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

        ticket_type_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_type_attributes, Unset):
            ticket_type_attributes = self.ticket_type_attributes.to_dict()

        ticket_states: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_states, Unset):
            ticket_states = self.ticket_states.to_dict()

        archived = self.archived

        is_internal = self.is_internal

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if icon is not UNSET:
            field_dict["icon"] = icon
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id
        if ticket_type_attributes is not UNSET:
            field_dict["ticket_type_attributes"] = ticket_type_attributes
        if ticket_states is not UNSET:
            field_dict["ticket_states"] = ticket_states
        if archived is not UNSET:
            field_dict["archived"] = archived
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id")

        category = d.pop("category", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        icon = d.pop("icon", UNSET)

        workspace_id = d.pop("workspace_id", UNSET)

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

        archived = d.pop("archived", UNSET)

        is_internal = d.pop("is_internal", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        ticket_type = cls(
            type_=type_,
            id=id,
            category=category,
            name=name,
            description=description,
            icon=icon,
            workspace_id=workspace_id,
            ticket_type_attributes=ticket_type_attributes,
            ticket_states=ticket_states,
            archived=archived,
            is_internal=is_internal,
            created_at=created_at,
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
