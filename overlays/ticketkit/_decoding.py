"""Reading a response body within bounds: decoded incrementally, in small pieces, and never past a limit.

httpx decodes `Content-Encoding` a whole network chunk at a time, so a chunk of a compression bomb is
inflated in full before anyone can count it (a 2 KB double-gzip body became 2 GB). A `BodyReader` is fed the
raw bytes as they arrive (`Response.iter_raw()`), runs each encoding layer itself with zlib's `max_length`
(at most `PIECE` bytes out per step, the rest of the input kept in `unconsumed_tail`), and counts every stage:

- the decoded body may not pass `limit`: `ResponseTooLargeError`, or, for an error body (`truncate=True`),
  what came before the limit is kept and the rest is never read;
- every earlier stage (the wire bytes and each inner layer) may not pass `limit` by more than any real encoder
  expands data (`_slack`), so that neither a stream of empty deflate blocks nor an outer bomb feeding an
  inner one can make the reader work without end while producing nothing;
- at most `MAX_LAYERS` encodings, each `gzip`, `deflate` or `identity` (what ticketkit advertises in
  `ACCEPT_ENCODING`); anything else is refused before a byte is decoded (`UnsupportedEncoding`);
- the attempt's deadline is checked at every piece, so decoding, like the network, ends on time.

Memory is the kept body (at most `limit`) plus, per layer, zlib's window and one piece: the same whatever the
compression ratio or the number of layers.
"""

from __future__ import annotations

import io
import time
import zlib
from collections.abc import Iterator

import httpx

from ._errors import ResponseTooLargeError

# What ticketkit asks for, and decodes in bounded memory with the standard library's zlib. br and zstd need
# optional libraries ticketkit does not depend on (httpx asks for them whenever they are installed).
ACCEPT_ENCODING = "gzip, deflate"
# A real server applies one encoding; a misconfigured proxy may add a second. Three is already an attack.
MAX_LAYERS = 2
PIECE = 64 * 1024  # the most one decoding step produces


class UnsupportedEncoding(Exception):
    """The response's Content-Encoding is not one ticketkit decodes (or has too many layers)."""


class _Full(Exception):
    """An error body reached its limit: keep what came, read no more."""


class _Gzip:
    def __init__(self) -> None:
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)

    def decode(self, data: bytes) -> Iterator[bytes]:
        # After the end of the stream, trailing bytes are ignored, as httpx ignores them.
        while data and not self._inflate.eof:
            out = self._inflate.decompress(data, PIECE)
            data = self._inflate.unconsumed_tail
            if out:
                yield out

    def flush(self) -> Iterator[bytes]:
        while not self._inflate.eof:
            out = self._inflate.decompress(b"", PIECE)
            if not out:
                break
            yield out
        tail = self._inflate.flush()  # nothing is pending any more: at most a few bytes
        if tail:
            yield tail


class _Deflate(_Gzip):
    """HTTP's `deflate` is a zlib stream, though some servers send raw deflate: the first two bytes tell."""

    def __init__(self) -> None:
        self._head: bytes | None = b""  # the first bytes, until there are two; then None
        self._inflate = zlib.decompressobj()

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._head is not None:
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return
            self._head = None
            if not (data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0):  # no zlib header
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        yield from super().decode(data)

    def flush(self) -> Iterator[bytes]:
        if self._head:  # a body of one byte: let zlib say what is wrong with it
            yield from super().decode(self._head)
        yield from super().flush()


_DECODERS = {"gzip": _Gzip, "x-gzip": _Gzip, "deflate": _Deflate}


def encodings(headers: httpx.Headers) -> list[str]:
    """The response's content codings in the order they were applied, `identity` left out.

    Raises UnsupportedEncoding for a coding ticketkit does not decode, or for more than MAX_LAYERS of them.
    """
    value = headers.get("content-encoding")  # several such headers come joined by commas
    if not value:
        return []
    codings = [c for c in (c.strip().lower() for c in value.split(",")) if c and c != "identity"]
    unknown = sorted({c for c in codings if c not in _DECODERS})
    if unknown:
        raise UnsupportedEncoding(
            f"Content-Encoding {', '.join(unknown)} is not one ticketkit decodes (it asks for {ACCEPT_ENCODING})"
        )
    if len(codings) > MAX_LAYERS:
        raise UnsupportedEncoding(
            f"Content-Encoding has {len(codings)} layers ({', '.join(codings)}); ticketkit decodes at most {MAX_LAYERS}"
        )
    return codings


def _slack(limit: int) -> int:
    # The most an encoder can legitimately expand data: zlib adds about 0.03%, a poor encoder using fixed
    # Huffman codes on incompressible bytes up to an eighth; plus headers and trailers.
    return limit + limit // 8 + PIECE


class BodyReader:
    """Decodes a body fed to it piece by piece, and keeps at most `limit` decoded bytes.

    `feed()` each raw chunk, stop when `full` (an error body that reached its limit), then `finish()`.
    Over the limit, a body raises ResponseTooLargeError (its message names `where` and the option `what`
    that set the limit); with `truncate=True` it is cut at the limit instead. After `deadline` (a
    `time.monotonic()` value) it raises httpx.ReadTimeout. A broken compressed stream raises
    httpx.DecodingError, as httpx would.
    """

    def __init__(
        self,
        headers: httpx.Headers,
        limit: int,
        *,
        what: str,
        where: str = "",
        truncate: bool = False,
        deadline: float | None = None,
        request: httpx.Request | None = None,
    ) -> None:
        # The last coding applied comes off first.
        self._layers = [_DECODERS[c]() for c in reversed(encodings(headers))]
        self._limits = [_slack(limit)] * len(self._layers) + [limit]
        self._counts = [0] * (len(self._layers) + 1)
        self._body = io.BytesIO()  # getvalue() hands over its buffer without a copy
        self._limit = limit
        self._what = what
        self._where = where
        self._truncate = truncate
        self._deadline = deadline
        self._request = request
        self.full = False

    def feed(self, raw: bytes) -> None:
        """Decode one chunk of the wire bytes."""
        self._run(0, raw)

    def finish(self) -> bytes:
        """The decoded body, once the wire has no more: what each layer still holds comes out too."""
        for level in range(len(self._layers)):
            self._run(level, None)
        return self._body.getvalue()

    def _run(self, stage: int, data: bytes | None) -> None:
        """Push `data` into `stage`, or with None, drain layer `stage` (the wire has ended)."""
        if self.full:
            return
        try:
            if data is not None:
                self._push(stage, data)
            else:
                for piece in self._layers[stage].flush():
                    self._push(stage + 1, piece)
        except _Full:
            self.full = True
        except zlib.error as exc:
            raise httpx.DecodingError(f"the body does not decode: {exc}", request=self._request) from exc

    def _push(self, stage: int, data: bytes) -> None:
        """`data` enters stage `stage`: the input of layer `stage`, or past the last layer, the body."""
        if not data:
            return
        if self._deadline is not None and time.monotonic() >= self._deadline:
            raise httpx.ReadTimeout("the attempt's deadline passed while reading the body", request=self._request)
        count = self._counts[stage] + len(data)
        self._counts[stage] = count
        if stage == len(self._layers):
            self._keep(data, count)
            return
        if count > self._limits[stage]:
            if self._truncate:
                raise _Full
            raise self._too_large()
        for piece in self._layers[stage].decode(data):
            self._push(stage + 1, piece)

    def _keep(self, data: bytes, count: int) -> None:
        if count <= self._limit:
            self._body.write(data)
            return
        if not self._truncate:
            raise self._too_large()
        self._body.write(data[: len(data) - (count - self._limit)])
        raise _Full

    def _too_large(self) -> ResponseTooLargeError:
        # The exception's traceback holds this reader: let it not hold the body too (up to the whole limit).
        self._body.close()
        where = f"{self._where}: " if self._where else ""
        host = f" from {self._request.url.host}" if self._request is not None else ""
        return ResponseTooLargeError(
            f"{where}the response{host} exceeds {self._what}={self._limit} bytes (decoded); nothing was kept",
            limit=self._limit,
        )
