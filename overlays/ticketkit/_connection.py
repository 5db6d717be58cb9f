"""What connect() hands a vendor module (`Settings`) and what the vendor module hands back (`ConnectionSpec`):
its adapter, where and how to reach it, its generated client. connect() opens the connection from that."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, Self

import httpx

from . import _arguments as args
from ._adapter import Adapter


@dataclass(frozen=True)
class Settings:
    """The keywords `connect()` was given, split into common ones and the vendor's own."""

    vendor: str
    token: str | None = field(repr=False)
    base_url: str | None
    options: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def require_token(self) -> str:
        return args.token(self.vendor, self.token)


class GeneratedClient(Protocol):
    """What every openapi-python-client `Client` offers: it can adopt an existing httpx client."""

    def set_httpx_client(self, client: httpx.Client) -> Self: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self: ...


@dataclass(frozen=True)
class ConnectionSpec:
    """How to reach one vendor, as its module's `make_connection()` says: connect() builds the desk's pooled
    httpx client from it (base URL, auth, headers) and hands the adapter and the generated client to the desk."""

    adapter: Adapter
    base_url: str
    auth: httpx.Auth
    headers: Mapping[str, str] = field(default_factory=dict)
    # The vendor's generated client, not yet connected: the desk hands it its own httpx client, so
    # `desk.client` (the escape hatch) shares the desk's pool.
    generated_client: GeneratedClient | None = None
