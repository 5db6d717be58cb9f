"""`connect()` and `connect_async()`: pick the vendor module, build one pooled httpx client, wrap it."""

from __future__ import annotations

import dataclasses
import functools
import importlib
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar

import httpx

from . import _arguments as args
from . import _deadline
from ._connection import Connection, Settings
from ._decoding import ACCEPT_ENCODING
from ._desk import AsyncDesk, Desk
from ._errors import InvalidArgumentError
from ._logging import configure_from_environment
from ._redaction import Secrets, without_userinfo
from ._transport import (
    CALL_TIMEOUT,
    DOWNLOAD_TIMEOUT,
    MAX_RESPONSE_BYTES,
    RequestOptions,
    as_retries,
    as_timeout,
    aset_aside_unusable_location,
    set_aside_unusable_location,
    with_limits,
)

# Vendor modules load when first connected to, so `import ticketkit` stays cheap.
VENDORS = ("routera", "intercom", "tickiti", "ankra")
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_DOWNLOAD = 100 * 1024 * 1024
USER_AGENT = "ticketkit/0.1.0"


P = ParamSpec("P")
D = TypeVar("D", Desk, AsyncDesk)


class _VendorModule(Protocol):
    def make_connection(self, settings: Settings) -> Connection: ...


def _masking(connect_function: Callable[P, D]) -> Callable[P, D]:
    """Where errors leave connect(): no credential among its arguments in them. The desk keeps the same
    credentials to mask its own errors and log lines with (`_redaction.py`).

    A base URL's `user:password@` is dropped first: a desk authenticates with token= (httpx uses the userinfo
    only without other auth, so it was never sent), and no client, repr or log line then holds it."""

    @functools.wraps(connect_function)
    def masking(*positional: P.args, **keywords: P.kwargs) -> D:
        base_url = keywords.get("base_url")
        secrets = Secrets.of(keywords.get("token"), keywords.get("headers"), base_url, keywords)
        if isinstance(base_url, str):
            keywords["base_url"] = without_userinfo(base_url)
        try:
            desk = connect_function(*positional, **keywords)
        except Exception as exc:  # a message may quote what it refused: never a credential
            secrets.scrub(exc)
            raise
        desk._options = dataclasses.replace(desk._options, secrets=secrets)
        return desk

    return masking


def _connection(vendor: str, token: str | None, base_url: str | None, options: dict[str, Any]) -> Connection:
    if not isinstance(vendor, str) or vendor.lower() not in VENDORS:
        raise InvalidArgumentError(f"unknown vendor {vendor!r}; choose one of {', '.join(VENDORS)}")
    vendor = vendor.lower()
    args.optional_text("base_url", base_url)
    module: _VendorModule = importlib.import_module(f"ticketkit.vendors.{vendor}")
    return module.make_connection(Settings(vendor=vendor, token=token, base_url=base_url, options=options))


def _checked_base_url(vendor: str, value: str, allow_insecure: object) -> httpx.URL:
    """An absolute https URL; plain http only to loopback (a local sandbox) or when the caller insists."""
    return args.base_url(vendor, value, args.flag("allow_insecure", allow_insecure))


def _options(max_retries: object, max_retry_wait: object, max_download_bytes: object) -> RequestOptions:
    if not isinstance(max_download_bytes, int) or isinstance(max_download_bytes, bool) or max_download_bytes < 1:
        raise InvalidArgumentError(f"max_download_bytes must be a positive integer, not {max_download_bytes!r}")
    return RequestOptions(
        max_retries=as_retries(max_retries),
        max_retry_wait=args.positive_seconds("max_retry_wait", max_retry_wait),
        max_download_bytes=max_download_bytes,
    )


def _headers(connection: Connection, headers: object) -> dict[str, str]:
    hint = "pass credentials as token= (or the vendor's options), not as a header"
    # Only the codings ticketkit can decode in bounded memory (a caller may narrow it, to identity say).
    merged = {
        "User-Agent": USER_AGENT,
        "Accept-Encoding": ACCEPT_ENCODING,
        **connection.headers,
        **args.headers("headers", headers, hint),
    }
    return merged


@_masking
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
    max_response_bytes: int = MAX_RESPONSE_BYTES,
    attempt_timeout: float | None = None,
    download_timeout: float = DOWNLOAD_TIMEOUT,
    call_timeout: float = CALL_TIMEOUT,
    **vendor_options: Any,
) -> Desk:
    """A `Desk` for `vendor` ("routera", "intercom", "tickiti" or "ankra").

    Common keywords: `token`, `base_url`, `timeout` (seconds or `httpx.Timeout`, finite and at most a day;
    default 5 s to connect, 30 s to read), `transport` (an httpx transport: tests, proxies), `headers` (ASCII
    names and values; never Authorization), `allow_insecure` (True permits a plain http:// base URL that is
    not loopback), `max_retries` (default 2), `max_retry_wait` (the longest vendor-asked wait that is slept,
    default 60 s, at most a day), `max_download_bytes` (default 100 MB). Every keyword is checked here:
    a wrong one raises InvalidArgumentError, with no credential in its message.

    Limits (every body is counted decoded, as it arrives; past a limit, ResponseTooLargeError):
    `max_response_bytes` (an API answer, default 32 MiB). Time: `attempt_timeout` (one attempt of an API call,
    connect to last byte, however slowly the server sends; default: `timeout` when that is a number of seconds,
    else 60 s), `download_timeout` (one attempt of a download, default 300 s), `call_timeout` (a whole call,
    retries and waits included, default 300 s). A caller-supplied `transport` that is not an
    `httpx.HTTPTransport` is held to the deadlines only between body chunks (see `_deadline.py`).

    Vendor keywords: Intercom `api_version` ("2.11" to "2.16", default "2.16"), `admin_id`, `ticket_type_id`;
    Routera `client_id` and `client_secret` (instead of `token`), `stage_map`, `description_field`, `pipeline`,
    `ticket_stage`; Tickiti `base_url` (required), `agent_email`; Ankra `organisation_id`.
    Use it as a context manager, or call `close()`.
    """
    configure_from_environment()
    connection = _connection(vendor, token, base_url, vendor_options)
    http = httpx.Client(
        base_url=_checked_base_url(connection.adapter.vendor, connection.base_url, allow_insecure),
        auth=connection.auth,
        headers=_headers(connection, headers),
        timeout=DEFAULT_TIMEOUT if timeout is None else as_timeout(timeout),
        transport=args.transport(transport, httpx.BaseTransport, "httpx.BaseTransport"),
        event_hooks={"response": [set_aside_unusable_location]},
    )
    client = connection.generated_client.set_httpx_client(http) if connection.generated_client else None
    options = _options(max_retries, max_retry_wait, max_download_bytes)
    options = with_limits(
        options,
        timeout=timeout,
        max_response_bytes=max_response_bytes,
        attempt_timeout=attempt_timeout,
        download_timeout=download_timeout,
        call_timeout=call_timeout,
    )
    _deadline.install(http)
    return Desk(connection.adapter, http, client, options)


@_masking
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
    max_response_bytes: int = MAX_RESPONSE_BYTES,
    attempt_timeout: float | None = None,
    download_timeout: float = DOWNLOAD_TIMEOUT,
    call_timeout: float = CALL_TIMEOUT,
    **vendor_options: Any,
) -> AsyncDesk:
    """An `AsyncDesk`: the same as `connect()`, with awaitable methods and `async for` lists."""
    configure_from_environment()
    connection = _connection(vendor, token, base_url, vendor_options)
    http = httpx.AsyncClient(
        base_url=_checked_base_url(connection.adapter.vendor, connection.base_url, allow_insecure),
        auth=connection.auth,
        headers=_headers(connection, headers),
        timeout=DEFAULT_TIMEOUT if timeout is None else as_timeout(timeout),
        transport=args.transport(transport, httpx.AsyncBaseTransport, "httpx.AsyncBaseTransport"),
        event_hooks={"response": [aset_aside_unusable_location]},
    )
    generated = connection.generated_client
    client = generated.set_async_httpx_client(http) if generated else None
    options = _options(max_retries, max_retry_wait, max_download_bytes)
    options = with_limits(
        options,
        timeout=timeout,
        max_response_bytes=max_response_bytes,
        attempt_timeout=attempt_timeout,
        download_timeout=download_timeout,
        call_timeout=call_timeout,
    )
    _deadline.install(http)
    return AsyncDesk(connection.adapter, http, client, options)
