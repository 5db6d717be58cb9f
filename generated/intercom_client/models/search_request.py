from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchRequest")


@_attrs_define
class SearchRequest:
    """A ticket search [doc].

    Attributes:
        query (CompoundFilter | SingleFilter): One filter or an AND/OR group of filters [doc].
        pagination (StartingAfterPaging | Unset): Page size and cursor, in a search request and in `pages.next` [doc].
    """

    query: CompoundFilter | SingleFilter
    pagination: StartingAfterPaging | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query: dict[str, Any]
        if isinstance(self.query, SingleFilter):
            query = self.query.to_dict()
        else:
            query = self.query.to_dict()

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
            }
        )
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_query(data: object) -> CompoundFilter | SingleFilter:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                query_type_0 = SingleFilter.from_dict(data)

                return query_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            query_type_1 = CompoundFilter.from_dict(data)

            return query_type_1

        query = _parse_query(d.pop("query"))

        _pagination = d.pop("pagination", UNSET)
        pagination: StartingAfterPaging | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = StartingAfterPaging.from_dict(_pagination)

        search_request = cls(
            query=query,
            pagination=pagination,
        )

        search_request.additional_properties = d
        return search_request

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
from ..models.compound_filter import CompoundFilter
from ..models.single_filter import SingleFilter
from ..models.starting_after_paging import StartingAfterPaging
