"""`Sandbox`: one vendor's fake, reachable in-process (an httpx transport) or on loopback (a real server).

Which fakes exist, and where each answers, is the vendor registry's to say (`_registry.py`)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from .. import _registry as registry
from ._app import App
from ._faults import Faults

TOKEN = "sandbox-token"


def vendor_entry(vendor: str) -> registry.Vendor:
    """The registry's entry for `vendor`; ValueError (as `Sandbox` has always raised) for an unknown one."""
    if vendor not in registry.names():
        raise ValueError(f"unknown vendor {vendor!r}; choose one of {', '.join(registry.names())}")
    return registry.get(vendor)


class Sandbox:
    """An in-memory, stateful fake of one vendor's API, seeded with demo tickets.

        sandbox = Sandbox("intercom")
        desk = ticketkit.connect("intercom", **sandbox.connect_options())

    `faults` injects latency, errors, 429s and dropped connections (see `Faults`). Other keywords go to the
    vendor's fake: Intercom's `api_version` is the version it answers a request without `Intercom-Version` in.
    """

    def __init__(
        self,
        vendor: str,
        *,
        token: str = TOKEN,
        base_url: str | None = None,
        faults: Faults | None = None,
        seed: bool = True,
        **app_options: Any,
    ) -> None:
        entry = vendor_entry(vendor)
        self.vendor = vendor
        self.faults = faults or Faults()
        # In process, the vendor's own API URL (never resolved: the transport answers every request itself).
        base = base_url or entry.in_process_url()
        self.app: App = entry.sandbox_module().make_app(token=token, base_url=base, **app_options)
        if seed:
            self.app.seed()

    @property
    def base_url(self) -> str:
        return self.app.base_url

    def connect_options(self) -> dict[str, Any]:
        """Keywords for `ticketkit.connect(vendor, ...)` that reach this sandbox in-process."""
        return {"base_url": self.base_url, "transport": self.transport(), **self.app.connect_options()}

    def transport(self) -> SandboxTransport:
        return SandboxTransport(self)

    # -- one request, faults included (shared by the transport and the loopback server) ------------------

    def answer(self, request: httpx.Request) -> httpx.Response | None:
        """The response, or None for a dropped connection. Latency is the caller's to wait."""
        fault = self.faults.draw()
        if fault == "drop":
            return None
        if isinstance(fault, int):
            response = self.app.error(fault, "sandbox_fault", f"sandbox: injected {fault}")
            if fault == 429:
                response.headers["Retry-After"] = f"{self.faults.retry_after:g}"
            return response
        return self.app.handle(request)


class SandboxTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The sandbox as an httpx transport, for sync and async clients: no sockets at all."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if self.sandbox.faults.latency:
            time.sleep(self.sandbox.faults.latency)
        return self._finish(request, self.sandbox.answer(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if self.sandbox.faults.latency:
            await asyncio.sleep(self.sandbox.faults.latency)
        return self._finish(request, self.sandbox.answer(request))

    @staticmethod
    def _finish(request: httpx.Request, response: httpx.Response | None) -> httpx.Response:
        if response is None:
            raise httpx.RemoteProtocolError("sandbox: connection dropped", request=request)
        return httpx.Response(response.status_code, headers=response.headers, content=response.content, request=request)
