from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTicketData")


@_attrs_define
class CreateTicketData:
    """The subject+content mode's fields, or a template's or intervention's token values (any keys)
    [client: tickiti-mcp src/tools/tickets.ts].

        Attributes:
            subject (str | Unset): Pair with `content` [client: tickiti-mcp src/tools/tickets.ts].
            content (str | Unset): The first message, HTML [doc]; pair with `subject`. `<img src="data:...;base64,...">`
                images become
                `cid:` attachments [client: tickiti-mcp src/attachments.ts].
            queue_name (str | Unset): Validated for existence; the top-level `queue_name` picks the queue [client: tickiti-
                mcp src/tools/tickets.ts].
    """

    subject: str | Unset = UNSET
    content: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        content = self.content

        queue_name = self.queue_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if subject is not UNSET:
            field_dict["subject"] = subject
        if content is not UNSET:
            field_dict["content"] = content
        if queue_name is not UNSET:
            field_dict["queue_name"] = queue_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject", UNSET)

        content = d.pop("content", UNSET)

        queue_name = d.pop("queue_name", UNSET)

        create_ticket_data = cls(
            subject=subject,
            content=content,
            queue_name=queue_name,
        )

        create_ticket_data.additional_properties = d
        return create_ticket_data

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
