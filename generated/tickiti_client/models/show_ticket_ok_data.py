from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShowTicketOkData")


@_attrs_define
class ShowTicketOkData:
    """
    Attributes:
        ticket (Ticket): The ticket header of show_ticket [doc].
        responses (list[TicketResponse]): Pinned first, then oldest to newest [doc].
    """

    ticket: Ticket
    responses: list[TicketResponse]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket = self.ticket.to_dict()

        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket": ticket,
                "responses": responses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket = Ticket.from_dict(d.pop("ticket"))

        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = TicketResponse.from_dict(responses_item_data)

            responses.append(responses_item)

        show_ticket_ok_data = cls(
            ticket=ticket,
            responses=responses,
        )

        show_ticket_ok_data.additional_properties = d
        return show_ticket_ok_data

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
from ..models.ticket import Ticket
from ..models.ticket_response import TicketResponse
