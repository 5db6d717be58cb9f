"""api_diff (tools/api_diff): each rule of the specs differ on small inline specs, in both directions; the bump
and the gate; REF's choice; the wire layer; then a worked example on a copy of this repository, regenerated with
the noxfile's own `generate` session, with the gate's verdict for four scripted vendor changes.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from api_diff import refs, verdict, wire  # noqa: E402
from api_diff.analysis import analyse  # noqa: E402
from api_diff.changes import Change  # noqa: E402
from api_diff.specs import SpecError, diff_spec  # noqa: E402

# -- the specs differ, one rule at a time ------------------------------------------------------------------


def api(
    *,
    params: list[dict[str, Any]] | None = None,
    body: dict[str, Any] | None = None,
    response: dict[str, Any] | None = None,
    schemas: dict[str, Any] | None = None,
    responses: dict[str, Any] | None = None,
    path: str = "/tickets/{id}",
) -> dict[str, Any]:
    """A one-operation OpenAPI document."""
    operation: dict[str, Any] = {
        "operationId": "update_ticket",
        "parameters": params or [],
        "responses": responses
        or {"200": {"description": "ok", "content": {"application/json": {"schema": response or {"type": "object"}}}}},
    }
    if body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return {"openapi": "3.1.0", "paths": {path: {"post": operation}}, "components": {"schemas": schemas or {}}}


def obj(required: list[str] | None = None, **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required or [], "properties": properties}


def found(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[bool, str]]:
    return [(change.breaking, change.what) for change in diff_spec("acme", old, new)]


def only(old: dict[str, Any], new: dict[str, Any]) -> tuple[bool, str]:
    changes = found(old, new)
    assert len(changes) == 1, changes
    return changes[0]


STR = {"type": "string"}
QUERY_Q = {"name": "q", "in": "query", "schema": STR}


def test_identical_specs_have_no_change() -> None:
    paths = [p for p in sorted((ROOT / "specs").glob("*.yaml")) if not p.name.endswith(".config.yaml")]
    assert len(paths) >= 2  # the vendors' specs and unified.yaml
    for path in paths:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert diff_spec(path.stem, spec, copy.deepcopy(spec)) == []


def test_operations_added_are_compatible_removed_breaking_and_moved_said_so() -> None:
    one = api()
    two = copy.deepcopy(one)
    two["paths"]["/tickets"] = {"get": {"operationId": "list_tickets", "responses": {}}}
    assert only(one, two) == (False, "new operation")
    assert only(two, one) == (True, "operation removed")
    moved = api(path="/v2/tickets/{id}")
    assert only(one, moved) == (True, "moved from POST /tickets/{id}")


def test_parameters_new_required_breaks_new_optional_does_not_and_removal_breaks() -> None:
    required = {**QUERY_Q, "required": True}
    assert only(api(), api(params=[required])) == (True, "new required query parameter `q`")
    assert only(api(), api(params=[QUERY_Q])) == (False, "new optional query parameter `q`")
    assert only(api(params=[QUERY_Q]), api()) == (True, "query parameter `q` removed")
    assert only(api(params=[QUERY_Q]), api(params=[required])) == (True, "query parameter `q` is now required")
    assert only(api(params=[required]), api(params=[QUERY_Q])) == (False, "query parameter `q` is now optional")


def test_header_parameters_match_whatever_their_case() -> None:
    lower = {"name": "idempotency-key", "in": "header", "schema": STR}
    upper = {"name": "Idempotency-Key", "in": "header", "schema": STR}
    assert found(api(params=[lower]), api(params=[upper])) == []


def test_request_fields_by_direction() -> None:
    base = api(body=obj(["subject"], subject=STR))
    with_optional = api(body=obj(["subject"], subject=STR, tags={"type": "array", "items": STR}))
    with_required = api(body=obj(["subject", "tags"], subject=STR, tags={"type": "array", "items": STR}))
    assert only(base, with_optional) == (False, "new optional field `tags` of the request body")
    assert only(base, with_required) == (True, "new required field `tags` of the request body")
    assert only(with_optional, base) == (True, "field `tags` of the request body removed")
    assert only(with_optional, with_required) == (True, "field `tags` of the request body is now required")
    assert only(with_required, with_optional) == (False, "field `tags` of the request body is now optional")


def test_response_fields_by_direction() -> None:
    base = api(response=obj(["id"], id=STR))
    more = api(response=obj(["id"], id=STR, due=STR))
    assert only(base, more) == (False, "new optional field `due` of the response 200")
    assert only(more, base) == (True, "field `due` of the response 200 removed")
    always = api(response=obj(["id", "due"], id=STR, due=STR))
    assert only(always, more) == (True, "field `due` of the response 200 is now optional (may be absent)")
    assert only(more, always) == (False, "field `due` of the response 200 is now always present")


def test_a_field_removed_and_one_added_with_the_same_schema_is_a_rename() -> None:
    old = api(response=obj(["ticket_id"], ticket_id={"type": "string", "description": "the number"}))
    new = api(response=obj(["ticket_number"], ticket_number={"type": "string"}))
    assert only(old, new) == (True, "field `ticket_id` of the response 200 renamed to `ticket_number`")


def test_enum_values_by_direction() -> None:
    small, large = {"type": "string", "enum": ["a", "b"]}, {"type": "string", "enum": ["a", "b", "c"]}
    grown = only(api(response=obj(s=small)), api(response=obj(s=large)))
    assert grown[0] is True and 'may now be "c"' in grown[1] and "every value" in grown[1]
    assert only(api(response=obj(s=large)), api(response=obj(s=small))) == (
        False,
        'field `s` of the response 200 is no longer "c"',
    )
    assert only(api(body=obj(s=small)), api(body=obj(s=large))) == (
        False,
        'field `s` of the request body accepts the new value(s) "c"',
    )
    assert only(api(body=obj(s=large)), api(body=obj(s=small))) == (
        True,
        'field `s` of the request body no longer accepts the value(s) "c"',
    )
    limited = only(api(params=[QUERY_Q]), api(params=[{**QUERY_Q, "schema": small}]))
    assert limited[0] is True and "limited to" in limited[1]


def test_types_and_null_by_direction() -> None:
    nullable = {"type": ["string", "null"]}
    assert only(api(response=obj(s=STR)), api(response=obj(s=nullable))) == (
        True,
        "field `s` of the response 200 may now be null",
    )
    assert only(api(response=obj(s=nullable)), api(response=obj(s=STR)))[0] is False
    assert only(api(body=obj(s=STR)), api(body=obj(s=nullable)))[0] is False
    assert only(api(body=obj(s=nullable)), api(body=obj(s=STR))) == (
        True,
        "field `s` of the request body no longer accepts null",
    )
    openapi30 = {"type": "string", "nullable": True}
    assert only(api(response=obj(s=STR)), api(response=obj(s=openapi30)))[0] is True


def test_changes_behind_refs_all_of_and_one_of_are_seen_and_recursion_ends() -> None:
    node = obj(["id"], id=STR, children={"type": "array", "items": {"$ref": "#/components/schemas/Node"}})
    old = api(response={"$ref": "#/components/schemas/Node"}, schemas={"Node": node})
    new = copy.deepcopy(old)
    del new["components"]["schemas"]["Node"]["properties"]["id"]
    assert only(old, new) == (True, "field `id` of the response 200 removed")
    composed_old = api(
        response={"allOf": [{"$ref": "#/components/schemas/Base"}, obj(x=STR)]}, schemas={"Base": obj(a=STR)}
    )
    composed_new = copy.deepcopy(composed_old)
    composed_new["components"]["schemas"]["Base"]["properties"]["b"] = STR
    assert only(composed_old, composed_new) == (False, "new optional field `b` of the response 200")
    one_of = api(response={"oneOf": [obj(["a"], a=STR), {"type": "null"}]})
    grown = copy.deepcopy(one_of)
    grown["paths"]["/tickets/{id}"]["post"]["responses"]["200"]["content"]["application/json"]["schema"][
        "oneOf"
    ].append({"type": "integer"})
    assert only(one_of, grown) == (True, "the response 200 may now be integer")


def test_responses_a_removed_success_breaks_a_new_status_does_not() -> None:
    ok = {"description": "ok"}
    assert only(api(responses={"200": ok}), api(responses={"200": ok, "429": ok})) == (
        False,
        "new documented response 429",
    )
    assert only(api(responses={"200": ok, "201": ok}), api(responses={"200": ok})) == (
        True,
        "response 201 no longer documented",
    )
    assert only(api(responses={"200": ok, "404": ok}), api(responses={"200": ok}))[0] is False


def test_request_body_required_and_media_types() -> None:
    optional = api(body=obj())
    optional["paths"]["/tickets/{id}"]["post"]["requestBody"]["required"] = False
    assert only(optional, api(body=obj())) == (True, "request body is now required")
    assert only(api(), api(body=obj())) == (True, "new required request body")
    assert only(api(body=obj()), api()) == (True, "request body removed")


def test_unified_models_are_read_as_returned_data() -> None:
    def unified(**defs: Any) -> dict[str, Any]:
        return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": defs}

    status = {"type": "string", "enum": ["open", "closed"]}
    old = unified(Status=status, Ticket=obj(["id"], id=STR, status={"$ref": "#/$defs/Status"}))
    grown = copy.deepcopy(old)
    grown["$defs"]["Status"]["enum"].append("snoozed")
    assert [c.where for c in diff_spec("unified", old, grown) if c.breaking] == ["model Status", "model Ticket"]
    extra = copy.deepcopy(old)
    extra["$defs"]["Party"] = obj(name=STR)
    assert only(old, extra) == (False, "new model")
    assert only(extra, old) == (True, "model removed")


def test_a_ref_outside_the_document_is_a_clear_error() -> None:
    outside = api(response={"$ref": "other.yaml#/Ticket"})
    with pytest.raises(SpecError, match="outside the document"):
        diff_spec("acme", outside, outside)
    nowhere = api(response={"$ref": "#/components/schemas/Missing"})
    with pytest.raises(SpecError, match="leads nowhere"):
        diff_spec("acme", nowhere, nowhere)


def test_a_spec_added_or_removed() -> None:
    assert [(c.breaking, c.what) for c in diff_spec("acme", None, api())] == [(False, "new spec")]
    assert [(c.breaking, c.what) for c in diff_spec("acme", api(), None)] == [(True, "spec removed")]


# -- the bump and the gate ---------------------------------------------------------------------------------

BREAKING = Change("specs", "intercom", "retrieve_ticket", "field removed", True)
COMPATIBLE = Change("specs", "routera", "get_ticket", "new field", False)


def test_suggested_bump_pre_and_post_1_0() -> None:
    assert verdict.suggested_bump("0.1.3", [BREAKING, COMPATIBLE]) == ("minor", "0.2.0")
    assert verdict.suggested_bump("0.1.3", [COMPATIBLE]) == ("patch", "0.1.4")
    assert verdict.suggested_bump("1.4.2", [BREAKING]) == ("major", "2.0.0")
    assert verdict.suggested_bump("1.4.2", [COMPATIBLE]) == ("minor", "1.5.0")
    assert verdict.suggested_bump("1.4.2", []) == ("none", "1.4.2")


def test_bumped_enough() -> None:
    assert verdict.bumped_enough("0.1.0", "0.2.0", "minor")
    assert verdict.bumped_enough("0.1.0", "1.0.0", "minor")
    assert not verdict.bumped_enough("0.1.0", "0.1.5", "minor")
    assert not verdict.bumped_enough("1.2.0", "1.3.0", "major")
    assert verdict.bumped_enough("0.1.0", "0.1.1", "patch")
    with pytest.raises(verdict.VersionError):
        verdict.parts("one")


def _tree(tmp: Path, name: str, version: str, fragments: dict[str, str] | None = None) -> Path:
    root = tmp / name
    (root / "changelog.d").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{version}"\n', encoding="utf-8")
    for fragment, text in (fragments or {}).items():
        (root / "changelog.d" / fragment).write_text(text, encoding="utf-8")
    return root


def test_gate_needs_the_bump_and_a_breaking_fragment_naming_each_subject(tmp_path: Path) -> None:
    old = _tree(tmp_path, "old", "0.1.0")
    unbumped = verdict.gate(old, _tree(tmp_path, "a", "0.1.0", {"+x.breaking.md": "Intercom: ..."}), [BREAKING])
    assert not unbumped.passed and "0.2.0" in unbumped.reasons[0]
    unnamed = verdict.gate(old, _tree(tmp_path, "b", "0.2.0", {"+x.breaking.md": "Tickiti: ..."}), [BREAKING])
    assert not unnamed.passed and "names intercom" in unnamed.reasons[0]
    no_fragment = verdict.gate(old, _tree(tmp_path, "c", "0.2.0", {"+x.feature.md": "Intercom"}), [BREAKING])
    assert not no_fragment.passed and "fragment" in no_fragment.reasons[0]
    good = verdict.gate(old, _tree(tmp_path, "d", "0.2.0", {"+x.breaking.md": "Intercom renamed ..."}), [BREAKING])
    assert good.passed and good.reasons == ()
    assert verdict.gate(old, _tree(tmp_path, "e", "0.1.0"), [COMPATIBLE]).passed


def test_the_version_is_read_where_pyproject_says_it_is_written(tmp_path: Path) -> None:
    root = _tree(tmp_path, "r", "0.3.1")
    assert verdict.project_version(root) == "0.3.1"  # a static [project] version
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndynamic = ["version"]\n[tool.hatch.version]\npath = "src/x/_version.py"\n',
        encoding="utf-8",
    )
    written = root / "src" / "x" / "_version.py"
    written.parent.mkdir(parents=True)
    written.write_text('"""x."""\n\n__version__ = "0.4.0"\n', encoding="utf-8")
    assert verdict.project_version(root) == "0.4.0" and verdict.version_file(root) == written
    written.write_text('__version__ = "four"\n', encoding="utf-8")
    with pytest.raises(verdict.VersionError, match=r"'four' is not x\.y\.z"):
        verdict.project_version(root)
    written.unlink()
    with pytest.raises(verdict.VersionError, match="cannot read"):
        verdict.project_version(root)


def test_stale_versions_names_the_sources_that_kept_the_old_version(tmp_path: Path) -> None:
    root = _tree(tmp_path, "r", "0.2.0")
    (root / "pyproject.toml").write_text(
        '[project]\nversion = "0.2.0"\n[tool.hatch.build.targets.wheel]\nsources = ["src"]\n', encoding="utf-8"
    )
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "src" / "pkg" / "__init__.py").write_text('__version__ = "0.1.0"\nAGENT = "pkg/0.1.0"\nX = "10.1.0"\n')
    assert verdict.stale_versions(root, "0.1.0", "0.2.0") == ["src/pkg/__init__.py:1", "src/pkg/__init__.py:2"]
    assert verdict.stale_versions(root, "0.2.0", "0.2.0") == []
    assert "still say 0.1.0" in verdict.gate(_tree(tmp_path, "old", "0.1.0"), root, []).reasons[0]


def test_draft_fragment_names_the_subjects_and_never_overwrites(tmp_path: Path) -> None:
    root = _tree(tmp_path, "r", "0.2.0")
    client = Change("python", "intercom_client", "Ticket.ticket_id", "attribute removed", True)
    path = verdict.draft_fragment(root, [BREAKING, client, COMPATIBLE])
    text = path.read_text(encoding="utf-8")
    assert path.name == "+api-diff.breaking.md" and "intercom (python, specs)" in text and "routera" not in text
    assert verdict.gate(_tree(tmp_path, "old", "0.1.0"), root, [BREAKING, client]).passed
    with pytest.raises(FileExistsError):
        verdict.draft_fragment(root, [BREAKING])


# -- REF's choice and the wire layer -----------------------------------------------------------------------


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def _repo(root: Path) -> Path:
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    (root / "a.txt").write_text("1", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "one")
    return root


def test_base_is_the_last_v_tag_else_the_merge_base_with_main(tmp_path: Path) -> None:
    root = _repo(tmp_path / "repo")
    first = _git(root, "rev-parse", "HEAD").strip()
    assert refs.choose_base(root, None).how == "the merge base of HEAD with main"
    _git(root, "checkout", "-qb", "feature")
    (root / "a.txt").write_text("2", encoding="utf-8")
    _git(root, "commit", "-qam", "two")
    assert refs.choose_base(root, None).commit == first
    assert refs.choose_base(root, "merge-base").commit == first
    _git(root, "tag", "v0.1.0")
    chosen = refs.choose_base(root, None)
    assert (chosen.ref, chosen.how) == ("v0.1.0", "the last release tag")
    assert refs.choose_base(root, "merge-base").commit == first
    with pytest.raises(refs.GitError, match="not a commit"):
        refs.choose_base(root, "no-such-ref")
    with refs.checkout(root, first) as old:
        assert (old / "a.txt").read_text(encoding="utf-8") == "1"


def _golden(tmp: Path, name: str, calls: list[dict[str, Any]]) -> Path:
    folder = tmp / name / "tests" / "wire"
    folder.mkdir(parents=True)
    (folder / "acme.json").write_text(json.dumps({"vendor": "acme", "calls": calls}, indent=2), encoding="utf-8")
    return tmp / name


def _call(name: str, path: str = "/t/1", body: Any = None, outcome: str = "ok") -> dict[str, Any]:
    request = {"method": "GET", "path": path, "query": [], "headers": {}, "body": body}
    return {"call": name, "outcome": outcome, "requests": [request] if outcome == "ok" else []}


def test_wire_changes_by_kind_with_the_file_diff(tmp_path: Path) -> None:
    old = _golden(tmp_path, "old", [_call("tickets.get"), _call("tickets.close"), _call("comments.list")])
    new = _golden(
        tmp_path,
        "new",
        [_call("tickets.get", path="/v2/t/1"), _call("tickets.close", body={"x": 1}), _call("tickets.list")],
    )
    changes, diffs, notes = wire.diff_wire(old, new)
    assert sorted((c.where, c.breaking, c.what) for c in changes) == [
        ("comments.list", True, "call no longer in the scenario"),
        ("tickets.close", False, "same routes, other body"),
        ("tickets.get", True, "requests go to GET /v2/t/1 instead of GET /t/1"),
        ("tickets.list", False, "new call in the scenario"),
    ]
    assert re.search(r'^-\s+"path": "/t/1"', diffs["acme"], re.M) and re.search(
        r'^\+\s+"path": "/v2/t/1"', diffs["acme"], re.M
    )
    assert notes == []
    failing = _golden(tmp_path, "failing", [_call("tickets.get", outcome="unsupported"), _call("tickets.close"),
                                            _call("comments.list")])  # fmt: skip
    lost = [c for c in wire.diff_wire(old, failing)[0] if c.breaking]
    assert [(c.where, c.what) for c in lost] == [
        ("tickets.get", "outcome ok -> unsupported"),
        ("tickets.get", "requests go to nothing instead of GET /t/1"),
    ]
    assert wire.diff_wire(tmp_path / "nothing", old)[2] == [
        "acme: no golden file at REF; its requests are recorded from here on"
    ]


def test_the_griffe_pin_is_the_same_in_the_noxfile_and_the_test_extra() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    pinned = re.search(r'^GRIFFE = "(griffe==[^"]+)"', noxfile, re.M)
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert pinned is not None and pinned.group(1) in extra["test"]


# -- the worked example: scripted vendor changes on a copy of this repository -----------------------------
# Each scenario clones a committed copy of the working tree, edits a spec, regenerates that vendor's client
# with the noxfile's own `generate` session (the same pinned generator), and runs the analysis against the
# commit it started from. The golden request files are not re-recorded (that is tests/test_wire_golden.py's
# job in a real change): none of these changes alters a request the scenario sends.

# The generator's venv, named after the noxfile's digest: a new pin gets a new venv, so reusing one without
# reinstalling (nox --no-install) can never run a stale generator.
ENVDIR = ROOT / ".nox" / f"api-diff-example-{hashlib.sha256((ROOT / 'noxfile.py').read_bytes()).hexdigest()[:12]}"


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working tree's files (tracked and untracked, not ignored) committed in a fresh repository."""
    root = tmp_path_factory.mktemp("example") / "base"
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    return root


@pytest.fixture
def clone(base_repo: Path, tmp_path: Path) -> Iterator[Path]:
    subprocess.run(["git", "clone", "-q", str(base_repo), str(tmp_path / "repo")], check=True)
    yield tmp_path / "repo"


def generate(root: Path, vendor: str) -> None:
    """`nox -s generate -- VENDOR` in `root` (its own noxfile, specs and generated/), venvs kept in ENVDIR."""
    command = [sys.executable, "-m", "nox", "-f", str(root / "noxfile.py"), "--envdir", str(ENVDIR)]
    command += ["--reuse-existing-virtualenvs", "--no-install", "-s", "generate", "--", vendor]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def edit_spec(root: Path, vendor: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = root / "specs" / f"{vendor}.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(spec)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    generate(root, vendor)


def commit_as_ref(root: Path) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "REF")


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def test_example_intercom_renames_a_ticket_field(clone: Path) -> None:
    def rename(spec: dict[str, Any]) -> None:
        ticket = schema(spec, "Ticket")
        ticket["properties"] = {
            ("ticket_number" if k == "ticket_id" else k): v for k, v in ticket["properties"].items()
        }
        ticket["required"] = ["ticket_number" if k == "ticket_id" else k for k in ticket["required"]]

    edit_spec(clone, "intercom", rename)
    result = analyse(clone, "HEAD")
    assert result.layers("intercom", breaking=True) == {"specs", "python"}
    spec_words = {c.what for c in result.changes if c.layer == "specs"}
    assert "field `ticket_id` of the response 200 renamed to `ticket_number`" in spec_words
    python = {c.where for c in result.changes if c.layer == "python"}
    assert "intercom_client.models.ticket.Ticket.ticket_id" in python
    assert not result.gate.passed and result.gate.next_version == "0.2.0"
    # The release manager's answer: bump y (pre-1.0) and let api_diff draft the fragment; then it passes.
    written = clone / "overlays" / "ticketkit" / "_version.py"  # the one place the version is written
    written.write_text(written.read_text(encoding="utf-8").replace('"0.1.0"', '"0.2.0"', 1), encoding="utf-8")
    half = analyse(clone, "HEAD").gate
    assert half.new_version == "0.2.0" and verdict.stale_versions(clone, "0.1.0", "0.2.0") == []
    assert not half.passed and [r for r in half.reasons if "changelog fragment" in r] == list(half.reasons)
    drafted = analyse(clone, "HEAD", draft=True)
    assert drafted.drafted is not None and "intercom" in drafted.drafted.read_text(encoding="utf-8")
    assert drafted.gate.passed


def test_example_tickiti_adds_a_required_parameter(clone: Path) -> None:
    def add_locale(spec: dict[str, Any]) -> None:
        show = spec["paths"]["/api/v1/tickets/show"]["post"]
        show["parameters"] = [*show.get("parameters", []), {"name": "locale", "in": "query", "required": True,
                                                             "schema": {"type": "string"}}]  # fmt: skip

    edit_spec(clone, "tickiti", add_locale)
    result = analyse(clone, "HEAD")
    assert result.layers("tickiti", breaking=True) == {"specs", "python"}
    assert ("show_ticket (POST /api/v1/tickets/show)", "new required query parameter `locale`") in {
        (c.where, c.what) for c in result.changes if c.layer == "specs"
    }
    assert "tickiti_client.api.tickets.show_ticket.sync(locale)" in {c.where for c in result.changes}
    assert not result.gate.passed and result.gate.part == "minor"


def test_example_ankra_adds_an_enum_value(clone: Path) -> None:
    # REF: Ankra's ai_review_status is an enum (the spec keeps it a string today); then it gains a value.
    def make_enum(spec: dict[str, Any]) -> None:
        schema(spec, "Ticket")["properties"]["ai_review_status"]["enum"] = ["pending", "passed", "flagged"]

    edit_spec(clone, "ankra", make_enum)
    commit_as_ref(clone)
    edit_spec(
        clone,
        "ankra",
        lambda spec: schema(spec, "Ticket")["properties"]["ai_review_status"]["enum"].append("escalated"),
    )
    result = analyse(clone, "HEAD")
    # Breaking by the rules (a new value in a response); griffe sees a new enum member, which breaks no signature.
    assert result.layers("ankra", breaking=True) == {"specs"}
    assert result.layers("ankra", breaking=False) == set()
    assert not [c for c in result.changes if c.layer == "python"]
    assert not result.gate.passed and result.gate.part == "minor"


def test_example_routera_adds_an_optional_response_field(clone: Path) -> None:
    def add_due(spec: dict[str, Any]) -> None:
        schema(spec, "Ticket")["properties"]["sla_due_at"] = {"type": "string", "format": "date-time"}

    edit_spec(clone, "routera", add_due)
    result = analyse(clone, "HEAD")
    assert [c for c in result.changes if c.breaking] == []
    assert result.layers("routera", breaking=False) == {"specs"}
    assert result.gate.passed and (result.gate.part, result.gate.next_version) == ("patch", "0.1.1")
