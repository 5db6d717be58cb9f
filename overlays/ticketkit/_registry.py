"""The vendor registry: which vendors exist, and for each, where its pieces are.

One `Vendor` entry says where a vendor's adapter module is (its `make_connection()`, and its default
`BASE_URL` when it has one), where its sandbox app is (`make_app()`), which generated client package it uses,
and which `connect()` keywords it takes, with the CLI flag, environment variable and help text of each.
`connect()`, the CLI, the sandbox and the demo all read it; nothing else lists the vendors.

The entries are plain data: a module is named, never imported, until a desk or sandbox of that vendor is made,
so `import ticketkit` stays cheap. The built-in four are at the end of this file; a plug-in (or a test) adds
one with `register(Vendor(...))` and takes it away with `unregister(name)`.

A vendor's keywords are a `TypedDict` over `CommonOptions`: one declaration that mypy checks callers against
(`connect("intercom", admin_id=...)`) and that the CLI and docs read at run time, each keyword's help in an
`Annotated[..., Option(...)]`.

(No `from __future__ import annotations` here: the option types are read at run time.)
"""

import importlib
from collections.abc import Mapping
from types import MappingProxyType, ModuleType
from typing import Annotated, Any, NamedTuple, TypedDict
from uuid import UUID

import httpx
from ticketkit_models import TicketStatus

from ._errors import InvalidArgumentError
from ._hooks import Hooks

ENVIRONMENT_PREFIX = "TICKETKIT_"


class Option(NamedTuple):
    """What the CLI and the docs say about one keyword of `connect()` (or of a sandbox app).

    `name` is filled in from the TypedDict key it annotates. With `cli=True` the keyword is also a flag of the
    `ticketkit` command (`--admin-id`) and an environment variable (`TICKETKIT_INTERCOM_ADMIN_ID`); the CLI
    passes its value as the text given.
    """

    help: str
    cli: bool = True
    name: str = ""

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def environment(self, vendor: str) -> str:
        return f"{ENVIRONMENT_PREFIX}{vendor.upper()}_{self.name.upper()}"


class CommonOptions(TypedDict, total=False):
    """The keywords every vendor's `connect()` takes, besides `transport` (whose type differs sync/async).

    Their defaults and checks are in `_connect.py`; this is what type checkers see.
    """

    token: str | None
    base_url: str | None
    timeout: float | httpx.Timeout | None
    headers: Mapping[str, str] | None
    allow_insecure: bool
    max_retries: int
    max_retry_wait: float
    max_download_bytes: int
    max_response_bytes: int
    attempt_timeout: float | None
    download_timeout: float
    call_timeout: float
    rate_limit: float | None
    concurrency: int
    hooks: Hooks | None


COMMON_KEYWORDS = frozenset(CommonOptions.__annotations__) | {"transport"}


class Vendor(NamedTuple):
    """One vendor: its name and where its pieces are. Module names are imported only when first needed.

    (A NamedTuple, as `Option` is: a dataclass costs `import ticketkit` about a millisecond more.)
    """

    name: str  # what `connect()` takes, lower case
    title: str  # how docs and messages spell it
    adapter: str  # module with `make_connection(Settings) -> ConnectionSpec` (and `BASE_URL`, if it has a default)
    sandbox: str  # module with `make_app(*, token, base_url, **sandbox_options) -> App`
    options: type[CommonOptions] = CommonOptions  # the vendor's keywords, each `Annotated[type, Option(...)]`
    client: str | None = None  # the generated client package behind `desk.client`
    # Where the in-process sandbox answers (never resolved); default: the adapter's BASE_URL.
    sandbox_url: str | None = None
    # The sub-path the served sandbox answers under (a self-hosted install, say), e.g. "/helpdesk".
    sandbox_path: str = ""
    sandbox_options: tuple[Option, ...] = ()  # keywords of `make_app()`, offered by `ticketkit sandbox serve`
    self_hosted: bool = False  # no default API base URL: connect() needs base_url=
    takes_requester: bool = False  # whether `tickets.create` takes (and needs) `requester_email=`
    demo_options: Mapping[str, Any] = MappingProxyType({})  # `connect()` keywords the demo adds

    # -- what is read from the modules, on first use --------------------------------------------------

    def adapter_module(self) -> ModuleType:
        return importlib.import_module(self.adapter)

    def sandbox_module(self) -> ModuleType:
        return importlib.import_module(self.sandbox)

    @property
    def base_url(self) -> str | None:
        """The default API base URL (the adapter module's BASE_URL); None for a self-hosted product."""
        if self.self_hosted:
            return None
        value = getattr(self.adapter_module(), "BASE_URL", None)
        return value if isinstance(value, str) else None

    def in_process_url(self) -> str:
        url = self.sandbox_url or self.base_url
        if url is None:
            raise ValueError(f"{self.name}: a self-hosted vendor's registry entry needs sandbox_url=")
        return url

    # -- keywords ---------------------------------------------------------------------------------------

    @property
    def vendor_options(self) -> tuple[Option, ...]:
        """The vendor's own `connect()` keywords (not the common ones), in declaration order."""
        return _vendor_options(self.options)

    @property
    def keywords(self) -> frozenset[str]:
        return frozenset(option.name for option in self.vendor_options)

    def cli_options(self) -> tuple[Option, ...]:
        return tuple(option for option in self.vendor_options if option.cli)

    def environment(self, suffix: str) -> str:
        return f"{ENVIRONMENT_PREFIX}{self.name.upper()}_{suffix}"


_OPTIONS_CACHE: dict[type[CommonOptions], tuple[Option, ...]] = {}


def _vendor_options(options: type[CommonOptions]) -> tuple[Option, ...]:
    found = _OPTIONS_CACHE.get(options)
    if found is None:
        listed: list[Option] = []
        # A TypedDict's __annotations__ holds every key, inherited ones too, already evaluated (this module
        # does not postpone annotations, and neither may a plug-in's); typing.get_type_hints would cost ~1 ms.
        for name, hint in options.__annotations__.items():
            if name in COMMON_KEYWORDS:
                continue
            described = [m for m in getattr(hint, "__metadata__", ()) if isinstance(m, Option)]
            if not described:
                raise TypeError(f"{options.__name__}.{name}: annotate it as Annotated[type, Option(help)]")
            listed.append(described[0]._replace(name=name))
        found = _OPTIONS_CACHE[options] = tuple(listed)
    return found


# -- the registry -----------------------------------------------------------------------------------------

_REGISTRY: dict[str, Vendor] = {}


def register(vendor: Vendor, *, replace: bool = False) -> Vendor:
    """Make `vendor` known to `connect()`, the CLI, the sandbox and the demo; returns it.

    A name already registered is refused unless `replace=True`. The modules it names are imported only when a
    desk or sandbox of it is first made, so registering is cheap.
    """
    if not vendor.name.isidentifier() or vendor.name != vendor.name.lower():
        raise ValueError(f"a vendor name is a lower-case identifier, not {vendor.name!r}")
    if vendor.name in _REGISTRY and not replace:
        raise ValueError(f"vendor {vendor.name!r} is already registered")
    if not all(option.name for option in vendor.sandbox_options):
        raise ValueError(f"{vendor.name}: every sandbox option needs name=")
    _REGISTRY[vendor.name] = vendor
    return vendor


def unregister(name: str) -> None:
    """Forget a vendor added with `register()` (a test's fake, say)."""
    _REGISTRY.pop(name, None)


def names() -> tuple[str, ...]:
    """The registered vendors' names, built-in ones first, in registration order."""
    return tuple(_REGISTRY)


def vendors() -> tuple[Vendor, ...]:
    return tuple(_REGISTRY.values())


def get(name: object) -> Vendor:
    """The vendor called `name` (any case); InvalidArgumentError naming the known ones otherwise."""
    vendor = _REGISTRY.get(name.lower()) if isinstance(name, str) else None
    if vendor is None:
        raise InvalidArgumentError(f"unknown vendor {name!r}; choose one of {', '.join(_REGISTRY)}")
    return vendor


# -- the built-in vendors ---------------------------------------------------------------------------------


class RouteraOptions(CommonOptions, total=False):
    """`connect("routera", ...)`: the common keywords and Routera's own (each with its help)."""

    client_id: Annotated[str | None, Option("OAuth2 client id; with client_secret=, instead of token=")]
    client_secret: Annotated[str | None, Option("OAuth2 client secret")]
    stage_map: Annotated[
        Mapping[str, TicketStatus] | None, Option("{stage: TicketStatus} for custom stages", cli=False)
    ]
    description_field: Annotated[str | None, Option("the ticket property that holds the description")]
    pipeline: Annotated[str | None, Option("the pipeline of created tickets, default 'default'", cli=False)]
    ticket_stage: Annotated[str | None, Option("the stage of created tickets, default 'new'", cli=False)]


class IntercomOptions(CommonOptions, total=False):
    """`connect("intercom", ...)`: the common keywords and Intercom's own (each with its help)."""

    api_version: Annotated[str, Option("the Intercom-Version spoken, '2.11' to '2.16', default '2.16'")]
    admin_id: Annotated[str | int | None, Option("the acting admin, numeric; from 2.14 sent on every update and close")]
    ticket_type_id: Annotated[str | int | None, Option("the ticket type of created tickets")]


class TickitiOptions(CommonOptions, total=False):
    """`connect("tickiti", ...)`: the common keywords and Tickiti's own (each with its help)."""

    agent_email: Annotated[str | None, Option("the agent that replies are sent as")]


class AnkraOptions(CommonOptions, total=False):
    """`connect("ankra", ...)`: the common keywords and Ankra's own (each with its help)."""

    organisation_id: Annotated[str | UUID | None, Option("the organisation, a uuid; default the token's own")]


register(
    Vendor(
        name="routera",
        title="Routera",
        adapter="ticketkit.vendors.routera",
        sandbox="ticketkit.sandbox.routera",
        client="routera_client",
        options=RouteraOptions,
        # The sandbox keeps descriptions in a custom field of that name (Routera has no standard one).
        demo_options={"description_field": "description"},
    )
)
register(
    Vendor(
        name="intercom",
        title="Intercom",
        adapter="ticketkit.vendors.intercom",
        sandbox="ticketkit.sandbox.intercom",
        client="intercom_client",
        options=IntercomOptions,
        sandbox_options=(
            Option("the Intercom-Version a request without that header is answered in (2.16)", name="api_version"),
            Option("post Intercom's signed ticket notifications to this URL", name="webhook_url"),
            Option("the app's client secret the notifications are signed with", name="webhook_secret"),
        ),
        takes_requester=True,
    )
)
register(
    Vendor(
        name="tickiti",
        title="Tickiti",
        adapter="ticketkit.vendors.tickiti",
        sandbox="ticketkit.sandbox.tickiti",
        client="tickiti_client",
        options=TickitiOptions,
        self_hosted=True,
        sandbox_url="https://tickiti.sandbox.test",
        # Tickiti is self-hosted, often under a sub-path: the served sandbox uses one to prove that works.
        sandbox_path="/helpdesk",
        takes_requester=True,
    )
)
register(
    Vendor(
        name="ankra",
        title="Ankra",
        adapter="ticketkit.vendors.ankra",
        sandbox="ticketkit.sandbox.ankra",
        client="ankra_client",
        options=AnkraOptions,
    )
)
