"""Hostile bodies: every response is read within a size limit, counted decoded, in bounded memory.

The memory tests run the call in a child process (`memory_probe.py`) against a hostile server on loopback
(`hostile_server.py`), and compare the child's peak resident memory with what it was before the call. The
child's address space is capped too, so that a regression fails there with a MemoryError instead of taking
gigabytes from the machine running the suite. The other tests drive real desks on loopback, or an
`httpx.MockTransport` that streams its body chunk by chunk as a network would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, drive
from faulty_server import reply, servers
from hostile_server import MIB, Attack, HostileServer, bomb, compressed, flood, zero_gzip
from support import load_fixture
from ticketkit import _decoding, _transport

ANKRA_TICKET = load_fixture("ankra/ticket-hand-made.json")["value"]
ANKRA_BODY = json.dumps(ANKRA_TICKET).encode()
TID = ANKRA_TICKET["id"]
PROBE = Path(__file__).resolve().parent / "memory_probe.py"

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="reads the peak memory in /proc (Linux)")


@pytest.fixture
def serve() -> Iterator[Callable[..., HostileServer]]:
    """Start hostile servers on loopback; stop them after the test and check they closed everything."""
    with servers(HostileServer, reply(ANKRA_BODY)) as start:
        yield start


def get(server: HostileServer, mode: str, **options: Any) -> ticketkit.Ticket:
    """tickets.get on an Ankra desk pointed at `server`, sync or async, without retries unless asked."""
    ticket: ticketkit.Ticket = drive(mode, "ankra", lambda d: d.tickets.get(TID), base_url=server.url, **options)
    return ticket


def download(server: HostileServer, mode: str, **options: Any) -> bytes:
    attachment = ticketkit.Attachment(id="a1", name="f", ticket_id="t1", raw={})
    content: bytes = drive(mode, "ankra", lambda d: d.attachments.download(attachment), base_url=server.url, **options)
    return content


# -- memory: what each attack costs the client ----------------------------------------------------------

# attack -> how to make it (each served lazily: the server never holds the attack either)
ATTACKS: dict[str, Callable[[], Attack]] = {
    "a 200 MB body": lambda: flood(200 * 1000 * 1000),
    "a 1 GiB gzip bomb": lambda: bomb(2**30),  # about 1 MB on the wire
    "a double-gzip bomb": lambda: bomb(2**31, layers=2),  # 2 GiB decoded, about 6 KB on the wire
    "a 503 with a 1 GB body": lambda: flood(10**9, status=503),
}
DOWNLOAD_LIMIT = 8 * MIB  # small, so that one bomb chunk decoded whole (the old way) shows up clearly
# What the child may take beyond the kept body: lazily imported modules, buffers, one piece per layer.
OVERHEAD_MIB = 40
# The child's address space above what it had before the call: any attack here, read whole, needs more.
ADDRESS_SPACE_MIB = 768


def probe(server: HostileServer, operation: str, mode: str, calls: int, **options: Any) -> list[dict[str, Any]]:
    """Make `calls` calls in a child process, one after the other; what each cost (see memory_probe.py)."""
    spec = {
        "vendor": "ankra",
        "base_url": server.url,
        "operation": operation,
        "mode": mode,
        "options": {"max_retries": 0, **options},
        "calls": calls,
        "limit_mb": ADDRESS_SPACE_MIB,
    }
    # A fixed mmap threshold: glibc then hands every large buffer back when it is freed, so that what one call
    # held does not sit in the heap for the next to reuse unseen (its dynamic threshold would keep it).
    env = {**os.environ, "MALLOC_MMAP_THRESHOLD_": str(128 * 1024)}
    result = subprocess.run(
        [sys.executable, str(PROBE), json.dumps(spec)], capture_output=True, text=True, timeout=60, check=False, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcomes: list[dict[str, Any]] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcomes


def grew_mib(outcome: dict[str, Any]) -> float:
    return float(outcome["peak_kib"] - outcome["before_kib"]) / 1024


@linux_only
def test_an_api_call_reads_at_most_max_response_bytes_whatever_the_attack(
    mode: str, serve: Callable[..., HostileServer]
) -> None:
    server = serve(*(make() for make in ATTACKS.values()))
    outcomes = probe(server, "get", mode, calls=len(ATTACKS))
    for attack, outcome in zip(ATTACKS, outcomes, strict=True):
        if "503" in attack:  # an error body: its first 64 KiB make the message, the rest is never read
            assert outcome["error"] == "ServerError", (attack, outcome)
            assert "xxxxxxxx" in outcome["message"]
            assert grew_mib(outcome) < OVERHEAD_MIB, (attack, outcome)
        else:
            assert outcome["error"] == "ResponseTooLargeError", (attack, outcome)
            assert "max_response_bytes=33554432 " in outcome["message"]
            # Read whole, each of these costs 0.4 to 4 GB.
            assert grew_mib(outcome) < 32 + OVERHEAD_MIB, (attack, outcome)


@linux_only
def test_a_download_reads_at_most_max_download_bytes_whatever_the_attack(
    mode: str, serve: Callable[..., HostileServer]
) -> None:
    attacks = ["a 200 MB body", "a 1 GiB gzip bomb", "a double-gzip bomb"]
    server = serve(*(ATTACKS[name]() for name in attacks))
    outcomes = probe(server, "download", mode, calls=len(attacks), max_download_bytes=DOWNLOAD_LIMIT)
    for attack, outcome in zip(attacks, outcomes, strict=True):
        assert outcome["error"] == "ResponseTooLargeError", (attack, outcome)
        assert f"max_download_bytes={DOWNLOAD_LIMIT} " in outcome["message"]
        assert grew_mib(outcome) < DOWNLOAD_LIMIT / MIB + OVERHEAD_MIB, (attack, outcome)


@linux_only
def test_the_probe_sees_memory_a_call_keeps(serve: Callable[..., HostileServer]) -> None:
    """The control: a 150 MB download allowed in full shows in the child's peak, so the bounds above mean it."""
    server = serve(flood(150 * 1000 * 1000))
    (outcome,) = probe(server, "download", "sync", calls=1, max_download_bytes=200 * MIB)
    assert outcome["error"] is None, outcome
    assert grew_mib(outcome) > 140


# -- the size limit, to the byte --------------------------------------------------------------------------


def _padded(size: int) -> bytes:
    """The Ankra ticket as JSON, padded with spaces to exactly `size` bytes."""
    assert size >= len(ANKRA_BODY)
    return ANKRA_BODY + b" " * (size - len(ANKRA_BODY))


@pytest.mark.parametrize("coding", ["identity", "gzip", "deflate"])
def test_an_answer_at_the_limit_is_read_and_one_byte_more_is_refused(
    coding: str, mode: str, serve: Callable[..., HostileServer]
) -> None:
    limit = 4000

    def answer(size: int) -> Any:
        return reply(_padded(size)) if coding == "identity" else compressed(_padded(size), coding)

    server = serve(answer(limit), answer(limit + 1))
    assert get(server, mode, max_response_bytes=limit).id == TID
    with pytest.raises(ticketkit.ResponseTooLargeError, match="max_response_bytes=4000 ") as caught:
        get(server, mode, max_response_bytes=limit)
    assert caught.value.limit == limit


@pytest.mark.parametrize(
    ("coding", "layers"), [("gzip", 1), ("gzip", 2), ("deflate", 1), ("raw deflate", 1), ("identity", 1)]
)
def test_compressed_answers_decode_as_before(
    coding: str, layers: int, mode: str, serve: Callable[..., HostileServer]
) -> None:
    if coding == "raw deflate":  # deflate without its zlib header, as some servers send it
        squeezer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        data = squeezer.compress(ANKRA_BODY) + squeezer.flush()
        answer: Any = Attack(lambda: iter([data]), headers=(("Content-Encoding", "deflate"),), length=len(data))
    elif coding == "identity":
        answer = Attack(lambda: iter([ANKRA_BODY]), headers=(("Content-Encoding", "identity"),), length=len(ANKRA_BODY))
    else:
        answer = compressed(ANKRA_BODY, coding, layers)
    server = serve(answer)
    ticket = get(server, mode)
    assert (ticket.id, ticket.subject) == (TID, ANKRA_TICKET["subject"])
    assert server.received[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("coding", ["br", "zstd", "compress", "gzip, gzip, gzip"])
def test_an_answer_in_a_coding_ticketkit_did_not_ask_for_is_refused(
    coding: str, mode: str, serve: Callable[..., HostileServer]
) -> None:
    data = b"".join(zero_gzip(1000)) if "gzip" in coding else b"\x8b\x02\x80{}\x03"
    headers = (("Content-Type", "application/json"), ("Content-Encoding", coding))
    server = serve(Attack(lambda: iter([data]), headers=headers, length=len(data)))
    with pytest.raises(ticketkit.ResponseValidationError, match="Content-Encoding") as caught:
        get(server, mode)
    assert "ankra tickets.get" in str(caught.value)
    assert ("layers" in str(caught.value)) == ("gzip" in coding)


def test_a_download_over_the_limit_raises_however_it_is_encoded(mode: str, serve: Callable[..., HostileServer]) -> None:
    server = serve(bomb(10 * MIB, layers=2), compressed(bytes(5000), "gzip"))
    with pytest.raises(ticketkit.ResponseTooLargeError, match="max_download_bytes=5000 "):
        download(server, mode, max_download_bytes=5000)
    assert download(server, mode, max_download_bytes=5000) == bytes(5000)


# -- error answers: the status matters, the body is cut short ---------------------------------------------


def test_an_error_answer_keeps_the_start_of_its_body_and_reads_no_further(
    mode: str, serve: Callable[..., HostileServer]
) -> None:
    server = serve(flood(50 * MIB, status=500), bomb(50 * MIB, status=502))
    with pytest.raises(ticketkit.ServerError) as first:
        get(server, mode)
    with pytest.raises(ticketkit.ServerError) as second:
        get(server, mode)
    assert first.value.status_code == 500 and second.value.status_code == 502
    assert first.value.body.startswith('{"x": "xxx') and len(first.value.body) == _transport.ERROR_BODY_BYTES
    assert len(second.value.body) == _transport.ERROR_BODY_BYTES
    assert server.sent[0] < 10 * MIB  # the server could not push much more than the socket buffers hold


def test_an_error_answer_in_an_unknown_coding_still_raises_by_its_status(
    mode: str, serve: Callable[..., HostileServer]
) -> None:
    headers = (("Content-Type", "application/json"), ("Content-Encoding", "br"))
    server = serve(Attack(lambda: iter([b"\x8b\x02\x80"]), status=404, headers=headers, length=3))
    with pytest.raises(ticketkit.NotFoundError):
        get(server, mode)


# -- the decoder itself --------------------------------------------------------------------------------------


def _reader(coding: str, limit: int, **options: Any) -> _decoding.BodyReader:
    return _decoding.BodyReader(httpx.Headers({"content-encoding": coding}), limit, what="limit", **options)


def test_a_stream_of_empty_blocks_cannot_keep_the_reader_busy() -> None:
    """Deflate blocks that decode to nothing: the wire bytes are counted too, so this ends near the limit."""
    reader = _reader("gzip", 1000)
    reader.feed(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # a gzip header
    fed = 0
    with pytest.raises(ticketkit.ResponseTooLargeError):
        for _ in range(10**6):
            reader.feed(b"\x00\x00\x00\xff\xff" * 1000)  # empty stored blocks, not the last
            fed += 5000
    assert fed < 1000 + 1000 // 8 + _decoding.PIECE


def test_decoding_proceeds_in_pieces_and_stops_at_the_limit() -> None:
    """1 GiB of zeros in one gzip layer: refused after the limit, and the body kept so far is let go."""
    reader = _reader("gzip", 3 * MIB)
    fed = 0
    with pytest.raises(ticketkit.ResponseTooLargeError, match="limit=3145728 "):
        for chunk in zero_gzip(2**30):
            fed += 1
            reader.feed(chunk)
    assert fed <= 5  # the header, then 1 MiB decoded per chunk: it stopped within the fourth MiB
    assert reader._body.closed  # the exception's traceback holds the reader, not 3 MiB of body


def test_an_error_body_is_cut_at_its_limit() -> None:
    reader = _reader("gzip, gzip", 100, truncate=True)
    for chunk in bomb(10 * MIB, layers=2).body():
        reader.feed(chunk)
        if reader.full:
            break
    assert reader.full and reader.finish() == bytes(100)


def test_a_broken_stream_is_a_decoding_error_as_in_httpx() -> None:
    reader = _reader("gzip", 1000)
    with pytest.raises(httpx.DecodingError):
        reader.feed(b"\x1f\x8b\x08\x00 this is not gzip at all")


def test_a_deadline_passed_while_decoding_is_a_read_timeout() -> None:
    reader = _reader("gzip", 10**9, deadline=0.0)
    with pytest.raises(httpx.ReadTimeout):
        reader.feed(next(zero_gzip(10)))


@pytest.mark.parametrize("value", [0, -1, 1.5, "32MB", True])
def test_max_response_bytes_must_be_a_positive_integer(value: object) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="max_response_bytes"):
        ticketkit.connect("routera", token="t", max_response_bytes=value)  # type: ignore[arg-type]


def test_a_mock_transports_body_in_memory_is_held_to_the_limit_too() -> None:
    """A transport that answers with its body read already (httpx.MockTransport): the limit still applies."""
    routera = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
    body = json.dumps(routera).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with ticketkit.connect("routera", token="t", transport=transport, max_response_bytes=len(body)) as desk:
        assert desk.tickets.get(routera["id"]).id == routera["id"]
    with ticketkit.connect("routera", token="t", transport=transport, max_response_bytes=len(body) - 1) as desk:
        with pytest.raises(ticketkit.ResponseTooLargeError):
            desk.tickets.get(routera["id"])


def test_an_oauth_token_answer_is_held_to_a_small_limit_too(mode: str) -> None:
    """Routera's token answer is read inside httpx's auth flow: it gets the error-body limit (64 KiB)."""
    huge = b'{"access_token": "' + b"x" * (2 * _transport.ERROR_BODY_BYTES) + b'"}'
    script = Recorder().on("POST", "/oauth2/token", lambda request: httpx.Response(200, stream=httpx.ByteStream(huge)))
    options = {"token": None, "client_id": "cid", "client_secret": "secret"}
    with pytest.raises(ticketkit.ResponseTooLargeError, match=r"routera oauth2\.token"):
        drive(mode, "routera", lambda d: d.tickets.get("1"), transport=script, **options)
    assert [seen.path for seen in script.seen] == ["/oauth2/token"]
