"""Fakedesk, a made-up fifth vendor: a spec, an adapter and a sandbox app, all outside ticketkit's files.

`FAKEDESK` is its registry entry; `ticketkit._registry.register(FAKEDESK)` is all it takes for `connect()`,
the CLI, the sandbox and the demo to know it (tests/test_fake_vendor.py does that in a fixture). Its adapter
builds plain httpx request dicts: no generated client (so `desk.client` is None).
"""

from pathlib import Path
from typing import Annotated

from ticketkit._registry import CommonOptions, Option, Vendor

SPEC = Path(__file__).with_name("fakedesk.yaml")


class FakedeskOptions(CommonOptions, total=False):
    shelf: Annotated[str | None, Option("the shelf of tickets to work on (sent as X-Shelf), default 'main'")]


FAKEDESK = Vendor(
    name="fakedesk",
    title="Fakedesk",
    adapter="fake_vendor.adapter",
    sandbox="fake_vendor.sandbox",
    options=FakedeskOptions,
    # Served under a sub-path, to prove the registry's sandbox_path reaches the server.
    sandbox_path="/fake/v1",
    sandbox_options=(Option("the shelf the seeded tickets are on (main)", name="seed_shelf"),),
)
