from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketRow")


@_attrs_define
class TicketRow:
    """A row of query_tickets. Not captured [inferred]: ticket-like, every field optional, loosely typed
    (numbers or strings, timestamps as sent), unknown keys kept.

        Attributes:
            id (int | str | Unset):
            number (int | str | Unset):
            subject (None | str | Unset):
            status (None | str | Unset): Known values: open, on-hold [doc].
            priority (int | None | str | Unset):
            queue_id (int | None | str | Unset):
            originator_email (None | str | Unset):
            assigned_to_email (None | str | Unset):
            resolved (None | str | Unset):
            on_hold_until (None | str | Unset):
            created_at (None | str | Unset):
            updated_at (None | str | Unset):
    """

    id: int | str | Unset = UNSET
    number: int | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    priority: int | None | str | Unset = UNSET
    queue_id: int | None | str | Unset = UNSET
    originator_email: None | str | Unset = UNSET
    assigned_to_email: None | str | Unset = UNSET
    resolved: None | str | Unset = UNSET
    on_hold_until: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        number: int | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        priority: int | None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        queue_id: int | None | str | Unset
        if isinstance(self.queue_id, Unset):
            queue_id = UNSET
        else:
            queue_id = self.queue_id

        originator_email: None | str | Unset
        if isinstance(self.originator_email, Unset):
            originator_email = UNSET
        else:
            originator_email = self.originator_email

        assigned_to_email: None | str | Unset
        if isinstance(self.assigned_to_email, Unset):
            assigned_to_email = UNSET
        else:
            assigned_to_email = self.assigned_to_email

        resolved: None | str | Unset
        if isinstance(self.resolved, Unset):
            resolved = UNSET
        else:
            resolved = self.resolved

        on_hold_until: None | str | Unset
        if isinstance(self.on_hold_until, Unset):
            on_hold_until = UNSET
        else:
            on_hold_until = self.on_hold_until

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if number is not UNSET:
            field_dict["number"] = number
        if subject is not UNSET:
            field_dict["subject"] = subject
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if queue_id is not UNSET:
            field_dict["queue_id"] = queue_id
        if originator_email is not UNSET:
            field_dict["originator_email"] = originator_email
        if assigned_to_email is not UNSET:
            field_dict["assigned_to_email"] = assigned_to_email
        if resolved is not UNSET:
            field_dict["resolved"] = resolved
        if on_hold_until is not UNSET:
            field_dict["on_hold_until"] = on_hold_until
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_number(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_priority(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_queue_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        queue_id = _parse_queue_id(d.pop("queue_id", UNSET))

        def _parse_originator_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        originator_email = _parse_originator_email(d.pop("originator_email", UNSET))

        def _parse_assigned_to_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_to_email = _parse_assigned_to_email(d.pop("assigned_to_email", UNSET))

        def _parse_resolved(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved = _parse_resolved(d.pop("resolved", UNSET))

        def _parse_on_hold_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        on_hold_until = _parse_on_hold_until(d.pop("on_hold_until", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        ticket_row = cls(
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

        ticket_row.additional_properties = d
        return ticket_row

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
