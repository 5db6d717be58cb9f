"""The Intercom sandbox: an in-memory, stateful fake of Intercom's ticket API, answering each request in the
`Intercom-Version` it asks for (2.11 to 2.16) and a request without one in the app's version (default 2.16)."""

from ticketkit.sandbox._app import App

from .responses import IntercomApp
from .versions import DEFAULT


def make_app(*, token: str, base_url: str, api_version: str = DEFAULT) -> App:
    return IntercomApp(token, base_url, api_version)


__all__ = ["IntercomApp", "make_app"]
