"""The demo data of a fresh sandbox: four tickets (open with a pinned note, on hold, resolved, urgent and
unassigned), their threads and attachments, hashtags and a watchlist. The first is the ticket of
shared/vendor-docs/tickiti-show-ticket.txt, with the ids the document shows.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import zipfile

from ticketkit.sandbox._app import now

from .install import AGENT_EMAIL, STAFF, VIP_WATCHLIST
from .models import Store


def _diagnostics_zip() -> bytes:
    """A real, tiny zip (fixed timestamps, so its sha256 is stable)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("diag.txt", date_time=(2026, 5, 2, 11, 30, 0))
        archive.writestr(info, "sole: carbon plate v3\nbatch: 2026-03-B\nreturn label: RL-55812\n")
    return buffer.getvalue()


# A 1x1 PNG: the inline image of an email reply.
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
RECEIPT_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
RETURN_FORM = b"PK\x03\x04 a macro-enabled return form"
HELPER_EXE = b"MZ\x90\x00 not really a program"


def seed_demo(store: Store) -> None:
    """Four tickets: open with a pinned note, on hold, resolved, and an urgent unassigned one."""
    start = now() - dt.timedelta(days=6)
    _seed_cracked_plate(store, start)
    _seed_sizing_exchange(store, start + dt.timedelta(days=1))
    _seed_missing_insoles(store, start + dt.timedelta(days=2))
    _seed_refund(store, start + dt.timedelta(days=4))


def _seed_cracked_plate(store: Store, at: dt.datetime) -> None:
    # The ticket of tickiti-show-ticket.txt, with the ids it shows (ticket 1, response 42, attachment 14494).
    store.skip_ids(responses=41, attachments=14494)
    ticket = store.open_ticket(
        subject="Carbon plate cracked on first marathon",
        originator_email="marcus@trailblazers-club.example",
        queue_id=4,
        at=at,
        number=220009,
    )
    store.skip_numbers(220009)
    ticket.assigned_to_email = AGENT_EMAIL
    ticket.hashtags = {"carbon-plate"}
    first = store.add_response(
        ticket,
        author=ticket.originator_email,
        html=(
            '<div class="WordSection1"><p class="MsoNormal">Hi, the carbon plate in my Vaporlite Elite '
            "cracked at km 30 of the Lisbon marathon.<o:p></o:p></p></div>"
        ),
        at=at,
    )
    first.is_email_sourced = True
    reply = store.add_response(
        ticket, author=AGENT_EMAIL, html="<p>Your replacement has shipped.</p>", at=at + dt.timedelta(days=1)
    )
    store.attach(reply, "UPDD Diag.zip", "application/zip", _diagnostics_zip())
    note = store.add_response(
        ticket,
        author=AGENT_EMAIL,
        html="<p>Replacement sent by courier.</p>",
        at=at + dt.timedelta(days=1, minutes=4),
        is_internal=True,
    )
    note.is_pinned = True


def _seed_sizing_exchange(store: Store, at: dt.datetime) -> None:
    ticket = store.open_ticket(
        subject="Sizing exchange: Vaporlite 2 in EU 44",
        originator_email="jun.tanaka@example.net",
        queue_id=5,
        at=at,
    )
    ticket.assigned_to_email = STAFF[1]
    ticket.priority = 30
    ticket.hashtags = {"exchange"}
    request = store.add_response(
        ticket,
        author=ticket.originator_email,
        html='<p>They run small, see the photo:</p><p><img src="cid:fit.png"></p>',
        at=at,
    )
    request.is_email_sourced = True
    store.attach(request, "fit.png", "image/png", PIXEL_PNG, is_inline=True)
    store.add_response(
        ticket,
        author=STAFF[1],
        html="<p>EU 44 is back in stock on the 20th; we will hold your exchange until then.</p>",
        at=at + dt.timedelta(hours=3),
    )
    ticket.hold((at + dt.timedelta(days=14)).date())


def _seed_missing_insoles(store: Store, at: dt.datetime) -> None:
    ticket = store.open_ticket(
        subject="Order SP-10482 arrived without insoles",
        originator_email="amara.okonkwo@example.org",
        queue_id=2,
        at=at,
    )
    ticket.assigned_to_email = AGENT_EMAIL
    ticket.priority = 10
    store.add_response(ticket, author=ticket.originator_email, html="<p>The box had no insoles in it.</p>", at=at)
    store.add_response(
        ticket,
        author=AGENT_EMAIL,
        html="<p>Sorry about that &mdash; a pair is on its way, tracking SP-TRK-2231.</p>",
        at=at + dt.timedelta(hours=2),
    )
    thanks = store.add_response(
        ticket, author=ticket.originator_email, html="<p>Got them, thanks!</p>", at=at + dt.timedelta(days=1)
    )
    ticket.status, ticket.resolved = "resolved", thanks.created_at + dt.timedelta(hours=1)
    ticket.updated_at = ticket.resolved


def _seed_refund(store: Store, at: dt.datetime) -> None:
    ticket = store.open_ticket(
        subject="Refund not received after 14 days",
        originator_email="lena.fischer@example.de",
        queue_id=4,
        at=at,
    )
    ticket.priority = 40
    ticket.hashtags = {"refund", "vip"}
    ticket.watchlists = {VIP_WATCHLIST}
    message = store.add_response(
        ticket,
        author=ticket.originator_email,
        html="<p>I returned the trail shoes on the 2nd and still have no refund. Receipt attached.</p>",
        at=at,
    )
    store.attach(message, "receipt.pdf", "application/pdf", RECEIPT_PDF)
    # A macro document needs review before download; a program is refused (the two gates of the client).
    store.attach(message, "return-form.docm", "application/vnd.ms-word.document.macroEnabled.12", RETURN_FORM)
    store.attach(message, "refund-helper.exe", "application/x-msdownload", HELPER_EXE)
