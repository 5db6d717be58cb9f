"""The unified model as JSON: the published format of `specs/unified.yaml` (one Ticket per export line)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from typing import Any

from ticketkit_models import Attachment, Comment, Party, Ticket

Model = Ticket | Comment | Attachment | Party


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def to_dict(model: Model) -> dict[str, Any]:
    """A unified object as plain JSON data (timestamps RFC 3339 in UTC, enums as their values)."""
    result: dict[str, Any] = _jsonable(model)
    return result


def to_json(model: Model) -> str:
    """A unified object as one line of JSON, valid against `specs/unified.yaml`."""
    return json.dumps(to_dict(model), ensure_ascii=False, separators=(",", ":"))
