"""The OpenTelemetry recipe (examples/opentelemetry_tracing.py, issue 16 item 3): the standard httpx
instrumentation gives one client span per attempt, and ticketkit's hooks put retries and rate-limit waits on
the caller's span as events; with opentelemetry-sdk's in-memory exporter, sync and async."""

from __future__ import annotations

import asyncio
import runpy
import sys
from typing import Any

import pytest
import ticketkit
from desk_support import Recorder, ok
from flaky import Flaky
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from support import REPO, load_fixture
from ticketkit.sandbox import Sandbox

sys.path.insert(0, str(REPO / "examples"))
import opentelemetry_tracing as recipe

ROUTERA: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]


@pytest.fixture
def tracing() -> tuple[TracerProvider, InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider, exporter


def status_of(span: Any) -> int:
    attributes = dict(span.attributes or {})
    return int(attributes.get("http.response.status_code", attributes.get("http.status_code", 0)))


def test_a_retried_call_gives_a_span_per_attempt_and_a_retry_event(
    tracing: tuple[TracerProvider, InMemorySpanExporter], waits: list[float]
) -> None:
    provider, exporter = tracing
    sandbox = Sandbox("intercom")
    options = {**sandbox.connect_options(), "transport": Flaky(sandbox.transport(), 503)}
    with ticketkit.connect("intercom", **options, max_retries=1, hooks=recipe.HOOKS) as desk:
        recipe.traced(desk, provider)
        with provider.get_tracer("test").start_as_current_span("triage"):
            tickets = list(desk.tickets.list(limit=2))
    assert len(tickets) == 2
    spans = exporter.get_finished_spans()
    [parent] = [s for s in spans if s.name == "triage"]
    http = [s for s in spans if s is not parent]
    assert [status_of(s) for s in http] == [503, 200]
    assert all(s.parent is not None and s.parent.span_id == parent.context.span_id for s in http)
    [event] = parent.events
    assert event.name == "ticketkit.retry"
    assert dict(event.attributes or {}) == {
        "ticketkit.vendor": "intercom",
        "ticketkit.operation": "tickets.list",
        "ticketkit.attempt": 1,
        "ticketkit.reason": "HTTP 503",
        "ticketkit.wait_seconds": waits[0],
    }


def test_a_rate_limit_wait_is_an_event_too(
    tracing: tuple[TracerProvider, InMemorySpanExporter], waits: list[float]
) -> None:
    provider, exporter = tracing
    spent = {"RateLimit-Limit": "5", "RateLimit-Remaining": "0", "RateLimit-Reset": "2"}
    script = Recorder().on("GET", f"/tickets/{ROUTERA['id']}", ok(ROUTERA, **spent), ok(ROUTERA))
    with ticketkit.connect("routera", token="t", transport=script.transport, hooks=recipe.HOOKS) as desk:
        recipe.traced(desk, provider)
        with provider.get_tracer("test").start_as_current_span("two gets"):
            desk.tickets.get(ROUTERA["id"])
            desk.tickets.get(ROUTERA["id"])
    [parent] = [s for s in exporter.get_finished_spans() if s.name == "two gets"]
    [event] = parent.events
    assert event.name == "ticketkit.rate_limit_wait"
    attributes = dict(event.attributes or {})
    assert attributes["ticketkit.remaining"] == 0 and attributes["ticketkit.wait_seconds"] == waits[0] > 1.0


def test_the_async_desk_with_async_instrumentation(
    tracing: tuple[TracerProvider, InMemorySpanExporter], waits: list[float]
) -> None:
    provider, exporter = tracing
    sandbox = Sandbox("intercom")
    options = {**sandbox.connect_options(), "transport": Flaky(sandbox.transport(), 502)}

    async def go() -> None:
        async with ticketkit.connect_async("intercom", **options, max_retries=1, hooks=recipe.HOOKS) as desk:
            HTTPXClientInstrumentor.instrument_client(desk.client.get_async_httpx_client(), tracer_provider=provider)
            with provider.get_tracer("test").start_as_current_span("async triage"):
                assert len([t async for t in desk.tickets.list(limit=1)]) == 1

    asyncio.run(go())
    spans = exporter.get_finished_spans()
    [parent] = [s for s in spans if s.name == "async triage"]
    assert [status_of(s) for s in spans if s is not parent] == [502, 200]
    assert [e.name for e in parent.events] == ["ticketkit.retry"]


def test_the_example_runs_as_a_script(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(REPO / "examples" / "opentelemetry_tracing.py"), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and lines[-1].startswith("triage") and "http" in lines[-2]
