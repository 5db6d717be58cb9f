"""The Routera sandbox: OAuth client credentials and tickets as flat CRM objects, in memory.

from ticketkit.sandbox import Sandbox

sandbox = Sandbox("routera")
desk = ticketkit.connect("routera", **sandbox.connect_options(), description_field="description")
"""

from __future__ import annotations

from .._app import App
from .responses import RouteraApp


def make_app(*, token: str, base_url: str) -> App:
    return RouteraApp(token=token, base_url=base_url)


__all__ = ["RouteraApp", "make_app"]
