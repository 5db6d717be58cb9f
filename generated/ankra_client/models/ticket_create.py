from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketCreate")


@_attrs_define
class TicketCreate:
    """Create from the draft's own fields; Ankra reviews it inline [doc: the fields; client: ankra-cli
    internal/client/support.go CreateSupportTicketRequest without `review_id`]. Unset optional fields are
    left out of the body. A body with a `review_id` is a TicketCreateFromReview (Ankra would ignore these
    fields), so `review_id` is not a key here.

        Attributes:
            subject (str):
            description (str):
            category (str | Unset): Default `technical` [doc]. Known values: technical, account, billing, bug,
                feature_request, other.
            severity (None | str | Unset): [doc] Known values: low, medium, high, critical.
            cluster_id (None | Unset | UUID):
            source (str | Unset): Default `portal` [doc]; the CLI always sends it (`cli` or `agent`) [client]. Known values:
                portal, api, cli, agent.
            acknowledged (bool | Unset): `true` creates the ticket even when the review flags it (otherwise 409) [doc]; the
                CLI always sends it [client].
            environment (Any | Unset): Environment details [doc: the field; the CLI does not send it]. Its type is not
                documented
                [inferred]: any JSON value is accepted and sent as given.
    """

    subject: str
    description: str
    category: str | Unset = UNSET
    severity: None | str | Unset = UNSET
    cluster_id: None | Unset | UUID = UNSET
    source: str | Unset = UNSET
    acknowledged: bool | Unset = UNSET
    environment: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        description = self.description

        category = self.category

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        cluster_id: None | str | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        elif isinstance(self.cluster_id, UUID):
            cluster_id = str(self.cluster_id)
        else:
            cluster_id = self.cluster_id

        source = self.source

        acknowledged = self.acknowledged

        environment = self.environment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
                "description": description,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if severity is not UNSET:
            field_dict["severity"] = severity
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if source is not UNSET:
            field_dict["source"] = source
        if acknowledged is not UNSET:
            field_dict["acknowledged"] = acknowledged
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        description = d.pop("description")

        category = d.pop("category", UNSET)

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

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

        source = d.pop("source", UNSET)

        acknowledged = d.pop("acknowledged", UNSET)

        environment = d.pop("environment", UNSET)

        ticket_create = cls(
            subject=subject,
            description=description,
            category=category,
            severity=severity,
            cluster_id=cluster_id,
            source=source,
            acknowledged=acknowledged,
            environment=environment,
        )

        return ticket_create
