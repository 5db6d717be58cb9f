"""The `ticketkit` command against the sandboxes: output, JSON, export, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from loopback import cli_serving
from support import SPECS, VENDORS
from ticketkit import _registry as registry
from ticketkit.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _seeded_ids(vendor: str) -> list[str]:
    code, out, err = run("--sandbox", "--json", "list", vendor, "--limit", "5")
    assert code == 0, err
    return [json.loads(line)["id"] for line in out.splitlines()]


@pytest.mark.parametrize("vendor", VENDORS)
def test_list_prints_a_table_and_json_lines(vendor: str) -> None:
    code, out, err = run("--sandbox", "list", vendor, "--limit", "3")
    assert code == 0, err
    header, rule, *rows = out.splitlines()
    assert header.split() == ["vendor", "id", "status", "priority", "updated", "subject"]
    assert set(rule.replace(" ", "")) == {"-"} and 1 <= len(rows) <= 3
    assert all(row.startswith(vendor) for row in rows)
    assert len(_seeded_ids(vendor)) >= 1


@pytest.mark.parametrize("vendor", VENDORS)
def test_get_shows_one_ticket(vendor: str) -> None:
    ticket_id = _seeded_ids(vendor)[0]
    code, out, err = run("--sandbox", "get", vendor, ticket_id)
    assert code == 0, err
    assert f"id{' ' * 8}  {ticket_id}" in out or f"  {ticket_id}" in out
    code, out, err = run("--sandbox", "--json", "get", vendor, ticket_id)
    assert json.loads(out)["id"] == ticket_id and json.loads(out)["vendor"] == vendor


@pytest.mark.parametrize("vendor", VENDORS)
def test_create(vendor: str) -> None:
    extra = ["--requester-email", "ana@example.com"] if vendor in ("intercom", "tickiti") else []
    description = [] if vendor == "routera" else ["--description", "It smokes when it starts."]
    code, out, err = run("--sandbox", "--json", "create", vendor, "--subject", "Printer on fire", *description, *extra)
    assert code == 0, err
    assert json.loads(out)["subject"] == "Printer on fire"


@pytest.mark.parametrize("vendor", ["intercom", "tickiti", "ankra"])
def test_comment(vendor: str) -> None:
    ticket_id = _seeded_ids(vendor)[0]
    code, out, err = run("--sandbox", "--json", "comment", vendor, ticket_id, "--body", "On our way")
    assert code == 0, err
    assert "On our way" in json.loads(out)["body_text"]


@pytest.mark.parametrize("vendor", ["routera", "intercom", "ankra"])
def test_close(vendor: str) -> None:
    ticket_id = _seeded_ids(vendor)[0]
    code, out, err = run("--sandbox", "--json", "close", vendor, ticket_id)
    assert code == 0, err
    assert json.loads(out)["status"] == "closed"


@pytest.mark.parametrize("vendor", VENDORS)
def test_export_writes_json_lines_valid_against_the_unified_schema(vendor: str, tmp_path: Path) -> None:
    target = tmp_path / "tickets.jsonl"
    code, out, err = run("--sandbox", "export", vendor, "--out", str(target))
    assert code == 0, err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and f"wrote {len(lines)} tickets to {target}" in out
    assert "export" in err  # the progress bar
    schema = yaml.safe_load((SPECS / "unified.yaml").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for line in lines:
        validator.validate(json.loads(line))
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--sandbox", "get", "ankra", "00000000-0000-4000-8000-000000000000"], 1, "ankra: HTTP 404"),
        (["--sandbox", "close", "tickiti", "220000"], 1, "tickiti does not support tickets.close"),
        (["--sandbox", "create", "routera", "--subject", "x", "--requester-email", "a@b.c"], 1, "no requester"),
        (["get", "intercom", "1"], 2, "no credentials"),
        (["--sandbox", "get", "ankra", "x", "--admin-id", "7"], 2, "--admin-id is for intercom"),
        (["get", "zendesk", "1"], 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_and_an_exit_code(argv: list[str], code: int, message: str, capsys: Any) -> None:
    got, _, err = run(*argv)
    err += capsys.readouterr().err  # argparse writes its usage errors to sys.stderr itself
    assert got == code
    assert message in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(("ticketkit: ", "usage:", "ticketkit get: error"))


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TICKETKIT_ANKRA_TOKEN", "from-env")
    monkeypatch.setenv("TICKETKIT_ANKRA_BASE_URL", "https://ankra.example.test")
    seen: dict[str, Any] = {}

    class Stop(Exception):
        pass

    def fake_connect(vendor: str, **options: Any) -> Any:
        seen.update(options, vendor=vendor)
        raise Stop  # only the arguments matter here

    monkeypatch.setattr("ticketkit.cli.connect", fake_connect)
    with pytest.raises(Stop):
        run("get", "ankra", "t1")
    assert seen == {"vendor": "ankra", "token": "from-env", "base_url": "https://ankra.example.test"}


def test_demo_compares_the_four_vendors() -> None:
    code, out, err = run("demo")
    assert code == 0, err + out
    lines = out.splitlines()
    rows = [line.split()[0] for line in lines[lines.index("") + 3 :] if line.strip()]
    assert rows == list(registry.names()) and rows[: len(VENDORS)] == list(VENDORS)  # every registered vendor
    assert "failed" not in out


def test_sandbox_serve_prints_its_url_and_serves_until_stopped() -> None:
    import httpx

    with cli_serving("ankra") as url:
        response = httpx.get(url + "/api/v1/org/support/tickets", headers={"Authorization": "Bearer sandbox-token"})
        assert response.status_code == 200 and "result" in response.json()
