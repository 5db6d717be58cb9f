from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketAttachment")


@_attrs_define
class TicketAttachment:
    """One attached file [doc: field names from the sample]. The document does not say which fields are
    required [inferred]: only `id`, `filename` and `created_at` are.

        Attributes:
            id (str): A uuid in the document's sample; the `attachment_id` of download_attachment.
            filename (str):
            created_at (datetime.datetime):
            content_type (None | str | Unset): The file's media type.
            size_bytes (int | Unset):
    """

    id: str
    filename: str
    created_at: datetime.datetime
    content_type: None | str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        filename = self.filename

        created_at = self.created_at.isoformat()

        content_type: None | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        else:
            content_type = self.content_type

        size_bytes = self.size_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "filename": filename,
                "created_at": created_at,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        filename = d.pop("filename")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_type = _parse_content_type(d.pop("content_type", UNSET))

        size_bytes = d.pop("size_bytes", UNSET)

        ticket_attachment = cls(
            id=id,
            filename=filename,
            created_at=created_at,
            content_type=content_type,
            size_bytes=size_bytes,
        )

        ticket_attachment.additional_properties = d
        return ticket_attachment

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
