"""`desk.with_raw_response`: each unified method's raw twin, same arguments, a `RawResponse` back.

Which methods have one, and what it holds:

- `tickets.get`, `.create`, `.update`, `.close`, `comments.list`, `.create`, `attachments.download`: every
  response of the call (a retried attempt's too), `parse()` the usual result.
- `tickets.list` and `tickets.pages`: the call fetches what the first item needs (the first page; a later
  one only when the first holds nothing to yield) and records those responses; `parse()` is the usual
  iterator, that first item included, fetching the next pages as it is iterated (not recorded).
- `request(method, path, ...)`: `desk.request(..., raw=True)`.
- `tickets.get_many` and `comments.list_many` have none: they are many calls in flight at once, with no one
  response to show. Watch their traffic with `connect(hooks=...)`.

Built from the desk's own methods (`_raw.py`), so a raw call checks, sends and retries exactly as the usual one.

Types: a raw twin of a method with one signature has that signature (ParamSpec). The methods whose keywords
differ by vendor (`tickets.list`, `.pages`, `.create`, `.update`, `comments.create`: one overload per vendor)
cannot pass their overloads through a ParamSpec (a checker would keep only the first vendor's), so their raw
twins are typed by their result only (`RawResponse[Ticket]`); their keywords are checked at run time, as
always, before anything is sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING

from ticketkit_models import Comment, Ticket

from ._paging import TicketPage
from ._raw import RawResponse, raw_async, raw_async_iterator, raw_iterator, raw_sync

if TYPE_CHECKING:
    from ._desk import AsyncDesk, Desk


class RawTickets:
    """`desk.with_raw_response.tickets`: `tickets.get(...)` and the rest, each giving a `RawResponse`."""

    def __init__(self, desk: Desk) -> None:
        request_id = desk._adapter.request_id
        self.get = raw_sync(desk.tickets.get, request_id)
        self.list: Callable[..., RawResponse[Iterator[Ticket]]] = raw_iterator(desk.tickets.list, request_id)
        self.pages: Callable[..., RawResponse[Iterator[TicketPage]]] = raw_iterator(desk.tickets.pages, request_id)
        self.create: Callable[..., RawResponse[Ticket]] = raw_sync(desk.tickets.create, request_id)
        self.update: Callable[..., RawResponse[Ticket]] = raw_sync(desk.tickets.update, request_id)
        self.close = raw_sync(desk.tickets.close, request_id)


class RawComments:
    """`desk.with_raw_response.comments`: `comments.list(...)` and `comments.create(...)` giving RawResponses."""

    def __init__(self, desk: Desk) -> None:
        request_id = desk._adapter.request_id
        self.list = raw_sync(desk.comments.list, request_id)
        self.create: Callable[..., RawResponse[Comment]] = raw_sync(desk.comments.create, request_id)


class RawAttachments:
    """`desk.with_raw_response.attachments`: `attachments.download(...)` giving a RawResponse (the file's)."""

    def __init__(self, desk: Desk) -> None:
        self.download = raw_sync(desk.attachments.download, desk._adapter.request_id)


class RawDesk:
    """`desk.with_raw_response`: the desk's methods giving `RawResponse`s (see the module's docstring)."""

    def __init__(self, desk: Desk) -> None:
        self.tickets = RawTickets(desk)
        self.comments = RawComments(desk)
        self.attachments = RawAttachments(desk)
        self.request = desk._raw_request


class AsyncRawTickets:
    """`adesk.with_raw_response.tickets`: awaitable, each giving a `RawResponse`."""

    def __init__(self, desk: AsyncDesk) -> None:
        request_id = desk._adapter.request_id
        self.get = raw_async(desk.tickets.get, request_id)
        self.list: Callable[..., Awaitable[RawResponse[AsyncIterator[Ticket]]]] = raw_async_iterator(
            desk.tickets.list, request_id
        )
        self.pages: Callable[..., Awaitable[RawResponse[AsyncIterator[TicketPage]]]] = raw_async_iterator(
            desk.tickets.pages, request_id
        )
        self.create: Callable[..., Awaitable[RawResponse[Ticket]]] = raw_async(desk.tickets.create, request_id)
        self.update: Callable[..., Awaitable[RawResponse[Ticket]]] = raw_async(desk.tickets.update, request_id)
        self.close = raw_async(desk.tickets.close, request_id)


class AsyncRawComments:
    """`adesk.with_raw_response.comments`: awaitable, each giving a `RawResponse`."""

    def __init__(self, desk: AsyncDesk) -> None:
        request_id = desk._adapter.request_id
        self.list = raw_async(desk.comments.list, request_id)
        self.create: Callable[..., Awaitable[RawResponse[Comment]]] = raw_async(desk.comments.create, request_id)


class AsyncRawAttachments:
    """`adesk.with_raw_response.attachments`: awaitable, giving a `RawResponse` (the file's)."""

    def __init__(self, desk: AsyncDesk) -> None:
        self.download = raw_async(desk.attachments.download, desk._adapter.request_id)


class AsyncRawDesk:
    """`adesk.with_raw_response`: the AsyncDesk's methods, awaited, giving `RawResponse`s."""

    def __init__(self, desk: AsyncDesk) -> None:
        self.tickets = AsyncRawTickets(desk)
        self.comments = AsyncRawComments(desk)
        self.attachments = AsyncRawAttachments(desk)
        self.request = desk._raw_request
