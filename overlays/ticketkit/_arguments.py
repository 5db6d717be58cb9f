"""Every check of a caller's arguments, before anything is sent: connect()'s, each call's (ids, drafts, the
per-call transport options) and the vendors' own keywords. Each raises InvalidArgumentError, naming the
argument; none quotes a header's value.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import uuid
from collections.abc import Mapping
from typing import Any

import httpx
from ticketkit_models import Attachment, TicketStatus

from ._adapter import Adapter, CommentDraft, ListQuery, TicketChanges, TicketDraft
from ._errors import InvalidArgumentError, refuse_unknown
from ._request import (
    CONTROL,
    CREDENTIAL_HEADERS,
    FRAMING_HEADERS,
    HEADER_NAME,
    HEADER_VALUE,
    download_url_problem,
    header_safe,
    is_loopback,
    path_id_problem,
    real_host,
)

# The most requests a bulk helper (`get_many`, `list_many`) keeps in flight.
MAX_CONCURRENCY = 256


def ticket_id(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InvalidArgumentError(f"a ticket id must be a non-empty string, not {value!r}")
    problem = path_id_problem(value)
    if problem:
        raise InvalidArgumentError(f"ticket id {value!r} {problem}")
    return value


# -- numbers, flags and the transport's options ------------------------------------------------------------

# The longest timeout or retry wait taken (a day): beyond about 9.2e9 s a socket timeout no longer fits the
# platform's time_t (OverflowError), and no helpdesk call means to wait longer than this.
MAX_SECONDS = 24 * 3600.0


def _seconds(name: str, value: object, *, zero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidArgumentError(f"{name} must be a number of seconds, not {type(value).__name__}")
    seconds = float(value)
    low_ok = seconds >= 0 if zero else seconds > 0
    if not math.isfinite(seconds) or not low_ok or seconds > MAX_SECONDS:
        lowest = "0" if zero else "more than 0"
        raise InvalidArgumentError(
            f"{name} must be a finite number of seconds, {lowest} to {MAX_SECONDS:.0f}, not {value!r}"
        )
    return seconds


def timeout(value: object) -> httpx.Timeout:
    """Seconds (5 s of them at most to connect), or an `httpx.Timeout` whose every limit is None or in range."""
    if isinstance(value, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            limit = getattr(value, part)
            if limit is not None:
                _seconds(f"timeout.{part}", limit, zero=True)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidArgumentError(
            f"timeout must be a positive number of seconds or an httpx.Timeout, not {type(value).__name__}"
        )
    seconds = _seconds("timeout", value)
    return httpx.Timeout(seconds, connect=min(seconds, 5.0))


def retries(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidArgumentError(f"max_retries must be a non-negative integer, not {value!r}")
    return value


def positive_seconds(name: str, value: object) -> float:
    return _seconds(name, value)


def positive_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not (math.isfinite(value) and value > 0):
        raise InvalidArgumentError(f"{name} must be a positive, finite number, not {value!r}")
    return float(value)


def positive_integer(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError(f"{name} must be a positive integer, not {value!r}")
    return value


def byte_count(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError(f"{name} must be a positive integer (bytes), not {value!r}")
    return value


def timeout_seconds(value: object) -> float | None:
    """A timeout given as a plain number of seconds (checked), else None: an httpx.Timeout is per phase only."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        timeout(value)  # refuses what is not a positive number
        return float(value)
    return None


def transport(value: object, kind: type[Any], label: str) -> Any:
    if value is not None and not isinstance(value, kind):
        raise InvalidArgumentError(f"transport must be an {label} (or None), not {type(value).__name__}")
    return value


# -- values: text, flags, ids (the vendors' keywords use these too) ----------------------------------------


def optional_text(name: str, value: object) -> str | None:
    """None, or a string (a URL, a description) checked for type only."""
    if value is not None and not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    return value


def nonblank_text(name: str, value: object) -> str:
    """A string with something in it besides spaces."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{name} must be a non-empty string, not {value!r}")
    return value


def optional_nonblank_text(name: str, value: object) -> str | None:
    """None, or a string with something in it besides spaces."""
    return None if value is None else nonblank_text(name, value)


def flag(name: str, value: object) -> bool:
    """True or False only: a truthy string such as "no" must not switch anything on."""
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{name} must be True or False, not {value!r}")
    return value


def optional_flag(name: str, value: object) -> bool | None:
    """None, or True or False."""
    return None if value is None else flag(name, value)


def optional_identifier(name: str, value: object) -> str | None:
    """None, or an id given as a non-blank string or an integer, as a string."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise InvalidArgumentError(f"{name} must be a non-empty string or an integer, not {value!r}")


def uuid_value(name: str, value: object) -> uuid.UUID:
    """A UUID, or its text."""
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise InvalidArgumentError(f"{name} must be a uuid, not {value!r}")


# -- headers ---------------------------------------------------------------------------------------------


def header_value(name: str, value: object) -> str:
    """A header value that can go on the wire as given. The message never shows the value (it may be secret)."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"the header {name} must be a string, not {type(value).__name__}")
    if not HEADER_VALUE.fullmatch(value):
        raise InvalidArgumentError(
            f"the value of header {name} has characters a header cannot carry (visible ASCII only, with inner "
            "spaces: no line breaks, control characters, non-ASCII text, or spaces at either end)"
        )
    return value


def headers(where: str, value: object, credentials_hint: str) -> dict[str, str]:
    """Headers a caller adds (`headers=` on connect(), `extra_headers=` on a call), checked before any send:
    names are tokens, values visible ASCII; credentials and framing headers are refused."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(f"{where} must map header names to strings, not {type(value).__name__}")
    checked: dict[str, str] = {}
    for name, text in value.items():
        if not isinstance(name, str) or not HEADER_NAME.fullmatch(name):
            shown = repr(name)[:40] if isinstance(name, str) else type(name).__name__
            raise InvalidArgumentError(f"{where}: {shown} is not a header name (letters, digits and !#$%&'*+-.^_`|~)")
        lowered = name.lower()
        if lowered in CREDENTIAL_HEADERS:
            raise InvalidArgumentError(credentials_hint)
        if lowered in FRAMING_HEADERS:
            raise InvalidArgumentError(f"{where}: {name} is set by httpx from the request; it cannot be given")
        checked[name] = header_value(name, text)
    return checked


def extra_headers(value: object) -> dict[str, str]:
    """One call's `extra_headers=`."""
    return headers("extra_headers", value, "credentials go in token= on connect(), not in extra_headers")


# -- connect()'s vendor keywords and token ---------------------------------------------------------------


def vendor_options(vendor: str, options: Mapping[str, Any], allowed: frozenset[str]) -> Mapping[str, Any]:
    """connect()'s vendor keywords, after refusing any the vendor does not know."""
    refuse_unknown(f"connect({vendor!r})", options, allowed, "this vendor also accepts")
    return options


def token(vendor: str, value: str | None) -> str:
    """A token: required, and fit for a header."""
    if not value:
        raise InvalidArgumentError(f"connect({vendor!r}) needs token=")
    if not header_safe(value):
        raise InvalidArgumentError(f"connect({vendor!r}): the token has characters a header cannot carry")
    return value


# -- connect()'s base URL --------------------------------------------------------------------------------


def base_url(vendor: str, value: str, allow_insecure: bool) -> httpx.URL:
    """An absolute https URL; plain http only to loopback (a local sandbox) or when the caller insists."""
    if any(char.isspace() or CONTROL.match(char) for char in value):
        raise InvalidArgumentError(
            f"{vendor}: base_url must be an absolute https:// URL, without spaces or control characters"
        )
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidArgumentError(f"{vendor}: base_url is not a URL ({exc})") from exc
    if url.scheme not in ("https", "http") or not url.host:
        raise InvalidArgumentError(f"{vendor}: base_url must be an absolute https:// URL")
    if not real_host(url):
        raise InvalidArgumentError(f"{vendor}: base_url's host {url.host!r} is not a host name or an IP address")
    if url.query or url.fragment:
        raise InvalidArgumentError(f"{vendor}: base_url takes no query or fragment (?... or #...)")
    if url.scheme == "http" and not (allow_insecure or is_loopback(url.host)):
        raise InvalidArgumentError(
            f"{vendor}: refusing plain http:// to {url.host} (tokens would travel in clear text); "
            "use https://, or pass allow_insecure=True"
        )
    return url


# -- URLs outside the API: attachment files ----------------------------------------------------------------


def download_url(value: object, name: object) -> httpx.URL:
    """An attachment's URL, checked before anything is sent."""
    url: httpx.URL | None = None
    if isinstance(value, str) and value and not any(c.isspace() or CONTROL.match(c) for c in value):
        try:
            url = httpx.URL(value)
        except httpx.InvalidURL:
            url = None
    if url is None or not url.is_absolute_url:
        raise InvalidArgumentError(f"attachment {name!r} has no absolute URL to download from")
    problem = download_url_problem(url)
    if problem:
        raise InvalidArgumentError(f"attachment {name!r}: refusing to download it: {problem}")
    return url


# -- vendor fields: values a request body carries -------------------------------------------------------

MAX_DEPTH = 32
# A 64-bit range: beyond it no vendor reads the number back exactly, and past 4300 digits json cannot write it.
_INT_RANGE = range(-(2**63), 2**64)
# Besides JSON's own types, the values the adapters convert themselves (a datetime for Intercom's
# snoozed_until, a date for Tickiti's on_hold_until and date criteria, a UUID for Ankra's cluster_id).
_CONVERTED = (dt.date, uuid.UUID, enum.Enum)


def _json_problem(value: object, strict: bool, depth: int, path: tuple[int, ...]) -> str | None:
    if value is None or isinstance(value, bool | str):
        return None
    if isinstance(value, int):
        return None if value in _INT_RANGE else "an integer outside the 64-bit range"
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r} (JSON has no NaN or infinity)"
    if not strict and isinstance(value, _CONVERTED):
        return None
    if isinstance(value, Mapping | list | tuple):
        if depth >= MAX_DEPTH:
            return f"nesting deeper than {MAX_DEPTH} levels"
        if id(value) in path:
            return "a container that holds itself"
        inner = (*path, id(value))
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    return f"a key of type {type(key).__name__} (JSON keys are strings)"
                problem = _json_problem(item, strict, depth + 1, inner)
                if problem:
                    return problem
            return None
        for item in value:
            problem = _json_problem(item, strict, depth + 1, inner)
            if problem:
                return problem
        return None
    return f"a {type(value).__name__}, which JSON cannot carry"


def json_value(name: str, value: object) -> Any:
    """A value sent as the JSON it is (Routera's properties, Intercom's ticket_attributes, Ankra's
    environment): strings, finite numbers, booleans, None, lists and string-keyed mappings of those."""
    problem = _json_problem(value, True, 0, ())
    if problem:
        raise InvalidArgumentError(f"{name} must be JSON data (dates as ISO strings); it holds {problem}")
    return value


def vendor_keywords(adapter: Adapter, operation: str, options: Mapping[str, Any], allowed: frozenset[str]) -> None:
    """The vendor-only keywords of a call: each one the adapter takes, each value data (`vendor_fields`)."""
    where = f"{adapter.vendor} {operation}"
    refuse_unknown(where, options, allowed, "accepted")
    vendor_fields(where, options)


def vendor_fields(operation: str, options: Mapping[str, Any]) -> None:
    """Every vendor keyword's value is JSON data or a value an adapter converts (a date, a UUID, an enum):
    an object, a set, NaN or a container that holds itself is refused here, before any plan starts."""
    for name, value in options.items():
        problem = _json_problem(value, False, 0, ())
        if problem:
            raise InvalidArgumentError(f"{operation}: {name} holds {problem}")


# -- the desks' arguments --------------------------------------------------------------------------------


def status(value: object) -> TicketStatus | None:
    if value is None or isinstance(value, TicketStatus):
        return value
    if isinstance(value, str):
        try:
            return TicketStatus(value.lower())
        except ValueError:
            pass
    known = ", ".join(s.value for s in TicketStatus if s is not TicketStatus.UNKNOWN)
    raise InvalidArgumentError(f"status must be a TicketStatus or one of {known}; got {value!r}")


def list_query(
    adapter: Adapter, status_: object, page_size: object, options: Mapping[str, Any], since: object = None
) -> ListQuery:
    vendor_keywords(adapter, "tickets.list", options, adapter.list_options)
    size = None if page_size is None else positive_integer("page_size", page_size)
    return ListQuery(status=status(status_), page_size=size, options=dict(options), updated_since=updated_since(since))


def updated_since(value: object) -> dt.datetime | None:
    """An aware datetime, as UTC; a naive one is refused (which zone would it be in?)."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise InvalidArgumentError(f"updated_since must be a datetime (timezone-aware), not {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgumentError(
            f"updated_since must be timezone-aware (e.g. datetime(..., tzinfo=timezone.utc)), not the naive {value!r}"
        )
    try:
        return value.astimezone(dt.UTC)
    except (OverflowError, ValueError) as exc:
        raise InvalidArgumentError(f"updated_since {value!r} cannot be read as UTC: {exc}") from None


def concurrency(value: object) -> int:
    """How many requests a bulk helper keeps in flight: 1 to 256."""
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_CONCURRENCY:
        raise InvalidArgumentError(f"concurrency must be an integer from 1 to {MAX_CONCURRENCY}, not {value!r}")
    return value


def rate(value: object) -> float | None:
    """`connect(rate_limit=...)`: requests per second, a positive finite number, or None (no cap of ours)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise InvalidArgumentError(f"rate_limit must be a positive number of requests per second, not {value!r}")
    return float(value)


def limit(value: object) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise InvalidArgumentError(f"limit must be a non-negative integer, not {value!r}")
    return value


def ticket_draft(
    adapter: Adapter,
    subject: object,
    description: object,
    requester_email: object,
    options: Mapping[str, Any],
) -> TicketDraft:
    vendor_keywords(adapter, "tickets.create", options, adapter.create_options)
    return TicketDraft(
        subject=nonblank_text("subject", subject),
        description=optional_text("description", description),
        requester_email=optional_text("requester_email", requester_email),
        options=dict(options),
    )


def ticket_changes(
    adapter: Adapter, status_: object, subject: object, description: object, options: Mapping[str, Any]
) -> TicketChanges:
    vendor_keywords(adapter, "tickets.update", options, adapter.update_options)
    changes = TicketChanges(
        status=status(status_),
        subject=optional_text("subject", subject),
        description=optional_text("description", description),
        options=dict(options),
    )
    if changes == TicketChanges():
        raise InvalidArgumentError("tickets.update needs at least one change")
    return changes


def comment_draft(adapter: Adapter, body: object, internal: object, options: Mapping[str, Any]) -> CommentDraft:
    vendor_keywords(adapter, "comments.create", options, adapter.comment_options)
    return CommentDraft(body=nonblank_text("body", body), internal=flag("internal", internal), options=dict(options))


def attachment(value: object) -> Attachment:
    if not isinstance(value, Attachment):
        raise InvalidArgumentError(f"download takes an Attachment from a Ticket or Comment, not {value!r}")
    return value
