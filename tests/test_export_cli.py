"""`ticketkit export`'s flags, output and exit codes, on the fake desk of tests/export_fake_desk.py.

0 all written (and the vendor's total agrees), 1 a vendor or network error (resumable), 2 a usage error, 3 some
records in FILE.errors.jsonl, 4 the completeness check failed. Against the sandboxes: tests/test_export_sandbox.py.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from export_fake_desk import FakeDesk
from ticketkit import cli
from ticketkit._export_command import ExportUsageError, parse_since


def run(desk: FakeDesk, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr(cli, "_connect", lambda args: desk)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def export(tmp_path: Path, *flags: str) -> list[str]:
    return ["export", "ankra", "--token", "t0k3n-secret", "--out", str(tmp_path / "t.jsonl"), *flags]


@pytest.mark.parametrize(
    ("faults", "code", "said"),
    [
        ({}, 0, "completeness: ok: the vendor reports 12 tickets; listed 12 (12 written + 0 rejected)"),
        ({"rejected": {4}}, 3, "errors: 1 (1 tickets, 0 threads): see "),
        ({"total_shortfall": 3}, 4, "completeness: FAILED: the vendor reports 9 tickets; listed 12"),
        ({"report_total": False}, 0, "completeness: not checked"),
    ],
)
def test_exit_codes_and_the_summary(
    faults: dict[str, Any], code: int, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got, out, err = run(FakeDesk(12, **faults), monkeypatch, *export(tmp_path, "--with-comments"))
    assert got == code, err
    assert said in out
    assert out.startswith(f"wrote {12 - len(faults.get('rejected', ()))} tickets to {tmp_path / 't.jsonl'} with ")
    assert "requests: " in out and "429s received: " in out and "elapsed: " in out
    assert "fakedesk export: " in err  # the progress line


def test_a_network_error_exits_1_and_resume_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(FakeDesk(12, fail_at_page=2), monkeypatch, *export(tmp_path, "--status", "open"))
    assert code == 1 and "connection reset" in err.splitlines()[-1]
    assert "stopped after 5 tickets (1 pages); the same command with --resume continues it" in err
    code, out, err = run(FakeDesk(12), monkeypatch, *export(tmp_path, "--status", "open", "--resume"))
    assert code == 0, err
    assert "resumed" in out and len((tmp_path / "t.jsonl").read_text().splitlines()) == 12


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    run(FakeDesk(12, fail_at_page=2), monkeypatch, *export(tmp_path))
    code, _, err = run(FakeDesk(12), monkeypatch, *export(tmp_path, "--status", "open", "--resume"))
    assert code == 2 and "status: was None, now 'open'" in err
    code, _, err = run(FakeDesk(12), monkeypatch, *export(tmp_path))
    assert code == 2 and "unfinished export: pass --resume" in err
    for flags, message in [
        (["--since", "yesterday"], "is not an ISO 8601 time"),
        (["--concurrency", "0"], "--concurrency must be at least 1"),
        (["--page-size", "0"], "--page-size must be at least 1"),
        (["--rate-limit", "-3"], "'-3' is not a positive number of requests a second"),
        (["--since", "2026-01-01", "--since-checkpoint"], "not allowed with argument"),
    ]:
        code, _, err = run(FakeDesk(12), monkeypatch, *export(tmp_path / "other", *flags))
        err += capsys.readouterr().err
        assert code == 2 and message in err, flags
    code, _, err = run(FakeDesk(12, comments=False), monkeypatch, *export(tmp_path / "x", "--with-comments"))
    assert code == 2 and "fakedesk has no comments.list" in err


def test_json_summary_and_no_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(FakeDesk(7), monkeypatch, "--json", *export(tmp_path, "--no-progress"))
    assert code == 0 and err == ""
    summary = json.loads(out)
    assert summary["tickets"] == 7 and summary["complete"] is True and summary["out"] == str(tmp_path / "t.jsonl")


def test_since_and_since_checkpoint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = FakeDesk(10)
    code, out, _ = run(desk, monkeypatch, *export(tmp_path, "--since", "2026-01-01T00:01:00+00:00"))
    assert code == 0 and desk.calls[0]["updated_since"] == dt.datetime(2026, 1, 1, 0, 1, tzinfo=dt.UTC)
    assert "next run: --since 2026-01-01T00:02:00Z" in out
    desk = FakeDesk(12)
    code, out, _ = run(desk, monkeypatch, *export(tmp_path, "--since-checkpoint"))  # OUT's own checkpoint
    assert code == 0 and desk.calls[0]["updated_since"] == dt.datetime(2026, 1, 1, 0, 2, tzinfo=dt.UTC)
    assert len((tmp_path / "t.jsonl").read_text().splitlines()) == 4  # t8..t11
    (tmp_path / "o").mkdir()
    desk = FakeDesk(14)
    other = str(tmp_path / "t.jsonl.checkpoint.json")
    code, _, err = run(desk, monkeypatch, *export(tmp_path / "o", "--since-checkpoint", other))
    assert code == 0 and desk.calls[0]["updated_since"] == dt.datetime(2026, 1, 1, 0, 2, 30, tzinfo=dt.UTC), err


def test_rate_limit_goes_to_connect(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: dict[str, Any] = {}

    def connect(vendor: str, **options: Any) -> FakeDesk:
        asked.update(options)
        return FakeDesk(3)

    monkeypatch.setattr(cli, "connect", connect)
    code = cli.main(export(tmp_path, "--rate-limit", "12.5"), out=io.StringIO(), err=io.StringIO())
    assert code == 0 and asked["rate_limit"] == 12.5


def test_help_names_the_files_and_the_exit_codes(capsys: Any) -> None:
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "OUT.checkpoint.json" in shown and "3 done, with records in OUT.errors.jsonl" in shown
    assert "--since-checkpoint [CHECKPOINT]" in shown and "--rate-limit R" in shown


def test_since_without_an_offset_is_utc() -> None:
    assert parse_since("2026-03-01") == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert parse_since("2026-03-01T10:00:00+02:00") == dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC)
    with pytest.raises(ExportUsageError):
        parse_since("03/01/2026")


def test_the_checkpoint_holds_no_credential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TICKETKIT_ANKRA_BASE_URL", "https://user:pa55word-secret@ankra.example.test/api")
    code, _, err = run(FakeDesk(5), monkeypatch, *export(tmp_path))
    assert code == 0, err
    text = (tmp_path / "t.jsonl.checkpoint.json").read_text()
    assert "t0k3n-secret" not in text and "pa55word-secret" not in text
    assert json.loads(text)["arguments"]["origin"] == "https://ankra.example.test/api"
