from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketDeleted")


@_attrs_define
class TicketDeleted:
    """The answer to DELETE /tickets/{id} (2.13+) [doc: 2.16 ticket_deleted; client: python-intercom 5.0.1
    tickets/types/delete_ticket_response.py]. The 2.16 schema requires none of its keys; its example has
    all three.

        Attributes:
            id (str | Unset): The deleted ticket's id [doc].
            object_ (str | Unset): Always `ticket` [doc].
            deleted (bool | Unset): Whether the ticket is deleted [doc].
    """

    id: str | Unset = UNSET
    object_: str | Unset = UNSET
    deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if object_ is not UNSET:
            field_dict["object"] = object_
        if deleted is not UNSET:
            field_dict["deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        object_ = d.pop("object", UNSET)

        deleted = d.pop("deleted", UNSET)

        ticket_deleted = cls(
            id=id,
            object_=object_,
            deleted=deleted,
        )

        ticket_deleted.additional_properties = d
        return ticket_deleted

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
