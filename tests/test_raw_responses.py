"""`desk.with_raw_response` (issue 16, item 1): the HTTP responses behind a unified call, the vendor's request
id, and the usual result by `parse()`, on every vendor's sandbox, sync and async."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import uuid
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, async_desk, drive, ok, sync_desk
from flaky import Flaky
from support import VENDORS, load_fixture
from ticketkit import RawResponse
from ticketkit.sandbox import Sandbox

ROUTERA: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
# The vendors whose answers carry a request id header, and its name (the adapter declares it).
REQUEST_ID_HEADERS = {"intercom": "x-request-id"}


def first_ticket_id(sandbox: Sandbox) -> str:
    with ticketkit.connect(sandbox.vendor, **sandbox.connect_options()) as desk:
        return next(iter(desk.tickets.list(limit=1))).id


def sandbox_of(vendor: str, **options: Any) -> Sandbox:
    return Sandbox(vendor, **options)


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_raw_get_has_the_response_the_request_id_and_the_ticket(vendor: str, mode: str) -> None:
    sandbox = sandbox_of(vendor)
    ticket_id = first_ticket_id(sandbox)
    raw = drive(mode, vendor, lambda d: d.with_raw_response.tickets.get(ticket_id), **sandbox.connect_options())

    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200 and raw.http_response.status_code == 200
    assert raw.http_responses[-1] is raw.http_response
    assert isinstance(raw.headers, httpx.Headers) and raw.headers is raw.http_response.headers
    assert isinstance(raw.elapsed, dt.timedelta) and raw.elapsed >= dt.timedelta(0)
    ticket = raw.parse()
    assert isinstance(ticket, ticketkit.Ticket) and ticket.id == ticket_id
    assert raw.parse() is ticket  # parsed once
    header = REQUEST_ID_HEADERS.get(vendor)
    if header is None:
        assert raw.request_id is None
    else:
        assert raw.request_id == raw.headers[header]
        uuid.UUID(raw.request_id)


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_vendors_request_id_header_is_declared_by_its_adapter(vendor: str) -> None:
    sandbox = sandbox_of(vendor)
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        declared = desk._adapter.request_id_header
    assert (declared.lower() if declared else None) == REQUEST_ID_HEADERS.get(vendor)


def test_the_responses_of_retried_attempts_are_kept_in_order(mode: str, waits: list[float]) -> None:
    script = Recorder().on(
        "GET", f"/tickets/{ROUTERA['id']}", ok({"message": "busy"}, status=503), ok({}, status=502), ok(ROUTERA)
    )
    raw = drive(
        mode, "routera", lambda d: d.with_raw_response.tickets.get(ROUTERA["id"]), transport=script, max_retries=2
    )
    assert [r.status_code for r in raw.http_responses] == [503, 502, 200]
    assert raw.http_response.status_code == 200 and raw.parse().id == ROUTERA["id"]
    assert len(waits) == 2


def test_a_call_of_several_requests_keeps_each(mode: str) -> None:
    """Tickiti's update writes the reply, then reads the ticket back: both responses, in order."""
    sandbox = sandbox_of("tickiti")
    ticket_id = first_ticket_id(sandbox)
    raw = drive(
        mode,
        "tickiti",
        lambda d: d.with_raw_response.tickets.update(ticket_id, status="open"),
        **sandbox.connect_options(),
    )
    paths = [r.request.url.path for r in raw.http_responses]
    assert len(paths) >= 2 and paths[0] == "/api/v1/tickets/respond", paths
    assert raw.http_response is raw.http_responses[-1]
    assert raw.parse().id == ticket_id


def test_a_body_that_does_not_parse_raises_at_parse_not_at_the_call(mode: str) -> None:
    broken = {**ROUTERA, "created_at": "not-a-date"}
    script = Recorder().on("GET", f"/tickets/{ROUTERA['id']}", ok(broken), ok(broken))
    raw = drive(mode, "routera", lambda d: d.with_raw_response.tickets.get(ROUTERA["id"]), transport=script)
    assert raw.status_code == 200 and raw.http_response.json()["created_at"] == "not-a-date"
    with pytest.raises(ticketkit.ResponseValidationError):
        raw.parse()
    with pytest.raises(ticketkit.ResponseValidationError):  # the usual call still raises at once
        drive(mode, "routera", lambda d: d.tickets.get(ROUTERA["id"]), transport=script)


def test_an_error_status_raises_as_usual_with_the_request_id(mode: str) -> None:
    sandbox = sandbox_of("intercom")
    with pytest.raises(ticketkit.NotFoundError) as caught:
        drive(mode, "intercom", lambda d: d.with_raw_response.tickets.get("999999999"), **sandbox.connect_options())
    error = caught.value
    assert error.request_id is not None
    assert error.request_id == error.response.headers["x-request-id"] == error.body["request_id"]


def test_the_request_id_header_reaches_an_error_whose_body_has_none(mode: str) -> None:
    """A proxy's or gateway's error body says nothing of the request: the header still names it."""
    script = Recorder().on(
        "GET", "/tickets/1", httpx.Response(502, text="<html>Bad gateway</html>", headers={"X-Request-Id": "req-77"})
    )
    with pytest.raises(ticketkit.ServerError) as caught:
        drive(mode, "intercom", lambda d: d.tickets.get("1"), transport=script)
    assert caught.value.request_id == "req-77" and "(request id req-77)" in str(caught.value)


def test_a_vendor_without_a_request_id_header_gives_none(mode: str) -> None:
    script = Recorder().on(
        "GET", "/tickets/1", ok({"message": "no such ticket", "error": True}, status=404, **{"X-Request-Id": "ignored"})
    )
    with pytest.raises(ticketkit.NotFoundError) as caught:
        drive(mode, "routera", lambda d: d.tickets.get("1"), transport=script)
    assert caught.value.request_id is None  # Routera documents no request id: a header is not guessed at


def test_the_error_body_request_id_wins_over_the_header(mode: str) -> None:
    body = {"type": "error.list", "request_id": "from-body", "errors": [{"code": "not_found", "message": "nope"}]}
    script = Recorder().on("GET", "/tickets/1", ok(body, status=404, **{"X-Request-Id": "from-header"}))
    with pytest.raises(ticketkit.NotFoundError) as caught:
        drive(mode, "intercom", lambda d: d.tickets.get("1"), transport=script)
    assert caught.value.request_id == "from-body"


@pytest.mark.parametrize("vendor", VENDORS)
def test_raw_comments_and_writes(vendor: str, mode: str) -> None:
    sandbox = sandbox_of(vendor)
    ticket_id = first_ticket_id(sandbox)
    options = {**sandbox.connect_options()}

    def action(desk: Any) -> Any:
        return desk.with_raw_response.comments.list(ticket_id)

    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        capabilities = desk.capabilities
    if "comments.list" not in capabilities:  # Routera: the raw twin refuses as the method does
        with pytest.raises(ticketkit.UnsupportedOperationError):
            drive(mode, vendor, action, **options)
    if "comments.list" in capabilities:
        raw = drive(mode, vendor, action, **options)
        assert raw.status_code == 200
        comments = raw.parse()
        assert isinstance(comments, list) and all(isinstance(c, ticketkit.Comment) for c in comments)
    if "comments.create" in capabilities:
        created = drive(
            mode, vendor, lambda d: d.with_raw_response.comments.create(ticket_id, body="raw reply"), **options
        )
        assert 200 <= created.status_code < 300 and isinstance(created.parse(), ticketkit.Comment)


def test_an_unsupported_operation_raises_at_the_raw_call(mode: str) -> None:
    sandbox = sandbox_of("tickiti")
    with pytest.raises(ticketkit.UnsupportedOperationError):
        drive(mode, "tickiti", lambda d: d.with_raw_response.tickets.close("100001"), **sandbox.connect_options())


def test_a_bad_argument_raises_at_the_raw_call_and_sends_nothing(mode: str) -> None:
    script = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError):
        drive(mode, "routera", lambda d: d.with_raw_response.tickets.get(".."), transport=script)
    assert script.requests == []


# -- listings: the first page's responses, parse() the usual iterator -----------------------------------------


def test_a_raw_list_records_the_first_page_and_parses_to_every_ticket() -> None:
    sandbox = sandbox_of("routera", tickets=25)
    with ticketkit.connect("routera", **sandbox.connect_options()) as desk:
        expected = [t.id for t in desk.tickets.list(page_size=10)]
        raw = desk.with_raw_response.tickets.list(page_size=10)
        assert len(raw.http_responses) == 1 and raw.status_code == 200
        assert raw.http_response.request.url.params["limit"] == "10"
        tickets = raw.parse()
        assert raw.parse() is tickets
        assert [t.id for t in tickets] == expected and len(expected) == 25
        assert len(raw.http_responses) == 1  # the later pages are fetched, not recorded

        pages = desk.with_raw_response.tickets.pages(page_size=10).parse()
        assert [len(page.items) for page in pages] == [10, 10, 5]


def test_a_raw_list_async() -> None:
    sandbox = sandbox_of("routera", tickets=25)

    async def go() -> None:
        async with ticketkit.connect_async("routera", **sandbox.connect_options()) as desk:
            raw = await desk.with_raw_response.tickets.list(page_size=10)
            assert len(raw.http_responses) == 1 and raw.status_code == 200
            assert len([t async for t in raw.parse()]) == 25
            pages = (await desk.with_raw_response.tickets.pages(page_size=10)).parse()
            assert [len(page.items) async for page in pages] == [10, 10, 5]
            empty = await desk.with_raw_response.tickets.list(limit=0)
            assert empty.http_responses == () and [t async for t in empty.parse()] == []

    asyncio.run(go())


def test_a_list_that_sends_nothing_has_no_response() -> None:
    with ticketkit.connect("routera", token="t", transport=Recorder().transport) as desk:
        raw = desk.with_raw_response.tickets.list(limit=0)
    assert raw.http_responses == () and list(raw.parse()) == []
    with pytest.raises(ticketkit.TicketkitError, match="sent no request"):
        raw.http_response  # noqa: B018
    with pytest.raises(ticketkit.TicketkitError):
        raw.request_id  # noqa: B018
    assert "no request sent" in repr(raw)


def test_a_raw_list_whose_first_page_does_not_parse_raises_at_parse() -> None:
    page = {"data": [{**ROUTERA, "created_at": "not-a-date"}], "has_more": False, "next_cursor": None}
    script = Recorder().on("GET", "/tickets", ok(page))
    with sync_desk("routera", script) as desk:
        raw = desk.with_raw_response.tickets.list()
    assert raw.status_code == 200
    with pytest.raises(ticketkit.ResponseValidationError):
        raw.parse()


# -- the surface -------------------------------------------------------------------------------------------


def test_every_single_call_method_has_a_raw_twin_and_the_bulk_helpers_none() -> None:
    with sync_desk("routera", Recorder()) as desk:
        raw = desk.with_raw_response
        for group in ("tickets", "comments", "attachments"):
            resource, raw_resource = getattr(desk, group), getattr(raw, group)
            names = {n for n in dir(type(resource)) if not n.startswith("_") and callable(getattr(resource, n))}
            raw_names = {n for n in vars(raw_resource)}
            assert raw_names == names - {"get_many", "list_many"}, group
            for name in raw_names:  # the same parameters, as the usual method
                assert inspect.signature(getattr(raw_resource, name)) == inspect.signature(getattr(resource, name))


def test_the_async_raw_twins_are_awaitable() -> None:
    async def go() -> None:
        async with async_desk("routera", Recorder().on("GET", f"/tickets/{ROUTERA['id']}", ok(ROUTERA))) as desk:
            pending = desk.with_raw_response.tickets.get(ROUTERA["id"])
            assert inspect.isawaitable(pending)
            raw = await pending
            assert raw.parse().id == ROUTERA["id"] and raw.status_code == 200

    asyncio.run(go())


def test_a_raw_download_has_the_files_response(mode: str) -> None:
    sandbox = sandbox_of("intercom")
    with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
        attachment = next(a for t in desk.tickets.list() for c in desk.comments.list(t.id) for a in c.attachments)

    async def download(desk: Any) -> Any:
        return await desk.with_raw_response.attachments.download(attachment)

    action = (lambda d: d.with_raw_response.attachments.download(attachment)) if mode == "sync" else download
    raw = drive(mode, "intercom", action, **sandbox.connect_options())
    assert raw.status_code == 200 and raw.parse() == raw.http_response.content and raw.parse()


def test_responses_of_a_flaky_sandbox_are_all_there(mode: str, waits: list[float]) -> None:
    sandbox = sandbox_of("intercom")
    ticket_id = first_ticket_id(sandbox)
    transport = Flaky(sandbox.transport(), 503, 500)
    raw = drive(
        mode,
        "intercom",
        lambda d: d.with_raw_response.tickets.get(ticket_id),
        **{**sandbox.connect_options(), "transport": transport},
        max_retries=2,
    )
    assert [r.status_code for r in raw.http_responses] == [503, 500, 200]
    assert raw.request_id == raw.http_responses[-1].headers["x-request-id"]
