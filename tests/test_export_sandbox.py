"""`ticketkit export` end to end: the real desks against large sandboxes served on loopback, the command in
child processes, as a user runs it.

- Resume in a new process: an export SIGKILLed at a random moment (after a random number of pages, or after a
  random delay), resumed with `--resume` (and killed again, now and then) until it finishes, writes exactly the
  bytes an uninterrupted export writes: the same ids, each once.
- A ticket the vendor sends broken, mid-export: it goes to FILE.errors.jsonl with its raw body and the reason,
  every other ticket is written, and the command exits 3.
- A vendor that under-reports its total: the completeness check fails the command (exit 4).
- `--since-checkpoint`: the next run lists what changed since the last one, and never misses a ticket.

The engine's finer cases (each kill point, refusals, the checkpoint's atomicity) are in tests/test_export.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import ticketkit
import yaml
from support import SPECS, VENDORS
from ticketkit.sandbox import Sandbox, serving

TICKETS = 200
PAGE_SIZE = 10
# Whether each vendor's listing reports a total (as `TicketPage.total`), so the completeness check runs.
REPORTS_TOTAL = {"routera": False, "intercom": True, "tickiti": False, "ankra": True}


def threads(vendor: str) -> list[str]:
    """--with-comments where the vendor has threads (Routera has none)."""
    caps = ticketkit.connect(vendor, **Sandbox(vendor).connect_options()).capabilities
    return ["--with-comments"] if "comments.list" in caps else []


def connection_flags(sandbox: Sandbox) -> list[str]:
    """The command-line flags that reach `sandbox` on loopback (its URL, token and the vendor's extras)."""
    flags = []
    for name, value in sandbox.connect_options().items():
        if name != "transport" and value is not None:
            flags += ["--" + name.replace("_", "-"), str(value)]
    return flags


def command(sandbox: Sandbox, out: Path, *flags: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "ticketkit.cli",
        "export",
        sandbox.vendor,
        *connection_flags(sandbox),
        "--out",
        str(out),
        "--page-size",
        str(PAGE_SIZE),
        "--no-progress",
        *flags,
    ]


def run(sandbox: Sandbox, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(sandbox, out, *flags), capture_output=True, text=True, timeout=120)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def pages_done(out: Path) -> int:
    try:
        return int(json.loads(out.with_name(out.name + ".checkpoint.json").read_text())["counts"]["pages"])
    except (OSError, ValueError, KeyError):
        return 0


def kill_somewhere(args: list[str], out: Path, rng: random.Random, pages: int, seconds: float) -> str:
    """Start the export and SIGKILL it after a random number of its `pages`, or a random delay up to a little
    more than the `seconds` a whole export takes; how it went."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if rng.random() < 0.5:
            after = rng.randint(1, max(1, pages - 1))
            deadline = time.monotonic() + 60
            while pages_done(out) < after and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            how = f"after {after} pages"
        else:
            delay = rng.uniform(0.0, seconds * 1.1)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=delay)
            how = f"after {delay:.2f} s"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    return how + (" (it had finished)" if process.returncode == 0 else "")


@pytest.fixture(scope="module", params=VENDORS)
def served(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    with serving(request.param, tickets=TICKETS, seed=11) as sandbox:
        yield sandbox


@dataclass(frozen=True)
class Whole:
    """An uninterrupted export: its output, its pages, and how long the command took."""

    out: Path
    pages: int
    seconds: float


@pytest.fixture(scope="module")
def whole(served: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Whole:
    """An uninterrupted export of the served sandbox, the reference every resumed one is compared with."""
    out = tmp_path_factory.mktemp(f"whole-{served.vendor}") / "tickets.jsonl"
    started = time.monotonic()
    done = run(served, out, *threads(served.vendor))
    assert done.returncode == 0, done.stdout + done.stderr
    return Whole(out, pages_done(out), time.monotonic() - started)


def test_every_line_is_a_unified_ticket_with_its_thread(served: Sandbox, whole: Whole) -> None:
    schema = yaml.safe_load((SPECS / "unified.yaml").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    written = lines(whole.out)
    for line in written:
        validator.validate(line)
    if threads(served.vendor):
        assert all(isinstance(line["comments"], list) for line in written)
        assert sum(len(line["comments"]) for line in written) > len(written)  # threads of 0-6 parts


@pytest.mark.parametrize("seed", range(3))
def test_an_export_killed_at_random_and_resumed_in_new_processes_writes_the_same_bytes(
    served: Sandbox, whole: Whole, seed: int, tmp_path: Path
) -> None:
    rng = random.Random(f"{served.vendor}-{seed}")
    out = tmp_path / "tickets.jsonl"
    args = command(served, out, *threads(served.vendor))
    history = [kill_somewhere(args, out, rng, whole.pages, whole.seconds)]
    for _ in range(10):
        # Killed before its first checkpoint: nothing to resume, it starts again.
        resumed = [*args, "--resume"] if out.with_name(out.name + ".checkpoint.json").exists() else args
        if rng.random() < 0.3:  # killed again while resuming
            history.append(kill_somewhere(resumed, out, rng, whole.pages, whole.seconds))
            continue
        done = subprocess.run(resumed, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (history, done.stdout, done.stderr)
        break
    assert out.read_bytes() == whole.out.read_bytes(), history
    ids = [line["id"] for line in lines(out)]
    assert len(ids) == len(set(ids)) >= TICKETS
    assert not out.with_name(out.name + ".partial").exists()


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_broken_ticket_mid_export_goes_to_the_errors_file_and_the_export_goes_on(vendor: str, tmp_path: Path) -> None:
    with serving(vendor, tickets=60, seed=3, corrupt_tickets={27}) as sandbox:
        out = tmp_path / "tickets.jsonl"
        done = run(sandbox, out, *threads(vendor))
        clean = tmp_path / "clean.jsonl"
    with serving(vendor, tickets=60, seed=3) as sandbox:
        assert run(sandbox, clean, *threads(vendor)).returncode == 0
    assert done.returncode == 3, done.stdout + done.stderr
    assert "errors: 1 (1 tickets, 0 threads)" in done.stdout
    (record,) = lines(out.with_name(out.name + ".errors.jsonl"))
    assert record["kind"] == "ticket" and record["raw"] and record["reason"]
    written = [line["id"] for line in lines(out)]
    expected = [line["id"] for line in lines(clean)]
    assert len(written) == len(expected) - 1 and set(written) < set(expected)
    (missing,) = set(expected) - set(written)
    assert record["id"] in (missing, None) and missing in record["raw"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_vendor_that_under_reports_its_total_fails_the_completeness_check(vendor: str, tmp_path: Path) -> None:
    with serving(vendor, tickets=45, seed=5, total_shortfall=2) as sandbox:
        done = run(sandbox, tmp_path / "t.jsonl", "--json")
    summary = json.loads(done.stdout)
    if REPORTS_TOTAL[vendor]:
        assert done.returncode == 4, done.stderr
        assert summary["reported_total"] == summary["tickets"] - 2 and summary["complete"] is False
    else:
        assert done.returncode == 0 and summary["complete"] is None, done.stderr


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_next_run_since_the_checkpoint_lists_what_changed_and_misses_nothing(vendor: str, tmp_path: Path) -> None:
    with serving(vendor, tickets=80, seed=9) as sandbox:
        first = tmp_path / "first.jsonl"
        done = run(sandbox, first, "--json")
        assert done.returncode == 0, done.stderr
        watermark = json.loads(done.stdout)["next_since"]
        assert watermark
        with ticketkit.connect(vendor, **sandbox.connect_options()) as desk:
            changed = [line["id"] for line in lines(first)[5:8]]
            for ticket_id in changed:
                if "comments.create" in desk.capabilities:
                    desk.comments.create(ticket_id, body="A reply since the last export")
                else:  # Routera: no thread
                    desk.tickets.update(ticket_id, subject="Changed since the last export")
        second = tmp_path / "second.jsonl"
        done = run(sandbox, second, "--since-checkpoint", str(first.with_name("first.jsonl.checkpoint.json")))
        assert done.returncode == 0, done.stderr
    since = when(watermark)
    got = {line["id"]: line for line in lines(second)}
    assert set(changed) <= set(got)
    at_the_boundary = {line["id"] for line in lines(first) if when(line["updated_at"]) >= since}
    assert set(got) == set(changed) | at_the_boundary  # nothing more than changed, or tied at the watermark
    assert all(when(line["updated_at"]) >= since for line in got.values())


def when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.mark.parametrize(("vendor", "flags"), [("intercom", []), ("ankra", ["--rate-limit", "100"])])
def test_an_export_under_the_vendors_rate_limit_surfaces_no_429(vendor: str, flags: list[str], tmp_path: Path) -> None:
    """Intercom's budget reads its X-RateLimit-* headers; Ankra sends none and is paced by --rate-limit."""
    with serving(vendor, tickets=150, seed=2, rate_limit=100) as sandbox:
        done = run(sandbox, tmp_path / "t.jsonl", "--with-comments", "--json", *flags)
        busiest = sandbox.busiest_window()
        sent = sandbox.stats.throttled
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["tickets"] == 150 and summary["throttled"] == sent  # every 429 sent was received, and retried
    assert busiest <= 100
