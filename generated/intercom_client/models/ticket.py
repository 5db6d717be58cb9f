from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """A ticket [doc]. Required keys are those the 2.11 schema requires and every documented sample has (2.16
    requires none). Responses from 2.12+ differ in `ticket_state` and the assignee ids; both forms are
    accepted, and so is the `null` the 2.16 schema allows for `ticket_state` and `ticket_type` [doc].

        Attributes:
            type_ (str): Always `ticket` [doc].
            id (str): The ticket's API id; use this in paths [doc].
            ticket_id (str): The ticket number shown in the Inbox and Messenger; never use it in API paths [doc].
            category (str): Known values: Customer, Back-office, Tracker [doc].
            ticket_attributes (TicketAttributes): The ticket's attributes by name [doc]: title and description under
                `_default_title_` and
                `_default_description_`, then the ticket type's own attributes. A free-form map: values are
                strings, numbers, booleans, lists, file objects (see PartAttachment for their shape) or null [doc].
            ticket_state (None | str | TicketState): The ticket's state [doc]. 2.11: a string, known values submitted,
                in_progress,
                waiting_on_customer, resolved. 2.12+: a TicketState object [doc: Intercom changelog v2.12,
                "Custom States for Tickets"], nullable in 2.16 [doc].
            ticket_type (None | TicketType): The ticket's type, or null [doc].
            contacts (TicketContacts): The contacts the ticket is about [doc]. The 2.11 schema requires `contacts`, but the
                sample in
                intercom-retrieve-ticket.txt has only `type`: `contacts` is optional here.
            ticket_state_internal_label (str | Unset): The state as teammates see it in Intercom (2.11; 2.12+ moves it into
                `ticket_state`) [doc].
            ticket_state_external_label (str | Unset): The state as customers see it (2.11; 2.12+ moves it into
                `ticket_state`) [doc].
            admin_assignee_id (int | str | Unset): The assigned admin's id; `"0"`/`0` when unassigned [doc]. A string up to
                2.15, an integer in 2.16 [doc].
            team_assignee_id (int | str | Unset): The assigned team's id; `"0"`/`0` when unassigned. String up to 2.15,
                integer in 2.16 [doc].
            created_at (int | Unset): Creation time, Unix seconds [doc].
            updated_at (int | Unset): Last update time, Unix seconds [doc].
            open_ (bool | Unset): False when the ticket is closed [doc].
            snoozed_until (int | None | Unset): Snoozed until this Unix time; null (or absent) when not snoozed [doc].
            linked_objects (LinkedObjectList | Unset): Linked conversations and tickets, up to 1000 [doc].
            ticket_parts (TicketPartList | Unset): The ticket's parts (notes, comments, events), up to 500 [doc]. The 2.11
                schema requires
                `ticket_parts` and `total_count`; the sample in intercom-retrieve-ticket.txt has no `ticket_parts`,
                so only `type` is required here.
            is_shared (bool | Unset): Whether the customer can see the ticket [doc].
            previous_ticket_state_id (None | str | Unset): The previous TicketState id (2.16 only) [doc].
    """

    type_: str
    id: str
    ticket_id: str
    category: str
    ticket_attributes: TicketAttributes
    ticket_state: None | str | TicketState
    ticket_type: None | TicketType
    contacts: TicketContacts
    ticket_state_internal_label: str | Unset = UNSET
    ticket_state_external_label: str | Unset = UNSET
    admin_assignee_id: int | str | Unset = UNSET
    team_assignee_id: int | str | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    open_: bool | Unset = UNSET
    snoozed_until: int | None | Unset = UNSET
    linked_objects: LinkedObjectList | Unset = UNSET
    ticket_parts: TicketPartList | Unset = UNSET
    is_shared: bool | Unset = UNSET
    previous_ticket_state_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        ticket_id = self.ticket_id

        category = self.category

        ticket_attributes = self.ticket_attributes.to_dict()

        ticket_state: dict[str, Any] | None | str
        if isinstance(self.ticket_state, TicketState):
            ticket_state = self.ticket_state.to_dict()
        else:
            ticket_state = self.ticket_state

        ticket_type: dict[str, Any] | None
        if isinstance(self.ticket_type, TicketType):
            ticket_type = self.ticket_type.to_dict()
        else:
            ticket_type = self.ticket_type

        contacts = self.contacts.to_dict()

        ticket_state_internal_label = self.ticket_state_internal_label

        ticket_state_external_label = self.ticket_state_external_label

        admin_assignee_id: int | str | Unset
        if isinstance(self.admin_assignee_id, Unset):
            admin_assignee_id = UNSET
        else:
            admin_assignee_id = self.admin_assignee_id

        team_assignee_id: int | str | Unset
        if isinstance(self.team_assignee_id, Unset):
            team_assignee_id = UNSET
        else:
            team_assignee_id = self.team_assignee_id

        created_at = self.created_at

        updated_at = self.updated_at

        open_ = self.open_

        snoozed_until: int | None | Unset
        if isinstance(self.snoozed_until, Unset):
            snoozed_until = UNSET
        else:
            snoozed_until = self.snoozed_until

        linked_objects: dict[str, Any] | Unset = UNSET
        if not isinstance(self.linked_objects, Unset):
            linked_objects = self.linked_objects.to_dict()

        ticket_parts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_parts, Unset):
            ticket_parts = self.ticket_parts.to_dict()

        is_shared = self.is_shared

        previous_ticket_state_id: None | str | Unset
        if isinstance(self.previous_ticket_state_id, Unset):
            previous_ticket_state_id = UNSET
        else:
            previous_ticket_state_id = self.previous_ticket_state_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "ticket_id": ticket_id,
                "category": category,
                "ticket_attributes": ticket_attributes,
                "ticket_state": ticket_state,
                "ticket_type": ticket_type,
                "contacts": contacts,
            }
        )
        if ticket_state_internal_label is not UNSET:
            field_dict["ticket_state_internal_label"] = ticket_state_internal_label
        if ticket_state_external_label is not UNSET:
            field_dict["ticket_state_external_label"] = ticket_state_external_label
        if admin_assignee_id is not UNSET:
            field_dict["admin_assignee_id"] = admin_assignee_id
        if team_assignee_id is not UNSET:
            field_dict["team_assignee_id"] = team_assignee_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if open_ is not UNSET:
            field_dict["open"] = open_
        if snoozed_until is not UNSET:
            field_dict["snoozed_until"] = snoozed_until
        if linked_objects is not UNSET:
            field_dict["linked_objects"] = linked_objects
        if ticket_parts is not UNSET:
            field_dict["ticket_parts"] = ticket_parts
        if is_shared is not UNSET:
            field_dict["is_shared"] = is_shared
        if previous_ticket_state_id is not UNSET:
            field_dict["previous_ticket_state_id"] = previous_ticket_state_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id")

        ticket_id = d.pop("ticket_id")

        category = d.pop("category")

        ticket_attributes = TicketAttributes.from_dict(d.pop("ticket_attributes"))

        def _parse_ticket_state(data: object) -> None | str | TicketState:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ticket_state_type_1 = TicketState.from_dict(data)

                return ticket_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | TicketState, data)

        ticket_state = _parse_ticket_state(d.pop("ticket_state"))

        def _parse_ticket_type(data: object) -> None | TicketType:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ticket_type_type_0 = TicketType.from_dict(data)

                return ticket_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketType, data)

        ticket_type = _parse_ticket_type(d.pop("ticket_type"))

        contacts = TicketContacts.from_dict(d.pop("contacts"))

        ticket_state_internal_label = d.pop("ticket_state_internal_label", UNSET)

        ticket_state_external_label = d.pop("ticket_state_external_label", UNSET)

        def _parse_admin_assignee_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        admin_assignee_id = _parse_admin_assignee_id(d.pop("admin_assignee_id", UNSET))

        def _parse_team_assignee_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        team_assignee_id = _parse_team_assignee_id(d.pop("team_assignee_id", UNSET))

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        open_ = d.pop("open", UNSET)

        def _parse_snoozed_until(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        snoozed_until = _parse_snoozed_until(d.pop("snoozed_until", UNSET))

        _linked_objects = d.pop("linked_objects", UNSET)
        linked_objects: LinkedObjectList | Unset
        if isinstance(_linked_objects, Unset):
            linked_objects = UNSET
        else:
            linked_objects = LinkedObjectList.from_dict(_linked_objects)

        _ticket_parts = d.pop("ticket_parts", UNSET)
        ticket_parts: TicketPartList | Unset
        if isinstance(_ticket_parts, Unset):
            ticket_parts = UNSET
        else:
            ticket_parts = TicketPartList.from_dict(_ticket_parts)

        is_shared = d.pop("is_shared", UNSET)

        def _parse_previous_ticket_state_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_ticket_state_id = _parse_previous_ticket_state_id(
            d.pop("previous_ticket_state_id", UNSET)
        )

        ticket = cls(
            type_=type_,
            id=id,
            ticket_id=ticket_id,
            category=category,
            ticket_attributes=ticket_attributes,
            ticket_state=ticket_state,
            ticket_type=ticket_type,
            contacts=contacts,
            ticket_state_internal_label=ticket_state_internal_label,
            ticket_state_external_label=ticket_state_external_label,
            admin_assignee_id=admin_assignee_id,
            team_assignee_id=team_assignee_id,
            created_at=created_at,
            updated_at=updated_at,
            open_=open_,
            snoozed_until=snoozed_until,
            linked_objects=linked_objects,
            ticket_parts=ticket_parts,
            is_shared=is_shared,
            previous_ticket_state_id=previous_ticket_state_id,
        )

        ticket.additional_properties = d
        return ticket

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
from ..models.linked_object_list import LinkedObjectList
from ..models.ticket_attributes import TicketAttributes
from ..models.ticket_contacts import TicketContacts
from ..models.ticket_part_list import TicketPartList
from ..models.ticket_state import TicketState
from ..models.ticket_type import TicketType
