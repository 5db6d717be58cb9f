from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DownloadAttachmentRequest")


@_attrs_define
class DownloadAttachmentRequest:
    """
    Attributes:
        ticket_number (str): The ticket the attachment belongs to, its 6-digit number as a string [doc] [client:
            tickiti-mcp src/tools/ticket-reads.ts].
        response_attachment_id (int | str): The attachment's `id` from a response's `attachments` [doc]: the numeric
            string as listed, or a
            number [client: tickiti-mcp src/tools/ticket-reads.ts].
        intent (str | Unset): `review_ok` accepts a review-gated attachment type [client: tickiti-mcp src/tools/ticket-
            reads.ts].
    """

    ticket_number: str
    response_attachment_id: int | str
    intent: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_number = self.ticket_number

        response_attachment_id: int | str
        response_attachment_id = self.response_attachment_id

        intent = self.intent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_number": ticket_number,
                "response_attachment_id": response_attachment_id,
            }
        )
        if intent is not UNSET:
            field_dict["intent"] = intent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_number = d.pop("ticket_number")

        def _parse_response_attachment_id(data: object) -> int | str:
            return cast(int | str, data)

        response_attachment_id = _parse_response_attachment_id(
            d.pop("response_attachment_id")
        )

        intent = d.pop("intent", UNSET)

        download_attachment_request = cls(
            ticket_number=ticket_number,
            response_attachment_id=response_attachment_id,
            intent=intent,
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
