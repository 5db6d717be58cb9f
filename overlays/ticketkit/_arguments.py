"""Checks and conversions of the desks' arguments, shared by the sync and async desks."""

from __future__ import annotations

import datetime as dt
import enum
import ipaddress
import math
import re
import unicodedata
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

import httpx
from ticketkit_models import Attachment, TicketStatus

from ._adapter import Adapter, CommentDraft, ListQuery, TicketChanges, TicketDraft
from ._errors import InvalidArgumentError

# C0 and C1 control characters and DEL: never part of an id, a header or a URL a caller means.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DOT_SEGMENTS = frozenset({"", ".", ".."})


def path_id_problem(value: str) -> str | None:
    """Why `value` cannot be an id inside a URL path segment, or None when it can.

    The one rule for every id a request puts into a path, given by the caller or by a server. httpx removes
    `.` and `..` segments after the generated operations have quoted the id (quoting leaves dots alone), so
    `tickets.close("..")` would go to the API root; an empty id leaves its segment empty. What normalises to
    one of those (`" .. "`, the fullwidth `"\\uff0e\\uff0e"`) is refused as well, and so are control characters.
    """
    if _CONTROL.search(value):
        return "contains control characters"
    if unicodedata.normalize("NFKC", value).strip() in DOT_SEGMENTS:
        return "is empty, '.' or '..' (it would not stay inside its path segment)"
    return None


def ticket_id(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InvalidArgumentError(f"a ticket id must be a non-empty string, not {value!r}")
    problem = path_id_problem(value)
    if problem:
        raise InvalidArgumentError(f"ticket id {value!r} {problem}")
    return value


def request_path(where: str, path: str) -> None:
    """Refuse a request path (a spec's template, ids filled in) with a segment that is not a proper id.

    The templates themselves have none, so such a segment is an id, caller-given or server-given (an
    attachment id from a ticket), that the generated operation put in as it was.
    """
    for segment in path.split("?", 1)[0].split("/")[1:]:
        problem = path_id_problem(unquote(segment))
        if problem:
            raise InvalidArgumentError(f"{where}: an id in the request path {problem}; nothing was sent")


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


def flag(name: str, value: object) -> bool:
    """True or False only: a truthy string such as "no" must not switch anything on."""
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{name} must be True or False, not {value!r}")
    return value


def transport(value: object, kind: type[Any], label: str) -> Any:
    if value is not None and not isinstance(value, kind):
        raise InvalidArgumentError(f"transport must be an {label} (or None), not {type(value).__name__}")
    return value


# -- headers ---------------------------------------------------------------------------------------------

# RFC 9110 token characters: a header name.
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Visible ASCII, with spaces or tabs inside but not at either end: what h11 sends (no obs-text: httpx encodes
# header values as ASCII and raises UnicodeEncodeError on anything else).
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?")
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization"})
# Headers httpx sets from the request itself: a caller's value would misframe or misroute it.
FRAMING_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection"})


def header_value(name: str, value: object) -> str:
    """A header value that can go on the wire as given. The message never shows the value (it may be secret)."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"the header {name} must be a string, not {type(value).__name__}")
    if not _HEADER_VALUE.fullmatch(value):
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
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            shown = repr(name)[:40] if isinstance(name, str) else type(name).__name__
            raise InvalidArgumentError(f"{where}: {shown} is not a header name (letters, digits and !#$%&'*+-.^_`|~)")
        lowered = name.lower()
        if lowered in CREDENTIAL_HEADERS:
            raise InvalidArgumentError(credentials_hint)
        if lowered in FRAMING_HEADERS:
            raise InvalidArgumentError(f"{where}: {name} is set by httpx from the request; it cannot be given")
        checked[name] = header_value(name, text)
    return checked


# -- connect()'s base URL --------------------------------------------------------------------------------

_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def real_host(url: httpx.URL) -> bool:
    """Whether the URL names a host that DNS or an IP literal can reach (not empty, no spaces or symbols)."""
    host = url.raw_host.decode("ascii", "replace")
    if not host:
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    return len(host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def base_url(vendor: str, value: str, allow_insecure: bool) -> httpx.URL:
    """An absolute https URL; plain http only to loopback (a local sandbox) or when the caller insists."""
    if any(char.isspace() or _CONTROL.match(char) for char in value):
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


def download_url_problem(url: httpx.URL, came_from: httpx.URL | None = None) -> str | None:
    """Why a file URL (an attachment's, or a redirect's target) may not be fetched, or None.

    Absolute https with a real host; plain http only to a loopback host (a local sandbox), and loopback only
    when the chain started there: a file host on the internet cannot redirect into the caller's machine.
    """
    if url.scheme not in ("https", "http"):
        return f"its scheme is {url.scheme or 'missing'!s}, not https"
    if not real_host(url):
        return "it names no host"
    loopback = is_loopback(url.host)
    if url.scheme == "http" and not loopback:
        return "it is plain http:// (files are fetched over https only)"
    if loopback and came_from is not None and not is_loopback(came_from.host):
        return "it points at this machine (loopback) from another host"
    return None


def download_url(value: object, name: object) -> httpx.URL:
    """An attachment's URL, checked before anything is sent."""
    url: httpx.URL | None = None
    if isinstance(value, str) and value and not any(c.isspace() or _CONTROL.match(c) for c in value):
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


def redirect_target(current: httpx.URL, location: str) -> tuple[httpx.URL | None, str | None]:
    """Where a file host's `Location` leads, resolved against the URL that answered (never the API's base
    URL), and why it may not be followed (None when it may)."""
    if any(c.isspace() or _CONTROL.match(c) for c in location):
        return None, "the Location has spaces or control characters"
    try:
        given = httpx.URL(location)
        # A reference with a scheme stands alone (RFC 3986 strict): "https:/x" has no host, not current's.
        target = given if given.scheme else current.join(location)
    except httpx.InvalidURL:
        return None, "the Location is not a URL"
    return target, download_url_problem(target, came_from=current)


def optional_text(name: str, value: object) -> str | None:
    """None, or a string (a URL, a vendor's option) checked for type only."""
    if value is not None and not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    return value


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


def text(name: str, value: object, *, required: bool) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidArgumentError(f"{name} must be a non-empty string, not {value!r}")
    return value


def list_query(adapter: Adapter, status_: object, page_size: object, options: Mapping[str, Any]) -> ListQuery:
    adapter.check_options("tickets.list", options, adapter.list_options)
    vendor_fields(f"{adapter.vendor} tickets.list", options)
    if page_size is not None and (not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 1):
        raise InvalidArgumentError(f"page_size must be a positive integer, not {page_size!r}")
    return ListQuery(status=status(status_), page_size=page_size, options=dict(options))


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
    adapter.check_options("tickets.create", options, adapter.create_options)
    vendor_fields(f"{adapter.vendor} tickets.create", options)
    return TicketDraft(
        subject=text("subject", subject, required=True) or "",
        description=text("description", description, required=False),
        requester_email=text("requester_email", requester_email, required=False),
        options=dict(options),
    )


def ticket_changes(
    adapter: Adapter, status_: object, subject: object, description: object, options: Mapping[str, Any]
) -> TicketChanges:
    adapter.check_options("tickets.update", options, adapter.update_options)
    vendor_fields(f"{adapter.vendor} tickets.update", options)
    changes = TicketChanges(
        status=status(status_),
        subject=text("subject", subject, required=False),
        description=text("description", description, required=False),
        options=dict(options),
    )
    if changes == TicketChanges():
        raise InvalidArgumentError("tickets.update needs at least one change")
    return changes


def comment_draft(adapter: Adapter, body: object, internal: object, options: Mapping[str, Any]) -> CommentDraft:
    adapter.check_options("comments.create", options, adapter.comment_options)
    vendor_fields(f"{adapter.vendor} comments.create", options)
    if not isinstance(internal, bool):
        raise InvalidArgumentError(f"internal must be True or False, not {internal!r}")
    return CommentDraft(body=text("body", body, required=True) or "", internal=internal, options=dict(options))


def attachment(value: object) -> Attachment:
    if not isinstance(value, Attachment):
        raise InvalidArgumentError(f"download takes an Attachment from a Ticket or Comment, not {value!r}")
    return value
