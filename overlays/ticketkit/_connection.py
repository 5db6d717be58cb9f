"""What a vendor module hands the desk: its adapter, where and how to reach it, its generated client."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, Self

import httpx

from ._adapter import Adapter
from ._errors import InvalidArgumentError, refuse_unknown
from ._parsing import header_safe


@dataclass(frozen=True)
class Settings:
    """The keywords `connect()` was given, split into common ones and the vendor's own."""

    vendor: str
    token: str | None = field(repr=False)
    base_url: str | None
    options: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def take(self, allowed: frozenset[str]) -> Mapping[str, Any]:
        """The vendor options, after refusing any the vendor does not know."""
        refuse_unknown(f"connect({self.vendor!r})", self.options, allowed, "this vendor also accepts")
        return self.options

    def require_token(self) -> str:
        if not self.token:
            raise InvalidArgumentError(f"connect({self.vendor!r}) needs token=")
        # A token goes into a header: anything but visible ASCII (a pasted newline, say) would make httpx
        # refuse the header later, in an error message that quotes it.
        if not header_safe(self.token):
            raise InvalidArgumentError(f"connect({self.vendor!r}): the token has characters a header cannot carry")
        return self.token


class GeneratedClient(Protocol):
    """What every openapi-python-client `Client` offers: it can adopt an existing httpx client."""

    def set_httpx_client(self, client: httpx.Client) -> Self: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self: ...


@dataclass(frozen=True)
class Connection:
    adapter: Adapter
    base_url: str
    auth: httpx.Auth
    headers: Mapping[str, str] = field(default_factory=dict)
    # The vendor's generated client, not yet connected: the desk hands it its own httpx client, so
    # `desk.client` (the escape hatch) shares the desk's pool.
    generated_client: GeneratedClient | None = None
