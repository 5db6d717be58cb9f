"""The export engine (`_sync_export.run_export`) against a small fake desk (tests/export_fake_desk.py).

Resume, the errors file, the completeness check, `--since`, the checkpoint's atomicity and the progress line,
without a vendor: what the engine does with what `desk.tickets.pages()` and `desk.comments.list_many()` give it.
The same against the real desks and sandboxes, in another process killed at random moments:
tests/test_export_sandbox.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
from export_fake_desk import Crash, FakeDesk, updated_at
from ticketkit import APIConnectionError
from ticketkit import _checkpoint as checkpoints
from ticketkit._export_command import EXIT_INCOMPLETE, EXIT_OK, EXIT_RECORD_ERRORS, exit_code
from ticketkit._export_files import Paths
from ticketkit._export_summary import ExportSummary
from ticketkit._progress import Progress
from ticketkit._sync_export import ExportError, ExportRequest, run_export


def export(desk: FakeDesk, out: Path, **asked: Any) -> ExportSummary:
    return run_export(desk, ExportRequest(out=out, **asked))  # type: ignore[arg-type]


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_ticket_once_in_order_and_the_files_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "tickets.jsonl"
    desk = FakeDesk(23, page_size=5)
    summary = export(desk, out)
    assert ids(out) == [f"t{i}" for i in range(23)]
    paths = Paths.of(out)
    assert not paths.partial.exists() and not paths.errors.exists()
    assert not list(tmp_path.glob("*.tmp"))
    state = checkpoints.load(paths.checkpoint)
    assert state.complete and state.listed and state.cursor is None and state.offset == out.stat().st_size
    assert (summary.counts.pages, summary.counts.tickets, summary.counts.errors) == (5, 23, 0)
    assert summary.counts.requests == 5 == desk.requests and summary.requests_this_run == 5
    assert summary.completeness is not None and summary.completeness.ok
    assert exit_code(summary) == EXIT_OK
    assert f"wrote 23 tickets to {out}" in summary.lines()[0]
    for line in out.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["comments"] is None  # not asked for: not loaded


def test_threads_are_fetched_per_page_through_list_many_with_the_concurrency_asked(tmp_path: Path) -> None:
    out = tmp_path / "tickets.jsonl"
    desk = FakeDesk(12, page_size=5)
    summary = export(desk, out, with_comments=True, concurrency=3)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [len(line["comments"]) for line in lines] == [i % 4 for i in range(12)]
    assert lines[3]["comments"][2]["body_text"] == "reply 2"
    assert desk.concurrency_asked == [3, 3, 3]
    assert summary.counts.comments == sum(i % 4 for i in range(12))
    assert summary.counts.requests == 3 + 12
    assert "with 18 comments" in summary.lines()[0]


def test_with_comments_on_a_vendor_without_threads_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    desk = FakeDesk(3, comments=False)
    with pytest.raises(ExportError, match=r"no comments\.list"):
        export(desk, tmp_path / "t.jsonl", with_comments=True)
    assert desk.requests == 0 and not list(tmp_path.iterdir())


# -- resume ----------------------------------------------------------------------------------------------------


def _killed_somewhere(seed: int, out: Path, monkeypatch: pytest.MonkeyPatch, **faults: Any) -> str:
    """Run an export that dies at a random moment (a page, a thread, or between two of its writes)."""
    rng = random.Random(seed)
    where = rng.choice(["page", "thread", "save", "rename"])
    if where in ("page", "thread"):
        faults[f"crash_at_{where}"] = rng.randint(1, 12 if where == "page" else 40)
    else:
        target = {"save": checkpoints, "rename": os}[where]
        name = {"save": "save", "rename": "replace"}[where]
        real = getattr(target, name)
        # 15 checkpoint saves (the start, 12 pages, listed, complete); 16 os.replace (those and the rename)
        calls, dies_at = [0], rng.randint(1, 15 if where == "save" else 16)

        def dying(*args: Any) -> None:
            calls[0] += 1
            if calls[0] == dies_at:
                raise Crash(f"killed in {name} call {dies_at}")
            real(*args)

        monkeypatch.setattr(target, name, dying)
    try:
        export(FakeDesk(47, page_size=4, **faults), out, with_comments=True)
    except Crash:
        pass
    finally:
        monkeypatch.undo()
    return where


@pytest.mark.parametrize("seed", range(32))
def test_a_killed_export_resumed_writes_the_same_bytes_as_one_that_was_not(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faults: dict[str, Any] = {"rejected": {9, 30}, "bad_threads": {14}}
    whole = tmp_path / "whole" / "tickets.jsonl"
    whole.parent.mkdir()
    export(FakeDesk(47, page_size=4, **faults), whole, with_comments=True)

    out = tmp_path / "tickets.jsonl"
    where = _killed_somewhere(seed, out, monkeypatch, **faults)
    resumed = FakeDesk(47, page_size=4, **faults)
    if Paths.of(out).checkpoint.exists() and not checkpoints.load(Paths.of(out).checkpoint).complete:
        summary = export(resumed, out, with_comments=True, resume=True)
    else:  # killed after the end (the final save), or before the first checkpoint: nothing or all to redo
        summary = export(resumed, out, with_comments=True, resume=Paths.of(out).checkpoint.exists())
    assert out.read_bytes() == whole.read_bytes(), where
    assert Paths.of(out).errors.read_bytes() == Paths.of(whole).errors.read_bytes()
    assert sorted(ids(out)) == sorted(set(ids(out))) and len(ids(out)) == 45
    assert summary.counts.tickets == 45 and summary.counts.errors == 3
    # A resume fetches again at most the page it was killed in (and that page's threads).
    assert resumed.pages_served <= 12 - (summary.counts.pages - resumed.pages_served) + 1


def test_killed_after_the_last_pages_checkpoint_the_resume_lists_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "t.jsonl"
    real, saves = checkpoints.save, []

    def save(path: Path, state: checkpoints.Checkpoint) -> None:
        saves.append(state)
        if state.listed:  # the start and the one page are saved; the kill comes before `listed`
            raise Crash("killed")
        real(path, state)

    monkeypatch.setattr(checkpoints, "save", save)
    with pytest.raises(Crash):
        export(FakeDesk(3, page_size=5), out)
    monkeypatch.undo()
    desk = FakeDesk(3, page_size=5)
    export(desk, out, resume=True)
    assert ids(out) == ["t0", "t1", "t2"] and desk.requests == 0


def test_a_network_error_stops_the_export_at_its_last_page_and_resume_continues(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    with pytest.raises(APIConnectionError):
        export(FakeDesk(20, page_size=5, fail_at_page=3), out)
    state = checkpoints.load(Paths.of(out).checkpoint)
    assert (state.counts.pages, state.counts.tickets, state.cursor) == (2, 10, "fake.10")
    assert not out.exists() and Paths.of(out).partial.stat().st_size == state.offset
    desk = FakeDesk(20, page_size=5)
    summary = export(desk, out, resume=True)
    assert desk.calls[0]["cursor"] == "fake.10" and desk.pages_served == 2
    assert ids(out) == [f"t{i}" for i in range(20)]
    assert summary.resumed and summary.counts.requests == 4 and summary.requests_this_run == 2


def test_a_failed_thread_fetch_stops_the_export_before_its_page_is_written(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    with pytest.raises(APIConnectionError):
        export(FakeDesk(20, page_size=5, fail_at_thread=7), out, with_comments=True)
    state = checkpoints.load(Paths.of(out).checkpoint)
    assert state.counts.tickets == 5  # page 2 holds thread 7: not written
    export(FakeDesk(20, page_size=5), out, with_comments=True, resume=True)
    assert ids(out) == [f"t{i}" for i in range(20)]


def test_resume_truncates_what_was_written_after_the_last_checkpoint(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    with pytest.raises(APIConnectionError):
        export(FakeDesk(20, page_size=5, rejected={2}, fail_at_page=3), out)
    paths = Paths.of(out)
    # Pages written, the kill before their checkpoint: more bytes than the rest of the export will write.
    with open(paths.partial, "ab") as partial:
        partial.write(b'{"id": "a page written before the kill"}\n' * 1000 + b'{"id": "t1')
    with open(paths.errors, "ab") as errors:
        errors.write(b'{"kind": "ticket", "id": "t99"}\n' * 100)
    export(FakeDesk(20, page_size=5, rejected={2}), out, resume=True)
    assert ids(out) == [f"t{i}" for i in range(20) if i != 2]
    assert [json.loads(line)["id"] for line in paths.errors.read_text().splitlines()] == ["t2"]


def test_resume_refuses_other_arguments_a_missing_checkpoint_and_a_short_output(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    with pytest.raises(ExportError, match="no checkpoint"):
        export(FakeDesk(5), out, resume=True)
    with pytest.raises(APIConnectionError):
        export(FakeDesk(20, fail_at_page=2), out, status="open")
    with pytest.raises(ExportError, match="status: was 'open', now 'closed'"):
        export(FakeDesk(20), out, status="closed", resume=True)
    with pytest.raises(ExportError, match="with_comments: was False, now True"):
        export(FakeDesk(20), out, status="open", with_comments=True, resume=True)
    with pytest.raises(ExportError, match="origin"):
        export(FakeDesk(20), out, status="open", origin="https://other.example", resume=True)
    with pytest.raises(ExportError, match="unfinished export: pass --resume"):
        export(FakeDesk(20), out, status="open")
    Paths.of(out).partial.write_bytes(b"")
    with pytest.raises(ExportError, match="fewer than"):
        export(FakeDesk(20), out, status="open", resume=True)
    Paths.of(out).checkpoint.write_text("{not json")
    with pytest.raises(ExportError, match="damaged"):
        export(FakeDesk(20), out, status="open", resume=True)


def test_resume_accepts_another_concurrency(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    with pytest.raises(APIConnectionError):
        export(FakeDesk(20, fail_at_page=2), out, with_comments=True, concurrency=2)
    desk = FakeDesk(20)
    export(desk, out, with_comments=True, concurrency=16, resume=True)
    assert desk.concurrency_asked[0] == 16 and len(ids(out)) == 20


def test_resume_of_a_finished_export_sends_nothing(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    export(FakeDesk(7), out)
    before = out.read_bytes()
    desk = FakeDesk(7)
    summary = export(desk, out, resume=True)
    assert desk.requests == 0 and summary.already_complete and out.read_bytes() == before
    assert summary.lines()[0].startswith("was already complete: wrote 7 tickets")


def test_a_limit_is_kept_across_a_resume(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    with pytest.raises(APIConnectionError):
        export(FakeDesk(30, page_size=4, fail_at_page=3), out, limit=13)
    desk = FakeDesk(30, page_size=4)
    summary = export(desk, out, limit=13, resume=True)
    assert desk.calls[0]["limit"] == 5
    assert ids(out) == [f"t{i}" for i in range(13)]
    assert summary.completeness is None  # a limit: the vendor's total is not ours to match
    assert "completeness: not checked (--limit: the vendor's total counts more)" in summary.lines()


# -- bad records, completeness -----------------------------------------------------------------------------------


def test_bad_records_go_to_the_errors_file_with_their_raw_body_and_the_export_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    summary = export(FakeDesk(20, rejected={6}, bad_threads={11}, gone_threads={17}), out, with_comments=True)
    written = {json.loads(line)["id"]: json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()}
    assert len(written) == 19 and "t6" not in written
    assert written["t11"]["comments"] is None and written["t17"]["comments"] is None  # the ticket, not its thread
    records = [json.loads(line) for line in Paths.of(out).errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["kind"], r["id"], r["page"]) for r in records] == [
        ("ticket", "t6", 2),
        ("thread", "t11", 3),
        ("thread", "t17", 4),
    ]
    assert records[0]["raw"] == '{"id": "t6", "created_at": "not-a-date"}' and "not a date" in records[0]["reason"]
    assert records[1]["raw"] == '{"parts": "not a list"}' and "does not match the spec" in records[1]["reason"]
    assert records[2]["raw"] == '{"error": "no such ticket"}' and "404" in records[2]["reason"]
    assert (summary.counts.errors, summary.counts.rejected) == (3, 1)
    assert summary.completeness is not None and summary.completeness.ok  # 19 written + 1 rejected = 20
    assert exit_code(summary) == EXIT_RECORD_ERRORS
    assert any(line.startswith("errors: 3 (1 tickets, 2 threads)") for line in summary.lines())


def test_a_vendor_that_under_reports_fails_the_completeness_check(tmp_path: Path) -> None:
    summary = export(FakeDesk(20, total_shortfall=2), tmp_path / "t.jsonl")
    assert summary.completeness is not None and not summary.completeness.ok
    assert (summary.completeness.reported, summary.completeness.listed) == (18, 20)
    assert exit_code(summary) == EXIT_INCOMPLETE
    assert any("completeness: FAILED: the vendor reports 18 tickets; listed 20" in line for line in summary.lines())
    summary = export(FakeDesk(20, rejected={3}, total_shortfall=1), tmp_path / "u.jsonl")
    assert exit_code(summary) == EXIT_INCOMPLETE  # the graver of the two


def test_no_completeness_check_without_a_total_on_every_page(tmp_path: Path) -> None:
    summary = export(FakeDesk(20, report_total=False), tmp_path / "t.jsonl")
    assert summary.completeness is None and exit_code(summary) == EXIT_OK
    assert "completeness: not checked" in "\n".join(summary.lines())


# -- incremental -----------------------------------------------------------------------------------------------


def test_since_is_sent_and_the_watermark_is_the_next_runs_since(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    since = updated_at(10)
    desk = FakeDesk(20)
    summary = export(desk, out, since=since)
    assert desk.calls[0]["updated_since"] == since
    assert ids(out) == [f"t{i}" for i in range(10, 20)]  # t10 and t11 tie at `since`: inclusive
    assert summary.next_since == "2026-01-01T00:04:30Z" == summary.watermark
    assert "next run: --since 2026-01-01T00:04:30Z" in summary.lines()[-1]

    later = tmp_path / "later.jsonl"
    desk = FakeDesk(24)
    export(desk, later, since_checkpoint=Paths.of(out).checkpoint)
    assert desk.calls[0]["updated_since"] == updated_at(19)
    assert ids(later) == [f"t{i}" for i in range(18, 24)]  # the ties at the watermark again: never missed


def test_since_checkpoint_of_the_same_file_and_of_an_unfinished_export(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    export(FakeDesk(6), out)
    desk = FakeDesk(8)
    export(desk, out, since_checkpoint=Paths.of(out).checkpoint)  # the usual daily run: the same FILE again
    assert ids(out) == ["t4", "t5", "t6", "t7"]
    assert desk.calls[0]["updated_since"] == updated_at(5)
    with pytest.raises(APIConnectionError):
        export(FakeDesk(20, fail_at_page=2), tmp_path / "u.jsonl")
    with pytest.raises(ExportError, match="unfinished export"):
        export(FakeDesk(20), tmp_path / "v.jsonl", since_checkpoint=tmp_path / "u.jsonl.checkpoint.json")
    with pytest.raises(ExportError, match="no checkpoint"):
        export(FakeDesk(20), tmp_path / "v.jsonl", since_checkpoint=tmp_path / "none.json")


def test_a_resumed_incremental_export_keeps_the_since_it_started_with(tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    export(FakeDesk(10), first)
    out = tmp_path / "t.jsonl"
    with pytest.raises(APIConnectionError):
        export(FakeDesk(30, fail_at_page=2), out, since_checkpoint=Paths.of(first).checkpoint)
    first.with_name("first.jsonl.checkpoint.json").unlink()  # whatever happens to it, the resume needs it not
    desk = FakeDesk(30)
    export(desk, out, since_checkpoint=Paths.of(first).checkpoint, resume=True)
    assert desk.calls[0]["updated_since"] == updated_at(9)
    assert ids(out) == [f"t{i}" for i in range(8, 30)]


# -- the checkpoint ----------------------------------------------------------------------------------------------


def test_a_kill_while_saving_a_checkpoint_leaves_the_old_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.json"
    old = checkpoints.Checkpoint(arguments={"vendor": "x"}, cursor="a", offset=10)
    checkpoints.save(path, old)

    def killed(*args: Any) -> None:
        raise Crash("killed before the rename")

    monkeypatch.setattr(checkpoints.os, "replace", killed)
    with pytest.raises(Crash):
        checkpoints.save(path, dataclasses.replace(old, cursor="b", offset=20))
    monkeypatch.undo()
    assert checkpoints.load(path) == old
    checkpoints.save(path, dataclasses.replace(old, cursor="c"))  # the stale temporary file is no obstacle
    assert checkpoints.load(path).cursor == "c" and sorted(p.name for p in tmp_path.iterdir()) == ["c.json"]


def test_the_checkpoint_round_trips_and_refuses_another_format(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    state = checkpoints.Checkpoint(
        arguments={"vendor": "x", "since": "2026-01-01T00:00:00Z"},
        updated_since="2026-01-01T00:00:00Z",
        cursor="tk1.abc",
        offset=123,
        errors_offset=4,
        counts=checkpoints.Counts(pages=2, tickets=3, comments=4, rejected=1, errors=1, requests=9, elapsed=1.5),
        total=4,
        watermark="2026-02-01T00:00:00Z",
    )
    checkpoints.save(path, state)
    assert checkpoints.load(path) == state
    assert json.loads(path.read_text())["format"] == checkpoints.FORMAT
    path.write_text(json.dumps({"format": "something/2"}))
    with pytest.raises(checkpoints.CheckpointError, match="not a ticketkit export checkpoint"):
        checkpoints.load(path)
    path.write_text(json.dumps({"format": checkpoints.FORMAT, "arguments": {}, "offset": -1, "counts": {}}))
    with pytest.raises(checkpoints.CheckpointError, match="damaged"):
        checkpoints.load(path)


def test_the_checkpoint_is_saved_after_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved: list[checkpoints.Checkpoint] = []
    real = checkpoints.save
    monkeypatch.setattr(checkpoints, "save", lambda path, state: (saved.append(state), real(path, state)))
    out = tmp_path / "t.jsonl"
    export(FakeDesk(12, page_size=5), out)
    # the start, three pages, every page listed, complete
    assert [s.counts.tickets for s in saved] == [0, 5, 10, 12, 12, 12]
    assert [s.cursor for s in saved] == [None, "fake.5", "fake.10", None, None, None]
    assert [(s.listed, s.complete) for s in saved][-2:] == [(True, False), (True, True)]
    assert [s.offset for s in saved[1:4]] == sorted({s.offset for s in saved[1:4]})


# -- the progress line -----------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_shows_tickets_per_second_and_the_budget(tmp_path: Path) -> None:
    ticks = iter(range(1000))
    stream = io.StringIO()
    desk = FakeDesk(20, page_size=5)
    run_export(desk, ExportRequest(out=tmp_path / "t.jsonl"), progress=stream, clock=lambda: float(next(ticks)))  # type: ignore[arg-type]
    lines = stream.getvalue().splitlines()
    # A log gets a line at most every 10 s (a clock tick is a second here), and the last state.
    assert lines[-1].startswith("fakedesk export: 20 tickets, ") and "20 tickets" not in lines[0]
    assert "/s, 4 requests; budget 60/100; 1 429s, paced 0.5 s" in lines[-1]

    terminal = _Terminal()
    run_export(FakeDesk(20), ExportRequest(out=tmp_path / "u.jsonl"), progress=terminal)  # type: ignore[arg-type]
    shown = terminal.getvalue()
    assert shown.startswith("\rfakedesk export: ") and shown.endswith("\n") and "\033[K" in shown


def test_a_resumed_exports_rate_counts_only_this_runs_tickets() -> None:
    now = [0.0]
    meter = Progress(io.StringIO(), "x export", clock=lambda: now[0], already=100)
    now[0] = 10.0
    assert meter.line(150, 60, None) == "x export: 150 tickets, 5/s, 60 requests"


def test_no_progress_when_not_asked(tmp_path: Path) -> None:
    summary = run_export(FakeDesk(3), ExportRequest(out=tmp_path / "t.jsonl"), progress=None)  # type: ignore[arg-type]
    assert summary.counts.tickets == 3


# -- the summary -----------------------------------------------------------------------------------------------


def test_the_summary_as_json(tmp_path: Path) -> None:
    summary = export(FakeDesk(9, rejected={2}), tmp_path / "t.jsonl", since=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    data = summary.to_dict()
    assert data["tickets"] == 8 and data["errors"] == 1 and data["complete"] is True
    assert data["errors_file"] == str(tmp_path / "t.jsonl.errors.jsonl")
    assert data["updated_since"] == "2025-01-01T00:00:00Z" and data["next_since"] == "2026-01-01T00:02:00Z"
    assert data["throttled"] == 0 and data["requests"] == 2  # the fake's own requests, throttled counted as a delta
