"""The Intercom sandbox: an in-memory, stateful fake of Intercom's ticket API, answering each request in the
`Intercom-Version` it asks for (2.11 to 2.16) and a request without one in the app's version (default 2.16).

With `webhook_url=` and `webhook_secret=` (the app's client secret) it sends Intercom's signed notifications
when its tickets change (see `webhooks.py`)."""

from ticketkit.sandbox._app import App

from .responses import IntercomApp
from .versions import DEFAULT


def make_app(
    *,
    token: str,
    base_url: str,
    api_version: str = DEFAULT,
    webhook_url: str | None = None,
    webhook_secret: str | None = None,
) -> App:
    """The Intercom fake; with `webhook_url`, it posts signed ticket notifications there (`webhook_secret`)."""
    return IntercomApp(token, base_url, api_version, webhook_url, webhook_secret)


__all__ = ["IntercomApp", "make_app"]
