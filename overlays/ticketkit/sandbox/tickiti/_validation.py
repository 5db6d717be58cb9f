"""Laravel-style request validation: every problem is collected per field, then answered at once with 422."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Callable, Collection
from typing import Any, NoReturn

import httpx

from ticketkit.sandbox._app import HTTPError

Body = dict[str, Any]
# Builds the 422 answer from `{field: [messages]}` (the app owns the error body shape).
Refusal = Callable[[dict[str, list[str]]], httpx.Response]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_ID = 2**63 - 1  # MySQL's BIGINT, where Laravel keeps ids
_MISSING = object()


def json_body(request: httpx.Request, refuse: Refusal) -> Body:
    """The JSON object sent (every v1 route takes one, `{}` at the least)."""
    if not request.content.strip():
        raise HTTPError(refuse({"body": ["The request body must be a JSON object."]}))
    try:
        body = json.loads(request.content)
    except ValueError:
        raise HTTPError(refuse({"body": ["The request body must be valid JSON."]})) from None
    if not isinstance(body, dict):
        raise HTTPError(refuse({"body": ["The request body must be a JSON object."]}))
    return body


def parse_moment(text: str) -> dt.datetime | None:
    """A `YYYY-MM-DD` date (its midnight, UTC) or an ISO 8601 timestamp (UTC when it has no offset)."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Rules:
    """Checks one request body field by field; `done()` refuses it with every message at once."""

    def __init__(self, body: Body, refuse: Refusal) -> None:
        self.body = body
        self.errors: dict[str, list[str]] = {}
        self._refuse = refuse

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def done(self) -> None:
        if self.errors:
            self.refuse()

    def refuse(self) -> NoReturn:
        """Refuse the request with every message collected so far."""
        raise HTTPError(self._refuse(self.errors or {"body": ["The request could not be read."]}))

    # -- one field each ------------------------------------------------------------------------------

    def _get(self, field: str, required: bool) -> Any:
        """The value at a dotted path, or _MISSING (after a "required" message when it must be there)."""
        node: Any = self.body
        for part in field.split("."):
            node = _child(node, part)
        if node is _MISSING and required:
            self.fail(field, f"The {_label(field)} field is required.")
        return node

    def string(
        self, field: str, *, required: bool = False, pattern: re.Pattern[str] | None = None, max_length: int = 0
    ) -> str | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self.fail(field, f"The {_label(field)} field must be a string.")
            return None
        if required and not value.strip():
            self.fail(field, f"The {_label(field)} field is required.")
            return None
        if max_length and len(value) > max_length:
            self.fail(field, f"The {_label(field)} field must not be greater than {max_length} characters.")
            return None
        if pattern is not None and not pattern.match(value):
            self.fail(field, f"The {_label(field)} field format is invalid.")
            return None
        return value

    def identifier(self, field: str) -> str | None:
        """A required id given as a string or a number, as text (an id nothing has is the caller's 404)."""
        value = self._get(field, True)
        if value is _MISSING:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.fail(field, f"The {_label(field)} field must be a string or an integer.")
            return None
        return value.strip()

    def email(self, field: str, *, required: bool = False) -> str | None:
        value = self.string(field, required=required)
        if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            self.fail(field, f"The {_label(field)} field must be a valid email address.")
            return None
        return value

    def choice(self, field: str, choices: Collection[str]) -> str | None:
        value = self.string(field)
        if value is not None and value not in choices:
            self.fail(field, f"The selected {_label(field)} is invalid.")
            return None
        return value

    def boolean(self, field: str) -> bool | None:
        value = self._get(field, False)
        if value is _MISSING:
            return None
        if not isinstance(value, bool):
            self.fail(field, f"The {_label(field)} field must be true or false.")
            return None
        return value

    def integer(self, field: str, minimum: int = 1, maximum: int = MAX_ID, *, required: bool = False) -> int | None:
        """An integer; a string of digits passes too, as Laravel's `integer` rule lets it."""
        value = self._get(field, required)
        if value is _MISSING:
            return None
        number = _as_integer(value)
        if number is None:
            self.fail(field, f"The {_label(field)} field must be an integer.")
            return None
        if not minimum <= number <= maximum:
            self.fail(field, f"The {_label(field)} field must be between {minimum} and {maximum}.")
            return None
        return number

    def integers(self, field: str) -> list[int] | None:
        """A list of integers (digit strings pass too)."""
        value = self._get(field, False)
        if value is _MISSING:
            return None
        if not isinstance(value, list):
            self.fail(field, f"The {_label(field)} field must be an array.")
            return None
        numbers = [_as_integer(item) for item in value]
        for index, number in enumerate(numbers):
            if number is None:
                self.fail(f"{field}.{index}", f"The {field}.{index} field must be an integer.")
        return [n for n in numbers if n is not None] if None not in numbers else None

    def tokens(self, field: str) -> list[str] | None:
        """A non-empty list of strings or integers, as text (search tokens: ids may come as numbers)."""
        value = self._get(field, True)
        if value is _MISSING:
            return None
        if not isinstance(value, list) or not value:
            self.fail(field, f"The {_label(field)} field must be a non-empty array.")
            return None
        texts: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                texts.append(item.strip())
            elif isinstance(item, int) and not isinstance(item, bool):
                texts.append(str(item))
            else:
                self.fail(f"{field}.{index}", f"The {field}.{index} field must be a string or an integer.")
        return texts if len(texts) == len(value) else None

    def date(self, field: str) -> dt.date | None:
        """A `YYYY-MM-DD` date."""
        value = self.string(field)
        if value is None:
            return None
        if DATE.match(value):
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(value)
        self.fail(field, f"The {_label(field)} field must be a valid date.")
        return None

    def moment(self, field: str, *, required: bool = False) -> dt.datetime | None:
        """A date or an ISO 8601 timestamp."""
        value = self.string(field, required=required)
        if value is None:
            return None
        moment = parse_moment(value)
        if moment is None:
            self.fail(field, f"The {_label(field)} field must be a valid date.")
        return moment

    def object(self, field: str) -> Body | None:
        value = self._get(field, False)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.fail(field, f"The {_label(field)} field must be an object.")
            return None
        return value

    def strings(self, field: str, *, choices: Collection[str] = ()) -> list[str] | None:
        """A list of strings (each one of `choices` when given)."""
        value = self._get(field, False)
        if value is _MISSING:
            return None
        if not isinstance(value, list):
            self.fail(field, f"The {_label(field)} field must be an array.")
            return None
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{field}.{index}", f"The {field}.{index} field must be a string.")
            elif choices and item not in choices:
                self.fail(f"{field}.{index}", f"The selected {field}.{index} is invalid.")
        return value if all(isinstance(item, str) for item in value) else None

    def objects(self, field: str) -> list[Body] | None:
        value = self._get(field, False)
        if value is _MISSING:
            return None
        if not isinstance(value, list):
            self.fail(field, f"The {_label(field)} field must be an array.")
            return None
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.fail(f"{field}.{index}", f"The {field}.{index} field must be an object.")
        return value if all(isinstance(item, dict) for item in value) else None

    def only(self, allowed: Collection[str]) -> None:
        """Refuse keys outside `allowed` (for bodies the spec closes with `additionalProperties: false`)."""
        for key in self.body:
            if key not in allowed:
                self.fail(key, f"The {_label(key)} field is prohibited.")


def _as_integer(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdecimal() and value.isascii():
        return int(value)
    return None


def _child(node: Any, part: str) -> Any:
    """One step down a dotted path: a key of an object, or an index of a list (`criteria.0.mode`)."""
    if isinstance(node, dict):
        return node.get(part, _MISSING)
    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
        return node[int(part)]
    return _MISSING


def _label(field: str) -> str:
    """How Laravel names a field in its messages: `ticket_number` -> `ticket number`."""
    return field.replace("_", " ")
