"""`POST /tickets/search`: Intercom's query language (single filters, AND/OR groups) and its cursor pages.

From Intercom's search documentation: groups nest at most 2 levels with at most 15 filters each; `=`, `!=`,
`IN`, `NIN` work on every field, `>` and `<` on dates and numbers ("greater (or equal) than", so inclusive),
`<=` and `>=` on `created_at`, `~ !~ ^ $` on strings. A value of the wrong type fails the query. Results come
oldest first; the cursor is base64 of `[created_at in ms, "id"]`, the form of Intercom's documented cursor.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import UNASSIGNED, Store, Ticket, TicketTypeAttribute, now, search_key

MAX_DEPTH = 2
MAX_FILTERS_PER_GROUP = 15
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 150  # Intercom's documented search maximum (conversations; tickets share the engine)

Predicate = Callable[[Ticket], bool]
Reader = Callable[[Ticket], list[Any]]

OPERATORS_BY_KIND = {
    "string": {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
    "date": {"=", "!=", "IN", "NIN", ">", "<"},
    "number": {"=", "!=", "IN", "NIN", ">", "<", ">=", "<="},
    "boolean": {"=", "!=", "IN", "NIN"},
}
# Only `created_at` also takes `<=` and `>=` (a documented exception).
CREATED_AT_OPERATORS = OPERATORS_BY_KIND["date"] | {">=", "<="}
ATTRIBUTE_KINDS = {
    "string": "string",
    "list": "string",
    "integer": "number",
    "decimal": "number",
    "boolean": "boolean",
    "datetime": "date",
}


class SearchError(Exception):
    """A query or pagination Intercom would refuse (400 parameter_invalid)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Field:
    kind: str
    read: Reader


# -- compiling a query ---------------------------------------------------------------------------------------


def compile_query(query: Any, store: Store, level: int = 0) -> Predicate:
    """A predicate over tickets for a single filter or an AND/OR group (groups may nest `MAX_DEPTH` deep)."""
    if not isinstance(query, dict):
        raise SearchError("query must be an object", "query")
    if "field" in query:
        return _compile_filter(query, store)
    operator = query.get("operator")
    if operator not in ("AND", "OR"):
        raise SearchError("a query is a filter with field, operator and value, or an AND/OR group", "query")
    if level >= MAX_DEPTH:
        raise SearchError(f"queries nest at most {MAX_DEPTH} groups deep", "query")
    members = query.get("value")
    if not isinstance(members, list) or not members:
        raise SearchError(f"an {operator} group needs a non-empty list of filters as its value", "query")
    if len(members) > MAX_FILTERS_PER_GROUP:
        raise SearchError(f"an {operator} group takes at most {MAX_FILTERS_PER_GROUP} filters", "query")
    parts = [compile_query(member, store, level + 1) for member in members]
    combine = all if operator == "AND" else any
    return lambda ticket: combine(part(ticket) for part in parts)


def _compile_filter(query: dict[str, Any], store: Store) -> Predicate:
    name, operator = query.get("field"), query.get("operator")
    if "value" not in query:
        raise SearchError(f"the filter on {name!r} has no value", "query.value")
    if not isinstance(name, str):
        raise SearchError("field must be a string", "query.field")
    field = _field(name, store)
    allowed = CREATED_AT_OPERATORS if name == "created_at" else OPERATORS_BY_KIND[field.kind]
    if not isinstance(operator, str) or operator not in allowed:
        raise SearchError(f"operator {operator!r} is not valid for {name} ({field.kind})", "query.operator")
    expected = _expected_value(name, field.kind, operator, query["value"])
    compare = _comparison(operator, expected)
    return lambda ticket: compare(field.read(ticket))


def _field(name: str, store: Store) -> Field:
    if name.startswith("ticket_attribute."):
        return _attribute_field(name, store)
    fields = _standard_fields(store)
    if name not in fields:
        raise SearchError(f"{name!r} is not a searchable ticket field", "query.field")
    return fields[name]


def _standard_fields(store: Store) -> dict[str, Field]:
    def one(read: Callable[[Ticket], Any]) -> Reader:
        return lambda ticket: [read(ticket)]

    return {
        "id": Field("string", one(lambda t: t.id)),
        "created_at": Field("date", one(lambda t: t.created_at)),
        "updated_at": Field("date", one(lambda t: t.updated_at)),
        "snoozed_until": Field("date", one(lambda t: t.active_snooze(now()))),
        "title": Field("string", one(lambda t: t.attributes.get("_default_title_"))),
        "description": Field("string", one(lambda t: t.attributes.get("_default_description_"))),
        "category": Field("string", one(lambda t: t.category)),
        "ticket_type_id": Field("string", one(lambda t: t.type_id)),
        "contact_ids": Field("string", lambda t: list(t.contact_ids)),
        "teammate_ids": Field("string", _teammates),
        "admin_assignee_id": Field("string", one(lambda t: t.admin_assignee_id)),
        "team_assignee_id": Field("string", one(lambda t: t.team_assignee_id)),
        "open": Field("boolean", one(lambda t: t.open)),
        "state": Field("string", one(lambda t: t.state.category)),
    }


def _teammates(ticket: Ticket) -> list[Any]:
    """Admins who are assigned to or wrote in the ticket."""
    ids = {p.author.id for p in ticket.parts if p.author.type == "admin"}
    if ticket.admin_assignee_id != UNASSIGNED:
        ids.add(ticket.admin_assignee_id)
    return sorted(ids)


def _attribute_field(name: str, store: Store) -> Field:
    attribute_id = name.removeprefix("ticket_attribute.")
    found: tuple[str, TicketTypeAttribute] | None = next(
        ((t.id, a) for t in store.ticket_types.values() for a in t.attributes if a.id == attribute_id), None
    )
    if found is None:
        raise SearchError(f"no ticket attribute has id {attribute_id!r}", "query.field")
    type_id, attribute = found
    kind = ATTRIBUTE_KINDS.get(attribute.data_type, "string")
    return Field(kind, lambda t: [t.attributes.get(attribute.name) if t.type_id == type_id else None])


# -- values and comparisons ------------------------------------------------------------------------------------


def _expected_value(name: str, kind: str, operator: str, value: Any) -> Any:
    if operator in ("IN", "NIN"):
        if not isinstance(value, list):
            raise SearchError(f"{operator} takes a list of values", "query.value")
        return [_scalar(name, kind, item) for item in value]
    if value is None and operator in ("=", "!="):
        return None
    return _scalar(name, kind, value)


def _scalar(name: str, kind: str, value: Any) -> Any:
    """The value in the field's type; strings of digits pass for dates, as Intercom's own example sends them."""
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if value in ("true", "false"):
            return value == "true"
    elif kind in ("date", "number") and not isinstance(value, bool):
        if isinstance(value, int) or (kind == "number" and isinstance(value, float)):
            return value
        if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value.strip()):
            return int(value)
    elif kind == "string" and not isinstance(value, bool | list | dict) and value is not None:
        return str(value)
    raise SearchError(f"{value!r} is not a valid {kind} value for {name}", "query.value")


def _comparison(operator: str, expected: Any) -> Callable[[list[Any]], bool]:
    """`values -> bool` for one operator; a multi-valued field (contact_ids) matches when any value does."""
    needle = expected.lower() if isinstance(expected, str) else ""

    def text_test(test: Callable[[str], bool]) -> Callable[[Any], bool]:
        return lambda value: isinstance(value, str) and test(value.lower())

    tests: dict[str, Callable[[Any], bool]] = {
        "=": lambda value: value == expected,
        "IN": lambda value: value is not None and value in expected,
        ">": lambda value: value is not None and value >= expected,
        ">=": lambda value: value is not None and value >= expected,
        "<": lambda value: value is not None and value <= expected,
        "<=": lambda value: value is not None and value <= expected,
        "~": text_test(lambda value: needle in value),
        "^": text_test(lambda value: value.startswith(needle)),
        "$": text_test(lambda value: value.endswith(needle)),
    }
    negations = {"!=": "=", "NIN": "IN", "!~": "~"}
    test = tests[negations.get(operator, operator)]
    if operator in negations:
        return lambda values: not any(test(v) for v in values)
    return lambda values: any(test(v) for v in values)


# -- pages ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    tickets: list[Ticket]
    total_count: int
    page: int
    per_page: int
    total_pages: int
    next_cursor: str | None


def parse_pagination(pagination: Any) -> tuple[int, str | None]:
    """`per_page` (1 to 150; 20 without `pagination`) and `starting_after` from the request's `pagination`."""
    if pagination is None:
        return DEFAULT_PER_PAGE, None
    if not isinstance(pagination, dict):
        raise SearchError("pagination must be an object", "pagination")
    if "per_page" not in pagination:  # required whenever pagination is sent
        raise SearchError("per_page is required in pagination", "pagination.per_page")
    per_page = pagination["per_page"]
    if isinstance(per_page, bool) or not isinstance(per_page, int) or not 1 <= per_page <= MAX_PER_PAGE:
        raise SearchError(f"per_page must be an integer from 1 to {MAX_PER_PAGE}", "pagination.per_page")
    starting_after = pagination.get("starting_after")
    if starting_after is not None and not isinstance(starting_after, str):
        raise SearchError("starting_after must be a string", "pagination.starting_after")
    return per_page, starting_after


def paginate(matches: list[Ticket], per_page: int, starting_after: str | None) -> Page:
    """The page after the cursor; `matches` must be in search order."""
    skipped = 0
    if starting_after is not None:
        after = decode_cursor(starting_after)
        skipped = sum(1 for t in matches if search_key(t) <= after)
    window = matches[skipped : skipped + per_page]
    more = skipped + per_page < len(matches)
    return Page(
        tickets=window,
        total_count=len(matches),
        page=skipped // per_page + 1,
        per_page=per_page,
        total_pages=math.ceil(len(matches) / per_page),
        next_cursor=encode_cursor(window[-1]) if more and window else None,
    )


def encode_cursor(ticket: Ticket) -> str:
    raw = json.dumps([ticket.created_at * 1000, ticket.id], separators=(",", ":"))
    return base64.b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple[int, int]:
    try:
        millis, ticket_id = json.loads(base64.b64decode(cursor + "=" * (-len(cursor) % 4), validate=True))
        return int(millis) // 1000, int(ticket_id)
    except (binascii.Error, ValueError, TypeError, OverflowError) as error:
        raise SearchError("starting_after is not a cursor this API gave", "pagination.starting_after") from error
