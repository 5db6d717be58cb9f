from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTicketRequest")


@_attrs_define
class UpdateTicketRequest:
    """Fields to change; send only those [doc]. Each version takes its own: 2.11 `state` and `assignment`
    [doc: intercom-openapi-2.11.yaml update_ticket_request]; 2.12 and 2.13 `ticket_state_id`, `company_id`
    and `assignment` [doc: Intercom-OpenAPI descriptions/2.12, 2.13 update_ticket_request]; 2.14+
    `ticket_state_id`, `company_id`, `admin_id`, `assignee_id` and `skip_notifications` [doc: Intercom
    changelog v2.14, "Ticket Update API Changes"; intercom-openapi-2.16.yaml update_ticket_request; client:
    python-intercom 5.0.1 tickets/raw_client.py update]. Every version's schema allows other keys, so a
    field of another version is let through unchecked [doc].

        Attributes:
            ticket_attributes (TicketRequestAttributes | Unset): Attributes to set, by name [doc]: `_default_title_`,
                `_default_description_`, then the type's own
                attributes. Values are strings, numbers, booleans, lists or null; a list-typed attribute takes the
                list item's id [doc].
            state (str | Unset): (2.11) New state. Known values: in_progress, waiting_on_customer, resolved [doc].
            ticket_state_id (str | Unset): (2.12+) The new state: the id of one of the ticket type's states, from GET
                /ticket_states [doc];
                400 `ticket_state_id_invalid` otherwise [doc: 2.16 updateTicket 400].
            company_id (str | Unset): (2.12+) The company to associate, Intercom's id for it [doc].
            open_ (bool | Unset): False closes the ticket (and unsnoozes it) [doc].
            is_shared (bool | Unset): Whether the customer can see the ticket [doc].
            snoozed_until (int | Unset): Reopen at this Unix time [doc].
            assignment (TicketAssignment | Unset): (2.11 to 2.13) An assignment change [doc: intercom-openapi-2.11.yaml;
                Intercom-OpenAPI
                descriptions/2.12, 2.13 update_ticket_request]; 2.14 replaced it with top-level `admin_id` and
                `assignee_id` and no longer supports it [doc: Intercom changelog v2.14].
            admin_id (int | Unset): (2.14+) The admin performing the update, for attribution and workflows; an integer [doc:
                2.16
                update_ticket_request; Intercom changelog v2.14, "must be an integer"; client: python-intercom
                5.0.1 tickets/raw_client.py update (`admin_id: int`)].
            assignee_id (str | Unset): (2.14+) The admin or team to assign; "0" unassigns [doc].
            skip_notifications (bool | Unset): (2.14+) True: nobody is notified of the change [doc: 2.16 updateTicket
                requestBody].
    """

    ticket_attributes: TicketRequestAttributes | Unset = UNSET
    state: str | Unset = UNSET
    ticket_state_id: str | Unset = UNSET
    company_id: str | Unset = UNSET
    open_: bool | Unset = UNSET
    is_shared: bool | Unset = UNSET
    snoozed_until: int | Unset = UNSET
    assignment: TicketAssignment | Unset = UNSET
    admin_id: int | Unset = UNSET
    assignee_id: str | Unset = UNSET
    skip_notifications: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_attributes, Unset):
            ticket_attributes = self.ticket_attributes.to_dict()

        state = self.state

        ticket_state_id = self.ticket_state_id

        company_id = self.company_id

        open_ = self.open_

        is_shared = self.is_shared

        snoozed_until = self.snoozed_until

        assignment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assignment, Unset):
            assignment = self.assignment.to_dict()

        admin_id = self.admin_id

        assignee_id = self.assignee_id

        skip_notifications = self.skip_notifications

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ticket_attributes is not UNSET:
            field_dict["ticket_attributes"] = ticket_attributes
        if state is not UNSET:
            field_dict["state"] = state
        if ticket_state_id is not UNSET:
            field_dict["ticket_state_id"] = ticket_state_id
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if open_ is not UNSET:
            field_dict["open"] = open_
        if is_shared is not UNSET:
            field_dict["is_shared"] = is_shared
        if snoozed_until is not UNSET:
            field_dict["snoozed_until"] = snoozed_until
        if assignment is not UNSET:
            field_dict["assignment"] = assignment
        if admin_id is not UNSET:
            field_dict["admin_id"] = admin_id
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if skip_notifications is not UNSET:
            field_dict["skip_notifications"] = skip_notifications

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

        ticket_state_id = d.pop("ticket_state_id", UNSET)

        company_id = d.pop("company_id", UNSET)

        open_ = d.pop("open", UNSET)

        is_shared = d.pop("is_shared", UNSET)

        snoozed_until = d.pop("snoozed_until", UNSET)

        _assignment = d.pop("assignment", UNSET)
        assignment: TicketAssignment | Unset
        if isinstance(_assignment, Unset):
            assignment = UNSET
        else:
            assignment = TicketAssignment.from_dict(_assignment)

        admin_id = d.pop("admin_id", UNSET)

        assignee_id = d.pop("assignee_id", UNSET)

        skip_notifications = d.pop("skip_notifications", UNSET)

        update_ticket_request = cls(
            ticket_attributes=ticket_attributes,
            state=state,
            ticket_state_id=ticket_state_id,
            company_id=company_id,
            open_=open_,
            is_shared=is_shared,
            snoozed_until=snoozed_until,
            assignment=assignment,
            admin_id=admin_id,
            assignee_id=assignee_id,
            skip_notifications=skip_notifications,
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
