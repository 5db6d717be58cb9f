from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTicketRequest")


@_attrs_define
class CreateTicketRequest:
    """A new ticket [doc].

    Attributes:
        ticket_type_id (str): The ticket type's id [doc].
        contacts (list[ContactByEmail | ContactByExternalId | ContactById]): The contact the ticket is about; Intercom
            currently allows one [doc].
        ticket_attributes (TicketRequestAttributes | Unset): Attributes to set, by name [doc]: `_default_title_`,
            `_default_description_`, then the type's own
            attributes. Values are strings, numbers, booleans, lists or null; a list-typed attribute takes the
            list item's id [doc].
        company_id (str | Unset): The company to associate, the id you set on creation [doc].
        created_at (int | Unset): Creation time, Unix seconds; now when absent [doc].
        assignment (CreateTicketAssignment | Unset): Who the new ticket is assigned to; unassigned when absent (2.14+)
            [doc: 2.16 create_ticket_request;
            client: python-intercom 5.0.1 types/create_ticket_request_assignment.py]. Not in the 2.11, 2.12 or 2.13
            schemas [doc].
        skip_notifications (bool | Unset): True: nobody is notified of the new ticket (2.14+) [doc: 2.16 createTicket
            requestBody; client:
            python-intercom 5.0.1 tickets/raw_client.py create].
        conversation_to_link_id (str | Unset): A conversation to link the ticket to (2.14+) [doc: 2.16
            create_ticket_request; client:
            python-intercom 5.0.1 tickets/raw_client.py create].
    """

    ticket_type_id: str
    contacts: list[ContactByEmail | ContactByExternalId | ContactById]
    ticket_attributes: TicketRequestAttributes | Unset = UNSET
    company_id: str | Unset = UNSET
    created_at: int | Unset = UNSET
    assignment: CreateTicketAssignment | Unset = UNSET
    skip_notifications: bool | Unset = UNSET
    conversation_to_link_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_type_id = self.ticket_type_id

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item: dict[str, Any]
            if isinstance(contacts_item_data, ContactById) or isinstance(
                contacts_item_data, ContactByExternalId
            ):
                contacts_item = contacts_item_data.to_dict()
            else:
                contacts_item = contacts_item_data.to_dict()

            contacts.append(contacts_item)

        ticket_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket_attributes, Unset):
            ticket_attributes = self.ticket_attributes.to_dict()

        company_id = self.company_id

        created_at = self.created_at

        assignment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assignment, Unset):
            assignment = self.assignment.to_dict()

        skip_notifications = self.skip_notifications

        conversation_to_link_id = self.conversation_to_link_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_type_id": ticket_type_id,
                "contacts": contacts,
            }
        )
        if ticket_attributes is not UNSET:
            field_dict["ticket_attributes"] = ticket_attributes
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if assignment is not UNSET:
            field_dict["assignment"] = assignment
        if skip_notifications is not UNSET:
            field_dict["skip_notifications"] = skip_notifications
        if conversation_to_link_id is not UNSET:
            field_dict["conversation_to_link_id"] = conversation_to_link_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_type_id = d.pop("ticket_type_id")

        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:

            def _parse_contacts_item(
                data: object,
            ) -> ContactByEmail | ContactByExternalId | ContactById:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    contacts_item_type_0 = ContactById.from_dict(data)

                    return contacts_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    contacts_item_type_1 = ContactByExternalId.from_dict(data)

                    return contacts_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                contacts_item_type_2 = ContactByEmail.from_dict(data)

                return contacts_item_type_2

            contacts_item = _parse_contacts_item(contacts_item_data)

            contacts.append(contacts_item)

        _ticket_attributes = d.pop("ticket_attributes", UNSET)
        ticket_attributes: TicketRequestAttributes | Unset
        if isinstance(_ticket_attributes, Unset):
            ticket_attributes = UNSET
        else:
            ticket_attributes = TicketRequestAttributes.from_dict(_ticket_attributes)

        company_id = d.pop("company_id", UNSET)

        created_at = d.pop("created_at", UNSET)

        _assignment = d.pop("assignment", UNSET)
        assignment: CreateTicketAssignment | Unset
        if isinstance(_assignment, Unset):
            assignment = UNSET
        else:
            assignment = CreateTicketAssignment.from_dict(_assignment)

        skip_notifications = d.pop("skip_notifications", UNSET)

        conversation_to_link_id = d.pop("conversation_to_link_id", UNSET)

        create_ticket_request = cls(
            ticket_type_id=ticket_type_id,
            contacts=contacts,
            ticket_attributes=ticket_attributes,
            company_id=company_id,
            created_at=created_at,
            assignment=assignment,
            skip_notifications=skip_notifications,
            conversation_to_link_id=conversation_to_link_id,
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
from ..models.contact_by_email import ContactByEmail
from ..models.contact_by_external_id import ContactByExternalId
from ..models.contact_by_id import ContactById
from ..models.create_ticket_assignment import CreateTicketAssignment
from ..models.ticket_request_attributes import TicketRequestAttributes
