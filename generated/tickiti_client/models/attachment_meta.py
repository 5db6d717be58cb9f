from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttachmentMeta")


@_attrs_define
class AttachmentMeta:
    """An attachment's metadata; fetch the bytes with download_attachment using `id` [doc].

    Attributes:
        id (str): Numeric id as a string [doc].
        response_id (str):
        name (str):
        is_inline (bool):
        sha256 (str): Hex digest (shown shortened in the document) [doc].
        file_size (int): Bytes [doc].
        file_size_formatted (str): Human-readable size, e.g. `1.14 MB` [doc].
        extension_rule (str): Known values: allowed [doc]; types can also be hard-blocked or review-gated [client:
            tickiti-mcp
            src/tools/ticket-reads.ts], here `blocked` and `review` [inferred] (the list can grow).
    """

    id: str
    response_id: str
    name: str
    is_inline: bool
    sha256: str
    file_size: int
    file_size_formatted: str
    extension_rule: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        response_id = self.response_id

        name = self.name

        is_inline = self.is_inline

        sha256 = self.sha256

        file_size = self.file_size

        file_size_formatted = self.file_size_formatted

        extension_rule = self.extension_rule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "response_id": response_id,
                "name": name,
                "is_inline": is_inline,
                "sha256": sha256,
                "file_size": file_size,
                "file_size_formatted": file_size_formatted,
                "extension_rule": extension_rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        response_id = d.pop("response_id")

        name = d.pop("name")

        is_inline = d.pop("is_inline")

        sha256 = d.pop("sha256")

        file_size = d.pop("file_size")

        file_size_formatted = d.pop("file_size_formatted")

        extension_rule = d.pop("extension_rule")

        attachment_meta = cls(
            id=id,
            response_id=response_id,
            name=name,
            is_inline=is_inline,
            sha256=sha256,
            file_size=file_size,
            file_size_formatted=file_size_formatted,
            extension_rule=extension_rule,
        )

        attachment_meta.additional_properties = d
        return attachment_meta

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
