from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RespondTicketRequest")


@_attrs_define
class RespondTicketRequest:
    """
    Attributes:
        ticket_number (str): The ticket's 6-digit number, sent as a string [doc] [client: tickiti-mcp
            src/tools/tickets.ts].
        from_email (str): The author's email; added as a participant if new [client: tickiti-mcp src/tools/tickets.ts].
        content (str | Unset): The response body, HTML [doc]. Required unless `status` is given [client: tickiti-mcp
            src/tools/tickets.ts]; `<img src="data:...;base64,...">` images become `cid:` attachments
            [client: tickiti-mcp src/attachments.ts].
        is_internal (bool | Unset): A staff-only note, never sent to the customer [doc].
        status (str | Unset): The ticket's status after this response: `open` (reopens, clears a hold) or `on-hold`
            [doc]
            [client: tickiti-mcp src/tools/tickets.ts]. Without it, posting reopens a ticket that is not open.
        on_hold_until (datetime.date | Unset): `YYYY-MM-DD`; required with `status: on-hold` [doc] [client: tickiti-mcp
            src/tools/tickets.ts].
    """

    ticket_number: str
    from_email: str
    content: str | Unset = UNSET
    is_internal: bool | Unset = UNSET
    status: str | Unset = UNSET
    on_hold_until: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_number = self.ticket_number

        from_email = self.from_email

        content = self.content

        is_internal = self.is_internal

        status = self.status

        on_hold_until: str | Unset = UNSET
        if not isinstance(self.on_hold_until, Unset):
            on_hold_until = self.on_hold_until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_number": ticket_number,
                "from_email": from_email,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if status is not UNSET:
            field_dict["status"] = status
        if on_hold_until is not UNSET:
            field_dict["on_hold_until"] = on_hold_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_number = d.pop("ticket_number")

        from_email = d.pop("from_email")

        content = d.pop("content", UNSET)

        is_internal = d.pop("is_internal", UNSET)

        status = d.pop("status", UNSET)

        _on_hold_until = d.pop("on_hold_until", UNSET)
        on_hold_until: datetime.date | Unset
        if isinstance(_on_hold_until, Unset):
            on_hold_until = UNSET
        else:
            on_hold_until = datetime.date.fromisoformat(_on_hold_until)

        respond_ticket_request = cls(
            ticket_number=ticket_number,
            from_email=from_email,
            content=content,
            is_internal=is_internal,
            status=status,
            on_hold_until=on_hold_until,
        )

        respond_ticket_request.additional_properties = d
        return respond_ticket_request

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
