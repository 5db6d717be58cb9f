"""Tracing a desk with OpenTelemetry: the standard httpx instrumentation on the desk's own httpx client (one
client span per HTTP attempt, retries included), and ticketkit's retry and rate-limit events as span events on
the caller's span, through `hooks=`.

    pip install ticketkit opentelemetry-sdk opentelemetry-instrumentation-httpx
    python examples/opentelemetry_tracing.py

It runs against the in-process Intercom sandbox and prints the spans; with a real exporter (OTLP) in place of
the in-memory one, the same lines trace a real desk. tests/test_opentelemetry_recipe.py runs it.
"""

from __future__ import annotations

import ticketkit
from opentelemetry import trace
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter


def on_retry(event: ticketkit.RetryEvent) -> None:
    """A retry, as an event on the span the call runs in (the caller's)."""
    trace.get_current_span().add_event(
        "ticketkit.retry",
        {
            "ticketkit.vendor": event.vendor,
            "ticketkit.operation": event.operation,
            "ticketkit.attempt": event.attempt,
            "ticketkit.reason": event.reason,
            "ticketkit.wait_seconds": event.wait,
        },
    )


def on_rate_limit_wait(event: ticketkit.RateLimitWaitEvent) -> None:
    """A wait for the credential's rate budget, with what the vendor last said of the limit."""
    trace.get_current_span().add_event(
        "ticketkit.rate_limit_wait",
        {
            "ticketkit.vendor": event.vendor,
            "ticketkit.operation": event.operation,
            "ticketkit.wait_seconds": event.seconds,
            "ticketkit.remaining": -1 if event.status.remaining is None else event.status.remaining,
        },
    )


HOOKS = ticketkit.Hooks(on_retry=on_retry, on_rate_limit_wait=on_rate_limit_wait)


def traced(desk: ticketkit.Desk, provider: TracerProvider) -> None:
    """Instrument the desk's httpx client (the one its generated client shares) with the standard instrumentation."""
    HTTPXClientInstrumentor.instrument_client(desk.client.get_httpx_client(), tracer_provider=provider)


def main() -> None:
    from ticketkit.sandbox import Sandbox

    exporter = InMemorySpanExporter()  # in production: an OTLP exporter in a BatchSpanProcessor
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("helpdesk-report")

    with ticketkit.connect("intercom", **Sandbox("intercom").connect_options(), hooks=HOOKS) as desk:
        traced(desk, provider)
        with tracer.start_as_current_span("triage"):
            for ticket in desk.tickets.list(limit=3):
                print(ticket.id, ticket.subject)

    for span in exporter.get_finished_spans():
        print(span.name, dict(span.attributes or {}), [event.name for event in span.events])


if __name__ == "__main__":
    main()
