"""The vendor registry (`_registry.py`): every built-in entry has its pieces, and what derives from it agrees."""

from __future__ import annotations

import importlib
import inspect
import typing

import pytest
import ticketkit
from support import SPECS
from ticketkit import _connect
from ticketkit import _registry as registry
from ticketkit._transport import RequestOptions

BUILT_IN = ("routera", "intercom", "tickiti", "ankra")


def test_the_built_in_vendors_in_order() -> None:
    assert registry.names()[:4] == BUILT_IN


@pytest.mark.parametrize("name", BUILT_IN)
def test_each_entry_names_pieces_that_exist(name: str) -> None:
    entry = registry.get(name)
    assert callable(entry.adapter_module().make_connection)
    assert callable(entry.sandbox_module().make_app)
    assert entry.client is not None and hasattr(importlib.import_module(entry.client), "Client")
    assert (SPECS / f"{name}.yaml").is_file() and (SPECS / f"{name}.config.yaml").is_file()
    assert (entry.base_url is None) == entry.self_hosted
    assert entry.in_process_url().startswith("https://")
    assert entry.vendor_options and all(option.help for option in entry.vendor_options)


def test_the_common_keywords_are_the_same_in_the_typeddict_the_overloads_and_the_builder() -> None:
    typed = set(registry.CommonOptions.__annotations__) | {"transport"}
    built = {p.name for p in inspect.signature(_connect._assemble).parameters.values() if p.kind is p.KEYWORD_ONLY}
    assert typed == registry.COMMON_KEYWORDS == built
    for function in (ticketkit.connect, ticketkit.connect_async):
        last = inspect.signature(typing.get_overloads(function)[-1]).parameters
        assert set(last) - {"vendor", "vendor_options"} == typed
        for overload in typing.get_overloads(function)[:-1]:  # one per built-in vendor
            assert set(inspect.signature(overload).parameters) == {"vendor", "transport", "options"}


def test_the_defaults_are_the_desks_and_help_shows_them() -> None:
    defaults = RequestOptions()
    shown = inspect.signature(ticketkit.connect).parameters
    assert shown["max_retries"].default == defaults.max_retries == 2
    assert shown["max_retry_wait"].default == defaults.max_retry_wait
    assert shown["max_download_bytes"].default == defaults.max_download_bytes
    assert shown["call_timeout"].default == defaults.call_timeout
    doc = " ".join((ticketkit.connect.__doc__ or "").split())
    assert f"`max_retries` (default {defaults.max_retries})" in doc
    assert f"default {defaults.max_download_bytes // 2**20} MiB" in doc


def test_the_docstring_lists_every_vendors_options() -> None:
    doc = " ".join((ticketkit.connect.__doc__ or "").split())
    for entry in registry.vendors():
        for option in entry.vendor_options:
            assert f"`{option.name}`: {option.help}" in doc
    assert "required for Tickiti: self-hosted" in doc


def test_a_desk_gets_the_defaults() -> None:
    from ticketkit.sandbox import Sandbox

    with ticketkit.connect("ankra", **Sandbox("ankra").connect_options()) as desk:
        options = desk._options
        assert (options.max_retries, options.max_retry_wait, options.max_download_bytes) == (2, 60.0, 100 * 2**20)


def test_an_option_without_help_is_refused_when_read() -> None:
    class Bare(registry.CommonOptions, total=False):
        color: str

    entry = registry.Vendor(name="bare", title="Bare", adapter="x", sandbox="y", options=Bare)
    with pytest.raises(TypeError, match=r"Bare\.color: annotate it as Annotated\[type, Option\(help\)\]"):
        entry.cli_options()
