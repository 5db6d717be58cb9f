from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RespondTicketOkData")


@_attrs_define
class RespondTicketOkData:
    """
    Attributes:
        ticket_id (str): Numeric id as a string [doc].
        response_id (str): The new response's id, a numeric string [doc].
        reopened (bool): Whether this response reopened the ticket [doc].
    """

    ticket_id: str
    response_id: str
    reopened: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_id = self.ticket_id

        response_id = self.response_id

        reopened = self.reopened

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_id": ticket_id,
                "response_id": response_id,
                "reopened": reopened,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_id = d.pop("ticket_id")

        response_id = d.pop("response_id")

        reopened = d.pop("reopened")

        respond_ticket_ok_data = cls(
            ticket_id=ticket_id,
            response_id=response_id,
            reopened=reopened,
        )

        respond_ticket_ok_data.additional_properties = d
        return respond_ticket_ok_data

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
