from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchCriterion")


@_attrs_define
class SearchCriterion:
    """
    Attributes:
        mode (str | Unset): Known values [client: tickiti-mcp src/tools/tickets.ts]: subject, content, subject_content,
            assigned
            (an email), participant (an email), priority, raised (the originator's email), queue (a name), status,
            watchlist (an id), hashtag, ticket_number, and the date filters created_from, created_to,
            updated_from, updated_to (tokens `YYYY-MM-DD`, compared as UTC days). The install's own list (which
            can grow) is in get_search_items' `available_modes`.
        tokens (list[int | str] | Unset): The values to match. The client's search_object is free-form
            (`z.record(z.any())`), so numbers
            (a watchlist id, a ticket number) may arrive as integers [client: tickiti-mcp src/tools/tickets.ts].
    """

    mode: str | Unset = UNSET
    tokens: list[int | str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode

        tokens: list[int | str] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = []
            for tokens_item_data in self.tokens:
                tokens_item: int | str
                tokens_item = tokens_item_data
                tokens.append(tokens_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if mode is not UNSET:
            field_dict["mode"] = mode
        if tokens is not UNSET:
            field_dict["tokens"] = tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mode = d.pop("mode", UNSET)

        _tokens = d.pop("tokens", UNSET)
        tokens: list[int | str] | Unset = UNSET
        if _tokens is not UNSET:
            tokens = []
            for tokens_item_data in _tokens:

                def _parse_tokens_item(data: object) -> int | str:
                    return cast(int | str, data)

                tokens_item = _parse_tokens_item(tokens_item_data)

                tokens.append(tokens_item)

        search_criterion = cls(
            mode=mode,
            tokens=tokens,
        )

        search_criterion.additional_properties = d
        return search_criterion

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
