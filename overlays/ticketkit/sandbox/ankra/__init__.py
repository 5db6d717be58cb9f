"""The Ankra sandbox: an in-memory fake of Ankra's support-ticket API (see `responses.AnkraApp`)."""

from __future__ import annotations

from ticketkit.sandbox._app import App

from .models import PRIMARY_ORGANISATION_ID, SECOND_ORGANISATION_ID
from .responses import AnkraApp


def make_app(*, token: str, base_url: str) -> App:
    return AnkraApp(token=token, base_url=base_url)


__all__ = ["PRIMARY_ORGANISATION_ID", "SECOND_ORGANISATION_ID", "AnkraApp", "make_app"]
