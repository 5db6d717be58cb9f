"""The sandbox at scale: `Sandbox(vendor, tickets=N, seed=S)`, lazily generated, with server-side filters,
totals (and `total_shortfall`), `corrupt_tickets`, and memory that does not grow with N.

Listing orders (each fake's module says which and why): Routera and Intercom oldest first (index order),
Ankra and Tickiti newest first. No test here times anything: the per-page latency at 100,000 tickets is
measured by hand and reported, not asserted.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import textwrap
from typing import Any

import httpx
import pytest
import ticketkit
from loopback import cli_serving
from support import VENDORS
from ticketkit import _registry as registry
from ticketkit.sandbox import Sandbox
from ticketkit.sandbox._synthetic import (
    TIE,
    YEAR,
    LazyTickets,
    Listing,
    Residues,
    ScanListing,
    Timeline,
)

OLDEST_FIRST = {"routera", "intercom"}  # the others list newest first
INTERCOM_AUTH = {"Authorization": "Bearer sandbox-token"}


def desk(sandbox: Sandbox, **options: Any) -> ticketkit.Desk:
    entry = registry.get(sandbox.vendor)
    return ticketkit.connect(sandbox.vendor, **sandbox.connect_options(), **entry.demo_options, **options)


def listed(sandbox: Sandbox, **options: Any) -> list[ticketkit.Ticket]:
    with desk(sandbox) as open_desk:
        return list(open_desk.tickets.list(**options))


def raw(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url)


# -- the timeline ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2, 3, 10, 1000, 100_000, 10_000_000])
def test_times_grow_with_the_index_stay_in_the_past_year_and_tie_in_blocks(count: int) -> None:
    timeline = Timeline(count, seed=5, end=1_800_000_000)
    sample = sorted(
        {
            *range(min(count, 300)),
            *range(max(0, count - 300), count),
            *random.Random(1).sample(range(count), min(count, 300)),
        }
    )
    created = [timeline.created(i) for i in sample]
    updated = [timeline.updated(i) for i in sample]
    assert all(timeline.start <= c <= u <= timeline.end for c, u in zip(created, updated, strict=True))
    assert created == sorted(created) and updated == sorted(updated)
    if count >= TIE:
        assert timeline.updated(0) == timeline.updated(TIE - 1) and timeline.created(0) == timeline.created(TIE - 1)
    if 1000 <= count <= 100_000:  # updates come less than one block's spacing after creation
        lags = {timeline.updated(i) - timeline.created(i) for i in sample}
        assert 0 in lags and len(lags) > 10  # some never updated, most updated after a while


def test_the_bisections_find_the_first_ticket_at_or_after_a_moment() -> None:
    timeline = Timeline(5000, seed=2, end=1_800_000_000)
    for moment in [
        timeline.start - 1,
        timeline.start,
        *random.Random(3).sample(range(timeline.start, timeline.end), 50),
        timeline.end + 1,
    ]:
        expected = next((i for i in range(5000) if timeline.updated(i) >= moment), 5000)
        assert timeline.first_updated_at_least(moment) == expected
        expected_after = next((i for i in range(5000) if timeline.updated(i) > moment), 5000)
        assert timeline.first_updated_after(moment) == expected_after


# -- residues and listings against brute force ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(20))
def test_residues_count_and_walk_like_a_filter(seed: int) -> None:
    rng = random.Random(seed)
    period = rng.randint(1, 12)
    residues = Residues(period, frozenset(rng.sample(range(period), rng.randint(1, period))))
    low, high = sorted(rng.sample(range(200), 2))
    allowed = [i for i in range(low, 400) if i % period in residues.allowed]
    assert residues.count(low, high) == sum(1 for i in allowed if i < high)
    for n in range(min(20, len(allowed))):
        assert residues.nth(low, n) == allowed[n]


@pytest.mark.parametrize("seed", range(40))
def test_a_listing_pages_like_the_filtered_list_it_stands_for(seed: int) -> None:
    """Random writes, deletes and creations, then every page of a narrowed listing against a plain filter.

    Ticket `i` is `{"n": i}`; the filter keeps `low <= n < high` with `n % period` allowed, which the listing's
    range and residues express for unchanged tickets, and `keep` decides for changed and created ones."""
    rng = random.Random(seed)
    count = rng.randint(0, 60)
    store: LazyTickets[dict[str, Any]] = LazyTickets(count, lambda i: {"id": str(i), "n": i}, str, _int_or_none)
    for _ in range(rng.randint(0, 12)):
        action = rng.choice(["change", "delete", "create"])
        if action == "create" or count == 0:
            key = f"new-{rng.random()}"
            store[key] = {"id": key, "n": rng.randrange(70)}
            continue
        key = str(rng.randrange(count))
        if key not in store:
            continue
        if action == "delete":
            del store[key]
        else:
            store[key]["n"] = rng.randrange(70)  # may move it into or out of the range
            store.settle()
    period = rng.randint(1, 4)
    residues = Residues(period, frozenset(rng.sample(range(period), rng.randint(1, period))))
    low, high = sorted(rng.choices(range(count + 2), k=2))

    def keep(ticket: dict[str, Any]) -> bool:
        return low <= ticket["n"] < high and ticket["n"] % period in residues.allowed

    synthetic = [store[str(i)] for i in range(count) if str(i) in store]
    in_order = synthetic + store.created()
    expected = [t["id"] for t in in_order if keep(t)]
    listing = Listing(store, keep, low, high, residues)
    assert len(listing) == len(expected)
    for offset in range(len(expected) + 2):
        limit = rng.randint(1, 5)
        assert [t["id"] for t in listing.page(offset, limit)] == expected[offset : offset + limit]
        assert [t["id"] for t in listing.page_from_end(offset, limit)] == expected[::-1][offset : offset + limit]
    for below in range(count + 1):
        assert listing.synthetic_count(below) == sum(1 for t in synthetic if keep(t) and int(t["id"]) < below)
    scanned = ScanListing(store, keep)
    assert [t["id"] for t in scanned.items()] == expected and len(scanned) == len(expected)


def _int_or_none(key: Any) -> int | None:
    return int(key) if isinstance(key, str) and key.isdigit() else None


# -- every vendor -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_ticket_is_listed_once_in_the_documented_order(vendor: str) -> None:
    tickets = listed(Sandbox(vendor, tickets=250, seed=4))
    assert len(tickets) == len({t.id for t in tickets}) == 250
    times = [t.updated_at for t in tickets]
    assert times == (sorted(times) if vendor in OLDEST_FIRST else sorted(times, reverse=True))
    assert all(t.created_at <= t.updated_at for t in tickets)
    now = dt.datetime.now(dt.UTC)
    assert all(now - dt.timedelta(seconds=YEAR + 120) <= t.created_at <= now for t in tickets)
    assert len(times) - len(set(times)) >= 250 // TIE // 2  # ties on purpose


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_same_seed_gives_the_same_tickets_and_another_seed_others(vendor: str) -> None:
    def fingerprint(seed: int) -> list[tuple[str, str | None, str]]:
        return [(t.id, t.subject, t.status.value) for t in listed(Sandbox(vendor, tickets=40, seed=seed))]

    assert fingerprint(1) == fingerprint(1)
    assert fingerprint(1) != fingerprint(2)


# Routera's tickets have no threads (its API has no comments): it is left out, not skipped.
def _threaded(vendor: str) -> bool:
    with ticketkit.connect(vendor, **Sandbox(vendor, demo=False).connect_options()) as probe:
        return "comments.list" in probe.capabilities


THREADED = [v for v in VENDORS if _threaded(v)]


@pytest.mark.parametrize("vendor", THREADED)
def test_threads_have_zero_to_six_comments_and_some_attachments(vendor: str) -> None:
    sandbox = Sandbox(vendor, tickets=60, seed=9)
    with desk(sandbox) as open_desk:
        sizes = []
        files = 0
        for ticket in open_desk.tickets.list():
            thread = open_desk.comments.list(ticket.id)
            sizes.append(len(thread))
            files += sum(len(c.attachments) for c in thread) + len(open_desk.tickets.get(ticket.id).attachments)
    assert min(sizes) <= 1 and max(sizes) >= 5 and max(sizes) <= 7  # Intercom's first part records the state
    assert files > 0


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_write_sticks_and_a_created_ticket_joins_the_listing(vendor: str) -> None:
    sandbox = Sandbox(vendor, tickets=30, seed=1)
    entry = registry.get(vendor)
    before = [t.id for t in listed(sandbox)]
    with desk(sandbox) as open_desk:
        if "comments.create" in open_desk.capabilities:
            open_desk.comments.create(before[3], body="This reply is kept beside the synthetic data.")
            assert "kept beside" in (open_desk.comments.list(before[3])[-1].body_text or "")
        created = open_desk.tickets.create(
            subject="Created at scale",
            description="The printer on the third floor has been on fire since Monday morning.",
            requester_email="requester@example.com" if entry.takes_requester else None,
        )
    after = [t.id for t in listed(sandbox)]
    assert sorted(after) == sorted([*before, created.id])
    if vendor == "tickiti":  # most recently updated first: the reply and the new ticket, in the same second or not
        assert set(after[:2]) == {before[3], created.id}
    else:  # by creation: the new ticket is the newest
        assert after[-1 if vendor in OLDEST_FIRST else 0] == created.id


@pytest.mark.parametrize("vendor", VENDORS)
def test_corrupt_tickets_break_the_spec_in_lists_and_gets(vendor: str) -> None:
    clean = Sandbox(vendor, tickets=20, seed=1)
    victim = listed(clean)[4].id
    by_id = victim if vendor != "tickiti" else listed(clean)[4].raw["number"]
    for corrupt in ({7}, {str(by_id)}):
        sandbox = Sandbox(vendor, tickets=20, seed=1, corrupt_tickets=corrupt)
        with desk(sandbox) as open_desk, pytest.raises(ticketkit.ResponseValidationError):
            list(open_desk.tickets.list())
    with desk(Sandbox(vendor, tickets=20, seed=1, corrupt_tickets={str(by_id)})) as open_desk:
        with pytest.raises(ticketkit.ResponseValidationError):
            open_desk.tickets.get(victim)
        assert open_desk.tickets.get(listed(clean)[5].id).id == listed(clean)[5].id


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize(
    "options",
    [
        {"tickets": -1},
        {"tickets": True},
        {"tickets": 5, "seed": "x"},
        {"total_shortfall": -1},
        {"corrupt_tickets": {1}},
        {"tickets": 5, "corrupt_tickets": {5}},
        {"tickets": 5, "corrupt_tickets": {"no-such-id"}},
    ],
)
def test_impossible_data_sets_are_refused(vendor: str, options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Sandbox(vendor, **options)


def test_a_fake_without_a_synthetic_data_set_says_so() -> None:
    from ticketkit.sandbox._app import App

    class Bare(App):
        vendor = "bare"

    with pytest.raises(ValueError, match="no synthetic data set"):
        Bare("t", "https://bare.test").use_synthetic(None)  # type: ignore[arg-type]


def test_demo_tickets_come_only_without_a_data_set_unless_asked() -> None:
    assert len(listed(Sandbox("ankra"))) > 0
    assert len(listed(Sandbox("ankra", demo=False))) == 0
    assert len(listed(Sandbox("ankra", tickets=5))) == 5
    assert len(listed(Sandbox("ankra", tickets=5, demo=True))) > 5


# -- totals ---------------------------------------------------------------------------------------------------------


def _intercom_search(http: httpx.Client, query: dict[str, Any], per_page: int = 50, after: str | None = None) -> Any:
    pagination: dict[str, Any] = {"per_page": per_page}
    if after is not None:
        pagination["starting_after"] = after
    response = http.post("/tickets/search", headers=INTERCOM_AUTH, json={"query": query, "pagination": pagination})
    assert response.status_code == 200, response.text
    return response.json()


ALL = {"field": "created_at", "operator": ">", "value": 0}


def reported_totals(sandbox: Sandbox) -> int:
    with raw(sandbox) as http:
        if sandbox.vendor == "intercom":
            return int(_intercom_search(http, ALL)["total_count"])
        if sandbox.vendor == "ankra":
            response = http.get("/api/v1/org/support/tickets", headers=INTERCOM_AUTH)
            return int(response.json()["pagination"]["total_count"])
        token = sandbox.app.token
        response = http.get("/tickets", headers={"Authorization": f"Bearer {token}"})
        return int(response.json()["pagination"]["count"])


@pytest.mark.parametrize("vendor", ["routera", "intercom", "ankra"])  # Tickiti's list reports no total
@pytest.mark.parametrize(("tickets", "demo"), [(500, None), (None, True)])
def test_totals_are_true_and_the_shortfall_under_reports(vendor: str, tickets: int | None, demo: bool | None) -> None:
    honest = Sandbox(vendor, tickets=tickets, demo=demo)
    true_total = len(listed(honest))
    assert reported_totals(honest) == true_total
    assert reported_totals(Sandbox(vendor, tickets=tickets, demo=demo, total_shortfall=3)) == true_total - 3
    assert len(listed(Sandbox(vendor, tickets=tickets, demo=demo, total_shortfall=3))) == true_total  # all listed


# -- server-side filters ---------------------------------------------------------------------------------------------


def _all_intercom(http: httpx.Client, query: dict[str, Any], per_page: int = 37) -> tuple[list[dict[str, Any]], int]:
    found, after, totals = [], None, set()
    while True:
        page = _intercom_search(http, query, per_page, after)
        found += page["tickets"]
        totals.add(page["total_count"])
        after = page["pages"].get("next", {}).get("starting_after")
        if after is None:
            assert len(totals) == 1
            return found, totals.pop()


def _intercom_queries(moment: int) -> list[dict[str, Any]]:
    updated = [{"field": "updated_at", "operator": op, "value": moment} for op in (">", "<", "=")]
    return [
        *updated,
        {"field": "created_at", "operator": ">=", "value": moment},
        {"field": "created_at", "operator": "<=", "value": moment},
        {"operator": "AND", "value": [updated[0], {"field": "state", "operator": "=", "value": "in_progress"}]},
        {"operator": "AND", "value": [updated[0], {"field": "open", "operator": "=", "value": True}, updated[1]]},
        {"operator": "OR", "value": [updated[0], {"field": "open", "operator": "=", "value": False}]},  # scanned
        {"field": "title", "operator": "~", "value": "export"},  # scanned
        {"field": "updated_at", "operator": "!=", "value": moment},  # scanned
    ]


def _matches(ticket: dict[str, Any], query: dict[str, Any]) -> bool:
    """A plain reading of the queries above, on a rendered ticket."""
    if "field" not in query:
        combine = all if query["operator"] == "AND" else any
        return combine(_matches(ticket, member) for member in query["value"])
    field, operator, value = query["field"], query["operator"], query["value"]
    actual = {
        "state": ticket["ticket_state"]["category"]
        if isinstance(ticket.get("ticket_state"), dict)
        else ticket.get("ticket_state"),
        "title": ticket["ticket_attributes"]["_default_title_"],
    }.get(field, ticket.get(field))
    if operator == "~":
        return value.lower() in actual.lower()
    return {
        ">": actual >= value,
        ">=": actual >= value,
        "<": actual <= value,
        "<=": actual <= value,
        "=": actual == value,
        "!=": actual != value,
    }[operator]


def test_intercom_searches_on_the_data_set_match_a_plain_filter_page_by_page() -> None:
    sandbox = Sandbox("intercom", tickets=400, seed=6)
    with raw(sandbox) as http:
        everything, total = _all_intercom(http, ALL, per_page=150)
        assert total == 400 and len(everything) == 400
        # Writes the overlay must account for: a reply moves updated_at, a deleted ticket goes.
        replied, deleted = everything[10]["id"], everything[20]["id"]
        body = {"message_type": "comment", "type": "admin", "admin_id": "991267829", "body": "moved"}
        assert http.post(f"/tickets/{replied}/reply", headers=INTERCOM_AUTH, json=body).status_code == 200
        assert http.delete(f"/tickets/{deleted}", headers=INTERCOM_AUTH).status_code == 200
        everything, total = _all_intercom(http, ALL, per_page=150)
        assert total == 399 and deleted not in {t["id"] for t in everything}
        moment = everything[200]["updated_at"]  # a time shared by a block of tickets (ties)
        for query in _intercom_queries(moment):
            found, total = _all_intercom(http, query)
            expected = [t["id"] for t in everything if _matches(t, query)]
            assert [t["id"] for t in found] == expected, query
            assert total == len(expected)


@pytest.mark.parametrize("days_back", [0, 1, 30, 400])
def test_tickiti_updated_from_answers_whole_utc_days(days_back: int) -> None:
    sandbox = Sandbox("tickiti", tickets=300, seed=2)
    day = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days_back)).date()
    criteria = {"search_object": {"criteria": [{"mode": "updated_from", "tokens": [day.isoformat()]}]}}
    token = sandbox.app.token
    with raw(sandbox) as http:
        every = http.post("/api/v1/tickets/query", headers={"Authorization": f"Bearer {token}"}, json={}).json()["data"]
        found = http.post("/api/v1/tickets/query", headers={"Authorization": f"Bearer {token}"}, json=criteria)
    expected = [t["id"] for t in every if dt.datetime.fromisoformat(t["updated_at"]).astimezone(dt.UTC).date() >= day]
    assert [t["id"] for t in found.json()["data"]] == expected


def test_intercom_synthetic_files_download() -> None:
    sandbox = Sandbox("intercom", tickets=60, seed=9)
    with desk(sandbox) as open_desk:
        attachment = next(
            a for t in open_desk.tickets.list() for c in open_desk.comments.list(t.id) for a in c.attachments
        )
        assert open_desk.attachments.download(attachment)[:4] in (b"\x89PNG", b"%PDF")


# -- memory --------------------------------------------------------------------------------------------------------

PROBE = textwrap.dedent(
    """
    import json, sys
    import httpx
    from ticketkit.sandbox import Sandbox

    def kib(field):
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))

    vendor, count = sys.argv[1], int(sys.argv[2])
    sandbox = Sandbox(vendor, tickets=0)
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = kib("VmHWM")
    sandbox = Sandbox(vendor, tickets=count, seed=1)
    headers = {"Authorization": "Bearer sandbox-token"}
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers) as http:
        for page in range(20):  # pages across the whole set, and the tickets on them
            if vendor == "intercom":
                since = sandbox.app.synthetic.timeline.start + page * 365 * 86400 // 20
                query = {"field": "updated_at", "operator": ">", "value": since}
                body = {"query": query, "pagination": {"per_page": 150}}
                rows = http.post("/tickets/search", json=body).json()["tickets"]
                for row in rows[:10]:
                    http.get("/tickets/" + row["id"])
            elif vendor == "ankra":
                position = 1 + page * max(1, count // 100 // 20)
                params = {"page": position, "page_size": 100}
                rows = http.get("/api/v1/org/support/tickets", params=params).json()["result"]
                for row in rows[:10]:
                    http.get("/api/v1/org/support/tickets/" + row["id"])
            else:
                offset = page * (count // 20)
                rows = http.get("/tickets", params={"offset": offset, "limit": 100}).json()["data"]
                for row in rows[:10]:
                    http.get("/tickets/" + row["id"])
    print(json.dumps({"peak_kib": kib("VmHWM") - before}))
    """
)


def _peak_kib(vendor: str, count: int) -> int:
    done = subprocess.run([sys.executable, "-c", PROBE, vendor, str(count)], capture_output=True, text=True, check=True)
    return int(json.loads(done.stdout)["peak_kib"])


@pytest.mark.parametrize("vendor", ["intercom", "ankra", "routera"])  # Tickiti's one-body list grows with N
def test_memory_at_100000_tickets_stays_within_20_mb_of_1000(vendor: str) -> None:
    small, large = _peak_kib(vendor, 1000), _peak_kib(vendor, 100_000)
    assert large - small < 20 * 1024, f"{vendor}: {small} KiB at 1,000 tickets, {large} KiB at 100,000"


# -- the CLI ----------------------------------------------------------------------------------------------------------


def test_sandbox_serve_takes_tickets_seed_and_a_shortfall() -> None:
    with cli_serving("ankra", "--tickets", "50", "--seed", "2", "--total-shortfall", "3") as url:
        response = httpx.get(url + "/api/v1/org/support/tickets", headers=INTERCOM_AUTH, params={"page_size": 100})
    body = response.json()
    assert len(body["result"]) == 50 and body["pagination"]["total_count"] == 47
    expected = listed(Sandbox("ankra", tickets=50, seed=2))
    assert [row["id"] for row in body["result"]] == [t.id for t in expected]


def test_sandbox_serve_refuses_a_negative_data_set(capsys: pytest.CaptureFixture[str]) -> None:
    from ticketkit.cli import main

    assert main(["sandbox", "serve", "ankra", "--tickets", "-5"]) == 2
    assert "tickets" in capsys.readouterr().err
