"""The keywords every vendor's resource methods take, as TypedDicts: what a vendor's own fields extend.

A vendor module declares its own keywords of `tickets.create`, `tickets.update`, `tickets.list` /
`tickets.pages` and `comments.create` once, as a TypedDict that extends the matching one here (each key with
a docstring saying which vendor it belongs to). Its adapter's `create_options`... are `own_keys()` of that
TypedDict, so the run-time check and the types are one list; `_desk.py`'s overloads `Unpack` it.

Defaults and checks are the desk methods' (`_desk.py`, `_prepare.py`); these say what type checkers see.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypedDict

import httpx
from ticketkit_models import TicketStatus


class CallKeywords(TypedDict, total=False):
    """The per-call keywords of every desk method (see `_desk.py`)."""

    timeout: float | httpx.Timeout | None
    call_timeout: float | None
    max_retries: int | None
    extra_headers: Mapping[str, str] | None


class CreateKeywords(CallKeywords, total=False):
    """`tickets.create`'s keywords besides `subject`, for every vendor."""

    description: str | None
    requester_email: str | None


class UpdateKeywords(CallKeywords, total=False):
    """`tickets.update`'s keywords, for every vendor."""

    status: TicketStatus | str | None
    subject: str | None
    description: str | None


class ListKeywords(CallKeywords, total=False):
    """`tickets.list`'s and `tickets.pages`'s keywords, for every vendor."""

    status: TicketStatus | str | None
    page_size: int | None
    updated_since: datetime | None
    cursor: str | None
    limit: int | None


class CommentKeywords(CallKeywords, total=False):
    """`comments.create`'s keywords besides `body`, for every vendor."""

    internal: bool


def keys(fields: type[Any]) -> frozenset[str]:
    """Every key of a TypedDict, inherited ones included (read without evaluating the annotations)."""
    return frozenset(fields.__required_keys__) | frozenset(fields.__optional_keys__)


COMMON = keys(CreateKeywords) | keys(UpdateKeywords) | keys(ListKeywords) | keys(CommentKeywords)


def own_keys(fields: type[Any]) -> frozenset[str]:
    """A vendor's own keywords of one operation: its TypedDict's keys less the common ones."""
    return keys(fields) - COMMON
