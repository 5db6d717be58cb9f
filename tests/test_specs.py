"""Every vendor spec is valid OpenAPI 3.1 and every example in it validates against its schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate as validate_openapi
from spec_check import resolve, validator_for
from support import VENDORS, load_spec

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _media_examples(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example value) for every example on a request body or response of the spec."""
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not operation:
                continue
            bodies = [("request", operation.get("requestBody"))]
            bodies += [(f"response {code}", r) for code, r in operation.get("responses", {}).items()]
            for label, body in bodies:
                body = resolve(spec, body)
                for media_type, media in (body or {}).get("content", {}).items():
                    where = f"{method.upper()} {path} {label} {media_type}"
                    if "example" in media:
                        yield where, media["schema"], media["example"]
                    for name, example in media.get("examples", {}).items():
                        yield f"{where} example {name!r}", media["schema"], resolve(spec, example)["value"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_spec_is_valid_openapi_3_1(vendor: str) -> None:
    spec = load_spec(vendor)
    assert spec["openapi"].startswith("3.1")
    validate_openapi(spec)


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_example_validates_against_its_schema(vendor: str) -> None:
    spec = load_spec(vendor)
    examples = list(_media_examples(spec))
    assert examples, f"{vendor}: the spec embeds no examples"
    failures = []
    for where, schema, value in examples:
        errors = sorted(validator_for(spec, schema).iter_errors(value), key=str)
        failures += [f"{where}: {e.message} at {list(e.absolute_path)}" for e in errors]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_operation_is_authenticated_and_declares_errors(vendor: str) -> None:
    spec = load_spec(vendor)
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        **spec["components"]["securitySchemes"]["bearerAuth"],
        "type": "http",
        "scheme": "bearer",
    }
    assert spec.get("security") == [{"bearerAuth": []}]
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not operation:
                continue
            where = f"{vendor} {method.upper()} {path}"
            assert operation.get("operationId"), f"{where}: no operationId"
            codes = set(operation["responses"])
            assert any(code.startswith("2") for code in codes), f"{where}: no success response"
            errors = [code for code in codes if code[0] in "45"]
            assert errors, f"{where}: no documented error status"
            for code in errors:
                response = resolve(spec, operation["responses"][code])
                assert response.get("content"), f"{where} {code}: error response without a body schema"


def test_a_broken_example_is_caught() -> None:
    """The example check itself can fail: a wrong type in a known schema is reported."""
    spec = load_spec("routera")
    schema = {"$ref": "#/components/schemas/Ticket"}
    bad = {"id": 1, "created_at": "yesterday", "updated_at": "2026-05-01T10:00:00Z"}
    messages = [e.message for e in validator_for(spec, schema).iter_errors(bad)]
    assert any("is not of type 'string'" in m for m in messages), messages
    assert any("date-time" in m for m in messages), messages


def _null_keys_with_spaces(node: Any, path: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and " " in key and value is None:
                yield f"{path}/{key}"
            yield from _null_keys_with_spaces(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _null_keys_with_spaces(value, f"{path}/{i}")


@pytest.mark.parametrize("name", [*VENDORS, "unified"])
def test_no_description_was_cut_at_a_comma_by_yaml(name: str) -> None:
    """`{description: a, b}` in YAML flow style makes `b` a key: the sentence is silently cut."""
    assert not list(_null_keys_with_spaces(load_spec(name)))
