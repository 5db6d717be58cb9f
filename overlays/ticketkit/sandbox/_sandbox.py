"""`Sandbox`: one vendor's fake, reachable in-process (an httpx transport) or on loopback (a real server).

Which fakes exist, and where each answers, is the vendor registry's to say (`_registry.py`)."""

from __future__ import annotations

import asyncio
import email.utils
import math
import time
from collections.abc import Collection
from typing import Any

import httpx

from .. import _registry as registry
from ._app import App
from ._faults import Faults
from ._limits import Limiter, RateLimit, SandboxStats
from ._requests import RequestLog
from ._synthetic import Synthetic, corrupt_indices
from ._webhooks import WebhookDelivery

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

    - `tickets=N`, `seed=S`: hold N synthetic tickets with threads (and attachments where the vendor has
      them), built lazily and deterministically from (S, index), so memory does not grow with N; writes are
      kept beside them. Each fake's module says its listing order and which filters it answers fast.
    - `total_shortfall=k`: where the vendor's list reports a total, report k fewer (a vendor that
      under-reports). `corrupt_tickets`: synthetic tickets (by index or id) sent with `created_at:
      "not-a-date"`, as a vendor bug would send them.
    - `demo`: start with the vendor's few demo tickets (threads and attachments included); by default only
      when there is no synthetic data set.
    - `rate_limit`: at most `RateLimit(requests=R, per=seconds)` requests in each fixed window of `per` seconds
      (a number: requests a second), counted over every request the sandbox answers, in-process and on
      loopback alike. Over it: 429 with the vendor's own error body and `Retry-After` (whole seconds), or, for
      a vendor that documents rate-limit headers (Intercom's `X-RateLimit-Limit/Remaining/Reset`), those
      headers on every answer, the 429 included.
    - `clock_skew`: seconds added to every time the sandbox writes (`updated_at` of writes, the `Date` header
      every answer carries).
    - `faults` injects latency, errors, 429s and dropped connections (see `Faults`).

    `stats` counts what it answered (`SandboxStats`). With `record_requests=True`, `requests` keeps every request
    it answered (`RequestLog`: `sandbox.requests.assert_sent("POST", "/tickets", json_includes={...})`).
    A fake that sends webhooks (Intercom's: `webhook_url=`, `webhook_secret=`) delivers them in the background;
    `flush_webhooks()` waits for them. Other keywords go to the vendor's fake: Intercom's
    `api_version` is the version it answers a request without `Intercom-Version` in.
    """

    def __init__(
        self,
        vendor: str,
        *,
        token: str = TOKEN,
        base_url: str | None = None,
        faults: Faults | None = None,
        tickets: int | None = None,
        seed: int = 0,
        rate_limit: RateLimit | float | None = None,
        total_shortfall: int = 0,
        corrupt_tickets: Collection[int | str] = (),
        clock_skew: float = 0.0,
        demo: bool | None = None,
        record_requests: bool = False,
        **app_options: Any,
    ) -> None:
        entry = vendor_entry(vendor)
        self.vendor = vendor
        self.faults = faults or Faults()
        self.rate_limit = None if rate_limit is None else RateLimit.of(rate_limit)
        self.limiter = None if self.rate_limit is None else Limiter(self.rate_limit)
        if not isinstance(clock_skew, int | float) or not math.isfinite(clock_skew):
            raise ValueError(f"clock_skew must be a number of seconds, not {clock_skew!r}")
        self.clock_skew = float(clock_skew)
        self.stats = SandboxStats()
        # In process, the vendor's own API URL (never resolved: the transport answers every request itself).
        base = base_url or entry.in_process_url()
        self.app: App = entry.sandbox_module().make_app(token=token, base_url=base, **app_options)
        self.app.clock_skew = self.clock_skew
        if isinstance(total_shortfall, bool) or not isinstance(total_shortfall, int) or total_shortfall < 0:
            raise ValueError(f"total_shortfall must be a whole number of at least 0, not {total_shortfall!r}")
        self.app.total_shortfall = total_shortfall
        if tickets is not None:
            if isinstance(tickets, bool) or not isinstance(tickets, int) or tickets < 0:
                raise ValueError(f"tickets must be a whole number of at least 0, not {tickets!r}")
            if isinstance(seed, bool) or not isinstance(seed, int):
                raise ValueError(f"seed must be a whole number, not {seed!r}")
            end = int(time.time() + self.clock_skew) - 60
            synthetic = Synthetic(tickets, seed, end)
            self.app.use_synthetic(synthetic)
            synthetic.corrupt.update(corrupt_indices(corrupt_tickets, tickets, self.app.synthetic_index))
        elif corrupt_tickets:
            raise ValueError("corrupt_tickets needs a synthetic data set (tickets=N)")
        self.tickets = tickets
        self.seed = seed
        self.requests = RequestLog(self.base_url, recording=record_requests)
        if demo if demo is not None else tickets is None:
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
        """The response, or None for a dropped connection. Latency is the caller's to wait.

        The rate limit comes first (a refused request reaches neither the faults nor the fake), then the
        faults, then the fake; every answer gets the vendor's rate-limit headers (if any) and `Date`.
        """
        admission = None if self.limiter is None else self.limiter.admit()
        accepted_at: float | None = time.monotonic() if admission is None else admission.at
        response: httpx.Response | None
        if admission is not None and not admission.allowed:
            accepted_at = None
            response = self.app.too_many_requests(max(1, math.ceil(admission.retry_after)))
        else:
            response = self._fault_or_answer(request)
        if response is not None:
            if admission is not None:
                reset = math.ceil(round(admission.reset + self.clock_skew, 6))
                response.headers.update(self.app.rate_limit_headers(admission.limit, admission.remaining, reset))
            response.headers["Date"] = email.utils.formatdate(time.time() + self.clock_skew, usegmt=True)
        self.stats.count(None if response is None else response.status_code, accepted_at)
        self.requests.record(request, None if response is None else response.status_code)
        return response

    def flush_webhooks(self, timeout: float = 10.0) -> list[WebhookDelivery]:
        """Wait until every webhook the fake queued was delivered (or failed); every delivery so far.

        ValueError when this sandbox sends no webhooks; TimeoutError when some are still out after `timeout`
        seconds (a slow receiver).
        """
        if self.app.webhooks is None:
            raise ValueError(f"this {self.vendor} sandbox sends no webhooks (no webhook_url= was given)")
        return self.app.webhooks.flush(timeout)

    def _fault_or_answer(self, request: httpx.Request) -> httpx.Response | None:
        fault = self.faults.draw()
        if fault == "drop":
            return None
        if isinstance(fault, int):
            response = self.app.error(fault, "sandbox_fault", f"sandbox: injected {fault}")
            if fault == 429:
                response.headers["Retry-After"] = f"{self.faults.retry_after:g}"
            return response
        return self.app.handle(request)

    def busiest_window(self) -> int:
        """The most requests accepted in any one of the rate limit's windows since `stats` was last reset
        (never above `rate_limit.requests`); with no rate limit, 0."""
        return 0 if self.limiter is None else self.limiter.busiest_window(self.stats.accepted)


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
