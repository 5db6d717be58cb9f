"""The machinery of the property-based parsing tests (tests/test_property_parsing.py): bodies from our specs.

- Schemas: `self_contained` resolves a response schema's `$ref`s into one schema (hypothesis-jsonschema does not
  follow refs across a document), cutting recursive schemas at MAX_NESTING levels; `bounded` and `generate`
  make a bounded hypothesis strategy of it.
- Responses: `RESPONSES` holds every success response of every operation in `specs/<vendor>.yaml` (each branch
  of a top-level `oneOf`); responses sharing a schema form a `Family` (`FAMILIES`). `assert_conforms` checks a
  body with the validator the sandbox tests use, `parse_generated` parses it with the generated client.
- Desk calls: `DESK_CALLS` says which unified operation sends which spec operation, with what arguments, and
  what it must return; `MODEL_ONLY` lists the operations no desk call sends (with the reason); `DISAGREEMENTS`
  the bodies the schema allows and the adapter refuses (with why the adapter is right). `perform` runs a desk
  call through desk_support.drive on a `script_for` its answer; `check_result` and `expect_outcome` say what
  may come out.
- Broken bodies (`break_body`: a required field dropped, a wrong type, truncated JSON, an array, an HTML page,
  an empty body) and hostile ones (`hostile_body`: nesting past the parser's limit, a huge string, pathological
  HTML in the HTML fields `requiring_html` finds).
- `CASES` and `HOSTILE_CASES` count, per vendor, the bodies tried; conftest.py prints them.
"""

from __future__ import annotations

import base64
import copy
import functools
import hashlib
import importlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import jsonschema
import pytest
from desk_support import Recorder, calling, drive
from hostile import MAX_NESTING as MAX_BODY_NESTING
from hostile import nested, pathological_html
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from spec_check import HTTP_METHODS, resolve, validator_for
from support import VENDORS, load_spec
from ticketkit import (
    APIStatusError,
    NotFoundError,
    ResponseValidationError,
    ServerError,
    TicketkitError,
)
from ticketkit_models import Attachment, Comment, Ticket

#: Per vendor: (operation or desk call, generated body) pairs tried, conforming and broken (for the report).
CASES: Counter[str] = Counter()
# Intercom allows search groups nested 2 levels deep [doc]; every recursive schema is cut there.
MAX_NESTING = 2
# Arrays in generated bodies hold at most this many items: big bodies cost time and find nothing new.
MAX_ITEMS = 2
MAX_EXTRA_KEYS = 3
# String formats our specs use that hypothesis-jsonschema does not know.
FORMATS = {"uuid": st.uuids().map(str)}

# ---------------------------------------------------------------------------------------------------------
# Schemas: refs resolved, recursion bounded
# ---------------------------------------------------------------------------------------------------------

ANNOTATIONS = frozenset({"description", "summary", "title", "example", "examples", "externalDocs", "xml"})
SUBSCHEMA = frozenset(
    {"items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems"}
)
SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
SUBSCHEMA_MAPS = frozenset({"properties", "patternProperties", "dependentSchemas"})


def _pointed(vendor: str, pointer: tuple[str, ...]) -> Any:
    """The node at `pointer` in the vendor's spec (a copy of the spec: free to change)."""
    node: Any = load_spec(vendor)
    for part in pointer:
        node = node[part]
    return node


def self_contained(spec: dict[str, Any], schema: Any, trail: tuple[str, ...] = ()) -> Any:
    """`schema` with every local `$ref` replaced by its target, so it stands alone.

    A ref already open `MAX_NESTING` times on the way here becomes `false` (nothing matches): a recursive
    schema is cut at that depth, and the `oneOf`/`anyOf` holding the recursion keeps its other branches.
    """
    if isinstance(schema, bool):
        return schema
    if "$ref" in schema:
        ref = schema["$ref"]
        if trail.count(ref) >= MAX_NESTING:
            return False
        target = self_contained(spec, resolve(spec, {"$ref": ref}), (*trail, ref))
        siblings = {k: v for k, v in schema.items() if k != "$ref" and k not in ANNOTATIONS}
        return {"allOf": [target, self_contained(spec, siblings, trail)]} if siblings else target
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ANNOTATIONS:
            continue
        if key in SUBSCHEMA:
            out[key] = self_contained(spec, value, trail)
        elif key in SUBSCHEMA_LISTS:
            out[key] = [self_contained(spec, item, trail) for item in value]
        elif key in SUBSCHEMA_MAPS:
            out[key] = {name: self_contained(spec, item, trail) for name, item in value.items()}
        else:  # type, required, enum, const, format...: values, not schemas
            out[key] = value
    return out


def bounded(schema: Any, max_items: int = MAX_ITEMS) -> Any:
    """A self-contained schema for generation: a subset of the bodies it allows, small enough to be quick.

    Arrays hold at most `max_items` items. An object gets MAX_EXTRA_KEYS keys beyond its declared properties
    only where the spec says unknown keys are expected (`additionalProperties` given); otherwise its declared
    properties at most. (Unbounded, hypothesis-jsonschema keeps drawing keys of small objects and discards
    most of its examples.) What a `not` excludes is left alone: bounding it would widen what the schema allows.
    """
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in SUBSCHEMA - {"not"}:
            out[key] = bounded(value, max_items)
        elif key in SUBSCHEMA_LISTS:
            out[key] = [bounded(item, max_items) for item in value]
        elif key in SUBSCHEMA_MAPS:
            out[key] = {name: bounded(item, max_items) for name, item in value.items()}
        else:
            out[key] = value
    types = schema.get("type", ())
    if "items" in schema or "array" in ([types] if isinstance(types, str) else types):
        out["maxItems"] = min(schema.get("maxItems", max_items), max_items)
    if "properties" in schema or "additionalProperties" in schema:
        extra = MAX_EXTRA_KEYS if schema.get("additionalProperties", False) is not False else 0
        out["maxProperties"] = min(schema.get("maxProperties", 10**6), len(schema.get("properties", {})) + extra)
    return out


def generate(schema: Any, max_items: int = MAX_ITEMS) -> st.SearchStrategy[Any]:
    """hypothesis-jsonschema's strategy for a self-contained schema, sizes bounded."""
    return from_schema(bounded(schema, max_items), custom_formats=FORMATS)


# ---------------------------------------------------------------------------------------------------------
# Every success response of every operation
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    """One success response an operation declares; a top-level `oneOf` gives one Response per branch."""

    vendor: str
    operation_id: str
    tag: str
    status: int
    media_type: str
    pointer: tuple[str, ...]  # where the response's schema sits in the spec
    branch: int | None  # index in the schema's top-level oneOf, or None
    model: str  # the generated class the response parser must return

    @property
    def id(self) -> str:
        branch = "" if self.branch is None else f"-{self.model}"
        return f"{self.vendor}-{self.operation_id}-{self.status}{branch}"

    @property
    def binary(self) -> bool:
        return self.media_type != "application/json"

    def branch_schema(self) -> Any:
        """The schema of this response's bodies as the spec writes it (refs kept)."""
        schema = _pointed(self.vendor, self.pointer)
        return schema if self.branch is None else schema["oneOf"][self.branch]


NULL = {"type": "null"}  # a branch of a top-level oneOf: the answer may be `null` (Intercom 2.16's nullable ticket)


def _model_name(schema: dict[str, Any]) -> str:
    return "NoneType" if schema == NULL else str(schema["$ref"]).rsplit("/", 1)[-1]


def spec_operations(vendor: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(method, path, operationId, operation) for every operation of the vendor's spec."""
    for path, item in load_spec(vendor)["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]["operationId"], item[method]


def success_responses(vendor: str) -> Iterator[Response]:
    spec = load_spec(vendor)
    for method, path, operation_id, operation in spec_operations(vendor):
        for code, declared in operation["responses"].items():
            if not code.startswith("2"):
                continue
            base: tuple[str, ...] = ("paths", path, method.lower(), "responses", code)
            if "$ref" in declared:  # a shared response: point into components instead
                base = tuple(declared["$ref"].removeprefix("#/").split("/"))
            for media_type, media in (resolve(spec, declared).get("content") or {}).items():
                pointer = (*base, "content", media_type, "schema")
                schema = media["schema"]
                common = (vendor, operation_id, operation["tags"][0], int(code), media_type, pointer)
                if media_type != "application/json":
                    yield Response(*common, branch=None, model="File")
                elif "oneOf" in schema and all("$ref" in s or s == NULL for s in schema["oneOf"]):
                    for index, alternative in enumerate(schema["oneOf"]):
                        yield Response(*common, branch=index, model=_model_name(alternative))
                else:
                    yield Response(*common, branch=None, model=_model_name(schema))


RESPONSES = [response for vendor in VENDORS for response in success_responses(vendor)]


def _schema_key(vendor: str, schema: Any) -> str:
    return json.dumps(self_contained(load_spec(vendor), schema), sort_keys=True)


@dataclass(frozen=True)
class Family:
    """Responses whose bodies follow one schema (a ticket answers get, create, update...): each body
    generated for the family is tried on every member, so no schema is generated for twice."""

    members: tuple[Response, ...]

    @property
    def vendor(self) -> str:
        return self.members[0].vendor

    @property
    def id(self) -> str:
        first = self.members[0]
        return f"{first.vendor}-{first.model}-{'+'.join(sorted({m.operation_id for m in self.members}))}"


def _families() -> list[Family]:
    grouped: dict[tuple[str, bool, str], list[Response]] = {}
    for response in RESPONSES:
        key = "" if response.binary else _schema_key(response.vendor, response.branch_schema())
        grouped.setdefault((response.vendor, response.binary, key), []).append(response)
    return [Family(tuple(members)) for members in grouped.values()]


FAMILIES = _families()


@functools.cache
def body_strategy(response: Response) -> st.SearchStrategy[Any]:
    if response.binary:
        return st.binary(max_size=512)
    return generate(self_contained(load_spec(response.vendor), response.branch_schema()))


@functools.cache
def response_validator(vendor: str, pointer: tuple[str, ...]) -> jsonschema.protocols.Validator:
    return validator_for(load_spec(vendor), _pointed(vendor, pointer))


def assert_conforms(response: Response, body: Any) -> None:
    """The generated body conforms to the spec as written (so the resolution here cannot drift from it)."""
    if not response.binary:
        problems = [e.message for e in response_validator(response.vendor, response.pointer).iter_errors(body)]
        assert not problems, f"{response.id}: generated body does not conform: {problems}"


def parse_generated(response: Response, status: int, content: bytes, content_type: str) -> Any:
    """The generated client's own parse of an answer (`<Model>.from_dict` behind it)."""
    module = importlib.import_module(f"{response.vendor}_client.api.{response.tag}.{response.operation_id}")
    client = importlib.import_module(f"{response.vendor}_client").Client
    answer = httpx.Response(status, content=content, headers={"content-type": content_type})
    return module._parse_response(
        client=client(base_url="https://api.test", raise_on_unexpected_status=True), response=answer
    )


def encode(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


# ---------------------------------------------------------------------------------------------------------
# Desk calls: which unified operation sends which spec operation, and what it must return
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invocation:
    operation: str  # "tickets.get", ...
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


Routes = dict[tuple[str, str], httpx.Response]


@dataclass(frozen=True)
class DeskCall:
    """A unified operation and the request of it whose answer is under test."""

    vendor: str
    invocation: Invocation
    operation_id: str | None  # the spec operation answered with the body under test (None: not in the spec)
    method: str
    path: str
    connect: dict[str, Any] = field(default_factory=dict)
    # Answers to the plan's other requests, given the body under test (a read-back after a write...).
    others: Callable[[Any], Routes] = lambda body: {}
    # What later requests to the same route get (the next page of a list): None when there must be none.
    then: Any = None
    # Makes a generated body agree with itself where JSON Schema cannot say so (a digest of the content...).
    cohere: Callable[[Any], Any] = lambda body: body
    # The ids the result must carry, from the body under test (None: only the result's type is checked).
    expected: Callable[[Any], Any] = lambda body: None
    via: bool = False  # the answer under test is not the operation's own (a token fetch before it)

    @property
    def operation(self) -> str:
        return self.invocation.operation

    @property
    def id(self) -> str:
        return f"{self.vendor}-{self.operation}" + (f"-via-{self.operation_id}" if self.via else "")


def spec_example(vendor: str, name: str) -> Any:
    return copy.deepcopy(load_spec(vendor)["components"]["examples"][name]["value"])


# Routera
R_ID = "550e8400-e29b-41d4-a716-446655440000"
R_TICKET = spec_example("routera", "TicketDocumented")
# Intercom
I_ID = "1268"
I_FILE_URL = "https://downloads.intercomcdn.com/i/o/1/report.png"
I_LAST_PAGE = {"type": "ticket.list", "tickets": [], "total_count": 0, "pages": None}
I_TICKET_2_16 = spec_example("intercom", "Ticket216")  # its ticket type (90) lists an in_progress state
# Tickiti
T_BASE = "https://support.example.com"
T_NUMBER = "220009"
T_AGENT = "priya.sharma@sole-provider.example"
T_SHOW = spec_example("tickiti", "ShowTicketDocumented")
T_RESPONSE = T_SHOW["data"]["responses"][0]
# Ankra
A_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
A_TICKETS = "/api/v1/org/support/tickets"
A_COMMENT = "The upgrade finished after a restart."
A_LAST_PAGE = {"result": [], "pagination": {"page": 2, "page_size": 20, "total_pages": 0, "total_count": 0}}


def json_answer(body: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=encode(body), headers={"content-type": "application/json"})


def _ids(items: list[dict[str, Any]], key: str = "id") -> list[Any]:
    return [item[key] for item in items]


def _listed(ids: list[Any] | None) -> list[Any] | None:
    """What `tickets.list` yields of a page's ids: each once, where it first comes (a list never repeats one)."""
    return None if ids is None else list(dict.fromkeys(ids))


def _intercom_messages(ticket: dict[str, Any]) -> list[str]:
    """The parts that carry a message (a body or files), in Intercom's order: the ticket's comments."""
    parts = (ticket.get("ticket_parts") or {}).get("ticket_parts") or []
    return [p["id"] for p in parts if p.get("body") or p.get("attachments")]


def _tickiti_rows(data: Any) -> list[dict[str, Any]] | None:
    rows = data if isinstance(data, list) else data.get("rows")
    return rows if isinstance(rows, list) else None


def _tickiti_numbers(body: dict[str, Any]) -> list[str] | None:
    rows = _tickiti_rows(body["data"])
    return None if rows is None else [str(r.get("number", r.get("ticket_number"))).strip() for r in rows]


def _tickiti_thread_with(body: Any) -> Routes:
    """The thread read back after a reply: the documented response, carrying the new response's id."""
    try:
        response = {**copy.deepcopy(T_RESPONSE), "id": body["data"]["response_id"]}
    except (KeyError, TypeError):  # not a success answer: the plan stops before reading the thread
        return {}
    thread = {"ok": True, "data": {"ticket_number": T_NUMBER, "responses": [response]}}
    return {("POST", "/api/v1/tickets/responses"): json_answer(thread)}


def _tickiti_coherent_download(body: dict[str, Any]) -> dict[str, Any]:
    """`content_base64` valid base64 of some bytes and `sha256` their digest (the adapter checks both)."""
    if body.get("ok") is not True:
        return body
    body = copy.deepcopy(body)
    content = body["data"]["content_base64"].encode()
    body["data"]["content_base64"] = base64.b64encode(content).decode()
    body["data"]["sha256"] = hashlib.sha256(content).hexdigest()
    return body


def _ankra_with_new_comment(body: dict[str, Any]) -> dict[str, Any]:
    """The ticket answering add_comment carries the comment just sent, last in its thread."""
    body = copy.deepcopy(body)
    new = {"id": "5d0c7f1e-8a2b-4c3d-9e4f-1a2b3c4d5e6f", "body": A_COMMENT, "created_at": "2999-12-31T00:00:00+00:00"}
    body["comments"] = [*body.get("comments", []), new]
    return body


T_SHOW_ROUTE: Routes = {("POST", "/api/v1/tickets/show"): json_answer(T_SHOW)}
I_ATTACHMENT = Attachment(id=I_FILE_URL, name="report.png", url=I_FILE_URL, ticket_id=I_ID, raw={})
T_ATTACHMENT = Attachment(id="14494", name="UPDD Diag.zip", ticket_id=T_NUMBER, comment_id="42", raw={})
A_ATTACHMENT = Attachment(id="a1", name="logs.txt", ticket_id=A_ID, raw={})

DESK_CALLS: list[DeskCall] = [
    # -- Routera --------------------------------------------------------------------------------------
    DeskCall(
        "routera",
        Invocation("tickets.get", (R_ID,)),
        "get_ticket",
        "GET",
        f"/tickets/{R_ID}",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "routera",
        Invocation("tickets.list", kwargs={"page_size": 10}),
        "list_tickets",
        "GET",
        "/tickets",
        then={"data": []},
        expected=lambda b: _listed(_ids(b["data"])),
    ),
    DeskCall(
        "routera",
        Invocation("tickets.create", kwargs={"subject": "Support request"}),
        "create_ticket",
        "POST",
        "/tickets",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "routera",
        Invocation("tickets.update", (R_ID,), {"subject": "Renamed"}),
        "update_ticket",
        "PATCH",
        f"/tickets/{R_ID}",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "routera",
        Invocation("tickets.close", (R_ID,)),
        "archive_ticket",
        "DELETE",
        f"/tickets/{R_ID}",
        expected=lambda b: b["id"],
    ),
    # Client credentials: every call starts with a token fetch.
    DeskCall(
        "routera",
        Invocation("tickets.get", (R_ID,)),
        "create_token",
        "POST",
        "/oauth2/token",
        connect={"token": None, "client_id": "client-1", "client_secret": "secret-1"},
        others=lambda b: {("GET", f"/tickets/{R_ID}"): json_answer(R_TICKET)},
        expected=lambda b: R_TICKET["id"],
        via=True,
    ),
    # -- Intercom -------------------------------------------------------------------------------------
    DeskCall(
        "intercom",
        Invocation("tickets.get", (I_ID,)),
        "retrieve_ticket",
        "GET",
        f"/tickets/{I_ID}",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "intercom",
        Invocation("comments.list", (I_ID,)),
        "retrieve_ticket",
        "GET",
        f"/tickets/{I_ID}",
        expected=_intercom_messages,
    ),
    DeskCall(
        "intercom",
        Invocation("tickets.list"),
        "search_tickets",
        "POST",
        "/tickets/search",
        then=I_LAST_PAGE,
        expected=lambda b: _listed(_ids([t for t in b["tickets"] if t is not None])),  # a null ticket (2.16): skipped
    ),
    DeskCall(
        "intercom",
        Invocation("tickets.create", kwargs={"subject": "Broken", "requester_email": "jo@example.com"}),
        "create_ticket",
        "POST",
        "/tickets",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "intercom",
        Invocation("tickets.update", (I_ID,), {"subject": "Renamed"}),
        "update_ticket",
        "PUT",
        f"/tickets/{I_ID}",
        expected=lambda b: b["id"],
    ),
    # 2.12+ (the default 2.16): a status is set by the id of a listed state; the ticket is read when no state
    # of the category belongs to every type, and its type's own states are the last resort.
    DeskCall(
        "intercom",
        Invocation("tickets.update", (I_ID,), {"status": "in_progress"}),
        "list_ticket_states",
        "GET",
        "/ticket_states",
        others=lambda b: {
            ("GET", f"/tickets/{I_ID}"): json_answer(I_TICKET_2_16),
            ("PUT", f"/tickets/{I_ID}"): json_answer(I_TICKET_2_16),
        },
        expected=lambda b: I_TICKET_2_16["id"],
        via=True,
    ),
    DeskCall(
        "intercom",
        Invocation("tickets.close", (I_ID,)),
        "update_ticket",
        "PUT",
        f"/tickets/{I_ID}",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "intercom",
        Invocation("comments.create", (I_ID,), {"body": "Checked the logs."}),
        "reply_ticket",
        "POST",
        f"/tickets/{I_ID}/reply",
        expected=lambda b: b["id"],
    ),
    # The file's own URL, outside the API: no spec operation, so only broken answers are tried.
    DeskCall(
        "intercom",
        Invocation("attachments.download", (I_ATTACHMENT,)),
        None,
        "GET",
        httpx.URL(I_FILE_URL).path,
        expected=lambda b: b,
    ),
    # -- Tickiti --------------------------------------------------------------------------------------
    DeskCall(
        "tickiti",
        Invocation("tickets.get", (T_NUMBER,)),
        "show_ticket",
        "POST",
        "/api/v1/tickets/show",
        expected=lambda b: str(b["data"]["ticket"]["number"]),
    ),
    DeskCall(
        "tickiti",
        Invocation("tickets.list"),
        "query_tickets",
        "POST",
        "/api/v1/tickets/query",
        expected=lambda b: _listed(_tickiti_numbers(b)),
    ),
    DeskCall(
        "tickiti",
        Invocation(
            "tickets.create",
            kwargs={"subject": "Cracked", "description": "At km 30", "requester_email": "m@example.com"},
        ),
        "create_ticket",
        "POST",
        "/api/v1/tickets",
        others=lambda b: T_SHOW_ROUTE,
        expected=lambda b: T_NUMBER,
    ),
    DeskCall(
        "tickiti",
        Invocation("tickets.update", (T_NUMBER,), {"status": "on_hold", "on_hold_until": "2026-05-20"}),
        "respond_ticket",
        "POST",
        "/api/v1/tickets/respond",
        others=lambda b: T_SHOW_ROUTE,
        expected=lambda b: T_NUMBER,
    ),
    DeskCall(
        "tickiti",
        Invocation("comments.list", (T_NUMBER,)),
        "list_responses",
        "POST",
        "/api/v1/tickets/responses",
        expected=lambda b: _ids(b["data"]["responses"]),
    ),
    DeskCall(
        "tickiti",
        Invocation("comments.create", (T_NUMBER,), {"body": "Shipped."}),
        "respond_ticket",
        "POST",
        "/api/v1/tickets/respond",
        others=_tickiti_thread_with,
        expected=lambda b: b["data"]["response_id"],
    ),
    DeskCall(
        "tickiti",
        Invocation("attachments.download", (T_ATTACHMENT,)),
        "download_attachment",
        "POST",
        "/api/v1/tickets/attachment",
        cohere=_tickiti_coherent_download,
        expected=lambda b: base64.b64decode(b["data"]["content_base64"]),
    ),
    # -- Ankra ----------------------------------------------------------------------------------------
    DeskCall(
        "ankra",
        Invocation("tickets.get", (A_ID,)),
        "get_ticket",
        "GET",
        f"{A_TICKETS}/{A_ID}",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "ankra",
        Invocation("comments.list", (A_ID,)),
        "get_ticket",
        "GET",
        f"{A_TICKETS}/{A_ID}",
        expected=lambda b: _ids(b.get("comments", [])),
    ),
    DeskCall(
        "ankra",
        Invocation("tickets.list"),
        "list_tickets",
        "GET",
        A_TICKETS,
        then=A_LAST_PAGE,
        expected=lambda b: _listed(_ids(b["result"])),
    ),
    DeskCall(
        "ankra",
        Invocation("tickets.create", kwargs={"subject": "Stuck", "description": "Pending 2 hours."}),
        "create_ticket",
        "POST",
        A_TICKETS,
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "ankra",
        Invocation("comments.create", (A_ID,), {"body": A_COMMENT}),
        "add_comment",
        "POST",
        f"{A_TICKETS}/{A_ID}/comments",
        cohere=_ankra_with_new_comment,
        expected=lambda b: b["comments"][-1]["id"],
    ),
    DeskCall(
        "ankra",
        Invocation("tickets.close", (A_ID,)),
        "close_ticket",
        "POST",
        f"{A_TICKETS}/{A_ID}/close",
        expected=lambda b: b["id"],
    ),
    DeskCall(
        "ankra",
        Invocation("attachments.download", (A_ATTACHMENT,)),
        "download_attachment",
        "GET",
        f"{A_TICKETS}/{A_ID}/attachments/a1",
        expected=lambda b: b,
    ),
]

CONNECT: dict[str, dict[str, Any]] = {
    "routera": {},
    "intercom": {"admin_id": "991267829", "ticket_type_id": "106"},
    "tickiti": {"base_url": T_BASE, "agent_email": T_AGENT},
    "ankra": {},
}

# Spec operations no desk call sends: the generated model is all that reads them.
MODEL_ONLY: dict[tuple[str, str], str] = {
    ("intercom", "list_ticket_types"): "ticket types are read through desk.client only",
    ("intercom", "get_ticket_type"): "ticket types are read through desk.client only",
    ("intercom", "delete_ticket"): "deleting is not a unified operation (desk.client only)",
    ("tickiti", "query_responses"): "comments.list reads one ticket's thread (list_responses) instead",
    ("tickiti", "create_idempotency_key"): "the adapter makes its own keys (uuid4) or takes the caller's",
    ("tickiti", "list_perspectives"): "perspectives are named through tickets.list options, not listed",
    ("tickiti", "list_queues"): "queues are named through tickets.create options, not listed",
    ("ankra", "review_ticket"): "pre-review is not a unified operation (desk.client only)",
    ("ankra", "upload_attachment"): "uploads are not a unified operation (desk.client only)",
}


@dataclass(frozen=True)
class Disagreement:
    """A body the schema allows that the adapter refuses (ResponseValidationError), and which side is right."""

    name: str
    vendor: str  # "*": any
    operations: tuple[str, ...]  # spec operationIds; ("*",): any
    pattern: str  # in the error's detail
    reason: str

    def covers(self, call: DeskCall, error: ResponseValidationError) -> bool:
        return (
            self.vendor in ("*", call.vendor)
            and ("*" in self.operations or call.operation_id in self.operations)
            and re.search(self.pattern, error.detail) is not None
        )


DISAGREEMENTS = [
    Disagreement(
        "intercom null ticket",
        "intercom",
        ("retrieve_ticket", "create_ticket", "update_ticket"),
        r"the answer is null where the ticket belongs",
        "Intercom's 2.16 schema declares `ticket` nullable as a whole, so `null` conforms as the answer of a"
        " get, create or update (the generated client returns None); no unified Ticket can come of it, so the"
        " desk refuses it, saying 2.16 allows it. A null ticket in a search page is skipped instead.",
    ),
    Disagreement(
        "timestamp out of datetime's range",
        "*",
        ("*",),
        # datetime's words (ValueError, OverflowError) and the Intercom adapter's (the platform's OSError)
        r"year -?\d+ is out of range|date value out of range|timestamp out of range|_at -?\d+ is out of range",
        "The schemas allow any integer as Unix seconds (Intercom) and any RFC 3339 date-time, but no aware UTC"
        " datetime holds Unix 1e12 (year 33658) or 0001-01-01T00:00:00+05:00 (year 0 in UTC). The adapter is"
        " right to refuse them; bounding the specs would only restate datetime's range.",
    ),
    Disagreement(
        "routera access token not a header value",
        "routera",
        ("create_token",),
        r"access_token is not a string a header can carry",
        "The schema says `access_token: string` (a JWT [doc]), so any text conforms; the adapter refuses a token"
        " that is not visible ASCII. Sent anyway, a CR, LF or NUL makes h11 refuse the request with an error"
        " quoting the header, token included, and other text goes out as bytes no server has to read. The spec"
        " could say `pattern: ^[\\x21-\\x7e]+$`.",
    ),
    Disagreement(
        "tickiti empty id",
        "tickiti",
        ("show_ticket", "list_responses", "respond_ticket"),
        r"expected an id, got ''",
        "Ids are numeric strings [doc] but the schema says only `type: string`, so '' conforms. The adapter is"
        " right to refuse an empty id (no attachment or reply can be named by it); the spec should say"
        " `pattern: ^[0-9]+$` on the response, attachment and reply ids.",
    ),
    Disagreement(
        "tickiti create answer without a number",
        "tickiti",
        ("create_ticket",),
        r"names no ticket number",
        "The create answer's `data` was not captured [inferred] and declares no key, but the desk must read the"
        " new ticket back by its number (data.ticket.number, data.number or data.ticket_number). Refusing an"
        " answer that names no ticket is right; the spec could declare those keys (optional) so that generated"
        " answers carry them.",
    ),
    Disagreement(
        "tickiti row without a number",
        "tickiti",
        ("query_tickets",),
        r"row has no `number`|no ticket rows in|expected a ticket number",
        "Rows were not captured [inferred], so the schema requires nothing and types `number` as integer or"
        " string; a row without a number, or with one that is not digits (''), cannot become a Ticket (every"
        " Tickiti operation takes the number back), and a page object with no `rows` (nor"
        " tickets/data/items/results) holds no rows to read. The spec could require `number` in a row, an"
        " integer or a string of digits (`pattern: ^[0-9]+$`).",
    ),
    Disagreement(
        "tickiti row timestamp not ISO 8601",
        "tickiti",
        ("query_tickets",),
        r"Invalid isoformat string",
        "Row timestamps are plain strings in the schema (not captured [inferred]); the adapter reads them as"
        " ISO 8601 like the show_ticket header [doc]. The spec could say `format: date-time` on row timestamps.",
    ),
]
#: How often each disagreement was met by a conforming body (for the closing report; not asserted).
REFUSED: Counter[str] = Counter()


# ---------------------------------------------------------------------------------------------------------
# Running a desk call against an answer
# ---------------------------------------------------------------------------------------------------------


def script_for(call: DeskCall, answer: httpx.Response, body: Any = None) -> Recorder:
    """The answer for the request under test (then `call.then` for later pages), and the plan's other answers."""
    served: list[httpx.Response] = []

    def primary(request: httpx.Request) -> httpx.Response:
        if served and call.then is not None:
            return json_answer(call.then)
        if served:
            return httpx.Response(599, text=f"{call.id}: asked twice for {request.url.path}")
        served.append(answer)
        return answer

    script = Recorder()
    script.on(call.method, call.path, primary)
    for (method, path), response in call.others(body).items():
        script.on(method, path, response)
    return script


def perform(call: DeskCall, script: Recorder, mode: str = "sync") -> Any:
    """The desk call on a desk of its vendor (sync or async) answered by `script`."""
    invocation = call.invocation
    action = calling(invocation.operation, *invocation.args, **invocation.kwargs)
    return drive(mode, call.vendor, action, transport=script, **{**CONNECT[call.vendor], **call.connect})


def identify(result: Any) -> Any:
    if isinstance(result, Ticket | Comment):
        return result.id
    if isinstance(result, list):
        return [identify(item) for item in result]
    return result


RESULT_TYPES: dict[str, type] = {
    "tickets.get": Ticket,
    "tickets.create": Ticket,
    "tickets.update": Ticket,
    "tickets.close": Ticket,
    "tickets.list": list,
    "comments.list": list,
    "comments.create": Comment,
    "attachments.download": bytes,
}


def check_result(call: DeskCall, result: Any) -> None:
    """The result has the operation's type (lists: of Tickets or Comments) and names the vendor."""
    assert isinstance(result, RESULT_TYPES[call.operation]), f"{call.id} returned {type(result).__name__}"
    if isinstance(result, list):
        item_type = Ticket if call.operation == "tickets.list" else Comment
        assert all(isinstance(item, item_type) for item in result), f"{call.id}: {result!r}"
    for ticket in result if isinstance(result, list) else [result]:
        if isinstance(ticket, Ticket):
            assert ticket.vendor == call.vendor


@functools.cache
def search_requests() -> st.SearchStrategy[Any]:
    return generate(self_contained(load_spec("intercom"), {"$ref": "#/components/schemas/SearchRequest"}))


# ---------------------------------------------------------------------------------------------------------
# 1. Conforming bodies
# ---------------------------------------------------------------------------------------------------------


def desk_calls_of(response: Response) -> list[DeskCall]:
    return [c for c in DESK_CALLS if (c.vendor, c.operation_id) == (response.vendor, response.operation_id)]


def normalize(response: Response, call: DeskCall, body: Any) -> None:
    """The desk answered with `body` returns its result, or refuses it for a reason DISAGREEMENTS gives."""
    body = call.cohere(body)
    content = body if response.binary else encode(body)
    answer = httpx.Response(response.status, content=content, headers={"content-type": response.media_type})
    script = script_for(call, answer, body)
    try:
        result = perform(call, script)
    except ResponseValidationError as error:
        known = [d for d in DISAGREEMENTS if d.covers(call, error)]
        assert known, f"{call.id}: a conforming body was refused: {error}"
        REFUSED[known[0].name] += 1
        return
    check_result(call, result)
    wanted = call.expected(body)
    if wanted is not None:
        assert identify(result) == wanted, call.id


# ---------------------------------------------------------------------------------------------------------
# 2. Broken bodies
# ---------------------------------------------------------------------------------------------------------

HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>"
)
ERROR_STATUSES: dict[int, type[APIStatusError]] = {404: NotFoundError, 503: ServerError}
BREAKAGES = ("drop_required", "wrong_type", "truncated", "array")
WRONG_VALUES: dict[str, Any] = {
    "string": "not the declared type",
    "integer": 7,
    "number": 2.5,
    "boolean": True,
    "null": None,
    "object": {"unexpected": "object"},
    "array": ["unexpected", "array"],
}


def success_of(call: DeskCall) -> Response | None:
    """The success response the desk call expects (the success branch of a oneOf), None outside the spec."""
    for response in RESPONSES:
        if (response.vendor, response.operation_id) == (call.vendor, call.operation_id) and response.model != "Error":
            return response
    return None


def error_pointer(call: DeskCall, status: int) -> tuple[str, ...]:
    """Where the schema of the operation's answer at `status` is; the vendor's `Error` if it declares none."""
    for method, path, operation_id, operation in spec_operations(call.vendor):
        declared = operation["responses"].get(str(status))
        if (operation_id, method) == (call.operation_id, call.method) and declared is not None:
            base: tuple[str, ...] = ("paths", path, method.lower(), "responses", str(status))
            if "$ref" in declared:
                base = tuple(declared["$ref"].removeprefix("#/").split("/"))
            return (*base, "content", "application/json", "schema")
    return ("components", "schemas", "Error")


@functools.cache
def unbroken_schema(vendor: str, pointer: tuple[str, ...], branch: int | None) -> tuple[Any, st.SearchStrategy[Any]]:
    """The self-contained schema an unbroken body follows, and the strategy for it."""
    schema = _pointed(vendor, pointer)
    contained = self_contained(load_spec(vendor), schema if branch is None else schema["oneOf"][branch])
    return contained, generate(contained, max_items=1)  # one item per array is enough to break


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _declared_types(schema: Any) -> frozenset[str] | None:
    """The JSON types a schema allows, when it says (`type` or `const`)."""
    if not isinstance(schema, dict):
        return None
    if "type" in schema:
        declared = schema["type"]
        types = {declared} if isinstance(declared, str) else set(declared)
        return frozenset(types | {"integer"} if "number" in types else types)
    if "const" in schema:
        return frozenset({_json_type(schema["const"])})
    return None


def _locations(schema: Any, value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, schema) for every value inside `value` and each schema governing it (a oneOf: the branch it matches)."""
    if not isinstance(schema, dict):
        return
    yield path, schema
    for sub in schema.get("allOf", []):
        yield from _locations(sub, value, path)
    for key in ("oneOf", "anyOf"):
        matching = [s for s in schema.get(key, []) if jsonschema.Draft202012Validator(s).is_valid(value)]
        if matching:
            yield from _locations(matching[0], value, path)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name, item in value.items():
            yield from _locations(properties.get(name, schema.get("additionalProperties")), item, (*path, name))
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _locations(schema.get("items"), item, (*path, index))


def _at(body: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        body = body[part]
    return body


def with_value_at(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    body = copy.deepcopy(body)
    _at(body, path[:-1])[path[-1]] = value
    return body


def _dropped(body: Any, path: tuple[Any, ...], key: str) -> Any:
    body = copy.deepcopy(body)
    del _at(body, path)[key]
    return body


def break_body(kind: str, schema: Any, body: Any, data: st.DataObject | None) -> tuple[bytes, str] | None:
    """A broken answer's content and content type; None when the body has nothing this kind can break."""
    if kind == "html":
        return HTML_PAGE, "text/html; charset=utf-8"
    if kind == "empty":
        return b"", "application/json"
    if kind == "array":  # a JSON array where the object belongs
        return encode([body]), "application/json"
    assert data is not None
    if kind == "truncated":  # a proper prefix of an object is never JSON
        whole = encode(body)
        return whole[: data.draw(st.integers(1, len(whole) - 1), label="cut at")], "application/json"
    where = list(_locations(schema, body))
    if kind == "drop_required":
        drops = {
            (path, key)
            for path, node in where
            if isinstance(_at(body, path), dict)
            for key in node.get("required", [])
            if key in _at(body, path)
        }
        if not drops:
            return None
        path, key = data.draw(st.sampled_from(sorted(drops, key=repr)), label="drop")
        return encode(_dropped(body, path, key)), "application/json"
    assert kind == "wrong_type"
    # Sorted tuples, not sets: the order of the choices must not depend on string hashing (PYTHONHASHSEED).
    typed = {(path, tuple(sorted(types))) for path, node in where if (types := _declared_types(node))}
    path, types = data.draw(st.sampled_from(sorted(typed, key=repr)), label="at")
    wrong = data.draw(st.sampled_from(sorted(set(WRONG_VALUES) - set(types))), label="wrong type")
    return encode(with_value_at(body, path, WRONG_VALUES[wrong])), "application/json"


def conforms_to_spec(vendor: str, pointer: tuple[str, ...], content: bytes) -> bool:
    try:
        body = json.loads(content)
    except ValueError:
        return False
    return bool(response_validator(vendor, pointer).is_valid(body))


def expect_outcome(call: DeskCall, status: int, kind: str, script: Recorder, mode: str = "sync") -> None:
    """Run the call on a broken answer: only the ticketkit error for `status` may come out (or, for a drop or
    a wrong type the adapter does not need, a result)."""
    where = f"{call.id} on a {kind} body with HTTP {status}"
    try:
        result = perform(call, script, mode)
    except TicketkitError as error:
        expected = ERROR_STATUSES.get(status, ResponseValidationError)
        assert isinstance(error, expected), f"{where}: {type(error).__name__}: {error}"
        if isinstance(error, APIStatusError):
            assert error.status_code == status, where
            assert isinstance(error.message, str) and error.message.strip() not in ("", "None"), f"{where}: {error}"
        return
    assert status not in ERROR_STATUSES, f"{where}: returned a result"
    assert kind in RESULT_KINDS, f"{where}: returned a result"
    check_result(call, result)


# Changes a body may survive: a field the adapter does not need, a long string, HTML in a text field.
RESULT_KINDS = ("drop_required", "wrong_type", "huge_string", "html")


@dataclass(frozen=True)
class Answer:
    """One desk call answered at one status with a body of the schema at `pointer` (`branch` of its oneOf)."""

    call: DeskCall
    status: int
    pointer: tuple[str, ...]
    branch: int | None


def broken_families() -> list[Any]:
    """Every desk call at its success status (bodies only: bytes have no shape) and at ERROR_STATUSES,
    grouped by the schema the unbroken body follows (every Routera error is the same `Error`...)."""
    grouped: dict[tuple[str, str], list[Answer]] = {}
    for call in DESK_CALLS:
        success = success_of(call)
        answers = [Answer(call, status, error_pointer(call, status), None) for status in ERROR_STATUSES]
        if success is not None and not success.binary:
            answers.insert(0, Answer(call, success.status, success.pointer, success.branch))
        for answer in answers:
            schema = _pointed(call.vendor, answer.pointer)
            schema = schema if answer.branch is None else schema["oneOf"][answer.branch]
            grouped.setdefault((call.vendor, _schema_key(call.vendor, schema)), []).append(answer)
    return [
        pytest.param(tuple(answers), id=f"{vendor}-{_family_name(answers)}") for (vendor, _), answers in grouped.items()
    ]


def _family_name(answers: list[Answer]) -> str:
    first = answers[0]
    if first.status in ERROR_STATUSES:
        return f"errors-{'+'.join(sorted({str(a.status) for a in answers}))}-{len(answers)}-answers"
    return f"{'+'.join(sorted({a.call.operation_id or '' for a in answers}))}-{first.status}"


# ---------------------------------------------------------------------------------------------------------
# 3. Hostile bodies
# ---------------------------------------------------------------------------------------------------------

HOSTILE = ("deep", "huge_string", "html")
#: Per vendor: hostile (desk call, body) pairs tried (for the report).
HOSTILE_CASES: Counter[str] = Counter()
# Smaller than tests/hostile.py's 160 KB (which test_hostile_servers.py reads once per shape), and still seconds
# a field for a quadratic parse; a linear one takes milliseconds.
HOSTILE_SIZE = 60_000
# Past the limit and still parsed by json.loads; and far past what json.loads can follow.
DEPTHS = (MAX_BODY_NESTING + 1, 600, 20_000)
HUGE_STRINGS = {
    "letters": "x" * HOSTILE_SIZE,
    "accents": "\u00e9" * HOSTILE_SIZE,
    "comment openers": "<!--" * (HOSTILE_SIZE // 4),
    "a long decimal reference": "&#" + "9" * HOSTILE_SIZE,
}
PATHOLOGICAL = pathological_html(HOSTILE_SIZE)
# Where a vendor sends HTML: Intercom part bodies and ticket descriptions, Tickiti response html. (Ankra's
# comment `body` is plain text: HTML there must pass through untouched, which is tried too.)
HTML_FIELDS = frozenset({"body", "html", "_default_description_"})
PLACEHOLDER = "\x00hostile\x00"


def _values(body: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, value) for the body and every value inside it."""
    yield path, body
    if isinstance(body, dict):
        for key, value in body.items():
            yield from _values(value, (*path, key))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            yield from _values(value, (*path, index))


def _planted(body: Any, path: tuple[Any, ...], text: bytes) -> bytes:
    """The body's JSON with the value at `path` replaced by `text` (JSON no json.dumps would write)."""
    return encode(with_value_at(body, path, PLACEHOLDER)).replace(encode(PLACEHOLDER), text)


def hostile_body(kind: str, status: int, body: Any, data: st.DataObject) -> tuple[bytes, str] | None:
    """A hostile answer made from `body`: its content and content type; None when `kind` finds no place in it."""
    if kind == "deep":
        paths = sorted((path for path, _ in _values(body)), key=repr)
        path = data.draw(st.sampled_from(paths), label="nested at")
        return _planted(body, path, nested(data.draw(st.sampled_from(DEPTHS), label="depth"))), "application/json"
    if kind == "huge_string":
        paths = sorted((path for path, value in _values(body) if isinstance(value, str)), key=repr)
        if not paths:
            return None
        path = data.draw(st.sampled_from(paths), label="huge at")
        value = HUGE_STRINGS[data.draw(st.sampled_from(sorted(HUGE_STRINGS)), label="huge string")]
        return encode(with_value_at(body, path, value)), "application/json"
    assert kind == "html"
    markup = PATHOLOGICAL[data.draw(st.sampled_from(sorted(PATHOLOGICAL)), label="html")]
    if status in ERROR_STATUSES:  # a proxy's error page
        return f"<html><body><h1>{status}</h1>{markup}</body></html>".encode(), "text/html"
    fields = [path for path, value in _values(body) if path and path[-1] in HTML_FIELDS and value is not None]
    if not fields:
        return None
    hostile = copy.deepcopy(body)
    for path in fields:
        parent = _at(hostile, path[:-1])
        parent[path[-1]] = markup
        if isinstance(parent, dict) and isinstance(parent.get("plain_text"), str):
            parent["plain_text"] = ""  # Tickiti: converted from the html only without one
    return encode(hostile), "application/json"


def requiring_html(schema: Any) -> tuple[Any, bool]:
    """`schema` narrowed to bodies that carry HTML: every property on the way to an HTML field required, every
    array on the way non-empty, the field itself a string (a oneOf/anyOf keeps the branches that lead to one).
    False when no HTML field is beneath."""
    if not isinstance(schema, dict):
        return schema, False
    out, found = dict(schema), False
    if "properties" in schema:
        required, properties = set(schema.get("required", [])), {}
        for name, sub in schema["properties"].items():
            narrowed, has = requiring_html(sub)
            if name in HTML_FIELDS:
                narrowed, has = {"allOf": [narrowed, {"type": "string", "minLength": 1}]}, True
            if has:
                required.add(name)
                found = True
            properties[name] = narrowed
        out["properties"], out["required"] = properties, sorted(required)
    if "items" in schema:
        out["items"], has = requiring_html(schema["items"])
        if has:
            out["minItems"], found = max(1, schema.get("minItems", 0)), True
    if "allOf" in schema:
        narrowed_all = [requiring_html(sub) for sub in schema["allOf"]]
        out["allOf"] = [sub for sub, _ in narrowed_all]
        found = found or any(has for _, has in narrowed_all)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            branches = [requiring_html(sub) for sub in schema[key]]
            leading = [sub for sub, has in branches if has]
            out[key] = leading or [sub for sub, _ in branches]
            found = found or bool(leading)
    return out, found


def _html_schema(call: DeskCall) -> Any:
    """The schema of the call's success answer narrowed to bodies with HTML fields; None when it has none."""
    response = success_of(call)
    if response is None or response.binary:
        return None
    narrowed, found = requiring_html(self_contained(load_spec(call.vendor), response.branch_schema()))
    return narrowed if found else None


HTML_CALLS = [call for call in DESK_CALLS if _html_schema(call) is not None]


def html_families() -> list[Any]:
    """The HTML_CALLS grouped by the schema of their answer (a ticket answers get, close, update...)."""
    grouped: dict[tuple[str, str], list[DeskCall]] = {}
    for call in HTML_CALLS:
        grouped.setdefault((call.vendor, json.dumps(_html_schema(call), sort_keys=True)), []).append(call)
    return [pytest.param(tuple(calls), id="+".join(c.id for c in calls)) for calls in grouped.values()]


@functools.cache
def html_bodies(call_id: str) -> st.SearchStrategy[Any]:
    call = next(c for c in DESK_CALLS if c.id == call_id)
    return generate(_html_schema(call), max_items=1)
