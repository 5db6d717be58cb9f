"""A transport that answers its first requests with given statuses, then hands every request to another
transport (a sandbox's): a retried call against a real fake, deterministic, sync and async."""

from __future__ import annotations

import httpx


class Flaky(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """`statuses` first (one request each, a JSON error body and any `headers`), then `inner`."""

    def __init__(self, inner: httpx.BaseTransport, *statuses: int, headers: dict[str, str] | None = None) -> None:
        self.inner = inner
        self.statuses = list(statuses)
        self.headers = headers or {}
        self.paths: list[str] = []

    def _failure(self, request: httpx.Request) -> httpx.Response | None:
        self.paths.append(request.url.path)
        if not self.statuses:
            return None
        status = self.statuses.pop(0)
        return httpx.Response(status, json={"message": f"flaky {status}"}, headers=self.headers)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._failure(request) or self.inner.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        failure = self._failure(request)
        if failure is not None:
            return failure
        assert isinstance(self.inner, httpx.AsyncBaseTransport)
        return await self.inner.handle_async_request(request)
