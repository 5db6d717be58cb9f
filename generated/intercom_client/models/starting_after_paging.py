from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StartingAfterPaging")


@_attrs_define
class StartingAfterPaging:
    """Page size and cursor, in a search request and in `pages.next` [doc].

    Attributes:
        per_page (int): Results per page (default 20) [doc].
        starting_after (None | str | Unset): The cursor from the previous answer's `pages.next` [doc].
    """

    per_page: int
    starting_after: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        per_page = self.per_page

        starting_after: None | str | Unset
        if isinstance(self.starting_after, Unset):
            starting_after = UNSET
        else:
            starting_after = self.starting_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "per_page": per_page,
            }
        )
        if starting_after is not UNSET:
            field_dict["starting_after"] = starting_after

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        per_page = d.pop("per_page")

        def _parse_starting_after(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        starting_after = _parse_starting_after(d.pop("starting_after", UNSET))

        starting_after_paging = cls(
            per_page=per_page,
            starting_after=starting_after,
        )

        starting_after_paging.additional_properties = d
        return starting_after_paging

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
