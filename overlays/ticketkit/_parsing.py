"""Small, vendor-neutral helpers the adapters use to read generated models into the unified one."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import httpx

from ._errors import ResponseValidationError

T = TypeVar("T")

# What a generated `from_dict` or our normalization raises on a body that breaks the schema. OverflowError:
# a timestamp the schema allows but `datetime` cannot hold ("0001-01-01T00:00:00+05:00" in UTC, Unix 1e20).
MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


def json_body(response: httpx.Response, vendor: str, operation: str) -> Any:
    """The decoded JSON body of a success response, or ResponseValidationError."""
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError) as exc:
        kind = response.headers.get("content-type", "no content type")
        raise ResponseValidationError(vendor, operation, f"body is not JSON ({kind})", response) from exc


def json_object(response: httpx.Response, vendor: str, operation: str) -> dict[str, Any]:
    body = json_body(response, vendor, operation)
    if not isinstance(body, dict):
        raise ResponseValidationError(vendor, operation, f"expected a JSON object, got {type(body).__name__}")
    return body


@contextmanager
def reading(vendor: str, operation: str, response: httpx.Response | None = None) -> Iterator[None]:
    """Turn a parse or normalization failure inside the block into ResponseValidationError."""
    try:
        yield
    except MALFORMED as exc:
        detail = f"{type(exc).__name__}: {exc}"
        raise ResponseValidationError(vendor, operation, detail, response) from exc


_HEADER_VALUE = re.compile(r"[\x21-\x7e]+")


def header_safe(value: object) -> bool:
    """Whether `value` can go into a header as a credential: a string of visible ASCII (a JWT, a token)."""
    return isinstance(value, str) and _HEADER_VALUE.fullmatch(value) is not None


def given(value: Any) -> Any:
    """`None` for the generated clients' `UNSET` marker, the value otherwise."""
    return None if type(value).__name__ == "Unset" else value


def nonblank(value: Any) -> str | None:
    """A string with something in it, else None: in an error body, null, "" or a wrong type says nothing."""
    return value if isinstance(value, str) and value.strip() else None


def text_or_none(value: Any) -> str | None:
    value = given(value)
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
    value = given(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return utc(value)
    return utc(dt.datetime.fromisoformat(str(value)))


# HTML to text with three regular expressions: several times faster than html.parser on ticket bodies (the
# hot path of a 50-part Intercom thread), and enough for what a plain-text preview needs.
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(?:br|p|div|li|tr|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z!][^>]*>")


def html_to_text(markup: str | None) -> str | None:
    """Plain text from an HTML body: tags dropped, entities decoded, one blank-free line per block."""
    if markup is None:
        return None
    text = markup
    if "<" in text:
        if "<!" in text or "<s" in text or "<S" in text:  # a comment, a script or a style: rare, and costly
            text = _HIDDEN.sub("", text)
        text = _TAG.sub("", _BLOCK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    text = text.strip()
    if "\n" not in text and "\r" not in text:  # one line: the common case, a single paragraph
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def escape_text(text: str) -> str:
    """HTML for a plain-text body: escaped, with line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))
