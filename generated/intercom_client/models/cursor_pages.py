from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CursorPages")


@_attrs_define
class CursorPages:
    """
    Attributes:
        type_ (str): Always `pages` [doc].
        page (int | Unset):
        per_page (int | Unset):
        total_pages (int | Unset):
        next_ (None | StartingAfterPaging | Unset): The cursor for the next page; null or absent on the last page [doc].
    """

    type_: str
    page: int | Unset = UNSET
    per_page: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    next_: None | StartingAfterPaging | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        page = self.page

        per_page = self.per_page

        total_pages = self.total_pages

        next_: dict[str, Any] | None | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        elif isinstance(self.next_, StartingAfterPaging):
            next_ = self.next_.to_dict()
        else:
            next_ = self.next_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if page is not UNSET:
            field_dict["page"] = page
        if per_page is not UNSET:
            field_dict["per_page"] = per_page
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if next_ is not UNSET:
            field_dict["next"] = next_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        page = d.pop("page", UNSET)

        per_page = d.pop("per_page", UNSET)

        total_pages = d.pop("total_pages", UNSET)

        def _parse_next_(data: object) -> None | StartingAfterPaging | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_type_0 = StartingAfterPaging.from_dict(data)

                return next_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StartingAfterPaging | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        cursor_pages = cls(
            type_=type_,
            page=page,
            per_page=per_page,
            total_pages=total_pages,
            next_=next_,
        )

        cursor_pages.additional_properties = d
        return cursor_pages

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


# Models this one refers to, imported after the class so that models referring to each other load.
from ..models.starting_after_paging import StartingAfterPaging
