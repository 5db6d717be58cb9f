"""The sync and async surfaces are one surface (issue 13, item 2).

`Desk` and `AsyncDesk` and their resources are written as twins: each public method a signature, a docstring
and a delegation to the shared preparation in `_prepare.py`. Nothing makes the twins agree but this file: the
same public methods, parameter for parameter (names, kinds, defaults, annotations), the same docstrings, and
no logic in either body.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Any

import pytest
import ticketkit
from ticketkit import _desk

# The desk method whose async twin has another name, as httpx names it.
DESK_RENAMED = {"close": "aclose"}
# Methods that make an object without any I/O: a plain call on both desks (openai's `with_options` too).
NO_IO = {"desk.with_options"}
RESOURCES = {
    "tickets": (_desk.Tickets, _desk.AsyncTickets),
    "comments": (_desk.Comments, _desk.AsyncComments),
    "attachments": (_desk.Attachments, _desk.AsyncAttachments),
}
PAIRS = [("desk", ticketkit.Desk, ticketkit.AsyncDesk), *((name, *pair) for name, pair in RESOURCES.items())]


def renamed(label: str, name: str) -> str:
    return DESK_RENAMED.get(name, name) if label == "desk" else name


def public(cls: type) -> dict[str, Any]:
    """The public members a class defines or inherits (not object's), properties included."""
    names = {name for klass in cls.__mro__[:-1] for name in vars(klass) if not name.startswith("_")}
    return {name: inspect.getattr_static(cls, name) for name in names}


def methods(cls: type) -> dict[str, Callable[..., Any]]:
    return {name: member for name, member in public(cls).items() if inspect.isfunction(member)}


def twins() -> list[tuple[str, Callable[..., Any], Callable[..., Any]]]:
    found = []
    for label, sync, asynchronous in PAIRS:
        async_methods = methods(asynchronous)
        for name, method in methods(sync).items():
            found.append((f"{label}.{name}", method, async_methods[renamed(label, name)]))
    return found


def async_of(annotation: str) -> str:
    """The annotation an async twin returns for a sync one's: an iterator becomes an async iterator."""
    return annotation.replace("Iterator[", "AsyncIterator[")


@pytest.mark.parametrize(("label", "sync", "asynchronous"), PAIRS, ids=[pair[0] for pair in PAIRS])
def test_the_twins_have_the_same_public_members(label: str, sync: type, asynchronous: type) -> None:
    expected = {renamed(label, name) for name in public(sync)}
    assert set(public(asynchronous)) == expected


def test_both_desks_have_the_same_resources() -> None:
    desk = ticketkit.connect("routera", token="t")
    adesk = ticketkit.connect_async("routera", token="t")
    try:
        for name, (sync, asynchronous) in RESOURCES.items():
            assert type(getattr(desk, name)) is sync
            assert type(getattr(adesk, name)) is asynchronous
    finally:
        desk.close()


@pytest.mark.parametrize(("name", "sync", "asynchronous"), twins(), ids=[twin[0] for twin in twins()])
def test_each_method_and_its_async_twin_take_the_same_arguments(
    name: str, sync: Callable[..., Any], asynchronous: Callable[..., Any]
) -> None:
    ours, theirs = inspect.signature(sync), inspect.signature(asynchronous)
    assert list(theirs.parameters.values()) == list(ours.parameters.values())
    assert theirs.return_annotation == async_of(ours.return_annotation)


@pytest.mark.parametrize(("name", "sync", "asynchronous"), twins(), ids=[twin[0] for twin in twins()])
def test_each_method_and_its_async_twin_say_the_same(
    name: str, sync: Callable[..., Any], asynchronous: Callable[..., Any]
) -> None:
    assert sync.__doc__, f"{name} has no docstring"
    assert inspect.cleandoc(asynchronous.__doc__ or "") == inspect.cleandoc(sync.__doc__)


@pytest.mark.parametrize(("name", "sync", "asynchronous"), twins(), ids=[twin[0] for twin in twins()])
def test_an_async_twin_is_awaited_unless_it_iterates(
    name: str, sync: Callable[..., Any], asynchronous: Callable[..., Any]
) -> None:
    iterates = "AsyncIterator[" in inspect.signature(asynchronous).return_annotation
    assert inspect.iscoroutinefunction(asynchronous) is not (iterates or name in NO_IO)
    assert not inspect.iscoroutinefunction(sync)


RESOURCE_METHODS = [
    (f"{cls.__name__}.{name}", method)
    for pair in RESOURCES.values()
    for cls in pair
    for name, method in methods(cls).items()
]


@pytest.mark.parametrize(("name", "method"), RESOURCE_METHODS, ids=[item[0] for item in RESOURCE_METHODS])
def test_a_resource_method_only_delegates(name: str, method: Callable[..., Any]) -> None:
    """Its docstring, the per-call options bundled, and one `return` handing the preparation to the desk: any
    logic belongs in _prepare.py, where the sync and async desks share it."""
    [function] = ast.parse(textwrap.dedent(inspect.getsource(method))).body
    assert isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
    docstring, *statements = function.body
    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)
    assert len(statements) == 2, ast.unparse(function)
    bundle, delegation = statements
    assert ast.unparse(bundle) == "call = CallOptions(timeout, call_timeout, max_retries, extra_headers)"
    assert isinstance(delegation, ast.Return) and delegation.value is not None
    returned = ast.unparse(delegation.value)
    assert returned.removeprefix("await ").startswith(
        ("self._desk._run(self._", "self._desk._iterate(self._", "self._desk._pages(self._", "self._desk._many(self._")
    )
