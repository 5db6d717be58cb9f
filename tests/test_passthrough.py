"""`desk.request()` (issue 16, item 2): any endpoint of the vendor's API, sent as the unified calls are (base
URL, auth, vendor headers, retries, limits, errors), and refused when it would leave the API."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import ticketkit
from desk_support import Recorder, async_desk, drive, ok, raw, sync_desk
from support import load_fixture
from ticketkit.sandbox import Sandbox

ROUTERA: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
TID = ROUTERA["id"]
TOKEN = {"access_token": "jwt-1", "expires_in": 3600, "token_type": "Bearer"}
TICKITI = "https://support.example.com"


def request(*args: Any, **kwargs: Any) -> Any:
    """The action `desk.request(*args, **kwargs)`, for `drive`."""
    return lambda desk: desk.request(*args, **kwargs)


# -- through every vendor's sandbox ------------------------------------------------------------------------


def test_routera_get_a_ticket_as_json(mode: str) -> None:
    sandbox = Sandbox("routera")
    with ticketkit.connect("routera", **sandbox.connect_options()) as desk:
        ticket = next(iter(desk.tickets.list(limit=1)))
    body = drive(mode, "routera", request("GET", f"/tickets/{ticket.id}"), **sandbox.connect_options())
    assert body["id"] == ticket.id and body == ticket.raw


def test_intercom_through_the_sandbox_with_its_version_and_request_id(mode: str) -> None:
    sandbox = Sandbox("intercom")
    answer = drive(mode, "intercom", request("GET", "/ticket_types", raw=True), **sandbox.connect_options())
    assert answer.status_code == 200 and answer.parse()["type"] == "list"
    assert answer.request_id == answer.headers["x-request-id"]


def test_tickiti_show_is_a_post_with_a_json_body(mode: str) -> None:
    sandbox = Sandbox("tickiti")
    with ticketkit.connect("tickiti", **sandbox.connect_options()) as desk:
        ticket = next(iter(desk.tickets.list(limit=1)))
    body = drive(
        mode,
        "tickiti",
        request("POST", "/api/v1/tickets/show", json={"ticket_number": ticket.id}),
        **sandbox.connect_options(),
    )
    assert body["ok"] is True and str(body["data"]["ticket"]["number"]) == ticket.id


def test_ankra_lists_tickets(mode: str) -> None:
    sandbox = Sandbox("ankra")
    body = drive(mode, "ankra", request("GET", "/api/v1/org/support/tickets"), **sandbox.connect_options())
    assert body is not None


# -- what goes on the wire ---------------------------------------------------------------------------------


def test_auth_client_headers_params_and_body(mode: str) -> None:
    script = Recorder().on("POST", "/things", ok({"made": True}, status=201))
    body = drive(
        mode,
        "routera",
        request("post", "things", params={"a": "1", "b": ["x", "y"]}, json={"k": "v"}, headers={"X-Trace": "t-1"}),
        transport=script,
        headers={"X-App": "mine"},
    )
    assert body == {"made": True}
    [seen] = script.seen
    assert seen.method == "POST" and seen.path == "/things"
    assert parse_qs(seen.target.partition("?")[2]) == {"a": ["1"], "b": ["x", "y"]}
    assert seen.headers["authorization"] == "Bearer tok-123"
    assert seen.headers["x-app"] == "mine" and seen.headers["x-trace"] == "t-1"
    assert seen.headers["user-agent"].startswith("ticketkit/")
    assert json.loads(seen.body) == {"k": "v"}


def test_content_is_sent_as_given(mode: str) -> None:
    script = Recorder().on("PUT", "/blob", httpx.Response(204))
    result = drive(
        mode,
        "routera",
        request("PUT", "/blob", content=b"\x00raw", headers={"Content-Type": "application/x-raw"}),
        transport=script,
    )
    assert result is None  # an empty body
    assert script.seen[0].body == b"\x00raw" and script.seen[0].headers["content-type"] == "application/x-raw"


def test_intercom_version_goes_on_every_request(mode: str) -> None:
    script = Recorder().on("GET", "/admins", ok({"type": "admin.list", "admins": []}))
    drive(mode, "intercom", request("GET", "/admins"), transport=script, api_version="2.11")
    assert script.seen[0].headers["intercom-version"] == "2.11"
    drive(mode, "intercom", request("GET", "/admins", headers={"Intercom-Version": "2.16"}), transport=script)
    assert script.seen[1].headers["intercom-version"] == "2.16"  # the caller's header overrides


def test_a_path_under_the_base_path_is_joined_to_it(mode: str) -> None:
    script = Recorder().on("POST", "/helpdesk/api/v1/tickets/show", ok({"ok": True, "data": {}}))
    options = {"transport": script, "base_url": "https://support.example.com/helpdesk"}
    drive(mode, "tickiti", request("POST", "/api/v1/tickets/show", json={}), **options)
    drive(
        mode, "tickiti", request("POST", "https://support.example.com/helpdesk/api/v1/tickets/show", json={}), **options
    )
    assert [seen.path for seen in script.seen] == ["/helpdesk/api/v1/tickets/show"] * 2


def test_routera_oauth_token_is_fetched_and_renewed_on_a_401(mode: str) -> None:
    denied = ok({"message": "Unauthorized", "error": True}, status=401)
    script = Recorder().on("POST", "/oauth2/token", ok(TOKEN), ok({**TOKEN, "access_token": "jwt-2"}))
    script.on("GET", "/pipelines", denied, ok({"data": []}))
    body = drive(
        mode, "routera", request("GET", "/pipelines"), transport=script, token=None, client_id="c", client_secret="s"
    )
    assert body == {"data": []}
    assert [(s.method, s.path, s.headers.get("authorization")) for s in script.seen] == [
        ("POST", "/oauth2/token", None),
        ("GET", "/pipelines", "Bearer jwt-1"),
        ("POST", "/oauth2/token", None),
        ("GET", "/pipelines", "Bearer jwt-2"),
    ]


# -- retries: the transport's policy -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_idempotent_methods_are_retried_on_429_and_5xx(method: str, mode: str, waits: list[float]) -> None:
    script = Recorder().on(method, "/x", ok({}, status=503), ok({}, status=429, **{"Retry-After": "1"}), ok({"n": 1}))
    assert drive(mode, "routera", request(method, "/x"), transport=script, max_retries=2) == {"n": 1}
    assert len(script.requests) == 3 and waits[-1] == 1.0


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_a_write_without_an_idempotency_key_is_not_retried_on_5xx(method: str, mode: str, waits: list[float]) -> None:
    script = Recorder().on(method, "/x", ok({"message": "boom"}, status=503), ok({}))
    with pytest.raises(ticketkit.ServerError):
        drive(mode, "routera", request(method, "/x", json={}), transport=script, max_retries=3)
    assert len(script.requests) == 1 and waits == []


def test_a_write_without_a_key_is_still_retried_on_429(mode: str, waits: list[float]) -> None:
    """A 429 means the vendor did not act on it: repeating it cannot duplicate anything."""
    script = Recorder().on("POST", "/x", ok({}, status=429, **{"Retry-After": "2"}), ok({"done": 1}))
    assert drive(mode, "routera", request("POST", "/x", json={}), transport=script, max_retries=1) == {"done": 1}
    assert waits == [2.0]


def test_a_write_with_the_callers_idempotency_key_is_retried_with_it(mode: str, waits: list[float]) -> None:
    script = Recorder().on("POST", "/x", ok({}, status=503), ok({"done": 1}))
    drive(
        mode,
        "routera",
        request("POST", "/x", json={}, headers={"idempotency-key": "k-1"}),
        transport=script,
        max_retries=1,
    )
    assert [s.headers["idempotency-key"] for s in script.seen] == ["k-1", "k-1"]


def test_tickiti_keyed_writes_get_one_key_for_every_attempt(mode: str, waits: list[float]) -> None:
    script = Recorder().on("POST", "/api/v1/tickets/respond", ok({}, status=502), ok({"ok": True, "data": {}}))
    script.on("POST", "/api/v1/tickets/show", ok({"ok": True, "data": {}}))
    options = {"transport": script, "base_url": TICKITI, "max_retries": 1}
    drive(mode, "tickiti", request("POST", "/api/v1/tickets/respond", json={"ticket_number": "1"}), **options)
    keys = [s.headers.get("idempotency-key") for s in script.seen]
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]
    drive(mode, "tickiti", request("POST", "/api/v1/tickets/show", json={"ticket_number": "1"}), **options)
    assert "idempotency-key" not in script.seen[-1].headers  # a read route takes none


def test_a_tickiti_read_is_a_post_and_so_not_retried(mode: str, waits: list[float]) -> None:
    script = Recorder().on("POST", "/api/v1/tickets/show", ok({"message": "x"}, status=500), ok({"ok": True}))
    with pytest.raises(ticketkit.ServerError):
        drive(
            mode,
            "tickiti",
            request("POST", "/api/v1/tickets/show", json={}),
            transport=script,
            base_url=TICKITI,
            max_retries=2,
        )
    assert len(script.requests) == 1


def test_max_retries_per_call(mode: str, waits: list[float]) -> None:
    script = Recorder().on("GET", "/x", *[ok({}, status=503)] * 5)
    with pytest.raises(ticketkit.ServerError):
        drive(mode, "routera", request("GET", "/x", max_retries=0), transport=script, max_retries=3)
    assert len(script.requests) == 1


# -- errors and limits -------------------------------------------------------------------------------------


def test_error_statuses_map_to_ticketkit_errors_read_by_the_vendors_reader(mode: str) -> None:
    body = {
        "type": "error.list",
        "request_id": "r-9",
        "errors": [{"code": "not_found", "message": "Resource Not Found"}],
    }
    script = Recorder().on("GET", "/contacts/1", ok(body, status=404))
    with pytest.raises(ticketkit.NotFoundError) as caught:
        drive(mode, "intercom", request("GET", "/contacts/1"), transport=script)
    assert caught.value.code == "not_found" and caught.value.request_id == "r-9"


def test_a_connection_failure_is_a_ticketkit_error(mode: str, waits: list[float]) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(ticketkit.APIConnectionError) as caught:
        drive(mode, "routera", request("GET", "/x"), transport=Recorder(answer=refuse), max_retries=1)
    assert not isinstance(caught.value, httpx.HTTPError) and len(waits) == 1


def test_a_body_that_is_not_json_raises_and_raw_gives_it(mode: str) -> None:
    script = Recorder().on("GET", "/page", raw(200, "<html>hi</html>"), raw(200, "<html>hi</html>"))
    with pytest.raises(ticketkit.ResponseValidationError):
        drive(mode, "routera", request("GET", "/page"), transport=script)
    answer = drive(mode, "routera", request("GET", "/page", raw=True), transport=script)
    assert answer.http_response.text == "<html>hi</html>"
    with pytest.raises(ticketkit.ResponseValidationError):
        answer.parse()


def test_the_response_size_limit_holds(mode: str) -> None:
    script = Recorder().on("GET", "/big", ok({"pad": "x" * 5000}))
    with pytest.raises(ticketkit.ResponseTooLargeError):
        drive(mode, "routera", request("GET", "/big"), transport=script, max_response_bytes=1000)


def test_a_closed_desk_sends_nothing() -> None:
    script = Recorder()
    desk = sync_desk("routera", script)
    desk.close()
    with pytest.raises(ticketkit.DeskClosedError):
        desk.request("GET", "/x")
    assert script.requests == []


# -- refused before anything is sent -----------------------------------------------------------------------

REFUSED = [
    "https://evil.example/tickets",
    "http://api.routera.io/tickets",  # the API's host, another scheme
    "https://api.routera.io:8443/tickets",  # another port
    "//evil.example/tickets",
    "../tickets",
    "/tickets/../../admin",
    "/tickets/%2e%2e/x",
    "/tickets/..%2Fx",
    "/tickets/%2E%2E%5Cx",
    "/tickets/\uff0e\uff0e/x",
    "/a b",
    "/a\\b",
    "/tickets\r\nX-Injected: 1",
    "/tickets#frag",
    "",
    "mailto:someone@example.com",
]


@pytest.mark.parametrize("path", REFUSED)
def test_a_path_that_leaves_the_api_is_refused_and_nothing_is_sent(path: str, mode: str) -> None:
    script = Recorder(answer=ok({}))
    with pytest.raises(ticketkit.InvalidArgumentError, match=r"desk\.request\(\)"):
        drive(mode, "routera", request("GET", path), transport=script)
    assert script.requests == []


def test_an_absolute_url_to_another_host_names_the_reason() -> None:
    with sync_desk("routera", Recorder()) as desk, pytest.raises(ticketkit.InvalidArgumentError) as caught:
        desk.request("GET", "https://collector.example/steal")
    assert "refusing to send the desk's credentials to collector.example" in str(caught.value)


def test_an_absolute_url_outside_the_base_path_is_refused() -> None:
    script = Recorder(answer=ok({}))
    with sync_desk("tickiti", script, base_url="https://support.example.com/helpdesk") as desk:
        with pytest.raises(ticketkit.InvalidArgumentError, match="outside the API's base path"):
            desk.request("POST", "https://support.example.com/other/api/v1/tickets/show")
        with pytest.raises(ticketkit.InvalidArgumentError, match="outside the API's base path"):
            desk.request("POST", "https://support.example.com/helpdeskX/api")
    assert script.requests == []


def test_an_absolute_url_on_the_api_is_sent(mode: str) -> None:
    script = Recorder().on("GET", f"/tickets/{TID}", ok(ROUTERA))
    body = drive(mode, "routera", request("GET", f"https://api.routera.io/tickets/{TID}?expand=1"), transport=script)
    assert body["id"] == TID and script.seen[0].target == f"/tickets/{TID}?expand=1"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"method": "TRACE"}, "method must be one of"),
        ({"method": 1}, "method must be one of"),
        ({"json": {}, "content": b"x"}, "not both"),
        ({"content": 3}, "content must be bytes or str"),
        ({"params": "a=1"}, "params must be a mapping"),
        ({"headers": {"Authorization": "Bearer other"}}, "headers"),
        ({"headers": {"Content-Length": "3"}}, "headers"),
        ({"headers": {"X-Bad": "a\nb"}}, "header X-Bad"),
        ({"json": {"n": float("nan")}}, "cannot be encoded"),
        ({"max_retries": -1}, "max_retries"),
        ({"timeout": -1}, "timeout"),
        ({"raw": "yes"}, "raw must be True or False"),
    ],
)
def test_bad_arguments_are_refused_before_sending(kwargs: dict[str, Any], match: str, mode: str) -> None:
    script = Recorder(answer=ok({}))
    kwargs = dict(kwargs)  # the parameter is shared by both modes
    method = kwargs.pop("method", "POST")
    with pytest.raises(ticketkit.InvalidArgumentError, match=match):
        drive(mode, "routera", request(method, "/x", **kwargs), transport=script)
    assert script.requests == []


def test_a_refusal_quotes_no_credential() -> None:
    with (
        sync_desk("routera", Recorder(), token="tok-SECRET-42") as desk,
        pytest.raises(ticketkit.InvalidArgumentError) as caught,
    ):
        desk.request("GET", "/x", headers={"X-Api-Key": "tok-SECRET-42", "X-Bad": "a\nb"})
    assert "tok-SECRET-42" not in str(caught.value)


def test_the_async_desk_awaits(mode: str) -> None:
    script = Recorder().on("GET", "/x", ok({"a": 1}))

    async def go() -> Any:
        async with async_desk("routera", script) as desk:
            pending = desk.request("GET", "/x")
            assert asyncio.iscoroutine(pending)
            return await pending

    assert asyncio.run(go()) == {"a": 1}


def test_with_raw_response_request_is_request_raw(mode: str) -> None:
    script = Recorder().on(
        "GET", "/x", ok({"a": 1}, **{"X-Request-Id": "rid"}), ok({"a": 1}, **{"X-Request-Id": "rid"})
    )
    answer = drive(mode, "intercom", lambda d: d.with_raw_response.request("GET", "/x"), transport=script)
    assert answer.parse() == {"a": 1} and answer.request_id == "rid"
