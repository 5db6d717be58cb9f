"""What mypy infers from connect()'s overloads: checked by `nox -s typecheck` (mypy --strict), never run.

Each built-in vendor's desk carries its generated client type; a vendor name only known at run time (a
plug-in's, a variable's) gives `Desk[Any]`. Mistakes are in mistakes.py; run_checkers.py runs both checkers.
"""
# pyright: strict

from __future__ import annotations

from typing import Any, assert_type

import ankra_client
import httpx
import intercom_client
import routera_client
import ticketkit
import tickiti_client
from ticketkit import AsyncDesk, Desk


def sync_desks() -> None:
    assert_type(ticketkit.connect("routera", token="t"), Desk[routera_client.Client])
    assert_type(ticketkit.connect("intercom", token="t", admin_id=814860), Desk[intercom_client.Client])
    tickiti = ticketkit.connect("tickiti", base_url="https://h.example", agent_email="a@b.c")
    assert_type(tickiti, Desk[tickiti_client.Client])
    assert_type(ticketkit.connect("ankra", token="t", transport=httpx.HTTPTransport()), Desk[ankra_client.Client])
    with ticketkit.connect("intercom", token="t", api_version="2.11", max_retries=0) as desk:
        assert_type(desk.client, intercom_client.Client)
        assert_type(desk.client.get_httpx_client(), httpx.Client)


async def async_desks() -> None:
    desk = ticketkit.connect_async("ankra", token="t", organisation_id="0f8f…", call_timeout=5)
    assert_type(desk, AsyncDesk[ankra_client.Client])
    assert_type(desk.client, ankra_client.Client)
    assert_type(ticketkit.connect_async("routera", client_id="i", client_secret="s"), AsyncDesk[routera_client.Client])


def any_vendor(name: str, options: dict[str, Any]) -> None:
    desk = ticketkit.connect(name, token="t", **options)
    assert_type(desk, Desk[Any])
    untyped: Desk = desk  # a bare Desk is Desk[Any]: no type argument needed under --strict
    assert_type(untyped.client, Any)
