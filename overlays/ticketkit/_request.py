"""Building requests: what may go into a path segment or a header, where a request may be sent, and the
`httpx.Request` for one attempt of a plan's call (the caller's headers merged, the deadline's pool wait set,
credentials kept off every host but the API's)."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import unquote

import httpx

from ._errors import InvalidArgumentError

if TYPE_CHECKING:
    from ._adapter import Adapter, Call
    from ._transport import RequestOptions

# The operation name of `desk.request()` (the passthrough): its path is checked by `_passthrough.py`, which
# allows what an id may not hold (an empty segment: a trailing slash).
PASSTHROUGH = "request"
# C0 and C1 control characters and DEL: never part of an id, a header or a URL a caller means.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DOT_SEGMENTS = frozenset({"", ".", ".."})

# -- path segments ------------------------------------------------------------------------------------------


def path_id_problem(value: str) -> str | None:
    """Why `value` cannot be an id inside a URL path segment, or None when it can.

    The one rule for every id a request puts into a path, given by the caller or by a server. httpx removes
    `.` and `..` segments after the generated operations have quoted the id (quoting leaves dots alone), so
    `tickets.close("..")` would go to the API root; an empty id leaves its segment empty. What normalises to
    one of those (`" .. "`, the fullwidth `"\\uff0e\\uff0e"`) is refused as well, and so are control characters.
    """
    if CONTROL.search(value):
        return "contains control characters"
    if unicodedata.normalize("NFKC", value).strip() in DOT_SEGMENTS:
        return "is empty, '.' or '..' (it would not stay inside its path segment)"
    return None


def check_request_path(where: str, path: str) -> None:
    """Refuse a request path (a spec's template, ids filled in) with a segment that is not a proper id.

    The templates themselves have none, so such a segment is an id, caller-given or server-given (an
    attachment id from a ticket), that the generated operation put in as it was.
    """
    for segment in path.split("?", 1)[0].split("/")[1:]:
        problem = path_id_problem(unquote(segment))
        if problem:
            raise InvalidArgumentError(f"{where}: an id in the request path {problem}; nothing was sent")


# -- headers ------------------------------------------------------------------------------------------------

# RFC 9110 token characters: a header name.
HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Visible ASCII, with spaces or tabs inside but not at either end: what h11 sends (no obs-text: httpx encodes
# header values as ASCII and raises UnicodeEncodeError on anything else).
HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?")
# A credential: visible ASCII without spaces (a JWT, a token).
_CREDENTIAL = re.compile(r"[\x21-\x7e]+")
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization"})
# Headers httpx sets from the request itself: a caller's value would misframe or misroute it.
FRAMING_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection"})
# All a request to another host than the API's (an Intercom attachment's file store) carries: none of the
# caller's headers, which may be credentials, and no Authorization (the call says `authenticated=False`).
OFF_API_HEADERS = frozenset({"host", "user-agent", "accept", "accept-encoding", "connection"})


def header_safe(value: object) -> bool:
    """Whether `value` can go into a header as a credential: a string of visible ASCII (a JWT, a token).

    Anything else (a pasted newline, say) would make httpx refuse the header later, in an error message that
    quotes it."""
    return isinstance(value, str) and _CREDENTIAL.fullmatch(value) is not None


# -- hosts ----------------------------------------------------------------------------------------------------

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


# -- URLs outside the API: attachment files ---------------------------------------------------------------


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


def redirect_target(current: httpx.URL, location: str) -> tuple[httpx.URL | None, str | None]:
    """Where a file host's `Location` leads, resolved against the URL that answered (never the API's base
    URL), and why it may not be followed (None when it may)."""
    if any(c.isspace() or CONTROL.match(c) for c in location):
        return None, "the Location has spaces or control characters"
    try:
        given = httpx.URL(location)
        # A reference with a scheme stands alone (RFC 3986 strict): "https:/x" has no host, not current's.
        target = given if given.scheme else current.join(location)
    except httpx.InvalidURL:
        return None, "the Location is not a URL"
    return target, download_url_problem(target, came_from=current)


# -- one attempt's request ------------------------------------------------------------------------------------


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    adapter: Adapter,
    call: Call,
    options: RequestOptions,
    left: float | None = None,
) -> httpx.Request:
    """The request for one attempt; `left`: the seconds the attempt has, which the wait for a connection keeps to."""
    kwargs = dict(call.request)
    where = f"{adapter.vendor} {call.operation}"
    if options.extra_headers:
        kwargs["headers"] = {**(kwargs.get("headers") or {}), **options.extra_headers}
    timeout = client.timeout if options.timeout is None else options.timeout
    if left is not None and (timeout.pool is None or timeout.pool > left):
        # The wait for a free connection in the pool uses no socket: the attempt's deadline reaches it only here.
        timeout = httpx.Timeout(connect=timeout.connect, read=timeout.read, write=timeout.write, pool=max(left, 0.0))
    if timeout is not client.timeout:
        kwargs["timeout"] = timeout
    try:
        url = httpx.URL(kwargs["url"])
        if not url.is_absolute_url:
            # Every id, server-given too, stays in its segment. `desk.request()`'s path `_passthrough.py` checked.
            if call.operation != PASSTHROUGH:
                check_request_path(where, url.raw_path.decode("ascii"))
        elif call.authenticated and _origin(url) != _origin(client.base_url):
            raise InvalidArgumentError(f"{where}: refusing to send credentials to {url.host}, off the API")
        request = client.build_request(**kwargs)
        if _origin(request.url) != _origin(client.base_url):
            _keep_only(request.headers, OFF_API_HEADERS)
        return request
    except InvalidArgumentError:
        raise
    except httpx.InvalidURL as exc:
        raise InvalidArgumentError(f"{where}: {exc}") from exc
    except (TypeError, ValueError) as exc:  # a body JSON cannot write (NaN, an object), a header that is not ASCII
        raise InvalidArgumentError(f"{where}: the request cannot be encoded ({type(exc).__name__}: {exc})") from exc


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _keep_only(headers: httpx.Headers, allowed: frozenset[str]) -> None:
    """Drop every header but `allowed`: `build_request` merged the client's defaults (the caller's
    `headers=`, an `X-Api-Key`, cookies) and the call's `extra_headers` into the request."""
    for name in {name.lower() for name in headers} - allowed:
        del headers[name]
