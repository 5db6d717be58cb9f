from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdempotencyKeyOk")


@_attrs_define
class IdempotencyKeyOk:
    """
    Attributes:
        ok (Literal[True]):
        data (IdempotencyKeyData | str): The minted key. Shape not captured [inferred]: a bare string or an object
            (every key kept).
    """

    ok: Literal[True]
    data: IdempotencyKeyData | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        data: dict[str, Any] | str
        if isinstance(self.data, IdempotencyKeyData):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ok = cast(Literal[True], d.pop("ok"))
        if ok != True:
            raise ValueError(f"ok must match const True, got '{ok}'")

        def _parse_data(data: object) -> IdempotencyKeyData | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = IdempotencyKeyData.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdempotencyKeyData | str, data)

        data = _parse_data(d.pop("data"))

        idempotency_key_ok = cls(
            ok=ok,
            data=data,
        )

        idempotency_key_ok.additional_properties = d
        return idempotency_key_ok

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
from ..models.idempotency_key_data import IdempotencyKeyData
