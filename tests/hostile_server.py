"""Answers that attack the client, on 127.0.0.1: floods, compression bombs, trickles.

`FaultyServer` (faulty_server.py) fails the way networks do; `HostileServer` adds answers a hostile or broken
server sends on purpose, built lazily so that the server never holds the attack in memory:

- `flood(size)`: a JSON-looking body of `size` bytes, no Content-Length (it ends when the server closes).
- `bomb(size, layers)`: `size` zero bytes gzip-compressed `layers` times (`Content-Encoding: gzip, gzip`),
  made as the client reads; `bomb(2**30)` is about 1 MB on the wire, `bomb(2**31, layers=2)` about 10 KB.
- `trickle(...)`: a proper head and body sent one byte every `interval` seconds (the head too, with
  `in_head=True`), so that no single read ever waits as long as a read timeout. After `give_up` seconds the
  server closes the connection: a client without a deadline then fails late instead of hanging the suite.

Each action is served once per request, as `FaultyServer` serves its script; the server records the request
(`received`) and how the connection ended, and a client that stops reading shows up as "client closed".
"""

from __future__ import annotations

import socket
import struct
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from faulty_server import End, FaultyServer, _Stopped

MIB = 1024 * 1024
PIECE = MIB  # how much the server produces (and compresses) at a time


@dataclass(frozen=True)
class Attack:
    """One hostile answer. `body` makes the body's pieces (wire bytes) when the answer is sent."""

    body: Callable[[], Iterator[bytes]]
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    length: int | None = None  # Content-Length to announce; None: the body ends when the connection closes
    interval: float = 0.0  # > 0: send one byte at a time, this many seconds apart
    in_head: bool = False  # trickle the head as well
    give_up: float = 10.0  # a trickle closes the connection after this many seconds
    kind: str = "attack"  # what FaultyServer records for the request


def _deflate_block(size: int) -> bytes:
    """Raw deflate of `size` zero bytes, ending on a byte boundary with no reference to what came before."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(bytes(size)) + compressor.flush(zlib.Z_FULL_FLUSH)


ZERO_MIB = _deflate_block(PIECE)  # about 1 KB that inflates to 1 MiB of zeros; repeatable back to back
FINAL_BLOCK = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # the empty last block
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"


def _zero_blocks(size: int) -> Iterator[bytes]:
    full, rest = divmod(size, PIECE)
    for _ in range(full):
        yield ZERO_MIB
    if rest:
        yield _deflate_block(rest)
    yield FINAL_BLOCK


def zero_gzip(size: int) -> Iterator[bytes]:
    """One gzip member of `size` zeros, built in no time from a repeated block (compressing would take seconds).

    The CRC in the trailer is computed only when the trailer is reached: a client that stops early never costs
    the server that work.
    """
    yield GZIP_HEADER
    yield from _zero_blocks(size)
    crc, block = 0, bytes(PIECE)
    for start in range(0, size, PIECE):
        crc = zlib.crc32(block[: min(PIECE, size - start)], crc)
    yield struct.pack("<II", crc, size & 0xFFFFFFFF)


def zero_deflate(size: int) -> Iterator[bytes]:
    """The same as a zlib stream (HTTP's `deflate`); the Adler-32 of zeros has a closed form."""
    yield b"\x78\xda"
    yield from _zero_blocks(size)
    yield struct.pack(">I", ((size % 65521) << 16) | 1)


def _gzip(pieces: Iterator[bytes], flush_every: int = 32) -> Iterator[bytes]:
    """Gzip what `pieces` yields as it comes, flushing now and then so that the output comes out as it goes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    for count, piece in enumerate(pieces, 1):
        out = compressor.compress(piece)
        if count % flush_every == 0:
            out += compressor.flush(zlib.Z_SYNC_FLUSH)
        if out:
            yield out
    yield compressor.flush()


def gzip_layers(pieces: Iterator[bytes], layers: int) -> Iterator[bytes]:
    for _ in range(layers):
        pieces = _gzip(pieces)
    return pieces


def flood(size: int, status: int = 200, content_type: str = "application/json") -> Attack:
    """`size` bytes of a JSON string that never ends (`{"x": "xxxx...`), sent as fast as the client reads."""

    def body() -> Iterator[bytes]:
        yield b'{"x": "'
        block = b"x" * PIECE
        for start in range(0, size, PIECE):
            yield block[: min(PIECE, size - start)]

    return Attack(body, status, (("Content-Type", content_type),))


def bomb(size: int, layers: int = 1, status: int = 200, coding: str = "gzip") -> Attack:
    """`size` zero bytes compressed `layers` times (gzip; or `deflate` for one layer), announced as such."""
    first = zero_deflate if coding == "deflate" else zero_gzip
    codings = ", ".join([coding] + ["gzip"] * (layers - 1))
    headers = (("Content-Type", "application/json"), ("Content-Encoding", codings))
    return Attack(lambda: gzip_layers(first(size), layers - 1), status, headers)


def compressed(content: bytes, coding: str, layers: int = 1) -> Attack:
    """A proper body, compressed: gzip `layers` times, or once with zlib's `deflate`."""
    data = zlib.compress(content) if coding == "deflate" else b"".join(gzip_layers(iter([content]), layers))
    headers = (("Content-Type", "application/json"), ("Content-Encoding", ", ".join([coding] * layers)))
    return Attack(lambda: iter([data]), 200, headers, length=len(data))


def trickle(content: bytes, interval: float, in_head: bool = False, give_up: float = 10.0) -> Attack:
    """A proper answer (its Content-Length announced), sent one byte every `interval` seconds."""
    return Attack(
        lambda: iter([content]),
        headers=(("Content-Type", "application/json"),),
        length=len(content),
        interval=interval,
        in_head=in_head,
        give_up=give_up,
    )


@dataclass
class HostileServer(FaultyServer):
    """A FaultyServer whose script may also hold `Attack`s. Stop it (or use `with`) to close every socket."""

    sent: list[int] = field(default_factory=list, init=False)  # body bytes sent, per attack served

    def _perform(self, conn: socket.socket, action: object) -> End | None:  # type: ignore[override]
        if not isinstance(action, Attack):
            return super()._perform(conn, action)  # type: ignore[arg-type]
        started = time.monotonic()
        lines = [f"HTTP/1.1 {action.status} Hostile", *(f"{k}: {v}" for k, v in action.headers)]
        lines.append(f"Content-Length: {action.length}" if action.length is not None else "Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        with self._lock:
            self.sent.append(0)
            index = len(self.sent) - 1
        if action.in_head:
            if self._trickle(conn, head, action, started):
                return "cut"
        else:
            conn.sendall(head)
        for piece in action.body():
            if action.interval:
                if self._trickle(conn, piece, action, started):
                    return "cut"
            else:
                conn.sendall(piece)
            with self._lock:
                self.sent[index] += len(piece)
        if action.length is not None:
            return None  # a complete answer: the connection stays open for the next request
        _end(conn)
        return "cut"

    def _trickle(self, conn: socket.socket, data: bytes, action: Attack, started: float) -> bool:
        """Send `data` a byte at a time; True when the server gave up (and closed) first."""
        for i in range(len(data)):
            if time.monotonic() - started > action.give_up:
                _end(conn)
                return True
            conn.sendall(data[i : i + 1])
            if self._stopping.wait(action.interval):
                raise _Stopped
        return False


def _end(conn: socket.socket) -> None:
    """A clean FIN; a client that already reset the connection (it closed with our bytes unread) is "client
    closed", as FaultyServer records a reset it meets while sending."""
    try:
        conn.shutdown(socket.SHUT_WR)
    except OSError:
        raise ConnectionResetError from None
    conn.close()
