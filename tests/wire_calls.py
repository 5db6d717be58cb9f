"""The wire scenario: the exact requests a fixed set of calls sends to each vendor, as golden-file data.

For every registered vendor, against its in-process sandbox behind an `httpx.MockTransport` that records each
request: connect, then the unified calls tickets.create/get/list, tickets.update (to in_progress, then to open),
comments.list/create and tickets.close (each where the vendor can; the others are written down as unsupported
or with their error), then the generated client's operations that
need nothing but the client (its listings). What is recorded per request: method, path, query (in order),
headers (sorted; secrets and per-run values replaced by placeholders) and body (parsed JSON, else text).

`tests/wire/<vendor>.json` holds one vendor's; `tests/test_wire_golden.py` compares, and
`python tests/wire_calls.py --update` (or `nox -s wire -- --update`) rewrites them.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import ticketkit
from ticketkit import _registry as registry
from ticketkit.sandbox import Sandbox

GOLDEN = Path(__file__).parent / "wire"
SUBJECT = "Wire: the label printer is on fire"
DESCRIPTION = "Since this morning the label printer in bay 3 smokes when it starts."
REQUESTER = "marcus@trailblazers-club.example"
COMMENT = "Thanks, we are sending a technician."
CREATED_ID = "<created ticket id>"
# Header values that are secret or differ from run to run: the name stays, the value becomes a placeholder.
SECRET_HEADERS = {"authorization", "cookie", "x-api-key", "proxy-authorization"}
VOLATILE_HEADERS = {"idempotency-key": "<idempotency-key>", "x-request-id": "<request-id>"}
# The version in the User-Agent changes at every release, which no request shape does.
VERSION = re.compile(re.escape(ticketkit.__version__))


def golden_path(vendor: str) -> Path:
    return GOLDEN / f"{vendor}.json"


def vendors() -> list[str]:
    """The vendors with a generated client (a plug-in registered by a test has none)."""
    return [entry.name for entry in registry.vendors() if entry.client]


def record(vendor: str) -> dict[str, Any]:
    """Run the scenario against a fresh sandbox of `vendor`; the requests each call sent, in order."""
    sandbox = Sandbox(vendor)
    sent: list[dict[str, Any]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(_describe(request))
        response = sandbox.answer(request)
        if response is None:  # the sandbox drops connections only when told to (faults), never here
            raise httpx.RemoteProtocolError("sandbox dropped the connection", request=request)
        return response

    entry = registry.get(vendor)
    options = {**sandbox.connect_options(), "transport": httpx.MockTransport(answer), **entry.demo_options}
    calls: list[dict[str, Any]] = []
    created: dict[str, str] = {}
    with ticketkit.connect(vendor, **options) as desk:
        for name, call in _unified_calls(desk, entry.takes_requester, created) + _generated_calls(desk.client):
            sent.clear()
            outcome = _run(call)
            calls.append({"call": name, "outcome": outcome, "requests": list(sent)})
    # Some sandboxes make random ids (as their vendors do): the created ticket's id becomes a placeholder.
    return {"vendor": vendor, "calls": _replace(calls, created.get("id"), CREATED_ID)}


def _replace(value: Any, old: str | None, new: str) -> Any:
    """`value` with every string equal to `old`, and every path segment equal to it, replaced by `new`."""
    if old is None:
        return value
    if isinstance(value, dict):
        return {key: _replace(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, old, new) for item in value]
    if isinstance(value, str) and value.startswith("/"):
        return "/".join(new if segment == old else segment for segment in value.split("/"))
    return new if value == old else value


def _unified_calls(
    desk: ticketkit.Desk, takes_requester: bool, created: dict[str, str]
) -> list[tuple[str, Callable[[], Any]]]:
    def create() -> None:
        requester = REQUESTER if takes_requester else None
        created["id"] = desk.tickets.create(subject=SUBJECT, description=DESCRIPTION, requester_email=requester).id

    def ticket_id() -> str:
        return created.get("id", "missing")

    return [
        ("tickets.create", create),
        ("tickets.get", lambda: desk.tickets.get(ticket_id())),
        ("tickets.list", lambda: list(desk.tickets.list(limit=3))),
        # Vendors differ in the statuses they can set: both calls are recorded, each with its outcome.
        ("tickets.update(status=in_progress)", lambda: desk.tickets.update(ticket_id(), status="in_progress")),
        ("tickets.update(status=open)", lambda: desk.tickets.update(ticket_id(), status="open")),
        ("comments.list", lambda: desk.comments.list(ticket_id())),
        ("comments.create", lambda: desk.comments.create(ticket_id(), body=COMMENT)),
        ("tickets.close", lambda: desk.tickets.close(ticket_id())),
    ]


def _generated_calls(client: Any) -> list[tuple[str, Callable[[], Any]]]:
    """Every operation of the generated package whose `sync_detailed` needs only the client."""
    package = importlib.import_module(type(client).__module__.split(".")[0] + ".api")
    calls: list[tuple[str, Callable[[], Any]]] = []
    for info in sorted(pkgutil.walk_packages(package.__path__, package.__name__ + "."), key=lambda i: i.name):
        module = importlib.import_module(info.name)
        operation = getattr(module, "sync_detailed", None)
        if operation is None:
            continue
        required = [
            p.name
            for p in inspect.signature(operation).parameters.values()
            if p.default is inspect.Parameter.empty and p.name != "client"
        ]
        if not required:
            name = info.name.split(".", 2)[2]  # <tag>.<operation>

            def call(operation: Callable[..., Any] = operation) -> Any:
                return operation(client=client)

            calls.append((f"client.{name}", call))
    return calls


def _run(call: Callable[[], Any]) -> str:
    try:
        call()
    except ticketkit.UnsupportedOperationError:
        return "unsupported"
    except ticketkit.TicketkitError as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def _describe(request: httpx.Request) -> dict[str, Any]:
    headers: dict[str, str] = {}
    for name, value in sorted(request.headers.items()):
        lower = name.lower()
        if lower in SECRET_HEADERS:
            value = "<secret>"
        elif lower in VOLATILE_HEADERS:
            value = VOLATILE_HEADERS[lower]
        elif lower == "user-agent":
            value = VERSION.sub("<version>", value)
        headers[lower] = value
    return {
        "method": request.method,
        "path": request.url.path,
        "query": [[key, value] for key, value in request.url.params.multi_items()],
        "headers": headers,
        "body": _body(request),
    }


def _body(request: httpx.Request) -> Any:
    content = request.content
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", "replace")


def dumps(recorded: dict[str, Any]) -> str:
    return json.dumps(recorded, indent=2, ensure_ascii=False) + "\n"


def update() -> list[Path]:
    """Rewrite every vendor's golden file from a fresh recording; the files written."""
    GOLDEN.mkdir(exist_ok=True)
    written = []
    for vendor in vendors():
        path = golden_path(vendor)
        path.write_text(dumps(record(vendor)), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/wire_calls.py --update   (rewrites tests/wire/<vendor>.json)")
    for path in update():
        print(f"wrote {path}")
