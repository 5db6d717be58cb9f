"""What an editor shows: every public name, desk method, vendor keyword and error attribute has real help."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import ticketkit
from ticketkit import _fields, _registry
from ticketkit._desk import AsyncAttachments, AsyncComments, AsyncTickets, Attachments, Comments, Tickets

ERROR_NAMES = {name for name in ticketkit.__all__ if name.endswith("Error")}
PUBLIC = [name for name in ticketkit.__all__ if name != "__version__"]
NAMESPACES = [Tickets, Comments, Attachments, AsyncTickets, AsyncComments, AsyncAttachments]
VENDORS_DIR = Path(inspect.getfile(ticketkit)).parent / "vendors"


def words(doc: str | None) -> str:
    return " ".join((doc or "").split())


def is_trivial(doc: str | None, name: str) -> bool:
    """No docstring, a few words, or one that only repeats the name."""
    text = words(doc)
    return len(text) < 20 or text.rstrip(".").lower() == name.lower()


def public_members(owner: type) -> dict[str, Any]:
    return {name: member for name, member in vars(owner).items() if not name.startswith("_")}


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_says_what_it_is(name: str) -> None:
    obj = getattr(ticketkit, name)
    assert not is_trivial(inspect.getdoc(obj), name), f"ticketkit.{name} has no real docstring"


@pytest.mark.parametrize("name", ["connect", "connect_async"])
def test_the_connect_functions_say_what_they_raise(name: str) -> None:
    assert "Raises InvalidArgumentError" in words(getattr(ticketkit, name).__doc__)


@pytest.mark.parametrize("owner", [ticketkit.Desk, ticketkit.AsyncDesk, *NAMESPACES], ids=lambda c: c.__name__)
def test_the_desks_and_their_namespaces_have_help_on_every_public_member(owner: type) -> None:
    assert not is_trivial(owner.__doc__, owner.__name__), f"{owner.__name__} has no real docstring"
    members = {**public_members(owner), **({} if owner in NAMESPACES else public_members(owner.__mro__[1]))}
    assert members
    for name, member in members.items():
        doc = member.fget.__doc__ if isinstance(member, property) else getattr(member, "__doc__", None)
        assert not is_trivial(doc, name), f"{owner.__name__}.{name} has no real docstring"


@pytest.mark.parametrize("owner", NAMESPACES, ids=lambda c: c.__name__)
def test_each_method_that_calls_the_vendor_names_what_it_raises(owner: type) -> None:
    for name, method in public_members(owner).items():
        doc = words(method.__doc__)
        assert "Raises" in doc, f"{owner.__name__}.{name}: no 'Raises' in its docstring"
        named = {error for error in ERROR_NAMES if re.search(rf"\b{error}\b", doc)}
        assert {"APIStatusError", "InvalidArgumentError"} <= named, f"{owner.__name__}.{name} names only {named}"


ERRORS = [getattr(ticketkit, name) for name in sorted(ERROR_NAMES)]


@pytest.mark.parametrize("error", ERRORS, ids=lambda c: c.__name__)
def test_each_error_names_the_attributes_it_sets(error: type[Exception]) -> None:
    """Each attribute an error's own __init__ sets is named, `in backticks`, in that class's docstring."""
    init = vars(error).get("__init__")
    if init is None:  # inherits its attributes, documented where they are set
        return
    attributes = set(re.findall(r"self\.([a-z]\w*)(?::[^=]*)? =", inspect.getsource(init))) - {"args"}
    doc = error.__doc__ or ""
    missing = sorted(attribute for attribute in attributes if f"`{attribute}`" not in doc)
    assert not missing, f"{error.__name__}'s docstring does not name {missing}"


def typed_dicts_of(module: Path) -> dict[str, dict[str, str]]:
    """{TypedDict class: {key: its docstring}} of a vendor module, read from its source."""
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef) or not node.name.endswith("Fields"):
            continue
        keys: dict[str, str] = {}
        body = node.body
        for index, statement in enumerate(body):
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                following = body[index + 1] if index + 1 < len(body) else None
                is_doc = isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                keys[statement.target.id] = following.value.value if is_doc else ""  # type: ignore[union-attr]
        found[node.name] = keys
    return found


@pytest.mark.parametrize("vendor", [entry.name for entry in _registry.vendors()])
def test_each_vendor_keyword_of_the_desk_methods_says_which_vendor_it_belongs_to(vendor: str) -> None:
    entry = _registry.get(vendor)
    declared = typed_dicts_of(VENDORS_DIR / f"{vendor}.py")
    assert declared, f"{vendor}: no *Fields TypedDict"
    adapter = entry.adapter_module()
    for name, keys in declared.items():
        assert name.startswith(entry.title), name
        assert keys and not set(keys) & _fields.COMMON, f"{name} repeats a common keyword"
        for key, doc in keys.items():
            assert doc.startswith(f"{entry.title}: ") and len(doc) > len(entry.title) + 10, f"{name}.{key}: {doc!r}"
        assert _fields.own_keys(getattr(adapter, name)) == frozenset(keys)


@pytest.mark.parametrize("vendor", [entry.name for entry in _registry.vendors()])
def test_the_adapters_run_time_checks_are_the_typeddicts_keys(vendor: str) -> None:
    """The adapter's option sets come from its TypedDicts, and each non-empty one has its TypedDict."""
    adapter_module = _registry.get(vendor).adapter_module()
    title = _registry.get(vendor).title
    adapters = [v for v in vars(adapter_module).values() if isinstance(v, type) and v.__name__.endswith("Adapter")]
    (adapter,) = [a for a in adapters if a.__module__ == adapter_module.__name__]
    for attribute, kind in [
        ("create_options", "Create"),
        ("update_options", "Update"),
        ("list_options", "List"),
        ("comment_options", "Comment"),
    ]:
        fields = getattr(adapter_module, f"{title}{kind}Fields", None)
        expected = frozenset() if fields is None else _fields.own_keys(fields)
        assert getattr(adapter, attribute) == expected, f"{adapter.__name__}.{attribute}"
