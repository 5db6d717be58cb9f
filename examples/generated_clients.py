"""Demo: the four generated clients, each answering from its vendor's documented example.

No network: every client gets an `httpx.MockTransport` that replies with the JSON printed in the vendor's
own document (tests/fixtures/vendor_docs/). Run it with `python3 -m nox -s demo`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

DOCS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "vendor_docs"


def documented(document: str, example: str) -> dict[str, Any]:
    data = json.loads((DOCS / document).read_text(encoding="utf-8"))["examples"][example]
    return dict(data["value"])


def answering(body: dict[str, Any], seen: list[httpx.Request]) -> dict[str, Any]:
    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body)

    return {"transport": httpx.MockTransport(reply)}


def routera(seen: list[httpx.Request]) -> tuple[str, str, str]:
    from routera_client import AuthenticatedClient
    from routera_client.api.tickets import get_ticket
    from routera_client.models import Ticket

    body = documented("routera-get-ticket.json", "response_example")
    with AuthenticatedClient("https://api.routera.io", token="demo", httpx_args=answering(body, seen)) as c:
        ticket = get_ticket.sync(body["id"], client=c)
    assert isinstance(ticket, Ticket)
    return ticket.id, str(ticket.ticket_name), str(ticket.ticket_stage)


def intercom(seen: list[httpx.Request]) -> tuple[str, str, str]:
    from intercom_client import AuthenticatedClient
    from intercom_client.api.tickets import retrieve_ticket
    from intercom_client.models import Ticket

    body = documented("intercom-retrieve-ticket.json", "response_sample")
    with AuthenticatedClient("https://api.intercom.io", token="demo", httpx_args=answering(body, seen)) as c:
        ticket = retrieve_ticket.sync(body["id"], client=c)
    assert isinstance(ticket, Ticket)
    title = ticket.ticket_attributes.additional_properties.get("_default_title_")
    return ticket.id, str(title), str(ticket.ticket_state)


def tickiti(seen: list[httpx.Request]) -> tuple[str, str, str]:
    from tickiti_client import AuthenticatedClient
    from tickiti_client.api.tickets import show_ticket
    from tickiti_client.models import ShowTicketOk, TicketNumberRequest

    body = documented("tickiti-show-ticket.json", "successful_response")
    base = "https://support.example.com"
    with AuthenticatedClient(base, token="demo", httpx_args=answering(body, seen)) as c:
        answer = show_ticket.sync(client=c, body=TicketNumberRequest(ticket_number="220009"))
    assert isinstance(answer, ShowTicketOk)
    ticket = answer.data.ticket
    return str(ticket.number), ticket.subject, f"{ticket.status} ({len(answer.data.responses)} responses)"


def ankra(seen: list[httpx.Request]) -> tuple[str, str, str]:
    from ankra_client import AuthenticatedClient
    from ankra_client.api.tickets import get_ticket
    from ankra_client.models import Ticket

    body = documented("ankra-get-ticket.json", "response_example")
    base = "https://platform.ankra.app"
    with AuthenticatedClient(base, token="demo", httpx_args=answering(body, seen)) as c:
        ticket = get_ticket.sync(body["id"], client=c)
    assert isinstance(ticket, Ticket)
    return str(ticket.id), ticket.subject, f"{ticket.status} ({len(ticket.comments or [])} comments)"


DEMOS: dict[str, Callable[[list[httpx.Request]], tuple[str, str, str]]] = {
    "routera": routera,
    "intercom": intercom,
    "tickiti": tickiti,
    "ankra": ankra,
}


def main() -> None:
    rows = [("vendor", "request sent", "id", "subject", "status")]
    for vendor, demo in DEMOS.items():
        seen: list[httpx.Request] = []
        ticket_id, subject, status = demo(seen)
        request = seen[0]
        rows.append((vendor, f"{request.method} {request.url.path}", ticket_id, subject, status))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))


if __name__ == "__main__":
    main()
