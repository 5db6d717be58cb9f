"""A large synthetic data set for a fake, generated lazily: `Sandbox(vendor, tickets=N, seed=S)`.

Nothing is stored per ticket: synthetic ticket `i` (0 <= i < N) is built from (seed, i) whenever a request
needs it, the same every time, so the sandbox's memory does not grow with N. What requests write is kept in
an overlay (`LazyTickets.overlay`): a synthetic ticket a request changed, and every ticket created through the
API; a deleted synthetic ticket is remembered by its index.

The `Timeline` puts the tickets in order: ticket `i`'s `created_at` and `updated_at` both grow with `i` (never
down), spread over the year before the sandbox started, `updated_at >= created_at`, and tickets come in
blocks of `TIE` that share their `created_at` and `updated_at` second (deliberate ties). Because both times
are monotonic in the index, a filter on either is a range of indices found by bisection, and a fake's listing
in time order is the index order: a page costs the same at N = 100 and at N = 1,000,000.

A fake that supports the data set gives `LazyTickets` three functions (ticket `i`, its id, the index of an
id) and, in its listing routes, walks a `Listing` instead of sorting and filtering every ticket.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections.abc import Callable, Collection, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

YEAR = 365 * 86400
TIE = 3  # tickets per block sharing their created_at and updated_at second
CORRUPT_DATE = "not-a-date"  # what a corrupt ticket has for `created_at` (see `Synthetic.corrupt`)


def unit(seed: int, *key: object) -> float:
    """A number in [0, 1) determined by (seed, key): the synthetic data's only source of chance."""
    digest = hashlib.blake2b(repr((seed, *key)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def pick(seed: int, options: tuple[T, ...] | list[T], *key: object) -> T:
    return options[int(unit(seed, *key) * len(options))]


@dataclass(frozen=True)
class Timeline:
    """When each of `count` synthetic tickets was created and last updated (Unix seconds)."""

    count: int
    seed: int
    end: int  # the newest ticket's `updated_at` is at most this (the sandbox's start, less a minute)

    @property
    def start(self) -> int:
        return self.end - YEAR

    @property
    def _step(self) -> float:
        """Seconds between blocks."""
        return YEAR / max(1, -(-self.count // TIE))

    def created(self, index: int) -> int:
        return self.start + int(index // TIE * self._step)

    def updated(self, index: int) -> int:
        # Less than one step after creation, so the next block's creation (and update) is never earlier;
        # one block in four was never updated.
        block = index // TIE
        lag = unit(self.seed, "lag", block)
        return self.created(index) + (0 if lag < 0.25 else int((lag - 0.25) / 0.75 * max(0.0, self._step - 1)))

    def first_created_at_least(self, moment: float) -> int:
        return bisect.bisect_left(range(self.count), moment, key=self.created)

    def first_updated_at_least(self, moment: float) -> int:
        return bisect.bisect_left(range(self.count), moment, key=self.updated)

    def first_updated_after(self, moment: float) -> int:
        return bisect.bisect_right(range(self.count), moment, key=self.updated)

    def first_created_after(self, moment: float) -> int:
        return bisect.bisect_right(range(self.count), moment, key=self.created)


@dataclass
class Synthetic:
    """What `Sandbox(tickets=..., seed=..., corrupt_tickets=...)` asks of a fake."""

    count: int
    seed: int
    end: int
    corrupt: set[int] = field(default_factory=set)  # indices of the tickets sent with a broken `created_at`

    @property
    def timeline(self) -> Timeline:
        return Timeline(self.count, self.seed, self.end)


def corrupt_indices(given: Collection[int | str], count: int, index_of: Callable[[str], int | None]) -> frozenset[int]:
    """`corrupt_tickets` as indices: each an index below `count`, or a synthetic ticket's id."""
    indices: set[int] = set()
    for item in given:
        index = item if isinstance(item, int) and not isinstance(item, bool) else index_of(str(item))
        if index is None or not 0 <= index < count:
            raise ValueError(f"corrupt_tickets: {item!r} is neither an index below {count} nor a synthetic ticket's id")
        indices.add(index)
    return frozenset(indices)


class LazyTickets(MutableMapping[Any, T], Generic[T]):
    """A fake's `{id: ticket}` store holding N synthetic tickets without keeping them.

    Reading a synthetic ticket builds it; `settle()` (after each request) keeps in the overlay those a request
    changed, so writes stick. Iteration goes in index order, then the tickets created through the API in the
    order they were created.
    """

    def __init__(
        self,
        count: int,
        make: Callable[[int], T],
        id_of: Callable[[int], Any],
        index_of: Callable[[Any], int | None],
    ) -> None:
        self.count = count
        self.make = make
        self.id_of = id_of
        self._index_of = index_of
        self.overlay: dict[Any, T] = {}  # changed synthetic tickets and created ones (by id: str or int)
        self.changed: dict[int, Any] = {}  # index -> id of the changed synthetic tickets
        self.removed: set[int] = set()  # deleted synthetic tickets
        self._read: dict[Any, tuple[int, T]] = {}  # built during the current request

    def index_of(self, ticket_id: Any) -> int | None:
        """The synthetic index of an id (None: not a synthetic ticket's id)."""
        index = self._index_of(ticket_id)
        return index if index is not None and 0 <= index < self.count and self.id_of(index) == ticket_id else None

    def build(self, index: int, *, track: bool = True) -> T:
        """Ticket `index` as it is now: from the overlay if a request changed it, else built afresh (and, with
        `track`, compared after the request to keep what it changed; listings, which only read, do not)."""
        changed = self.changed.get(index)
        if changed is not None:
            return self.overlay[changed]
        ticket_id = self.id_of(index)
        if track and ticket_id in self._read:
            return self._read[ticket_id][1]
        ticket = self.make(index)
        if track:
            self._read[ticket_id] = (index, ticket)
        return ticket

    def created(self) -> list[T]:
        """The tickets created through the API, oldest first."""
        return [t for key, t in self.overlay.items() if self.index_of(key) is None]

    def settle(self) -> None:
        """Keep the synthetic tickets the request changed (compared with a fresh build); forget the rest."""
        read, self._read = self._read, {}
        for ticket_id, (index, ticket) in read.items():
            if index in self.removed or ticket_id in self.overlay:
                continue
            if ticket != self.make(index):
                self.overlay[ticket_id] = ticket
                self.changed[index] = ticket_id

    # -- the mapping -------------------------------------------------------------------------------------

    def __getitem__(self, ticket_id: Any) -> T:
        if ticket_id in self.overlay:
            return self.overlay[ticket_id]
        index = self.index_of(ticket_id)
        if index is None or index in self.removed:
            raise KeyError(ticket_id)
        return self.build(index)

    def __setitem__(self, ticket_id: Any, ticket: T) -> None:
        index = self.index_of(ticket_id)
        if index is not None:
            self.removed.discard(index)
            self.changed[index] = ticket_id
        self.overlay[ticket_id] = ticket

    def __delitem__(self, ticket_id: Any) -> None:
        index = self.index_of(ticket_id)
        if index is None:
            del self.overlay[ticket_id]
            return
        if index in self.removed:
            raise KeyError(ticket_id)
        self.removed.add(index)
        self.overlay.pop(ticket_id, None)
        self.changed.pop(index, None)
        self._read.pop(ticket_id, None)

    def __contains__(self, ticket_id: object) -> bool:
        if ticket_id in self.overlay:
            return True
        index = self.index_of(ticket_id)
        return index is not None and index not in self.removed

    def __iter__(self) -> Iterator[Any]:
        for index in range(self.count):
            if index not in self.removed:
                yield self.id_of(index)
        yield from (key for key in list(self.overlay) if self.index_of(key) is None)

    def __len__(self) -> int:
        return self.count - len(self.removed) + len(self.created())

    def values_in_order(self) -> Iterator[T]:
        """Every ticket, a ticket at a time (never all of them at once), for reading only."""
        for index in range(self.count):
            if index not in self.removed:
                yield self.build(index, track=False)
        yield from self.created()

    def values(self) -> Iterator[T]:  # type: ignore[override]
        return self.values_in_order()


V = TypeVar("V")


class LazyMap(MutableMapping[str, V], Generic[V]):
    """A `{key: value}` store whose synthetic entries are built on demand by `make` (None: no such key);
    values set or deleted are kept. Values built are never changed in place by the fakes that use this."""

    def __init__(self, make: Callable[[str], V | None]) -> None:
        self.make = make
        self.overlay: dict[str, V] = {}
        self.removed: set[str] = set()

    def __getitem__(self, key: str) -> V:
        if key in self.overlay:
            return self.overlay[key]
        value = None if key in self.removed else self.make(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: V) -> None:
        self.removed.discard(key)
        self.overlay[key] = value

    def __delitem__(self, key: str) -> None:
        self[key]  # KeyError if absent
        self.overlay.pop(key, None)
        self.removed.add(key)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.overlay)  # the synthetic keys are not listed: nothing lists them

    def __len__(self) -> int:
        return len(self.overlay)


@dataclass(frozen=True)
class Residues:
    """The synthetic indices whose `index % period` is in `allowed`: a filter on a field that cycles with
    the index (a fake's status, say), counted and walked without building a ticket."""

    period: int
    allowed: frozenset[int]

    @classmethod
    def every(cls) -> Residues:
        return cls(1, frozenset({0}))

    def __contains__(self, index: int) -> bool:
        return index % self.period in self.allowed

    def count(self, low: int, high: int) -> int:
        """How many indices in [low, high) are allowed."""
        if high <= low:
            return 0
        return self._below(high) - self._below(low)

    def _below(self, bound: int) -> int:
        cycles, rest = divmod(bound, self.period)
        return cycles * len(self.allowed) + sum(1 for r in self.allowed if r < rest)

    def nth(self, low: int, n: int) -> int:
        """The index of the `n`-th (0-based) allowed index at or after `low`."""
        if not self.allowed:
            raise IndexError(n)
        target = self._below(low) + n  # the target is the (target)-th allowed index counted from 0
        cycles, rest = divmod(target, len(self.allowed))
        return cycles * self.period + sorted(self.allowed)[rest]

    def both(self, other: Residues) -> Residues:
        """Indices allowed by both (periods multiply up to their least common multiple)."""
        period = self.period * other.period // _gcd(self.period, other.period)
        allowed = frozenset(r for r in range(period) if r in self and r in other)
        return Residues(period, allowed)


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


@dataclass
class Listing(Generic[T]):
    """A fake's list in index order, narrowed: synthetic indices in [low, high) allowed by `residues`, except
    that a ticket a request changed (anywhere, as a write may move its times into the range) is kept if `keep`
    says so and a deleted one is skipped; then the tickets created through the API that `keep` keeps.
    Counting and finding a page cost O(changed + created), not O(N)."""

    store: LazyTickets[T]
    keep: Callable[[T], bool]
    low: int = 0
    high: int | None = None
    residues: Residues | None = None

    def __post_init__(self) -> None:
        self.high = self.store.count if self.high is None else min(self.high, self.store.count)
        self.low = max(0, self.low)
        self.residues = self.residues or Residues.every()
        self._special = sorted(set(self.store.changed) | self.store.removed)
        self.created = [t for t in self.store.created() if self.keep(t)]  # kept, oldest first

    @property
    def _high(self) -> int:
        assert self.high is not None
        return self.high

    @property
    def _residues(self) -> Residues:
        assert self.residues is not None
        return self.residues

    def _plain(self, start: int, stop: int) -> int:
        """How many unchanged indices in [start, stop) the range and residues keep (specials not excluded)."""
        return self._residues.count(max(start, self.low), min(stop, self._high))

    def _in_range(self, index: int) -> bool:
        return self.low <= index < self._high and index in self._residues

    def _special_kept(self, index: int) -> T | None:
        if index in self.store.removed:
            return None
        ticket = self.store.build(index, track=False)
        return ticket if self.keep(ticket) else None

    def synthetic_count(self, below: int | None = None) -> int:
        """How many synthetic tickets the listing holds (those with an index below `below`, if given)."""
        bound = self.store.count if below is None else below
        total = self._plain(0, bound)
        for index in self._special:
            if index >= bound:
                break
            total -= self._in_range(index)
            total += self._special_kept(index) is not None
        return total

    def __len__(self) -> int:
        return self.synthetic_count() + len(self.created)

    def items(self, offset: int = 0) -> Iterator[T]:
        """The listing from position `offset` on, a ticket at a time."""
        position = 0
        skip = max(0, offset)
        for special in [*self._special, self.store.count]:
            run = self._plain(position, special)
            if skip >= run:
                skip -= run
            elif run:
                index = self._residues.nth(max(position, self.low), skip)
                skip = 0
                while index < min(special, self._high):
                    yield self.store.build(index, track=False)
                    index = self._residues.nth(index + 1, 0)
            if special < self.store.count:
                kept = self._special_kept(special)
                if kept is not None:
                    if skip:
                        skip -= 1
                    else:
                        yield kept
            position = special + 1
        yield from itertools.islice(self.created, skip, None)

    def page(self, offset: int, limit: int) -> list[T]:
        return list(itertools.islice(self.items(offset), limit))

    def page_from_end(self, offset: int, limit: int) -> list[T]:
        """Page `offset`..`offset + limit` of the listing read backwards (newest first)."""
        total = len(self)
        stop = max(0, total - offset)
        start = max(0, stop - limit)
        return list(reversed(self.page(start, stop - start)))


class ScanListing(Listing[T]):
    """A listing found by testing every ticket with `keep` (the slow path, for filters that neither a range
    of indices nor residues express): O(N) once per request."""

    def __init__(self, store: LazyTickets[T], keep: Callable[[T], bool]) -> None:
        indices = (i for i in range(store.count) if i not in store.removed)
        self._found = [i for i in indices if keep(store.build(i, track=False))]
        super().__init__(store, keep, 0, None, Residues.every())

    def synthetic_count(self, below: int | None = None) -> int:
        return bisect.bisect_left(self._found, self._high if below is None else below)

    def items(self, offset: int = 0) -> Iterator[T]:
        for index in self._found[offset:]:
            yield self.store.build(index, track=False)
        yield from self.created[max(0, offset - len(self._found)) :]


def synthetic_ids(prefix: str, width: int = 12) -> tuple[Callable[[int], str], Callable[[str], int | None]]:
    """Id functions for uuid-shaped ids (`<prefix>-<index in hex>`); `prefix` holds the first 4 groups."""

    def id_of(index: int) -> str:
        return f"{prefix}-{index:0{width}x}"

    def index_of(ticket_id: str) -> int | None:
        head, _, tail = ticket_id.rpartition("-")
        if head != prefix or len(tail) != width:
            return None
        try:
            return int(tail, 16)
        except ValueError:
            return None

    return id_of, index_of


def seeded_prefix(seed: int, vendor: str) -> str:
    """The first four groups of a uuid4 for the seed's ids (different seeds, different ids)."""
    digest = hashlib.sha256(f"ticketkit-synthetic:{vendor}:{seed}".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}"
