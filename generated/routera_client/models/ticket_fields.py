from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketFields")


@_attrs_define
class TicketFields:
    """Field values keyed by internal name; custom fields beside the system ones.

    Attributes:
        ticket_name (str | Unset):
        pipeline (str | Unset):
        ticket_stage (str | Unset):
        ticket_owner (str | Unset): Owner email.
        external_id (str | Unset): External identifier for sync with outside systems.
    """

    ticket_name: str | Unset = UNSET
    pipeline: str | Unset = UNSET
    ticket_stage: str | Unset = UNSET
    ticket_owner: str | Unset = UNSET
    external_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_name = self.ticket_name

        pipeline = self.pipeline

        ticket_stage = self.ticket_stage

        ticket_owner = self.ticket_owner

        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ticket_name is not UNSET:
            field_dict["ticket_name"] = ticket_name
        if pipeline is not UNSET:
            field_dict["pipeline"] = pipeline
        if ticket_stage is not UNSET:
            field_dict["ticket_stage"] = ticket_stage
        if ticket_owner is not UNSET:
            field_dict["ticket_owner"] = ticket_owner
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_name = d.pop("ticket_name", UNSET)

        pipeline = d.pop("pipeline", UNSET)

        ticket_stage = d.pop("ticket_stage", UNSET)

        ticket_owner = d.pop("ticket_owner", UNSET)

        external_id = d.pop("external_id", UNSET)

        ticket_fields = cls(
            ticket_name=ticket_name,
            pipeline=pipeline,
            ticket_stage=ticket_stage,
            ticket_owner=ticket_owner,
            external_id=external_id,
        )

        ticket_fields.additional_properties = d
        return ticket_fields

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
