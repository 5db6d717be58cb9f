from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """The ticket header of show_ticket [doc].

    Attributes:
        id (str): Internal id, a numeric string [doc].
        number (int): The 6-digit ticket number, an integer in responses [doc].
        subject (str):
        status (str): Known values: open, on-hold [doc] (the list can grow).
        priority (str): Numeric priority as a string, e.g. `"20"` [doc].
        queue_id (str): Numeric id as a string [doc].
        originator_email (str):
        assigned_to_email (None | str): The assignee; null when unassigned [inferred].
        resolved (datetime.datetime | None): When the ticket was resolved; null while unresolved [doc].
        on_hold_until (None | str): Null unless on hold [doc]. Set through respond_ticket as `YYYY-MM-DD`; whether it
            comes back as a
            date or a timestamp was not captured [inferred], so it stays a string.
        created_at (datetime.datetime): ISO 8601 with offset [doc].
        updated_at (datetime.datetime): ISO 8601 with offset [doc].
    """

    id: str
    number: int
    subject: str
    status: str
    priority: str
    queue_id: str
    originator_email: str
    assigned_to_email: None | str
    resolved: datetime.datetime | None
    on_hold_until: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        subject = self.subject

        status = self.status

        priority = self.priority

        queue_id = self.queue_id

        originator_email = self.originator_email

        assigned_to_email: None | str
        assigned_to_email = self.assigned_to_email

        resolved: None | str
        if isinstance(self.resolved, datetime.datetime):
            resolved = self.resolved.isoformat()
        else:
            resolved = self.resolved

        on_hold_until: None | str
        on_hold_until = self.on_hold_until

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "subject": subject,
                "status": status,
                "priority": priority,
                "queue_id": queue_id,
                "originator_email": originator_email,
                "assigned_to_email": assigned_to_email,
                "resolved": resolved,
                "on_hold_until": on_hold_until,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        subject = d.pop("subject")

        status = d.pop("status")

        priority = d.pop("priority")

        queue_id = d.pop("queue_id")

        originator_email = d.pop("originator_email")

        def _parse_assigned_to_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assigned_to_email = _parse_assigned_to_email(d.pop("assigned_to_email"))

        def _parse_resolved(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved = _parse_resolved(d.pop("resolved"))

        def _parse_on_hold_until(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_hold_until = _parse_on_hold_until(d.pop("on_hold_until"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        ticket = cls(
            id=id,
            number=number,
            subject=subject,
            status=status,
            priority=priority,
            queue_id=queue_id,
            originator_email=originator_email,
            assigned_to_email=assigned_to_email,
            resolved=resolved,
            on_hold_until=on_hold_until,
            created_at=created_at,
            updated_at=updated_at,
        )

        ticket.additional_properties = d
        return ticket

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
