from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Any Tickiti failure body, at an error status. Tickiti's own client reads the human text from a top-level
    `message` and, on a validation failure, the per-field `errors` [client: tickiti-mcp src/client.ts].
    Where the documented codes (`validation_failed` 422, `not_found` 404, `unauthenticated` 401, `forbidden`
    403, `idempotency_key_conflict` 409 [doc]) travel was not captured [inferred]: `error` holds one as a
    string, or as VENDORS.md guessed, an object `{code, message}`; `ok: false` may sit beside it. Every
    property is optional and unknown keys are kept.

        Attributes:
            message (str | Unset): The human text [client: tickiti-mcp src/client.ts].
            errors (FieldErrors | Unset): The per-field messages of a validation failure: an object [client: tickiti-mcp
                src/client.ts], keyed by
                field name with a list of messages each, as Laravel writes it [inferred].
            ok (bool | Unset): `false` when present [inferred].
            error (ErrorDetail | str | Unset): The documented code as a string, or an object `{code, message}` [inferred].
    """

    message: str | Unset = UNSET
    errors: FieldErrors | Unset = UNSET
    ok: bool | Unset = UNSET
    error: ErrorDetail | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        ok = self.ok

        error: dict[str, Any] | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorDetail):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors
        if ok is not UNSET:
            field_dict["ok"] = ok
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: FieldErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = FieldErrors.from_dict(_errors)

        ok = d.pop("ok", UNSET)

        def _parse_error(data: object) -> ErrorDetail | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = ErrorDetail.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorDetail | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        error = cls(
            message=message,
            errors=errors,
            ok=ok,
            error=error,
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
