"""In-memory, stateful fakes of the four vendor APIs, for running and testing code without accounts.

    from ticketkit.sandbox import Sandbox

    sandbox = Sandbox("tickiti")                     # seeded with demo tickets
    desk = ticketkit.connect("tickiti", **sandbox.connect_options())

One implementation, two ways to reach it: in-process as an httpx transport (sync and async, no sockets), or
on loopback with `serving(vendor)` / `ticketkit sandbox serve VENDOR --port N`. `Faults` injects latency,
error statuses, 429s with Retry-After, and dropped connections.
"""

from ._faults import Faults
from ._sandbox import TOKEN, VENDORS, Sandbox, SandboxTransport
from ._server import make_server, serving

__all__ = ["TOKEN", "VENDORS", "Faults", "Sandbox", "SandboxTransport", "make_server", "serving"]
