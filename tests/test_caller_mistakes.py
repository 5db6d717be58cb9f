"""Careless callers: every mistake is a ticketkit error raised before anything is sent (issue 12, item 10).

Each case names what used to escape (a RuntimeError, OverflowError, UnicodeEncodeError, TypeError...) or be
accepted, and counts what reached the wire: a recording transport, or a real server on 127.0.0.1 where the
failure needed real sockets (timeouts, CR/LF in a header, a second event loop).
"""

from __future__ import annotations

import asyncio
import gc
import json
import math
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import DESK_OPTIONS, Recorder, awaited, drive, finished, ok
from security_peers import HostileServer, json_answer
from support import VENDORS, load_fixture

THREAD = load_fixture("intercom/ticket-thread.json")
# A body each vendor's tickets.get reads, for the loopback servers.
GET_BODY: dict[str, Any] = {
    "routera": load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"],
    "intercom": THREAD.get("value", THREAD),
    "tickiti": load_fixture("tickiti/show-ticket-thread.json"),
    "ankra": load_fixture("ankra/ticket-hand-made.json")["value"],
}
ATTACHMENT = ticketkit.Attachment(id="a1", name="f.txt", ticket_id="1", url="https://files.example.com/f", raw={})
# Every desk method, called with arguments good enough for each vendor (a closed desk never reads them).
OPERATIONS: dict[str, Callable[[Any], Any]] = {
    "tickets.get": lambda d: d.tickets.get("1"),
    "tickets.list": lambda d: d.tickets.list(),
    "tickets.create": lambda d: d.tickets.create(subject="s", description="d", requester_email="a@example.com"),
    "tickets.update": lambda d: d.tickets.update("1", status="open"),
    "tickets.close": lambda d: d.tickets.close("1"),
    "comments.list": lambda d: d.comments.list("1"),
    "comments.create": lambda d: d.comments.create("1", body="b"),
    "attachments.download": lambda d: d.attachments.download(ATTACHMENT),
}


def desk_options(vendor: str, transport: Any, **extra: Any) -> dict[str, Any]:
    return {"token": "tok-123", "transport": transport, "max_retries": 0, **DESK_OPTIONS[vendor], **extra}


def refused_on_both(mode: str, vendor: str, action: Callable[[Any], Any], **options: Any) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError):
        drive(mode, vendor, action, **options)


# -- a closed desk -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_a_closed_desk_refuses_every_method_before_anything_is_sent(vendor: str, mode: str, operation: str) -> None:
    """Was: httpx's RuntimeError "Cannot send a request, as the client has been closed"."""
    script = Recorder()
    action = OPERATIONS[operation]
    if mode == "sync":
        desk = ticketkit.connect(vendor, **desk_options(vendor, script.transport))
        desk.close()
        with pytest.raises(ticketkit.DeskClosedError, match="closed"):
            result = action(desk)
            finished(result)
    else:

        async def go() -> None:
            desk = ticketkit.connect_async(vendor, **desk_options(vendor, script.transport))
            await desk.aclose()
            await awaited(action(desk))

        with pytest.raises(ticketkit.DeskClosedError, match="closed"):
            asyncio.run(go())
    assert script.requests == []


def test_a_desk_closed_while_listing_stops_at_the_next_page(mode: str) -> None:
    rows = load_fixture("ankra/list-page.json")["value"]["result"][:1]
    first = {"result": rows, "pagination": {"page": 1, "page_size": 1, "total_pages": 2, "total_count": 2}}
    script = Recorder().on("GET", "/api/v1/org/support/tickets", ok(first), ok(first))
    options = desk_options("ankra", script.transport)
    if mode == "sync":
        desk = ticketkit.connect("ankra", **options)
        tickets = desk.tickets.list()
        next(tickets)
        desk.close()
        with pytest.raises(ticketkit.DeskClosedError):
            next(tickets)
    else:

        async def go() -> None:
            desk = ticketkit.connect_async("ankra", **options)
            tickets = desk.tickets.list()
            await anext(tickets)
            await desk.aclose()
            await anext(tickets)

        with pytest.raises(ticketkit.DeskClosedError):
            asyncio.run(go())
    assert len(script.requests) == 1


def test_desk_closed_error_is_a_ticketkit_error_and_a_runtime_error() -> None:
    assert issubclass(ticketkit.DeskClosedError, ticketkit.TicketkitError)
    assert issubclass(ticketkit.DeskClosedError, RuntimeError)  # what code catching httpx's error expects


# -- an AsyncDesk and its event loop ------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_async_desk_refuses_a_second_event_loop(vendor: str) -> None:
    """Was: RuntimeError "Event loop is closed" (a pooled connection of the first loop), or a hang."""
    body = json.dumps(GET_BODY[vendor])
    with HostileServer(lambda seen: json_answer(200, body)) as server:
        desk = ticketkit.connect_async(vendor, token="tok-123", **{**DESK_OPTIONS[vendor], "base_url": server.url})
        first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
        try:
            first.run_until_complete(desk.tickets.get("1"))
            assert len(server.seen) == 1
            for action in (
                lambda: desk.tickets.get("1"),
                lambda: awaited(desk.tickets.list()),
                lambda: desk.comments.list("1"),
            ):
                with pytest.raises(ticketkit.InvalidArgumentError, match="event loop"):
                    second.run_until_complete(asyncio.wait_for(action(), 10))
            assert len(server.seen) == 1  # nothing sent from the second loop
            first.run_until_complete(desk.tickets.get("1"))  # the first loop still works
            first.run_until_complete(desk.aclose())
        finally:
            first.close()
            second.close()
    assert len(server.seen) == 2


def test_closing_an_async_desk_from_another_loop_is_a_clear_error() -> None:
    body = json.dumps(GET_BODY["routera"])
    with HostileServer(lambda seen: json_answer(200, body)) as server:
        desk = ticketkit.connect_async("routera", token="tok-123", base_url=server.url)
        asyncio.run(desk.tickets.get("1"))  # the connection belongs to that loop, now closed
        with pytest.raises(ticketkit.InvalidArgumentError, match="another event loop"):
            asyncio.run(desk.aclose())
        with pytest.raises(ticketkit.DeskClosedError):
            asyncio.run(desk.tickets.get("1"))
        with warnings.catch_warnings():  # the first loop's socket, which only that loop could have closed
            warnings.simplefilter("ignore", ResourceWarning)
            del desk
            gc.collect()


# -- timeouts and waits ---------------------------------------------------------------------------------------

BAD_SECONDS = [math.inf, -math.inf, math.nan, 1e10, 0, -1, True, "30"]


@pytest.fixture(scope="module")
def idle_server() -> Iterator[HostileServer]:
    """One loopback API for the tests that must send nothing to it: each checks it received nothing."""
    with HostileServer(lambda seen: json_answer(200, "{}")) as server:
        yield server


@pytest.mark.parametrize("value", BAD_SECONDS, ids=repr)
@pytest.mark.parametrize("vendor", VENDORS)
def test_non_finite_or_huge_timeouts_are_refused_on_a_real_socket(
    vendor: str, mode: str, value: Any, idle_server: HostileServer
) -> None:
    """Was: OverflowError from socket.settimeout (inf, or anything above about 9.2e9 s)."""
    options = {"token": "tok-123", **DESK_OPTIONS[vendor], "base_url": idle_server.url}
    refused_on_both(mode, vendor, lambda d: d.tickets.get("1"), timeout=value, **options)
    refused_on_both(mode, vendor, lambda d: d.tickets.get("1", timeout=value), **options)
    for limits in ({"read": value}, {"connect": value}, {"pool": value}, {"write": value}):
        if not isinstance(value, str | bool) and value != 0:  # 0 is a valid httpx.Timeout limit
            timeout = httpx.Timeout(5.0, **limits)
            refused_on_both(mode, vendor, lambda d, t=timeout: d.tickets.get("1", timeout=t), **options)
    assert idle_server.seen == []


@pytest.mark.parametrize("value", [math.nan, math.inf, -1, 0, 1e10, True, "60"], ids=repr)
@pytest.mark.parametrize("vendor", VENDORS)
def test_max_retry_wait_must_be_a_finite_number_of_seconds(vendor: str, value: Any) -> None:
    """Was: nan accepted (every comparison with it is False, so a 100000 s Retry-After was slept)."""
    script = Recorder()
    for connect in (ticketkit.connect, ticketkit.connect_async):
        with pytest.raises(ticketkit.InvalidArgumentError, match="max_retry_wait"):
            connect(vendor, **desk_options(vendor, script.transport, max_retry_wait=value))
    assert script.requests == []


# -- headers: non-ASCII, control characters, CR/LF ------------------------------------------------------------

BAD_HEADERS = [
    {"X-Trace": "caf\u00e9"},  # non-ASCII value
    {"X-Caf\u00e9": "1"},  # non-ASCII name
    {"X-Trace": "a\r\nX-Injected: 1"},  # CR/LF
    {"X-Trace": "a\nb"},
    {"X-Trace": "a\x00b"},
    {"X-Trace": " padded "},
    {"X Trace": "1"},
    {"": "1"},
    {"X-Trace": 7},
    {7: "x"},
    {"Host": "evil.example"},
    {"Content-Length": "0"},
    {"Transfer-Encoding": "chunked"},
    {"Proxy-Authorization": "Basic eDp5"},
]


@pytest.mark.parametrize("headers", BAD_HEADERS, ids=repr)
@pytest.mark.parametrize("vendor", VENDORS)
def test_bad_headers_are_refused_before_sending(vendor: str, mode: str, headers: dict[Any, Any]) -> None:
    """Was: UnicodeEncodeError (non-ASCII), or h11's LocalProtocolError retried as a connection failure."""
    script = Recorder()
    options = desk_options(vendor, script.transport)
    refused_on_both(mode, vendor, lambda d: d.tickets.get("1", extra_headers=headers), **options)
    refused_on_both(mode, vendor, lambda d: d.tickets.get("1"), headers=headers, **options)
    assert script.requests == []


class CountingTransport(httpx.HTTPTransport):
    """The real transport, counting what it is asked to send."""

    calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return super().handle_request(request)


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return await super().handle_async_request(request)


@pytest.mark.parametrize("vendor", VENDORS)
def test_crlf_in_extra_headers_is_refused_not_retried_as_a_connection_error(
    vendor: str, mode: str, idle_server: HostileServer
) -> None:
    """Was: h11 refused the header on the wire, and the read was retried three times as a connection error."""
    transport: Any = CountingTransport() if mode == "sync" else AsyncCountingTransport()
    options = {"token": "tok-123", **DESK_OPTIONS[vendor], "base_url": idle_server.url, "transport": transport}
    action = lambda d: d.tickets.get("1", extra_headers={"X-Trace": "a\r\nX-Injected: 1"})  # noqa: E731
    with pytest.raises(ticketkit.InvalidArgumentError, match="X-Trace"):
        drive(mode, vendor, action, max_retries=2, **options)
    assert transport.calls == 0 and idle_server.seen == []


@pytest.mark.parametrize("key", ["cl\u00e9", "a\r\nb", "a\tb\x00", " k"], ids=repr)
def test_a_tickiti_idempotency_key_must_fit_a_header(key: str, mode: str) -> None:
    script = Recorder()
    options = desk_options("tickiti", script.transport)
    create = lambda d: d.tickets.create(  # noqa: E731
        subject="s", description="d", requester_email="a@example.com", idempotency_key=key
    )
    refused_on_both(mode, "tickiti", create, **options)
    refused_on_both(mode, "tickiti", lambda d: d.comments.create("1", body="b", idempotency_key=key), **options)
    assert script.requests == []


@pytest.mark.parametrize("version", ["2.16\u00a0", "\u20282.16", "\uff12.16", "2.16\n", 2.16])
def test_intercom_api_version_must_be_one_of_the_versions_exactly(version: Any) -> None:
    """Was: a no-break space was stripped as whitespace; other non-ASCII reached the header."""
    script = Recorder()
    for connect in (ticketkit.connect, ticketkit.connect_async):
        with pytest.raises(ticketkit.InvalidArgumentError, match="api_version"):
            connect("intercom", **desk_options("intercom", script.transport, api_version=version))
    with ticketkit.connect("intercom", **desk_options("intercom", script.transport, api_version=" 2.15 ")) as desk:
        assert desk._adapter.api_version == "2.15"  # type: ignore[attr-defined]
    assert script.requests == []


# -- connect()'s keywords: types, flags, URLs ----------------------------------------------------------------

WRONG_TYPES: list[dict[str, Any]] = [
    {"headers": "x"},
    {"headers": ["X-A", "1"]},
    {"base_url": 123},
    {"base_url": b"https://x.example"},
    {"transport": "x"},
    {"timeout": "30"},
    {"max_retries": 1.5},
    {"max_retries": True},
    {"max_download_bytes": 0},
    {"max_download_bytes": True},
    {"max_download_bytes": 1.5},
    {"allow_insecure": "no"},
    {"allow_insecure": 1},
    {"allow_insecure": None},
]


@pytest.mark.parametrize("wrong", WRONG_TYPES, ids=repr)
@pytest.mark.parametrize("vendor", VENDORS)
def test_connect_keywords_of_the_wrong_type_are_refused(vendor: str, wrong: dict[str, Any]) -> None:
    """Was: TypeError or AttributeError (headers="x", base_url=123, transport="x"), or accepted
    (allow_insecure="no" is truthy, and allowed plain http)."""
    for connect in (ticketkit.connect, ticketkit.connect_async):
        options = {"token": "tok-123", **DESK_OPTIONS[vendor], **wrong}
        if "transport" not in wrong:
            options["transport"] = Recorder().transport
        with pytest.raises(ticketkit.InvalidArgumentError):
            connect(vendor, **options)


def test_a_sync_transport_is_refused_by_connect_async_and_the_other_way_round() -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="AsyncBaseTransport"):
        ticketkit.connect_async("routera", token="tok-123", transport=httpx.HTTPTransport())
    with pytest.raises(ticketkit.InvalidArgumentError, match="BaseTransport"):
        ticketkit.connect("routera", token="tok-123", transport=httpx.AsyncHTTPTransport())


@pytest.mark.parametrize("insecure", ["no", "false", 1, "yes"])
def test_a_truthy_non_bool_allow_insecure_does_not_allow_plain_http(insecure: Any) -> None:
    script = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match="allow_insecure"):
        ticketkit.connect(
            "tickiti", token="tok-123", base_url="http://tickiti.example.com", transport=script.transport,
            allow_insecure=insecure,
        )  # fmt: skip
    with ticketkit.connect(
        "tickiti", token="tok-123", base_url="http://tickiti.example.com", transport=script.transport,
        allow_insecure=True,
    ) as desk:  # fmt: skip
        assert desk._http.base_url.scheme == "http"


@pytest.mark.parametrize(
    "url",
    [
        "https://exa mple.com",
        "https://exa\tmple.com",
        " https://example.com",
        "https://example.com\n",
        "https://exa%20mple.com",
        "https://bad!host.example.com",
        "https://-bad.example.com",
        "https://example.com/api?key=1",
        "https://example.com/api#part",
        "https:///just/a/path",
        "https:/example.com",
    ],
)
@pytest.mark.parametrize("vendor", VENDORS)
def test_malformed_base_urls_are_refused(vendor: str, url: str) -> None:
    """Was: "https://exa mple.com" accepted (and sent to the host "exa%20mple.com")."""
    for connect in (ticketkit.connect, ticketkit.connect_async):
        with pytest.raises(ticketkit.InvalidArgumentError, match="base_url"):
            connect(vendor, **{**desk_options(vendor, Recorder().transport), "base_url": url})


@pytest.mark.parametrize(
    "url", ["https://api.example.com", "https://b\u00fccher.example/api", "http://[::1]:8080", "https://10.0.0.7"]
)
def test_proper_base_urls_are_taken(url: str) -> None:
    with ticketkit.connect("tickiti", token="tok-123", base_url=url, transport=Recorder().transport) as desk:
        assert desk._http.base_url.host


@pytest.mark.parametrize(
    "options",
    [
        {"client_id": 7, "client_secret": "s" * 12, "token": None},
        {"client_id": "cid", "client_secret": object(), "token": None},
        {"stage_map": {1: ticketkit.TicketStatus.OPEN}},
        {"description_field": 3},
        {"pipeline": ""},
        {"ticket_stage": 5},
    ],
    ids=repr,
)
def test_routera_connect_options_of_the_wrong_type_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError):
        ticketkit.connect("routera", **{"token": "tok-123", "transport": Recorder().transport, **options})


# -- vendor fields that JSON cannot carry ---------------------------------------------------------------------


class Unserializable:
    pass


def _cycle() -> dict[str, Any]:
    looped: dict[str, Any] = {}
    looped["self"] = looped
    return looped


NOT_JSON = [object(), Unserializable(), math.nan, math.inf, {1, 2}, b"bytes", _cycle(), {("a",): 1}, 2**70]
# (vendor, call with the bad value in a pass-through field)
FIELD_CALLS: list[tuple[str, str, Callable[[Any, Any], Any]]] = [
    ("routera", "create properties", lambda d, v: d.tickets.create(subject="s", properties={"x": v})),
    ("routera", "update properties", lambda d, v: d.tickets.update("1", properties={"x": [v]})),
    ("routera", "create ticket_owner", lambda d, v: d.tickets.create(subject="s", ticket_owner=v)),
    (
        "intercom",
        "create ticket_attributes",
        lambda d, v: d.tickets.create(
            subject="s", requester_email="a@example.com", ticket_type_id="1", ticket_attributes={"x": v}
        ),
    ),
    # A status update lists the ticket states first: the bad value must stop it before that request.
    (
        "intercom",
        "update status and ticket_attributes",
        lambda d, v: d.tickets.update("1", status="resolved", ticket_attributes={"x": {"y": v}}),
    ),
    ("ankra", "create environment", lambda d, v: d.tickets.create(subject="s", description="d", environment=v)),
    (
        "ankra",
        "create environment nested",
        lambda d, v: d.tickets.create(subject="s", description="d", environment={"k": [v]}),
    ),
    ("tickiti", "list criteria", lambda d, v: d.tickets.list(criteria={"subject": v})),
]


@pytest.mark.parametrize("value", NOT_JSON, ids=lambda v: type(v).__name__ + repr(v)[:20])
@pytest.mark.parametrize(("vendor", "name", "call"), FIELD_CALLS, ids=[f"{v}-{n}" for v, n, _ in FIELD_CALLS])
def test_vendor_fields_json_cannot_carry_are_refused_before_sending(
    vendor: str, name: str, call: Callable[[Any, Any], Any], mode: str, value: Any
) -> None:
    """Was: TypeError ("Object of type object is not JSON serializable") or ValueError (NaN) from httpx."""
    script = Recorder()
    refused_on_both(mode, vendor, lambda d: call(d, value), **desk_options(vendor, script.transport))
    assert script.requests == []


def test_the_transport_refuses_a_body_json_cannot_write_whatever_put_it_there() -> None:
    """The net under every plan: a body that fails to encode is an InvalidArgumentError, not a TypeError."""
    from ticketkit._adapter import Call
    from ticketkit._request import build_request as _build
    from ticketkit._transport import RequestOptions
    from ticketkit.vendors.routera import RouteraAdapter

    with httpx.Client(base_url="https://api.routera.io") as client:
        for body in ({"x": object()}, {"x": math.nan}):
            call = Call("tickets.create", {"method": "POST", "url": "/tickets", "json": body})
            with pytest.raises(ticketkit.InvalidArgumentError, match="cannot be encoded"):
                _build(client, RouteraAdapter(), call, RequestOptions())


# -- per-call options -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"max_retries": True},
        {"max_retries": -1},
        {"max_retries": math.inf},
        {"extra_headers": "X-A: 1"},
        {"extra_headers": {"Authorization": "Bearer x"}},
    ],
    ids=repr,
)
@pytest.mark.parametrize("vendor", VENDORS)
def test_bad_per_call_options_are_refused_before_sending(vendor: str, mode: str, options: dict[str, Any]) -> None:
    script = Recorder()
    refused_on_both(mode, vendor, lambda d: d.tickets.get("1", **options), **desk_options(vendor, script.transport))
    assert script.requests == []
