"""Issue 14, items 1 and 2 on the sandbox's synthetic data set (`Sandbox(vendor, tickets=N, seed=S)`): resuming
in a new process, `updated_since` on the data set's ties, corrupt records and a vendor that under-reports its
total, on every vendor."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from typing import Any

import pytest
import ticketkit
from test_pages import VENDORS, child, ids, listing, served_options
from ticketkit.sandbox import Sandbox, serving

TICKETS = 250
PAGE_SIZE = 50
DATA = {"tickets": TICKETS, "seed": 11, "demo": False}


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_synthetic_listing_resumed_in_a_new_process_from_any_page(vendor: str, mode: str) -> None:
    """Stopped after page 1, 2 or 3 (or cut inside Tickiti's one page): the new process lists exactly the
    rest, and fetches only the pages after the one it resumes from."""
    with serving(vendor, **DATA) as sandbox:
        with ticketkit.connect(vendor, **served_options(sandbox)) as desk:
            whole = list(desk.tickets.pages(page_size=PAGE_SIZE))
            everything = ids(whole)
            assert sorted(everything) == sorted(set(everything)) and len(everything) == TICKETS
            stops = (1, 2, 3) if len(whole) > 3 else (None,)
            for stop in stops:
                if stop is None:  # Tickiti: one page; stop inside it
                    done = list(desk.tickets.pages(page_size=PAGE_SIZE, limit=120))
                else:
                    done = list(desk.tickets.pages(page_size=PAGE_SIZE, limit=stop * PAGE_SIZE))
                cursor = done[-1].cursor
                assert cursor is not None
                rest = child(mode, sandbox, page_size=PAGE_SIZE, cursor=cursor)
                assert ids(done) + rest["ids"] == everything
                if stop is not None:
                    assert len(done) + rest["pages"] <= len(whole) + 1  # at most the page cut short again


@pytest.mark.parametrize("vendor", VENDORS)
def test_updated_since_on_the_data_sets_ties(vendor: str, mode: str) -> None:
    """The data set's tickets come in blocks sharing one updated_at second: from any such second, the listing
    holds every ticket of the block and every later one, and nothing earlier."""
    options = Sandbox(vendor, **DATA).connect_options()
    everything = [t for page in listing(mode, options, vendor) for t in page.items]
    moments = sorted(t.updated_at for t in everything if t.updated_at)
    ties = [m for m, n in itertools.pairwise(moments) if m == n]
    tie = ties[len(ties) // 2]  # one in the middle: tickets before it and after it
    pages = listing(mode, options, vendor, updated_since=tie, page_size=PAGE_SIZE)
    expected = {t.id for t in everything if t.updated_at and t.updated_at >= tie}
    assert set(ids(pages)) == expected and len(ids(pages)) == len(expected)
    assert 0 < len(expected) < len(everything)
    assert sum(1 for t in everything if t.updated_at == tie) >= 2
    just_after = listing(mode, options, vendor, updated_since=tie + dt.timedelta(microseconds=1))
    assert set(ids(just_after)) == {t.id for t in everything if t.updated_at and t.updated_at > tie}


@pytest.mark.parametrize("vendor", VENDORS)
def test_corrupt_records_are_rejected_and_the_total_is_what_the_vendor_says(vendor: str, mode: str) -> None:
    """Two corrupt tickets and a vendor reporting 3 fewer than it holds: pages() yields the rest and the two
    rejected records; `total` is the vendor's own (under-reported) count where it reports one."""
    sandbox = Sandbox(vendor, **DATA, corrupt_tickets={5, 17}, total_shortfall=3)
    pages = listing(mode, sandbox.connect_options(), vendor, page_size=PAGE_SIZE)
    rejected = [record for page in pages for record in page.rejected]
    assert len(rejected) == 2 and all(record.id for record in rejected)
    assert len(ids(pages)) == TICKETS - 2
    assert not {record.id for record in rejected} & set(ids(pages))
    totals = {page.total for page in pages}
    if vendor in ("intercom", "ankra"):
        assert totals == {TICKETS - 3}
    else:
        assert totals == {None}
    with pytest.raises(ticketkit.ResponseValidationError, match="failed to parse"):
        _list_all(mode, sandbox, vendor)


def _list_all(mode: str, sandbox: Sandbox, vendor: str) -> list[Any]:
    """tickets.list() to the end."""
    if mode == "sync":
        with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
            return list(desk.tickets.list(page_size=PAGE_SIZE))

    async def go() -> list[Any]:
        async with ticketkit.connect_async(vendor, **sandbox.connect_options()) as desk:
            return [t async for t in desk.tickets.list(page_size=PAGE_SIZE)]

    return asyncio.run(go())
