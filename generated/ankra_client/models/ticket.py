from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """A support ticket [doc]; Ankra's CLI reads the same fields except `attachments` [client: ankra-cli
    internal/client/support.go SupportTicket, which "mirrors the backend Ticket wire model"]. The
    document's own sample leaves out `source`, `category`, `status` and `ai_review_status` though its
    schema requires them; they stay required here as documented, and the CLI reads them as always there.
    Unknown keys are kept.

        Attributes:
            id (UUID):
            organisation_id (UUID):
            source (str): Where the ticket was opened [doc]. Known values: portal, api, cli, agent.
            category (str): [doc] Known values: technical, account, billing, bug, feature_request, other.
            subject (str):
            description (str):
            status (str): [doc] Known values: pending_review, open, triaging, in_progress, waiting_customer, resolved,
                closed.
            ai_review_status (str): Outcome of the AI review [doc]. Known values: pending, passed, flagged.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            cluster_id (None | Unset | UUID):
            cluster_name (None | str | Unset):
            severity (None | str | Unset): [doc] Known values: low, medium, high, critical.
            ai_summary (None | str | Unset):
            is_tracked_by_team (bool | Unset): Whether Ankra's team tracks the issue [doc; client: the CLI's only team-
                tracking signal]. Default: False.
            comments (list[TicketComment] | Unset): The thread, oldest first [doc]; the CLI reads it as a list [client].
            attachments (list[TicketAttachment] | Unset):
    """

    id: UUID
    organisation_id: UUID
    source: str
    category: str
    subject: str
    description: str
    status: str
    ai_review_status: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    cluster_id: None | Unset | UUID = UNSET
    cluster_name: None | str | Unset = UNSET
    severity: None | str | Unset = UNSET
    ai_summary: None | str | Unset = UNSET
    is_tracked_by_team: bool | Unset = False
    comments: list[TicketComment] | Unset = UNSET
    attachments: list[TicketAttachment] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        organisation_id = str(self.organisation_id)

        source = self.source

        category = self.category

        subject = self.subject

        description = self.description

        status = self.status

        ai_review_status = self.ai_review_status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        ai_summary: None | str | Unset
        if isinstance(self.ai_summary, Unset):
            ai_summary = UNSET
        else:
            ai_summary = self.ai_summary

        is_tracked_by_team = self.is_tracked_by_team

        comments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.comments, Unset):
            comments = []
            for comments_item_data in self.comments:
                comments_item = comments_item_data.to_dict()
                comments.append(comments_item)

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organisation_id": organisation_id,
                "source": source,
                "category": category,
                "subject": subject,
                "description": description,
                "status": status,
                "ai_review_status": ai_review_status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if cluster_name is not UNSET:
            field_dict["cluster_name"] = cluster_name
        if severity is not UNSET:
            field_dict["severity"] = severity
        if ai_summary is not UNSET:
            field_dict["ai_summary"] = ai_summary
        if is_tracked_by_team is not UNSET:
            field_dict["is_tracked_by_team"] = is_tracked_by_team
        if comments is not UNSET:
            field_dict["comments"] = comments
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        organisation_id = UUID(d.pop("organisation_id"))

        source = d.pop("source")

        category = d.pop("category")

        subject = d.pop("subject")

        description = d.pop("description")

        status = d.pop("status")

        ai_review_status = d.pop("ai_review_status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        def _parse_ai_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ai_summary = _parse_ai_summary(d.pop("ai_summary", UNSET))

        is_tracked_by_team = d.pop("is_tracked_by_team", UNSET)

        _comments = d.pop("comments", UNSET)
        comments: list[TicketComment] | Unset = UNSET
        if _comments is not UNSET:
            comments = []
            for comments_item_data in _comments:
                comments_item = TicketComment.from_dict(comments_item_data)

                comments.append(comments_item)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[TicketAttachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = TicketAttachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        ticket = cls(
            id=id,
            organisation_id=organisation_id,
            source=source,
            category=category,
            subject=subject,
            description=description,
            status=status,
            ai_review_status=ai_review_status,
            created_at=created_at,
            updated_at=updated_at,
            cluster_id=cluster_id,
            cluster_name=cluster_name,
            severity=severity,
            ai_summary=ai_summary,
            is_tracked_by_team=is_tracked_by_team,
            comments=comments,
            attachments=attachments,
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


# Models this one refers to, imported after the class so that models referring to each other load.
from ..models.ticket_attachment import TicketAttachment
from ..models.ticket_comment import TicketComment
