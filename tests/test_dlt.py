"""`ticketkit.dlt`: each vendor's sandbox synced into a temporary DuckDB, then synced again after the sandbox
changed; a sync that dies mid-extract and the run after it; the loaded columns against specs/unified.yaml.

Every pipeline's working folder and database live in tmp_path: nothing outside it is read or written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt
import pytest
import ticketkit
import yaml
from dlt.pipeline.exceptions import PipelineStepFailed
from support import SPECS, VENDORS
from ticketkit.dlt import ticketkit_source
from ticketkit.sandbox import Sandbox

TICKETS = 40
PAGE_SIZE = 10
DLT_COLUMNS = {"_dlt_load_id", "_dlt_id"}


def _pipeline(tmp_path: Path, name: str) -> dlt.Pipeline:
    return dlt.pipeline(
        pipeline_name=name,
        destination=dlt.destinations.duckdb(str(tmp_path / "tickets.duckdb")),
        dataset_name="support",
        pipelines_dir=str(tmp_path / "pipelines"),
    )


def _sync(pipeline: dlt.Pipeline, sandbox: Sandbox, **options: Any) -> dict[str, int]:
    with ticketkit.connect(sandbox.vendor, **sandbox.connect_options()) as desk:
        pipeline.run(ticketkit_source(desk, attachments=True, page_size=PAGE_SIZE, **options))
    counts: dict[str, int] = pipeline.last_trace.last_normalize_info.row_counts
    return counts


def _query(pipeline: dlt.Pipeline, sql: str) -> list[tuple[Any, ...]]:
    with pipeline.sql_client() as client:
        return [tuple(row) for row in client.execute_sql(sql)]


def _tables(pipeline: dlt.Pipeline) -> set[str]:
    return {row[0] for row in _query(pipeline, "select table_name from information_schema.tables")}


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_second_sync_merges_what_changed(vendor: str, tmp_path: Path) -> None:
    sandbox = Sandbox(vendor, tickets=TICKETS, seed=5)
    pipeline = _pipeline(tmp_path, f"sync_{vendor}")
    first = _sync(pipeline, sandbox)
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        listed = list(desk.tickets.list())
        threads = "comments.list" in desk.capabilities
        comment_count = sum(len(t) for t in desk.comments.list_many([t.id for t in listed])) if threads else 0
    assert first["tickets"] == len(listed) == TICKETS
    assert _query(pipeline, "select count(*), count(distinct id) from tickets") == [(TICKETS, TICKETS)]
    if threads:
        assert comment_count > 0
        assert _query(pipeline, "select count(*) from comments") == [(comment_count,)]
    else:
        assert "comments" not in _tables(pipeline)

    closed, commented = listed[2].id, listed[7].id
    added = 0
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        if vendor == "routera":  # closing archives, and an archived ticket leaves Routera's listing
            desk.tickets.update(closed, status="resolved")
        elif "tickets.close" in desk.capabilities:
            desk.tickets.close(closed)
        else:
            desk.comments.create(closed, body="A second look")
            added += 1
        if "comments.create" in desk.capabilities:
            desk.comments.create(commented, body="Any news?")
            added += 1
        else:
            desk.tickets.update(commented, status="resolved")
        now = {t.id: t for t in desk.tickets.get_many([closed, commented])}
        lengths = [len(thread) for thread in desk.comments.list_many(list(now))] if threads else []
        thread_now = dict(zip(now, lengths, strict=True)) if threads else {}

    second = _sync(pipeline, sandbox)
    # Only what changed (and the few tickets tied at the last run's newest second) is loaded again.
    assert 2 <= second["tickets"] < TICKETS // 2
    assert _query(pipeline, "select count(*), count(distinct id) from tickets") == [(TICKETS, TICKETS)]
    for ticket_id, ticket in now.items():
        assert ticket.updated_at is not None
        assert _query(pipeline, f"select status, updated_at from tickets where id = '{ticket_id}'") == [
            (ticket.status.value, ticket.updated_at)
        ]
    if threads:
        assert added > 0
        total = comment_count + added
        assert _query(pipeline, "select count(*), count(distinct (id, ticket_id)) from comments") == [(total, total)]
        for ticket_id, length in thread_now.items():
            assert _query(pipeline, f"select count(*) from comments where ticket_id = '{ticket_id}'") == [(length,)]


class Killed(Exception):
    pass


@pytest.mark.parametrize("vendor", ["intercom", "ankra"])
def test_a_sync_killed_mid_extract_is_resumed_by_the_next_run(
    vendor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox = Sandbox(vendor, tickets=TICKETS, seed=9)
    pipeline = _pipeline(tmp_path, f"killed_{vendor}")
    _sync(pipeline, sandbox)
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        changed = [t.id for t in desk.tickets.list()][::4]
        for ticket_id in changed:
            desk.comments.create(ticket_id, body="Still broken")
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        listing = desk.tickets.pages
        pages_given: list[int] = []

        def dies_after_one_page(**arguments: Any) -> Iterator[ticketkit.TicketPage]:
            for page in listing(**{**arguments, "page_size": 2}):
                yield page
                pages_given.append(page.number)
                raise Killed("the sync dies mid-extract")

        monkeypatch.setattr(desk.tickets, "pages", dies_after_one_page)
        with pytest.raises(PipelineStepFailed) as failed:
            pipeline.run(ticketkit_source(desk, page_size=PAGE_SIZE))
    assert failed.value.step == "extract"
    assert "the sync dies mid-extract" in str(failed.value)
    assert pages_given == [1]

    counts = _sync(pipeline, sandbox)
    # The failed run saved no state: this one lists everything changed since the last load, all of it.
    assert counts["tickets"] >= len(changed)
    assert _query(pipeline, "select count(*), count(distinct id) from tickets") == [(TICKETS, TICKETS)]
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        expected = sum(len(thread) for thread in desk.comments.list_many([t.id for t in desk.tickets.list()]))
        for ticket in desk.tickets.get_many(changed):
            loaded = _query(pipeline, f"select updated_at from tickets where id = '{ticket.id}'")
            assert loaded == [(ticket.updated_at,)]
    assert _query(pipeline, "select count(*), count(distinct (id, ticket_id)) from comments") == [(expected, expected)]


def _unified_properties(name: str) -> set[str]:
    with (SPECS / "unified.yaml").open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    definitions = spec.get("$defs") or spec.get("definitions") or spec["components"]["schemas"]
    return set(definitions[name]["properties"])


def test_the_loaded_columns_are_the_unified_schema(tmp_path: Path) -> None:
    """Read from specs/unified.yaml itself, not from the dataclasses the source derives its hints from."""
    sandbox = Sandbox("intercom", tickets=TICKETS, seed=2)
    pipeline = _pipeline(tmp_path, "columns")
    _sync(pipeline, sandbox)
    expected = {
        "tickets": _unified_properties("Ticket") - {"comments"},  # the thread is the comments table
        "comments": _unified_properties("Comment") | {"ticket_id", "vendor"},
        "attachments": _unified_properties("Attachment") | {"vendor"},
    }
    for table, columns in expected.items():
        loaded = _query(
            pipeline,
            f"select column_name, data_type from information_schema.columns where table_name = '{table}' "
            "and table_schema = 'support'",
        )
        assert {name for name, _ in loaded} == columns | DLT_COLUMNS, table
        types = dict(loaded)
        assert types["raw"] == "JSON"
        assert types["id"] == "VARCHAR"
    ticket_types = dict(
        _query(pipeline, "select column_name, data_type from information_schema.columns where table_name = 'tickets'")
    )
    assert ticket_types["updated_at"].startswith("TIMESTAMP")
    assert ticket_types["requester"] == "JSON"
    assert _query(pipeline, "select count(*) from tickets where raw is null") == [(0,)]


@pytest.mark.parametrize("vendor", ["intercom", "routera"])  # a server-side and a client-side updated_since
def test_the_next_run_lists_with_updated_since_from_the_last_load(
    vendor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox = Sandbox(vendor, tickets=TICKETS, seed=4)
    pipeline = _pipeline(tmp_path, f"since_{vendor}")
    _sync(pipeline, sandbox)
    [(newest,)] = _query(pipeline, "select max(updated_at) from tickets")
    asked: list[Any] = []
    with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
        listing = desk.tickets.pages

        def spy(**arguments: Any) -> Iterator[ticketkit.TicketPage]:
            asked.append(arguments["updated_since"])
            return listing(**arguments)

        monkeypatch.setattr(desk.tickets, "pages", spy)
        pipeline.run(ticketkit_source(desk))
    assert asked == [newest]  # the synthetic tickets are older than the listing: the watermark is the newest
