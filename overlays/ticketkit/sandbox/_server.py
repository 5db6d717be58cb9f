"""The sandbox on loopback: a threaded HTTP server that feeds each request to the same `Sandbox.answer`."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from ._sandbox import Sandbox, vendor_entry


def _handler_for(sandbox: Sandbox) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "ticketkit-sandbox"
        # Headers and body leave in two writes: with Nagle's algorithm on, the body waits for the client's
        # delayed ACK (~40 ms a request on keep-alive connections).
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            request = httpx.Request(
                self.command,
                sandbox.base_url.split("/", 3)[0] + "//" + self.headers.get("host", "localhost") + self.path,
                headers=list(self.headers.items()),
                content=body,
            )
            if sandbox.faults.latency:
                time.sleep(sandbox.faults.latency)
            response = sandbox.answer(request)
            if response is None:  # a dropped connection: close without a status line
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            # Not send_response(): it adds http.server's own Date, and the sandbox's (clock skew included) is
            # already among the answer's headers.
            self.log_request(response.status_code)
            self.send_response_only(response.status_code)
            self.send_header("Server", self.version_string())
            skip = {"content-length", "transfer-encoding", "connection"}
            for name, value in response.headers.multi_items():
                if name.lower() not in skip:
                    self.send_header(name, value)
            self.send_header("content-length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        def __getattr__(self, name: str) -> object:
            # Every method reaches the fake (TRACE, QUERY, ...), which answers as the vendor would:
            # http.server would otherwise send its own HTML 501 page.
            if name.startswith("do_"):
                return self._serve
            raise AttributeError(name)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # socketserver's default backlog is 5: a client opening more connections at once waits for SYN retries.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (killed, or closed mid-answer) is not the sandbox's error: no traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serving(vendor: str, *, port: int = 0, **options: Any) -> Iterator[Sandbox]:
    """A sandbox served on 127.0.0.1 for the duration of the block (`sandbox.base_url` is its URL)."""
    server, sandbox = make_server(vendor, port=port, **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield sandbox
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def make_server(vendor: str, *, port: int = 0, **options: Any) -> tuple[SandboxServer, Sandbox]:
    """A server bound to 127.0.0.1:`port` (0 picks a free one) and its sandbox, not yet serving."""
    server = SandboxServer(("127.0.0.1", port), BaseHTTPRequestHandler)
    bound_port = server.server_address[1]
    try:
        path = vendor_entry(vendor).sandbox_path  # a self-hosted product's sub-path, say
        sandbox = Sandbox(vendor, base_url=f"http://127.0.0.1:{bound_port}{path}", **options)
    except BaseException:  # an option the fake refuses: the socket must not outlive the error
        server.server_close()
        raise
    server.RequestHandlerClass = _handler_for(sandbox)
    return server, sandbox
