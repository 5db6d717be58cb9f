"""In-memory, stateful fakes of the vendor APIs, for running and testing code without accounts.

    from ticketkit.sandbox import Sandbox

    sandbox = Sandbox("tickiti")                     # seeded with demo tickets
    desk = ticketkit.connect("tickiti", **sandbox.connect_options())

One implementation, two ways to reach it: in-process as an httpx transport (sync and async, no sockets), or
on loopback with `serving(vendor)` / `ticketkit sandbox serve VENDOR --port N`. `Faults` injects latency,
error statuses, 429s with Retry-After, and dropped connections; `rate_limit=` enforces a vendor-style rate
limit (fixed windows, the vendor's own 429), and `sandbox.stats` counts what was answered.
`Sandbox(..., record_requests=True)` keeps what it was sent in `sandbox.requests` (a `RequestLog` of
`SentRequest`s, with `assert_sent`); Intercom's fake posts signed notifications to `webhook_url=` (each a
`WebhookDelivery`, `sandbox.flush_webhooks()` waits for them).

At scale: `Sandbox(vendor, tickets=100_000, seed=7)` holds that many synthetic tickets with threads, built
lazily from (seed, index) so memory does not grow with N; `total_shortfall=` and `corrupt_tickets=` make it
misbehave as a real vendor can (see `Sandbox`).
"""

from typing import Any

from .. import _registry
from ._faults import Faults
from ._limits import RateLimit, SandboxStats
from ._requests import RequestLog, SentRequest
from ._sandbox import TOKEN, Sandbox, SandboxTransport
from ._server import make_server, serving
from ._webhooks import WebhookDelivery

__all__ = [
    "TOKEN",
    "VENDORS",
    "Faults",
    "RateLimit",
    "RequestLog",
    "Sandbox",
    "SandboxStats",
    "SandboxTransport",
    "SentRequest",
    "WebhookDelivery",
    "make_server",
    "serving",
]


def __getattr__(name: str) -> Any:
    if name == "VENDORS":  # the vendors with a sandbox: every registered one, a plug-in's included
        return _registry.names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
