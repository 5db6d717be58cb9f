"""Request validation the way Ankra's FastAPI/pydantic v2 server reports it: a 422 with a list of issues.

Each issue is `{"type", "loc", "msg", "input"}` (plus `ctx` where pydantic adds one); every problem of a
request is reported at once, as pydantic does.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from email.message import Message
from typing import Any

import httpx

from .models import CATEGORIES, SEVERITIES, SOURCES, STATUSES
from .review import Draft

Issue = dict[str, Any]
Loc = list[str | int]

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


class Invalid(Exception):
    """The request failed validation; `issues` is the 422 body's `detail`."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(f"{len(issues)} validation issue(s)")
        self.issues = issues


def issue(kind: str, loc: Loc, msg: str, given: Any, ctx: dict[str, Any] | None = None) -> Issue:
    found: Issue = {"type": kind, "loc": loc, "msg": msg, "input": given}
    if ctx is not None:
        found["ctx"] = ctx
    return found


def _missing(loc: Loc, given: Any) -> Issue:
    return issue("missing", loc, "Field required", given)


# -- single values ------------------------------------------------------------------------------------


def _text(value: Any, loc: Loc, min_length: int, max_length: int) -> tuple[str | None, Issue | None]:
    if not isinstance(value, str):
        return None, issue("string_type", loc, "Input should be a valid string", value)
    if len(value) < min_length:
        plural = "character" if min_length == 1 else "characters"
        msg = f"String should have at least {min_length} {plural}"
        return None, issue("string_too_short", loc, msg, value, {"min_length": min_length})
    if len(value) > max_length:
        msg = f"String should have at most {max_length} characters"
        return None, issue("string_too_long", loc, msg, value, {"max_length": max_length})
    return value, None


def _string(value: Any, loc: Loc) -> tuple[str | None, Issue | None]:
    if isinstance(value, str):
        return value, None
    return None, issue("string_type", loc, "Input should be a valid string", value)


def _expected(choices: tuple[str, ...]) -> str:
    quoted = [f"'{choice}'" for choice in choices]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


def _choice(value: Any, loc: Loc, choices: tuple[str, ...]) -> tuple[str | None, Issue | None]:
    if isinstance(value, str) and value in choices:
        return value, None
    expected = _expected(choices)
    return None, issue("enum", loc, f"Input should be {expected}", value, {"expected": expected})


def _uuid(value: Any, loc: Loc) -> tuple[str | None, Issue | None]:
    if not isinstance(value, str):
        return None, issue("uuid_type", loc, "UUID input should be a string, bytes or UUID object", value)
    try:
        return str(uuid.UUID(value)), None
    except ValueError:
        msg = "Input should be a valid UUID, unable to parse string as a UUID"
        return None, issue("uuid_parsing", loc, msg, value)


def _bool(value: Any, loc: Loc) -> tuple[bool | None, Issue | None]:
    # Only JSON booleans: the sandbox is stricter than pydantic's lax "yes"/1 coercions.
    if isinstance(value, bool):
        return value, None
    return None, issue("bool_type", loc, "Input should be a valid boolean", value)


def _integer(raw: str, loc: Loc, minimum: int, maximum: int | None) -> tuple[int | None, Issue | None]:
    if not _INTEGER.match(raw):
        msg = "Input should be a valid integer, unable to parse string as an integer"
        return None, issue("int_parsing", loc, msg, raw)
    value = int(raw)
    if value < minimum:
        msg = f"Input should be greater than or equal to {minimum}"
        return None, issue("greater_than_equal", loc, msg, raw, {"ge": minimum})
    if maximum is not None and value > maximum:
        msg = f"Input should be less than or equal to {maximum}"
        return None, issue("less_than_equal", loc, msg, raw, {"le": maximum})
    return value, None


def ticket_id(raw: str) -> str:
    """The path's ticket id as a canonical uuid4 string (Ankra types it `uuid4`: others are a 422)."""
    loc: Loc = ["path", "ticket_id"]
    value, problem = _uuid(raw, loc)
    if problem is not None:
        raise Invalid([problem])
    assert value is not None
    if uuid.UUID(value).version != 4:
        raise Invalid([issue("uuid_version", loc, "UUID version 4 expected", raw, {"expected_version": 4})])
    return value


# -- JSON bodies --------------------------------------------------------------------------------------


def json_object(request: httpx.Request) -> dict[str, Any]:
    """The request's JSON object body; a missing, malformed or non-object body is a 422 as FastAPI sends."""
    if not request.content:
        raise Invalid([_missing(["body"], None)])
    try:
        body = json.loads(request.content)
    except ValueError as exc:
        position = exc.pos if isinstance(exc, json.JSONDecodeError) else 0
        error = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise Invalid([issue("json_invalid", ["body", position], "JSON decode error", {}, {"error": error})]) from exc
    if not isinstance(body, dict):
        msg = "Input should be a valid dictionary or object to extract fields from"
        raise Invalid([issue("model_attributes_type", ["body"], msg, body)])
    return body


@dataclass(frozen=True)
class TicketCreate:
    """A validated create body: the draft's own fields, or (`draft` None) the `review_id` of a stored review."""

    draft: Draft | None
    review_id: str | None = None
    severity: str | None = None
    acknowledged: bool = False
    environment: Any = None


class _Collector:
    """Runs field checks against one body, keeping the values that pass and every issue."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body
        self.values: dict[str, Any] = {}
        self.issues: list[Issue] = []

    def keep(self, name: str, checked: tuple[Any, Issue | None]) -> None:
        value, problem = checked
        if problem is not None:
            self.issues.append(problem)
        else:
            self.values[name] = value

    def required_text(self, name: str, max_length: int) -> None:
        if name not in self.body:
            self.issues.append(_missing(["body", name], self.body))
        else:
            self.text(name, max_length)

    def text(self, name: str, max_length: int) -> None:
        if name in self.body:
            self.keep(name, _text(self.body[name], ["body", name], 1, max_length))

    def optional(self, name: str, nullable: bool, check: Any) -> None:
        if name not in self.body or (nullable and self.body[name] is None):
            return
        self.keep(name, check(self.body[name], ["body", name]))


def _subject_and_description(fields: _Collector, required: bool) -> None:
    """subject 1..200 and description 1..10000 characters."""
    for name, max_length in (("subject", 200), ("description", 10000)):
        if required:
            fields.required_text(name, max_length)
        else:
            fields.text(name, max_length)


def _category(fields: _Collector) -> None:
    fields.optional("category", False, lambda v, loc: _choice(v, loc, CATEGORIES))


def _source(fields: _Collector) -> None:
    fields.optional("source", False, lambda v, loc: _choice(v, loc, SOURCES))


def _draft(values: dict[str, Any]) -> Draft:
    names = ("subject", "description", "category", "source", "cluster_id")
    return Draft(**{name: values[name] for name in names if name in values})


# Issues are listed in the order of the fields of Ankra's request models, which pydantic follows; the CLI's Go
# structs mirror those models [client: ReviewSupportTicketRequest, CreateSupportTicketRequest].


def review_request(body: dict[str, Any]) -> Draft:
    """The review body; other keys are ignored, as pydantic does."""
    fields = _Collector(body)
    _subject_and_description(fields, required=True)
    _category(fields)
    fields.optional("cluster_id", True, _uuid)
    _source(fields)
    if fields.issues:
        raise Invalid(fields.issues)
    return _draft(fields.values)


def ticket_create(body: dict[str, Any]) -> TicketCreate:
    """The create body in either mode. With a `review_id` the draft's fields are not required (Ankra takes
    them from the review) but, as pydantic would, checked when sent."""
    from_review = body.get("review_id") is not None
    fields = _Collector(body)
    fields.optional("review_id", True, _string)
    _subject_and_description(fields, required=not from_review)
    _category(fields)
    fields.optional("cluster_id", True, _uuid)
    fields.optional("severity", True, lambda v, loc: _choice(v, loc, SEVERITIES))
    _source(fields)
    fields.optional("acknowledged", False, _bool)
    if fields.issues:
        raise Invalid(fields.issues)
    values = fields.values
    return TicketCreate(
        draft=None if from_review else _draft(values),
        review_id=values.get("review_id"),
        severity=values.get("severity"),
        acknowledged=values.get("acknowledged", False),
        environment=body.get("environment"),
    )


def comment_body(body: dict[str, Any]) -> str:
    fields = _Collector(body)
    fields.required_text("body", 10000)
    if fields.issues:
        raise Invalid(fields.issues)
    text: str = fields.values["body"]
    return text


# -- the list's query ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListQuery:
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    statuses: tuple[str, ...] = ()  # any of these; () for every status
    q: str | None = None
    cluster_id: str | None = None


def _last(params: httpx.QueryParams, name: str) -> str | None:
    # Starlette keeps the last of repeated query parameters.
    values = params.get_list(name)
    return values[-1] if values else None


def list_query(params: httpx.QueryParams) -> ListQuery:
    """`page` from 1, `page_size` 1..100 (default 20), `status` repeatable, each one of the statuses [client],
    `cluster_id` a uuid."""
    values: dict[str, Any] = {}
    issues: list[Issue] = []

    def keep(name: str, checked: tuple[Any, Issue | None]) -> None:
        value, problem = checked
        if problem is not None:
            issues.append(problem)
        else:
            values[name] = value

    if (page := _last(params, "page")) is not None:
        keep("page", _integer(page, ["query", "page"], 1, None))
    if (page_size := _last(params, "page_size")) is not None:
        keep("page_size", _integer(page_size, ["query", "page_size"], 1, MAX_PAGE_SIZE))
    statuses = []
    for index, status in enumerate(params.get_list("status")):
        value, problem = _choice(status, ["query", "status", index], STATUSES)
        if problem is not None:
            issues.append(problem)
        else:
            statuses.append(value)
    values["statuses"] = tuple(statuses)
    if (cluster_id := _last(params, "cluster_id")) is not None:
        keep("cluster_id", _uuid(cluster_id, ["query", "cluster_id"]))
    if (q := _last(params, "q")) is not None:
        values["q"] = q
    if issues:
        raise Invalid(issues)
    return ListQuery(**values)


# -- multipart uploads --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class _Part:
    name: str | None
    filename: str | None
    content_type: str | None
    content: bytes


def _header_params(name: str, value: str) -> Message:
    # email.message parses RFC 2231 / quoted parameters of Content-Type and Content-Disposition for us.
    message = Message()
    message[name] = value
    return message


def _parse_part(section: bytes) -> _Part:
    head, _, content = section.partition(b"\r\n\r\n")
    headers: dict[str, str] = {}
    for line in head.decode("utf-8", "replace").split("\r\n"):
        key, sep, value = line.partition(":")
        if sep:
            headers[key.strip().lower()] = value.strip()
    disposition = _header_params("content-disposition", headers.get("content-disposition", ""))
    name = disposition.get_param("name", header="content-disposition")
    return _Part(
        name=name if isinstance(name, str) else None,
        filename=disposition.get_filename(),
        content_type=headers.get("content-type"),
        content=content,
    )


def _multipart_parts(request: httpx.Request) -> list[_Part]:
    content_type = request.headers.get("content-type", "")
    boundary = _header_params("content-type", content_type).get_param("boundary")
    if not content_type.lower().startswith("multipart/form-data") or not isinstance(boundary, str):
        return []
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    parts = []
    for section in (b"\r\n" + request.content).split(delimiter)[1:]:
        if section.startswith(b"--"):  # the closing delimiter
            break
        parts.append(_parse_part(section.removeprefix(b"\r\n")))
    return parts


def upload(request: httpx.Request) -> Upload:
    """The multipart part `file`; missing, or a plain form value instead of a file, is a 422."""
    part = next((p for p in _multipart_parts(request) if p.name == "file"), None)
    loc: Loc = ["body", "file"]
    if part is None:
        raise Invalid([_missing(loc, None)])
    if part.filename is None:
        msg = "Value error, Expected UploadFile, received: <class 'str'>"
        raise Invalid([issue("value_error", loc, msg, part.content.decode("utf-8", "replace"), {"error": {}})])
    return Upload(
        filename=part.filename or "file",
        content_type=part.content_type or "application/octet-stream",
        content=part.content,
    )
