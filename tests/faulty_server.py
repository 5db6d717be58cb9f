"""A raw-socket HTTP/1.1 server on 127.0.0.1 that misbehaves exactly as a test script says.

`tests/loopback.py` is the well-behaved server; this one works below http.server so that it can fail the
way networks do. Each request it receives takes the next action of its script (then `then` for every
later one):

- `reply(...)`: a proper answer; the connection stays open for the next request (keep-alive).
- `slow(delay, ...)`: waits `delay` seconds, then a proper answer.
- `RESET`: the request is read in full, then the connection is reset (SO_LINGER 0, close: an RST).
- `STALL`: the request is read in full and never answered; the server waits for the client to give up.
- `cut(...)`: the head of a proper answer with its Content-Length, part of the body, then a close (FIN).
- `stall_in_body(...)`: the head and part of the body, then nothing more until the client gives up.

Every request is recorded (method, path, body, action) once it has fully arrived, so a test can count
what really reached the server. Every connection records how it ended: closed by the client, reset or
cut by the server, or still held open by the client when the server stopped (`left_open`), which is
how a test sees a client that leaks sockets. `stop()` closes every socket and joins every thread.
"""

from __future__ import annotations

import http
import select
import socket
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, TypeVar

Kind = Literal["reply", "reset", "stall", "cut", "stall_in_body"]
End = Literal["client closed", "reset", "cut", "left open", "error"]

POLL = 0.02  # how often a waiting thread looks at the stop flag (seconds)
# How long stop() lets a connection's client finish closing before the server closes it itself. A client
# that closed beforehand is seen at once; only a client that still holds the socket costs this wait.
STOP_GRACE = 1.0
MAX_HEAD = 64 * 1024


@dataclass(frozen=True)
class Action:
    kind: Kind
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    delay: float = 0.0


def reply(body: bytes = b"", status: int = 200, content_type: str = "application/json") -> Action:
    return Action("reply", status, body, content_type)


def slow(delay: float, body: bytes = b"", status: int = 200, content_type: str = "application/json") -> Action:
    return Action("reply", status, body, content_type, delay=delay)


def cut(body: bytes, status: int = 200, content_type: str = "application/json") -> Action:
    """Headers announcing all of `body`, then its first half, then the connection closes."""
    if len(body) < 2:
        raise ValueError("cut() needs a body of at least 2 bytes to send part of it")
    return Action("cut", status, body, content_type)


def stall_in_body(body: bytes, status: int = 200, content_type: str = "application/json") -> Action:
    """Headers announcing all of `body`, then its first half, then silence."""
    if len(body) < 2:
        raise ValueError("stall_in_body() needs a body of at least 2 bytes to send part of it")
    return Action("stall_in_body", status, body, content_type)


RESET = Action("reset")
STALL = Action("stall")


@dataclass(frozen=True)
class Received:
    """One request as it reached the server, and what the server did with it."""

    connection: int
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    action: Kind


@dataclass
class ConnectionRecord:
    number: int
    requests: int = 0
    end: End | None = None  # None while the connection is open


class _Stopped(Exception):
    """The server is stopping while this connection waits."""


class _Closed(Exception):
    """The client closed its end."""


@dataclass
class FaultyServer:
    """Serve `script` on a free 127.0.0.1 port. Use as a context manager, or `start()` and `stop()`."""

    script: Sequence[Action] = ()
    then: Action = field(default_factory=reply)
    stop_grace: float = STOP_GRACE
    received: list[Received] = field(default_factory=list, init=False)
    connections: list[ConnectionRecord] = field(default_factory=list, init=False)
    errors: list[BaseException] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._workers: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._next_action = 0

    # -- life cycle ----------------------------------------------------------------------------------------

    def start(self) -> FaultyServer:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        self._listener = listener
        self._acceptor = threading.Thread(target=self._accept_loop, name="faulty-server-accept", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Stop accepting, close every connection (after STOP_GRACE for those a client still holds), join all."""
        self._stopping.set()
        if self._acceptor is not None:
            self._acceptor.join()
        for worker in list(self._workers):
            worker.join()
        if self._listener is not None:
            self._listener.close()

    def __enter__(self) -> FaultyServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._listener is not None, "start() the server first"
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    # -- what a test reads -----------------------------------------------------------------------------------

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self.received)

    @property
    def open_connections(self) -> int:
        with self._lock:
            return sum(1 for c in self.connections if c.end is None)

    @property
    def left_open(self) -> list[ConnectionRecord]:
        """Connections the client still held when the server stopped: a leaked socket on the client side."""
        with self._lock:
            return [c for c in self.connections if c.end == "left open"]

    def ends(self) -> list[End | None]:
        with self._lock:
            return [c.end for c in self.connections]

    def settle(self, within: float = 5.0) -> bool:
        """Wait until every connection has ended on its own (the client closed it, or a fault did).

        True when all did within `within` seconds. Not a timing check: a generous bound on a wait.
        """
        for worker in list(self._workers):
            worker.join(within)
        return self.open_connections == 0

    def all_sockets_closed(self) -> bool:
        """After stop(): the listening socket and every accepted socket are closed on the server's side."""
        sockets = [*self._sockets, *([self._listener] if self._listener else [])]
        return all(s.fileno() == -1 for s in sockets) and not any(t.is_alive() for t in self._threads())

    def _threads(self) -> list[threading.Thread]:
        return [*self._workers, *([self._acceptor] if self._acceptor else [])]

    # -- serving -----------------------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            readable, _, _ = select.select([self._listener], [], [], POLL)
            if not readable:
                continue
            conn, _ = self._listener.accept()
            with self._lock:
                record = ConnectionRecord(number=len(self.connections))
                self.connections.append(record)
                self._sockets.append(conn)
            worker = threading.Thread(
                target=self._serve, args=(conn, record), name=f"faulty-server-{record.number}", daemon=True
            )
            self._workers.append(worker)
            worker.start()

    def _serve(self, conn: socket.socket, record: ConnectionRecord) -> None:
        buffer = bytearray()
        end: End = "error"
        try:
            while True:
                method, path, headers, body = self._read_request(conn, buffer)
                action = self._take(record, method, path, headers, body)
                finished = self._perform(conn, action)
                if finished is not None:
                    end = finished
                    return
        except (_Closed, BrokenPipeError, ConnectionResetError):  # the client gave up before an answer went out
            end = "client closed"
        except _Stopped:
            end = "left open"
        except BaseException as exc:  # a bug in this server: the test's teardown reports it
            self.errors.append(exc)
        finally:
            with self._lock:
                record.end = end
            if conn.fileno() != -1:
                conn.close()

    def _take(self, record: ConnectionRecord, method: str, path: str, headers: dict[str, str], body: bytes) -> Action:
        with self._lock:
            index = self._next_action
            self._next_action += 1
            action = self.script[index] if index < len(self.script) else self.then
            record.requests += 1
            self.received.append(Received(record.number, method, path, headers, body, action.kind))
        return action

    def _perform(self, conn: socket.socket, action: Action) -> End | None:
        """Carry out one action; the connection's end when it ends it, None to keep serving it."""
        if action.kind == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()
            return "reset"
        if action.kind == "stall":
            self._wait_for_close(conn)
        if action.delay and self._stopping.wait(action.delay):
            raise _Stopped
        head = _head(action)
        if action.kind == "reply":
            conn.sendall(head + action.body)
            return None
        part = action.body[: len(action.body) // 2]
        conn.sendall(head + part)
        if action.kind == "stall_in_body":
            self._wait_for_close(conn)
        conn.shutdown(socket.SHUT_WR)  # a clean FIN before the announced body is complete
        conn.close()
        return "cut"

    # -- reading -----------------------------------------------------------------------------------------------

    def _recv(self, conn: socket.socket) -> bytes:
        """The next bytes from the client; _Closed when it closed its end, _Stopped when the server stops."""
        while True:
            if self._stopping.is_set():
                readable, _, _ = select.select([conn], [], [], self.stop_grace)
                if not readable:
                    raise _Stopped
                data = _recv_or_empty(conn)
                if data:
                    raise _Stopped  # a new request as the server stops: not served
                raise _Closed
            readable, _, _ = select.select([conn], [], [], POLL)
            if readable:
                data = _recv_or_empty(conn)
                if not data:
                    raise _Closed
                return data

    def _wait_for_close(self, conn: socket.socket) -> None:
        """Never answer: read and drop whatever comes until the client gives up and closes."""
        while True:
            self._recv(conn)

    def _read_request(self, conn: socket.socket, buffer: bytearray) -> tuple[str, str, dict[str, str], bytes]:
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > MAX_HEAD:
                raise ValueError("request head too large")
            buffer += self._recv(conn)
        head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _version = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise ValueError("chunked request bodies are not supported by this test server")
        length = int(headers.get("content-length") or 0)
        body = bytearray(rest)
        while len(body) < length:
            body += self._recv(conn)
        buffer[:] = body[length:]
        return method, path, headers, bytes(body[:length])


def _recv_or_empty(conn: socket.socket) -> bytes:
    try:
        return conn.recv(65536)
    except ConnectionResetError:
        return b""


def _head(action: Action) -> bytes:
    reason = http.HTTPStatus(action.status).phrase
    lines = [
        f"HTTP/1.1 {action.status} {reason}",
        f"Content-Type: {action.content_type}",
        f"Content-Length: {len(action.body)}",
        "",
        "",
    ]
    return "\r\n".join(lines).encode("latin-1")


Server = TypeVar("Server", bound=FaultyServer)


@contextmanager
def servers(kind: type[Server], default: Action, *, client_closes: bool = False) -> Iterator[Callable[..., Server]]:
    """The `serve` fixture of the loopback tests: `serve(*script, then=None)` starts a `kind` server (FaultyServer,
    HostileServer) with that script, answering `then` (or `default`) once it is done. Afterwards every server is
    stopped, and must have met no error and closed all its sockets; with `client_closes`, the client must also
    have closed every connection itself before the server stopped."""
    started: list[Server] = []

    def start(*script: object, then: object = None) -> Server:
        server = kind(script, then or default)  # type: ignore[arg-type]
        server.start()
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()
    for server in started:
        assert server.errors == []
        if client_closes:
            assert server.left_open == [], "the client still held a connection when the server stopped"
        assert server.all_sockets_closed()
