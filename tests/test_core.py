"""Vendor-neutral behaviour: connect(), argument checks, the error tree, export, import cost."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import subprocess
import sys
import time
from typing import Any

import httpx
import jsonschema
import pytest
import ticketkit
from desk_support import Recorder, sync_desk
from support import SPECS
from ticketkit._errors import ErrorInfo, status_error
from ticketkit._html import html_to_text
from ticketkit._reading import fallback_error_info, parse_retry_after

# -- connect() ---------------------------------------------------------------------------------------


def test_unknown_vendor_is_refused() -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="unknown vendor 'zendesk'"):
        ticketkit.connect("zendesk", token="t")


def test_unknown_vendor_option_is_refused_naming_the_accepted_ones() -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="api_verison") as caught:
        ticketkit.connect("routera", token="t", api_verison="2.11")
    assert "client_id" in str(caught.value)


def test_credentials_in_headers_are_refused() -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="token="):
        ticketkit.connect("routera", token="t", headers={"Authorization": "Bearer x"})


@pytest.mark.parametrize("timeout", [0, -1, "30", True])
def test_bad_timeouts_are_refused(timeout: Any) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match="timeout"):
        ticketkit.connect("routera", token="t", timeout=timeout)


def test_default_timeouts_are_5s_connect_30s_read() -> None:
    with ticketkit.connect("routera", token="t") as desk:
        timeout = desk._http.timeout
    assert (timeout.connect, timeout.read) == (5.0, 30.0)


def test_repr_and_errors_never_show_the_token() -> None:
    secret = "tok-SECRET-123"
    script = Recorder().on("GET", "/tickets/x", httpx.Response(401, json={"message": "nope", "error": True}))
    with sync_desk("routera", script, token=secret) as desk:
        with pytest.raises(ticketkit.AuthenticationError) as caught:
            desk.tickets.get("x")
        shown = [repr(desk), str(desk), repr(desk._http.auth), str(caught.value), repr(caught.value)]
    assert script.requests[0].headers["authorization"] == f"Bearer {secret}"
    assert all(secret not in text for text in shown), shown


def test_desk_exposes_vendor_capabilities_and_generated_client() -> None:
    import routera_client

    with ticketkit.connect("routera", token="t") as desk:
        assert desk.vendor == "routera"
        assert isinstance(desk.client, routera_client.Client)
        assert desk.client.get_httpx_client() is desk._http  # one pool, shared with the escape hatch
        assert desk.capabilities.supported == (
            "tickets.get",
            "tickets.list",
            "tickets.create",
            "tickets.update",
            "tickets.close",
        )
        assert "comments.create" not in desk.capabilities and 42 not in desk.capabilities


def test_closing_the_desk_closes_its_pool() -> None:
    desk = ticketkit.connect("routera", token="t")
    with desk:
        pass
    assert desk._http.is_closed


# -- argument checks: refused before anything is sent --------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: d.tickets.get(""), "ticket id"),
        (lambda d: d.tickets.get(None), "ticket id"),
        (lambda d: list(d.tickets.list(status="pending")), "status must be"),
        (lambda d: d.tickets.list(page_size=0), "page_size"),
        (lambda d: d.tickets.list(limit=-1), "limit"),
        (lambda d: d.tickets.create(subject=""), "subject"),
        (lambda d: d.tickets.create(subject="s", description=3), "description"),
        (lambda d: d.tickets.update("t"), "at least one change"),
    ],
)
def test_bad_arguments_raise_before_sending(call: Any, message: str) -> None:
    script = Recorder()
    with sync_desk("routera", script) as desk, pytest.raises(ticketkit.InvalidArgumentError, match=message):
        call(desk)
    assert script.requests == []


def test_invalid_argument_error_is_also_a_value_error() -> None:
    assert issubclass(ticketkit.InvalidArgumentError, ValueError)
    assert issubclass(ticketkit.InvalidArgumentError, ticketkit.TicketkitError)


def test_an_integer_ticket_id_is_accepted_as_its_string() -> None:
    script = Recorder().on("GET", "/tickets/42", httpx.Response(404, json={"message": "gone", "error": True}))
    with sync_desk("routera", script) as desk, pytest.raises(ticketkit.NotFoundError):
        desk.tickets.get(42)  # type: ignore[arg-type]
    assert script.requests[0].url.path == "/tickets/42"


def test_status_strings_are_accepted_case_insensitively() -> None:
    from ticketkit._arguments import status

    assert status("Waiting_On_Customer") is ticketkit.TicketStatus.WAITING_ON_CUSTOMER
    assert status(None) is None


# -- the error tree ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ticketkit.InvalidRequestError),
        (401, ticketkit.AuthenticationError),
        (403, ticketkit.PermissionDeniedError),
        (404, ticketkit.NotFoundError),
        (409, ticketkit.ConflictError),
        (422, ticketkit.InvalidRequestError),
        (429, ticketkit.RateLimitError),
        (500, ticketkit.ServerError),
        (503, ticketkit.ServerError),
        (520, ticketkit.ServerError),
        (418, ticketkit.APIStatusError),
        (499, ticketkit.APIStatusError),
    ],
)
def test_status_error_class_follows_the_status(status: int, cls: type[ticketkit.APIStatusError]) -> None:
    response = httpx.Response(status, request=httpx.Request("GET", "https://x.test/"))
    error = status_error("routera", response, ErrorInfo(message="m", code="c", request_id="r"), body=None)
    assert type(error) is cls
    assert (error.status_code, error.code, error.message, error.request_id) == (status, "c", "m", "r")
    assert str(error).startswith(f"routera: HTTP {status}")


def test_every_exception_is_a_ticketkit_error() -> None:
    for name in ticketkit.__all__:
        obj = getattr(ticketkit, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, ticketkit.TicketkitError), name
    assert issubclass(ticketkit.APITimeoutError, ticketkit.APIConnectionError)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "0.25", "retry-after-ms": "oops"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_forms(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(httpx.Response(429, headers=headers)) == expected


def test_retry_after_as_an_http_date() -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    wait = parse_retry_after(httpx.Response(429, headers={"retry-after": when}))
    assert wait is not None and 25 <= wait <= 31


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            httpx.Response(502, text="<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"),
            "502 Bad Gateway",
        ),
        (httpx.Response(500, content=b""), "(empty body)"),
        (httpx.Response(500, json={"detail": "boom"}), "boom"),
        (httpx.Response(500, json=["not", "an", "object"]), '["not","an","object"]'),
        (httpx.Response(500, text="x" * 500), "x" * 200 + "…"),
    ],
)
def test_fallback_error_messages_are_readable(response: httpx.Response, message: str) -> None:
    assert fallback_error_info(response).message.startswith(message)


# -- parsing helpers and export ------------------------------------------------------------------------


def test_html_to_text() -> None:
    html = "<p>Hello&nbsp;<b>there</b></p><p>Line&amp;two<br>three</p><script>x()</script>"
    assert html_to_text(html) == "Hello there\nLine&two\nthree"
    assert html_to_text(None) is None


def _export_schema() -> dict[str, Any]:
    import yaml

    schema: dict[str, Any] = yaml.safe_load((SPECS / "unified.yaml").read_text())
    return schema


def test_unified_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(_export_schema())


def test_export_validates_against_the_unified_schema() -> None:
    author = ticketkit.Party(kind=ticketkit.PartyKind.CUSTOMER, email="a@b.c")
    attachment = ticketkit.Attachment(id="1", name="a.txt", size=3, comment_id="c1", raw={"id": 1})
    comment = ticketkit.Comment(
        id="c1",
        internal=False,
        body_text="hi",
        author=author,
        created_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        attachments=[attachment],
        raw={},
    )
    ticket = ticketkit.Ticket(
        vendor="ankra",
        id="t1",
        status=ticketkit.TicketStatus.OPEN,
        status_raw="triaging",
        priority=ticketkit.Priority.HIGH,
        priority_raw="high",
        requester=author,
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        comments=[comment],
        attachments=[attachment],
        custom_fields={"tier": "gold"},
        raw={"id": "t1"},
    )
    line = ticketkit.to_json(ticket)
    data = json.loads(line)
    validator = jsonschema.Draft202012Validator(_export_schema(), format_checker=jsonschema.FormatChecker())
    validator.validate(data)
    assert data["status"] == "open" and data["created_at"] == "2026-01-01T00:00:00Z"
    assert data["comments"][0]["created_at"] == "2026-01-02T01:04:05Z"
    bad = {**data, "status": "pending"}
    assert list(validator.iter_errors(bad)), "the schema must refuse an unknown status"


def test_importing_ticketkit_does_not_load_the_vendor_clients() -> None:
    vendors = ["routera_client", "intercom_client", "tickiti_client", "ankra_client"]
    code = f"import sys, ticketkit; print(sorted(m for m in sys.modules if m.split('.')[0] in {vendors}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "exc",
    [httpx.ConnectError("refused"), httpx.ReadError("reset"), httpx.RemoteProtocolError("bad")],
)
def test_network_failures_are_connection_errors(exc: Exception) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc

    with ticketkit.connect("routera", token="t", max_retries=0, transport=httpx.MockTransport(fail)) as desk:
        with pytest.raises(ticketkit.APIConnectionError) as caught:
            desk.tickets.get("x")
    assert type(caught.value) is ticketkit.APIConnectionError and caught.value.__cause__ is exc
    assert "routera tickets.get" in str(caught.value)


def test_timeouts_are_timeout_errors() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with ticketkit.connect("routera", token="t", max_retries=0, transport=httpx.MockTransport(slow)) as desk:
        with pytest.raises(ticketkit.APITimeoutError, match="timed out"):
            desk.tickets.get("x")


@pytest.mark.parametrize(
    ("base_url", "message"),
    [
        ("https://[::1", "not a URL"),
        ("not a url", "absolute https"),
        ("ftp://files.example.com", "absolute https"),
        ("http://api.example.com", "plain http"),
    ],
)
def test_unusable_or_insecure_base_urls_are_refused_at_connect(base_url: str, message: str) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=message):
        ticketkit.connect("routera", token="t", base_url=base_url)


@pytest.mark.parametrize(
    ("base_url", "options"),
    [
        ("http://127.0.0.1:8080", {}),
        ("http://localhost:8080/routera", {}),
        ("http://[::1]:8080", {}),
        ("http://api.example.com", {"allow_insecure": True}),
    ],
)
def test_loopback_or_explicitly_insecure_http_is_allowed(base_url: str, options: dict[str, Any]) -> None:
    path = httpx.URL(base_url).path.rstrip("/") + "/tickets/x"
    script = Recorder().on("GET", path, httpx.Response(404, json={"message": "no", "error": True}))
    with ticketkit.connect("routera", token="t", base_url=base_url, transport=script.transport, **options) as desk:
        with pytest.raises(ticketkit.NotFoundError):
            desk.tickets.get("x")
    assert str(script.requests[0].url).startswith(base_url.rstrip("/"))


@pytest.mark.parametrize("token", ["tok\r\nX-Evil: 1", "tok en", "tök", "tok\x00"])
def test_a_token_a_header_cannot_carry_is_refused_without_quoting_it(token: str) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError) as caught:
        ticketkit.connect("ankra", token=token)
    assert token not in str(caught.value)
