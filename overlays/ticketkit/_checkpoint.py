"""The checkpoint of `ticketkit export`: where a killed export resumes, written atomically after each page.

`FILE.checkpoint.json`, beside the output, one JSON object:

    {"format": "ticketkit-export-checkpoint/1",
     "arguments": {...},          what the export was asked (a resume must ask the same)
     "updated_since": "...Z",     the --since in force (resolved once: --since-checkpoint is read at the start)
     "cursor": "tk1...",          the listing's cursor after the last page written (null: from the start)
     "offset": 123456,            bytes of FILE.partial that hold whole pages; a resume truncates it there
     "errors_offset": 0,          the same for FILE.errors.jsonl
     "counts": {"pages", "tickets", "comments", "rejected", "errors", "requests", "throttled", "elapsed"},
     "total": 20000,              the total the vendor reported on the last page (null: unknown)
     "every_page_total": true,    whether every page so far reported one (the completeness check needs it)
     "totals_varied": false,      whether the reported total changed between pages
     "watermark": "...Z",         the --since of the next run (the listing's watermark)
     "listed": false,             true once every page is written: FILE.partial is whole, to be renamed FILE
     "complete": false}           true once it is renamed: FILE holds the whole export

It never holds a credential: the arguments name the vendor and the API origin without userinfo, and the cursor
is the listing's own (opaque, credential-free). Saved by writing a temporary file beside it, fsync, then
`os.replace` and an fsync of the folder: a kill at any moment leaves the old checkpoint or the new one, whole.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "ticketkit-export-checkpoint/1"


class CheckpointError(Exception):
    """A checkpoint that cannot be used: missing, damaged, of another format, or for other arguments."""


@dataclass(frozen=True)
class Counts:
    """What an export has done so far, over every run that resumed it."""

    pages: int = 0
    tickets: int = 0  # lines written to the output
    comments: int = 0  # comments in the threads written
    rejected: int = 0  # listed tickets that failed to parse (each also an error)
    errors: int = 0  # lines written to the errors file (rejected tickets, threads that failed)
    requests: int = 0
    throttled: int = 0  # 429s received (retried, not surfaced)
    elapsed: float = 0.0  # seconds


@dataclass(frozen=True)
class Checkpoint:
    arguments: dict[str, Any]
    updated_since: str | None = None
    cursor: str | None = None
    offset: int = 0
    errors_offset: int = 0
    counts: Counts = field(default_factory=Counts)
    total: int | None = None
    every_page_total: bool = True
    totals_varied: bool = False
    watermark: str | None = None
    listed: bool = False
    complete: bool = False

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **dataclasses.asdict(self)}, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, where: Path) -> Checkpoint:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
                raise CheckpointError(f"{where} is not a ticketkit export checkpoint ({FORMAT})")
            counts = Counts(**data.pop("counts"))
            checkpoint = cls(counts=counts, **data)
        except CheckpointError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise CheckpointError(f"{where} is damaged ({exc})") from exc
        if not isinstance(checkpoint.arguments, dict) or checkpoint.offset < 0 or checkpoint.errors_offset < 0:
            raise CheckpointError(f"{where} is damaged (arguments or offsets)")
        return checkpoint


def load(path: Path) -> Checkpoint:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CheckpointError(f"no checkpoint at {path}") from None
    return Checkpoint.from_json(text, path)


def save(path: Path, checkpoint: Checkpoint) -> None:
    """Replace the checkpoint at `path` atomically and durably."""
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(checkpoint.to_json())
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it survives a crash of the machine (a no-op where unsupported)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def differences(recorded: dict[str, Any], asked: dict[str, Any]) -> list[str]:
    """The arguments a resume asks differently from the export it resumes, as `name: was X, now Y`."""
    names = sorted(set(recorded) | set(asked))
    return [
        f"{name}: was {recorded.get(name)!r}, now {asked.get(name)!r}"
        for name in names
        if recorded.get(name) != asked.get(name)
    ]
