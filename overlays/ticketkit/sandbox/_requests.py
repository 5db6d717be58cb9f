"""What a sandbox was sent: `RequestLog`, a list of `SentRequest`s with assertions that explain their failure.

Kept only when asked (`Sandbox(..., record_requests=True)`; the pytest plugin's fixtures always ask), so a
sandbox answering a large export does not hold every request it answered.
"""

from __future__ import annotations

import json as jsonlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload
from urllib.parse import parse_qs, unquote

import httpx

_MISSING: Any = object()
#: How much of a body a failure message shows.
_SHOWN = 300


@dataclass(frozen=True)
class SentRequest:
    """One request as the sandbox received it, and the status it answered (None: the connection was dropped).

    `path` is relative to the sandbox's base URL (`/tickets`, whether the base URL has a sub-path or not),
    percent-decoded; `target` is the path and query as sent. Header names are lower-case.
    """

    method: str
    path: str
    target: str
    headers: Mapping[str, str]
    body: bytes = field(repr=False)
    status: int | None

    @property
    def params(self) -> dict[str, list[str]]:
        """The query string's parameters, each with every value it was given."""
        return parse_qs(self.target.partition("?")[2], keep_blank_values=True)

    @property
    def json(self) -> Any:
        """The body as JSON; ValueError (saying what the body was) when it is not JSON."""
        try:
            return jsonlib.loads(self.body)
        except ValueError as exc:
            raise ValueError(f"{self.method} {self.path}: the body is not JSON: {_clip(self.body)!r}") from exc

    def describe(self) -> str:
        """One line for a failure message: method, target, status and the start of the body."""
        answer = "dropped" if self.status is None else str(self.status)
        body = f" {_clip(self.body)}" if self.body else ""
        return f"{self.method} {self.target} -> {answer}{body}"


class RequestLog(Sequence[SentRequest]):
    """The requests a sandbox answered, oldest first (a sequence: `len(log)`, `log[-1]`, iteration).

        sandbox = Sandbox("intercom", record_requests=True)
        ...
        sandbox.requests.assert_sent("POST", "/tickets", json_includes={"ticket_type_id": "1"})

    Each `assert_*` raises AssertionError listing every request sent, so a failing test says what happened.
    """

    def __init__(self, base_url: str, *, recording: bool) -> None:
        self.recording = recording
        self._prefix = httpx.URL(base_url).path.rstrip("/")
        self._sent: list[SentRequest] = []

    def record(self, request: httpx.Request, status: int | None) -> None:
        """Keep `request` (its body read) with the status it was answered with; nothing when not recording."""
        if not self.recording:
            return
        target = request.url.raw_path.decode("ascii")
        path = unquote(target.partition("?")[0])
        if self._prefix and path.startswith(self._prefix):
            path = path[len(self._prefix) :] or "/"
        headers = {name.lower(): value for name, value in request.headers.items()}
        self._sent.append(SentRequest(request.method, path, target, headers, request.content, status))

    def clear(self) -> None:
        """Forget what was recorded so far (to assert on what a later step sends)."""
        self._sent.clear()

    @overload
    def __getitem__(self, index: int) -> SentRequest: ...
    @overload
    def __getitem__(self, index: slice) -> list[SentRequest]: ...
    def __getitem__(self, index: int | slice) -> SentRequest | list[SentRequest]:
        return self._sent[index]

    def __len__(self) -> int:
        return len(self._sent)

    def __iter__(self) -> Iterator[SentRequest]:
        return iter(list(self._sent))

    def find(self, method: str | None = None, path: str | None = None) -> list[SentRequest]:
        """The requests with this method (any case) and path (relative to the base URL), oldest first."""
        return [
            sent
            for sent in self._sent
            if (method is None or sent.method == method.upper()) and (path is None or sent.path == path)
        ]

    def assert_sent(
        self,
        method: str,
        path: str,
        *,
        json: Any = _MISSING,
        json_includes: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        times: int | None = None,
    ) -> SentRequest:
        """The last request matching all that is given; AssertionError listing every request when none does.

        - `json`: the body parsed as JSON equals it exactly; `json_includes`: every key given is in the body
          with that value (nested objects compared the same way, key by key).
        - `headers`: each name (any case) was sent with that value; `params`: each query parameter was sent
          with that value (its last one).
        - `times`: exactly that many requests match (default: at least one).
        """
        __tracebackhide__ = True  # pytest shows the test's line, not this one
        matching = []
        reasons = []
        for sent in self.find(method, path):
            reason = _mismatch(sent, json, json_includes, headers, params)
            if reason is None:
                matching.append(sent)
            else:
                reasons.append(f"{sent.method} {sent.target}: {reason}")
        wanted = _wanted(method, path, json, json_includes, headers, params)
        if times is not None and len(matching) != times:
            raise AssertionError(f"expected {times} x {wanted}, sent {len(matching)}\n{self._listing(reasons)}")
        if not matching:
            raise AssertionError(f"expected {wanted}, not sent\n{self._listing(reasons)}")
        return matching[-1]

    def assert_not_sent(self, method: str, path: str) -> None:
        """AssertionError (listing what was sent) when any request had this method and path."""
        __tracebackhide__ = True
        found = self.find(method, path)
        if found:
            raise AssertionError(f"expected no {method.upper()} {path}, sent {len(found)}\n{self._listing([])}")

    def _listing(self, reasons: list[str]) -> str:
        if not self.recording:
            return "this sandbox records no requests: Sandbox(..., record_requests=True)"
        lines = [f"requests sent ({len(self._sent)}):"]
        lines += [f"  {n}. {sent.describe()}" for n, sent in enumerate(self._sent, 1)] or ["  (none)"]
        if reasons:
            lines.append("same method and path, but:")
            lines += [f"  - {reason}" for reason in reasons]
        return "\n".join(lines)


def _mismatch(
    sent: SentRequest,
    json: Any,
    json_includes: Mapping[str, Any] | None,
    headers: Mapping[str, str] | None,
    params: Mapping[str, str] | None,
) -> str | None:
    """Why `sent` is not the request asked for; None when it is."""
    for name, value in (headers or {}).items():
        got = sent.headers.get(name.lower())
        if got != value:
            return f"header {name} is {got!r}, not {value!r}"
    given = sent.params
    for name, value in (params or {}).items():
        got = given.get(name, [None])[-1]
        if got != value:
            return f"query parameter {name} is {got!r}, not {value!r}"
    if json is _MISSING and json_includes is None:
        return None
    try:
        body = sent.json
    except ValueError:
        return f"the body is not JSON: {_clip(sent.body)!r}"
    if json is not _MISSING and body != json:
        return f"json is {_clip(body)}"
    if json_includes is not None:
        return _not_included(body, json_includes, "json")
    return None


def _not_included(body: Any, wanted: Mapping[str, Any], where: str) -> str | None:
    if not isinstance(body, dict):
        return f"{where} is {_clip(body)}, not an object"
    for key, value in wanted.items():
        if key not in body:
            return f"{where} has no {key!r} (keys: {', '.join(map(repr, body))})"
        if isinstance(value, Mapping) and isinstance(body[key], dict):
            nested = _not_included(body[key], value, f"{where}[{key!r}]")
            if nested is not None:
                return nested
        elif body[key] != value:
            return f"{where}[{key!r}] is {_clip(body[key])}, not {_clip(value)}"
    return None


def _wanted(
    method: str,
    path: str,
    json: Any,
    json_includes: Mapping[str, Any] | None,
    headers: Mapping[str, str] | None,
    params: Mapping[str, str] | None,
) -> str:
    parts = [f"{method.upper()} {path}"]
    if json is not _MISSING:
        parts.append(f"json={_clip(json)}")
    if json_includes is not None:
        parts.append(f"json_includes={_clip(json_includes)}")
    if headers:
        parts.append(f"headers={dict(headers)}")
    if params:
        parts.append(f"params={dict(params)}")
    return " with ".join([parts[0], ", ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def _clip(value: Any) -> str:
    """A body as its text, any other value as JSON (a string in quotes), cut to _SHOWN characters."""
    if isinstance(value, bytes):
        text = value.decode("utf-8", "replace")
    else:
        text = jsonlib.dumps(value, default=str, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "..."
