"""Read an iterator a little ahead in a thread of its own: the next page is fetched while this one is written.

`ahead(items, depth)` yields what `items` yields, in order, with at most `depth` items read ahead (plus the one
being read). An exception from `items` is raised where its item would have been. Leaving the loop early (break,
an exception, close()) stops the reader: it reads at most what it had started, then closes `items`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
_POLL = 0.05  # seconds between the reader's looks at the stop flag while the queue is full


class _End:
    pass


class _Failed(Generic[T]):
    def __init__(self, error: BaseException) -> None:
        self.error = error


def ahead(items: Iterable[T], depth: int = 1) -> Iterator[T]:
    if depth < 1:
        raise ValueError("depth must be at least 1")
    slots: queue.Queue[T | _End | _Failed[T]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def offer(item: T | _End | _Failed[T]) -> bool:
        while not stop.is_set():
            try:
                slots.put(item, timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not offer(item):
                    return
            offer(_End())
        except BaseException as exc:  # handed to the consumer, raised there
            offer(_Failed(exc))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    reader = threading.Thread(target=read, name="ticketkit-lookahead", daemon=True)
    reader.start()
    try:
        while True:
            got = slots.get()
            if isinstance(got, _End):
                return
            if isinstance(got, _Failed):
                raise got.error
            yield got
    finally:
        stop.set()
        reader.join()
