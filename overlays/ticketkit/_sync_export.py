"""The engine of `ticketkit export`: every ticket of a listing to JSON lines, resumable, incremental, checked.

    run_export(desk, ExportRequest(out=Path("tickets.jsonl"), with_comments=True), progress=sys.stderr)

Files, beside the output FILE (`_export_files.py`):

- `FILE.partial`: the export being written, one unified Ticket per line (`to_json`); renamed to FILE when
  every page is written, so FILE is only ever a whole export.
- `FILE.checkpoint.json` (`_checkpoint.py`): saved atomically after each page; `resume=True` truncates
  FILE.partial and FILE.errors.jsonl back to the offsets it records and continues from its cursor, so no ticket
  is written twice or skipped. It stays after the export, complete, for `since_checkpoint`.
- `FILE.errors.jsonl`: one line per record that failed, and the export goes on: a listed ticket that failed to
  parse (`page.rejected`) or a thread that failed to parse or was gone (404). Removed at the end when there
  were none.

A page is made durable in this order: its lines are written and fsynced, its errors written and fsynced, then
the checkpoint replaced. A kill before the checkpoint leaves bytes past the recorded offsets, which the resume
cuts off and fetches again.

With `with_comments`, each page's threads are fetched by `desk.comments.list_many` (at most `concurrency` in
flight, paced by the desk's rate budget) while the next page is read ahead (`_lookahead.py`). The engine knows
nothing of the command line: `cli.py` parses the flags and calls `run_export`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ticketkit_models import Comment

from . import _checkpoint as checkpoints
from ._checkpoint import Checkpoint, CheckpointError
from ._errors import NotFoundError, ResponseValidationError
from ._export import to_json
from ._export_desk import ExportDesk
from ._export_files import ExportFiles, Paths, error_line, raw_body
from ._export_summary import Completeness, ExportSummary
from ._lookahead import ahead
from ._paging import TicketPage
from ._progress import Progress

# -- what is asked ------------------------------------------------------------------------------------------------


class ExportError(Exception):
    """An export that cannot start as asked (a usage problem: the command exits 2)."""


@dataclass(frozen=True)
class ExportRequest:
    out: Path
    status: str | None = None
    since: dt.datetime | None = None
    since_checkpoint: Path | None = None  # the --since is this (complete) checkpoint's watermark
    with_comments: bool = False
    concurrency: int | None = None
    page_size: int | None = None
    limit: int | None = None
    resume: bool = False
    origin: str | None = None  # the API's URL without userinfo: a resume against another account is refused

    def arguments(self, vendor: str) -> dict[str, Any]:
        """What a resume must ask the same (not `concurrency`: it changes the pace, not the output)."""
        return {
            "vendor": vendor,
            "origin": self.origin,
            "status": self.status,
            "since": iso(self.since),
            "since_checkpoint": str(self.since_checkpoint) if self.since_checkpoint else None,
            "with_comments": self.with_comments,
            "page_size": self.page_size,
            "limit": self.limit,
        }


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def parse_iso(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


# -- the engine ---------------------------------------------------------------------------------------------------


def run_export(
    desk: ExportDesk,
    request: ExportRequest,
    *,
    progress: Any = None,
    clock: Callable[[], float] = time.monotonic,
) -> ExportSummary:
    """Export every ticket `request` asks for to `request.out`; see the module docstring.

    `progress`: a stream (stderr) for the progress line, or None. Raises ExportError before anything is sent
    for a request that cannot run (nothing to resume, other arguments, an unfinished export in the way,
    threads from a vendor without them); a vendor or network error stops the export where its checkpoint
    says, to be resumed.
    """
    paths = Paths.of(request.out)
    if request.with_comments and "comments.list" not in desk.capabilities:
        raise ExportError(f"{desk.vendor} has no comments.list: --with-comments cannot fetch its threads")
    arguments = request.arguments(desk.vendor)
    state = _resumed(paths, arguments) if request.resume else _fresh(paths, request, arguments)
    if state.complete:
        return _summary(paths, state, 0, resumed=True, already=True, request=request)
    started, before = clock(), _usage(desk)
    base = state.counts
    meter = Progress(progress, f"{desk.vendor} export", clock=clock, already=base.tickets)

    def account(checkpoint: Checkpoint) -> Checkpoint:
        requests, throttled = _usage(desk)
        counts = dataclasses.replace(
            checkpoint.counts,
            requests=base.requests + requests - before[0],
            throttled=base.throttled + throttled - before[1],
            elapsed=base.elapsed + clock() - started,
        )
        return dataclasses.replace(checkpoint, counts=counts)

    if not state.listed:
        with ExportFiles(paths, state) as files:
            # No cursor after a page: that page was the last (killed before `listed` was saved).
            pages_left = state.cursor is not None or state.counts.pages == 0
            if pages_left and (request.limit is None or state.counts.tickets < request.limit):
                listing = desk.tickets.pages(
                    status=request.status,
                    page_size=request.page_size,
                    updated_since=parse_iso(state.updated_since),
                    cursor=state.cursor,
                    limit=None if request.limit is None else request.limit - state.counts.tickets,
                )
                for page, threads in _with_threads(desk, ahead(listing), request):
                    state = account(_write_page(files, state, page, threads))
                    checkpoints.save(paths.checkpoint, state)
                    meter.update(state.counts.tickets, state.counts.requests, _status(desk))
        state = account(dataclasses.replace(state, cursor=None, listed=True))
        checkpoints.save(paths.checkpoint, state)
    if paths.partial.exists() or not paths.out.exists():  # not renamed yet (a kill can fall between the two)
        os.replace(paths.partial, paths.out)
        checkpoints.sync_folder(paths.out.parent)
    if state.counts.errors == 0:
        paths.errors.unlink(missing_ok=True)
    state = dataclasses.replace(state, complete=True)
    checkpoints.save(paths.checkpoint, state)
    meter.finish(state.counts.tickets, state.counts.requests, _status(desk))
    this_run = state.counts.requests - base.requests
    return _summary(paths, state, this_run, resumed=request.resume, already=False, request=request)


def _status(desk: ExportDesk) -> Any:
    try:
        return desk.rate_limit
    except AttributeError:
        return None


def _usage(desk: ExportDesk) -> tuple[int, int]:
    status = _status(desk)
    return (status.requests, status.throttled) if status is not None else (0, 0)


def _fresh(paths: Paths, request: ExportRequest, arguments: dict[str, Any]) -> Checkpoint:
    if paths.checkpoint.exists():
        try:
            old = checkpoints.load(paths.checkpoint)
        except CheckpointError:
            old = None
        if old is None or not old.complete:
            raise ExportError(
                f"{paths.checkpoint} holds an unfinished export: pass --resume to continue it, or delete it to "
                "start over"
            )
    since = request.since
    if request.since_checkpoint is not None:
        if since is not None:
            raise ExportError("--since and --since-checkpoint: give one")
        since = _since_from(request.since_checkpoint)
    paths.errors.unlink(missing_ok=True)
    paths.partial.write_bytes(b"")
    state = Checkpoint(arguments=arguments, updated_since=iso(since))
    checkpoints.save(paths.checkpoint, state)
    return state


def _since_from(path: Path) -> dt.datetime | None:
    try:
        previous = checkpoints.load(path)
    except CheckpointError as exc:
        raise ExportError(f"--since-checkpoint: {exc}") from None
    if not previous.complete:
        raise ExportError(f"--since-checkpoint: {path} is of an unfinished export (--resume it first)")
    return parse_iso(previous.watermark or previous.updated_since)


def _resumed(paths: Paths, arguments: dict[str, Any]) -> Checkpoint:
    try:
        state = checkpoints.load(paths.checkpoint)
    except CheckpointError as exc:
        raise ExportError(f"--resume: {exc}") from None
    changed = checkpoints.differences(state.arguments, arguments)
    if changed:
        raise ExportError(f"--resume: the export in {paths.checkpoint} was asked otherwise: " + "; ".join(changed))
    if state.complete or state.listed:
        return state
    for path, offset in ((paths.partial, state.offset), (paths.errors, state.errors_offset)):
        size = path.stat().st_size if path.exists() else 0
        if size < offset:
            raise ExportError(f"--resume: {path} holds {size} bytes, fewer than the {offset} its checkpoint records")
    return state


Thread = list[Comment] | BaseException | None  # None: threads not asked for


def _with_threads(
    desk: ExportDesk, pages: Iterator[TicketPage], request: ExportRequest
) -> Iterator[tuple[TicketPage, list[Thread]]]:
    """Each page with the threads of its tickets, in order (fetched concurrently, under the desk's budget)."""
    for page in pages:
        if not request.with_comments or not page.items:
            yield page, [None] * len(page.items)
            continue
        ids = [ticket.id for ticket in page.items]
        threads: list[Thread] = list(
            desk.comments.list_many(ids, concurrency=request.concurrency, return_exceptions=True)
        )
        if len(threads) != len(ids):
            raise RuntimeError(f"comments.list_many returned {len(threads)} threads for {len(ids)} tickets")
        for thread in threads:
            if isinstance(thread, BaseException) and not isinstance(thread, ResponseValidationError | NotFoundError):
                raise thread  # a network or vendor error: the export stops here, resumable from this page
        yield page, threads


def _write_page(files: ExportFiles, state: Checkpoint, page: TicketPage, threads: list[Thread]) -> Checkpoint:
    number = state.counts.pages + 1
    comments = errors = 0
    lines = []
    for ticket, thread in zip(page.items, threads, strict=True):
        if isinstance(thread, BaseException):
            files.error(error_line("thread", number, ticket.id, str(thread), raw_body(thread)))
            errors += 1
        elif thread is not None:
            ticket = dataclasses.replace(ticket, comments=thread)
            comments += len(thread)
        lines.append(to_json(ticket) + "\n")
    files.output.write("".join(lines).encode())
    for record in page.rejected:
        files.error(error_line("ticket", number, record.id, record.reason, record.raw))
    offset, errors_offset = files.sync()
    c = state.counts
    counts = dataclasses.replace(
        c,
        pages=number,
        tickets=c.tickets + len(page.items),
        comments=c.comments + comments,
        rejected=c.rejected + len(page.rejected),
        errors=c.errors + errors + len(page.rejected),
    )
    total, every = page.total, state.every_page_total and page.total is not None
    changed = state.total is not None and total is not None and total != state.total
    varied = state.totals_varied or (number > 1 and changed)
    return dataclasses.replace(
        state,
        cursor=page.cursor,
        offset=offset,
        errors_offset=errors_offset,
        counts=counts,
        total=total,
        every_page_total=every,
        totals_varied=varied,
        watermark=iso(page.watermark) or state.watermark,
    )


def _summary(
    paths: Paths, state: Checkpoint, this_run: int, *, resumed: bool, already: bool, request: ExportRequest
) -> ExportSummary:
    completeness, unchecked = None, "the vendor reports no total for this listing"
    if request.limit is not None:
        unchecked = "--limit: the vendor's total counts more"
    elif state.every_page_total and state.total is not None and state.counts.pages:
        listed = state.counts.tickets + state.counts.rejected
        completeness = Completeness(reported=state.total, listed=listed, varied=state.totals_varied)
    return ExportSummary(
        paths=paths,
        counts=state.counts,
        requests_this_run=this_run,
        resumed=resumed,
        already_complete=already,
        completeness=completeness,
        updated_since=state.updated_since,
        watermark=state.watermark,
        with_comments=request.with_comments,
        unchecked=unchecked,
    )
