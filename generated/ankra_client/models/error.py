from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """FastAPI-style error body [client + older Ankra spec]: `{"detail": "<text>"}` (409 included [client:
    ankra-cli internal/client/support.go extractDetail]); 422 `{"detail": [{loc, msg, type}]}`; 403
    `{"detail": "permission_denied", "permission": "<perm>"}`. An object `detail` is tolerated, not seen
    [inferred]. `detail` is present in every documented form but not required, so that an unexpected body
    still parses. Extra keys are kept.

        Attributes:
            detail (ErrorDetailObject | list[ValidationIssue] | str | Unset):
            permission (str | Unset): The missing permission, with `detail: permission_denied` (403) [client].
    """

    detail: ErrorDetailObject | list[ValidationIssue] | str | Unset = UNSET
    permission: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail: dict[str, Any] | list[dict[str, Any]] | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, list):
            detail = []
            for detail_type_1_item_data in self.detail:
                detail_type_1_item = detail_type_1_item_data.to_dict()
                detail.append(detail_type_1_item)

        elif isinstance(self.detail, ErrorDetailObject):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        permission = self.permission

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if detail is not UNSET:
            field_dict["detail"] = detail
        if permission is not UNSET:
            field_dict["permission"] = permission

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_detail(
            data: object,
        ) -> ErrorDetailObject | list[ValidationIssue] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                detail_type_1 = []
                _detail_type_1 = data
                for detail_type_1_item_data in _detail_type_1:
                    detail_type_1_item = ValidationIssue.from_dict(
                        detail_type_1_item_data
                    )

                    detail_type_1.append(detail_type_1_item)

                return detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_2 = ErrorDetailObject.from_dict(data)

                return detail_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorDetailObject | list[ValidationIssue] | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        permission = d.pop("permission", UNSET)

        error = cls(
            detail=detail,
            permission=permission,
        )

        error.additional_properties = d
        return error

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
from ..models.error_detail_object import ErrorDetailObject
from ..models.validation_issue import ValidationIssue
