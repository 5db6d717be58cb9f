from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTicketRequest")


@_attrs_define
class UpdateTicketRequest:
    """Fields to change (2.11) [doc]; send only those.

    Attributes:
        ticket_attributes (TicketRequestAttributes | Unset): Attributes to set, by name [doc]: `_default_title_`,
            `_default_description_`, then the type's own
            attributes. Values are strings, numbers, booleans, lists or null; a list-typed attribute takes the
            list item's id [doc].
        state (str | Unset): New state. Known values: in_progress, waiting_on_customer, resolved [doc].
        open_ (bool | Unset): False closes the ticket (and unsnoozes it) [doc].
        is_shared (bool | Unset): Whether the customer can see the ticket [doc].
        snoozed_until (int | Unset): Reopen at this Unix time [doc].
        assignment (TicketAssignment | Unset):
    """

    ticket_attributes: TicketRequestAttributes | Unset = UNSET
    state: str | Unset = UNSET
    open_: bool | Unset = UNSET
    is_shared: bool | Unset = UNSET
    snoozed_until: int | Unset = UNSET
    assignment: TicketAssignment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_attributes, Unset):
            ticket_attributes = self.ticket_attributes.to_dict()

        state = self.state

        open_ = self.open_

        is_shared = self.is_shared

        snoozed_until = self.snoozed_until

        assignment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assignment, Unset):
            assignment = self.assignment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ticket_attributes is not UNSET:
            field_dict["ticket_attributes"] = ticket_attributes
        if state is not UNSET:
            field_dict["state"] = state
        if open_ is not UNSET:
            field_dict["open"] = open_
        if is_shared is not UNSET:
            field_dict["is_shared"] = is_shared
        if snoozed_until is not UNSET:
            field_dict["snoozed_until"] = snoozed_until
        if assignment is not UNSET:
            field_dict["assignment"] = assignment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _ticket_attributes = d.pop("ticket_attributes", UNSET)
        ticket_attributes: TicketRequestAttributes | Unset
        if isinstance(_ticket_attributes, Unset):
            ticket_attributes = UNSET
        else:
            ticket_attributes = TicketRequestAttributes.from_dict(_ticket_attributes)

        state = d.pop("state", UNSET)

        open_ = d.pop("open", UNSET)

        is_shared = d.pop("is_shared", UNSET)

        snoozed_until = d.pop("snoozed_until", UNSET)

        _assignment = d.pop("assignment", UNSET)
        assignment: TicketAssignment | Unset
        if isinstance(_assignment, Unset):
            assignment = UNSET
        else:
            assignment = TicketAssignment.from_dict(_assignment)

        update_ticket_request = cls(
            ticket_attributes=ticket_attributes,
            state=state,
            open_=open_,
            is_shared=is_shared,
            snoozed_until=snoozed_until,
            assignment=assignment,
        )

        update_ticket_request.additional_properties = d
        return update_ticket_request

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
from ..models.ticket_assignment import TicketAssignment
from ..models.ticket_request_attributes import TicketRequestAttributes
