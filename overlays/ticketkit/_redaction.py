"""Credential masking: the one mechanism behind every message, repr, log line and CLI line ticketkit writes.

A desk knows the credentials its caller gave: the token, Routera's client secret, the values of custom
headers whose names look secret (`X-Api-Key`, `Cookie`, anything with token, secret, key, auth...), and a
password in the base URL. `Secrets` holds them with the encodings a server plausibly echoes them in:

- as given, JSON-escaped (`\\/`, `\\uXXXX`) and HTML-escaped (an error page);
- percent-encoded, upper- or lower-case hex (a form, such as Routera's token request, or a query echoed back);
- base64 of `id:secret`, standard or URL-safe, padded or not, raw or form-encoded first (HTTP Basic, RFC 6749
  2.3.1: Routera's client credentials, a base URL's `user:password`).

`mask` replaces each with `[redacted]` wherever it appears. Where it is applied: errors as they leave a desk
or `connect()` (`str`, `repr`, `message`, `body`, `problems`, `response`, the cause chain), an error response's
bytes before its vendor's reader sees them (so no cut-off body keeps half a token), `repr(desk)`, every record of
the `ticketkit` logger (a filter that knows every live desk's secrets), and the CLI's error lines.

A credential shorter than MIN_LENGTH characters is not searched for in free text (it would mask ordinary words
and ids); header values are still replaced by name in logs, and URL userinfo is never shown.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import html
import json
import logging
import re
import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit, urlunsplit

import httpx

MIN_LENGTH = 8
MASK = "[redacted]"
HEADER_MASK = "<redacted>"
# Header names whose values are credentials whatever they hold.
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_SECRET_NAME = re.compile(r"auth|token|secret|passw|pwd|key|cookie|session|credential|signature|csrf|xsrf", re.I)
NOT_SECRET = frozenset({"idempotency-key", "idempotency_key"})  # named like one, and useful in a debug log
_HEX = re.compile(r"%[0-9A-F]{2}")


def secret_name(name: object) -> bool:
    """Whether a header or option called `name` carries a credential (by its name)."""
    if not isinstance(name, str) or name.lower() in NOT_SECRET:
        return False
    return name.lower() in CREDENTIAL_HEADERS or _SECRET_NAME.search(name) is not None


def _forms(secret: str) -> set[str]:
    forms = {secret}
    for encoded in (quote(secret, safe=""), quote_plus(secret), quote(secret)):
        forms |= {encoded, _HEX.sub(lambda m: m.group().lower(), encoded)}
    for escaped in (json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]):
        forms |= {escaped, escaped.replace("/", "\\/")}
    forms |= {html.escape(secret), html.escape(secret, quote=False)}
    return forms


def _basic(user: str, password: str) -> set[str]:
    forms: set[str] = set()
    for pair in (f"{user}:{password}", f"{quote_plus(user)}:{quote_plus(password)}"):
        forms.add(pair)
        for encoded in (base64.b64encode(pair.encode()), base64.urlsafe_b64encode(pair.encode())):
            text = encoded.decode("ascii")
            forms |= {text, text.rstrip("=")}
    return forms


def userinfo(url: object) -> tuple[str, str] | None:
    """The (user, password) a URL string carries, None when it carries none (or is no URL)."""
    if not isinstance(url, str) or "@" not in url:
        return None
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        return None
    if "@" not in netloc:
        return None
    user, _, password = netloc.rpartition("@")[0].partition(":")
    return user, password


def without_userinfo(url: str) -> str:
    """The URL with any `user:password@` removed (it is never sent: a desk authenticates with token=)."""
    if userinfo(url) is None:
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def display_url(url: httpx.URL | str) -> str:
    """A URL fit to show: no userinfo."""
    return without_userinfo(str(url))


# Every Secrets that holds something, for the log filter: a record may come from any desk.
_LIVE: weakref.WeakSet[Secrets] = weakref.WeakSet()
_LIVE_LOCK = threading.Lock()


class Secrets:
    """The credentials one desk (or one call of it) was given, and how to mask them in anything."""

    def __init__(self, values: Iterable[str] = (), pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._values = frozenset(v for v in values if isinstance(v, str) and len(v) >= MIN_LENGTH)
        self._pairs = frozenset(p for p in pairs if len(p[0]) + len(p[1]) + 1 >= MIN_LENGTH)
        forms: set[str] = set()
        for value in self._values:
            forms |= _forms(value)
        for user, password in self._pairs:
            forms |= _basic(user, password)
        ordered = sorted((f for f in forms if f), key=len, reverse=True)  # the longest form wins
        self._text = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._bytes = re.compile(b"|".join(re.escape(f.encode()) for f in ordered)) if ordered else None
        if ordered:
            with _LIVE_LOCK:
                _LIVE.add(self)

    @classmethod
    def of(
        cls,
        token: object = None,
        headers: object = None,
        base_url: object = None,
        options: Mapping[str, Any] | None = None,
    ) -> Secrets:
        """The credentials among `connect()`'s arguments, whatever their types (they are checked later)."""
        values: list[str] = []
        pairs: list[tuple[str, str]] = []
        if isinstance(token, str):
            values.append(token)
        values += _header_secrets(headers)
        found = userinfo(base_url)
        if found is not None:
            user, password = found
            values.append(password or user)
            if password:
                pairs.append((user, password))
        for name, value in (options or {}).items():
            if secret_name(name) and isinstance(value, str):
                values.append(value)
        client_id, client_secret = (options or {}).get("client_id"), (options or {}).get("client_secret")
        if isinstance(client_id, str) and isinstance(client_secret, str):
            pairs.append((client_id, client_secret))
        return cls(values, pairs)

    def with_headers(self, headers: object) -> Secrets:
        """These secrets and those of one call's `extra_headers` (self when it adds none)."""
        added = [v for v in _header_secrets(headers) if len(v) >= MIN_LENGTH and v not in self._values]
        return Secrets([*self._values, *added], self._pairs) if added else self

    def __bool__(self) -> bool:
        return self._text is not None

    def __repr__(self) -> str:
        return f"Secrets({len(self._values) + len(self._pairs)} masked)"

    # -- masking ------------------------------------------------------------------------------------------

    def mask(self, text: str) -> str:
        return self._text.sub(MASK, text) if self._text is not None else text

    def mask_bytes(self, data: bytes) -> bytes:
        return self._bytes.sub(MASK.encode(), data) if self._bytes is not None else data

    def masked(self, value: Any) -> Any:
        """`value` with every secret masked: strings, bytes, containers (to any depth, without recursion),
        dataclasses (Problem), and httpx requests and responses (copies)."""
        if self._text is None:
            return value
        if isinstance(value, str):
            return self.mask(value)
        if isinstance(value, bytes):
            return self.mask_bytes(value)
        if isinstance(value, dict | list):
            return self._deep(value)
        if isinstance(value, tuple):
            items = map(self.masked, value)
            return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
        if isinstance(value, httpx.Response):
            return self.response(value)
        if isinstance(value, httpx.Request):
            return self.request(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.masked(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
            return dataclasses.replace(value, **changes)
        return value

    def _deep(self, value: dict[Any, Any] | list[Any]) -> Any:
        # A JSON body can nest far deeper than Python recurses: walk it with a stack.
        root: list[Any] = [value]
        stack: list[tuple[Any, Any]] = [(root, 0)]
        while stack:
            container, key = stack.pop()
            item = container[key]
            if isinstance(item, dict):
                copy = {self.mask(k) if isinstance(k, str) else k: v for k, v in item.items()}
                container[key] = copy
                stack.extend((copy, k) for k in copy)
            elif isinstance(item, list):
                items = list(item)
                container[key] = items
                stack.extend((items, i) for i in range(len(items)))
            else:
                container[key] = self.masked(item)
        return root[0]

    def scrub(self, exc: BaseException) -> None:
        """Mask the secrets in an exception about to reach the caller: its args (so `str` and `repr`), every
        attribute (`message`, `body`, `problems`, `response`...), and the same for its causes."""
        if self._text is None:
            return
        seen: set[int] = set()
        current: BaseException | None = exc
        while current is not None and id(current) not in seen and len(seen) < 16:
            seen.add(id(current))
            for name, value in [("args", current.args), *vars(current).items()]:
                masked = self.masked(value)
                if masked is not value:
                    with contextlib.suppress(AttributeError, TypeError):  # a read-only attribute stays as it is
                        setattr(current, name, masked)
            current = current.__cause__ or current.__context__

    def headers(self, headers: httpx.Headers) -> list[tuple[str, str]]:
        return [(name, HEADER_MASK if secret_name(name) else self.mask(value)) for name, value in headers.multi_items()]

    def request(self, request: httpx.Request) -> httpx.Request:
        """A copy fit to keep on an error: credentials replaced, secrets masked in URL and body."""
        try:
            content = self.mask_bytes(request.content)
        except httpx.RequestNotRead:
            content = b""
        url = display_url(request.url)
        try:
            masked_url = httpx.URL(self.mask(url))
        except httpx.InvalidURL:
            masked_url = httpx.URL(url)
        headers = [(k, v) for k, v in self.headers(request.headers) if k.lower() != "content-length"]
        return httpx.Request(request.method, masked_url, headers=headers, content=content)

    def response(self, response: httpx.Response) -> httpx.Response:
        """A copy of a read response with the secrets masked in its body, headers, reason and request."""
        if self._text is None:
            return response
        try:
            content = self.mask_bytes(response.content)
        except httpx.ResponseNotRead:
            content = b""
        stale = ("content-encoding", "content-length", "transfer-encoding")  # the content is decoded already
        headers = [(k, v) for k, v in self.headers(response.headers) if k.lower() not in stale]
        extensions: dict[str, Any] = {}
        reason = response.extensions.get("reason_phrase")
        if isinstance(reason, bytes):
            extensions["reason_phrase"] = self.mask_bytes(reason)
        if "http_version" in response.extensions:
            extensions["http_version"] = response.extensions["http_version"]
        try:
            request: httpx.Request | None = self.request(response.request)
        except RuntimeError:  # a response built without a request
            request = None
        return httpx.Response(
            response.status_code, headers=headers, content=content, request=request, extensions=extensions
        )


def _header_secrets(headers: object) -> list[str]:
    if not isinstance(headers, Mapping):
        return []
    return [v for k, v in headers.items() if secret_name(k) and isinstance(v, str)]


def log_headers(headers: httpx.Headers) -> dict[str, str]:
    """Headers fit for a log: every credential-looking one replaced (the log filter masks the rest)."""
    return {k: (HEADER_MASK if secret_name(k) else v) for k, v in headers.items()}


def mask_everywhere(text: str) -> str:
    """`text` with the secrets of every live desk masked."""
    with _LIVE_LOCK:
        live = list(_LIVE)
    for secrets in live:
        text = secrets.mask(text)
    return text


class MaskingFilter(logging.Filter):
    """On the `ticketkit` logger: every record is formatted and masked with every live desk's secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        with _LIVE_LOCK:
            empty = not _LIVE
        if not empty:
            try:
                message = record.getMessage()
            except Exception:  # a malformed record: logging reports it itself
                return True
            record.msg, record.args = mask_everywhere(message), None
        return True
