from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Any Tickiti failure body. The shape is NOT confirmed [inferred], so this one object parses all three
    candidates: `{"ok": false, "error": {"code", "message"}}`, Laravel's `{"message", "errors": {field:
    [msgs]}}`, and a body with an `error` key (an object or a string). Every property is optional and
    unknown keys are kept. Documented codes: `validation_failed` (422), `not_found` (404),
    `unauthenticated` (401), `forbidden` (403), `idempotency_key_conflict` (409) [doc].

    The `not` keeps a success envelope (`ok: true`) from also matching, so each 200 `oneOf` is exclusive;
    the generated client ignores `not` and tries the `<operation>Ok` model first, which requires
    `ok: true`.

        Attributes:
            ok (bool | Unset): `false` when present [inferred].
            error (ErrorDetail | str | Unset): `{code, message}` [inferred], or a bare string [inferred].
            message (str | Unset): Laravel's top-level message [inferred].
            errors (FieldErrors | Unset): Laravel's validation messages, keyed by field name [inferred].
    """

    ok: bool | Unset = UNSET
    error: ErrorDetail | str | Unset = UNSET
    message: str | Unset = UNSET
    errors: FieldErrors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        error: dict[str, Any] | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorDetail):
            error = self.error.to_dict()
        else:
            error = self.error

        message = self.message

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ok is not UNSET:
            field_dict["ok"] = ok
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ok = d.pop("ok", UNSET)

        def _parse_error(data: object) -> ErrorDetail | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorDetail.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorDetail | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        message = d.pop("message", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: FieldErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = FieldErrors.from_dict(_errors)

        error = cls(
            ok=ok,
            error=error,
            message=message,
            errors=errors,
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
from ..models.error_detail import ErrorDetail
from ..models.field_errors import FieldErrors
