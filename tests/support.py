"""Helpers shared by the tests: the repo, shared/, specs, fixtures, the vendor list, and comparing data."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any

import httpx
import ticketkit.sandbox
import yaml

REPO = Path(__file__).resolve().parent.parent
SPECS = REPO / "specs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The one list of vendors every test parametrised over all vendors takes (the registry's, once there is one).
# The built-in vendors, read once at import (before any test registers a vendor of its own, e.g. fakedesk).
VENDORS = ticketkit.sandbox.VENDORS


def shared_dir() -> Path | None:
    """The workplace's shared/ folder (vendor documents, reference specs), beside the checkout."""
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if (candidate / "VENDORS.md").is_file():
            return candidate
    return None


@functools.cache
def spec_view(name: str) -> dict[str, Any]:
    """specs/<name>.yaml parsed once per session and shared: for readers that never change it."""
    with (SPECS / f"{name}.yaml").open(encoding="utf-8") as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def load_spec(vendor: str) -> dict[str, Any]:
    """specs/<vendor>.yaml, parsed once per session; each caller gets its own copy to change freely."""
    return copy.deepcopy(spec_view(vendor))


def media_example(vendor: str, path: str, method: str, status: str, name: str) -> Any:
    """A named example of a JSON response in specs/<vendor>.yaml (a copy, free to change)."""
    response = load_spec(vendor)["paths"][path][method]["responses"][status]
    return response["content"]["application/json"]["examples"][name]["value"]


def load_fixture(relative: str) -> Any:
    """A JSON fixture under tests/fixtures/."""
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"].startswith("application/json"), request.headers.get("content-type")
    return json.loads(request.content)


def _as_datetime(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    # Only full timestamps count: a bare date or a number-like string stays a string.
    return parsed if "T" in value else None


def same_data(left: Any, right: Any) -> bool:
    """Deep equality where two ISO timestamps naming the same instant are equal.

    `to_dict()` writes datetimes with `isoformat()`, so `...000Z` comes back as `+00:00`: the same data.
    """
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_data(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same_data(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, str) and isinstance(right, str) and left != right:
        a, b = _as_datetime(left), _as_datetime(right)
        return a is not None and b is not None and a == b
    return type(left) is type(right) and left == right


def _without_trailing_commas(text: str) -> str:
    return re.sub(r",(\s*[}\]])", r"\1", text)


def doc_json_blocks(document: str) -> list[Any]:
    """Every top-level JSON object printed in a vendor document of shared/vendor-docs/.

    Trailing commas are dropped first: Intercom's sample has one (VENDORS.md says to fix it).
    """
    shared = shared_dir()
    assert shared is not None, "shared/ is not beside this checkout"
    text = (shared / "vendor-docs" / document).read_text(encoding="utf-8")
    blocks: list[Any] = []
    depth, start, in_string, escaped = 0, -1, False, False
    for i, char in enumerate(text):
        if in_string:
            escaped = char == "\\" and not escaped
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"' and depth:
            in_string = True
        elif char == "{":
            if depth == 0:
                start = i
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                # Prose in braces ("{ticket_id}" in a path) is not JSON: skip it.
                with contextlib.suppress(json.JSONDecodeError):
                    blocks.append(json.loads(_without_trailing_commas(text[start : i + 1])))
    return blocks
