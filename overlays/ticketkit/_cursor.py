"""The opaque cursor of `desk.tickets.pages()`: where a listing stopped, as a string a sync can save anywhere.

`"tk1." + base64url(JSON) + "." + check`: the JSON holds the vendor, a fingerprint of the query (status, page
size, `updated_since`, the vendor keywords), the vendor's own cursor for the page to fetch next, the ids of
the tickets already yielded from that point (a resumed offset list drops what shifted onto its first page; a
listing cut short by `limit` resumes inside its page), the first page's server time and the newest
`updated_at` seen (the watermark carries on). `check` is a digest of the rest: a damaged cursor is refused
rather than followed somewhere else. A cursor never holds a credential, only ids and times the listing gave.

A cursor of another vendor or query, or a damaged one, raises InvalidArgumentError at the call, before any
request is sent.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ._adapter import ListQuery
from ._errors import InvalidArgumentError

PREFIX = "tk1."
# What a saved cursor may hold at most: the ids of one page (a vendor's page holds at most a few hundred).
MAX_CURSOR_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class CursorState:
    """What a cursor says: where the vendor's listing goes on, and what the listing had seen up to there."""

    vendor: str
    fingerprint: str
    vendor_cursor: Any  # the adapter's own cursor (a string, an integer; None: the first page): the page to fetch
    ids: tuple[str, ...]  # tickets already yielded that the page at `vendor_cursor` may hold
    served_at: float | None  # the first page's server time (Unix seconds), for the watermark
    newest: float | None  # the newest `updated_at` seen so far (Unix seconds)


def fingerprint(vendor: str, query: ListQuery) -> str:
    """A digest of what a listing was asked for: a cursor resumes only the listing it came from."""
    shape = {
        "vendor": vendor,
        "status": None if query.status is None else query.status.value,
        "page_size": query.page_size,
        "updated_since": None if query.updated_since is None else query.updated_since.isoformat(),
        "options": query.options,
    }
    text = json.dumps(shape, sort_keys=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode(state: CursorState) -> str:
    """The cursor string for `state` (ASCII, JSON-serialisable, URL-safe)."""
    payload = {
        "v": state.vendor,
        "q": state.fingerprint,
        "c": state.vendor_cursor,
        "i": list(state.ids),
        "d": state.served_at,
        "n": state.newest,
    }
    body = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).rstrip(b"=").decode()
    return f"{PREFIX}{body}.{_check(body)}"


def decode(cursor: object, vendor: str, expected_fingerprint: str) -> CursorState:
    """The state a cursor of this vendor and query holds; InvalidArgumentError for any other string."""
    if not isinstance(cursor, str):
        raise InvalidArgumentError(f"cursor must be a string from page.cursor, not {type(cursor).__name__}")
    damaged = InvalidArgumentError(
        "cursor is not one ticketkit gave (damaged or truncated?): pass page.cursor exactly as it was"
    )
    if len(cursor) > MAX_CURSOR_CHARS or not cursor.startswith(PREFIX):
        raise damaged
    body, _, check = cursor[len(PREFIX) :].rpartition(".")
    if not body or check != _check(body):
        raise damaged
    try:
        payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        state = _state(payload)
    except (ValueError, TypeError, KeyError, OverflowError, OSError, binascii.Error):
        raise damaged from None
    if state.vendor != vendor:
        raise InvalidArgumentError(f"this cursor is from a {state.vendor} listing; this desk is {vendor}")
    if state.fingerprint != expected_fingerprint:
        raise InvalidArgumentError(
            "this cursor is from another query: resume with the same status, page_size, updated_since and vendor "
            "keywords as the listing that gave it"
        )
    return state


def _state(payload: Any) -> CursorState:
    if not isinstance(payload, dict) or set(payload) != {"v", "q", "c", "i", "d", "n"}:
        raise ValueError("not a cursor payload")
    vendor, fingerprint_, vendor_cursor, ids = payload["v"], payload["q"], payload["c"], payload["i"]
    if not isinstance(vendor, str) or not isinstance(fingerprint_, str):
        raise TypeError("vendor and query")
    if isinstance(vendor_cursor, bool) or not isinstance(vendor_cursor, str | int | None):
        raise TypeError("the vendor's cursor")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise TypeError("ids")
    return CursorState(vendor, fingerprint_, vendor_cursor, tuple(ids), _time(payload["d"]), _time(payload["n"]))


def _time(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("a time")
    dt.datetime.fromtimestamp(value, dt.UTC)  # in range (OverflowError, OSError: a ValueError's kin)
    return float(value)


def _check(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:12]
