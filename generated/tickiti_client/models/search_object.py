from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchObject")


@_attrs_define
class SearchObject:
    """[client: tickiti-mcp src/tools/tickets.ts]; other keys are kept.

    Attributes:
        search_perspective (str | Unset): A perspective by name, e.g. `All` [client: tickiti-mcp src/tools/tickets.ts].
        search_perspective_id (int | Unset): A perspective by id [client: tickiti-mcp src/tools/tickets.ts].
        criteria (list[SearchCriterion] | Unset): Criteria of the same mode OR together, different modes AND [client:
            tickiti-mcp src/tools/tickets.ts].
    """

    search_perspective: str | Unset = UNSET
    search_perspective_id: int | Unset = UNSET
    criteria: list[SearchCriterion] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        search_perspective = self.search_perspective

        search_perspective_id = self.search_perspective_id

        criteria: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = []
            for criteria_item_data in self.criteria:
                criteria_item = criteria_item_data.to_dict()
                criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if search_perspective is not UNSET:
            field_dict["search_perspective"] = search_perspective
        if search_perspective_id is not UNSET:
            field_dict["search_perspective_id"] = search_perspective_id
        if criteria is not UNSET:
            field_dict["criteria"] = criteria

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        search_perspective = d.pop("search_perspective", UNSET)

        search_perspective_id = d.pop("search_perspective_id", UNSET)

        _criteria = d.pop("criteria", UNSET)
        criteria: list[SearchCriterion] | Unset = UNSET
        if _criteria is not UNSET:
            criteria = []
            for criteria_item_data in _criteria:
                criteria_item = SearchCriterion.from_dict(criteria_item_data)

                criteria.append(criteria_item)

        search_object = cls(
            search_perspective=search_perspective,
            search_perspective_id=search_perspective_id,
            criteria=criteria,
        )

        search_object.additional_properties = d
        return search_object

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
from ..models.search_criterion import SearchCriterion
