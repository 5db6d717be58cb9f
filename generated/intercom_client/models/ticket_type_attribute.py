from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketTypeAttribute")


@_attrs_define
class TicketTypeAttribute:
    """One data field of a ticket type [doc].

    Attributes:
        type_ (str): Always `ticket_type_attribute` [doc].
        id (str):
        name (str): The key in `ticket_attributes` [doc].
        data_type (str): Known values: string, list, integer, decimal, boolean, datetime, files [doc].
        workspace_id (str | Unset):
        description (str | Unset):
        input_options (None | TicketTypeAttributeInputOptionsType0 | Unset): Input options such as `{"multiline":
            true}`; an object in the schema, null in examples [doc].
        order (int | Unset):
        required_to_create (bool | Unset):
        required_to_create_for_contacts (bool | Unset):
        visible_on_create (bool | Unset):
        visible_to_contacts (bool | Unset):
        default (bool | Unset): Built in [doc].
        ticket_type_id (int | Unset):
        archived (bool | Unset):
        created_at (int | Unset): Unix seconds [doc].
        updated_at (int | Unset): Unix seconds [doc].
    """

    type_: str
    id: str
    name: str
    data_type: str
    workspace_id: str | Unset = UNSET
    description: str | Unset = UNSET
    input_options: None | TicketTypeAttributeInputOptionsType0 | Unset = UNSET
    order: int | Unset = UNSET
    required_to_create: bool | Unset = UNSET
    required_to_create_for_contacts: bool | Unset = UNSET
    visible_on_create: bool | Unset = UNSET
    visible_to_contacts: bool | Unset = UNSET
    default: bool | Unset = UNSET
    ticket_type_id: int | Unset = UNSET
    archived: bool | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        name = self.name

        data_type = self.data_type

        workspace_id = self.workspace_id

        description = self.description

        input_options: dict[str, Any] | None | Unset
        if isinstance(self.input_options, Unset):
            input_options = UNSET
        elif isinstance(self.input_options, TicketTypeAttributeInputOptionsType0):
            input_options = self.input_options.to_dict()
        else:
            input_options = self.input_options

        order = self.order

        required_to_create = self.required_to_create

        required_to_create_for_contacts = self.required_to_create_for_contacts

        visible_on_create = self.visible_on_create

        visible_to_contacts = self.visible_to_contacts

        default = self.default

        ticket_type_id = self.ticket_type_id

        archived = self.archived

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "name": name,
                "data_type": data_type,
            }
        )
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id
        if description is not UNSET:
            field_dict["description"] = description
        if input_options is not UNSET:
            field_dict["input_options"] = input_options
        if order is not UNSET:
            field_dict["order"] = order
        if required_to_create is not UNSET:
            field_dict["required_to_create"] = required_to_create
        if required_to_create_for_contacts is not UNSET:
            field_dict["required_to_create_for_contacts"] = (
                required_to_create_for_contacts
            )
        if visible_on_create is not UNSET:
            field_dict["visible_on_create"] = visible_on_create
        if visible_to_contacts is not UNSET:
            field_dict["visible_to_contacts"] = visible_to_contacts
        if default is not UNSET:
            field_dict["default"] = default
        if ticket_type_id is not UNSET:
            field_dict["ticket_type_id"] = ticket_type_id
        if archived is not UNSET:
            field_dict["archived"] = archived
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

        name = d.pop("name")

        data_type = d.pop("data_type")

        workspace_id = d.pop("workspace_id", UNSET)

        description = d.pop("description", UNSET)

        def _parse_input_options(
            data: object,
        ) -> None | TicketTypeAttributeInputOptionsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_options_type_0 = TicketTypeAttributeInputOptionsType0.from_dict(
                    data
                )

                return input_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketTypeAttributeInputOptionsType0 | Unset, data)

        input_options = _parse_input_options(d.pop("input_options", UNSET))

        order = d.pop("order", UNSET)

        required_to_create = d.pop("required_to_create", UNSET)

        required_to_create_for_contacts = d.pop(
            "required_to_create_for_contacts", UNSET
        )

        visible_on_create = d.pop("visible_on_create", UNSET)

        visible_to_contacts = d.pop("visible_to_contacts", UNSET)

        default = d.pop("default", UNSET)

        ticket_type_id = d.pop("ticket_type_id", UNSET)

        archived = d.pop("archived", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        ticket_type_attribute = cls(
            type_=type_,
            id=id,
            name=name,
            data_type=data_type,
            workspace_id=workspace_id,
            description=description,
            input_options=input_options,
            order=order,
            required_to_create=required_to_create,
            required_to_create_for_contacts=required_to_create_for_contacts,
            visible_on_create=visible_on_create,
            visible_to_contacts=visible_to_contacts,
            default=default,
            ticket_type_id=ticket_type_id,
            archived=archived,
            created_at=created_at,
            updated_at=updated_at,
        )

        ticket_type_attribute.additional_properties = d
        return ticket_type_attribute

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
from ..models.ticket_type_attribute_input_options_type_0 import (
    TicketTypeAttributeInputOptionsType0,
)
