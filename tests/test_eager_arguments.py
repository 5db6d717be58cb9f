"""Every argument is checked at the call, before any request (issue 13, item 2).

Before, `tickets.list` checked what the vendor's plan checks (a status the vendor cannot list by, a search
option it cannot send) only at the first `next()`, when the first page was planned. Now every desk method
starts its plan at the call (`_engine.start`), so a mistake raises there, from the sync and the async desk
alike, and a list that is never iterated still refuses it. What a vendor supports is derived from the plans
its adapter defines, and a plan must be a generator function: both are checked here too.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
import ticketkit
from desk_support import DESK_OPTIONS, Recorder, drive
from ticketkit._adapter import Adapter, Plan
from ticketkit.vendors.ankra import AnkraAdapter
from ticketkit.vendors.intercom import IntercomAdapter
from ticketkit.vendors.routera import RouteraAdapter
from ticketkit.vendors.tickiti import TickitiAdapter
from ticketkit_models import Ticket

# (vendor, list keywords, what the error says): each refused by the vendor's plan, not by the unified checks.
VENDOR_LIST_MISTAKES = [
    ("ankra", {"status": "unknown"}, "none maps to UNKNOWN"),
    ("ankra", {"cluster_id": "not-a-uuid"}, "cluster_id must be a uuid"),
    ("tickiti", {"status": "resolved"}, "open or on_hold only"),
    ("tickiti", {"criteria": {"colour": "red"}}, "unknown search mode"),
    ("intercom", {"status": "unknown"}, "never unknown"),
    ("routera", {"properties": 5}, "properties must be a list"),
]
# (vendor, list keywords, what the error says): the unified checks.
UNIFIED_LIST_MISTAKES = [
    ("routera", {"status": "nope"}, "status must be a TicketStatus"),
    ("intercom", {"bogus": 1}, "unexpected keyword"),
    ("tickiti", {"page_size": 0}, "page_size must be a positive integer"),
    ("ankra", {"limit": -1}, "limit must be a non-negative integer"),
]


def call_only(mode: str, vendor: str, action: Callable[[Any], Any]) -> None:
    """`action(desk)` on a desk of `vendor` whose transport answers nothing: awaited, but never iterated."""
    recorder = Recorder()

    def not_iterated(desk: Any) -> Any:
        result = action(desk)
        return result if inspect.isawaitable(result) else None

    drive(mode, vendor, not_iterated, transport=recorder, **DESK_OPTIONS[vendor])
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("vendor", "keywords", "message"),
    VENDOR_LIST_MISTAKES + UNIFIED_LIST_MISTAKES,
    ids=[f"{v}-{'-'.join(k)}" for v, k, _ in VENDOR_LIST_MISTAKES + UNIFIED_LIST_MISTAKES],
)
def test_a_list_refuses_its_arguments_at_the_call_not_at_the_first_page(
    mode: str, vendor: str, keywords: dict[str, Any], message: str
) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=message):
        call_only(mode, vendor, lambda desk: desk.tickets.list(**keywords))


def test_a_write_refuses_the_vendors_arguments_before_its_coroutine_sends(mode: str) -> None:
    """An async method is a coroutine: its checks run when it is awaited, still before any request."""
    recorder = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match="open or on_hold"):
        drive(
            mode,
            "tickiti",
            lambda desk: desk.tickets.update("220009", status="closed"),
            transport=recorder,
            **DESK_OPTIONS["tickiti"],
        )
    assert recorder.requests == []


def test_an_unsupported_operation_is_refused_before_its_arguments_are_read(mode: str) -> None:
    with pytest.raises(ticketkit.UnsupportedOperationError, match=r"routera does not support comments\.create"):
        call_only(mode, "routera", lambda desk: desk.comments.create(42.5, body="", nonsense=object()))


# -- capabilities come from the plans -------------------------------------------------------------------


@pytest.mark.parametrize("adapter", [RouteraAdapter, IntercomAdapter, TickitiAdapter, AnkraAdapter])
def test_capabilities_are_the_plans_an_adapter_defines(adapter: type[Adapter]) -> None:
    defined = {
        operation
        for operation, method in ticketkit._adapter.OPERATIONS.items()
        if any(method in vars(klass) for klass in adapter.__mro__ if klass is not Adapter)
    }
    assert set(adapter.capabilities.supported) == defined


def test_a_new_plan_is_a_new_capability() -> None:
    class Closing(RouteraAdapter):
        def list_comments(self, ticket_id: str) -> Plan[list[Any]]:
            yield from ()
            return []

    assert "comments.list" in Closing.capabilities and "comments.list" not in RouteraAdapter.capabilities
    assert Closing.capabilities.supported[-1] == "comments.list"


def test_a_plan_that_is_not_a_generator_function_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="get_ticket must be a generator function"):

        class Eager(Adapter):
            vendor = "eager"

            def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
                return RouteraAdapter().get_ticket(ticket_id)
