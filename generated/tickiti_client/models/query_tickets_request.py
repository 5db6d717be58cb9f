from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryTicketsRequest")


@_attrs_define
class QueryTicketsRequest:
    """
    Attributes:
        perspective_id (int | Unset): A saved perspective by id, an integer [client: tickiti-mcp src/tools/tickets.ts];
            VENDORS.md had a
            string. Without any perspective, 'All' [client: tickiti-mcp src/tools/tickets.ts].
        search_object (SearchObject | Unset): [client: tickiti-mcp src/tools/tickets.ts]; other keys are kept.
    """

    perspective_id: int | Unset = UNSET
    search_object: SearchObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        perspective_id = self.perspective_id

        search_object: dict[str, Any] | Unset = UNSET
        if not isinstance(self.search_object, Unset):
            search_object = self.search_object.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if perspective_id is not UNSET:
            field_dict["perspective_id"] = perspective_id
        if search_object is not UNSET:
            field_dict["search_object"] = search_object

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        perspective_id = d.pop("perspective_id", UNSET)

        _search_object = d.pop("search_object", UNSET)
        search_object: SearchObject | Unset
        if isinstance(_search_object, Unset):
            search_object = UNSET
        else:
            search_object = SearchObject.from_dict(_search_object)

        query_tickets_request = cls(
            perspective_id=perspective_id,
            search_object=search_object,
        )

        query_tickets_request.additional_properties = d
        return query_tickets_request

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
from ..models.search_object import SearchObject
