"""Helpers for testing desks: connect a sync or async desk to a scripted httpx.MockTransport."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import ticketkit

T = TypeVar("T")
Route = Callable[[httpx.Request], httpx.Response]


@dataclass
class Script:
    """Answers requests by (METHOD, path) from a table, and records every request.

    A table value is a response, a callable taking the request, or a list of those served in turn.
    A request the table does not name fails the test with a 599 response and is recorded as such.
    """

    routes: dict[tuple[str, str], Any] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    # (method, path, Authorization) as each request was sent: an auth flow may re-send the same
    # request object with a new header, which would rewrite what `requests` shows.
    sent: list[tuple[str, str, str | None]] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        self.sent.append((request.method, request.url.path, request.headers.get("authorization")))
        key = (request.method, request.url.path)
        answer = self.routes.get(key)
        if isinstance(answer, list):
            answer = answer.pop(0) if answer else None
        if answer is None:
            return httpx.Response(599, text=f"test script has no answer for {key}")
        if callable(answer):
            return answer(request)
        # A copy: a client takes over the stream of the response it is given, so one table entry
        # could not otherwise serve a sync and an async desk, or be served twice.
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    def on(self, method: str, path: str, *answers: Any) -> Script:
        self.routes[(method, path)] = list(answers) if len(answers) > 1 else answers[0]
        return self

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


def ok(body: Any, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def raw(status: int, content: bytes | str, content_type: str = "text/html") -> httpx.Response:
    data = content.encode() if isinstance(content, str) else content
    return httpx.Response(status, content=data, headers={"content-type": content_type})


def sync_desk(vendor: str, script: Script, **options: Any) -> ticketkit.Desk:
    """A desk on the script. No retries unless asked: the retry policy has its own tests."""
    options.setdefault("token", "tok-123")
    options.setdefault("max_retries", 0)
    return ticketkit.connect(vendor, transport=script.transport, **options)


def async_desk(vendor: str, script: Script, **options: Any) -> ticketkit.AsyncDesk:
    options.setdefault("token", "tok-123")
    options.setdefault("max_retries", 0)
    return ticketkit.connect_async(vendor, transport=script.transport, **options)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)
