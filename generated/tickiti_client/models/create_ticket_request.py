from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTicketRequest")


@_attrs_define
class CreateTicketRequest:
    """
    Attributes:
        originator_email_address (str): The customer the ticket is opened for [doc].
        data (CreateTicketContent | Unset):
        queue_name (str | Unset):
        is_public (bool | Unset):
    """

    originator_email_address: str
    data: CreateTicketContent | Unset = UNSET
    queue_name: str | Unset = UNSET
    is_public: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        originator_email_address = self.originator_email_address

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        queue_name = self.queue_name

        is_public = self.is_public

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "originator_email_address": originator_email_address,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if queue_name is not UNSET:
            field_dict["queue_name"] = queue_name
        if is_public is not UNSET:
            field_dict["is_public"] = is_public

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        originator_email_address = d.pop("originator_email_address")

        _data = d.pop("data", UNSET)
        data: CreateTicketContent | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = CreateTicketContent.from_dict(_data)

        queue_name = d.pop("queue_name", UNSET)

        is_public = d.pop("is_public", UNSET)

        create_ticket_request = cls(
            originator_email_address=originator_email_address,
            data=data,
            queue_name=queue_name,
            is_public=is_public,
        )

        create_ticket_request.additional_properties = d
        return create_ticket_request

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
from ..models.create_ticket_content import CreateTicketContent
