"""specs/intercom.yaml against Intercom's official OpenAPI descriptions in shared/reference/.

For each of Intercom's schemas below, every property it declares must be in our corresponding schema with a
compatible type: each JSON type theirs allows (with `nullable`) ours allows too, objects are compared
property by property and arrays item by item, following `$ref`s on both sides. Ours may be more tolerant
(extra types, fewer required keys), never stricter. Responses: our spec accepts what 2.11 and 2.16 send,
including every `null` 2.16 allows (its `ticket`, `ticket_type`, `ticket_type_attribute`, `ticket_state` and
`ticket_state_detailed` are nullable as a whole: as a field, a list item or a whole answer). Requests: every
field either version's create and update take is one our spec describes, with its type.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import load_spec, shared_dir

REFERENCE_FILES = {"2.11": "intercom-openapi-2.11.yaml", "2.16": "intercom-openapi-2.16.yaml"}
# Intercom's schema name (components/schemas) -> ours, in both versions.
CORRESPONDING = {
    "ticket": "Ticket",
    "ticket_part": "TicketPart",
    "ticket_reply": "TicketPart",  # the answer to POST /tickets/{id}/reply: a subset of ticket_part
    "ticket_type": "TicketType",
    "ticket_type_list": "TicketTypeList",
    "ticket_type_attribute_list": "TicketTypeAttributeList",
    "ticket_list": "TicketList",
    "error": "Error",
    "create_ticket_request": "CreateTicketRequest",
    "update_ticket_request": "UpdateTicketRequest",
}
# Only in 2.16 (GET /ticket_states came in 2.12, DELETE /tickets/{id} in 2.13).
CORRESPONDING_2_16 = {
    "ticket_state": "TicketState",
    "ticket_state_list": "TicketStateDetailedList",
    "ticket_state_detailed": "TicketStateDetailed",
    "ticket_deleted": "TicketDeleted",
}
PAIRS = [
    *[("2.11", theirs, ours) for theirs, ours in sorted(CORRESPONDING.items())],
    *[("2.16", theirs, ours) for theirs, ours in sorted({**CORRESPONDING, **CORRESPONDING_2_16}.items())],
]
ANY = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})

Spec = dict[str, Any]
Schema = dict[str, Any]


@cache
def _reference(version: str) -> Spec:
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/reference is not beside this checkout (it is in CI)")
    path: Path = shared / "reference" / REFERENCE_FILES[version]
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    with path.open(encoding="utf-8") as f:
        spec: Spec = yaml.safe_load(f)
    return spec


def _resolve(spec: Spec, node: Schema) -> tuple[Schema, bool]:
    """Follow `$ref`s; also report whether any step on the way says `nullable: true` (OpenAPI 3.0)."""
    nullable = bool(node.get("nullable"))
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
        nullable |= bool(node.get("nullable"))
    return node, nullable


def _branches(spec: Spec, node: Schema) -> list[Schema]:
    """A schema's concrete alternatives: oneOf/anyOf flattened, refs resolved, nullable as a null branch."""
    node, nullable = _resolve(spec, node)
    out: list[Schema] = [{"type": "null"}] if nullable else []
    alternatives = node.get("oneOf", []) + node.get("anyOf", [])
    if alternatives:
        for alternative in alternatives:
            out += _branches(spec, alternative)
        return out
    if None in node.get("enum", []):
        out.append({"type": "null"})
    return [*out, node]


def _types(node: Schema) -> frozenset[str]:
    """JSON types one concrete (already resolved, no oneOf) schema allows."""
    declared = node.get("type")
    if declared is None:
        return frozenset({"object"}) if "properties" in node else ANY
    return frozenset([declared] if isinstance(declared, str) else declared)


def _type_set(spec: Spec, node: Schema) -> frozenset[str]:
    return frozenset().union(*(_types(b) for b in _branches(spec, node)))


def _of_type(spec: Spec, node: Schema, json_type: str) -> list[Schema]:
    return [b for b in _branches(spec, node) if json_type in _types(b)]


def incompatibilities(theirs: Spec, their_node: Schema, ours: Spec, our_node: Schema, where: str) -> list[str]:
    """What their schema allows that ours does not, as readable lines (empty when compatible)."""
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()

    def check(their: Schema, our: Schema, at: str, *, top: bool = False) -> None:
        key = (id(_resolve(theirs, their)[0]), id(_resolve(ours, our)[0]))
        if key in seen:
            return
        seen.add(key)
        their_types, our_types = _type_set(theirs, their), _type_set(ours, our)
        if top:
            # Their component may be nullable as a whole (2.16); ours says so where it is used (a field, a list
            # item, a response body: test_nullable_answers_accept_null), not on the component itself.
            their_types -= {"null"}
        missing = their_types - our_types
        if missing:
            problems.append(f"{at}: theirs allows {sorted(missing)}, ours only {sorted(our_types)}")
        for branch in _branches(ours, our):
            if "format" in branch and not any(b.get("format") == branch["format"] for b in _branches(theirs, their)):
                problems.append(f"{at}: ours requires format {branch['format']!r}, theirs does not")
            if "enum" in branch:
                their_branches = [b for b in _branches(theirs, their) if _types(b) != {"null"}]
                open_ended = any("enum" not in b for b in their_branches)
                their_values = {v for b in their_branches for v in b.get("enum", [])}
                if open_ended or not their_values <= {*branch["enum"], None}:
                    problems.append(f"{at}: our enum {branch['enum']} is narrower than theirs")
        if "object" in their_types & our_types:
            check_object(_of_type(theirs, their, "object"), _of_type(ours, our, "object"), at)
        if "array" in their_types & our_types:
            for their_array in _of_type(theirs, their, "array"):
                our_arrays = _of_type(ours, our, "array")
                if "items" in their_array and "items" in our_arrays[0]:
                    check(their_array["items"], our_arrays[0]["items"], f"{at}[]")

    def check_object(their_objects: list[Schema], our_objects: list[Schema], at: str) -> None:
        our_properties: dict[str, Schema] = {}
        for our_object in our_objects:
            our_properties = {**our_object.get("properties", {}), **our_properties}
        free_form = not our_properties and all(o.get("additionalProperties", True) is True for o in our_objects)
        for their_object in their_objects:
            for name, their_property in their_object.get("properties", {}).items():
                if name in our_properties:
                    check(their_property, our_properties[name], f"{at}.{name}")
                elif not free_form:
                    problems.append(f"{at}.{name}: missing from ours")
            extra = their_object.get("additionalProperties")
            if isinstance(extra, dict) and not free_form:
                problems.append(f"{at}: theirs is a map, ours is not free-form")

    check(their_node, our_node, where, top=True)
    return problems


@pytest.mark.parametrize(("version", "their_name", "our_name"), PAIRS)
def test_our_schema_accepts_everything_the_reference_declares(version: str, their_name: str, our_name: str) -> None:
    theirs, ours = _reference(version), load_spec("intercom")
    their_schema = theirs["components"]["schemas"][their_name]
    assert their_schema.get("properties"), f"{version}: {their_name} has no properties to compare"
    problems = incompatibilities(
        theirs,
        {"$ref": f"#/components/schemas/{their_name}"},
        ours,
        {"$ref": f"#/components/schemas/{our_name}"},
        their_name,
    )
    assert not problems, f"{version}:\n" + "\n".join(problems)


# Our operation -> Intercom's, for the answers whose 2.16 schema is a component nullable as a whole.
OPERATIONS = {
    ("/tickets/{id}", "get"): ("/tickets/{ticket_id}", "get"),
    ("/tickets/{id}", "put"): ("/tickets/{ticket_id}", "put"),
    ("/tickets", "post"): ("/tickets", "post"),
    ("/ticket_types/{id}", "get"): ("/ticket_types/{ticket_type_id}", "get"),
    ("/ticket_types", "get"): ("/ticket_types", "get"),
    ("/ticket_states", "get"): ("/ticket_states", "get"),
    ("/tickets/search", "post"): ("/tickets/search", "post"),
    ("/tickets/{id}", "delete"): ("/tickets/{ticket_id}", "delete"),
}

# The answers that are a ticket or a ticket type: null at 2.16.
NULL_ANSWERS = {("/tickets/{id}", "get"), ("/tickets/{id}", "put"), ("/tickets", "post"), ("/ticket_types/{id}", "get")}


@pytest.mark.parametrize(("ours", "theirs"), sorted(OPERATIONS.items()))
def test_nullable_answers_accept_null(ours: tuple[str, str], theirs: tuple[str, str]) -> None:
    """A 200 answer whose 2.16 schema is nullable as a whole (`ticket`, `ticket_type`) may be null in ours."""
    reference, spec = _reference("2.16"), load_spec("intercom")

    def answer(document: Spec, path: str, method: str) -> Schema:
        schema: Schema = document["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        return schema

    their_types = _type_set(reference, answer(reference, *theirs))
    our_types = _type_set(spec, answer(spec, *ours))
    assert their_types <= our_types, f"{ours}: theirs {sorted(their_types)}, ours {sorted(our_types)}"
    assert ("null" in their_types) is (ours in NULL_ANSWERS)  # the premise: 2.16 allows exactly these


def test_reference_timestamps_are_our_integers() -> None:
    """Spot check: their Unix-second timestamps are integers, and so are ours (not date-time strings)."""
    theirs, ours = _reference("2.11"), load_spec("intercom")
    ticket = theirs["components"]["schemas"]["ticket"]["properties"]
    assert ticket["created_at"] == {**ticket["created_at"], "type": "integer"}
    assert ours["components"]["schemas"]["Ticket"]["properties"]["created_at"]["type"] == "integer"


def test_an_incompatible_schema_is_caught() -> None:
    """The comparison can fail: a date-time timestamp, a stricter id format, a dropped field, a non-nullable
    ticket type, a non-nullable part body (two levels down) and a closed enum are each reported."""
    theirs = _reference("2.11")
    broken = copy.deepcopy(load_spec("intercom"))
    schemas = broken["components"]["schemas"]
    schemas["Ticket"]["properties"]["created_at"] = {"type": "string", "format": "date-time"}
    schemas["Ticket"]["properties"]["id"] = {"type": "string", "format": "uuid"}
    del schemas["Ticket"]["properties"]["is_shared"]
    schemas["Ticket"]["properties"]["ticket_type"] = {"$ref": "#/components/schemas/TicketType"}
    schemas["TicketPart"]["properties"]["body"] = {"type": "string"}
    schemas["TicketPartAuthor"]["properties"]["type"] = {"type": "string", "enum": ["admin", "user"]}
    problems = incompatibilities(
        theirs,
        {"$ref": "#/components/schemas/ticket"},
        broken,
        {"$ref": "#/components/schemas/Ticket"},
        "ticket",
    )
    text = "\n".join(problems)
    assert "ticket.created_at: theirs allows ['integer'], ours only ['string']" in text
    assert "ticket.id: ours requires format 'uuid', theirs does not" in text
    assert "ticket.is_shared: missing from ours" in text
    assert "ticket.ticket_type: theirs allows ['null']" in text
    assert "ticket.ticket_parts.ticket_parts[].body: theirs allows ['null']" in text
    assert "ticket.ticket_parts.ticket_parts[].author.type: our enum" in text
    assert len(problems) == 6, text
