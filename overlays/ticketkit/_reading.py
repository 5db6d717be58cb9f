"""Reading what a vendor sent: JSON bodies, error bodies, headers, and the typed value guards every adapter
uses on what the generated models pass through unchecked.

A guard raises TypeError or ValueError; inside `reading()` that becomes the ResponseValidationError a caller
sees, naming the field. Each guard has one meaning, the same for every vendor.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gc
import json
import math
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import httpx

from ._errors import ErrorInfo, ResponseValidationError
from ._html import html_to_text

T = TypeVar("T")

# What a generated `from_dict` or our normalization raises on a body that breaks the schema. OverflowError:
# a timestamp the schema allows but `datetime` cannot hold ("0001-01-01T00:00:00+05:00" in UTC, Unix 1e20).
MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)

# The deepest nesting of arrays and objects a body may have. Helpdesk answers nest about ten levels (an
# Intercom ticket's part attachments are six); a body that goes past this was not written for a helpdesk
# client. Refusing it at parse time keeps every later walk of `raw` safe: `to_json`, `copy.deepcopy`,
# `repr` and an application's own recursive code each take one to three Python frames a level, and the
# interpreter stops at 1,000 frames (json.loads itself gives up somewhere under 1,000 levels).
MAX_NESTING = 128
# How much of a vendor's words an exception message quotes: a body can hold a megabyte in one string.
MAX_DETAIL = 500


class NestingError(ValueError):
    """A JSON body nested deeper than MAX_NESTING levels (or than json.loads can follow)."""


def parse_json(content: bytes | str) -> Any:
    """`json.loads`, refusing a body nested deeper than MAX_NESTING (NestingError, a ValueError)."""
    try:
        data = json.loads(content)
    except RecursionError as exc:
        raise NestingError(f"JSON nested too deep to parse (the limit is {MAX_NESTING} levels)") from exc
    if type(data) in _CONTAINERS and _nests_deeper(data, MAX_NESTING):
        raise NestingError(f"JSON nested more than {MAX_NESTING} levels deep")
    return data


_CONTAINERS = (dict, list)


def _nests_deeper(data: dict[str, Any] | list[Any], limit: int) -> bool:
    """Whether `data`, as json.loads returns it, has containers more than `limit` levels deep.

    Level by level, at C speed: `gc.get_referents` gives the values of a level's containers, and
    `gc.is_tracked` keeps those that can hold others (every list; every dict holding a container; CPython
    leaves a dict of strings and numbers untracked, and it has nothing beneath it). A 50-part Intercom ticket
    takes about a tenth of its `json.loads` time. The last allowed level checks its values exactly.
    """
    level: list[Any] = [data]
    for _ in range(limit - 1):
        level = [*filter(gc.is_tracked, gc.get_referents(*level))]
        if not level:
            return False
    return any(type(value) in _CONTAINERS for value in gc.get_referents(*level))


def json_body(response: httpx.Response, vendor: str, operation: str) -> Any:
    """The decoded JSON body of a response, or ResponseValidationError (not JSON, or nested too deeply)."""
    try:
        return parse_json(response.content)
    except NestingError as exc:
        raise ResponseValidationError(vendor, operation, f"the body is {exc}", response) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        kind = response.headers.get("content-type", "no content type")
        raise ResponseValidationError(vendor, operation, f"body is not JSON ({kind})", response) from exc


def json_object(response: httpx.Response, vendor: str, operation: str) -> dict[str, Any]:
    body = json_body(response, vendor, operation)
    if not isinstance(body, dict):
        raise ResponseValidationError(vendor, operation, f"expected a JSON object, got {type(body).__name__}")
    return body


def clipped(text: str, limit: int = MAX_DETAIL) -> str:
    """`text`, cut to `limit` characters with an ellipsis: for quoting what a vendor sent in a message."""
    return text if len(text) <= limit else text[:limit] + "…"


@contextmanager
def reading(vendor: str, operation: str, response: httpx.Response | None = None) -> Iterator[None]:
    """Turn a parse or normalization failure inside the block into ResponseValidationError."""
    try:
        yield
    except MALFORMED as exc:
        detail = clipped(f"{type(exc).__name__}: {exc}")
        raise ResponseValidationError(vendor, operation, detail, response) from exc


def nonblank(value: Any) -> str | None:
    """A string with something in it, else None: in an error body, null, "" or a wrong type says nothing."""
    return value if isinstance(value, str) and value.strip() else None


def lenient_text(value: Any) -> str | None:
    """Any value as its text, None when absent: for a field whose type the vendor does not promise (a Routera
    stage, an Intercom ticket attribute)."""
    value = none_if_unset(value)
    return None if value is None else str(value)


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def from_iso(value: Any) -> dt.datetime | None:
    """A timestamp that is an ISO 8601 string (or an already parsed datetime), in UTC."""
    value = none_if_unset(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return utc(value)
    return utc(dt.datetime.fromisoformat(str(value)))


# -- typed value guards -------------------------------------------------------------------------------------
# The generated models check no types beneath the top: a wrong type, or a union member that failed to parse
# (left a dict), passes through them. Absent means None or the generated clients' UNSET marker.


def none_if_unset(value: Any) -> Any:
    """None for the generated clients' UNSET marker (each client has its own class), the value otherwise."""
    return None if type(value).__name__ == "Unset" else value


def _absent(value: object) -> bool:
    return value is None or type(value).__name__ == "Unset"


_KINDS = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "an object"}


def _refused(name: str, kind: type, value: object) -> TypeError:
    return TypeError(f"{name}: expected {_KINDS.get(kind, kind.__name__)}, got {type(value).__name__}")


def optional(value: object, kind: type[T], name: str) -> T | None:
    """`value` if it is a `kind` (a bool is no integer); None when absent; TypeError otherwise."""
    if type(value) is kind:  # the usual case, first: this runs a few hundred times on a long thread
        return value
    if _absent(value):
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _refused(name, kind, value)
    return value


def required(value: object, kind: type[T], name: str) -> T:
    """`value` if it is a `kind` (a bool is no integer); TypeError otherwise, absent included."""
    found = optional(value, kind, name)
    if found is None:
        raise _refused(name, kind, value)
    return found


def optional_text(value: object, name: str) -> str | None:
    if type(value) is str:  # the usual case, without a further call: a long thread reads hundreds of these
        return value
    return optional(value, str, name)


def required_text(value: object, name: str) -> str:
    if type(value) is str:
        return value
    return required(value, str, name)


def flag(value: object, name: str) -> bool:
    """true or false, strictly: absent is an error."""
    return required(value, bool, name)


def integer(value: object, name: str) -> int:
    return required(value, int, name)


def optional_integer(value: object, name: str) -> int | None:
    return optional(value, int, name)


def optional_text_or_number(value: object, name: str) -> str | None:
    """A string field that may come as a number (an id, a priority): its text; None when absent."""
    value = none_if_unset(value)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise _refused(name, str, value)


def optional_text_or_integer(value: object, name: str) -> str | None:
    """A string field that may come as an integer (Intercom 2.16's ids): its text; None when absent."""
    if _absent(value):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"{name}: expected a string or an integer, got {type(value).__name__}")
    return str(value)


def identifier(value: object, name: str) -> str:
    """An id: a non-empty string, or an integer as its text. An empty string names nothing."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value:
        return value
    raise TypeError(f"{name}: expected an id, got {value!r}")


# -- error bodies and headers ---------------------------------------------------------------------------------


def fallback_error_info(response: httpx.Response) -> ErrorInfo:
    """A readable message for any error body: JSON we do not know, HTML from a proxy, or nothing.

    Never raises: it is what every vendor's reader falls back to, on any body a server or proxy may send
    (JSON nested a thousand deep, a megabyte of `<!--`...).
    """
    try:
        body = parse_json(response.content)
    except NestingError as exc:  # the text would be a wall of brackets: say what it is instead
        return ErrorInfo(message=f"the error body is {exc}; not read")
    except (ValueError, UnicodeDecodeError):
        body = None
    if isinstance(body, dict):
        for key in ("message", "error_description", "detail", "error"):
            if isinstance(body.get(key), str) and body[key].strip():
                return ErrorInfo(message=body[key])
    text = response.text.strip()
    if not text:
        return ErrorInfo(message="(empty body)")
    if "<" in text and ">" in text:
        text = html_to_text(text) or ""
    text = " ".join(text.split())
    return ErrorInfo(message=clipped(text, 200) if text else "(empty body)")


def header_number(value: str | None) -> float | None:
    """A header's value as a finite, non-negative number; None when absent or anything else."""
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def http_date(value: str | None) -> float | None:
    """An HTTP date (`Date`, `Retry-After`) as Unix seconds; None when absent, malformed or without a zone."""
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment.timestamp() if moment.tzinfo is not None else None


def retry_after_seconds(headers: Mapping[str, str], now: float) -> float | None:
    """`retry-after-ms`, or `Retry-After` in seconds or as an HTTP date (read against `now`, Unix seconds)."""
    millis = header_number(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000
    value = headers.get("retry-after")
    seconds = header_number(value)
    if seconds is not None:
        return seconds
    when = http_date(value)
    return None if when is None else max(0.0, when - now)


def parse_retry_after(response: httpx.Response) -> float | None:
    """Seconds an answer asks to wait before the next request (`retry_after_seconds` against our clock)."""
    return retry_after_seconds(response.headers, time.time())
