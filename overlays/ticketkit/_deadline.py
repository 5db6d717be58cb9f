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
timeouts. The sync desk resolves names (`getaddrinfo`) before a socket exists: the system's resolver bounds
that step; the async desk resolves inside the (capped) connect timeout.
"""

from __future__ import annotations

import ssl
import time
import typing
from collections.abc import Iterable
from contextvars import ContextVar, Token

import httpcore
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


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, capped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, capped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        timeout = capped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """Wraps a pool's network backend: every stream it opens keeps to the deadline of the attempt using it."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = capped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
    ) -> httpcore.NetworkStream:
        timeout = capped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, capped(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, capped(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = capped(timeout, httpcore.ConnectTimeout)
        return AsyncDeadlineStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = capped(timeout, httpcore.ConnectTimeout)
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return AsyncDeadlineStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = capped(timeout, httpcore.ConnectTimeout)
        return AsyncDeadlineStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _wrap(transport: object) -> bool:
    """Wrap the network backend of an httpx HTTP transport's pool; whether the transport now keeps deadlines."""
    if not isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport):
        return False
    # httpx keeps its httpcore pool in `_pool`, and httpcore its backend in `_network_backend` (httpx 0.18 to
    # 0.29 and httpcore 1.x alike); tests/test_deadlines.py fails if a new version moves them.
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, DeadlineBackend | AsyncDeadlineBackend):
        return True
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
        return True
    if isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = AsyncDeadlineBackend(backend)  # type: ignore[union-attr]
        return True
    return False


def install(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Make every HTTP transport `client` sends through keep the attempt deadline; whether its default does."""
    mounted = getattr(client, "_mounts", {})  # the proxy transports httpx mounted (from the environment)
    for transport in mounted.values():
        _wrap(transport)
    return _wrap(getattr(client, "_transport", None))
