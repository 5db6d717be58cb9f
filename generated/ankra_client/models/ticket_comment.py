from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketComment")


@_attrs_define
class TicketComment:
    """One comment of the thread [doc: field names from the sample]. The document does not say which
    fields are required [inferred]: only `id`, `body` and `created_at` are.

        Attributes:
            id (str): A uuid in the document's sample.
            body (str):
            created_at (datetime.datetime):
            author_label (None | str | Unset): Display name of the author.
            author_type (None | str | Unset): Who wrote it [client: ankra-cli internal/client/support.go
                SupportTicketComment; not in the
                document's sample]. The values are not captured [inferred].
    """

    id: str
    body: str
    created_at: datetime.datetime
    author_label: None | str | Unset = UNSET
    author_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        body = self.body

        created_at = self.created_at.isoformat()

        author_label: None | str | Unset
        if isinstance(self.author_label, Unset):
            author_label = UNSET
        else:
            author_label = self.author_label

        author_type: None | str | Unset
        if isinstance(self.author_type, Unset):
            author_type = UNSET
        else:
            author_type = self.author_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "body": body,
                "created_at": created_at,
            }
        )
        if author_label is not UNSET:
            field_dict["author_label"] = author_label
        if author_type is not UNSET:
            field_dict["author_type"] = author_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_author_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author_label = _parse_author_label(d.pop("author_label", UNSET))

        def _parse_author_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author_type = _parse_author_type(d.pop("author_type", UNSET))

        ticket_comment = cls(
            id=id,
            body=body,
            created_at=created_at,
            author_label=author_label,
            author_type=author_type,
        )

        ticket_comment.additional_properties = d
        return ticket_comment

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
