"""Bulk helpers (`tickets.get_many`, `comments.list_many`): one call per item, at most `concurrency` in flight,
results in input order, and a bounded look-ahead (an iterable of a million ids is read `concurrency` ahead).

The sync desk runs the calls on a thread pool of `concurrency` threads; the async desk as tasks, at most
`concurrency` of them at once. Either way every request goes through the credential's rate budget, so bulk
work runs as fast as the vendor allows and no faster. Stopping early (leaving the loop, closing the iterator)
cancels what has not started and waits for what has.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ._errors import TicketkitError

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")


def map_sync(
    items: Iterable[T], call: Callable[[T], R], concurrency: int, return_exceptions: bool
) -> Iterator[R | TicketkitError]:
    """`call(item)` for each item on a pool of `concurrency` threads, yielded in input order. A ticketkit error
    is yielded in its item's place with `return_exceptions`, else raised (what is in flight is cancelled)."""
    from concurrent.futures import ThreadPoolExecutor  # here: its module and `queue` cost `import ticketkit` ~2 ms

    source = iter(items)
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="ticketkit-bulk")
    pending: deque[Future[R]] = deque()
    try:
        for item in source:
            pending.append(pool.submit(call, item))
            if len(pending) >= concurrency:
                break
        while pending:
            future = pending.popleft()
            try:
                result: R | TicketkitError = future.result()
            except TicketkitError as exc:
                if not return_exceptions:
                    raise
                result = exc
            following = next(source, _END)
            if following is not _END:
                pending.append(pool.submit(call, following))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


async def map_async(
    items: Iterable[T], call: Callable[[T], Awaitable[R]], concurrency: int, return_exceptions: bool
) -> AsyncIterator[R | TicketkitError]:
    """`map_sync` for an AsyncDesk: at most `concurrency` tasks at once, results in input order."""
    source = iter(items)
    pending: deque[asyncio.Future[R]] = deque()

    def start(item: T) -> None:
        pending.append(asyncio.ensure_future(call(item)))

    try:
        for item in source:
            start(item)
            if len(pending) >= concurrency:
                break
        while pending:
            task = pending.popleft()
            try:
                result: R | TicketkitError = await task
            except TicketkitError as exc:
                if not return_exceptions:
                    raise
                result = exc
            following = next(source, _END)
            if following is not _END:
                start(following)
            yield result
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


_END: Any = object()
