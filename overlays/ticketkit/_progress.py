"""The export's progress line on stderr: tickets, tickets a second, requests and the rate budget.

On a terminal one line is rewritten in place (at most five times a second); elsewhere (a log, a pipe) a line is
printed at most every `every` seconds. `finish()` prints the last state on its own line. No library needed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any, TextIO


def budget_text(status: Any, now: dt.datetime | None = None) -> str:
    """A RateLimitStatus in a few words: `budget 812/1000, resets in 31 s; 2 429s, paced 4.1 s`."""
    if status is None:
        return ""
    parts = []
    limit, remaining, reset = getattr(status, "limit", None), getattr(status, "remaining", None), status.reset
    if limit is not None or remaining is not None:
        budget = f"budget {_n(remaining)}/{_n(limit)}"
        if reset is not None:
            seconds = max(0.0, (reset - (now or dt.datetime.now(dt.UTC))).total_seconds())
            budget += f", resets in {seconds:.0f} s"
        parts.append(budget)
    parts.append(f"{status.throttled} 429s, paced {status.waited:.1f} s")
    return "; ".join(parts)


def _n(value: int | None) -> str:
    return "?" if value is None else str(value)


class Progress:
    def __init__(
        self,
        stream: TextIO | None,
        label: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        every: float | None = None,
        already: int = 0,
    ) -> None:
        """`already`: the tickets written before this run (a resume): shown in the count, not in the rate."""
        self._stream = stream
        self._label = label
        self._clock = clock
        self._live = bool(stream is not None and _isatty(stream))
        self._every = every if every is not None else (0.2 if self._live else 10.0)
        self._started = clock()
        self._shown_at: float | None = None
        self._already = already

    def line(self, tickets: int, requests: int, status: Any) -> str:
        seconds = max(self._clock() - self._started, 1e-9)
        rate = (tickets - self._already) / seconds
        text = f"{self._label}: {tickets} tickets, {rate:.0f}/s, {requests} requests"
        budget = budget_text(status)
        return f"{text}; {budget}" if budget else text

    def update(self, tickets: int, requests: int, status: Any) -> None:
        """Show the state, unless it was shown less than `every` seconds ago."""
        now = self._clock()
        if self._stream is None or (self._shown_at is not None and now - self._shown_at < self._every):
            return
        self._shown_at = now
        self._show(self.line(tickets, requests, status))

    def finish(self, tickets: int, requests: int, status: Any) -> None:
        if self._stream is None:
            return
        self._show(self.line(tickets, requests, status))
        if self._live:
            self._stream.write("\n")
            self._stream.flush()

    def _show(self, text: str) -> None:
        assert self._stream is not None
        if self._live:
            self._stream.write("\r" + text + "\033[K")
        else:
            self._stream.write(text + "\n")
        self._stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
