"""A fifth vendor, added without editing any of ticketkit's files: Fakedesk (tests/fake_vendor/).

Its spec, adapter and sandbox app live in the test tree; one `register()` call (the fixture) makes it known.
Then it goes through connect() and connect_async() (get, list across pages, create), the CLI (`--sandbox
list fakedesk`, its own `--shelf` flag and TICKETKIT_FAKEDESK_SHELF, `sandbox serve --seed-shelf`), the
sandbox in-process and served on loopback under its registry sub-path, and the demo.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import pytest
import ticketkit
import yaml
from fake_vendor import FAKEDESK, SPEC
from openapi_spec_validator import validate
from ticketkit import _registry as registry
from ticketkit._demo import run_demo
from ticketkit.cli import _parser, main
from ticketkit.sandbox import Sandbox, serving


@pytest.fixture
def fakedesk() -> Iterator[registry.Vendor]:
    entry = registry.register(FAKEDESK)
    try:
        yield entry
    finally:
        registry.unregister(FAKEDESK.name)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- the registry -------------------------------------------------------------------------------------------


def test_unknown_until_registered_and_after_unregistered() -> None:
    assert "fakedesk" not in registry.names()
    with pytest.raises(ticketkit.InvalidArgumentError, match="unknown vendor 'fakedesk'; choose one of routera"):
        ticketkit.connect("fakedesk", token="t")
    with pytest.raises(ValueError, match="unknown vendor 'fakedesk'"):
        Sandbox("fakedesk")


def test_registering_adds_one_entry_and_refuses_a_second(fakedesk: registry.Vendor) -> None:
    assert registry.names()[-1] == "fakedesk" and registry.get("FakeDesk") is fakedesk
    assert [option.name for option in fakedesk.vendor_options] == ["shelf"]
    assert fakedesk.cli_options()[0].flag == "--shelf"
    assert fakedesk.cli_options()[0].environment("fakedesk") == "TICKETKIT_FAKEDESK_SHELF"
    with pytest.raises(ValueError, match="already registered"):
        registry.register(FAKEDESK)
    with pytest.raises(ValueError, match="lower-case identifier"):
        registry.register(FAKEDESK._replace(name="Fake-Desk"))


def test_the_registry_imports_a_vendors_modules_only_when_first_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ticketkit, fake_vendor; from ticketkit import _registry as r; r.register(fake_vendor.FAKEDESK);"
        "lazy = ('fake_vendor.', 'ticketkit.vendors.', 'ticketkit.sandbox');"
        "print(sorted(m for m in sys.modules if m.startswith(lazy)));"
        "r.get('fakedesk').adapter_module(); print('fake_vendor.adapter' in sys.modules)"
    )
    tests = str(SPEC.parent.parent)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tests, check=True)
    assert result.stdout.splitlines() == ["[]", "True"]


# -- connect() ----------------------------------------------------------------------------------------------


def test_connect_gets_lists_and_creates_in_process(fakedesk: registry.Vendor) -> None:
    sandbox = Sandbox("fakedesk")
    assert sandbox.base_url == "https://api.fakedesk.test"  # the adapter module's BASE_URL
    with ticketkit.connect("fakedesk", **sandbox.connect_options()) as desk:
        assert desk.vendor == "fakedesk" and desk.client is None
        assert desk.capabilities.supported == ("tickets.get", "tickets.list", "tickets.create")
        listed = list(desk.tickets.list())  # three tickets, two pages
        assert [t.subject for t in listed] == ["Printer on fire", "Coffee machine empty", "Door squeaks"]
        got = desk.tickets.get(listed[1].id)
        assert got.id == listed[1].id and got.status is ticketkit.TicketStatus.OPEN
        created = desk.tickets.create(subject="Fax jammed", description="Again")
        assert (created.subject, created.description) == ("Fax jammed", "Again")
        assert desk.tickets.get(created.id).subject == "Fax jammed"
        with pytest.raises(ticketkit.UnsupportedOperationError, match=r"fakedesk does not support tickets\.close"):
            desk.tickets.close(created.id)


def test_the_vendors_own_option_reaches_the_wire(fakedesk: registry.Vendor) -> None:
    sandbox = Sandbox("fakedesk", seed_shelf="attic")
    with ticketkit.connect("fakedesk", **sandbox.connect_options()) as desk:
        assert list(desk.tickets.list()) == []  # X-Shelf: main (the default)
    with ticketkit.connect("fakedesk", **sandbox.connect_options(), shelf="attic") as desk:
        assert len(list(desk.tickets.list())) == 3


def test_connect_refuses_what_the_registry_does_not_list(fakedesk: registry.Vendor) -> None:
    with pytest.raises(ticketkit.InvalidArgumentError, match=r"admin_id \(this vendor also accepts: shelf\)"):
        ticketkit.connect("fakedesk", token="t", admin_id="1")
    with pytest.raises(ticketkit.InvalidArgumentError, match="needs token="):
        ticketkit.connect("fakedesk")
    with pytest.raises(ticketkit.InvalidArgumentError, match="max_retries must be a non-negative integer"):
        ticketkit.connect("fakedesk", token="t", max_retries=-1)  # the common keywords are checked as for any


def test_connect_async(fakedesk: registry.Vendor) -> None:
    async def scenario() -> list[str]:
        sandbox = Sandbox("fakedesk")
        async with ticketkit.connect_async("fakedesk", **sandbox.connect_options()) as desk:
            first = [t.id async for t in desk.tickets.list()]
            assert (await desk.tickets.get(first[0])).id == first[0]
            return first

    assert len(asyncio.run(scenario())) == 3


# -- the sandbox on loopback ---------------------------------------------------------------------------------


def test_served_on_loopback_under_its_sub_path(fakedesk: registry.Vendor) -> None:
    with serving("fakedesk", seed_shelf="attic") as sandbox:
        assert sandbox.base_url.startswith("http://127.0.0.1:") and sandbox.base_url.endswith("/fake/v1")
        with ticketkit.connect("fakedesk", base_url=sandbox.base_url, token=sandbox.app.token, shelf="attic") as desk:
            tickets = list(desk.tickets.list(page_size=1))
            assert len(tickets) == 3 and desk.tickets.get(tickets[2].id).subject == "Door squeaks"
        # What it serves is what its spec declares.
        spec = yaml.safe_load(SPEC.read_text())
        schemas = {"$defs": spec["components"]["schemas"]}
        page_schema = {**schemas, "$ref": "#/$defs/Page"}
        headers = {"Authorization": f"Bearer {sandbox.app.token}", "X-Shelf": "attic"}
        page = httpx.get(sandbox.base_url + "/tickets", headers=headers).json()
        jsonschema.validate(_local(page_schema), page)
        missing = httpx.get(sandbox.base_url + "/tickets/F-404", headers=headers)
        assert missing.status_code == 404
        jsonschema.validate(_local({**schemas, "$ref": "#/$defs/Error"}), missing.json())


def _local(schema: dict[str, Any]) -> dict[str, Any]:
    """The spec's component references pointed at $defs."""
    return json.loads(json.dumps(schema).replace("#/components/schemas/", "#/$defs/"))


def test_its_spec_is_a_valid_openapi_document() -> None:
    validate(yaml.safe_load(SPEC.read_text()))


# -- the CLI --------------------------------------------------------------------------------------------------


def test_cli_lists_and_gets_with_its_own_flag_and_environment(
    fakedesk: registry.Vendor, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run("--sandbox", "--json", "list", "fakedesk", "--shelf", "main")
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert len(ids) == 3
    code, out, err = run("--sandbox", "get", "fakedesk", ids[0])
    assert code == 0 and ids[0] in out and "Printer on fire" in out, err
    code, out, err = run("--sandbox", "--json", "list", "fakedesk", "--shelf", "attic")
    assert (code, out) == (0, "")
    monkeypatch.setenv("TICKETKIT_FAKEDESK_SHELF", "attic")
    code, out, err = run("--sandbox", "--json", "list", "fakedesk")
    assert (code, out) == (0, "")


def test_cli_refuses_its_flag_for_another_vendor_and_shows_it_in_help(
    fakedesk: registry.Vendor, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("--sandbox", "list", "intercom", "--shelf", "main")
    assert code == 2 and "--shelf is for fakedesk, not intercom" in err
    code, _, err = run("--sandbox", "list", "fakedesk", "--admin-id", "7")
    assert code == 2 and "--admin-id is for intercom, not fakedesk" in err
    assert run("list", "--help")[0] == 0
    shown = capsys.readouterr().out
    assert "{routera,intercom,tickiti,ankra,fakedesk}" in shown and "fakedesk: the shelf of tickets" in shown


def test_cli_sandbox_serve_takes_its_sandbox_options(fakedesk: registry.Vendor) -> None:
    args = _parser().parse_args(["sandbox", "serve", "fakedesk", "--seed-shelf", "attic"])
    assert (args.vendor, args.vendor_option_seed_shelf) == ("fakedesk", "attic")
    code, _, err = run("sandbox", "serve", "ankra", "--seed-shelf", "attic")
    assert code == 2 and "--seed-shelf is for fakedesk, not ankra" in err


def test_cli_without_it_has_no_such_vendor(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("--sandbox", "list", "fakedesk")
    assert code == 2 and "invalid choice: 'fakedesk'" in capsys.readouterr().err


# -- the demo ---------------------------------------------------------------------------------------------------


def test_the_demo_includes_it(fakedesk: registry.Vendor) -> None:
    out = io.StringIO()
    assert run_demo(out) == 0, out.getvalue()
    text = out.getvalue()
    assert text.startswith("One script, five helpdesks")
    row = next(line.split() for line in text.splitlines() if line.startswith("fakedesk "))
    assert row[2:] == ["open", "unsupported", "n/a", "4", "unsupported", "3/8"]
