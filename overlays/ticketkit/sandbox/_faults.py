"""Fault injection for users' own resilience tests: latency, error statuses, 429s, dropped connections."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field


@dataclass
class Faults:
    """What can go wrong, and how often (rates are 0.0 to 1.0, drawn from one seeded generator).

    - `latency`: seconds added before every answer.
    - `error_rate` / `error_statuses`: answer with one of these statuses instead (a plain JSON body).
    - `rate_limit_rate` / `retry_after`: answer 429 with `Retry-After: <retry_after>`.
    - `drop_rate`: close the connection without an answer.
    """

    latency: float = 0.0
    error_rate: float = 0.0
    error_statuses: tuple[int, ...] = (500, 502, 503)
    rate_limit_rate: float = 0.0
    retry_after: float = 1.0
    drop_rate: float = 0.0
    seed: int | None = None
    _random: random.Random = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        for name in ("error_rate", "rate_limit_rate", "drop_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value!r}")
        if self.latency < 0 or self.retry_after < 0:
            raise ValueError("latency and retry_after must not be negative")
        self._random = random.Random(self.seed)

    def draw(self) -> str | int | None:
        """ "drop", a status to answer with instead, or None to answer normally."""
        with self._lock:
            roll = self._random.random()
            if roll < self.drop_rate:
                return "drop"
            roll -= self.drop_rate
            if roll < self.rate_limit_rate:
                return 429
            roll -= self.rate_limit_rate
            if roll < self.error_rate:
                return self._random.choice(self.error_statuses)
        return None
