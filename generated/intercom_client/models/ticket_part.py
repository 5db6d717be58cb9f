from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketPart")


@_attrs_define
class TicketPart:
    """One message or event of a ticket [doc]; also the answer to a reply (`ticket_reply`, the same shape
    restricted to note, comment and quick_reply). The 2.11 schema requires `body` and `ticket_state`, but
    its own examples leave them out on parts without a message or a state change: optional here.

        Attributes:
            type_ (str): Always `ticket_part` [doc].
            id (str):
            part_type (str): Known values: comment, note, quick_reply, assignment, snoozed, ticket_state_updated_by_admin,
                ticket_attribute_updated_by_admin [doc]; there are others.
            created_at (int): Unix seconds [doc].
            body (None | str | Unset): The message, HTML; null for events [doc].
            previous_ticket_state (str | Unset): State before this part. Known values: submitted, in_progress,
                waiting_on_customer, resolved [doc].
            ticket_state (str | Unset): State after this part. Known values: submitted, in_progress, waiting_on_customer,
                resolved [doc].
            updated_at (int | Unset): Unix seconds [doc].
            assigned_to (None | Reference | Unset): Who the ticket was assigned to by this part; null when the assignment
                did not change [doc].
            author (TicketPartAuthor | Unset): Who wrote or triggered the part [doc]. The 2.11 schema requires `email`, 2.16
                requires nothing;
                `email` is optional here so that an author without one still parses [inferred].
            attachments (list[PartAttachment] | Unset):
            external_id (None | str | Unset):
            redacted (bool | Unset):
            app_package_code (None | str | Unset): The app package that created the part via the API (2.16) [doc]; null
                tolerated [inferred].
            updated_attribute_data (None | Unset | UpdatedAttributeData): The attribute change, on attribute-update parts
                (2.16) [doc].
    """

    type_: str
    id: str
    part_type: str
    created_at: int
    body: None | str | Unset = UNSET
    previous_ticket_state: str | Unset = UNSET
    ticket_state: str | Unset = UNSET
    updated_at: int | Unset = UNSET
    assigned_to: None | Reference | Unset = UNSET
    author: TicketPartAuthor | Unset = UNSET
    attachments: list[PartAttachment] | Unset = UNSET
    external_id: None | str | Unset = UNSET
    redacted: bool | Unset = UNSET
    app_package_code: None | str | Unset = UNSET
    updated_attribute_data: None | Unset | UpdatedAttributeData = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        part_type = self.part_type

        created_at = self.created_at

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        previous_ticket_state = self.previous_ticket_state

        ticket_state = self.ticket_state

        updated_at = self.updated_at

        assigned_to: dict[str, Any] | None | Unset
        if isinstance(self.assigned_to, Unset):
            assigned_to = UNSET
        elif isinstance(self.assigned_to, Reference):
            assigned_to = self.assigned_to.to_dict()
        else:
            assigned_to = self.assigned_to

        author: dict[str, Any] | Unset = UNSET
        if not isinstance(self.author, Unset):
            author = self.author.to_dict()

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        redacted = self.redacted

        app_package_code: None | str | Unset
        if isinstance(self.app_package_code, Unset):
            app_package_code = UNSET
        else:
            app_package_code = self.app_package_code

        updated_attribute_data: dict[str, Any] | None | Unset
        if isinstance(self.updated_attribute_data, Unset):
            updated_attribute_data = UNSET
        elif isinstance(self.updated_attribute_data, UpdatedAttributeData):
            updated_attribute_data = self.updated_attribute_data.to_dict()
        else:
            updated_attribute_data = self.updated_attribute_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "part_type": part_type,
                "created_at": created_at,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if previous_ticket_state is not UNSET:
            field_dict["previous_ticket_state"] = previous_ticket_state
        if ticket_state is not UNSET:
            field_dict["ticket_state"] = ticket_state
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if author is not UNSET:
            field_dict["author"] = author
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if redacted is not UNSET:
            field_dict["redacted"] = redacted
        if app_package_code is not UNSET:
            field_dict["app_package_code"] = app_package_code
        if updated_attribute_data is not UNSET:
            field_dict["updated_attribute_data"] = updated_attribute_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id")

        part_type = d.pop("part_type")

        created_at = d.pop("created_at")

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        previous_ticket_state = d.pop("previous_ticket_state", UNSET)

        ticket_state = d.pop("ticket_state", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        def _parse_assigned_to(data: object) -> None | Reference | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assigned_to_type_0 = Reference.from_dict(data)

                return assigned_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reference | Unset, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))

        _author = d.pop("author", UNSET)
        author: TicketPartAuthor | Unset
        if isinstance(_author, Unset):
            author = UNSET
        else:
            author = TicketPartAuthor.from_dict(_author)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[PartAttachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = PartAttachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        redacted = d.pop("redacted", UNSET)

        def _parse_app_package_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        app_package_code = _parse_app_package_code(d.pop("app_package_code", UNSET))

        def _parse_updated_attribute_data(
            data: object,
        ) -> None | Unset | UpdatedAttributeData:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                updated_attribute_data_type_0 = UpdatedAttributeData.from_dict(data)

                return updated_attribute_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdatedAttributeData, data)

        updated_attribute_data = _parse_updated_attribute_data(
            d.pop("updated_attribute_data", UNSET)
        )

        ticket_part = cls(
            type_=type_,
            id=id,
            part_type=part_type,
            created_at=created_at,
            body=body,
            previous_ticket_state=previous_ticket_state,
            ticket_state=ticket_state,
            updated_at=updated_at,
            assigned_to=assigned_to,
            author=author,
            attachments=attachments,
            external_id=external_id,
            redacted=redacted,
            app_package_code=app_package_code,
            updated_attribute_data=updated_attribute_data,
        )

        ticket_part.additional_properties = d
        return ticket_part

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
from ..models.part_attachment import PartAttachment
from ..models.reference import Reference
from ..models.ticket_part_author import TicketPartAuthor
from ..models.updated_attribute_data import UpdatedAttributeData
