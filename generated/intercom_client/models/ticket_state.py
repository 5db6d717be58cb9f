from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketState")


@_attrs_define
class TicketState:
    """A ticket state object (2.12+) [doc]. The 2.16 schema requires none of its keys; `id` is always
    present in its examples. `id` is what an update sends as `ticket_state_id` [doc].

        Attributes:
            type_ (str | Unset): Always `ticket_state` [doc].
            id (str | Unset):
            category (str | Unset): Known values: submitted, in_progress, waiting_on_customer, resolved [doc].
            internal_label (str | Unset): The state as teammates see it [doc].
            external_label (str | Unset): The state as customers see it [doc].
    """

    type_: str | Unset = UNSET
    id: str | Unset = UNSET
    category: str | Unset = UNSET
    internal_label: str | Unset = UNSET
    external_label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        category = self.category

        internal_label = self.internal_label

        external_label = self.external_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        if category is not UNSET:
            field_dict["category"] = category
        if internal_label is not UNSET:
            field_dict["internal_label"] = internal_label
        if external_label is not UNSET:
            field_dict["external_label"] = external_label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        id = d.pop("id", UNSET)

        category = d.pop("category", UNSET)

        internal_label = d.pop("internal_label", UNSET)

        external_label = d.pop("external_label", UNSET)

        ticket_state = cls(
            type_=type_,
            id=id,
            category=category,
            internal_label=internal_label,
            external_label=external_label,
        )

        ticket_state.additional_properties = d
        return ticket_state

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
