"""The Tickiti sandbox: an in-memory Tickiti install (v1 ticket routes), seeded with four demo tickets."""

from __future__ import annotations

from ticketkit.sandbox._app import App

from .responses import TickitiApp


def make_app(*, token: str, base_url: str) -> App:
    """A Tickiti fake answering under `base_url` (its path, e.g. `/helpdesk`, is the install's sub-path).

    Tickiti tokens are Laravel Sanctum's `<id>|<secret>`: a token without the `<id>|` gets `1|` in front.
    """
    return TickitiApp(token if "|" in token else f"1|{token}", base_url)


__all__ = ["TickitiApp", "make_app"]
