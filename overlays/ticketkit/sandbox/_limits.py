"""The sandbox's rate limit (fixed windows shared by every request) and its counts of what it answered.

A `Limiter` counts the requests it accepts in fixed windows of `per` seconds. The windows are laid on the
monotonic clock but line up with the wall clock's multiples of `per`, so a window's end in Unix seconds (what
Intercom's `X-RateLimit-Reset` says) is a whole number when `per` is: a client that waits until the reset waits
no longer than it must. A refused request does not use up the window.
"""

from __future__ import annotations

import math
import re
import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass

_LIMIT_TEXT = re.compile(r"^\s*(\d+)\s*(?:/\s*(\d+(?:\.\d+)?|\.\d+)\s*)?$")


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` requests in each fixed window of `per` seconds."""

    requests: int
    per: float = 1.0

    def __post_init__(self) -> None:
        if isinstance(self.requests, bool) or not isinstance(self.requests, int) or self.requests < 1:
            raise ValueError(f"a rate limit's requests must be a whole number of at least 1, not {self.requests!r}")
        if not isinstance(self.per, int | float) or not math.isfinite(self.per) or self.per <= 0:
            raise ValueError(f"a rate limit's window (per) must be a positive number of seconds, not {self.per!r}")

    @classmethod
    def of(cls, value: RateLimit | float) -> RateLimit:
        """`value` as a RateLimit: a number means that many requests a second (per=1)."""
        if isinstance(value, RateLimit):
            return value
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            raise ValueError(f"rate_limit must be a RateLimit or a positive number of requests a second, not {value!r}")
        if float(value).is_integer():
            return cls(int(value))
        # A fractional rate (0.5 a second) is one request in each window of 1/rate seconds.
        return cls(1, 1 / value)

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """`R` (R requests a second) or `R/SECONDS` (R requests in each window of SECONDS), as the CLI takes it."""
        match = _LIMIT_TEXT.match(text)
        if match is None:
            raise ValueError(f"a rate limit is R or R/SECONDS (say 100 or 600/60), not {text!r}")
        return cls(int(match[1]), float(match[2]) if match[2] else 1.0)

    def __str__(self) -> str:
        return f"{self.requests}/{self.per:g}s"


@dataclass(frozen=True)
class Admission:
    """What the limiter decided about one request, and the window's state after it."""

    allowed: bool
    limit: int
    remaining: int  # requests left in the window after this one
    reset: float  # wall-clock Unix time at which the window ends (unskewed)
    retry_after: float  # seconds until the window ends (0 when allowed)
    at: float  # the limiter's monotonic time of the request


class SandboxStats:
    """Thread-safe counts of what the sandbox answered, for tests and benchmarks; `reset()` starts over.

    - `requests`: answers sent (429s included; a dropped connection is no answer);
    - `throttled`: 429s sent (by the rate limit, or injected by `Faults`);
    - `accepted`: the `time.monotonic()` of each request the rate limit let through (every request when there
      is no limit; a dropped connection's too, as it used the window), in order.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests = 0
        self._throttled = 0
        self._accepted = array("d")  # 8 bytes a request

    def count(self, status: int | None, accepted_at: float | None) -> None:
        """One request: the status answered (None: the connection was dropped), when it was accepted."""
        with self._lock:
            self._requests += status is not None
            if status == 429:
                self._throttled += 1
            if accepted_at is not None:
                self._accepted.append(accepted_at)

    @property
    def requests(self) -> int:
        with self._lock:
            return self._requests

    @property
    def throttled(self) -> int:
        with self._lock:
            return self._throttled

    @property
    def accepted(self) -> list[float]:
        with self._lock:
            return self._accepted.tolist()

    def reset(self) -> None:
        with self._lock:
            self._requests = self._throttled = 0
            self._accepted = array("d")

    def __repr__(self) -> str:
        return f"SandboxStats(requests={self.requests}, throttled={self.throttled})"


class Limiter:
    """Fixed windows of `limit.per` seconds, at most `limit.requests` accepted in each (thread-safe)."""

    def __init__(
        self,
        limit: RateLimit,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.limit = limit
        self._monotonic = monotonic
        self._lock = threading.Lock()
        # The wall clock at monotonic 0, so that window k is [k*per, (k+1)*per) in Unix time.
        self._wall_at_zero = wall() - monotonic()
        self._window = -1
        self._used = 0

    def window_of(self, moment: float) -> int:
        """The index of the window a monotonic time falls in (windows are numbered by Unix time / per)."""
        return math.floor((moment + self._wall_at_zero) / self.limit.per)

    def admit(self, moment: float | None = None) -> Admission:
        """Count one request at monotonic `moment` (default: now) if the window has room."""
        moment = self._monotonic() if moment is None else moment
        per = self.limit.per
        with self._lock:
            window = self.window_of(moment)
            if window > self._window:
                self._window, self._used = window, 0
            allowed = self._used < self.limit.requests
            if allowed:
                self._used += 1
            remaining = self.limit.requests - self._used
        reset = (window + 1) * per
        retry_after = 0.0 if allowed else max(0.0, reset - (moment + self._wall_at_zero))
        return Admission(allowed, self.limit.requests, remaining, reset, retry_after, moment)

    def busiest_window(self, accepted: list[float]) -> int:
        """The most of `accepted` (monotonic times) that fall in any one window: never above the limit."""
        counts: dict[int, int] = {}
        for moment in accepted:
            window = self.window_of(moment)
            counts[window] = counts.get(window, 0) + 1
        return max(counts.values(), default=0)
