"""Fakedesk's sandbox: tickets on shelves, in memory, answered as fakedesk.yaml says."""

from __future__ import annotations

import httpx
from ticketkit.sandbox._app import App, json_response, route

PAGE = 2  # the spec's default `limit`: small, so a list of the seed takes several pages


class FakedeskApp(App):
    vendor = "fakedesk"

    def __init__(self, token: str, base_url: str, seed_shelf: str = "main") -> None:
        super().__init__(token, base_url)
        self.seed_shelf = seed_shelf
        self.tickets: dict[str, dict[str, object]] = {}

    def error(self, status: int, code: str, message: str) -> httpx.Response:
        return json_response(status, {"problem": f"{code}: {message}"})

    def seed(self) -> None:
        for title in ("Printer on fire", "Coffee machine empty", "Door squeaks"):
            self._add(title, None, self.seed_shelf)

    def _add(self, title: str, body: str | None, shelf: str) -> dict[str, object]:
        ticket: dict[str, object] = {"id": f"F-{len(self.tickets) + 1}", "title": title, "body": body, "state": "open"}
        ticket["shelf"] = shelf
        self.tickets[str(ticket["id"])] = ticket
        return ticket

    @staticmethod
    def _shelf(request: httpx.Request) -> str:
        return request.headers.get("x-shelf", "main")

    @route("GET", "/tickets")
    def list_tickets(self, request: httpx.Request) -> httpx.Response:
        on_shelf = [t for t in self.tickets.values() if t["shelf"] == self._shelf(request)]
        after = request.url.params.get("after")
        start = next((i + 1 for i, t in enumerate(on_shelf) if t["id"] == after), 0)
        limit = int(request.url.params.get("limit", PAGE))
        page = on_shelf[start : start + limit]
        more = start + limit < len(on_shelf)
        return json_response(200, {"tickets": page, "next": page[-1]["id"] if more and page else None})

    @route("POST", "/tickets")
    def create_ticket(self, request: httpx.Request) -> httpx.Response:
        body = self.json(request)
        if not isinstance(body, dict) or not isinstance(body.get("title"), str) or not body["title"]:
            return self.error(400, "invalid", "title is required")
        return json_response(201, self._add(body["title"], body.get("body"), self._shelf(request)))

    @route("GET", "/tickets/{ticket_id}")
    def get_ticket(self, request: httpx.Request, ticket_id: str) -> httpx.Response:
        ticket = self.tickets.get(ticket_id)
        if ticket is None or ticket["shelf"] != self._shelf(request):
            return self.not_found(f"ticket {ticket_id}")
        return json_response(200, ticket)


def make_app(*, token: str, base_url: str, seed_shelf: str = "main") -> App:
    return FakedeskApp(token, base_url, seed_shelf)
