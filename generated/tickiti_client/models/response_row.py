from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResponseRow")


@_attrs_define
class ResponseRow:
    """A row of query_responses: a response [client: tickiti-mcp src/tools/ticket-reads.ts], but `fields` can
    leave out html, plain_text and attachments, so nothing is required; unknown keys (e.g. which ticket it
    belongs to) are kept [inferred].

        Attributes:
            id (str | Unset): Numeric id as a string [doc].
            is_internal (bool | Unset): A staff-only note never sent to the customer [doc].
            is_pinned (bool | Unset):
            staff_response (bool | Unset):
            created_by_email (str | Unset):
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            is_email_sourced (bool | Unset): The body arrived as an email and may hold Outlook/Word markup [doc].
            html (str | Unset): The raw stored HTML body [doc]; an inline image refers to its attachment as `cid:<name>`
                [client: tickiti-mcp src/attachments.ts].
            plain_text (str | Unset):
            attachments (list[AttachmentMeta] | Unset):
    """

    id: str | Unset = UNSET
    is_internal: bool | Unset = UNSET
    is_pinned: bool | Unset = UNSET
    staff_response: bool | Unset = UNSET
    created_by_email: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    is_email_sourced: bool | Unset = UNSET
    html: str | Unset = UNSET
    plain_text: str | Unset = UNSET
    attachments: list[AttachmentMeta] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        is_internal = self.is_internal

        is_pinned = self.is_pinned

        staff_response = self.staff_response

        created_by_email = self.created_by_email

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        is_email_sourced = self.is_email_sourced

        html = self.html

        plain_text = self.plain_text

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if is_pinned is not UNSET:
            field_dict["is_pinned"] = is_pinned
        if staff_response is not UNSET:
            field_dict["staff_response"] = staff_response
        if created_by_email is not UNSET:
            field_dict["created_by_email"] = created_by_email
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if is_email_sourced is not UNSET:
            field_dict["is_email_sourced"] = is_email_sourced
        if html is not UNSET:
            field_dict["html"] = html
        if plain_text is not UNSET:
            field_dict["plain_text"] = plain_text
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        is_internal = d.pop("is_internal", UNSET)

        is_pinned = d.pop("is_pinned", UNSET)

        staff_response = d.pop("staff_response", UNSET)

        created_by_email = d.pop("created_by_email", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        is_email_sourced = d.pop("is_email_sourced", UNSET)

        html = d.pop("html", UNSET)

        plain_text = d.pop("plain_text", UNSET)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[AttachmentMeta] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = AttachmentMeta.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        response_row = cls(
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

        response_row.additional_properties = d
        return response_row

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
