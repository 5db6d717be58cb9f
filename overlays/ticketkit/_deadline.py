"""A deadline for a whole attempt, enforced inside httpcore's network reads, writes and connects.

httpx's timeouts are per operation: httpcore hands the read timeout to every `read()` of the socket, so a
server that sends one byte a second never trips a 2 s read timeout, and an answer can take forever
(encode/httpx#1450). The deadline of the attempt in progress sits in a context variable (`enter()`,
`leave()`); the network streams of the pools ticketkit wraps (`install()`) cap every connect, TLS handshake,
read and write timeout at the time left, and once none is left they raise the timeout httpcore would have
raised (ConnectTimeout, ReadTimeout, WriteTimeout), which httpx maps as usual. The variable is per thread and
per asyncio task, so concurrent calls each keep their own deadline; outside a ticketkit call (no deadline set)
the streams pass every timeout through unchanged.

`install()` wraps the pools of the httpx transports a client sends through: the one httpx makes by default,
any proxy transports it mounts from the environment, and a caller-supplied `httpx.HTTPTransport` or
`httpx.AsyncHTTPTransport` (whose pool then carries the inert wrapper for its other users too). Any other
transport (`httpx.MockTransport`, a custom one) is not wrapped: ticketkit then checks the deadline between
body chunks and while decoding only, and a single read that blocks is bounded by that transport's own
timeouts. The wrappers live in `_deadline_io.py`, imported by the first `install()`: httpx itself imports
httpcore only once a transport is made, so `import ticketkit` stays as cheap as it was.

The sync desk resolves names (`getaddrinfo`) before a socket exists: the system's resolver bounds that
step. The async desk resolves inside the (capped) connect timeout.
"""

from __future__ import annotations

import time
from contextvars import ContextVar, Token

import httpx

_DEADLINE: ContextVar[float | None] = ContextVar("ticketkit_attempt_deadline", default=None)


def enter(deadline: float) -> Token[float | None]:
    """From now until `leave()`, network I/O on wrapped pools ends by `deadline` (a `time.monotonic()` value)."""
    return _DEADLINE.set(deadline)


def leave(token: Token[float | None]) -> None:
    _DEADLINE.reset(token)


def current() -> float | None:
    """The deadline of the attempt in progress (a `time.monotonic()` value), None outside one."""
    return _DEADLINE.get()


def capped(timeout: float | None, error: type[Exception]) -> float | None:
    """`timeout`, shortened to the time left before the deadline; `error` when no time is left."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)


def install(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Make every HTTP transport `client` sends through keep the attempt deadline; whether its default does."""
    from . import _deadline_io

    mounted = getattr(client, "_mounts", {})  # the proxy transports httpx mounted (from the environment)
    for transport in mounted.values():
        _deadline_io.wrap(transport)
    return _deadline_io.wrap(getattr(client, "_transport", None))
