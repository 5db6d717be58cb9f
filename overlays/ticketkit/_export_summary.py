"""What an export did, as the command prints it (`lines()`) or as JSON (`to_dict()`), and its completeness check."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ._checkpoint import Counts
from ._export_files import Paths


@dataclass(frozen=True)
class Completeness:
    """The vendor's total against what the export listed (tickets written + rejected)."""

    reported: int
    listed: int
    varied: bool  # the total changed between pages (tickets created or deleted while the export ran)

    @property
    def ok(self) -> bool:
        return self.reported == self.listed


@dataclass(frozen=True)
class ExportSummary:
    paths: Paths
    counts: Counts  # over every run of this export (a resume adds to the runs before it)
    requests_this_run: int
    resumed: bool
    already_complete: bool
    completeness: Completeness | None  # None: not checked, for the reason in `unchecked`
    updated_since: str | None
    watermark: str | None  # the --since of the next run
    with_comments: bool = False
    unchecked: str = "the vendor reports no total for this listing"

    @property
    def next_since(self) -> str | None:
        return self.watermark or self.updated_since

    def lines(self) -> list[str]:
        """The summary, as the command prints it."""
        c = self.counts
        done = "was already complete: " if self.already_complete else ""
        lines = [f"{done}wrote {c.tickets} tickets to {self.paths.out}"]
        if self.with_comments:
            lines[0] += f" with {c.comments} comments"
        if c.errors:
            threads = c.errors - c.rejected
            lines.append(f"errors: {c.errors} ({c.rejected} tickets, {threads} threads): see {self.paths.errors}")
        resumed = f" (this run {self.requests_this_run}, resumed)" if self.resumed else ""
        lines.append(
            f"requests: {c.requests}{resumed}; 429s received: {c.throttled}; elapsed: {c.elapsed:.1f} s; "
            f"pages: {c.pages}"
        )
        if self.completeness is None:
            lines.append(f"completeness: not checked ({self.unchecked})")
        else:
            k = self.completeness
            verdict = "ok" if k.ok else "FAILED"
            varied = " (its total changed during the export)" if k.varied else ""
            lines.append(
                f"completeness: {verdict}: the vendor reports {k.reported} tickets{varied}; listed {k.listed} "
                f"({c.tickets} written + {c.rejected} rejected)"
            )
        if self.next_since:
            lines.append(f"next run: --since {self.next_since}  (or --since-checkpoint)")
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.paths.out),
            "errors_file": str(self.paths.errors) if self.counts.errors else None,
            **dataclasses.asdict(self.counts),
            "requests_this_run": self.requests_this_run,
            "resumed": self.resumed,
            "already_complete": self.already_complete,
            "complete": None if self.completeness is None else self.completeness.ok,
            "reported_total": None if self.completeness is None else self.completeness.reported,
            "updated_since": self.updated_since,
            "next_since": self.next_since,
        }
