"""The requests each vendor's scenario sends are exactly its golden file (tests/wire/<vendor>.json).

A difference fails with a diff of the two; when the change is intended, `python3 -m nox -s wire -- --update`
rewrites the files, and `nox -s api_diff` shows the change against the last release.
"""

from __future__ import annotations

import difflib
import json

import pytest
import wire_calls


def test_every_vendor_has_a_golden_file_and_no_other_file_is_there() -> None:
    expected = {f"{vendor}.json" for vendor in wire_calls.vendors()}
    assert {path.name for path in wire_calls.GOLDEN.glob("*")} == expected


@pytest.mark.parametrize("vendor", wire_calls.vendors())
def test_requests_match_the_golden_file(vendor: str) -> None:
    golden = wire_calls.golden_path(vendor).read_text(encoding="utf-8")
    now = wire_calls.dumps(wire_calls.record(vendor))
    if now != golden:
        diff = "".join(
            difflib.unified_diff(
                golden.splitlines(keepends=True), now.splitlines(keepends=True), f"golden/{vendor}.json", "now"
            )
        )
        pytest.fail(
            f"{vendor}'s requests differ from tests/wire/{vendor}.json "
            f"(intended? `python3 -m nox -s wire -- --update`):\n{diff}"
        )


@pytest.mark.parametrize("vendor", wire_calls.vendors())
def test_golden_files_carry_no_secret_and_every_supported_call_sent_something(vendor: str) -> None:
    recorded = json.loads(wire_calls.golden_path(vendor).read_text(encoding="utf-8"))
    for call in recorded["calls"]:
        for request in call["requests"]:
            assert request["headers"].get("authorization", "<secret>") == "<secret>"
            assert "sandbox-token" not in json.dumps(request)
        assert (call["outcome"] == "ok") == bool(call["requests"]) or call["outcome"].startswith("error")


def test_a_changed_request_is_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison is not blind: a request with one more header no longer matches the golden file."""
    vendor = wire_calls.vendors()[0]
    describe = wire_calls._describe

    def with_extra_header(request):  # type: ignore[no-untyped-def]
        described = describe(request)
        described["headers"]["x-extra"] = "1"
        return described

    monkeypatch.setattr(wire_calls, "_describe", with_extra_header)
    assert wire_calls.dumps(wire_calls.record(vendor)) != wire_calls.golden_path(vendor).read_text(encoding="utf-8")
