from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketSummary")


@_attrs_define
class TicketSummary:
    """One row of the ticket list: the Ticket without its organisation, description, AI summary and thread
    [client: ankra-cli internal/client/support.go SupportTicketSummary]. The CLI's Go struct reads an
    absent key as its zero value, so which keys are always present is not known [inferred]: only `id` is
    required. Unknown keys are kept.

        Attributes:
            id (str): The ticket's id (a uuid) for get_ticket.
            cluster_id (None | Unset | UUID):
            cluster_name (None | str | Unset):
            source (str | Unset): Known values: portal, api, cli, agent.
            category (str | Unset): Known values: technical, account, billing, bug, feature_request, other.
            subject (str | Unset):
            status (str | Unset): Known values: pending_review, open, triaging, in_progress, waiting_customer, resolved,
                closed.
            severity (None | str | Unset): Known values: low, medium, high, critical.
            ai_review_status (str | Unset): Known values: pending, passed, flagged.
            is_tracked_by_team (bool | Unset):  Default: False.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
    """

    id: str
    cluster_id: None | Unset | UUID = UNSET
    cluster_name: None | str | Unset = UNSET
    source: str | Unset = UNSET
    category: str | Unset = UNSET
    subject: str | Unset = UNSET
    status: str | Unset = UNSET
    severity: None | str | Unset = UNSET
    ai_review_status: str | Unset = UNSET
    is_tracked_by_team: bool | Unset = False
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        cluster_id: None | str | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        elif isinstance(self.cluster_id, UUID):
            cluster_id = str(self.cluster_id)
        else:
            cluster_id = self.cluster_id

        cluster_name: None | str | Unset
        if isinstance(self.cluster_name, Unset):
            cluster_name = UNSET
        else:
            cluster_name = self.cluster_name

        source = self.source

        category = self.category

        subject = self.subject

        status = self.status

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        ai_review_status = self.ai_review_status

        is_tracked_by_team = self.is_tracked_by_team

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if cluster_name is not UNSET:
            field_dict["cluster_name"] = cluster_name
        if source is not UNSET:
            field_dict["source"] = source
        if category is not UNSET:
            field_dict["category"] = category
        if subject is not UNSET:
            field_dict["subject"] = subject
        if status is not UNSET:
            field_dict["status"] = status
        if severity is not UNSET:
            field_dict["severity"] = severity
        if ai_review_status is not UNSET:
            field_dict["ai_review_status"] = ai_review_status
        if is_tracked_by_team is not UNSET:
            field_dict["is_tracked_by_team"] = is_tracked_by_team
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_cluster_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cluster_id_type_0 = UUID(data)

                return cluster_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id", UNSET))

        def _parse_cluster_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cluster_name = _parse_cluster_name(d.pop("cluster_name", UNSET))

        source = d.pop("source", UNSET)

        category = d.pop("category", UNSET)

        subject = d.pop("subject", UNSET)

        status = d.pop("status", UNSET)

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        ai_review_status = d.pop("ai_review_status", UNSET)

        is_tracked_by_team = d.pop("is_tracked_by_team", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        ticket_summary = cls(
            id=id,
            cluster_id=cluster_id,
            cluster_name=cluster_name,
            source=source,
            category=category,
            subject=subject,
            status=status,
            severity=severity,
            ai_review_status=ai_review_status,
            is_tracked_by_team=is_tracked_by_team,
            created_at=created_at,
            updated_at=updated_at,
        )

        ticket_summary.additional_properties = d
        return ticket_summary

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
