"""What this sandbox install is configured with: staff, queues, perspectives, watchlists, templates, interventions
and the attachment-type rules. An install's own data, so only the defaults Tickiti's client relies on are fixed:
the 'All' perspective and the 'Inbox' queue [client: tickiti-mcp src/tools/tickets.ts]; the rest is demo data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

# The token owner: a staff account that can see every queue (the document's agent).
AGENT_EMAIL = "priya.sharma@sole-provider.example"
STAFF = (AGENT_EMAIL, "tom.okafor@sole-provider.example")

# Queue ids as stored (strings on the wire). A ticket created without `queue_name` lands in the Inbox.
INBOX = 1
QUEUES = {INBOX: "Inbox", 2: "General", 4: "Returns", 5: "Warranty"}

# Saved perspectives (views): id -> name. 'All' is the one query_tickets uses when none is named.
ALL, MINE, UNASSIGNED = 1, 2, 3
PERSPECTIVES = {ALL: "All", MINE: "Mine", UNASSIGNED: "Unassigned"}

# Watchlists: id -> name (the tickets on each are kept on the tickets).
VIP_WATCHLIST = 1
WATCHLISTS = {VIP_WATCHLIST: "VIP customers"}


@dataclass(frozen=True)
class Template:
    """A ticket written from `{{token}}` placeholders filled from the create request's `data`."""

    subject: str
    content: str


# Templates by identifier; interventions by name (an intervention also needs a `uid`).
TEMPLATES = {
    "warranty-claim": Template(
        subject="Warranty claim for order {{order_number}}",
        content="<p>Warranty claim for order {{order_number}}: {{issue}}</p>",
    ),
}
INTERVENTIONS = {
    "Return label request": Template(
        subject="Return label for order {{order_number}}",
        content="<p>Please send a return label for order {{order_number}}.</p>",
    ),
}

# Attachment types by extension: most are allowed; some need review before download, some are refused.
REVIEWED_EXTENSIONS = frozenset({".docm", ".xlsm", ".js"})
BLOCKED_EXTENSIONS = frozenset({".exe", ".bat", ".scr"})


def extension_rule(name: str) -> str:
    """`allowed` [doc], `review` or `blocked` [inferred names for what the client calls review-gated and
    hard-blocked types]."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in BLOCKED_EXTENSIONS:
        return "blocked"
    if suffix in REVIEWED_EXTENSIONS:
        return "review"
    return "allowed"


def fill(template: str, data: Mapping[str, object]) -> str:
    """`{{token}}` placeholders replaced by `data`'s values; a token without a value stays as written."""
    for token, value in data.items():
        template = template.replace("{{" + token + "}}", str(value))
    return template


def named(names: dict[int, str], name: str) -> int | None:
    """The id of the entry called `name`, compared without case (as a MySQL collation would)."""
    wanted = name.casefold()
    return next((key for key, value in names.items() if value.casefold() == wanted), None)
