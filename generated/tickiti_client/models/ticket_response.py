from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TicketResponse")


@_attrs_define
class TicketResponse:
    """One reply or internal note of a ticket's thread [doc].

    Attributes:
        id (str): Numeric id as a string [doc].
        is_internal (bool): A staff-only note never sent to the customer [doc].
        is_pinned (bool):
        staff_response (bool):
        created_by_email (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        is_email_sourced (bool): The body arrived as an email and may hold Outlook/Word markup [doc].
        html (str): The raw stored HTML body [doc]; an inline image refers to its attachment as `cid:<name>`
            [client: tickiti-mcp src/attachments.ts].
        plain_text (str):
        attachments (list[AttachmentMeta]):
    """

    id: str
    is_internal: bool
    is_pinned: bool
    staff_response: bool
    created_by_email: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    is_email_sourced: bool
    html: str
    plain_text: str
    attachments: list[AttachmentMeta]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        is_internal = self.is_internal

        is_pinned = self.is_pinned

        staff_response = self.staff_response

        created_by_email = self.created_by_email

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        is_email_sourced = self.is_email_sourced

        html = self.html

        plain_text = self.plain_text

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "is_internal": is_internal,
                "is_pinned": is_pinned,
                "staff_response": staff_response,
                "created_by_email": created_by_email,
                "created_at": created_at,
                "updated_at": updated_at,
                "is_email_sourced": is_email_sourced,
                "html": html,
                "plain_text": plain_text,
                "attachments": attachments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        is_internal = d.pop("is_internal")

        is_pinned = d.pop("is_pinned")

        staff_response = d.pop("staff_response")

        created_by_email = d.pop("created_by_email")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        is_email_sourced = d.pop("is_email_sourced")

        html = d.pop("html")

        plain_text = d.pop("plain_text")

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = AttachmentMeta.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        ticket_response = cls(
            id=id,
            is_internal=is_internal,
            is_pinned=is_pinned,
            staff_response=staff_response,
            created_by_email=created_by_email,
            created_at=created_at,
            updated_at=updated_at,
            is_email_sourced=is_email_sourced,
            html=html,
            plain_text=plain_text,
            attachments=attachments,
        )

        ticket_response.additional_properties = d
        return ticket_response

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
from ..models.attachment_meta import AttachmentMeta
