"""Hostile servers (issue 12): every vendor, sync and async, through httpx.MockTransport.

3. JSON nested deeper than MAX_NESTING, in a success body or an error body: ResponseValidationError, or the
   status's APIStatusError with a readable message (a 503 still retried per policy). A body at the limit
   parses, and its Ticket exports, copies and prints.
7. Pathological HTML (tests/hostile.py) in every HTML field (Intercom part bodies and descriptions, Tickiti
   response html) and as a proxy's error page: read in linear time. html_to_text gives what the three
   regular expressions it was first written with gave (kept here as the reference) on generated HTML soup.
9. Paging that goes round in a circle (cursors A, B, A; a server that ignores the cursor, the offset or the
   page number): the list stops with PagingLoopError and never yields an id twice. Offset paging that shifts
   (tickets added meanwhile) skips the repeated tickets and goes on.

Times are asserted only as generous bounds ("it finished"), never as figures. A scripted server refuses to
answer more than MAX_REQUESTS requests, so a list that pages forever fails instead of hanging.
"""

from __future__ import annotations

import copy
import html
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, drive
from hostile import MAX_NESTING, PATHOLOGICAL_HTML, nested
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import VENDORS, load_fixture
from ticketkit import (
    NotFoundError,
    PagingLoopError,
    ResponseValidationError,
    ServerError,
    Ticket,
    _reading,
)
from ticketkit._html import html_to_text, looks_like_html

MAX_REQUESTS = 50
# Generous bounds: each case takes a few hundredths of a second; before the fix, tens of seconds.
QUICK = 1.0
QUICK_CALL = 3.0

ROUTERA: dict[str, Any] = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]
INTERCOM: dict[str, Any] = load_fixture("intercom/ticket-thread.json")["value"]
INTERCOM_ROW: dict[str, Any] = load_fixture("intercom/ticket-2.11.json")["value"]
TICKITI: dict[str, Any] = load_fixture("tickiti/show-ticket-thread.json")
ANKRA: dict[str, Any] = load_fixture("ankra/ticket-hand-made.json")["value"]
ANKRA_TICKETS = "/api/v1/org/support/tickets"
TICKITI_BASE = "https://support.example.com"


@dataclass(frozen=True)
class Vendor:
    """How to ask one vendor's desk for a ticket, and where in its answer the Ticket's `raw` sits."""

    name: str
    ticket_id: str
    method: str
    path: str
    answer: dict[str, Any]
    raw_at: tuple[str, ...] = ()  # the keys from the answer to the object that becomes Ticket.raw
    connect: dict[str, Any] = field(default_factory=dict)

    def raw_of(self, answer: dict[str, Any]) -> dict[str, Any]:
        for key in self.raw_at:
            answer = answer[key]
        return answer


GET: dict[str, Vendor] = {
    "routera": Vendor("routera", ROUTERA["id"], "GET", f"/tickets/{ROUTERA['id']}", ROUTERA),
    "intercom": Vendor("intercom", INTERCOM["id"], "GET", f"/tickets/{INTERCOM['id']}", INTERCOM),
    "tickiti": Vendor(
        "tickiti", "220014", "POST", "/api/v1/tickets/show", TICKITI, ("data", "ticket"), {"base_url": TICKITI_BASE}
    ),
    "ankra": Vendor("ankra", ANKRA["id"], "GET", f"{ANKRA_TICKETS}/{ANKRA['id']}", ANKRA),
}


def numbered(answer: Callable[[httpx.Request, int], httpx.Response]) -> Recorder:
    """Answers every request with `answer(request, n)` (n: the request's number, from 1); refuses to answer more
    than MAX_REQUESTS, so that a list paging forever fails the test instead of hanging it."""
    recorder = Recorder(limit=MAX_REQUESTS)
    recorder.answer = lambda request: answer(request, len(recorder.requests))
    return recorder


def perform(mode: str, vendor: str, server: Recorder, action: Callable[[Any], Any], **options: Any) -> Any:
    """`action(desk)` on a desk of `vendor` answered by `server` (Tickiti's at its base URL)."""
    return drive(mode, vendor, action, transport=server, **{**GET[vendor].connect, **options})


def answering(status: int, content: bytes, content_type: str = "application/json") -> Recorder:
    return numbered(lambda request, n: httpx.Response(status, content=content, headers={"content-type": content_type}))


def get_ticket(vendor: str) -> Callable[[Any], Any]:
    return lambda desk: desk.tickets.get(GET[vendor].ticket_id)


# ---------------------------------------------------------------------------------------------------------
# 3. Deep nesting
# ---------------------------------------------------------------------------------------------------------


def test_the_limit_is_the_one_the_parser_enforces() -> None:
    assert _reading.MAX_NESTING == MAX_NESTING


def shaped(shape: str, depth: int) -> str:
    """JSON text nesting exactly `depth` levels, in one of several shapes."""
    if shape == "arrays":
        return "[" * depth + "]" * depth
    if shape == "objects":
        return '{"k": ' * (depth - 1) + "{}" + "}" * (depth - 1)
    if shape == "objects of scalars at the bottom":  # CPython leaves such a dict untracked by the collector
        return '{"k": ' * (depth - 1) + '{"n": 1, "s": "x", "b": true, "z": null}' + "}" * (depth - 1)
    if shape == "alternating":
        opening = "".join("[" if level % 2 else '{"k": ' for level in range(depth - 1))
        closing = "".join("]" if level % 2 else "}" for level in reversed(range(depth - 1)))
        return opening + ("[1]" if depth % 2 == 0 else '{"n": 1}') + closing
    assert shape == "wide, one deep branch"
    shallow = ", ".join(f'"s{n}": [{{"a": [1, 2]}}, "text"]' for n in range(50))
    return "{" + shallow + ', "deep": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


SHAPES = ["arrays", "objects", "objects of scalars at the bottom", "alternating", "wide, one deep branch"]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_nesting_limit_is_exact_whatever_the_shape(shape: str) -> None:
    at_limit = _reading.parse_json(shaped(shape, MAX_NESTING))
    assert at_limit is not None
    with pytest.raises(_reading.NestingError, match=f"more than {MAX_NESTING} levels"):
        _reading.parse_json(shaped(shape, MAX_NESTING + 1))
    assert _reading.parse_json(shaped(shape, 3)) == json.loads(shaped(shape, 3))


def depth_of(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    return 0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=30,
)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(value=JSON_VALUES.filter(lambda v: isinstance(v, dict | list)), limit=st.integers(1, 8))
def test_the_nesting_check_agrees_with_a_plain_walk(value: Any, limit: int) -> None:
    """The check walks levels through the garbage collector's view of containers: same answer as recursion."""
    data = json.loads(json.dumps(value))  # as json.loads builds it (the collector's tracking depends on that)
    assert _reading._nests_deeper(data, limit) == (depth_of(data) > limit)


def planted(vendor: str, depth: int) -> tuple[bytes, dict[str, Any]]:
    """The vendor's ticket answer with arrays planted in the object that becomes Ticket.raw, so that the whole
    body nests `depth` levels (the answer's own objects counted); and the answer as data (before planting)."""
    spec = GET[vendor]
    answer = copy.deepcopy(spec.answer)
    spec.raw_of(answer)["hostile"] = "HOSTILE"
    arrays = depth - len(spec.raw_at) - 1  # the answer's objects down to raw, and raw itself
    text = json.dumps(answer).encode().replace(b'"HOSTILE"', nested(arrays))
    return text, answer


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_body_at_the_nesting_limit_is_read_and_its_ticket_exports(vendor: str, mode: str) -> None:
    content, _ = planted(vendor, MAX_NESTING)
    ticket = perform(mode, vendor, answering(200, content), get_ticket(vendor))
    assert isinstance(ticket, Ticket) and isinstance(ticket.raw["hostile"], list)
    # Everything that walks `raw` recursively still works on it:
    exported = json.loads(ticketkit.to_json(ticket))
    assert exported["raw"]["hostile"] == ticket.raw["hostile"]
    assert copy.deepcopy(ticket) == ticket
    assert repr(ticket).startswith("Ticket(")


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 900, 100_000])
@pytest.mark.parametrize("vendor", VENDORS)
def test_a_success_body_nested_too_deep_is_a_validation_error(vendor: str, depth: int, mode: str) -> None:
    """Past the limit, whether json.loads can still parse it (900 levels: a Ticket whose raw would break
    to_json, deepcopy and any recursive walk) or not (100,000: json.loads' RecursionError)."""
    content, _ = planted(vendor, depth)
    with pytest.raises(ResponseValidationError, match=f"nested (more than {MAX_NESTING} levels deep|too deep)"):
        perform(mode, vendor, answering(200, content), get_ticket(vendor))


ERROR_BODIES = {
    "a bare array": nested(5000),
    "an error object with a deep field": b'{"message": "Not found", "detail": ' + nested(900) + b"}",
}


@pytest.mark.parametrize("body", ERROR_BODIES.values(), ids=ERROR_BODIES.keys())
@pytest.mark.parametrize("vendor", VENDORS)
def test_an_error_body_nested_too_deep_gives_the_status_error_with_a_readable_message(
    vendor: str, body: bytes, mode: str
) -> None:
    with pytest.raises(NotFoundError) as raised:
        perform(mode, vendor, answering(404, body), get_ticket(vendor))
    assert raised.value.status_code == 404
    assert "nested" in raised.value.message and "[[[" not in raised.value.message, raised.value.message


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_503_nested_too_deep_is_still_retried(vendor: str, mode: str, waits: list[float]) -> None:
    server = answering(503, nested(5000))
    with pytest.raises(ServerError, match="nested"):
        perform(mode, vendor, server, get_ticket(vendor), max_retries=2)
    assert len(server.requests) == 3 and len(waits) == 2


def test_a_validation_error_quotes_at_most_a_few_hundred_characters_of_the_body(mode: str) -> None:
    """A megabyte in one string of the body must not become a megabyte of exception message (and log line)."""
    answer = copy.deepcopy(ROUTERA)
    answer["created_at"] = "not a date " * 100_000
    with pytest.raises(ResponseValidationError) as raised:
        perform(mode, "routera", answering(200, json.dumps(answer).encode()), get_ticket("routera"))
    assert len(str(raised.value)) < 1000 and str(raised.value).endswith("…")


# ---------------------------------------------------------------------------------------------------------
# 7. Pathological HTML
# ---------------------------------------------------------------------------------------------------------

# html_to_text as it was first written (three regular expressions, quadratic on pathological input): the
# reference its linear form must agree with.
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(?:br|p|div|li|tr|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")  # Intercom's test for an HTML description


def reference_html_to_text(markup: str) -> str:
    text = markup
    if "<" in text:
        if "<!" in text or "<s" in text or "<S" in text:
            text = _HIDDEN.sub("", text)
        text = _TAG.sub("", _BLOCK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    text = text.strip()
    if "\n" not in text and "\r" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


FRAGMENTS = [
    *("<", ">", "/", "!", "-", "--", "<!", "<!--", "-->", "--!>", "</", "< ", " >", "&", ";", "=", '"'),
    *("<script>", "<SCRIPT type='x'>", "<script", "</script>", "</script >", "</SCRIPT\n>", "</scripts>"),
    *("<style>", "<Style media=x>", "</style>", "</STYLE >", "<scripts>", "<styles"),
    *("<p>", "</p>", "<P class=a>", "<br>", "<br/>", "<BR >", "<div>", "</div>", "<li>", "<tr>", "<h1>", "<h7>"),
    *(
        "<pre>",
        "<blockquote>",
        "<b>",
        "</b>",
        "<a href='x>y'>",
        "<img src=a>",
        "<1>",
        "< a>",
        "</ p>",
        "<!DOCTYPE html>",
    ),
    *("&amp;", "&lt;", "&#39;", "&#x41;", "&#0000000065;", "&#99999999;", "&nbsp;", "&notit;", "&amp"),
    *("a", "Ünïcode", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "text"),
]
SOUP = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=400, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(soup=SOUP, padding=st.sampled_from([0, 300]))
def test_html_to_text_gives_what_the_three_patterns_gave(soup: str, padding: int) -> None:
    """On short text (the patterns as they are) and long (padded past SHORT_HTML: the linear forms)."""
    markup = " " * padding + soup + "\n" * (padding // 100)
    assert html_to_text(markup) == reference_html_to_text(markup)
    assert looks_like_html(markup) == (_HTML_TAG.search(markup) is not None)


def test_html_to_text_keeps_its_output_on_ordinary_bodies() -> None:
    ordinary = [
        "<p>Hello&nbsp;<b>there</b></p><p>Line&amp;two<br>three</p><script>x()</script>",
        "<p>Reply 7: the <b>export</b> still fails.</p>",
        '<!--[if mso]><style>p{margin:0}</style><![endif]--><div class="x">Hi,<br>see <a href="u">this</a></div>',
        "Plain text, no markup at all",
        "a < b and c > d",
    ]
    for markup in ordinary:
        for padded in (markup, markup + " " * 300):
            assert html_to_text(padded) == reference_html_to_text(padded), padded


@pytest.mark.parametrize("name", PATHOLOGICAL_HTML)
def test_pathological_html_is_read_in_linear_time(name: str) -> None:
    markup = PATHOLOGICAL_HTML[name]
    started = time.perf_counter()
    text = html_to_text(markup)
    looks_like_html(markup)
    assert time.perf_counter() - started < QUICK, f"{name}: {len(markup)} characters"
    assert isinstance(text, str)


def test_a_decimal_reference_too_long_for_int_is_the_replacement_character() -> None:
    """html.unescape raises ValueError on more than 4,300 digits; such a number is past U+10FFFF anyway."""
    assert html_to_text("a &#" + "7" * 5000 + "; b") == "a \ufffd b"
    assert html_to_text("&#" + "0" * 5000 + "65;") == "A"


# Intercom: a part body and the description; Tickiti: a response's html (its plain_text left empty).
def intercom_with(markup: str) -> dict[str, Any]:
    ticket = copy.deepcopy(INTERCOM)
    ticket["ticket_parts"]["ticket_parts"][0]["body"] = markup
    ticket["ticket_attributes"]["_default_description_"] = markup
    return ticket


def tickiti_with(markup: str) -> dict[str, Any]:
    answer = copy.deepcopy(TICKITI)
    for response in answer["data"]["responses"]:
        response["html"], response["plain_text"] = markup, ""
    return answer


HTML_FIELDS: dict[str, Callable[[str], dict[str, Any]]] = {"intercom": intercom_with, "tickiti": tickiti_with}
DESK_HTML = ["unterminated comments", "tags without >", "unclosed scripts", "< and spaces"]


@pytest.mark.parametrize("name", DESK_HTML)
@pytest.mark.parametrize("vendor", HTML_FIELDS)
def test_pathological_html_in_a_ticket_is_read_in_linear_time(vendor: str, name: str, mode: str) -> None:
    markup = PATHOLOGICAL_HTML[name]
    content = json.dumps(HTML_FIELDS[vendor](markup)).encode()
    started = time.perf_counter()
    ticket = perform(mode, vendor, answering(200, content), get_ticket(vendor))
    assert time.perf_counter() - started < QUICK_CALL, name
    assert ticket.comments and isinstance(ticket.comments[0].body_text, str)
    if vendor == "intercom":
        assert isinstance(ticket.description, str)


# A proxy's 503 page of 78 KB: 19 s over three attempts before (one html_to_text per attempt).
ERROR_PAGE = ("<html><head><title>503</title></head><body>" + "<!--" * 19_500).encode()


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_pathological_html_error_page_is_read_in_linear_time(vendor: str, mode: str, waits: list[float]) -> None:
    server = answering(503, ERROR_PAGE, "text/html")
    started = time.perf_counter()
    with pytest.raises(ServerError) as raised:
        perform(mode, vendor, server, get_ticket(vendor), max_retries=2)
    assert time.perf_counter() - started < QUICK_CALL
    assert len(server.requests) == 3 and raised.value.message.startswith("503")
    assert len(raised.value.message) <= 201  # 200 characters and an ellipsis


# ---------------------------------------------------------------------------------------------------------
# 9. Paging that goes round in a circle
# ---------------------------------------------------------------------------------------------------------


def routera_row(number: int) -> dict[str, Any]:
    return {**ROUTERA, "id": f"r-{number}"}


def intercom_row(number: int) -> dict[str, Any]:
    return {**INTERCOM_ROW, "id": str(number), "ticket_id": str(number)}


def ankra_row(number: int) -> dict[str, Any]:
    return {"id": f"00000000-0000-4000-8000-{number:012d}", "subject": f"Ticket {number}", "status": "open"}


def routera_page(numbers: list[int]) -> dict[str, Any]:
    """Routera pages by offset: the desk asks for the next while a page is full (10 rows at page_size=10)."""
    return {"data": [routera_row(n) for n in numbers]}


def intercom_page(numbers: list[int], next_cursor: str | None) -> dict[str, Any]:
    pages = {"type": "pages", "next": {"per_page": 150, "starting_after": next_cursor}} if next_cursor else None
    return {"type": "ticket.list", "tickets": [intercom_row(n) for n in numbers], "total_count": 99, "pages": pages}


def ankra_page(numbers: list[int], page: int, total_pages: int) -> dict[str, Any]:
    pagination = {"page": page, "page_size": 20, "total_pages": total_pages, "total_count": 99}
    return {"result": [ankra_row(n) for n in numbers], "pagination": pagination}


def sent_cursor(vendor: str, request: httpx.Request) -> Any:
    """The cursor a list request carries: Routera's offset, Intercom's starting_after, Ankra's page."""
    if vendor == "intercom":
        return json.loads(request.content)["pagination"].get("starting_after")
    name = {"routera": "offset", "ankra": "page"}[vendor]
    return int(request.url.params[name])


def json_answer(body: Any) -> httpx.Response:
    return httpx.Response(200, json=body)


def listing(mode: str, vendor: str, server: Recorder) -> tuple[list[str], PagingLoopError | None]:
    """The ids the list yields before it ends, and the PagingLoopError it ends with (None: it ended)."""
    yielded: list[str] = []

    def collect(desk: Any) -> Any:
        tickets = desk.tickets.list(page_size=10)
        if isinstance(tickets, Iterator):
            for ticket in tickets:
                yielded.append(ticket.id)
            return None

        async def consume() -> None:
            async for ticket in tickets:
                yielded.append(ticket.id)

        return consume()

    try:
        perform(mode, vendor, server, collect)
    except PagingLoopError as error:
        return yielded, error
    return yielded, None


def ignoring_the_cursor(vendor: str) -> Recorder:
    """The same full page, whatever the cursor (Intercom: with a new cursor each time)."""
    ten = list(range(1, 11))
    answers: dict[str, Callable[[httpx.Request, int], httpx.Response]] = {
        "routera": lambda request, n: json_answer(routera_page(ten)),
        "intercom": lambda request, n: json_answer(intercom_page(ten, f"cursor-{n}")),
        "ankra": lambda request, n: json_answer(ankra_page(ten, n, 1000)),
    }
    return numbered(answers[vendor])


PAGED = ["routera", "intercom", "ankra"]  # Tickiti's tickets/query has one page


@pytest.mark.parametrize("vendor", PAGED)
def test_a_server_that_ignores_the_cursor_ends_the_list_with_a_paging_loop_error(vendor: str, mode: str) -> None:
    """Page 2 repeats page 1 (skipped: offset paging can shift a whole page); page 3 again: the loop."""
    server = ignoring_the_cursor(vendor)
    yielded, error = listing(mode, vendor, server)
    assert error is not None, f"{vendor}: the list ended without an error"
    assert len(yielded) == 10 and len(set(yielded)) == 10
    assert len(server.requests) == 3 and error.page == 3
    assert error.vendor == vendor and error.operation == "tickets.list"
    assert "already listed" in str(error) and "goes round in a circle" in str(error)
    assert isinstance(error, ResponseValidationError)  # caught by `except ResponseValidationError` as before


def cycling_cursors(one_ticket: bool) -> Recorder:
    """Intercom's cursors go None -> A -> B -> A: every page a new ticket, or always the same one."""
    following = {None: "A", "A": "B", "B": "A"}

    def answer(request: httpx.Request, n: int) -> httpx.Response:
        cursor = sent_cursor("intercom", request)
        return json_answer(intercom_page([1 if one_ticket else n], following[cursor]))

    return numbered(answer)


def test_cursors_that_cycle_end_the_list_before_a_cursor_is_sent_again(mode: str) -> None:
    server = cycling_cursors(one_ticket=False)
    yielded, error = listing(mode, "intercom", server)
    assert error is not None and yielded == ["1", "2", "3"]
    assert [sent_cursor("intercom", r) for r in server.requests] == [None, "A", "B"]
    assert (error.cursor, error.page) == ("A", 3)
    assert "'A', which fetched page 2" in str(error)


def test_one_ticket_a_page_with_cycling_cursors_is_yielded_once(mode: str) -> None:
    """The issue's case: `list()` yielded the same ticket without end."""
    server = cycling_cursors(one_ticket=True)
    yielded, error = listing(mode, "intercom", server)
    assert error is not None and yielded == ["1"]
    assert len(server.requests) == 3


def test_a_cursor_that_does_not_move_ends_the_list_with_an_error(mode: str) -> None:
    """It used to end the list silently, which hides that the rest of the list was never read."""
    server = numbered(lambda request, n: json_answer(intercom_page([n], "SAME")))
    yielded, error = listing(mode, "intercom", server)
    assert error is not None and yielded == ["1", "2"] and len(server.requests) == 2
    assert "which it was itself fetched with" in str(error) and error.cursor == "SAME"


def shifting(vendor: str, pages: list[list[int]]) -> Recorder:
    """Offset paging: `pages` in turn (Routera stops at a short page, Ankra at total_pages)."""

    def answer(request: httpx.Request, n: int) -> httpx.Response:
        numbers = pages[n - 1]
        if vendor == "routera":
            return json_answer(routera_page(numbers))
        return json_answer(ankra_page(numbers, n, len(pages)))

    return numbered(answer)


SHIFTS = {
    # Two tickets added meanwhile: the next page repeats the last two of the one before.
    "a partly repeated page": ([list(range(1, 11)), list(range(9, 19)), [19, 20]], 20),
    # A page's worth added meanwhile: the next page is all old; the one after brings new tickets again.
    "one page of nothing new": ([list(range(1, 11)), list(range(1, 11)), [11, 12]], 12),
    # A page repeating a ticket it already holds.
    "a ticket twice in one page": ([[1, 2, 2, 3, 4, 5, 6, 7, 8, 9], [10]], 10),
}


@pytest.mark.parametrize("shift", SHIFTS)
@pytest.mark.parametrize("vendor", ["routera", "ankra"])
def test_offset_paging_that_shifts_skips_the_repeated_tickets(
    vendor: str, shift: str, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    pages, count = SHIFTS[shift]
    server = shifting(vendor, pages)
    with caplog.at_level(logging.INFO, logger="ticketkit"):
        yielded, error = listing(mode, vendor, server)
    assert error is None and len(yielded) == count and len(set(yielded)) == count
    assert len(server.requests) == len(pages)
    assert any("already listed; skipped" in r.getMessage() for r in caplog.records)


def test_a_tickiti_page_listing_a_ticket_twice_yields_it_once(mode: str) -> None:
    rows = load_fixture("tickiti/query-tickets-rows.json")
    rows["data"] = [*rows["data"], rows["data"][0]]
    server = numbered(lambda request, n: json_answer(rows))
    yielded, error = listing(mode, "tickiti", server)
    assert error is None and len(yielded) == len(rows["data"]) - 1 == len(set(yielded))


def test_limit_ends_the_list_before_a_repeated_cursor_is_noticed(mode: str) -> None:
    """A caller that asked for what it got has no loop to be told about."""
    server = numbered(lambda request, n: json_answer(intercom_page([n], "SAME")))

    def first_two(desk: Any) -> Any:
        return desk.tickets.list(limit=2)

    tickets = perform(mode, "intercom", server, first_two)
    assert [t.id for t in tickets] == ["1", "2"] and len(server.requests) == 2


def test_the_paging_loop_error_is_public_and_in_the_tree() -> None:
    assert ticketkit.PagingLoopError is PagingLoopError and "PagingLoopError" in ticketkit.__all__
    assert issubclass(PagingLoopError, ResponseValidationError)
    assert "PagingLoopError" in (ticketkit._errors.__doc__ or "")


def test_a_paging_loop_error_quoting_the_token_masks_it(mode: str) -> None:
    """A server that hands the caller's token back as its cursor: the error names the cursor, masked."""
    token = "sk-live-cursor-secret-42"
    server = numbered(lambda request, n: json_answer(intercom_page([n], token)))
    errors: list[PagingLoopError] = []

    def collect(desk: Any) -> Any:
        tickets = desk.tickets.list(page_size=10)
        if isinstance(tickets, Iterator):
            return list(tickets)

        async def consume() -> None:
            async for _ in tickets:
                pass

        return consume()

    with pytest.raises(PagingLoopError) as caught:
        perform(mode, "intercom", server, collect, token=token)
    errors.append(caught.value)
    assert token not in str(errors[0]) and token not in repr(errors[0].cursor)
    assert "[redacted]" in str(errors[0])
