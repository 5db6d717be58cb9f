from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketCreateFromReview")


@_attrs_define
class TicketCreateFromReview:
    """Create from a stored review [client: ankra-cli internal/client/support.go CreateSupportTicketRequest:
    "When ReviewID is set the backend reads the subject/description/category/cluster from the stored
    review and only honours Severity, Acknowledged and the review reference"]. Ankra's CLI sends exactly
    `{review_id, source, acknowledged}`, plus `severity` when given [client: ankra-cli cmd/support.go].

        Attributes:
            review_id (str): The `review_id` of a review_ticket answer, before its `expires_at`; one review opens one ticket
                [inferred].
            severity (None | str | Unset): Known values: low, medium, high, critical. Without it the review's suggested
                severity is used [inferred].
            source (str | Unset): Sent by the CLI [client]; the ticket's source is the reviewed draft's [inferred]. Known
                values: portal, api, cli, agent.
            acknowledged (bool | Unset): `true` creates the ticket even when the review flagged it (otherwise 409) [client:
                the CLI's --force or its confirmation prompt].
    """

    review_id: str
    severity: None | str | Unset = UNSET
    source: str | Unset = UNSET
    acknowledged: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        source = self.source

        acknowledged = self.acknowledged

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "review_id": review_id,
            }
        )
        if severity is not UNSET:
            field_dict["severity"] = severity
        if source is not UNSET:
            field_dict["source"] = source
        if acknowledged is not UNSET:
            field_dict["acknowledged"] = acknowledged

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        review_id = d.pop("review_id")

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        source = d.pop("source", UNSET)

        acknowledged = d.pop("acknowledged", UNSET)

        ticket_create_from_review = cls(
            review_id=review_id,
            severity=severity,
            source=source,
            acknowledged=acknowledged,
        )

        return ticket_create_from_review
