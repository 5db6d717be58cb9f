from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DuplicateCandidate")


@_attrs_define
class DuplicateCandidate:
    """An already tracked ticket the review believes is the same problem [client: ankra-cli
    internal/client/support.go SupportDuplicateCandidate]. Which keys are always present is not known
    [inferred]: none is required.

        Attributes:
            candidate_id (str | Unset):
            summary (str | Unset):
            status_label (str | Unset): A label for people, e.g. `Being worked on` [client: cmd/support_test.go].
            confidence (str | Unset): e.g. `high` [client: cmd/support_test.go]; the values are not captured.
            already_resolved (bool | Unset):
    """

    candidate_id: str | Unset = UNSET
    summary: str | Unset = UNSET
    status_label: str | Unset = UNSET
    confidence: str | Unset = UNSET
    already_resolved: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        candidate_id = self.candidate_id

        summary = self.summary

        status_label = self.status_label

        confidence = self.confidence

        already_resolved = self.already_resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if candidate_id is not UNSET:
            field_dict["candidate_id"] = candidate_id
        if summary is not UNSET:
            field_dict["summary"] = summary
        if status_label is not UNSET:
            field_dict["status_label"] = status_label
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if already_resolved is not UNSET:
            field_dict["already_resolved"] = already_resolved

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        candidate_id = d.pop("candidate_id", UNSET)

        summary = d.pop("summary", UNSET)

        status_label = d.pop("status_label", UNSET)

        confidence = d.pop("confidence", UNSET)

        already_resolved = d.pop("already_resolved", UNSET)

        duplicate_candidate = cls(
            candidate_id=candidate_id,
            summary=summary,
            status_label=status_label,
            confidence=confidence,
            already_resolved=already_resolved,
        )

        duplicate_candidate.additional_properties = d
        return duplicate_candidate

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
