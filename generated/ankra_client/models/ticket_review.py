from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketReview")


@_attrs_define
class TicketReview:
    """The AI review's result [client: ankra-cli internal/client/support.go SupportTicketReview, which
    "mirrors the backend TicketReviewResult"]. The Go struct reads an absent key as its zero value, so
    which keys are always present is not known [inferred]: `review_id`, `quality` and `expires_at`, which
    the CLI cannot work without, are required. Unknown keys are kept.

        Attributes:
            review_id (str): What create_ticket takes as `review_id`.
            quality (str): `pass` or `flag`; a flagged draft needs `acknowledged: true` to be created [client].
            expires_at (datetime.datetime): Until when create_ticket accepts this `review_id` [client: the field; inferred:
                that meaning].
            enrichment (TicketEnrichment | Unset): The AI's suggested summary, severity and category, each possibly null
                [client: ankra-cli internal/client/support.go SupportTicketEnrichment].
            quality_flags (list[str] | Unset): Why the draft was flagged, one reason each [client].
            clarifying_questions (list[str] | Unset): Details that would speed up triage [client].
            duplicate_candidates (list[DuplicateCandidate] | Unset): Tracked tickets that may be the same problem; any makes
                the CLI ask to confirm [client].
            recommended_action (str | Unset): What the review suggests [client: the field]. The values are not captured
                [inferred].
    """

    review_id: str
    quality: str
    expires_at: datetime.datetime
    enrichment: TicketEnrichment | Unset = UNSET
    quality_flags: list[str] | Unset = UNSET
    clarifying_questions: list[str] | Unset = UNSET
    duplicate_candidates: list[DuplicateCandidate] | Unset = UNSET
    recommended_action: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        quality = self.quality

        expires_at = self.expires_at.isoformat()

        enrichment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.enrichment, Unset):
            enrichment = self.enrichment.to_dict()

        quality_flags: list[str] | Unset = UNSET
        if not isinstance(self.quality_flags, Unset):
            quality_flags = self.quality_flags

        clarifying_questions: list[str] | Unset = UNSET
        if not isinstance(self.clarifying_questions, Unset):
            clarifying_questions = self.clarifying_questions

        duplicate_candidates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.duplicate_candidates, Unset):
            duplicate_candidates = []
            for duplicate_candidates_item_data in self.duplicate_candidates:
                duplicate_candidates_item = duplicate_candidates_item_data.to_dict()
                duplicate_candidates.append(duplicate_candidates_item)

        recommended_action = self.recommended_action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "quality": quality,
                "expires_at": expires_at,
            }
        )
        if enrichment is not UNSET:
            field_dict["enrichment"] = enrichment
        if quality_flags is not UNSET:
            field_dict["quality_flags"] = quality_flags
        if clarifying_questions is not UNSET:
            field_dict["clarifying_questions"] = clarifying_questions
        if duplicate_candidates is not UNSET:
            field_dict["duplicate_candidates"] = duplicate_candidates
        if recommended_action is not UNSET:
            field_dict["recommended_action"] = recommended_action

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        review_id = d.pop("review_id")

        quality = d.pop("quality")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        _enrichment = d.pop("enrichment", UNSET)
        enrichment: TicketEnrichment | Unset
        if isinstance(_enrichment, Unset):
            enrichment = UNSET
        else:
            enrichment = TicketEnrichment.from_dict(_enrichment)

        quality_flags = cast(list[str], d.pop("quality_flags", UNSET))

        clarifying_questions = cast(list[str], d.pop("clarifying_questions", UNSET))

        _duplicate_candidates = d.pop("duplicate_candidates", UNSET)
        duplicate_candidates: list[DuplicateCandidate] | Unset = UNSET
        if _duplicate_candidates is not UNSET:
            duplicate_candidates = []
            for duplicate_candidates_item_data in _duplicate_candidates:
                duplicate_candidates_item = DuplicateCandidate.from_dict(
                    duplicate_candidates_item_data
                )

                duplicate_candidates.append(duplicate_candidates_item)

        recommended_action = d.pop("recommended_action", UNSET)

        ticket_review = cls(
            review_id=review_id,
            quality=quality,
            expires_at=expires_at,
            enrichment=enrichment,
            quality_flags=quality_flags,
            clarifying_questions=clarifying_questions,
            duplicate_candidates=duplicate_candidates,
            recommended_action=recommended_action,
        )

        ticket_review.additional_properties = d
        return ticket_review

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
from ..models.duplicate_candidate import DuplicateCandidate
from ..models.ticket_enrichment import TicketEnrichment
