"""`desk.request()`: any endpoint of the vendor's API, through the same engine as the unified methods.

It makes one `Call` (operation "request") and a one-step plan, so the request goes through the transport's
policy exactly as a plan's call does: the desk's base URL, auth flow (Routera's token renewal included),
client headers, rate budget, timeouts, size limits, retries and error mapping. What is particular to it:

- The path is relative to the base URL ("/tickets/1" and "tickets/1" alike); an absolute URL is taken only
  when it is on the API's origin and under its base path (a `next` link a vendor returned). Anything else,
  and any `.`/`..` segment (percent-encoded too), is refused before anything is sent: credentials never
  leave for another host and a path never climbs out of the base path.
- Retries: GET, HEAD, OPTIONS, PUT and DELETE as reads are; POST and PATCH only when the request carries an
  Idempotency-Key (the vendor adds one where its plans do: Tickiti's keyed writes; or the caller's `headers=`).
- The vendor's own headers (`Adapter.passthrough_headers`: Intercom-Version) go on it; the caller's
  `headers=` override them and are checked as `extra_headers=` are (no credentials, no framing headers).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

import httpx

from . import _arguments as args
from ._adapter import Adapter, Call, Plan
from ._engine import start
from ._errors import InvalidArgumentError
from ._prepare import Prepared
from ._reading import json_body
from ._request import CONTROL, PASSTHROUGH
from ._transport import RequestOptions

METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
# Every 2xx is a success of a passthrough call: which one an endpoint answers is the caller's business.
SUCCESS = frozenset(range(200, 300))
_SEPARATORS = re.compile(r"[/\\]")


def prepare(
    adapter: Adapter,
    base_url: httpx.URL,
    options: RequestOptions,
    method: object,
    path: object,
    *,
    params: object = None,
    json: object = None,
    content: object = None,
    headers: object = None,
    timeout: float | httpx.Timeout | None = None,
    call_timeout: float | None = None,
    max_retries: int | None = None,
) -> Prepared[httpx.Response]:
    """The passthrough call, checked and started; InvalidArgumentError for anything wrong, nothing sent."""
    verb = _method(method)
    target = relative_target(base_url, path)
    if json is not None and content is not None:
        raise InvalidArgumentError("desk.request(): give json= or content=, not both")
    if content is not None and not isinstance(content, bytes | str):
        raise InvalidArgumentError(f"desk.request(): content must be bytes or str, not {type(content).__name__}")
    if params is not None and not isinstance(params, Mapping):
        raise InvalidArgumentError(f"desk.request(): params must be a mapping, not {type(params).__name__}")
    given = args.headers("headers", headers, "credentials go in token= on connect(), not in headers")
    merged = httpx.Headers(dict(adapter.passthrough_headers(verb, target.split("?", 1)[0])))
    merged.update(given)  # case-insensitive: the caller's Idempotency-Key replaces the vendor's
    request: dict[str, Any] = {"method": verb, "url": target, "headers": dict(merged.items())}
    for name, value in (("params", params), ("json", json), ("content", content)):
        if value is not None:
            request[name] = value
    call_options = options.merged(timeout=timeout, max_retries=max_retries, call_timeout=call_timeout)
    call_options = dataclasses.replace(call_options, secrets=call_options.secrets.with_headers(given))
    return Prepared(PASSTHROUGH, call_options, start(_plan(Call(PASSTHROUGH, request, SUCCESS))))


def _plan(call: Call) -> Plan[httpx.Response]:
    response = yield call
    return response


def body(adapter: Adapter, response: httpx.Response) -> Any:
    """The JSON of a passthrough answer, None for an empty body; ResponseValidationError for one not JSON."""
    if not response.content:
        return None
    return json_body(response, adapter.vendor, PASSTHROUGH)


def _method(value: object) -> str:
    if not isinstance(value, str) or value.upper() not in METHODS:
        raise InvalidArgumentError(f"desk.request(): method must be one of {', '.join(sorted(METHODS))}, not {value!r}")
    return value.upper()


def relative_target(base_url: httpx.URL, path: object) -> str:
    """`path` as a path from "/" relative to the base URL (its query kept), or InvalidArgumentError when it
    names another host, leaves the base path or is not a usable path."""
    if not isinstance(path, str) or not path.strip():
        raise InvalidArgumentError(
            f"desk.request(): path must be a non-empty string such as '/tickets/1', not {path!r}"
        )
    if CONTROL.search(path) or any(c.isspace() for c in path) or "\\" in path:
        raise InvalidArgumentError(
            "desk.request(): the path has spaces, backslashes or control characters (percent-encode them)"
        )
    try:
        url = httpx.URL(path)
    except httpx.InvalidURL as exc:
        raise InvalidArgumentError(f"desk.request(): {path[:80]!r} is not a URL path ({exc})") from None
    if url.fragment:
        raise InvalidArgumentError("desk.request(): the path has a #fragment, which is never sent")
    raw_path = url.raw_path.decode("ascii").split("?", 1)[0]
    if url.scheme or url.host:
        raw_path = _within_api(base_url, url, raw_path)
    for segment in raw_path.split("/"):
        for part in _SEPARATORS.split(unquote(segment)):  # %2F and %5C: a server may decode them
            if unicodedata.normalize("NFKC", part).strip() in (".", ".."):
                raise InvalidArgumentError(
                    f"desk.request(): the path {path[:80]!r} has a '.' or '..' segment: it would leave the API's "
                    "base path; nothing was sent"
                )
    query = url.query.decode("ascii")
    return "/" + raw_path.lstrip("/") + (f"?{query}" if query else "")


def _within_api(base_url: httpx.URL, url: httpx.URL, raw_path: str) -> str:
    """An absolute URL's path relative to the base URL: only on the API's own origin, under its base path."""
    base_path = base_url.raw_path.decode("ascii")  # httpx keeps a base URL's path ending in "/"
    same_origin = (url.scheme, url.host, url.port) == (base_url.scheme, base_url.host, base_url.port)
    if not same_origin:
        where = url.host or "a URL without a host"
        raise InvalidArgumentError(
            f"desk.request(): refusing to send the desk's credentials to {where}: only paths of "
            f"{base_url.scheme}://{base_url.netloc.decode('ascii')}{base_path} are sent (pass a path)"
        )
    if not (raw_path + "/").startswith(base_path):
        raise InvalidArgumentError(
            f"desk.request(): {raw_path!r} is outside the API's base path {base_path!r}; nothing was sent"
        )
    return raw_path[len(base_path) - 1 :]
