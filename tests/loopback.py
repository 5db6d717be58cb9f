"""Servers on 127.0.0.1 that tests start and stop themselves (real sockets, no internet).

- `serving(router)`: an HTTP server in this process, answering from a function of (method, path).
- `cli_serving(vendor, *options)`: `ticketkit sandbox serve VENDOR --port 0` as a child process, as a user runs it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desk_support import Seen
from security_peers import HostileServer

# (method, path) -> (status, content type, body)
Answer = tuple[int, str, bytes]
Router = Callable[[str, str], Answer]


@contextmanager
def serving(router: Router) -> Iterator[str]:
    """Serve `router` on a free loopback port; yields the base URL and stops the server afterwards.

    The server is security_peers.HostileServer (http.server, HTTP/1.1 keep-alive, so connection pooling is real)
    answering every request from `router(method, target)`.
    """

    def route(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        status, content_type, body = router(seen.method, seen.target)
        return status, {"content-type": content_type}, body

    with HostileServer(route) as server:
        yield server.url


@contextmanager
def cli_serving(vendor: str, *options: str) -> Iterator[str]:
    """`ticketkit sandbox serve VENDOR --port 0 [options]` in a child process; yields the URL its first line
    prints ("... at URL ..."), and stops the process afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ticketkit.cli", "sandbox", "serve", vendor, "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().split(" at ")[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
