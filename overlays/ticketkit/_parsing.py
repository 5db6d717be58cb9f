"""Small, vendor-neutral helpers the adapters use to read generated models into the unified one."""

from __future__ import annotations

import datetime as dt
import gc
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
#
# In linear time on any input. A pattern that scans ahead for a closing `>`, `-->` or `</script>` reads the
# rest of the text each time it fails, so "<!--" * 40000, or "<a" * 40000 with no `>`, took time quadratic in
# their length (a 160 KB part body: 24 s). A text longer than SHORT_HTML is therefore not given to a pattern
# where it could fail that way: the tag patterns run on the text up to its last `>` only (past it nothing can
# end a tag, so nothing there is dropped), and comments, scripts and styles are found by `_drop_hidden`,
# which looks for each closing mark once. A shorter text takes the patterns as they are (at most
# SHORT_HTML² / 2 steps, and no added cost on the common short reply). Either way the output is what
# `re.sub` gives with the three patterns (tests/test_hostile_servers.py compares the two): only the time
# changed.
SHORT_HTML = 256
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_HIDDEN_START = re.compile(r"<(?:(script|style)\b|!--)", re.IGNORECASE)
_HIDDEN_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "comment": re.compile(r"-->"),
    "tag": re.compile(r">"),
}
_BLOCK = re.compile(r"</?(?:br|p|div|li|tr|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
# html.unescape raises ValueError on a decimal character reference longer than int() converts (4,300 digits).
_LONG_REFERENCE = re.compile(r"&#([0-9]{8,})")


def html_to_text(markup: str | None) -> str | None:
    """Plain text from an HTML body: tags dropped, entities decoded, one blank-free line per block."""
    if markup is None:
        return None
    text = markup
    if "<" in text:
        short = len(text) <= SHORT_HTML
        if "<!" in text or "<s" in text or "<S" in text:  # a comment, a script or a style: rare, and costly
            text = _HIDDEN.sub("", text) if short else _drop_hidden(text)
        if short:
            text = _BLOCK.sub("\n", text)
            text = _TAG.sub("", text)
        else:
            text = _drop_tags(_BLOCK, "\n", text)
            text = _drop_tags(_TAG, "", text)
    if "&" in text:
        if "&#" in text and _LONG_REFERENCE.search(text):  # html.unescape raises ValueError on one
            text = _LONG_REFERENCE.sub(_shorter_reference, text)
        text = html.unescape(text)
    text = text.strip()
    if "\n" not in text and "\r" not in text:  # one line: the common case, a single paragraph
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    """Whether `text` holds a tag (`<p>`, `</ div>`...): the test for a field that may be HTML or plain text."""
    end = text.rfind(">") + 1  # a tag ends with ">": none can start past the last one
    return end > 0 and _TAG_LIKE.search(text, 0, end) is not None


# `<\s*/?\s*[a-zA-Z][^>]*>` as it was written backtracks over a run of spaces quadratically; this is the same set.
_TAG_LIKE = re.compile(r"<\s*(?:/\s*)?[a-zA-Z][^>]*>")


def _drop_tags(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """`pattern.sub(replacement, text)` for a pattern ending in `[^>]*>`, in linear time: it runs on the text up
    to the last ">" only, where each match it tries succeeds as soon as it finds a ">"."""
    end = text.rfind(">") + 1
    if text.find("<", end) < 0:  # no "<" past the last ">" (the usual case): nothing there to try
        return pattern.sub(replacement, text)
    return text if end == 0 else pattern.sub(replacement, text[:end]) + text[end:]


def _drop_hidden(text: str) -> str:
    """Comments, scripts and styles removed, each up to its first closing mark, in linear time; one that never
    closes stays (and loses its tags later, like any text). What `_HIDDEN.sub("", text)` gives."""
    found: dict[str, tuple[int, re.Match[str] | None]] = {}  # per closing mark: searched from, first match
    kept: list[str] = []
    copied = position = 0
    while (start := _HIDDEN_START.search(text, position)) is not None:
        name = start.group(1)
        if name is None:  # <!-- ... -->
            end = _end_after(found, "comment", text, start.start() + 4)
        else:  # <script ...> ... </script>: the opening tag's ">", then the closing tag
            opened = _end_after(found, "tag", text, start.end())
            kind = "script" if name[1] in "cC" else "style"
            end = -1 if opened < 0 else _end_after(found, kind, text, opened)
        if end < 0:  # never closed: not hidden; look again one character on
            position = start.start() + 1
            continue
        kept.append(text[copied : start.start()])
        copied = position = end
    if not kept:
        return text
    kept.append(text[copied:])
    return "".join(kept)


def _end_after(found: dict[str, tuple[int, re.Match[str] | None]], mark: str, text: str, position: int) -> int:
    """The end of the first `mark` starting at or after `position` (-1: none), searching the text once: the
    positions asked for never decrease, and a search from `since` that found its first match at `m` (or
    none) answers every position from `since` to `m`'s start (or to the end)."""
    since, match = found.get(mark, (-1, None))
    if since < 0 or position < since or (match is not None and match.start() < position):
        match = _HIDDEN_END[mark].search(text, position)
        found[mark] = (position, match)
    return -1 if match is None else match.end()


def _shorter_reference(match: re.Match[str]) -> str:
    """A decimal reference of eight digits or more (leading zeros aside) is past U+10FFFF, which html.unescape
    turns into U+FFFD; so is 1114112, which int() converts at once."""
    digits = match.group(1).lstrip("0")
    return "&#" + (digits if len(digits) <= 7 else "1114112")  # 1114112: U+10FFFF + 1, out of range


def escape_text(text: str) -> str:
    """HTML for a plain-text body: escaped, with line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))
