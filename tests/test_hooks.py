"""`connect(..., hooks=Hooks(...))` (issue 16, item 3): callbacks on each attempt, retry and rate-limit wait, in
order, sync and async; a hook that raises ends the call cleanly."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, async_desk, drive, ok, sync_desk
from flaky import Flaky
from support import load_fixture
from ticketkit import Hooks, RateLimitWaitEvent, RequestEvent, ResponseEvent, RetryEvent
from ticketkit.sandbox import Sandbox

ROUTERA: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
TID = ROUTERA["id"]
PATH = f"/tickets/{TID}"


class Log:
    """Every event, as a short tuple, in the order the hooks saw them."""

    def __init__(self) -> None:
        self.events: list[Any] = []
        self.raw: list[Any] = []

    def request(self, event: RequestEvent) -> None:
        self.raw.append(event)
        self.events.append(("request", event.operation, event.attempt, event.request.method, event.request.url.path))

    def response(self, event: ResponseEvent) -> None:
        self.raw.append(event)
        assert event.elapsed >= 0
        self.events.append(("response", event.operation, event.attempt, event.response.status_code))

    def retry(self, event: RetryEvent) -> None:
        self.raw.append(event)
        self.events.append(("retry", event.operation, event.attempt, event.reason, event.wait))

    def wait(self, event: RateLimitWaitEvent) -> None:
        self.raw.append(event)
        self.events.append(("rate_limit_wait", event.operation, event.status.limit, event.status.remaining))

    def hooks(self) -> Hooks:
        return Hooks(
            on_request=self.request, on_response=self.response, on_retry=self.retry, on_rate_limit_wait=self.wait
        )

    def async_hooks(self) -> Hooks:
        async def request(event: RequestEvent) -> None:
            await asyncio.sleep(0)
            self.request(event)

        async def response(event: ResponseEvent) -> None:
            await asyncio.sleep(0)
            self.response(event)

        async def retry(event: RetryEvent) -> None:
            self.retry(event)

        # A plain function beside async ones: an AsyncDesk takes both.
        return Hooks(on_request=request, on_response=response, on_retry=retry, on_rate_limit_wait=self.wait)


def test_a_retried_call_reports_each_attempt_and_the_retries_in_order(mode: str, waits: list[float]) -> None:
    log = Log()
    script = Recorder().on("GET", PATH, ok({}, status=503), ok({}, status=429, **{"Retry-After": "3"}), ok(ROUTERA))
    drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script, max_retries=2, hooks=log.hooks())
    backoff = waits[0]
    assert log.events == [
        ("request", "tickets.get", 1, "GET", PATH),
        ("response", "tickets.get", 1, 503),
        ("retry", "tickets.get", 1, "HTTP 503", backoff),
        ("request", "tickets.get", 2, "GET", PATH),
        ("response", "tickets.get", 2, 429),
        ("retry", "tickets.get", 2, "HTTP 429", 3.0),
        ("request", "tickets.get", 3, "GET", PATH),
        ("response", "tickets.get", 3, 200),
    ]
    assert waits == [backoff, 3.0]
    assert all(e.vendor == "routera" for e in log.raw)


def test_async_callbacks_are_awaited_in_the_same_order(waits: list[float]) -> None:
    log = Log()
    script = Recorder().on("GET", PATH, ok({}, status=502), ok(ROUTERA))

    async def go() -> None:
        async with async_desk("routera", script, max_retries=1, hooks=log.async_hooks()) as desk:
            await desk.tickets.get(TID)

    asyncio.run(go())
    assert [e[0] for e in log.events] == ["request", "response", "retry", "request", "response"]
    assert log.events[2][3] == "HTTP 502"


def test_a_connection_failure_is_a_retry_without_a_response(mode: str, waits: list[float]) -> None:
    log = Log()
    answers: list[Any] = [ok(ROUTERA)]

    def answer(request: httpx.Request) -> httpx.Response:
        if len(log.events) == 1:  # the first attempt: its connection fails
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=answers[0].json())

    drive(
        mode,
        "routera",
        lambda d: d.tickets.get(TID),
        transport=Recorder(answer=answer),
        max_retries=1,
        hooks=log.hooks(),
    )
    assert [e[0] for e in log.events] == ["request", "retry", "request", "response"]
    assert log.events[1][3] == "connection error (ConnectError)"


def test_a_rate_limited_call_reports_the_wait_and_the_budgets_state(mode: str, waits: list[float]) -> None:
    """The first answer says the window is spent for 5 s more: the next call waits for it, and says so."""
    log = Log()
    spent = {"RateLimit-Limit": "10", "RateLimit-Remaining": "0", "RateLimit-Reset": "5"}
    script = Recorder().on("GET", PATH, ok(ROUTERA, **spent), ok(ROUTERA))

    def twice(desk: Any) -> Any:
        if isinstance(desk, ticketkit.AsyncDesk):

            async def both() -> None:
                await desk.tickets.get(TID)
                await desk.tickets.get(TID)

            return both()
        desk.tickets.get(TID)
        return desk.tickets.get(TID)

    drive(mode, "routera", twice, transport=script, hooks=log.hooks())
    assert [e[0] for e in log.events] == ["request", "response", "rate_limit_wait", "request", "response"]
    assert log.events[2] == ("rate_limit_wait", "tickets.get", 10, 0)
    wait = next(e for e in log.raw if isinstance(e, RateLimitWaitEvent))
    assert 4.0 < wait.seconds <= 5.1 and waits == [wait.seconds]
    assert wait.status.requests == 1  # the budget's state when it held the request back


def test_hooks_see_a_sandbox_call_and_the_passthrough(mode: str, waits: list[float]) -> None:
    sandbox = Sandbox("intercom")
    log = Log()
    transport = Flaky(sandbox.transport(), 500)
    options = {**sandbox.connect_options(), "transport": transport, "max_retries": 1, "hooks": log.hooks()}
    drive(mode, "intercom", lambda d: d.request("GET", "/ticket_types"), **options)
    assert [e[0] for e in log.events] == ["request", "response", "retry", "request", "response"]
    assert {e[1] for e in log.events} == {"request"}
    assert log.raw[-1].response.status_code == 200


def test_the_request_a_hook_sees_has_no_authorization_yet(mode: str) -> None:
    """Authorization is added by the auth flow as the request is sent: the hook sees the request before."""
    seen: list[bool] = []
    hooks = Hooks(on_request=lambda e: seen.append("authorization" in e.request.headers))
    script = Recorder().on("GET", PATH, ok(ROUTERA))
    drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script, hooks=hooks)
    assert seen == [False] and script.seen[0].headers["authorization"] == "Bearer tok-123"


# -- a hook that raises ------------------------------------------------------------------------------------


class Boom(Exception):
    pass


def test_a_request_hook_that_raises_ends_the_call_before_sending(mode: str) -> None:
    def refuse(event: RequestEvent) -> None:
        raise Boom("no")

    script = Recorder().on("GET", PATH, ok(ROUTERA))
    with pytest.raises(Boom):
        drive(mode, "routera", lambda d: d.tickets.get(TID), transport=script, hooks=Hooks(on_request=refuse))
    assert script.requests == []


def test_a_response_hook_that_raises_is_not_retried_and_leaves_the_desk_usable() -> None:
    calls: list[int] = []

    def once(event: ResponseEvent) -> None:
        calls.append(event.response.status_code)
        if len(calls) == 1:
            raise Boom("first")

    script = Recorder().on("GET", PATH, ok(ROUTERA), ok(ROUTERA))
    with sync_desk("routera", script, max_retries=3, hooks=Hooks(on_response=once)) as desk:
        with pytest.raises(Boom):
            desk.tickets.get(TID)
        assert len(script.requests) == 1
        assert desk.tickets.get(TID).id == TID  # the desk goes on
        assert desk._options.budget is not None and desk._options.budget._in_flight == 0


def test_a_hook_that_raises_gives_the_rate_budgets_slot_back_async() -> None:
    async def refuse(event: RequestEvent) -> None:
        raise Boom("no")

    async def go() -> None:
        async with async_desk("routera", Recorder(answer=ok(ROUTERA)), hooks=Hooks(on_request=refuse)) as desk:
            with pytest.raises(Boom):
                await desk.tickets.get(TID)
            assert desk._options.budget is not None and desk._options.budget._in_flight == 0

    asyncio.run(go())


# -- what connect() accepts --------------------------------------------------------------------------------


def test_a_sync_desk_refuses_async_callbacks() -> None:
    async def hook(event: RequestEvent) -> None:
        pass

    class Callable:
        async def __call__(self, event: Any) -> None:
            pass

    for callback in (hook, Callable()):
        with pytest.raises(ticketkit.InvalidArgumentError, match=r"hooks\.on_request is async"):
            ticketkit.connect("routera", token="t", hooks=Hooks(on_request=callback))
    ticketkit.connect_async("routera", token="t", hooks=Hooks(on_request=hook))  # fine there


def test_a_sync_callback_returning_an_awaitable_is_refused_without_a_warning() -> None:
    async def later() -> None:
        pass

    script = Recorder(answer=ok(ROUTERA))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a coroutine left unawaited would warn
        with sync_desk("routera", script, hooks=Hooks(on_request=lambda e: later())) as desk:
            with pytest.raises(ticketkit.InvalidArgumentError, match="returned an awaitable"):
                desk.tickets.get(TID)
    assert script.requests == []


@pytest.mark.parametrize(
    ("hooks", "match"),
    [({"on_request": print}, "must be a ticketkit.Hooks"), (Hooks(on_retry=3), "hooks.on_retry must be callable")],  # type: ignore[arg-type]
)
def test_bad_hooks_are_refused(hooks: Any, match: str) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=match):
        ticketkit.connect("routera", token="t", hooks=hooks)


def test_no_hooks_no_events() -> None:
    script = Recorder().on("GET", PATH, ok(ROUTERA))
    with sync_desk("routera", script) as desk:
        assert desk._options.hooks is None
        desk.tickets.get(TID)
