"""The rate budget: one per credential, shared by every desk on it in the process (sync and async, any thread).

Sans-IO: `reserve(now)` says how long to wait before the next request may go (0: it is counted as sent),
`observe(status, headers, now)` reads what the answer says. The transport's policy calls both around every
attempt (`_transport.py`), and the sync driver sleeps while the async one awaits. Everything is under one
threading lock, held only for arithmetic.

What it reads, and what it does with it:

- `X-RateLimit-Limit/Remaining/Reset` (Intercom: Reset is a Unix time) and the IETF draft's
  `RateLimit-Limit/Remaining/Reset` (Reset in seconds from now): the requests left in the current window
  and when it ends. What remains, less the requests in flight, is spread evenly over what is left of the
  window; with nothing left, requests wait for the reset. A new window is first probed with one request
  (what it answers says the new window's count), so a reset the budget guessed early costs no 429.
  The time left is read against the server's `Date` when the two clocks disagree by more than the Date's
  precision (a skewed server clock then costs a slower window, never a 429).
- `Retry-After` (seconds or an HTTP date) or `retry-after-ms` on a 429 or 503, or the rate-limit reset on a
  429 that has no Retry-After: every sharer is held until then (the request that got it waits in its own retry).
- A wait longer than the call's `max_retry_wait` is not waited (as the transport does with a vendor-asked wait):
  the request goes, and the vendor's answer (its 429, a RateLimitError with `retry_after`) is the caller's.
- Nothing (Routera, Tickiti, Ankra document no rate-limit headers): no pacing, but `connect(rate_limit=R)`
  spaces requests at most R per second (a token bucket holding one request), and 429s are honoured as above.

Before the first answer on a credential nothing is known: requests go (a bulk helper's first burst is its
`concurrency`, far below any vendor's limit); from the first answer with rate-limit headers on, the above.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import math
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

# A wait the budget asks for while it waits for an answer in flight (a probe of a new window): short, since
# an answer is what it waits for.
POLL = 0.01
# A wait shorter than this is not asked for: two readings of one reset differ by clock noise.
EPSILON = 0.005
# How long after a window's reset the first request of the next goes: more than EPSILON, so it never lands in
# the window that is over.
RESET_MARGIN = 0.02
# Reset times in a header above this are Unix times (Intercom's); below it, seconds from now (the IETF draft).
UNIX_TIME = 1_000_000_000
# The server's `Date` is whole seconds, truncated: it reads up to a second behind a clock that agrees with ours
# (a little more with the answer's time on the wire). Within that the finer local clock is used; outside it the
# server's Date, whose reading of a reset is late by under a second, never early.
CLOCK_AGREEMENT = 1.25
# The longest window ticketkit believes in (Intercom's is a minute; anything longer is a reading error).
MAX_WINDOW = 3600.0


@dataclass(frozen=True, slots=True)
class RateLimitStatus:
    """`desk.rate_limit`: what the vendor last said about the rate limit of this desk's credential, and what
    the budget shared by every desk on it has done.

    - `limit`, `remaining`, `reset`: from the vendor's rate-limit headers (None where it sends none, or before
      the first answer); `remaining` is the vendor's count less the requests sent since; `reset` is when the
      current window ends (aware, UTC, by the local clock).
    - `requests`: requests sent under this budget; `throttled`: 429 answers received (each retried within
      `max_retries`, or raised); `waited`: seconds requests were held back (pacing, and 429 holds).
    """

    limit: int | None
    remaining: int | None
    reset: dt.datetime | None
    requests: int
    throttled: int
    waited: float


class RateBudget:
    """The pace of one credential's requests. `rate` (requests per second) caps a vendor that sends no headers."""

    def __init__(self, rate: float | None = None) -> None:
        self._lock = threading.Lock()
        self.rate = rate
        self._next_token = -math.inf  # the token bucket: when the next request may go
        self._limit: int | None = None
        self._remaining: int | None = None  # as of the last answer of the current window
        self._reset: float | None = None  # monotonic time the current window ends
        self._reset_wall: float | None = None
        self._fresh = False  # whether `_remaining` is from an answer of the window that is running
        self._in_flight = 0
        self._held_until = -math.inf
        self._last_sent = -math.inf
        self._requests = 0
        self._throttled = 0
        self._waited = 0.0

    # -- before a request ---------------------------------------------------------------------------------

    def reserve(self, now: float, waited_until: float = -math.inf, *, at_once: bool = False) -> float:
        """0.0 when a request may go now (it is counted as in flight until `observe` or `release`), else the
        seconds to wait before asking again. `waited_until`: the caller already waited until then (its own retry
        wait), so a hold ending by then is over for it. `at_once`: count the request as sent whatever the wait
        (a caller that will not wait that long lets the vendor answer)."""
        with self._lock:
            moment = max(now, waited_until)
            ready = self._earliest(moment)
            if ready > moment + EPSILON and not at_once:
                delay = ready - moment
                self._waited += delay
                return delay
            self._in_flight += 1
            self._requests += 1
            self._last_sent = moment
            if self.rate is not None:
                self._next_token = max(moment, self._next_token) + 1.0 / self.rate
            return 0.0

    def _earliest(self, now: float) -> float:
        """The earliest time a request may go, given what is known at `now`."""
        earliest = max(self._held_until, self._next_token)
        if self._reset is not None and now >= self._reset:  # the window ended: what is left is unknown
            self._fresh = False
        if self._limit is not None and not self._fresh:
            # A new window (the vendor sends rate-limit headers): one request at a time until an answer says
            # what is left of it.
            return max(earliest, now + POLL) if self._in_flight else earliest
        if self._limit is None or self._remaining is None or self._reset is None:
            return earliest  # the vendor sends no rate-limit headers
        available = self._remaining - self._in_flight
        if available <= 0:  # nothing left: after the reset (a margin past it, so as not to land just before)
            return max(earliest, self._reset + RESET_MARGIN)
        interval = max(0.0, self._reset - now) / available
        return max(earliest, self._last_sent + interval)

    def release(self) -> None:
        """A reserved request that was never answered (a connection error, a cancelled call)."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)

    # -- after an answer ----------------------------------------------------------------------------------

    def observe(self, status: int, headers: Mapping[str, str], now: float, wall: float | None = None) -> None:
        """Read an answer's rate-limit headers (and release its request). `headers`: case-insensitive."""
        if status not in (429, 503) and "x-ratelimit-reset" not in headers and "ratelimit-reset" not in headers:
            self.release()  # the common answer of a vendor without rate-limit headers: nothing to read
            return
        wall = time.time() if wall is None else wall
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
            server_now = _server_wall(headers.get("date"), wall)
            window = _window(headers, server_now)
            if window is not None:
                limit, remaining, seconds_left = window
                reset = now + seconds_left
                if not self._fresh or self._reset is None or reset > self._reset + 0.5 or now >= self._reset:
                    self._remaining = remaining  # the first answer of a new window
                else:
                    self._remaining = min(remaining, self._remaining if self._remaining is not None else remaining)
                self._limit, self._reset, self._reset_wall = limit, reset, wall + seconds_left
                self._fresh = now < reset
            if status == 429:
                self._throttled += 1
            if status in (429, 503):
                wait = _retry_after(headers, server_now)
                if wait is None and status == 429 and window is not None:
                    wait = window[2]
                    self._remaining = 0
                if wait is not None:
                    self._held_until = max(self._held_until, now + wait)

    # -- what callers see ---------------------------------------------------------------------------------

    def status(self, now: float) -> RateLimitStatus:
        with self._lock:
            current = self._reset is not None and now < self._reset
            remaining = None
            if current and self._remaining is not None:
                remaining = max(0, self._remaining - self._in_flight)
            reset = None
            if current and self._reset_wall is not None:
                reset = dt.datetime.fromtimestamp(self._reset_wall, dt.UTC)
            return RateLimitStatus(
                limit=self._limit,
                remaining=remaining,
                reset=reset,
                requests=self._requests,
                throttled=self._throttled,
                waited=self._waited,
            )


# -- reading headers -------------------------------------------------------------------------------------


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _window(headers: Mapping[str, str], server_now: float) -> tuple[int, int, float] | None:
    """(limit, remaining, seconds until the window resets) from either family of headers, or None."""
    for prefix in ("x-ratelimit-", "ratelimit-"):
        limit = _number(headers.get(prefix + "limit"))
        remaining = _number(headers.get(prefix + "remaining"))
        reset = _number(headers.get(prefix + "reset"))
        if limit is None or remaining is None or reset is None:
            continue
        seconds = reset - server_now if reset >= UNIX_TIME else reset
        return int(limit), int(remaining), min(max(0.0, seconds), MAX_WINDOW)
    return None


def _retry_after(headers: Mapping[str, str], server_now: float) -> float | None:
    """`retry-after-ms`, or `Retry-After` in seconds or as an HTTP date."""
    millis = _number(headers.get("retry-after-ms"))
    if millis is not None:
        return min(millis / 1000, MAX_WINDOW)
    value = headers.get("retry-after")
    seconds = _number(value)
    if seconds is None and value:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = max(0.0, when.timestamp() - server_now)
    return None if seconds is None else min(seconds, MAX_WINDOW)


def _server_wall(date: str | None, wall: float) -> float:
    """The server's Unix time: the (finer) local clock when the server's Date agrees with it, else the Date."""
    if not date:
        return wall
    try:
        moment = email.utils.parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError):
        return wall
    if moment.tzinfo is None:
        return wall
    served = moment.timestamp()
    return wall if 0.0 <= wall - served < CLOCK_AGREEMENT else served


# -- one budget per credential ---------------------------------------------------------------------------

_budgets: dict[tuple[str, str, str], RateBudget] = {}
_budgets_lock = threading.Lock()
# Credentials are hashed with a key of this process only: the table holds no credential, nor anything that
# could be checked against a guess outside it.
_KEY = os.urandom(16)


def budget_for(vendor: str, base_url: str, credentials: tuple[object, ...], rate: float | None) -> RateBudget:
    """The budget of (vendor, API origin, credential), made on first use; `rate` lowers its cap (the lowest
    any desk asked for holds)."""
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    digest = hashlib.blake2b(repr(credentials).encode(), key=_KEY, digest_size=16).hexdigest()
    key = (vendor, origin, digest)
    with _budgets_lock:
        budget = _budgets.get(key)
        if budget is None:
            budget = _budgets[key] = RateBudget(rate)
        elif rate is not None:
            with budget._lock:
                budget.rate = rate if budget.rate is None else min(budget.rate, rate)
        return budget


def forget_budgets() -> None:
    """Drop every budget (a test's fresh start; desks made before keep the one they have)."""
    with _budgets_lock:
        _budgets.clear()
