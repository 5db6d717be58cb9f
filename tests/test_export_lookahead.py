"""`_lookahead.ahead`: the export reads the next page while it writes this one, never further, and stops cleanly."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from ticketkit._lookahead import ahead


class Source:
    """Numbers 0..count-1, counting how many were read and whether it was closed."""

    def __init__(self, count: int, fail_at: int | None = None) -> None:
        self.count, self.fail_at = count, fail_at
        self.read = 0
        self.closed = threading.Event()

    def __iter__(self) -> Iterator[int]:
        try:
            for n in range(self.count):
                if n == self.fail_at:
                    raise ValueError(f"no {n}")
                self.read += 1
                yield n
        finally:
            self.closed.set()


def test_in_order_and_everything() -> None:
    source = Source(50)
    assert list(ahead(source, depth=2)) == list(range(50))
    assert source.closed.is_set()


def test_an_error_is_raised_where_its_item_would_be() -> None:
    got = []
    with pytest.raises(ValueError, match="no 3"):
        for n in ahead(Source(10, fail_at=3)):
            got.append(n)
    assert got == [0, 1, 2]


def test_reads_at_most_depth_ahead_and_stops_when_left() -> None:
    source = Source(1000)
    items = ahead(source, depth=1)
    assert next(items) == 0
    # The consumer holds item 0; the reader may have put item 1 in the queue and be holding item 2.
    for _ in range(100):
        if source.read >= 3:
            break
        threading.Event().wait(0.01)
    assert source.read <= 3
    items.close()  # leaving the loop early
    assert source.closed.wait(5) and source.read <= 3


def test_depth_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ahead([1], depth=0))
