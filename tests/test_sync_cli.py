"""`ticketkit sync`: the command over a sandbox, into DuckDB in a temporary working directory (twice: the second
run loads only what changed), its JSON summary, and the message when the dlt extra is not installed."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from ticketkit.cli import main


def _sync(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_sync_twice_into_duckdb_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv = ("--sandbox", "--json", "sync", "ankra", "--tickets", "50", "--attachments", "--pipelines-dir", "p")
    code, out, err = _sync(*argv)
    assert (code, err) == (0, "")
    first: dict[str, Any] = json.loads(out)
    assert first["rows"]["tickets"] == 50
    assert first["rows"]["comments"] > 0
    assert first["destination"] == str(tmp_path / "ticketkit.duckdb")
    code, out, err = _sync(*argv)
    assert (code, err) == (0, "")
    second: dict[str, Any] = json.loads(out)
    # The same sandbox data (synthetic, from the seed): only the tickets tied at the newest second come again.
    assert 0 < second["rows"]["tickets"] < 10
    with duckdb.connect(str(tmp_path / "ticketkit.duckdb")) as db:
        assert db.sql("select count(*), count(distinct id) from tickets.tickets").fetchall() == [(50, 50)]
        assert db.sql("select distinct vendor from tickets.comments").fetchall() == [("ankra",)]
    code, out, err = _sync(*argv, "--full-refresh")  # the state dropped with the tables: everything again
    assert (code, err) == (0, "")
    assert json.loads(out)["rows"] == first["rows"]
    with duckdb.connect(str(tmp_path / "ticketkit.duckdb")) as db:
        assert db.sql("select count(*), count(distinct id) from tickets.tickets").fetchall() == [(50, 50)]


def test_two_vendors_share_a_dataset_and_the_table_summary(tmp_path: Path) -> None:
    database = str(tmp_path / "helpdesk.duckdb")
    common = ("--to", database, "--dataset", "support", "--pipelines-dir", str(tmp_path / "p"))
    for vendor in ("intercom", "tickiti"):
        code, out, err = _sync("--sandbox", "sync", vendor, "--tickets", "20", *common)
        assert (code, err) == (0, "")
        assert out.startswith(f"synced {vendor} into {database}, dataset support: rows loaded: tickets 20, comments ")
    with duckdb.connect(database) as db:
        per_vendor = db.sql("select vendor, count(*) from support.tickets group by vendor order by vendor").fetchall()
    assert per_vendor == [("intercom", 20), ("tickiti", 20)]


def test_without_the_dlt_extra_the_command_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "dlt", None)  # `import dlt` now raises ImportError
    code, out, err = _sync("--sandbox", "sync", "intercom", "--pipelines-dir", "p")
    assert (code, out) == (2, "")
    assert err == "ticketkit: ticketkit sync needs dlt: pip install 'ticketkit[dlt]'\n"
    assert not (tmp_path / "ticketkit.duckdb").exists()


def test_the_command_line_does_not_import_dlt_until_sync_runs() -> None:
    script = "import sys, ticketkit, ticketkit.cli; print('dlt' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout == "False\n"


def test_an_unknown_destination_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _sync("--sandbox", "sync", "intercom", "--to", "no_such_destination", "--pipelines-dir", "p")
    assert (code, out) == (2, "")
    assert err.startswith("ticketkit: dlt: ")
