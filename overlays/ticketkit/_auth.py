"""Authentication as httpx.Auth flows: the token goes on each request, never into client headers.

Keeping it out of the client's default headers means a request the desk sends elsewhere (an attachment URL on
another host) carries no Authorization unless the flow adds it, and `repr()` never shows it.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx


class BearerToken(httpx.Auth):
    """`Authorization: Bearer <token>` on every request."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "BearerToken(<redacted>)"
