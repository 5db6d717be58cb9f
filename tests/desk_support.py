"""Helpers for testing desks: the one recording transport (`Recorder`) and the one driver (`drive`).

A test that runs the same action on a sync `Desk` and an `AsyncDesk` takes the `mode` fixture (conftest.py)
and calls `drive(mode, vendor, action, **connect_options)`; a test that needs the desk itself, to hold it
across calls, opens `sync_desk` / `async_desk` with the same defaults.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import httpx
import ticketkit


@dataclass(frozen=True)
class Seen:
    """One request as it arrived (kept as a copy: an auth flow may re-send a request object with new headers)."""

    host: str  # host:port for a loopback server, the URL's host for a Recorder
    method: str
    target: str  # the request target as sent (path and query, raw)
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def path(self) -> str:
        """The target's path, percent-decoded (as httpx.URL.path gives it)."""
        return unquote(self.target.partition("?")[0])


@dataclass
class Recorder:
    """The tests' one recording transport: an httpx.MockTransport handler (sync and async clients alike).

    Every request is kept twice: as the `httpx.Request` (`requests`) and as it was sent (`seen`). Each is
    answered from `routes`, by (METHOD, path) or else by host, or else by `answer`. An answer is a response
    (a fresh copy is served each time), a callable taking the request, or a list of those served in turn. A
    request nothing answers gets a 599 response, which fails the call. With `limit`, a request past that many
    fails the test: a desk that pages forever fails instead of hanging.
    """

    routes: dict[Any, Any] = field(default_factory=dict)
    answer: Any = None
    limit: int | None = None
    requests: list[httpx.Request] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.requests.append(request)
        headers = {name.lower(): value for name, value in request.headers.items()}
        self.seen.append(Seen(request.url.host, request.method, request.url.raw_path.decode(), headers, body))
        assert self.limit is None or len(self.requests) <= self.limit, (
            f"{len(self.requests)} requests: the desk does not stop"
        )
        for key in ((request.method, request.url.path), request.url.host):
            if key in self.routes:
                answer = self.routes[key]
                break
        else:
            answer = self.answer
        if isinstance(answer, list):
            answer = answer.pop(0) if answer else None
        if answer is None:
            return httpx.Response(599, text=f"the test's recorder has no answer for {request.method} {request.url}")
        if callable(answer):
            response: httpx.Response = answer(request)
            return response
        # A copy: a client takes over the stream of the response it is given, so one answer could not
        # otherwise serve a sync and an async desk, or be served twice.
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    def on(self, method: str, path: str, *answers: Any) -> Recorder:
        """Answer METHOD path with `answers` (several: in turn)."""
        self.routes[(method, path)] = list(answers) if len(answers) > 1 else answers[0]
        return self

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    @property
    def only(self) -> httpx.Request:
        """The single request sent (fails if there were more or fewer)."""
        assert len(self.requests) == 1, f"expected one request, got {len(self.requests)}"
        return self.requests[0]

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]

    def hosts(self) -> list[str]:
        return [seen.host for seen in self.seen]


def ok(body: Any, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def raw(status: int, content: bytes | str, content_type: str = "text/html") -> httpx.Response:
    data = content.encode() if isinstance(content, str) else content
    return httpx.Response(status, content=data, headers={"content-type": content_type})


# -- the one driver: an action on a sync or an async desk ---------------------------------------------------

#: The two kinds of desk; conftest.py's `mode` fixture is parametrised over them.
MODES = ("sync", "async")
#: What each vendor's desk needs beyond a token for every operation on a mock transport: Tickiti a base URL
#: (it has no default host) and an agent to write as, Intercom an admin to write notes as.
DESK_OPTIONS: dict[str, dict[str, Any]] = {
    "routera": {},
    "intercom": {"admin_id": "7"},
    "tickiti": {"base_url": "https://support.example.com", "agent_email": "agent@example.com"},
    "ankra": {},
}
#: How long an async action may run before the driver gives up on it: a guard against a hang, not a bound.
DRIVE_SECONDS = 30


def _connect_options(options: dict[str, Any]) -> dict[str, Any]:
    """Token "tok-123" unless given; no retries unless asked (the retry policy has its own tests); a Recorder
    given as the transport serves as one."""
    options.setdefault("token", "tok-123")
    options.setdefault("max_retries", 0)
    if isinstance(options.get("transport"), Recorder):
        options["transport"] = options["transport"].transport
    return options


def sync_desk(vendor: str, script: Recorder | None = None, **options: Any) -> ticketkit.Desk:
    """A sync desk on the recorder (or on `options` alone: a base URL, a sandbox's options)."""
    if script is not None:
        options["transport"] = script
    return ticketkit.connect(vendor, **_connect_options(options))


def async_desk(vendor: str, script: Recorder | None = None, **options: Any) -> ticketkit.AsyncDesk:
    """The async twin of `sync_desk`."""
    if script is not None:
        options["transport"] = script
    return ticketkit.connect_async(vendor, **_connect_options(options))


def finished(result: Any) -> Any:
    """What a sync desk method gave, an iterator (tickets.list) read to the end into a list."""
    return list(result) if isinstance(result, Iterator) else result


async def awaited(result: Any) -> Any:
    """What an async desk method gave, awaited, or an async iterator (tickets.list) read to the end."""
    if isinstance(result, AsyncIterator):
        return [item async for item in result]
    return await result


def drive(mode: str, vendor: str, action: Callable[[Any], Any], **options: Any) -> Any:
    """`action(desk)` on a fresh sync or async desk of `vendor`, closed afterwards; what it gives is finished.

    `options` go to `ticketkit.connect` / `connect_async` (see `_connect_options` for the defaults): a
    `transport` (a Recorder, a sandbox's) or a `base_url` on loopback. The same action serves both modes:
    `lambda d: d.tickets.get("1")` is a Ticket in the one and an awaitable in the other.
    """
    if mode == "sync":
        with sync_desk(vendor, **options) as desk:
            return finished(action(desk))
    assert mode == "async", mode

    async def go() -> Any:
        async with async_desk(vendor, **options) as desk:
            return await awaited(action(desk))

    return asyncio.run(asyncio.wait_for(go(), DRIVE_SECONDS))


def calling(operation: str, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
    """The action `desk.<operation>(*args, **kwargs)`, the operation named as "tickets.get"."""
    group, name = operation.split(".")
    return lambda desk: getattr(getattr(desk, group), name)(*args, **kwargs)
