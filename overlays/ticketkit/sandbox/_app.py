"""The pieces every vendor fake is built from: routing, JSON answers, bearer checks, ids and clocks.

A fake is an `App`: `handle(httpx.Request) -> httpx.Response`, with its state in memory. It is written from
the specs and the vendor documents and imports nothing from the adapters, so an adapter's mistake cannot
hide behind the same mistake in its fake.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import unquote

import httpx

from ._synthetic import Synthetic
from ._webhooks import Notifier

Handler = Callable[..., httpx.Response]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler_name: str


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    """Mark an App method as the handler of `METHOD /path/{param}`; params match one path segment."""

    def mark(handler: Handler) -> Handler:
        handler._routes = [*getattr(handler, "_routes", []), (method, template)]  # type: ignore[attr-defined]
        return handler

    return mark


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[a-z_]+\})", template)
    regex = "".join(f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}$")


class HTTPError(Exception):
    """Raised inside a handler to answer with an error response."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    content = json.dumps(body, separators=(",", ":")).encode()
    return httpx.Response(status, content=content, headers={"content-type": "application/json", **(headers or {})})


class App:
    """One vendor's fake API. Subclasses declare routes with `@route` and keep their state as attributes."""

    vendor: ClassVar[str]
    _table: ClassVar[list[Route]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._table = [
            Route(method, _compile(template), name)
            for name, member in vars(cls).items()
            for method, template in getattr(member, "_routes", [])
        ]

    def __init__(self, token: str, base_url: str) -> None:
        self.token = token
        self.base_url = base_url.rstrip("/")
        self.lock = threading.RLock()  # the loopback server answers from several threads
        self.clock_skew = 0.0  # seconds added to every time the fake writes (`Sandbox(clock_skew=...)`)
        self.total_shortfall = 0  # how many fewer tickets a listing's total reports (`Sandbox(total_shortfall=)`)
        self.webhooks: Notifier | None = None  # a fake that sends webhooks sets it (`Sandbox.flush_webhooks`)

    # -- what subclasses provide -----------------------------------------------------------------------

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        """An error response in the vendor's own body shape."""
        raise NotImplementedError

    def unauthorized(self) -> httpx.Response:
        return self.error(401, "unauthorized", "missing or wrong bearer token")

    def not_found(self, what: str) -> httpx.Response:
        return self.error(404, "not_found", f"{what} not found")

    def no_route(self, request: httpx.Request, allowed: list[str]) -> httpx.Response:
        """No handler: 405 with `Allow` when only the method is wrong (`allowed` lists the right ones), else 404."""
        if allowed:
            response = self.error(405, "method_not_allowed", f"{request.method} is not allowed here")
            response.headers["Allow"] = ", ".join(allowed)
            return response
        return self.not_found(f"no route for {request.method} {request.url.path}:")

    def seed(self) -> None:
        """Fill the store with a few demo tickets, with threads and attachments."""

    def use_synthetic(self, synthetic: Synthetic) -> None:
        """Hold `synthetic.count` lazily generated tickets (`Sandbox(tickets=N)`); a fake that cannot says so."""
        raise ValueError(f"the {self.vendor} sandbox has no synthetic data set (tickets=)")

    def synthetic_index(self, ticket_id: str) -> int | None:
        """The synthetic index of a ticket id, for `corrupt_tickets` given as ids (None: not synthetic)."""
        return None

    def settle(self) -> None:
        """After each request: a fake with a synthetic data set keeps what the request changed."""

    def reported_total(self, true_total: int) -> int:
        """The total a listing reports: the true one, less `total_shortfall` (a vendor that under-reports)."""
        return max(0, true_total - self.total_shortfall)

    def now(self) -> dt.datetime:
        """The fake's clock (whole seconds, UTC): the real one, shifted by `clock_skew`."""
        return now() + dt.timedelta(seconds=self.clock_skew)

    def rate_limit_headers(self, limit: int, remaining: int, reset: int) -> dict[str, str]:
        """The headers the vendor puts on every answer under a rate limit (`reset`: Unix seconds); none here."""
        return {}

    def too_many_requests(self, retry_after: int) -> httpx.Response:
        """The vendor's 429 when the sandbox's rate limit is reached: its error body and `Retry-After`."""
        response = self.error(429, "rate_limit_exceeded", "Too many requests: rate limit exceeded")
        response.headers["Retry-After"] = str(retry_after)
        return response

    def connect_options(self) -> dict[str, Any]:
        """The credentials and vendor keywords `ticketkit.connect()` needs to use this fake."""
        return {"token": self.token}

    def authorized(self, request: httpx.Request, handler_name: str) -> bool:
        given: str | None = request.headers.get("authorization")
        return given == f"Bearer {self.token}"

    # -- dispatch ------------------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode("ascii").split("?")[0]
        prefix = httpx.URL(self.base_url).raw_path.decode("ascii").rstrip("/")
        if prefix and path.startswith(prefix):
            path = path[len(prefix) :] or "/"
        for candidate in self._table:
            match = candidate.pattern.match(path)
            if match is None or candidate.method != request.method:
                continue
            params = {k: unquote(v) for k, v in match.groupdict().items()}
            try:
                if not self.authorized(request, candidate.handler_name):
                    return self.unauthorized()
                with self.lock:
                    try:
                        response: httpx.Response = getattr(self, candidate.handler_name)(request, **params)
                    finally:
                        self.settle()
                    return response
            except HTTPError as error:
                return error.response
        allowed = sorted({r.method for r in self._table if r.pattern.match(path)})
        return self.no_route(request, allowed)

    # -- helpers for handlers --------------------------------------------------------------------------

    @staticmethod
    def json(request: httpx.Request) -> Any:
        """The request's JSON body; None when it has none or it is not JSON (handlers then refuse it)."""
        if not request.content:
            return None
        try:
            return json.loads(request.content)
        except ValueError:
            return None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    """ISO 8601 with `Z`, as Routera and Ankra write it."""
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
