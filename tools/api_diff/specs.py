"""The specs layer: what changed between two versions of an OpenAPI spec or of a JSON Schema ($defs) document.

Why our own small differ: oasdiff (the well-kept one) is Go and not on PyPI, and the Python OpenAPI differs
on PyPI are young and little used. This one compares resolved schemas (local `$ref`s followed, `allOf` merged,
`oneOf`/`anyOf` read as "any of these") and knows which way data flows, which is what decides breakage:

Requests (parameters and request bodies: what a caller sends)
- breaking: an operation removed; a parameter or request field removed; a new required parameter or field;
  an optional one made required; a type or enum value no longer accepted; a request body made required.
- compatible: an operation added; a new optional parameter or field; a required one made optional; a type or
  enum value now also accepted.

Responses (response bodies, and every model of specs/unified.yaml, which ticketkit returns and exports)
- breaking: a response field removed; a field that was always there made optional; a new type, a new `null`
  or a new enum value (code that matches every value, or a client that parses into an enum, meets a value it
  does not know); a documented 2xx response removed.
- compatible: a new field; a field made always present; a type or enum value no longer sent; a new status.

A field removed and another added with the same schema, in the same object, is reported as one rename.
Not compared: security schemes, servers, headers of responses, examples and descriptions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .changes import Change

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
ALL_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})
REQUEST, RESPONSE = "request", "response"


class SpecError(ValueError):
    """A spec this differ cannot read (a `$ref` outside the document, or one that leads nowhere)."""


@dataclass
class View:
    """A schema as the differ sees it, once references are followed and compositions merged."""

    types: frozenset[str] = ALL_TYPES
    enum: frozenset[str] | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: Any = None
    additional: Any = None
    refs: frozenset[str] = frozenset()


class Document:
    """A spec with its local references resolvable."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data

    def deref(self, node: Any) -> tuple[Any, frozenset[str]]:
        """`node` with its `$ref` chain followed (siblings of `$ref` kept), and the references it went through."""
        refs: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in refs:
                raise SpecError(f"$ref {ref} refers to itself")
            refs.add(ref)
            target = self._pointer(ref)
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            node = {**target, **siblings} if siblings and isinstance(target, Mapping) else target
        return node, frozenset(refs)

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise SpecError(f"$ref {ref} is outside the document (only local references are read)")
        node: Any = self.data
        for part in [p for p in ref[1:].split("/") if p]:
            part = part.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                raise SpecError(f"$ref {ref} leads nowhere")
        return node

    def view(self, schema: Any) -> View:
        schema, refs = self.deref(schema)
        if not isinstance(schema, Mapping):
            return View(refs=refs)  # `true` / `{}`: anything
        out = View(refs=refs)
        declared = schema.get("type")
        if isinstance(declared, str):
            out.types = frozenset({declared})
        elif isinstance(declared, list):
            out.types = frozenset(declared)
        elif "properties" in schema:
            out.types = frozenset({"object"})
        if schema.get("nullable") is True:  # OpenAPI 3.0
            out.types = out.types | {"null"}
        if "enum" in schema:
            out.enum = frozenset(_value(v) for v in schema["enum"])
        elif "const" in schema:
            out.enum = frozenset({_value(schema["const"])})
        out.properties = dict(schema.get("properties") or {})
        out.required = set(schema.get("required") or ())
        out.items = schema.get("items")
        additional = schema.get("additionalProperties")
        out.additional = additional if isinstance(additional, Mapping) else None
        for part in schema.get("allOf") or ():
            _merge_all(out, self.view(part), "type" in schema)
        variants = [self.view(part) for part in (schema.get("oneOf") or schema.get("anyOf") or ())]
        if variants:
            _merge_any(out, variants, "type" in schema)
        return out


def _value(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _merge_all(out: View, part: View, typed: bool) -> None:
    if not typed:
        out.types = part.types if out.types == ALL_TYPES else out.types & part.types or out.types
    out.properties.update(part.properties)
    out.required |= part.required
    out.enum = part.enum if out.enum is None else out.enum
    out.items = out.items if out.items is not None else part.items
    out.refs |= part.refs


def _merge_any(out: View, variants: list[View], typed: bool) -> None:
    if not typed:
        out.types = frozenset().union(*(v.types for v in variants))
    objects = [v for v in variants if v.properties]
    for variant in objects:
        for name, schema in variant.properties.items():
            out.properties.setdefault(name, schema)
    if objects:  # a field is always there only when every object variant requires it
        out.required |= set.intersection(*(v.required for v in objects))
    valued = [v for v in variants if v.types != {"null"}]
    if out.enum is None and valued and all(v.enum is not None for v in valued):
        out.enum = frozenset().union(*(v.enum or frozenset() for v in valued))
        if len(valued) < len(variants):
            out.enum |= {_value(None)}
    arrays = [v.items for v in variants if v.items is not None]
    if out.items is None and arrays:
        out.items = arrays[0]
    for variant in variants:
        out.refs |= variant.refs


class _Differ:
    def __init__(self, subject: str, old: Document, new: Document) -> None:
        self.subject = subject
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, where: str, what: str, breaking: bool) -> None:
        self.changes.append(Change("specs", self.subject, where, what, breaking))

    # -- schemas -------------------------------------------------------------------------------------------

    def schema(self, where: str, at: Spot, old: Any, new: Any, direction: str, seen: frozenset[Any]) -> None:
        """Compare two schemas of data flowing in `direction`; `at` is the spot they describe."""
        ov, nv = self.old.view(old), self.new.view(new)
        pair = (ov.refs, nv.refs)
        if (ov.refs or nv.refs) and pair in seen:
            return  # a recursive model: compared once
        seen = seen | {pair}
        self._types(where, at, ov.types, nv.types, direction)
        self._enum(where, at, ov.enum, nv.enum, direction)
        self._properties(where, at, ov, nv, direction, seen)
        if ov.items is not None and nv.items is not None:
            self.schema(where, at.child("[]"), ov.items, nv.items, direction, seen)
        if ov.additional is not None and nv.additional is not None:
            self.schema(where, at.child("{}"), ov.additional, nv.additional, direction, seen)

    def _types(self, where: str, at: Spot, old: frozenset[str], new: frozenset[str], direction: str) -> None:
        if old == new:
            return
        added, removed = _names(new - old), _names(old - new)
        if direction == REQUEST:
            if removed:
                self.add(where, f"{at} no longer accepts {removed}", True)
            if added:
                self.add(where, f"{at} now also accepts {added}", False)
        else:
            if added:
                self.add(where, f"{at} may now be {added}", True)
            if removed:
                self.add(where, f"{at} is no longer {removed}", False)

    def _enum(
        self, where: str, at: Spot, old: frozenset[str] | None, new: frozenset[str] | None, direction: str
    ) -> None:
        if old == new:
            return
        if old is None or new is None:
            limited = new is not None
            words = f"{at} is now limited to {_values(new)}" if limited else f"{at} is no longer limited to a list"
            # Limiting what a caller may send breaks callers; limiting what is returned breaks no reader.
            self.add(where, words, limited == (direction == REQUEST))
            return
        added, removed = new - old, old - new
        if direction == REQUEST:
            if removed:
                self.add(where, f"{at} no longer accepts the value(s) {_values(removed)}", True)
            if added:
                self.add(where, f"{at} accepts the new value(s) {_values(added)}", False)
        else:
            if added:
                self.add(
                    where,
                    f"{at} may now be {_values(added)} (breaks code that handles every value, and older clients "
                    "that parse it into an enum)",
                    True,
                )
            if removed:
                self.add(where, f"{at} is no longer {_values(removed)}", False)

    def _properties(self, where: str, at: Spot, ov: View, nv: View, direction: str, seen: frozenset[Any]) -> None:
        removed = [name for name in ov.properties if name not in nv.properties]
        added = [name for name in nv.properties if name not in ov.properties]
        renamed = self._renames(ov, nv, removed, added)
        for old_name, new_name in renamed:
            self.add(where, f"{at.child(old_name)} renamed to `{at.child(new_name).path}`", True)
        for name in removed:
            if name not in dict(renamed):
                self.add(where, f"{at.child(name)} removed", True)
        for name in added:
            if name in {new for _, new in renamed}:
                continue
            if direction == REQUEST and name in nv.required:
                self.add(where, f"new required {at.child(name)}", True)
            else:
                optional = "" if direction == RESPONSE and name in nv.required else "optional "
                self.add(where, f"new {optional}{at.child(name)}", False)
        for name in ov.properties:
            if name not in nv.properties:
                continue
            label = at.child(name)
            was, now = name in ov.required, name in nv.required
            if was != now:
                if direction == REQUEST:
                    self.add(where, f"{label} is now {'required' if now else 'optional'}", now)
                else:
                    self.add(
                        where, f"{label} is now {'always present' if now else 'optional (may be absent)'}", not now
                    )
            self.schema(where, label, ov.properties[name], nv.properties[name], direction, seen)

    def _renames(self, ov: View, nv: View, removed: list[str], added: list[str]) -> list[tuple[str, str]]:
        """Pairs (old, new) where exactly one removed and one added field have the same schema."""
        shapes_old = {name: self._shape(self.old, ov.properties[name]) for name in removed}
        shapes_new = {name: self._shape(self.new, nv.properties[name]) for name in added}
        pairs = []
        for old_name, shape in shapes_old.items():
            same = [name for name, other in shapes_new.items() if other == shape]
            twins = [name for name, other in shapes_old.items() if other == shape]
            if len(same) == 1 and len(twins) == 1:
                pairs.append((old_name, same[0]))
        return pairs

    @staticmethod
    def _shape(document: Document, schema: Any) -> str:
        resolved, _ = document.deref(schema)
        if isinstance(resolved, Mapping):
            resolved = {key: value for key, value in resolved.items() if key not in ("description", "example")}
        return _value(resolved)


@dataclass(frozen=True)
class Spot:
    """Where in a request or response a schema sits: a root ("request body", "query parameter `x`") and the
    path of fields below it ("ticket.state", "[]" for each item of a list, "{}" for each value of a map)."""

    root: str
    path: str = ""

    def child(self, name: str) -> Spot:
        joined = f"{self.path}{name}" if name in ("[]", "{}") else f"{self.path}.{name}" if self.path else name
        return Spot(self.root, joined)

    def __str__(self) -> str:
        return f"field `{self.path}` of the {self.root}" if self.path else f"the {self.root}"


def _names(types: frozenset[str]) -> str:
    return " or ".join(sorted(types))


def _values(values: frozenset[str] | None) -> str:
    return ", ".join(sorted(values or ()))


# -- OpenAPI documents ---------------------------------------------------------------------------------------


def _operations(document: Document) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for path, item in (document.data.get("paths") or {}).items():
        item, _ = document.deref(item)
        shared = item.get("parameters") or []
        for method in METHODS:
            if method in item:
                operation = dict(item[method])
                operation["parameters"] = _parameters(document, shared, operation.get("parameters") or [])
                out[(method.upper(), path)] = operation
    return out


def _parameters(document: Document, shared: list[Any], own: list[Any]) -> dict[tuple[str, str], Any]:
    """Parameters by (location, name), the operation's own overriding the path's; header names lower-cased."""
    out = {}
    for raw in [*shared, *own]:
        parameter, _ = document.deref(raw)
        name = parameter["name"].lower() if parameter.get("in") == "header" else parameter["name"]
        out[(parameter.get("in", "query"), name)] = parameter
    return out


def _label(key: tuple[str, str], operation: Mapping[str, Any]) -> str:
    method, path = key
    operation_id = operation.get("operationId")
    return f"{operation_id} ({method} {path})" if operation_id else f"{method} {path}"


def diff_openapi(subject: str, old_data: Mapping[str, Any], new_data: Mapping[str, Any]) -> list[Change]:
    """The changes from one OpenAPI document to another, classified by the rules in this module's docstring."""
    differ = _Differ(subject, Document(old_data), Document(new_data))
    old_ops, new_ops = _operations(differ.old), _operations(differ.new)
    moved = _moved(old_ops, new_ops)
    for key in sorted(old_ops.keys() - new_ops.keys()):
        if key in moved:
            differ.add(_label(moved[key], new_ops[moved[key]]), f"moved from {key[0]} {key[1]}", True)
        else:
            differ.add(_label(key, old_ops[key]), "operation removed", True)
    for key in sorted(new_ops.keys() - old_ops.keys()):
        if key not in moved.values():
            differ.add(_label(key, new_ops[key]), "new operation", False)
    for key in sorted(old_ops.keys() & new_ops.keys()):
        _operation(differ, _label(key, new_ops[key]), old_ops[key], new_ops[key])
    for old_key, new_key in moved.items():
        _operation(differ, _label(new_key, new_ops[new_key]), old_ops[old_key], new_ops[new_key])
    return differ.changes


def _moved(
    old_ops: dict[tuple[str, str], Any], new_ops: dict[tuple[str, str], Any]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Operations that kept their operationId but changed method or path."""
    gone = {op.get("operationId"): key for key, op in old_ops.items() if key not in new_ops}
    came = {op.get("operationId"): key for key, op in new_ops.items() if key not in old_ops}
    return {gone[name]: came[name] for name in gone.keys() & came.keys() if name}


def _operation(differ: _Differ, where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    _compare_parameters(differ, where, old["parameters"], new["parameters"])
    _compare_body(differ, where, old.get("requestBody"), new.get("requestBody"))
    _compare_responses(differ, where, old.get("responses") or {}, new.get("responses") or {})


def _compare_parameters(
    differ: _Differ, where: str, old: dict[tuple[str, str], Any], new: dict[tuple[str, str], Any]
) -> None:
    for key in sorted(old.keys() - new.keys()):
        differ.add(where, f"{key[0]} parameter `{key[1]}` removed", True)
    for key in sorted(new.keys() - old.keys()):
        required = bool(new[key].get("required"))
        kind = "required" if required else "optional"
        differ.add(where, f"new {kind} {key[0]} parameter `{key[1]}`", required)
    for key in sorted(old.keys() & new.keys()):
        was, now = bool(old[key].get("required")), bool(new[key].get("required"))
        if was != now:
            differ.add(where, f"{key[0]} parameter `{key[1]}` is now {'required' if now else 'optional'}", now)
        at = Spot(f"{key[0]} parameter `{key[1]}`")
        differ.schema(where, at, old[key].get("schema"), new[key].get("schema"), REQUEST, frozenset())


def _compare_body(differ: _Differ, where: str, old_raw: Any, new_raw: Any) -> None:
    old = differ.old.deref(old_raw)[0] if old_raw is not None else None
    new = differ.new.deref(new_raw)[0] if new_raw is not None else None
    if old is None and new is None:
        return
    if old is None:
        required = bool(new.get("required"))
        differ.add(where, f"new {'required' if required else 'optional'} request body", required)
        return
    if new is None:
        differ.add(where, "request body removed", True)
        return
    was, now = bool(old.get("required")), bool(new.get("required"))
    if was != now:
        differ.add(where, f"request body is now {'required' if now else 'optional'}", now)
    _compare_content(differ, where, "request body", old.get("content") or {}, new.get("content") or {}, REQUEST)


def _compare_content(
    differ: _Differ, where: str, at: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: str
) -> None:
    for media in sorted(old.keys() - new.keys()):
        differ.add(where, f"the {at} no longer {'accepts' if direction == REQUEST else 'comes as'} {media}", True)
    for media in sorted(new.keys() - old.keys()):
        verb = "now also accepts" if direction == REQUEST else "may now come as"
        differ.add(where, f"the {at} {verb} {media}", direction == RESPONSE)
    for media in sorted(old.keys() & new.keys()):
        old_schema, new_schema = (old[media] or {}).get("schema"), (new[media] or {}).get("schema")
        if old_schema is not None and new_schema is not None:
            differ.schema(where, Spot(f"{at}"), old_schema, new_schema, direction, frozenset())


def _compare_responses(differ: _Differ, where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    for status in sorted(old.keys() - new.keys(), key=str):
        success = str(status).startswith("2")
        differ.add(where, f"response {status} no longer documented", success)
    for status in sorted(new.keys() - old.keys(), key=str):
        differ.add(where, f"new documented response {status}", False)
    for status in sorted(old.keys() & new.keys(), key=str):
        old_response, new_response = differ.old.deref(old[status])[0], differ.new.deref(new[status])[0]
        old_content, new_content = old_response.get("content") or {}, new_response.get("content") or {}
        _compare_content(differ, where, f"response {status}", old_content, new_content, RESPONSE)


# -- JSON Schema documents (specs/unified.yaml) -------------------------------------------------------------


def diff_models(subject: str, old_data: Mapping[str, Any], new_data: Mapping[str, Any]) -> list[Change]:
    """The changes between two JSON Schema documents' `$defs`, every model read as returned data."""
    differ = _Differ(subject, Document(old_data), Document(new_data))
    old_defs, new_defs = _defs(old_data), _defs(new_data)
    for name in sorted(old_defs.keys() - new_defs.keys()):
        differ.add(f"model {name}", "model removed", True)
    for name in sorted(new_defs.keys() - old_defs.keys()):
        differ.add(f"model {name}", "new model", False)
    for name in sorted(old_defs.keys() & new_defs.keys()):
        differ.schema(f"model {name}", Spot("model"), old_defs[name], new_defs[name], RESPONSE, frozenset())
    return differ.changes


def _defs(data: Mapping[str, Any]) -> dict[str, Any]:
    return dict(data.get("$defs") or data.get("definitions") or {})


def diff_spec(subject: str, old_data: Mapping[str, Any] | None, new_data: Mapping[str, Any] | None) -> list[Change]:
    """The changes between two versions of one spec file; None for a file that does not exist on that side."""
    if old_data is None and new_data is None:
        return []
    if old_data is None:
        return [Change("specs", subject, "whole spec", "new spec", False)]
    if new_data is None:
        return [Change("specs", subject, "whole spec", "spec removed", True)]
    if "openapi" in new_data or "paths" in new_data:
        return diff_openapi(subject, old_data, new_data)
    return diff_models(subject, old_data, new_data)


def iter_subjects(changes: list[Change]) -> Iterator[str]:
    seen: set[str] = set()
    for change in changes:
        if change.subject not in seen:
            seen.add(change.subject)
            yield change.subject
