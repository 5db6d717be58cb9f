"""Intercom's ticket states (2.12+): which `ticket_state_id` an update sends for a unified status.

GET /ticket_states lists every state of the workspace with the ticket types it belongs to. Several states may
share a category (custom states, some types only); an update must name one of the ticket's type [doc: 2.16
updateTicket 400 `ticket_state_id_invalid`]. The listing is read once per desk and kept in a `StateCache`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from intercom_client.models import TicketStateDetailed, TicketStateDetailedList, TicketType, TicketTypeList
from intercom_client.types import Unset

from .._logging import logger
from .._reading import optional, required


@dataclass(frozen=True)
class State:
    id: str
    category: str
    archived: bool
    # The ticket types the state belongs to; None when the listing does not say (then it may be any).
    type_ids: frozenset[str] | None

    def belongs_to(self, type_id: str) -> bool:
        return self.type_ids is None or type_id in self.type_ids


@dataclass(frozen=True)
class StateCatalog:
    """The workspace's states, in Intercom's order (the four default states first in every example [doc])."""

    states: tuple[State, ...]

    def candidates(self, category: str) -> list[State]:
        return [s for s in self.states if s.category == category and not s.archived]

    def for_every_type(self, category: str) -> State | None:
        """The first state of the category that every ticket type listed anywhere has (a default state)."""
        known = frozenset().union(*(s.type_ids or () for s in self.states))
        return next((s for s in self.candidates(category) if s.type_ids is None or known <= s.type_ids), None)

    def for_type(self, category: str, type_id: str) -> State | None:
        return next((s for s in self.candidates(category) if s.belongs_to(type_id)), None)


def read_catalog(listing: TicketStateDetailedList) -> StateCatalog:
    """The states of a GET /ticket_states answer. A null item (2.16 allows one) or a state without an id or a
    category cannot be set: skipped, and logged. A value of the wrong type raises (inside `reading`)."""
    items: list[Any] = [] if isinstance(listing.data, Unset) else required(listing.data, list, "data")
    states = []
    for index, item in enumerate(items):
        if item is None:
            logger.warning("intercom GET /ticket_states: item %d is null (2.16 allows it); skipped", index)
            continue
        model = item if isinstance(item, TicketStateDetailed) else TicketStateDetailed.from_dict(item)
        state_id = optional(model.id, str, "ticket state id")
        category = optional(model.category, str, "ticket state category")
        if state_id is None or category is None:
            logger.warning("intercom GET /ticket_states: item %d has no id or no category; skipped", index)
            continue
        archived = optional(model.archived, bool, "ticket state archived") or False
        states.append(State(state_id, category, archived, _type_ids(model.ticket_types)))
    return StateCatalog(tuple(states))


def _type_ids(types: TicketTypeList | Unset) -> frozenset[str] | None:
    if isinstance(types, Unset):
        return None
    listed = types.data if not isinstance(types.data, Unset) else types.ticket_types
    if isinstance(listed, Unset):
        return None
    return frozenset(_ids(required(listed, list, "ticket_types.data")))


def _ids(types: Iterable[Any]) -> Iterable[str]:
    for item in types:
        if item is None:  # a null ticket type (2.16 allows it) belongs to nothing
            continue
        model = item if isinstance(item, TicketType) else TicketType.from_dict(item)
        type_id = optional(model.id, str, "ticket type id")
        if type_id is not None:
            yield type_id


class StateCache:
    """One desk's catalog, shared by its threads (the sync desk) and tasks (the async desk).

    Plans never hold the lock across a request, only to read or swap the reference, so an async desk never
    blocks its loop on it. Two updates that both find the cache empty both list the states; the first listing
    stored is the one every later update uses.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._catalog: StateCatalog | None = None

    def get(self) -> StateCatalog | None:
        with self._lock:
            return self._catalog

    def put(self, catalog: StateCatalog) -> StateCatalog:
        with self._lock:
            if self._catalog is None:
                self._catalog = catalog
            return self._catalog

    def drop(self, catalog: StateCatalog) -> None:
        """Forget `catalog` (Intercom refused one of its states): the next update lists them again."""
        with self._lock:
            if self._catalog is catalog:
                self._catalog = None
