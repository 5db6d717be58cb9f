"""specs/tickiti.yaml against Tickiti's own route list (shared/reference/tickiti-v1-routes.json).

The list comes from Tickiti's MCP server: every v1 route with its method, `uri` (without the `/api/v1/`
prefix) and whether it is a write / idempotent. Our spec must name only real routes, put the
Idempotency-Key header exactly on the writes, and cover every route of the `tickets` family.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from spec_check import resolve
from support import load_spec, shared_dir

PREFIX = "/api/v1/"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
KEY_HEADER = "a required Idempotency-Key header (string, maxLength 255)"


def _routes() -> list[dict[str, Any]]:
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/reference is not beside this checkout (it is in CI)")
    routes: list[dict[str, Any]] = json.loads(
        (shared / "reference" / "tickiti-v1-routes.json").read_text(encoding="utf-8")
    )
    return routes


def _declares_idempotency_key(spec: dict[str, Any], item: dict[str, Any], operation: dict[str, Any]) -> bool:
    for parameter in item.get("parameters", []) + operation.get("parameters", []):
        p = resolve(spec, parameter)
        if p.get("in") == "header" and p.get("name", "").lower() == "idempotency-key":
            schema = resolve(spec, p.get("schema", {}))
            typed = schema.get("type") == "string" and schema.get("maxLength") == 255
            return bool(p.get("required")) and typed
    return False


def contract_problems(spec: dict[str, Any], routes: list[dict[str, Any]]) -> list[str]:
    """Every way `spec` disagrees with Tickiti's route list (empty when they agree)."""
    by_route = {(r["method"], r["uri"]): r for r in routes}
    problems: list[str] = []
    covered: set[tuple[str, str]] = set()
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            where = f"{operation.get('operationId')} ({method.upper()} {path})"
            key = (method.upper(), path.removeprefix(PREFIX))
            route = by_route.get(key) if path.startswith(PREFIX) else None
            if route is None:
                problems.append(f"{where}: not a Tickiti v1 route")
                continue
            covered.add(key)
            needs_key = bool(route["write"] or route["idempotent"])
            if needs_key != _declares_idempotency_key(spec, item, operation):
                wanted = "needs" if needs_key else "must not have"
                problems.append(f"{where}: {wanted} {KEY_HEADER}")
    for route in routes:
        if route["family"] == "tickets" and (route["method"], route["uri"]) not in covered:
            problems.append(f"{route['name']} ({route['method']} {route['uri']}): not in our spec")
    return problems


def test_spec_agrees_with_tickitis_route_list() -> None:
    routes = _routes()
    assert {r["name"] for r in routes if r["family"] == "tickets"} >= {"api.v1.tickets.show"}
    assert contract_problems(load_spec("tickiti"), routes) == []


def _rename_show_path(spec: dict[str, Any]) -> None:
    spec["paths"]["/api/v1/ticket/show"] = spec["paths"].pop("/api/v1/tickets/show")


def _show_as_get(spec: dict[str, Any]) -> None:
    item = spec["paths"]["/api/v1/tickets/show"]
    item["get"] = item.pop("post")


def _drop_key_from_respond(spec: dict[str, Any]) -> None:
    spec["paths"]["/api/v1/tickets/respond"]["post"]["parameters"] = []


def _key_on_attachment(spec: dict[str, Any]) -> None:
    spec["paths"]["/api/v1/tickets/attachment"]["post"]["parameters"] = [
        {"$ref": "#/components/parameters/IdempotencyKey"}
    ]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            _rename_show_path,
            [
                "show_ticket (POST /api/v1/ticket/show): not a Tickiti v1 route",
                "api.v1.tickets.show (POST tickets/show): not in our spec",
            ],
        ),
        (
            _show_as_get,
            [
                "show_ticket (GET /api/v1/tickets/show): not a Tickiti v1 route",
                "api.v1.tickets.show (POST tickets/show): not in our spec",
            ],
        ),
        (
            _drop_key_from_respond,
            [
                "respond_ticket (POST /api/v1/tickets/respond): needs a required Idempotency-Key header"
                " (string, maxLength 255)"
            ],
        ),
        (
            _key_on_attachment,
            [
                "download_attachment (POST /api/v1/tickets/attachment): must not have a required"
                " Idempotency-Key header (string, maxLength 255)"
            ],
        ),
    ],
    ids=["wrong_path", "wrong_method", "write_without_key", "read_with_key"],
)
def test_the_check_catches_a_deliberate_mistake(mutate: Any, expected: list[str]) -> None:
    spec = copy.deepcopy(load_spec("tickiti"))
    mutate(spec)
    assert sorted(contract_problems(spec, _routes())) == sorted(expected)
