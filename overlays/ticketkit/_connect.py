"""`connect()` and `connect_async()`: pick the vendor module, build one pooled httpx client, wrap it."""

from __future__ import annotations

import importlib
from typing import Any, Protocol

import httpx

from . import _arguments as args
from ._connection import Connection, Settings
from ._desk import AsyncDesk, Desk
from ._errors import InvalidArgumentError
from ._logging import configure_from_environment
from ._redaction import Secrets, without_userinfo
from ._transport import RequestOptions, aset_aside_unusable_location, set_aside_unusable_location

# Vendor modules load when first connected to, so `import ticketkit` stays cheap.
VENDORS = ("routera", "intercom", "tickiti", "ankra")
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_DOWNLOAD = 100 * 1024 * 1024
USER_AGENT = "ticketkit/0.1.0"


class _VendorModule(Protocol):
    def make_connection(self, settings: Settings) -> Connection: ...


def _vendor(vendor: object) -> str:
    if not isinstance(vendor, str) or vendor.lower() not in VENDORS:
        raise InvalidArgumentError(f"unknown vendor {vendor!r}; choose one of {', '.join(VENDORS)}")
    return vendor.lower()


def _connection(vendor: str, token: str | None, base_url: str | None, options: dict[str, Any]) -> Connection:
    module: _VendorModule = importlib.import_module(f"ticketkit.vendors.{vendor}")
    return module.make_connection(Settings(vendor=vendor, token=token, base_url=base_url, options=options))


def _options(
    max_retries: object, max_retry_wait: object, max_download_bytes: object, secrets: Secrets
) -> RequestOptions:
    return RequestOptions(
        max_retries=args.retries(max_retries),
        max_retry_wait=args.positive_seconds("max_retry_wait", max_retry_wait),
        max_download_bytes=args.positive_integer("max_download_bytes", max_download_bytes),
        secrets=secrets,
    )


def _headers(connection: Connection, headers: dict[str, str]) -> dict[str, str]:
    return {"User-Agent": USER_AGENT, **connection.headers, **headers}


def _prepare(
    vendor: object,
    token: str | None,
    base_url: object,
    timeout: object,
    headers: object,
    allow_insecure: object,
    options: tuple[object, object, object],
    vendor_options: dict[str, Any],
    secrets: Secrets,
) -> tuple[Connection, dict[str, Any], RequestOptions]:
    """Every keyword checked (nothing is sent by connect()), the vendor's connection, the httpx client's
    keywords and the desk's request options."""
    configure_from_environment()
    name = _vendor(vendor)
    given_url = args.optional_text("base_url", base_url)
    if given_url is not None:
        # user:password@ in a base URL is never sent (the desk authenticates with token=, and httpx uses the
        # userinfo only without other auth): dropped here, so no client, repr or log line holds it.
        given_url = without_userinfo(given_url)
    insecure = args.flag("allow_insecure", allow_insecure)
    caller_headers = args.headers(
        "headers", headers, "pass credentials as token= (or the vendor's options), not as a header"
    )
    client_timeout = DEFAULT_TIMEOUT if timeout is None else args.timeout(timeout)
    request_options = _options(*options, secrets)
    connection = _connection(name, token, given_url, vendor_options)
    http = {
        "base_url": args.base_url(connection.adapter.vendor, connection.base_url, insecure),
        "auth": connection.auth,
        "headers": _headers(connection, caller_headers),
        "timeout": client_timeout,
    }
    return connection, http, request_options


def connect(
    vendor: str,
    *,
    token: str | None = None,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    transport: httpx.BaseTransport | None = None,
    headers: dict[str, str] | None = None,
    allow_insecure: bool = False,
    max_retries: int = 2,
    max_retry_wait: float = 60.0,
    max_download_bytes: int = DEFAULT_MAX_DOWNLOAD,
    **vendor_options: Any,
) -> Desk:
    """A `Desk` for `vendor` ("routera", "intercom", "tickiti" or "ankra").

    Common keywords: `token`, `base_url`, `timeout` (seconds or `httpx.Timeout`, finite and at most a day;
    default 5 s to connect, 30 s to read), `transport` (an httpx transport: tests, proxies), `headers` (ASCII
    names and values; never Authorization), `allow_insecure` (True permits a plain http:// base URL that is
    not loopback), `max_retries` (default 2), `max_retry_wait` (the longest vendor-asked wait that is slept,
    default 60 s, at most a day), `max_download_bytes` (default 100 MB). Every keyword is checked here:
    a wrong one raises InvalidArgumentError, with no credential in its message.

    Vendor keywords: Intercom `api_version` ("2.11" to "2.16", default "2.16"), `admin_id`, `ticket_type_id`;
    Routera `client_id` and `client_secret` (instead of `token`), `stage_map`, `description_field`, `pipeline`,
    `ticket_stage`; Tickiti `base_url` (required), `agent_email`; Ankra `organisation_id`.
    Use it as a context manager, or call `close()`.
    """
    limits = (max_retries, max_retry_wait, max_download_bytes)
    secrets = Secrets.of(token, headers, base_url, vendor_options)
    try:
        connection, settings, options = _prepare(
            vendor, token, base_url, timeout, headers, allow_insecure, limits, vendor_options, secrets
        )
        checked = args.transport(transport, httpx.BaseTransport, "httpx.BaseTransport")
    except Exception as exc:  # a message may quote what it refused: never a credential
        secrets.scrub(exc)
        raise
    hooks = {"response": [set_aside_unusable_location]}
    http = httpx.Client(**settings, transport=checked, event_hooks=hooks)
    client = connection.generated_client.set_httpx_client(http) if connection.generated_client else None
    return Desk(connection.adapter, http, client, options)


def connect_async(
    vendor: str,
    *,
    token: str | None = None,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    headers: dict[str, str] | None = None,
    allow_insecure: bool = False,
    max_retries: int = 2,
    max_retry_wait: float = 60.0,
    max_download_bytes: int = DEFAULT_MAX_DOWNLOAD,
    **vendor_options: Any,
) -> AsyncDesk:
    """An `AsyncDesk`: the same as `connect()`, with awaitable methods and `async for` lists."""
    limits = (max_retries, max_retry_wait, max_download_bytes)
    secrets = Secrets.of(token, headers, base_url, vendor_options)
    try:
        connection, settings, options = _prepare(
            vendor, token, base_url, timeout, headers, allow_insecure, limits, vendor_options, secrets
        )
        checked = args.transport(transport, httpx.AsyncBaseTransport, "httpx.AsyncBaseTransport")
    except Exception as exc:
        secrets.scrub(exc)
        raise
    ahooks = {"response": [aset_aside_unusable_location]}
    http = httpx.AsyncClient(**settings, transport=checked, event_hooks=ahooks)
    generated = connection.generated_client
    client = generated.set_async_httpx_client(http) if generated else None
    return AsyncDesk(connection.adapter, http, client, options)
