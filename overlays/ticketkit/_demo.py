"""`ticketkit demo`: the same unified calls against in-process sandboxes of every registered vendor."""

from __future__ import annotations

from typing import TextIO

from . import _registry as registry
from ._adapter import OPERATIONS as UNIFIED_OPERATIONS
from ._connect import connect
from ._desk import Desk
from ._errors import TicketkitError
from ._output import table

SUBJECT = "Demo: the label printer is on fire"
DESCRIPTION = "Since this morning the label printer in bay 3 smokes when it starts. Please advise."
REQUESTER = "marcus@trailblazers-club.example"
OPERATIONS = len(UNIFIED_OPERATIONS)  # every operation of the unified interface


def _round_trip(desk: Desk) -> tuple[str, ...]:
    """create → comment → get → list → close, each where the vendor can; one row of the comparison."""
    can = desk.capabilities
    created = desk.tickets.create(subject=SUBJECT, description=DESCRIPTION, requester_email=_requester(desk))
    commented = "comments.create" in can
    if commented:
        desk.comments.create(created.id, body="Thanks, we are sending a technician.")
    again = desk.tickets.get(created.id)
    thread = "n/a" if again.comments is None else str(len(again.comments))
    listed = sum(1 for _ in desk.tickets.list(limit=100))
    closed = desk.tickets.close(created.id).status.value if "tickets.close" in can else "unsupported"
    return (
        desk.vendor,
        created.id,
        created.status.value,
        "yes" if commented else "unsupported",
        thread,
        str(listed),
        closed,
        f"{len(can.supported)}/{OPERATIONS}",
    )


def _requester(desk: Desk) -> str | None:
    # Routera and Ankra tickets have no requester; Intercom and Tickiti need one (the registry says which).
    return REQUESTER if registry.get(desk.vendor).takes_requester else None


def run_demo(out: TextIO) -> int:
    from .sandbox import Sandbox

    rows: list[tuple[str, ...]] = [
        ("vendor", "created id", "status", "comment", "thread on read", "listed", "closed", "operations")
    ]
    failures = 0
    for entry in registry.vendors():
        vendor = entry.name
        sandbox = Sandbox(vendor)
        try:
            with connect(vendor, **sandbox.connect_options(), **entry.demo_options) as desk:
                rows.append(_round_trip(desk))
        except TicketkitError as exc:
            failures += 1
            rows.append((vendor, f"failed: {exc}", "", "", "", "", "", ""))
    print(f"One script, {_count(len(rows) - 1)} helpdesks (in-process sandboxes, no network):\n", file=out)
    table(rows, out)
    return 1 if failures else 0


def _count(number: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return words[number] if number < len(words) else str(number)
