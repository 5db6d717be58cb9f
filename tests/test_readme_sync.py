"""The README's bulk-sync example runs, unchanged, on every vendor: killed after any page and run again it
misses nothing, and the next run copies only what changed (a ticket written since, and the last second's ties)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import ticketkit
from support import REPO, VENDORS
from test_pages import new_ticket, touch
from ticketkit.sandbox import Sandbox

Sync = Callable[[ticketkit.Desk, Path, Callable[[list[ticketkit.Ticket]], None]], None]


class Killed(Exception):
    """Stands for the process dying while it stores a page."""


def readme_sync() -> Sync:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bulk sync", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None, "the README lost its bulk-sync example"
    namespace: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), namespace)
    sync: Sync = namespace["sync"]
    return sync


class Store:
    """An upsert target that can die after a chosen number of pages."""

    def __init__(self, die_after: int | None = None) -> None:
        self.tickets: dict[str, ticketkit.Ticket] = {}
        self.upserts: list[str] = []
        self.die_after = die_after
        self.pages = 0

    def __call__(self, tickets: list[ticketkit.Ticket]) -> None:
        if self.die_after is not None and self.pages == self.die_after:
            raise Killed
        self.pages += 1
        for ticket in tickets:
            self.tickets[ticket.id] = ticket
            self.upserts.append(ticket.id)


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_readme_sync_resumes_after_a_kill_and_then_copies_only_what_changed(vendor: str, tmp_path: Path) -> None:
    sync = readme_sync()
    sandbox = Sandbox(vendor, tickets=320, seed=3)  # several pages at every paged vendor's default size
    state = tmp_path / "state.json"
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        pages = list(desk.tickets.pages())
        everything = {t.id for page in pages for t in page.items}
        store = Store(die_after=len(pages) // 2)  # Tickiti lists in one page: it dies on that one
        with pytest.raises(Killed):
            sync(desk, state, store)
        store.die_after = None
        sync(desk, state, store)
        assert set(store.tickets) == everything
        assert len(store.upserts) == len(everything)  # resumed after the last page it saved: none twice

        changed = touch(desk, sorted(everything)[0])
        added = new_ticket(desk, 1)
        later = Store()
        sync(desk, state, later)
        assert {changed.id, added.id} <= set(later.tickets)
        assert len(later.tickets) < len(everything) / 2  # incremental, not everything again
