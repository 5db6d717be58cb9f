"""Validate a real request/response pair against our spec: which operation, and does the body conform."""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from typing import Any

import httpx
import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from support import spec_view

SPEC_URI = "urn:ticketkit:spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s ("#/components/...") until a concrete node."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def is_datetime(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parsed = dt.datetime.fromisoformat(value)
        return "T" in value and parsed.tzinfo is not None

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value: object) -> bool:
        return not isinstance(value, str) or bool(uuid.UUID(value))

    return checker


def _anchored(node: Any) -> Any:
    """A copy of a schema taken out of the spec whose local refs point back into the spec."""
    if isinstance(node, dict):
        return {
            k: (SPEC_URI + v if k == "$ref" and isinstance(v, str) and v.startswith("#") else _anchored(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_anchored(v) for v in node]
    return node


def validator_for(spec: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, Resource(spec, DRAFT202012))
    return jsonschema.Draft202012Validator(_anchored(schema), registry=registry, format_checker=format_checker())


@functools.cache
def _operations(vendor: str) -> list[tuple[str, re.Pattern[str], str]]:
    spec = spec_view(vendor)
    table = []
    for path, item in spec["paths"].items():
        regex = re.sub(r"\\\{[A-Za-z_]+\\\}", "[^/]+", re.escape(path))
        for method in HTTP_METHODS:
            if method in item:
                table.append((method.upper(), re.compile(f"^{regex}$"), path))
    return table


def operation_for(vendor: str, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The spec path and operation object that serve `METHOD path` (the path without any base prefix)."""
    spec = spec_view(vendor)
    for op_method, pattern, spec_path in _operations(vendor):
        if op_method == method and pattern.match(path):
            return spec_path, spec["paths"][spec_path][method.lower()]
    return None


def response_problems(vendor: str, request: httpx.Request, response: httpx.Response, prefix: str = "") -> list[str]:
    """Why `response` does not conform to our spec for `request`'s operation ([] when it does)."""
    # The raw path: an id with "%2F" in it is still one segment.
    raw = request.url.raw_path.decode("ascii").split("?")[0]
    path = raw.removeprefix(prefix) if prefix else raw
    found = operation_for(vendor, request.method, path)
    if found is None:
        return [f"{request.method} {path}: no such operation in specs/{vendor}.yaml"]
    spec = spec_view(vendor)
    spec_path, operation = found
    where = f"{request.method} {spec_path} -> {response.status_code}"
    responses = operation["responses"]
    declared = resolve(spec, responses.get(str(response.status_code)) or responses.get("default"))
    if declared is None:
        return [f"{where}: status not declared"]
    content = declared.get("content") or {}
    if not content:
        return [] if not response.content else [f"{where}: declared without a body, got one"]
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    media = content.get(media_type) or content.get("*/*")
    if media is None:
        return [f"{where}: content type {media_type!r} not declared ({sorted(content)})"]
    if media_type != "application/json":
        return []
    try:
        body = response.json()
    except ValueError:
        return [f"{where}: body is not JSON"]
    errors = validator_for(spec, media["schema"]).iter_errors(body)
    return [f"{where}: {e.message} at {list(e.absolute_path)}" for e in sorted(errors, key=str)]
