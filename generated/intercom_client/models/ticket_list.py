from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketList")


@_attrs_define
class TicketList:
    """One page of search results [doc].

    Attributes:
        type_ (str): Always `ticket.list` [doc].
        tickets (list[None | Ticket]): The tickets; an item may be `null` at 2.16 (`ticket` is nullable there) [doc].
        total_count (int):
        pages (CursorPages | None | Unset): The paging state; the 2.16 schema declares it nullable [doc].
    """

    type_: str
    tickets: list[None | Ticket]
    total_count: int
    pages: CursorPages | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        tickets = []
        for tickets_item_data in self.tickets:
            tickets_item: dict[str, Any] | None
            if isinstance(tickets_item_data, Ticket):
                tickets_item = tickets_item_data.to_dict()
            else:
                tickets_item = tickets_item_data
            tickets.append(tickets_item)

        total_count = self.total_count

        pages: dict[str, Any] | None | Unset
        if isinstance(self.pages, Unset):
            pages = UNSET
        elif isinstance(self.pages, CursorPages):
            pages = self.pages.to_dict()
        else:
            pages = self.pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "tickets": tickets,
                "total_count": total_count,
            }
        )
        if pages is not UNSET:
            field_dict["pages"] = pages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        tickets = []
        _tickets = d.pop("tickets")
        for tickets_item_data in _tickets:

            def _parse_tickets_item(data: object) -> None | Ticket:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    tickets_item_type_0 = Ticket.from_dict(data)

                    return tickets_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Ticket, data)

            tickets_item = _parse_tickets_item(tickets_item_data)

            tickets.append(tickets_item)

        total_count = d.pop("total_count")

        def _parse_pages(data: object) -> CursorPages | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pages_type_0 = CursorPages.from_dict(data)

                return pages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CursorPages | None | Unset, data)

        pages = _parse_pages(d.pop("pages", UNSET))

        ticket_list = cls(
            type_=type_,
            tickets=tickets,
            total_count=total_count,
            pages=pages,
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
from ..models.cursor_pages import CursorPages
from ..models.ticket import Ticket
