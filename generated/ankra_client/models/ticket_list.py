from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TicketList")


@_attrs_define
class TicketList:
    """One page of tickets [client: ankra-cli internal/client/support.go SupportTicketListResponse].

    Attributes:
        result (list[TicketSummary]):
        pagination (Pagination): [client: ankra-cli internal/client/support.go SupportTicketPagination]
    """

    result: list[TicketSummary]
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = []
        for result_item_data in self.result:
            result_item = result_item_data.to_dict()
            result.append(result_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = []
        _result = d.pop("result")
        for result_item_data in _result:
            result_item = TicketSummary.from_dict(result_item_data)

            result.append(result_item)

        pagination = Pagination.from_dict(d.pop("pagination"))

        ticket_list = cls(
            result=result,
            pagination=pagination,
        )

        ticket_list.additional_properties = d
        return ticket_list

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
from ..models.pagination import Pagination
from ..models.ticket_summary import TicketSummary
