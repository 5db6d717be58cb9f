from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketReviewRequest")


@_attrs_define
class TicketReviewRequest:
    """A draft to review [client: ankra-cli internal/client/support.go ReviewSupportTicketRequest; the CLI
    always sends subject, description, category and source].

        Attributes:
            subject (str):
            description (str):
            category (str | Unset): Default `technical` [client: the CLI's flag default]. Known values: technical, account,
                billing, bug, feature_request, other.
            cluster_id (None | Unset | UUID):
            source (str | Unset): Default `portal` [doc, for create]. Known values: portal, api, cli, agent.
    """

    subject: str
    description: str
    category: str | Unset = UNSET
    cluster_id: None | Unset | UUID = UNSET
    source: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        description = self.description

        category = self.category

        cluster_id: None | str | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        elif isinstance(self.cluster_id, UUID):
            cluster_id = str(self.cluster_id)
        else:
            cluster_id = self.cluster_id

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "description": description,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        description = d.pop("description")

        category = d.pop("category", UNSET)

        def _parse_cluster_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cluster_id_type_0 = UUID(data)

                return cluster_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id", UNSET))

        source = d.pop("source", UNSET)

        ticket_review_request = cls(
            subject=subject,
            description=description,
            category=category,
            cluster_id=cluster_id,
            source=source,
        )

        ticket_review_request.additional_properties = d
        return ticket_review_request

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
