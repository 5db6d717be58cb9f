"""The files of an export, beside its output FILE: where each is, and writing them page by page durably.

- `FILE.partial`: the export being written, renamed to FILE once every page is written;
- `FILE.checkpoint.json`: the checkpoint (`_checkpoint.py`);
- `FILE.errors.jsonl`: one JSON object a line for each record that failed: `{"kind": "ticket" | "thread",
  "page", "id", "reason", "raw"}` (the raw body as the vendor sent it, where there is one).

`ExportFiles` opens FILE.partial and FILE.errors.jsonl cut back to a checkpoint's offsets (what a resume must
write again), appends to them, and `sync()` makes what was written durable and says the offsets to record.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ._checkpoint import Checkpoint


@dataclass(frozen=True)
class Paths:
    """Where an export's files are, all beside its output."""

    out: Path
    partial: Path
    checkpoint: Path
    errors: Path

    @classmethod
    def of(cls, out: Path) -> Paths:
        return cls(
            out=out,
            partial=out.with_name(out.name + ".partial"),
            checkpoint=out.with_name(out.name + ".checkpoint.json"),
            errors=out.with_name(out.name + ".errors.jsonl"),
        )


class ExportFiles:
    """FILE.partial and FILE.errors.jsonl, cut back to the checkpoint's offsets, each open for appending."""

    def __init__(self, paths: Paths, state: Checkpoint) -> None:
        self.paths = paths
        self.output: BinaryIO = _open_at(paths.partial, state.offset)
        self.errors: BinaryIO | None = _open_at(paths.errors, state.errors_offset) if paths.errors.exists() else None

    def error(self, line: bytes) -> None:
        if self.errors is None:
            self.errors = _open_at(self.paths.errors, 0)
        self.errors.write(line)

    def sync(self) -> tuple[int, int]:
        """Make what was written durable; the offsets to record."""
        offsets = []
        for file in (self.output, self.errors):
            if file is None:
                offsets.append(0)
                continue
            file.flush()
            os.fsync(file.fileno())
            offsets.append(file.tell())
        return offsets[0], offsets[1]

    def __enter__(self) -> ExportFiles:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for file in (self.output, self.errors):
            if file is not None:
                file.close()


def _open_at(path: Path, offset: int) -> BinaryIO:
    file = open(path, "r+b" if path.exists() else "w+b")  # noqa: SIM115 - closed by ExportFiles
    file.truncate(offset)
    file.seek(offset)
    return file


def error_line(kind: str, page: int, ticket_id: str | None, reason: str, raw: str | None) -> bytes:
    """One line of FILE.errors.jsonl."""
    record = {"kind": kind, "page": page, "id": ticket_id, "reason": reason, "raw": raw}
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def raw_body(error: BaseException) -> str | None:
    """The body of the response a ticketkit error came from (ResponseValidationError, APIStatusError), if any."""
    response = getattr(error, "response", None)
    try:
        return None if response is None else str(response.text)
    except Exception:  # a streamed body not read: the reason is still recorded
        return None
