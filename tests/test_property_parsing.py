"""Property-based parsing: response bodies generated from our own specs, and bodies that break them.

1. Conforming bodies. For every success response of every operation in `specs/<vendor>.yaml` (each branch
   of a top-level `oneOf`), hypothesis-jsonschema generates bodies from the response schema itself: its
   `$ref`s resolved into one self-contained schema (hypothesis-jsonschema does not follow refs across a
   document), recursive schemas cut at `MAX_NESTING` levels, sizes bounded (`bounded`). Every body must

   - conform to the spec (checked with the validator the sandbox tests use: guards the resolution here),
   - parse through the generated client's response parser into the model the spec names, and
   - for every desk call that sends the operation (`DESK_CALLS`), normalize into the unified model: the desk
     is answered with the body through `httpx.MockTransport` and must return its Ticket, Comment, list or
     bytes. The only exception allowed is a `ResponseValidationError` listed in `DISAGREEMENTS`: a body the
     schema allows but the adapter cannot use, with why the adapter is right and what the spec could say.

   Operations no desk call sends are parsed with the generated model only (`MODEL_ONLY`, with the reason).
   Responses sharing a schema form a `Family`: each generated body is tried on every member.

2. Broken bodies. For every desk operation of every vendor (and the token fetch of Routera's client
   credentials), the answer is broken: a required field dropped, a value of the wrong type, truncated JSON,
   a JSON array where the object belongs, an HTML error page, an empty body. At the success status the desk
   raises `ResponseValidationError` (or, for a drop or a wrong type the adapter does not need, returns its
   result); at an error status it raises that status's `APIStatusError` with a message. Nothing else: no
   KeyError, TypeError, ValueError, AttributeError or OverflowError reaches the caller.

3. Hostile bodies (issue 12). For the same desk calls, statuses and generated bodies as 2: arrays nested past
   the parser's limit planted anywhere in the body (the whole body included), a huge string (60,000
   characters: text, accents, "<!--" runs, a decimal reference of 60,000 digits) in place of any string, and
   pathological HTML (tests/hostile.py) in every HTML field (Intercom part bodies and descriptions, Tickiti
   response html, whose plain_text is emptied) or, at an error status, as the whole page. Only the
   ticketkit error for the status may come out (or, for a huge string or HTML at the success status, a
   result), and each desk call must finish within HOSTILE_SECONDS: quadratic parsing took seconds.

4. `CASES` counts, per vendor, the (operation or desk call, generated body) pairs tried, `HOSTILE_CASES` the
   hostile ones among them; conftest.py prints both.

Every hypothesis run is derandomized with a bounded number of examples: the same cases on every run. The
machinery (schemas, responses, desk calls, broken and hostile bodies) is in tests/property_bodies.py.
"""

from __future__ import annotations

import importlib
import json
import time
from typing import Any

import httpx
import pytest
from desk_support import MODES, Recorder, sync_desk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_bodies import (
    BREAKAGES,
    CASES,
    CONNECT,
    DESK_CALLS,
    DISAGREEMENTS,
    ERROR_STATUSES,
    FAMILIES,
    HOSTILE,
    HOSTILE_CASES,
    HTML_CALLS,
    MAX_NESTING,
    MODEL_ONLY,
    R_TICKET,
    RESPONSES,
    T_SHOW,
    Answer,
    DeskCall,
    Family,
    assert_conforms,
    body_strategy,
    break_body,
    broken_families,
    conforms_to_spec,
    desk_calls_of,
    encode,
    expect_outcome,
    hostile_body,
    html_bodies,
    html_families,
    json_answer,
    normalize,
    parse_generated,
    perform,
    response_validator,
    script_for,
    search_requests,
    self_contained,
    spec_example,
    spec_operations,
    success_of,
    unbroken_schema,
    with_value_at,
)
from spec_check import validator_for
from support import VENDORS, load_spec
from ticketkit import APIStatusError, ResponseValidationError

EXAMPLES = 25  # conforming bodies per family of responses
BROKEN_EXAMPLES = 8  # unbroken bodies per family of answers, each broken every way
SETTINGS = settings(
    derandomize=True,  # the same bodies on every run: a failure reproduces
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


# ---------------------------------------------------------------------------------------------------------
# 0. The tables cover the specs and the desks; the resolution bounds recursion
# ---------------------------------------------------------------------------------------------------------


def test_every_spec_operation_is_sent_by_a_desk_call_or_listed_as_model_only() -> None:
    for vendor in VENDORS:
        sent = {c.operation_id for c in DESK_CALLS if c.vendor == vendor} - {None}
        model_only = {op for v, op in MODEL_ONLY if v == vendor}
        in_spec = {operation_id for _, _, operation_id, _ in spec_operations(vendor)}
        assert not sent & model_only, f"{vendor}: both sent and model-only: {sent & model_only}"
        assert in_spec == sent | model_only, f"{vendor}: spec {sorted(in_spec)} vs tables"


def test_every_desk_operation_of_every_vendor_has_a_desk_call() -> None:
    for vendor in VENDORS:
        with sync_desk(vendor, Recorder(), **CONNECT[vendor]) as desk:
            supported = set(desk.capabilities.supported)
        assert {c.operation for c in DESK_CALLS if c.vendor == vendor} == supported, vendor


def test_every_success_response_names_a_model_of_the_generated_client() -> None:
    for response in RESPONSES:
        if not response.binary and response.model != "NoneType":  # a `null` answer parses into None
            assert hasattr(importlib.import_module(f"{response.vendor}_client.models"), response.model), response.id


def test_recursive_schemas_are_cut_at_the_nesting_bound() -> None:
    """Intercom's search query nests AND/OR groups: the resolved schema holds MAX_NESTING groups, then `false`."""
    schema = self_contained(load_spec("intercom"), {"$ref": "#/components/schemas/SearchRequest"})
    depth, group = 0, schema["properties"]["query"]["oneOf"][1]
    while group is not False:
        depth += 1
        assert group["properties"]["operator"]["enum"] == ["AND", "OR"]
        group = group["properties"]["value"]["items"]["oneOf"][1]
    assert depth == MAX_NESTING
    assert "$ref" not in json.dumps(schema)


@settings(SETTINGS, max_examples=EXAMPLES)
@given(data=st.data())
def test_bodies_of_a_recursive_schema_conform_and_parse(data: st.DataObject) -> None:
    """Search requests generated from the cut schema conform to the whole one and parse in the generated model."""
    from intercom_client.models import SearchRequest

    body = data.draw(search_requests(), label="search request")
    validator = validator_for(load_spec("intercom"), {"$ref": "#/components/schemas/SearchRequest"})
    assert not [e.message for e in validator.iter_errors(body)]
    assert SearchRequest.from_dict(body).to_dict() == body


# ---------------------------------------------------------------------------------------------------------
# 1. Conforming bodies
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.id)
@settings(SETTINGS, max_examples=EXAMPLES)
@given(data=st.data())
def test_conforming_body_parses_and_normalizes(family: Family, data: st.DataObject) -> None:
    """For each operation answering with the body: the generated client parses it into the model the spec
    names, and every desk call sending the operation normalizes it into the unified model."""
    body = data.draw(body_strategy(family.members[0]), label="body")
    for response in family.members:
        CASES[response.vendor] += 1
        assert_conforms(response, body)
        content = body if response.binary else encode(body)
        parsed = parse_generated(response, response.status, content, response.media_type)
        assert type(parsed).__name__ == response.model, response.id
        if response.binary:
            assert parsed.payload.read() == body
        for call in desk_calls_of(response):
            normalize(response, call, body)


EDGES = [
    # (desk call, the documented body, the key path of a timestamp, a value the schema allows out of range)
    pytest.param("routera-tickets.get", R_TICKET, ("created_at",), "0001-01-01T00:00:00+05:00", id="routera-year-0"),
    pytest.param(
        "intercom-tickets.get",
        spec_example("intercom", "TicketDocumented"),
        ("created_at",),
        10**12,
        id="intercom-1e12",
    ),
    pytest.param(
        "intercom-tickets.get",
        spec_example("intercom", "TicketDocumented"),
        ("created_at",),
        10**18,
        id="intercom-1e18",
    ),
    pytest.param(
        "intercom-tickets.get",
        spec_example("intercom", "TicketDocumented"),
        ("updated_at",),
        10**20,
        id="intercom-1e20",
    ),
    pytest.param(
        "tickiti-tickets.get", T_SHOW, ("data", "ticket", "updated_at"), "9999-12-31T23:59:59-05:00", id="tickiti-10000"
    ),
    pytest.param(
        "ankra-tickets.get",
        spec_example("ankra", "TicketDocumented"),
        ("created_at",),
        "0001-01-01T00:00:00+01:00",
        id="ankra-year-0",
    ),
]


@pytest.mark.parametrize(("call_id", "body", "path", "value"), EDGES)
def test_timestamps_beyond_datetime_range_are_refused_as_validation_errors(
    call_id: str, body: Any, path: tuple[str, ...], value: Any
) -> None:
    """Conforming timestamps no datetime holds (Linux raises ValueError, OSError or OverflowError for them)."""
    call = next(c for c in DESK_CALLS if c.id == call_id)
    edged = with_value_at(body, path, value)
    response = success_of(call)
    assert response is not None and response_validator(call.vendor, response.pointer).is_valid(edged)
    with pytest.raises(ResponseValidationError) as raised:
        perform(call, script_for(call, json_answer(edged), edged))
    assert [d.name for d in DISAGREEMENTS if d.covers(call, raised.value)] == ["timestamp out of datetime's range"]


# ---------------------------------------------------------------------------------------------------------
# 2. Broken bodies
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", broken_families())
@settings(SETTINGS, max_examples=BROKEN_EXAMPLES)
@given(data=st.data())
def test_broken_body_raises_only_ticketkit_errors(answers: tuple[Answer, ...], data: st.DataObject) -> None:
    """A body of the answers' schema, broken each way in turn and given to each desk call (a change the
    schema still allows is skipped: breaking Tickiti's success envelope can leave a body `Error` accepts)."""
    first = answers[0]
    schema, strategy = unbroken_schema(first.call.vendor, first.pointer, first.branch)
    body = data.draw(strategy, label="unbroken body")
    for kind in BREAKAGES:
        broken = break_body(kind, schema, body, data)
        if broken is None or conforms_to_spec(first.call.vendor, first.pointer, broken[0]):
            continue
        for answer in answers:
            CASES[answer.call.vendor] += 1
            response = httpx.Response(answer.status, content=broken[0], headers={"content-type": broken[1]})
            expect_outcome(answer.call, answer.status, kind, script_for(answer.call, response, body))


@pytest.mark.parametrize("kind", ["html", "empty"])
@pytest.mark.parametrize("status", [None, *ERROR_STATUSES], ids=["success", *map(str, ERROR_STATUSES)])
@pytest.mark.parametrize("call", DESK_CALLS, ids=lambda c: c.id)
def test_unreadable_body_raises_only_ticketkit_errors(call: DeskCall, status: int | None, kind: str, mode: str) -> None:
    """An HTML error page or an empty body, at the success status and at error statuses, sync and async."""
    content, content_type = break_body(kind, None, None, None) or (b"", "")
    success = success_of(call)
    code = status or (success.status if success else 200)
    answer = httpx.Response(code, content=content, headers={"content-type": content_type})
    if status is None and (success is None or success.binary):  # a download: the bytes are the file
        assert perform(call, script_for(call, answer), mode) == content
        return
    expect_outcome(call, code, kind, script_for(call, answer), mode)


# ---------------------------------------------------------------------------------------------------------
# 3. Hostile bodies
# ---------------------------------------------------------------------------------------------------------

# Generating a body costs far more than making it hostile: few bodies, each made hostile several ways.
HOSTILE_EXAMPLES = 1  # unbroken bodies per family of answers
HOSTILE_VARIANTS = 2  # hostile bodies of each kind made from it
HTML_EXAMPLES = 2  # bodies with HTML fields per desk call
HOSTILE_SECONDS = 1.0


@pytest.mark.parametrize("answers", broken_families())
@settings(SETTINGS, max_examples=HOSTILE_EXAMPLES)
@given(data=st.data())
def test_hostile_body_raises_only_ticketkit_errors_in_bounded_time(
    answers: tuple[Answer, ...], data: st.DataObject
) -> None:
    """A body of the answers' schema made hostile each way in turn and given to each desk call, sync or async."""
    first = answers[0]
    _, strategy = unbroken_schema(first.call.vendor, first.pointer, first.branch)
    body = data.draw(strategy, label="unbroken body")
    for kind in [kind for kind in HOSTILE for _ in range(HOSTILE_VARIANTS)]:
        made: dict[bool, tuple[bytes, str] | None] = {}  # one hostile body for the success status, one for errors
        for answer in answers:
            error = answer.status in ERROR_STATUSES
            if error not in made:
                made[error] = hostile_body(kind, answer.status, body, data)
            hostile = made[error]
            if hostile is None:
                continue
            CASES[answer.call.vendor] += 1
            HOSTILE_CASES[answer.call.vendor] += 1
            response = httpx.Response(answer.status, content=hostile[0], headers={"content-type": hostile[1]})
            mode = MODES[data.draw(st.booleans(), label="async")]  # False: sync
            started = time.perf_counter()
            expect_outcome(answer.call, answer.status, kind, script_for(answer.call, response, body), mode)
            elapsed = time.perf_counter() - started
            where = f"{answer.call.id} on a {kind} body with HTTP {answer.status}"
            assert elapsed < HOSTILE_SECONDS, f"{where}: {elapsed:.1f} s"


def test_every_vendor_answer_with_html_fields_is_tried() -> None:
    """Intercom's tickets and parts, Tickiti's threads (and Ankra's plain-text comment bodies)."""
    assert {c.id for c in HTML_CALLS} >= {
        "intercom-tickets.get",
        "intercom-tickets.list",
        "intercom-comments.list",
        "intercom-comments.create",
        "tickiti-tickets.get",
        "tickiti-comments.list",
    }


@pytest.mark.parametrize("calls", html_families())
@settings(SETTINGS, max_examples=HTML_EXAMPLES)
@given(data=st.data())
def test_pathological_html_in_every_html_field_is_read_in_bounded_time(
    calls: tuple[DeskCall, ...], data: st.DataObject
) -> None:
    """A generated answer with every HTML field it has set to pathological HTML, given to each desk call that
    reads it: a result (or, where the adapter needs the text it replaced, ResponseValidationError), within
    HOSTILE_SECONDS, sync or async."""
    generated = data.draw(html_bodies(calls[0].id), label="body with HTML fields")
    for call in calls:
        response = success_of(call)
        assert response is not None
        body = call.cohere(generated)
        hostile = hostile_body("html", response.status, body, data)
        assert hostile is not None, f"{call.id}: no HTML field in {body!r}"
        CASES[call.vendor] += 1
        HOSTILE_CASES[call.vendor] += 1
        answer = httpx.Response(response.status, content=hostile[0], headers={"content-type": hostile[1]})
        started = time.perf_counter()
        mode = MODES[data.draw(st.booleans())]  # False: sync
        expect_outcome(call, response.status, "html", script_for(call, answer, body), mode)
        assert time.perf_counter() - started < HOSTILE_SECONDS, call.id


SILENT_ERRORS = [
    # (vendor, status, an error body whose code and message say nothing: null, blank or of a wrong type)
    ("routera", 404, {"message": ""}),
    ("routera", 404, {"message": " "}),
    ("routera", 404, {"message": None, "error": True}),
    ("routera", 404, {"message": ["not", "text"]}),
    ("routera", 404, {"error": "", "error_description": " "}),
    ("intercom", 404, {"type": "error.list", "errors": [{"code": "", "message": ""}]}),
    ("intercom", 404, {"type": "error.list", "errors": [{"code": None, "message": None}]}),
    ("intercom", 404, {"type": "error.list", "errors": [{"code": 7, "message": ["x"]}]}),
    ("intercom", 404, {"type": "error.list", "errors": []}),
    ("tickiti", 404, {"ok": False, "error": {"code": "", "message": " "}}),
    ("tickiti", 422, {"ok": False, "error": {"code": None, "message": None}}),
    ("tickiti", 403, {"ok": False, "error": " ", "message": ""}),
    ("tickiti", 404, {"message": "\n", "errors": {"subject": [" "]}}),
    ("ankra", 404, {"detail": "\r", "permission": ""}),
    ("ankra", 404, {"detail": None}),
    ("ankra", 404, {"detail": [{"loc": [], "msg": "", "type": ""}]}),
]


@pytest.mark.parametrize(
    ("vendor", "status", "body"), SILENT_ERRORS, ids=[f"{v}-{s}-{i}" for i, (v, s, _) in enumerate(SILENT_ERRORS)]
)
def test_an_error_body_that_says_nothing_still_gives_a_message(vendor: str, status: int, body: Any) -> None:
    """The vendor's words when there are any, else the body's own text: never "", blanks or "None"."""
    call = next(c for c in DESK_CALLS if c.vendor == vendor and c.operation == "tickets.get")
    with pytest.raises(APIStatusError) as raised:
        perform(call, script_for(call, json_answer(body, status), body))
    error = raised.value
    assert error.status_code == status and isinstance(error, ERROR_STATUSES.get(status, APIStatusError))
    assert isinstance(error.message, str) and error.message.strip() not in ("", "None"), repr(error.message)
