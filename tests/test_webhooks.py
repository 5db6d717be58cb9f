"""Issue 16 item 5: `ticketkit.webhooks.verify_and_parse`, and the Intercom sandbox's signed notifications,
received end to end by a loopback receiver each test starts and stops.

Signatures here are computed with `hmac` in the test itself ("sha1=" + hex HMAC-SHA1 of the raw body, keyed
by the client secret, as Intercom's Signed Notifications document describes), never with the code under test.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, ok, sync_desk
from support import load_fixture
from ticketkit.pytest_plugin import ServerFactory
from ticketkit.sandbox import Sandbox
from ticketkit.webhooks import WebhookEvent, signature_headers, verify_and_parse

SECRET = "app-client-secret"
# A 2.16 ticket built from Intercom's official spec (see the fixture's `source`).
TICKET: dict[str, Any] = load_fixture("intercom/ticket-2.16.json")["value"]


def signed(body: bytes, secret: str = SECRET) -> dict[str, str]:
    return {"X-Hub-Signature": "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()}


def notification(item: Any = None, topic: str = "ticket.created", **changes: Any) -> bytes:
    event = {
        "type": "notification_event",
        "app_id": "a86dr8yl",
        "data": {"type": "notification_event_data", "item": TICKET if item is None else item},
        "id": "notif_78c122d0-23ba-11e4-9464-79b01267cc2e",
        "topic": topic,
        "created_at": 1_700_000_200,
        **changes,
    }
    return json.dumps(event).encode()


# -- verify_and_parse -------------------------------------------------------------------------------------------


def test_a_signed_ticket_notification_becomes_an_event_with_the_unified_ticket() -> None:
    body = notification()
    event = verify_and_parse("intercom", body, signed(body), SECRET)
    assert isinstance(event, WebhookEvent)
    assert (event.vendor, event.topic, event.ticket_id) == ("intercom", "ticket.created", "627")
    assert event.event_id == "notif_78c122d0-23ba-11e4-9464-79b01267cc2e"
    assert event.created_at is not None and event.created_at.timestamp() == 1_700_000_200
    assert event.payload == json.loads(body)
    ticket = event.ticket
    assert isinstance(ticket, ticketkit.Ticket)
    assert (ticket.id, ticket.number, ticket.subject, ticket.description) == (
        "627",
        "34",
        "example",
        "there is a problem",
    )
    assert ticket.raw == TICKET
    # The same Ticket a desk reads from the same body: one normaliser.
    with sync_desk("intercom", Recorder(answer=ok(TICKET))) as desk:
        assert ticket == desk.tickets.get("627")
    with pytest.raises(AttributeError):
        event.topic = "x"  # type: ignore[misc]


def test_str_bodies_any_header_case_and_every_kind_of_headers_are_taken() -> None:
    body = notification()
    signature = signed(body)["X-Hub-Signature"]
    message = Message()  # what http.server gives a handler as self.headers
    message["X-HUB-SIGNATURE"] = signature
    for headers in (
        {"x-hub-signature": signature},
        {"X-Hub-Signature": signature.upper().replace("SHA1=", "sha1=")},  # hex digits in capitals
        [("Content-Type", "application/json"), ("X-Hub-SIGNATURE", signature)],
        httpx.Headers({"x-hub-signature": signature}),
        message,
    ):
        assert verify_and_parse("intercom", body.decode(), headers, SECRET).ticket_id == "627"
    assert verify_and_parse("INTERCOM", bytearray(body), {"x-hub-signature": signature}, SECRET.encode()).ticket


def test_signature_headers_are_what_intercom_sends() -> None:
    body = notification()
    assert signature_headers("intercom", body, SECRET) == signed(body)
    assert signature_headers("intercom", body.decode(), SECRET.encode()) == signed(body)


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "no X-Hub-Signature header"),
        ({"X-Hub-Signature": ""}, "does not match"),
        ({"X-Hub-Signature": "sha1=" + "0" * 40}, "does not match"),
        ({"X-Hub-Signature": "sha256=" + "0" * 64}, "does not match"),
        ({"X-Hub-Signature": "sha1=é"}, "does not match"),  # not ASCII: refused, not a TypeError
        ({"X-Signature": "sha1=" + "0" * 40}, "no X-Hub-Signature header"),
    ],
)
def test_a_missing_or_wrong_signature_is_refused(headers: dict[str, str], reason: str) -> None:
    with pytest.raises(ticketkit.WebhookVerificationError, match=reason) as refused:
        verify_and_parse("intercom", notification(), headers, SECRET)
    assert refused.value.vendor == "intercom" and isinstance(refused.value, ticketkit.TicketkitError)


def test_a_changed_body_the_wrong_secret_or_the_bare_digest_is_refused() -> None:
    body = notification()
    headers = signed(body)
    with pytest.raises(ticketkit.WebhookVerificationError, match="does not match"):
        verify_and_parse("intercom", body.replace(b"example", b"sample"), headers, SECRET)
    with pytest.raises(ticketkit.WebhookVerificationError, match="does not match"):
        verify_and_parse("intercom", body, headers, "another-secret")
    with pytest.raises(ticketkit.WebhookVerificationError, match="does not match"):
        verify_and_parse("intercom", body, {"X-Hub-Signature": headers["X-Hub-Signature"][5:]}, SECRET)
    # Parsed and dumped again, the same JSON is other bytes: the signature covers the bytes as sent.
    with pytest.raises(ticketkit.WebhookVerificationError, match="does not match"):
        verify_and_parse("intercom", json.dumps(json.loads(body), indent=1), headers, SECRET)


def test_one_header_given_twice_with_different_values_is_refused() -> None:
    body = notification()
    pairs = [("X-Hub-Signature", signed(body)["X-Hub-Signature"]), ("x-hub-signature", "sha1=" + "0" * 40)]
    with pytest.raises(ticketkit.WebhookVerificationError, match="given twice"):
        verify_and_parse("intercom", body, pairs, SECRET)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "the body is not JSON"),
        (b"\xff\xfe", "the body is not JSON"),
        (b"[1, 2]", "JSON but not an object"),
        (b'{"type": "event_callback", "event": {}}', "type is 'event_callback', not 'notification_event'"),
        (b'{"topic": "ticket.created", "data": {"item": {}}}', "type is None"),
        (b'{"type": "notification_event", "data": {"item": {}}}', "no topic or no data.item"),
        (b'{"type": "notification_event", "topic": "ticket.created", "data": {}}', "no topic or no data.item"),
        (b'{"type": "notification_event", "topic": "ticket.created", "data": []}', "no topic or no data.item"),
        (b'{"type": "notification_event", "topic": "", "data": {"item": {}}}', "no topic or no data.item"),
        ((b"[" * 200) + (b"]" * 200), "not JSON"),  # nested past the project's limit
    ],
)
def test_a_signed_body_that_is_not_an_intercom_notification_is_refused(body: bytes, reason: str) -> None:
    with pytest.raises(ticketkit.WebhookVerificationError, match=reason):
        verify_and_parse("intercom", body, signed(body), SECRET)


@pytest.mark.parametrize(
    "item",
    [
        {"type": "ticket"},
        {**TICKET, "id": None},
        {**TICKET, "ticket_attributes": "title"},
        {**TICKET, "created_at": "yesterday"},
    ],
)
def test_a_ticket_the_adapter_cannot_read_is_refused_with_the_reason(item: dict[str, Any]) -> None:
    body = notification(item)
    with pytest.raises(ticketkit.WebhookVerificationError, match="the payload's ticket cannot be read"):
        verify_and_parse("intercom", body, signed(body), SECRET)


def test_a_topic_about_something_else_has_no_ticket() -> None:
    contact = {"type": "contact", "id": "530370b477ad7120001d", "name": "Hoban Washburne"}
    body = notification(contact, topic="contact.created", created_at="not a time")
    event = verify_and_parse("intercom", body, signed(body), SECRET)
    assert (event.topic, event.ticket, event.ticket_id, event.created_at) == ("contact.created", None, None, None)
    assert event.payload["data"]["item"] == contact


@pytest.mark.parametrize("vendor", ["routera", "tickiti", "ankra"])
def test_vendors_whose_documents_describe_no_webhooks_say_so(vendor: str) -> None:
    with pytest.raises(ticketkit.UnsupportedOperationError, match=f"{vendor} does not support signed webhooks"):
        verify_and_parse(vendor, b"{}", {}, SECRET)
    with pytest.raises(ticketkit.UnsupportedOperationError):
        signature_headers(vendor, b"{}", SECRET)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("zendesk", b"{}", {}, SECRET), "unknown vendor 'zendesk'"),
        ((None, b"{}", {}, SECRET), "unknown vendor None"),
        (("intercom", b"{}", {}, ""), "secret is empty"),
        (("intercom", {"type": "notification_event"}, {}, SECRET), "body must be bytes or str, not dict"),
        (("intercom", b"{}", {}, 42), "secret must be bytes or str, not int"),
        (("intercom", b"{}", "X-Hub-Signature: sha1=0", SECRET), "headers must be a mapping"),
        (("intercom", b"{}", 42, SECRET), "headers must be a mapping"),
        (("intercom", b"{}", [("X-Hub-Signature",)], SECRET), "a header must be a \\(name, value\\) pair"),
        (("intercom", b"{}", {"X-Hub-Signature": 1}, SECRET), "a header must be a \\(name, value\\) pair"),
    ],
)
def test_caller_mistakes_are_invalid_arguments(arguments: tuple[Any, ...], message: str) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=message):
        verify_and_parse(*arguments)


# -- the sandbox's notifications, received on loopback --------------------------------------------------------------


class Receiver:
    """An http.server on 127.0.0.1 that verifies each notification with verify_and_parse: 200 and the event
    kept, or 401 and the error kept. `hold` (an Event) makes each request wait until it is set."""

    def __init__(self, secret: str = SECRET, hold: threading.Event | None = None) -> None:
        self.events: list[WebhookEvent] = []
        self.refused: list[ticketkit.WebhookVerificationError] = []
        self.arrived = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.arrived.set()
                if hold is not None:
                    hold.wait(30)
                try:
                    receiver.events.append(verify_and_parse("intercom", body, self.headers, secret))
                    status = 200
                except ticketkit.WebhookVerificationError as exc:
                    receiver.refused.append(exc)
                    status = 401
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/intercom/webhooks"

    @property
    def topics(self) -> list[str]:
        return [event.topic for event in self.events]


@contextmanager
def receiving(secret: str = SECRET, hold: threading.Event | None = None) -> Iterator[Receiver]:
    receiver = Receiver(secret, hold)
    thread = threading.Thread(target=receiver.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
        thread.join()


def webhook_sandbox(url: str, **options: Any) -> Sandbox:
    return Sandbox("intercom", webhook_url=url, webhook_secret=SECRET, **options)


def reply_as_contact(sandbox: Sandbox, ticket_id: str, email: str) -> None:
    """A contact's reply (the unified desk replies as an admin), straight to the sandbox."""
    headers = {"Authorization": f"Bearer {sandbox.app.token}"}
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers) as http:
        body = {"message_type": "comment", "type": "user", "email": email, "body": "Still on fire"}
        assert http.post(f"/tickets/{ticket_id}/reply", json=body).status_code == 200


def test_a_sync_desks_changes_reach_the_receiver_signed_in_order_with_the_same_ticket() -> None:
    with receiving() as receiver:
        sandbox = webhook_sandbox(receiver.url)
        with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
            ticket = desk.tickets.create(subject="Printer", description="On fire", requester_email="a@example.com")
            sandbox.flush_webhooks()
            assert receiver.events[-1].ticket == desk.tickets.get(ticket.id)  # what a desk reads, exactly
            desk.tickets.update(ticket.id, status="in_progress", subject="Printer, still")
            desk.comments.create(ticket.id, body="Looking", internal=True)
            desk.comments.create(ticket.id, body="On our way")
            reply_as_contact(sandbox, ticket.id, "a@example.com")
            deliveries = sandbox.flush_webhooks()
            latest = desk.tickets.get(ticket.id)
    assert receiver.refused == []
    assert receiver.topics == [
        "ticket.created",
        "ticket.attribute.updated",
        "ticket.state.updated",
        "ticket.note.created",
        "ticket.admin.replied",
        "ticket.contact.replied",
    ]
    assert {event.ticket_id for event in receiver.events} == {ticket.id}
    assert receiver.events[-1].ticket == latest
    assert receiver.events[1].ticket is not None and receiver.events[1].ticket.subject == "Printer, still"
    assert [(d.topic, d.status, d.error) for d in deliveries] == [(t, 200, None) for t in receiver.topics]
    assert all(d.headers["User-Agent"] == "intercom-parrot-service-client/1.0" for d in deliveries)
    assert len({event.event_id for event in receiver.events}) == len(receiver.events)


def test_an_async_desks_changes_reach_the_receiver_too() -> None:
    with receiving() as receiver:
        sandbox = webhook_sandbox(receiver.url)

        async def go() -> tuple[str, ticketkit.Ticket]:
            async with ticketkit.connect_async("intercom", **sandbox.connect_options()) as desk:
                ticket = await desk.tickets.create(subject="Async", description="x", requester_email="a@example.com")
                await desk.tickets.update(ticket.id, status="resolved")
                await asyncio.to_thread(sandbox.flush_webhooks)
                resolved = await desk.tickets.get(ticket.id)
                await desk.tickets.close(ticket.id)  # `open: false`: Intercom documents no topic for it
                await asyncio.to_thread(sandbox.flush_webhooks)
                return ticket.id, resolved

        ticket_id, resolved = asyncio.run(go())
    assert receiver.topics == ["ticket.created", "ticket.state.updated"]
    assert receiver.events[-1].ticket == resolved and resolved.status is ticketkit.TicketStatus.RESOLVED
    assert receiver.events[-1].ticket_id == ticket_id


def test_assignments_send_admin_and_team_topics_and_a_refused_update_sends_none() -> None:
    with receiving() as receiver:
        sandbox = webhook_sandbox(receiver.url, api_version="2.11")
        headers = {"Authorization": f"Bearer {sandbox.app.token}", "Intercom-Version": "2.11"}
        admin = sandbox.app.connect_options()["admin_id"]
        team = next(iter(sandbox.app.store.teams))
        with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers) as http:
            put = lambda body: http.put("/tickets/611", json=body).status_code  # noqa: E731
            assert put({"assignment": {"admin_id": admin, "assignee_id": admin}}) == 200
            assert put({"assignment": {"admin_id": admin, "assignee_id": team}}) == 200
            assert put({"assignment": {"admin_id": admin, "assignee_id": "0"}}) == 200  # unassigned: no topic
            assert put({"state": "submitted"}) == 400  # refused: nothing changed, nothing sent
            assert put({"is_shared": True}) == 200  # no documented topic
        with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:  # a 2.11 desk
            desk.tickets.update("612", status="in_progress")
            sandbox.flush_webhooks()
            assert receiver.events[-1].ticket == desk.tickets.get("612")
    assert receiver.topics == ["ticket.admin.assigned", "ticket.team.assigned", "ticket.state.updated"]
    first = receiver.events[0].ticket
    assert first is not None and first.assignee is not None and first.assignee.id == admin
    # In the app's version (2.11 here): the state as a string, as a 2.11 desk reads it.
    assert isinstance(receiver.events[0].payload["data"]["item"]["ticket_state"], str)


def test_a_receiver_with_another_secret_refuses_every_notification() -> None:
    with receiving(secret="not-the-apps-secret") as receiver:
        sandbox = webhook_sandbox(receiver.url)
        with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
            desk.tickets.create(subject="x", description="y", requester_email="a@example.com")
        deliveries = sandbox.flush_webhooks()
    assert receiver.events == [] and [d.status for d in deliveries] == [401]
    assert "does not match" in str(receiver.refused[0])


def test_a_receiver_that_is_down_is_logged_not_raised_into_the_api_call(caplog: pytest.LogCaptureFixture) -> None:
    with receiving() as receiver:
        url = receiver.url
    sandbox = webhook_sandbox(url)  # nothing listens there any more
    with caplog.at_level(logging.WARNING, logger="ticketkit.sandbox"):
        with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
            ticket = desk.tickets.create(subject="x", description="y", requester_email="a@example.com")
            assert desk.tickets.get(ticket.id).subject == "x"
        [delivery] = sandbox.flush_webhooks()
    assert delivery.status is None and delivery.error is not None and "ConnectError" in delivery.error
    assert f"sandbox webhook ticket.created to {url} failed: ConnectError" in caplog.text


def test_a_slow_receiver_does_not_hold_the_api_call_and_flush_waits_for_it() -> None:
    hold = threading.Event()
    with receiving(hold=hold) as receiver:
        sandbox = webhook_sandbox(receiver.url)
        with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
            desk.tickets.create(subject="x", description="y", requester_email="a@example.com")
            assert receiver.arrived.wait(30)  # the receiver has the notification and is holding it...
            ticket = desk.tickets.create(subject="second", description="y", requester_email="a@example.com")
            assert ticket.subject == "second"  # ...and the API still answers
            with pytest.raises(TimeoutError, match=r"2 notification\(s\) to .* still undelivered"):
                sandbox.flush_webhooks(timeout=0.05)
            hold.set()
            deliveries = sandbox.flush_webhooks()
    assert [d.status for d in deliveries] == [200, 200] and receiver.topics == ["ticket.created"] * 2


def test_a_receiver_that_answers_an_error_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with receiving(secret="wrong") as receiver:
        sandbox = webhook_sandbox(receiver.url)
        with caplog.at_level(logging.WARNING, logger="ticketkit.sandbox"):
            with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
                desk.comments.create("611", body="hello")
            sandbox.flush_webhooks()
    assert "sandbox webhook ticket.admin.replied" in caplog.text and "answered 401" in caplog.text


def test_a_served_sandbox_sends_them_too(ticketkit_server: ServerFactory) -> None:
    with receiving() as receiver:
        served = ticketkit_server("intercom", webhook_url=receiver.url, webhook_secret=SECRET)
        with ticketkit.connect("intercom", **served.connect_options()) as desk:
            desk.tickets.update("611", status="resolved")
            served.sandbox.flush_webhooks()
            assert receiver.events[-1].ticket == desk.tickets.get("611")
    assert receiver.topics == ["ticket.state.updated"]


def test_webhook_options_are_checked_and_a_sandbox_without_them_sends_nothing() -> None:
    with pytest.raises(ValueError, match="webhook_secret is required"):
        Sandbox("intercom", webhook_url="http://127.0.0.1:9/hook")
    with pytest.raises(ValueError, match="webhook_secret needs webhook_url"):
        Sandbox("intercom", webhook_secret=SECRET)
    with pytest.raises(ValueError, match="must be an http:// or https:// URL"):
        Sandbox("intercom", webhook_url="127.0.0.1:9/hook", webhook_secret=SECRET)
    with pytest.raises(TypeError):
        Sandbox("ankra", webhook_url="http://127.0.0.1:9/hook", webhook_secret=SECRET)  # Intercom's option only
    with pytest.raises(ValueError, match="this intercom sandbox sends no webhooks"):
        Sandbox("intercom").flush_webhooks()
