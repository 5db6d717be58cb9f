"""`ticketkit sync`: load a desk's tickets, comments and attachments into a database with dlt (`ticketkit.dlt`).

dlt is imported only when the command runs: it is the optional extra `ticketkit[dlt]`, and every other
command works without it. DuckDB by default (a file in the working directory, no server); `--to NAME` is any
dlt destination, configured (credentials too) the way dlt configures it: `.dlt/secrets.toml` or
`DESTINATION__<NAME>__CREDENTIALS`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ._desk import Desk

DEFAULT_DATABASE = "ticketkit.duckdb"
DEFAULT_DATASET = "tickets"
MISSING_DLT = "ticketkit sync needs dlt: pip install 'ticketkit[dlt]'"


class SyncUsageError(Exception):
    """A usage problem (dlt missing, an unknown destination): exit 2."""


class SyncFailed(Exception):
    """The pipeline failed (the vendor, the network, the destination): exit 1; the next run resumes."""


def add_flags(command: argparse.ArgumentParser) -> None:
    command.epilog = (
        "Run it again to load only what changed since the last successful run (dlt keeps the state in the "
        "pipelines folder and the dataset). A run that fails saves nothing: the next one starts from the last "
        "good state."
    )
    command.add_argument(
        "--to",
        metavar="DESTINATION",
        help=f"a dlt destination name (duckdb, postgres, bigquery, ...) or a .duckdb file (default: "
        f"{DEFAULT_DATABASE} in the working directory)",
    )
    command.add_argument(
        "--dataset", default=DEFAULT_DATASET, help=f"the dataset (schema) name (default {DEFAULT_DATASET})"
    )
    command.add_argument(
        "--full-refresh",
        action="store_true",
        help="drop the dataset's ticketkit tables and state, then load everything (other vendors in the same "
        "dataset are dropped too: sync them again)",
    )
    command.add_argument(
        "--pipelines-dir", metavar="DIR", help="dlt's working folder (default: dlt's, ~/.dlt/pipelines)"
    )
    command.add_argument("--no-comments", action="store_true", help="tickets only, no threads")
    command.add_argument("--attachments", action="store_true", help="attachment metadata too (never the bytes)")
    command.add_argument(
        "--concurrency", type=int, metavar="N", help="threads fetched at once (default: the desk's, 8)"
    )
    command.add_argument("--tickets", type=int, metavar="N", help="with --sandbox: N synthetic tickets")


def sandbox_options(args: argparse.Namespace) -> dict[str, Any]:
    return {"tickets": args.tickets} if args.tickets is not None else {}


def run(desk: Desk, args: argparse.Namespace, out: TextIO, as_json: bool) -> int:
    try:
        import dlt
        from dlt.pipeline.exceptions import PipelineStepFailed

        from .dlt import ticketkit_source
    except ImportError as exc:
        raise SyncUsageError(MISSING_DLT) from exc
    destination: Any
    where: str
    file_format: Any = None  # dlt's choice for the destination
    if args.to is None or args.to == "duckdb" or args.to.endswith(".duckdb"):
        path = Path(DEFAULT_DATABASE if args.to in (None, "duckdb") else args.to).resolve()
        destination, where = dlt.destinations.duckdb(str(path)), str(path)
        # JSON lines, not dlt's default INSERT statements for DuckDB: DuckDB parses a file of INSERTs holding the
        # raw records in memory, which took the peak of a 20,000-ticket sync to 1.9 GB.
        file_format = "jsonl"
    else:
        destination, where = args.to, args.to
    options: dict[str, Any] = {"pipeline_name": f"ticketkit_{desk.vendor}", "dataset_name": args.dataset}
    if args.pipelines_dir:
        options["pipelines_dir"] = str(Path(args.pipelines_dir).resolve())
    started = time.monotonic()
    try:
        pipeline = dlt.pipeline(destination=destination, **options)
        source = ticketkit_source(
            desk, with_comments=not args.no_comments, attachments=args.attachments, concurrency=args.concurrency
        )
        pipeline.run(source, refresh="drop_sources" if args.full_refresh else None, loader_file_format=file_format)
    except PipelineStepFailed as exc:
        cause = exc.__cause__
        while cause is not None and cause.__cause__ is not None:
            cause = cause.__cause__
        raise SyncFailed(f"sync failed at dlt's {exc.step} step: {cause or exc}") from exc
    except Exception as exc:  # dlt's configuration errors: an unknown destination, missing credentials
        if type(exc).__module__.startswith("dlt."):
            raise SyncUsageError(f"dlt: {exc}") from exc
        raise
    elapsed = time.monotonic() - started
    trace = pipeline.last_trace
    normalized = trace.last_normalize_info if trace is not None else None
    counts = {
        table: rows
        for table, rows in (normalized.row_counts if normalized is not None else {}).items()
        if not table.startswith("_dlt")
    }
    rows = {table: counts.get(table, 0) for table in ("tickets", "comments", "attachments")}
    if as_json:
        import json

        summary = {"vendor": desk.vendor, "destination": where, "dataset": args.dataset, "rows": rows}
        print(json.dumps({**summary, "elapsed": round(elapsed, 3)}), file=out)
    else:
        loaded = ", ".join(f"{table} {n}" for table, n in rows.items())
        print(f"synced {desk.vendor} into {where}, dataset {args.dataset}: rows loaded: {loaded}", file=out)
        print(f"elapsed {elapsed:.1f} s; run it again to load only what changed", file=out)
    return 0
