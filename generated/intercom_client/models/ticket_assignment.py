from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketAssignment")


@_attrs_define
class TicketAssignment:
    """(2.11 to 2.13) An assignment change [doc: intercom-openapi-2.11.yaml; Intercom-OpenAPI
    descriptions/2.12, 2.13 update_ticket_request]; 2.14 replaced it with top-level `admin_id` and
    `assignee_id` and no longer supports it [doc: Intercom changelog v2.14].

        Attributes:
            admin_id (str | Unset): The admin performing the change [doc].
            assignee_id (str | Unset): The admin or team to assign; "0" unassigns [doc].
    """

    admin_id: str | Unset = UNSET
    assignee_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        admin_id = self.admin_id

        assignee_id = self.assignee_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if admin_id is not UNSET:
            field_dict["admin_id"] = admin_id
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        admin_id = d.pop("admin_id", UNSET)

        assignee_id = d.pop("assignee_id", UNSET)

        ticket_assignment = cls(
            admin_id=admin_id,
            assignee_id=assignee_id,
        )

        ticket_assignment.additional_properties = d
        return ticket_assignment

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
