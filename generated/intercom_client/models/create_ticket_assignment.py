from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTicketAssignment")


@_attrs_define
class CreateTicketAssignment:
    """Who the new ticket is assigned to; unassigned when absent (2.14+) [doc: 2.16 create_ticket_request;
    client: python-intercom 5.0.1 types/create_ticket_request_assignment.py]. Not in the 2.11, 2.12 or 2.13
    schemas [doc].

        Attributes:
            admin_assignee_id (str | Unset): The admin to assign [doc].
            team_assignee_id (str | Unset): The team to assign [doc].
    """

    admin_assignee_id: str | Unset = UNSET
    team_assignee_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        admin_assignee_id = self.admin_assignee_id

        team_assignee_id = self.team_assignee_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if admin_assignee_id is not UNSET:
            field_dict["admin_assignee_id"] = admin_assignee_id
        if team_assignee_id is not UNSET:
            field_dict["team_assignee_id"] = team_assignee_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        admin_assignee_id = d.pop("admin_assignee_id", UNSET)

        team_assignee_id = d.pop("team_assignee_id", UNSET)

        create_ticket_assignment = cls(
            admin_assignee_id=admin_assignee_id,
            team_assignee_id=team_assignee_id,
        )

        create_ticket_assignment.additional_properties = d
        return create_ticket_assignment

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
