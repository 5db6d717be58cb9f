"""`ticketkit export`: its flags, and the flags turned into an export request, a summary and an exit code.

The work itself is `_sync_export.run_export`, which knows nothing of the command line.

Exit codes: 0 every listed ticket written and the vendor's total (where it reports one) agrees; 1 a vendor or
network error stopped the export (`--resume` continues it); 2 a usage error (including a `--resume` whose
arguments differ from the export it would continue); 3 the export finished but some records failed and are in
FILE.errors.jsonl; 4 the export finished but the vendor's total disagrees with what was listed (the
completeness check; it wins over 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ._desk import Desk

EXIT_OK, EXIT_RECORD_ERRORS, EXIT_INCOMPLETE = 0, 3, 4


EPILOG = (
    "Beside OUT: OUT.partial (renamed to OUT when complete), OUT.checkpoint.json (saved after each page; "
    "--resume continues from it), OUT.errors.jsonl (records that failed, with their raw body). "
    "Exit codes: 0 done; 1 a vendor or network error (--resume continues); 2 a usage error; 3 done, with records "
    "in OUT.errors.jsonl; 4 done, but the vendor's total disagrees with what was listed."
)


def add_flags(command: argparse.ArgumentParser) -> None:
    command.epilog = EPILOG
    command.add_argument("--out", required=True, help="the .jsonl file to write (one unified Ticket a line)")
    command.add_argument("--status", help="only tickets in this unified status (open, resolved, ...)")
    since = command.add_mutually_exclusive_group()
    since.add_argument(
        "--since",
        metavar="ISO",
        help="only tickets updated at or after this time (ISO 8601; without an offset it is UTC)",
    )
    since.add_argument(
        "--since-checkpoint",
        nargs="?",
        const="",
        metavar="CHECKPOINT",
        help="only tickets updated since the finished export whose checkpoint this is (default: OUT's, "
        "OUT.checkpoint.json): the --since it printed",
    )
    command.add_argument("--with-comments", action="store_true", help="fetch each ticket's thread too")
    command.add_argument(
        "--concurrency", type=int, metavar="N", help="threads fetched at once (default: the desk's, 8)"
    )
    command.add_argument(
        "--rate-limit",
        type=_rate,
        metavar="R",
        help="at most R requests a second, for a vendor that sends no rate-limit headers (Routera, Tickiti, "
        "Ankra); Intercom's own headers pace it anyway",
    )
    command.add_argument("--page-size", type=int, metavar="N", help="tickets asked for per page")
    command.add_argument("--limit", type=int, help="stop after this many tickets")
    command.add_argument(
        "--resume",
        action="store_true",
        help="continue the export OUT.checkpoint.json records (the same arguments), after a kill or an error",
    )
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="a progress line on stderr: tickets, tickets/s, requests, the rate budget (default: on)",
    )


class ExportUsageError(Exception):
    """Flags that cannot make an export (cli.py turns it into its UsageError)."""


def connect_options(args: argparse.Namespace) -> dict[str, Any]:
    """What the export's flags add to `connect()`: the rate budget of a vendor without headers."""
    return {} if args.rate_limit is None else {"rate_limit": args.rate_limit}


def _rate(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        rate = -1.0
    if not 0 < rate < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of requests a second")
    return rate


def parse_since(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ExportUsageError(f"--since {text!r} is not an ISO 8601 time (2026-12-01T09:30:00Z)") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def request_of(args: argparse.Namespace, origin: str | None) -> Any:
    from ._sync_export import ExportRequest

    out = Path(args.out)
    for name in ("concurrency", "page_size", "limit"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise ExportUsageError(f"--{name.replace('_', '-')} must be at least 1")
    since_checkpoint = None
    if args.since_checkpoint is not None:
        since_checkpoint = Path(args.since_checkpoint or out.with_name(out.name + ".checkpoint.json"))
    return ExportRequest(
        out=out,
        status=args.status,
        since=parse_since(args.since) if args.since else None,
        since_checkpoint=since_checkpoint,
        with_comments=args.with_comments,
        concurrency=args.concurrency,
        page_size=args.page_size,
        limit=args.limit,
        resume=args.resume,
        origin=origin,
    )


def exit_code(summary: Any) -> int:
    if summary.completeness is not None and not summary.completeness.ok:
        return EXIT_INCOMPLETE
    if summary.counts.errors:
        return EXIT_RECORD_ERRORS
    return EXIT_OK


def _resume_hint(out: Path, err: TextIO) -> None:
    from . import _checkpoint as checkpoints

    try:
        state = checkpoints.load(out.with_name(out.name + ".checkpoint.json"))
    except checkpoints.CheckpointError:
        return
    if not state.complete:
        print(
            f"ticketkit: the export stopped after {state.counts.tickets} tickets ({state.counts.pages} pages); "
            "the same command with --resume continues it",
            file=err,
        )


def run(desk: Desk, args: argparse.Namespace, origin: str | None, out: TextIO, err: TextIO) -> int:
    """Run the export the flags ask for; print its summary (JSON with --json); returns the exit code."""
    from ._sync_export import ExportError, run_export

    request = request_of(args, origin)
    try:
        summary = run_export(desk, request, progress=err if args.progress else None)
    except ExportError as exc:
        raise ExportUsageError(str(exc)) from None
    except (Exception, KeyboardInterrupt):  # cli.py reports the error itself; this says how to go on
        _resume_hint(request.out, err)
        raise
    if args.json:
        print(json.dumps(summary.to_dict()), file=out)
    else:
        for line in summary.lines():
            print(line, file=out)
    return exit_code(summary)
