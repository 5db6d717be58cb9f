from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DownloadAttachmentRequest")


@_attrs_define
class DownloadAttachmentRequest:
    """
    Attributes:
        ticket_number (str): The ticket's 6-digit number, sent as a string [doc].
        response_attachment_id (str): The attachment's `id` from a response's `attachments` (a numeric string) [doc].
    """

    ticket_number: str
    response_attachment_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_number = self.ticket_number

        response_attachment_id = self.response_attachment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_number": ticket_number,
                "response_attachment_id": response_attachment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_number = d.pop("ticket_number")

        response_attachment_id = d.pop("response_attachment_id")

        download_attachment_request = cls(
            ticket_number=ticket_number,
            response_attachment_id=response_attachment_id,
        )

        download_attachment_request.additional_properties = d
        return download_attachment_request

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
