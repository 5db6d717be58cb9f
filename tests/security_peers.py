"""A peer for the security tests of issue 12: a recording loopback server.

`HostileServer` is a real HTTP server on 127.0.0.1 (started and stopped by the test) that records every
request it receives, headers included, as `desk_support.Seen`, and answers each from a function of that
request: it can echo headers, redirect anywhere, or send a body a test chose. For hosts a test cannot serve on
loopback (https on several host names), `desk_support.Recorder` routes by host and records the same way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from desk_support import Seen

# status, headers, body
Answer = tuple[int, dict[str, str], bytes]
Route = Callable[[Seen], Answer]


def json_answer(status: int, text: str) -> Answer:
    return status, {"content-type": "application/json"}, text.encode()


class HostileServer:
    """A loopback HTTP/1.1 server that records each request and answers with `route(request)`."""

    def __init__(self, route: Route) -> None:
        self.route = route
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(
                    host=f"127.0.0.1:{self.server.server_address[1]}",
                    method=self.command,
                    target=self.path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                )
                with server._lock:
                    server.seen.append(seen)
                status, headers, content = server.route(seen)
                self.send_response(status, headers.get(":reason"))  # ":reason": a reason phrase of the test's
                for name, value in headers.items():
                    if name != ":reason":
                        self.send_header(name, value)
                self.send_header("content-length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
