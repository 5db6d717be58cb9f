"""Prism (Stoplight's mock server) on Intercom's official OpenAPI files: start, stop, watch the wire, count.

`nox -s contract` installs Prism and names the executable in `TICKETKIT_PRISM`. Each server runs
`prism mock --errors` on 127.0.0.1 (a free port Prism picks and prints), so:

- a request that breaks Intercom's spec is rejected (422, or the operation's documented 400) with the
  reasons in the `sl-violations` header;
- a response that breaks the spec is not served: Prism answers 500 `VIOLATIONS` instead.

A response is chosen per request with Prism's `Prefer` header: `example=<name>` serves that named example
of the 200 response as written in the spec (static mode), `dynamic=true, seed=<n>` generates one from the
schema with json-schema-faker, seeded (the code path of `prism mock -d --seed <n>`).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import yaml
from support import shared_dir

PRISM_ENV = "TICKETKIT_PRISM"  # the `prism` executable (set by `nox -s contract`)
REPORT_ENV = "TICKETKIT_CONTRACT_REPORT"  # where the counts go as JSON (set by `nox -s contract`)
REFERENCE_FILES = {"2.11": "intercom-openapi-2.11.yaml", "2.16": "intercom-openapi-2.16.yaml"}
# A guard against a Prism that never comes up (it takes about 3 s here), not a timing assertion.
STARTUP_LIMIT = 120.0
STOP_LIMIT = 10.0
_LISTENING = re.compile(r"Prism is listening on (http://127\.0\.0\.1:\d+)")
_METHODS = ("get", "put", "post", "delete", "patch")

Spec = dict[str, Any]


# -- the reference files ------------------------------------------------------------------------------------


def reference_path(version: str) -> Path:
    """shared/reference/intercom-openapi-<version>.yaml; a missing file fails (the contract needs it)."""
    shared = shared_dir()
    if shared is None:
        raise FileNotFoundError("shared/ is not beside this checkout: the contract tests need shared/reference/")
    path = shared / "reference" / REFERENCE_FILES[version]
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the contract tests need Intercom's official spec there")
    return path


@cache
def reference(version: str) -> Spec:
    """The official spec, parsed (for its examples and its routes)."""
    with reference_path(version).open(encoding="utf-8") as f:
        spec: Spec = yaml.safe_load(f)
    return spec


def _refs(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"], where
        for key, value in node.items():
            yield from _refs(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _refs(value, f"{where}/{i}")


def _target(spec: Spec, ref: str) -> Any:
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def dangling_refs(spec: Spec) -> dict[str, list[str]]:
    """Local `$ref`s that point at nothing -> where they are used."""
    out: dict[str, list[str]] = defaultdict(list)
    for ref, where in _refs(spec, "#"):
        if ref.startswith("#/") and _target(spec, ref) is None:
            out[ref].append(where)
    return dict(out)


def reachable_refs(spec: Spec, node: Any) -> set[str]:
    """Every `$ref` reachable from `node`, following refs."""
    seen: set[str] = set()
    todo = [ref for ref, _ in _refs(node, "#")]
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        todo += [r for r, _ in _refs(_target(spec, ref), "#")]
    return seen


def servable_copy(version: str, folder: Path) -> tuple[Path, list[str]]:
    """The reference as Prism can load it: a copy in which each dangling `#/components/schemas/X` exists.

    Prism refuses a document with a dangling `$ref` (2.11 has one: `custom_attributes`, used only by
    conversation schemas). The copy adds `X: {type: object}` under `components/schemas` and changes
    nothing else, as text, so every other byte Prism reads is Intercom's. Returns the path and the names added.
    """
    source = reference_path(version)
    text = source.read_text(encoding="utf-8")
    missing = sorted(dangling_refs(reference(version)))
    names = [ref.removeprefix("#/components/schemas/") for ref in missing]
    unfixable = [ref for ref, name in zip(missing, names, strict=True) if ref == name or "/" in name]
    if unfixable:
        raise ValueError(f"{source.name}: dangling $refs outside components/schemas: {unfixable}")
    if names:
        anchor = "\ncomponents:\n  schemas:\n"
        if text.count(anchor) != 1:
            raise ValueError(f"{source.name}: cannot find the one `components: schemas:` block to patch")
        stubs = "".join(f"    {name}:\n      type: object\n" for name in names)
        text = text.replace(anchor, anchor + stubs)
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / source.name
    copy.write_text(text, encoding="utf-8")
    return copy, names


@dataclass(frozen=True)
class Route:
    operation_id: str
    method: str
    template: str
    pattern: re.Pattern[str]


@cache
def routes(version: str) -> tuple[Route, ...]:
    out = []
    for template, item in reference(version)["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        for method in _METHODS:
            if method in item:
                name = item[method].get("operationId") or f"{method.upper()} {template}"  # a few have none
                out.append(Route(name, method.upper(), template, pattern))
    # Literal paths before templated ones: /tickets/search is not /tickets/{ticket_id}.
    return tuple(sorted(out, key=lambda r: r.template.count("{")))


def operation_id(version: str, method: str, path: str) -> str | None:
    for route in routes(version):
        if route.method == method and route.pattern.match(path):
            return route.operation_id
    return None


def success_examples(version: str, operation: str) -> list[str]:
    """The names of the 200 response's examples of `operation` in the reference, in its order."""
    for route in routes(version):
        if route.operation_id == operation:
            op = reference(version)["paths"][route.template][route.method.lower()]
            content = op["responses"]["200"]["content"]["application/json"]
            return list(content.get("examples", {}))
    raise KeyError(operation)


def example_value(version: str, operation: str, name: str) -> Any:
    for route in routes(version):
        if route.operation_id == operation:
            op = reference(version)["paths"][route.template][route.method.lower()]
            return op["responses"]["200"]["content"]["application/json"]["examples"][name]["value"]
    raise KeyError(operation)


# -- the wire -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exchange:
    version: str
    method: str
    path: str
    operation: str | None  # the reference's operationId
    prefer: str | None
    status: int
    violations: tuple[dict[str, Any], ...]  # what Prism found wrong, request and response side
    authorization: str | None
    probe: bool
    body: bytes  # the response body
    request_body: bytes

    @property
    def rejected_request(self) -> list[str]:
        """What Prism found wrong with the request, one line per violation."""
        return [
            f"{'.'.join(map(str, v.get('location', [])))}: {v.get('message')}"
            for v in self.violations
            if v.get("location", [None])[0] == "request"
        ]

    def json(self) -> Any:
        return json.loads(self.body)


def _violations(response: httpx.Response) -> tuple[dict[str, Any], ...]:
    """Prism's `sl-violations` header, plus the `validation` of a 422 it made up itself (no such header)."""
    found: list[dict[str, Any]] = []
    header = response.headers.get("sl-violations")
    if header:
        try:
            parsed = json.loads(header)
        except json.JSONDecodeError:  # Prism cuts a very long list ("Too many violations! ...")
            parsed = [{"location": ["request"], "message": header}]
        found += parsed if isinstance(parsed, list) else [{"location": ["request"], "message": header}]
    if response.status_code == 422 and response.headers.get("content-type", "").startswith("application/problem+json"):
        problem = json.loads(response.content)
        # Its locations start at the part of the request ("body", "header", ...): say it is the request.
        found += [{**v, "location": ["request", *v.get("location", [])]} for v in problem.get("validation", [])]
    return tuple(found)


class Wire(httpx.HTTPTransport):
    """A real HTTP transport that records each exchange with Prism (and reads its body).

    Requests to any other host (an attachment's file URL) are answered here with `files[url]`, so a download
    never leaves the machine; they are recorded in `off_host` with the Authorization header they carried.
    `prefer` pins the `Prefer` header of an operation's requests (one desk call may send several operations,
    and only one of them is under test).
    """

    def __init__(
        self,
        version: str,
        prism_url: str,
        files: dict[str, bytes] | None = None,
        probe: bool = False,
        prefer: dict[str, str] | None = None,
    ) -> None:
        # Plain http to 127.0.0.1 only: no TLS, so no CA bundle to load (it costs ~30 ms per transport).
        super().__init__(verify=False)
        self.version = version
        self.probe = probe  # requests the test writes itself (Intercom's own examples), not ticketkit's
        self.host = httpx.URL(prism_url).netloc
        self.files = files if files is not None else {}
        self.prefer = prefer or {}
        self.exchanges: list[Exchange] = []
        self.off_host: list[tuple[str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.netloc != self.host:
            self.off_host.append((str(request.url), request.headers.get("authorization")))
            content = self.files.get(str(request.url))
            if content is None:
                return httpx.Response(404, content=b"no such file", request=request)
            return httpx.Response(200, content=content, request=request)
        operation = operation_id(self.version, request.method, request.url.path)
        if operation in self.prefer:
            request.headers["Prefer"] = self.prefer[operation]
        response = super().handle_request(request)
        body = response.read()
        exchange = Exchange(
            version=self.version,
            method=request.method,
            path=request.url.path,
            operation=operation,
            prefer=request.headers.get("prefer"),
            status=response.status_code,
            violations=_violations(response),
            authorization=request.headers.get("authorization"),
            probe=self.probe,
            body=body,
            request_body=request.read(),
        )
        self.exchanges.append(exchange)
        TALLY.exchange(exchange)
        return response

    def rejections(self) -> list[str]:
        """Every request Prism rejected (a request-side violation, whatever the status), as text."""
        return [
            f"{e.method} {e.path} ({e.prefer}) -> {e.status}: {line}"
            for e in self.exchanges
            for line in e.rejected_request
        ]


# -- nulls the reference allows -----------------------------------------------------------------------------


def _resolve(spec: Spec, node: Any) -> tuple[Any, set[str]]:
    """Follow `$ref`s; also the names of the components passed through that are nullable as a whole."""
    nullable: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = _target(spec, node["$ref"])
        if isinstance(node, dict) and node.get("nullable"):
            nullable.add(name)
    return node, nullable


def null_sites(version: str, operation: str, body: Any) -> dict[str, set[str]]:
    """Where `body` (the 200 answer of `operation`) is `null` because a component is nullable as a whole.

    -> {JSON path with list indexes as `[]`: the nullable component names}. 2.16 declares `ticket`,
    `ticket_type`, `ticket_type_attribute` and `ticket_state` `nullable: true` as schemas, so wherever one
    is used (the body itself, a list item, a property) `null` is valid, and Prism's dynamic mode sends it.
    """
    spec = reference(version)
    route = next(r for r in routes(version) if r.operation_id == operation)
    schema = spec["paths"][route.template][route.method.lower()]["responses"]["200"]["content"]["application/json"]
    out: dict[str, set[str]] = defaultdict(set)

    def walk(node: Any, value: Any, path: str) -> None:
        node, nullable = _resolve(spec, node)
        if not isinstance(node, dict):
            return
        if value is None:
            if nullable:
                out[path] |= nullable
            return
        for key in ("oneOf", "anyOf", "allOf"):
            for branch in node.get(key, []):
                walk(branch, value, path)
        if isinstance(value, dict):
            for name, sub in node.get("properties", {}).items():
                if name in value:
                    walk(sub, value[name], f"{path}.{name}")
        elif isinstance(value, list) and "items" in node:
            for item in value:
                walk(node["items"], item, f"{path}[]")

    walk(schema["schema"], body, "$")
    return dict(out)


def undeclared_keys(version: str, operation: str, body: Any) -> set[str]:
    """Keys of a request body that the operation's request schema does not declare (dotted paths).

    Intercom's request schemas allow other keys, so Prism accepts them; Intercom may ignore them. An object
    schema without `properties` (like `ticket_attributes`) is free-form: nothing inside it is checked.
    """
    spec = reference(version)
    route = next(r for r in routes(version) if r.operation_id == operation)
    schema = spec["paths"][route.template][route.method.lower()]["requestBody"]["content"]["application/json"]

    def declared(node: Any) -> dict[str, list[Any]]:
        node, _ = _resolve(spec, node)
        out: dict[str, list[Any]] = defaultdict(list)
        if not isinstance(node, dict):
            return out
        for name, sub in node.get("properties", {}).items():
            out[name].append(sub)
        for key in ("allOf", "oneOf", "anyOf"):
            for branch in node.get(key, []):
                for name, subs in declared(branch).items():
                    out[name] += subs
        return out

    def walk(node: Any, value: Any, path: str) -> set[str]:
        if isinstance(value, list):
            resolved, _ = _resolve(spec, node)
            items = resolved.get("items") if isinstance(resolved, dict) else None
            return set().union(*(walk(items, v, f"{path}[]") for v in value)) if items else set()
        if not isinstance(value, dict):
            return set()
        properties = declared(node)
        if not properties:
            return set()
        found: set[str] = set()
        for key, sub in value.items():
            if key not in properties:
                found.add(f"{path}{key}")
            else:  # undeclared only if no candidate schema for the key declares it
                found |= set.intersection(*(walk(candidate, sub, f"{path}{key}.") for candidate in properties[key]))
        return found

    return walk(schema["schema"], body, "")


# -- counts ------------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the Prism run did, per spec version: written to TICKETKIT_CONTRACT_REPORT and printed."""

    operations: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    callers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    requests: Counter[str] = field(default_factory=Counter)
    probes: Counter[str] = field(default_factory=Counter)
    statuses: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    parsed: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    example_disagreements: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    request_example_disagreements: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    null_refusals: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    null_parses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    notes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    servers: list[dict[str, Any]] = field(default_factory=list)
    patched_refs: dict[str, list[str]] = field(default_factory=dict)
    downloads: Counter[str] = field(default_factory=Counter)

    def exchange(self, exchange: Exchange) -> None:
        if exchange.probe:
            self.probes[exchange.version] += 1
            return
        self.requests[exchange.version] += 1
        self.statuses[exchange.version][exchange.status] += 1
        if exchange.operation:
            self.operations[exchange.version].add(exchange.operation)

    def response_parsed(self, version: str, caller: str, source: str) -> None:
        """One response (`example=...` or `dynamic=true, seed=...`) parsed into the model by `caller`."""
        self.callers[version].add(caller)
        self.parsed[version]["dynamic" if source.startswith("dynamic") else "example"] += 1

    def null_refused(self, version: str, caller: str, sites: set[str]) -> None:
        """A response with a `null` the reference allows where the desk has nothing to return: refused."""
        self.callers[version].add(caller)
        self.null_refusals[version][f"{caller}: {', '.join(sorted(sites))}"] += 1

    def null_parsed(self, version: str, caller: str, sites: set[str]) -> None:
        """A response with a `null` the reference allows that parsed (a null item skipped, a null state...)."""
        self.null_parses[version][f"{caller}: {', '.join(sorted(sites))}"] += 1

    def as_json(self) -> dict[str, Any]:
        versions = sorted(set(self.requests) | set(self.parsed))
        return {
            "prism_servers": self.servers,
            "patched_dangling_refs": self.patched_refs,
            "versions": {
                v: {
                    "reference_operations": sorted(self.operations[v]),
                    "our_operations": sorted(self.callers[v]),
                    "requests": self.requests[v],
                    "requests_with_the_references_own_examples": self.probes[v],
                    "statuses": {str(k): n for k, n in sorted(self.statuses[v].items())},
                    "responses_parsed": dict(self.parsed[v]),
                    "examples_breaking_their_own_schema": sorted(self.example_disagreements[v]),
                    "request_examples_breaking_their_own_schema": sorted(self.request_example_disagreements[v]),
                    "responses_refused_for_nulls_the_reference_allows": dict(self.null_refusals[v]),
                    "responses_parsed_with_nulls_the_reference_allows": dict(self.null_parses[v]),
                    "other_discrepancies": sorted(self.notes[v]),
                }
                for v in versions
            },
            "attachment_downloads": dict(self.downloads),
        }

    def lines(self) -> list[str]:
        report = self.as_json()
        out = []
        for version, v in report["versions"].items():
            parsed = v["responses_parsed"]
            refused = sum(v["responses_refused_for_nulls_the_reference_allows"].values())
            with_nulls = sum(v["responses_parsed_with_nulls_the_reference_allows"].values())
            out.append(
                f"Intercom {version}: {len(v['reference_operations'])} reference operations "
                f"({', '.join(v['reference_operations'])}) by {len(v['our_operations'])} of ours; "
                f"{v['requests']} requests to Prism (statuses {v['statuses']}) "
                f"and {v['requests_with_the_references_own_examples']} with Intercom's own request examples; "
                f"{sum(parsed.values())} responses parsed "
                f"({parsed.get('example', 0)} examples, {parsed.get('dynamic', 0)} dynamic), "
                f"{with_nulls} of them with a null the reference allows; "
                f"{refused} dynamic responses refused by the desk for a null where the one ticket belongs; "
                f"{len(v['examples_breaking_their_own_schema'])} response and "
                f"{len(v['request_examples_breaking_their_own_schema'])} request examples that break "
                "Intercom's own schema"
            )
            out += [f"Intercom {version}: {note}" for note in v["other_discrepancies"]]
        return out


TALLY = Tally()


# -- the process ---------------------------------------------------------------------------------------------


def prism_executable() -> Path:
    value = os.environ.get(PRISM_ENV)
    if not value or not Path(value).is_file():
        raise FileNotFoundError(f"{PRISM_ENV}={value!r} does not name the prism executable (run `nox -s contract`)")
    return Path(value)


def _die_with_parent() -> None:
    """In the child before exec (Linux): SIGTERM if the test process dies, even by SIGKILL."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Prism:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


@contextlib.contextmanager
def serving(document: Path, log: Path, *options: str) -> Iterator[Prism]:
    """`prism mock --errors` on `document` at 127.0.0.1 (a free port); stopped, with any child, on exit.

    Output goes to `log` (a pipe nobody reads would fill and stall Prism).
    """
    command = [str(prism_executable()), "mock", str(document), "--host", "127.0.0.1", "--port", "0"]
    command += ["--errors", *options]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops everything it started
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    prism = Prism(url="", process=process, log=log)
    try:
        deadline = time.monotonic() + STARTUP_LIMIT
        while not prism.url:
            found = _LISTENING.search(log.read_text(encoding="utf-8", errors="replace"))
            if found:
                prism.url = found.group(1)
            elif process.poll() is not None:
                raise RuntimeError(f"Prism exited with {process.returncode} before listening:\n{prism.log_tail()}")
            elif time.monotonic() > deadline:
                raise RuntimeError(f"Prism did not listen within {STARTUP_LIMIT:.0f} s:\n{prism.log_tail()}")
            else:
                time.sleep(0.1)
        TALLY.servers.append({"document": document.name, "options": ["--errors", *options], "url": prism.url})
        yield prism
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group, SIGKILL if it lingers; then prove nothing of the group is left."""
    group = process.pid  # start_new_session: the group id is the leader's pid
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, sig)
        try:
            process.wait(timeout=STOP_LIMIT)
            break
        except subprocess.TimeoutExpired:
            continue
    else:
        process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)  # a child that outlived its leader
        # Signalling the group succeeded, so something is still in it: give it a moment to go.
        for _ in range(50):
            os.killpg(group, 0)
            time.sleep(0.1)
        raise RuntimeError(f"Prism's process group {group} is still alive after SIGKILL")


def write_report() -> Path | None:
    target = os.environ.get(REPORT_ENV)
    if not target:
        return None
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(TALLY.as_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
