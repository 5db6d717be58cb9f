"""The Intercom sandbox: an in-memory, stateful fake of Intercom's ticket API (2.11 shapes, 2.12+/2.16 on request)."""

from ticketkit.sandbox._app import App

from .responses import IntercomApp


def make_app(*, token: str, base_url: str) -> App:
    return IntercomApp(token, base_url)


__all__ = ["IntercomApp", "make_app"]
