from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttachmentContent")


@_attrs_define
class AttachmentContent:
    """An attachment with its bytes [doc].

    Attributes:
        id (str):
        response_id (str):
        name (str):
        mime_type (str):
        sha256 (str):
        file_size (int):
        is_inline (bool):
        content_base64 (str): The file's bytes, base64-encoded [doc].
    """

    id: str
    response_id: str
    name: str
    mime_type: str
    sha256: str
    file_size: int
    is_inline: bool
    content_base64: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        response_id = self.response_id

        name = self.name

        mime_type = self.mime_type

        sha256 = self.sha256

        file_size = self.file_size

        is_inline = self.is_inline

        content_base64 = self.content_base64

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "response_id": response_id,
                "name": name,
                "mime_type": mime_type,
                "sha256": sha256,
                "file_size": file_size,
                "is_inline": is_inline,
                "content_base64": content_base64,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        response_id = d.pop("response_id")

        name = d.pop("name")

        mime_type = d.pop("mime_type")

        sha256 = d.pop("sha256")

        file_size = d.pop("file_size")

        is_inline = d.pop("is_inline")

        content_base64 = d.pop("content_base64")

        attachment_content = cls(
            id=id,
            response_id=response_id,
            name=name,
            mime_type=mime_type,
            sha256=sha256,
            file_size=file_size,
            is_inline=is_inline,
            content_base64=content_base64,
        )

        attachment_content.additional_properties = d
        return attachment_content

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
