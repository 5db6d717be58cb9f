"""ticketkit's pytest plugin: a sandboxed desk per test, no account and no mock library.

Installed with ticketkit (entry point `pytest11`), so its fixtures are there in every test run; none is
autouse and nothing of ticketkit's sandbox is imported until a test asks for a fixture.

    def test_escalation(ticketkit_desk):
        desk = ticketkit_desk("intercom")
        ticket = desk.tickets.create(subject="Printer on fire", description="Help", requester_email="a@b.example")
        desk.tickets.update(ticket.id, status="in_progress")
        ticketkit_desk.requests.assert_sent("PUT", f"/tickets/{ticket.id}")

- `ticketkit_desk(vendor, faults=None, tickets=None, sandbox_options=None, **connect_options)`: a connected
  `Desk` on a fresh in-process sandbox of `vendor` (closed at teardown). `ticketkit_desk.sandbox` is the
  sandbox of the last desk made, `ticketkit_desk.requests` what it was sent (`RequestLog`).
- `ticketkit_async_desk(...)`: the same, an `AsyncDesk`. Use it with `async with` in the event loop of your
  choice (pytest-asyncio, anyio, or `asyncio.run` in a plain test); one still open at teardown is closed.
- `ticketkit_server(vendor, faults=None, tickets=None, **sandbox_options)`: the sandbox served on 127.0.0.1,
  for code that takes a base URL (`.base_url`, `.token`, `.connect_options()`, `.requests`); stopped at
  teardown.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# The typecheck session installs no pytest: without it pytest is Any here, and with it these ignores are unused.
import pytest  # type: ignore[import-not-found, unused-ignore]

if TYPE_CHECKING:  # the sandbox and the desks are imported when a fixture is first called, not with the plugin
    from ticketkit import AsyncDesk, Desk
    from ticketkit.sandbox import Faults, RequestLog, Sandbox
    from ticketkit.sandbox._server import SandboxServer

__all__ = [
    "AsyncDeskFactory",
    "DeskFactory",
    "ServedSandbox",
    "ServerFactory",
    "ticketkit_async_desk",
    "ticketkit_desk",
    "ticketkit_server",
]


def _sandbox(
    vendor: str, faults: Faults | None, tickets: int | None, options: Mapping[str, Any] | None, **more: Any
) -> Sandbox:
    """A recording sandbox of `vendor` with the given keywords."""
    from ticketkit.sandbox import Sandbox

    return Sandbox(vendor, faults=faults, tickets=tickets, record_requests=True, **{**(options or {}), **more})


class _Sandboxes:
    """What the factories share: the sandboxes made, the last one, and its request log."""

    def __init__(self) -> None:
        self.sandboxes: list[Sandbox] = []

    @property
    def sandbox(self) -> Sandbox:
        """The sandbox of the last desk (or server) this fixture made; RuntimeError when it made none yet."""
        if not self.sandboxes:
            raise RuntimeError(f"{type(self).__name__}: call the fixture first, e.g. ticketkit_desk('intercom')")
        return self.sandboxes[-1]

    @property
    def requests(self) -> RequestLog:
        """What the last sandbox was sent (`assert_sent`, `assert_not_sent`, `find`, indexing)."""
        return self.sandbox.requests


class DeskFactory(_Sandboxes):
    """The `ticketkit_desk` fixture: call it for a `Desk` on a fresh in-process sandbox of a vendor."""

    def __init__(self) -> None:
        super().__init__()
        self.desks: list[Desk] = []

    def __call__(
        self,
        vendor: str,
        *,
        faults: Faults | None = None,
        tickets: int | None = None,
        sandbox_options: Mapping[str, Any] | None = None,
        **connect_options: Any,
    ) -> Desk:
        """A connected Desk on a new sandbox of `vendor`, closed at the end of the test.

        `faults` and `tickets` (a synthetic data set of that many) go to the `Sandbox`, as do
        `sandbox_options` (`seed`, `rate_limit`, `api_version`, `webhook_url`, ...); `connect_options` go to
        `ticketkit.connect` over the sandbox's own (`max_retries=0`, another `admin_id`). Raises what
        `Sandbox` and `connect` raise for a bad keyword (ValueError, InvalidArgumentError).
        """
        import ticketkit

        sandbox = _sandbox(vendor, faults, tickets, sandbox_options)
        desk = ticketkit.connect(vendor, **{**sandbox.connect_options(), **connect_options})
        self.sandboxes.append(sandbox)
        self.desks.append(desk)
        return desk

    def sandbox_of(self, desk: Desk) -> Sandbox:
        """The sandbox behind a desk this fixture made; ValueError for another desk."""
        for made, sandbox in zip(self.desks, self.sandboxes, strict=True):
            if made is desk:
                return sandbox
        raise ValueError("this desk was not made by the ticketkit_desk fixture")

    def close(self) -> None:
        """Close every desk made (the fixture's teardown)."""
        for desk in self.desks:
            desk.close()


class AsyncDeskFactory(_Sandboxes):
    """The `ticketkit_async_desk` fixture: call it for an `AsyncDesk` on a fresh in-process sandbox."""

    def __init__(self) -> None:
        super().__init__()
        self.desks: list[AsyncDesk] = []

    def __call__(
        self,
        vendor: str,
        *,
        faults: Faults | None = None,
        tickets: int | None = None,
        sandbox_options: Mapping[str, Any] | None = None,
        **connect_options: Any,
    ) -> AsyncDesk:
        """An AsyncDesk on a new sandbox of `vendor` (keywords as `ticketkit_desk`'s).

        It is bound to no event loop until first used: open it with `async with` in the test's loop. One
        left open is closed at the end of the test.
        """
        import ticketkit

        sandbox = _sandbox(vendor, faults, tickets, sandbox_options)
        desk = ticketkit.connect_async(vendor, **{**sandbox.connect_options(), **connect_options})
        self.sandboxes.append(sandbox)
        self.desks.append(desk)
        return desk

    def sandbox_of(self, desk: AsyncDesk) -> Sandbox:
        """The sandbox behind a desk this fixture made; ValueError for another desk."""
        for made, sandbox in zip(self.desks, self.sandboxes, strict=True):
            if made is desk:
                return sandbox
        raise ValueError("this desk was not made by the ticketkit_async_desk fixture")

    def close(self) -> None:
        """Close every desk still open (the fixture's teardown, outside any event loop)."""
        for desk in self.desks:
            if not desk._http.is_closed:  # the in-process transport holds no connections of any loop
                asyncio.run(desk.aclose())


@dataclass(frozen=True)
class ServedSandbox:
    """A sandbox served on 127.0.0.1 for one test: what code that takes a base URL needs to reach it."""

    sandbox: Sandbox

    @property
    def base_url(self) -> str:
        """The served API's base URL (`http://127.0.0.1:<port>`, with the vendor's sub-path if it has one)."""
        return self.sandbox.base_url

    @property
    def token(self) -> str:
        """The bearer token the sandbox accepts."""
        return self.sandbox.app.token

    @property
    def requests(self) -> RequestLog:
        """What the served sandbox was sent."""
        return self.sandbox.requests

    def connect_options(self) -> dict[str, Any]:
        """Keywords for `ticketkit.connect(vendor, ...)` that reach this server over the network."""
        return {"base_url": self.base_url, **self.sandbox.app.connect_options()}


class ServerFactory(_Sandboxes):
    """The `ticketkit_server` fixture: call it to serve a fresh sandbox of a vendor on loopback."""

    def __init__(self) -> None:
        super().__init__()
        self._running: list[tuple[SandboxServer, threading.Thread]] = []

    def __call__(
        self, vendor: str, *, faults: Faults | None = None, tickets: int | None = None, **sandbox_options: Any
    ) -> ServedSandbox:
        """A sandbox of `vendor` served on a free port of 127.0.0.1 until the end of the test.

        `sandbox_options` go to `Sandbox` (`seed`, `rate_limit`, `api_version`, `webhook_url`, ...); raises
        what it raises for a bad one (ValueError).
        """
        from ticketkit.sandbox import make_server

        server, sandbox = make_server(vendor, faults=faults, tickets=tickets, record_requests=True, **sandbox_options)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        self._running.append((server, thread))
        self.sandboxes.append(sandbox)
        return ServedSandbox(sandbox)

    def close(self) -> None:
        """Stop every server started (the fixture's teardown)."""
        for server, thread in self._running:
            server.shutdown()
            server.server_close()
            thread.join()


@pytest.fixture  # type: ignore[untyped-decorator, unused-ignore]
def ticketkit_desk() -> Iterator[DeskFactory]:
    """Make a sandboxed Desk: `ticketkit_desk("intercom", faults=..., tickets=..., **connect_options)`.

    Each call makes a fresh in-process sandbox (recording what it is sent) and a desk on it; every desk is
    closed at the end of the test. `ticketkit_desk.sandbox` / `.requests`: the last one's sandbox and log.
    """
    factory = DeskFactory()
    yield factory
    factory.close()


@pytest.fixture  # type: ignore[untyped-decorator, unused-ignore]
def ticketkit_async_desk() -> Iterator[AsyncDeskFactory]:
    """Make a sandboxed AsyncDesk: `async with ticketkit_async_desk("intercom") as desk: ...`.

    The keywords are `ticketkit_desk`'s; works with any event loop runner (or `asyncio.run` in a plain test).
    """
    factory = AsyncDeskFactory()
    yield factory
    factory.close()


@pytest.fixture  # type: ignore[untyped-decorator, unused-ignore]
def ticketkit_server() -> Iterator[ServerFactory]:
    """Serve a sandbox on loopback: `served = ticketkit_server("tickiti")`, then `served.base_url`,
    `served.token`, `served.connect_options()`, `served.requests`. Stopped at the end of the test."""
    factory = ServerFactory()
    yield factory
    factory.close()
