"""`connect()` and `connect_async()`: find the vendor in the registry, build one pooled httpx client, wrap it.

Both run the same builder (`_build`); they differ only in the httpx client and desk class (`_SYNC`, `_ASYNC`).
Their defaults are the desk's (`RequestOptions()`), named once in `_transport.py`.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import textwrap
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, ParamSpec, TypeVar, overload

import httpx

from . import _arguments as args
from . import _deadline
from . import _hooks as hooks_
from . import _registry as registry
from ._budget import budget_for
from ._connection import ConnectionSpec, GeneratedClient, Settings
from ._decoding import ACCEPT_ENCODING
from ._desk import AsyncDesk, Desk
from ._errors import refuse_unknown
from ._hooks import Hooks
from ._logging import configure_from_environment
from ._redaction import Secrets, without_userinfo
from ._transport import RequestOptions, aset_aside_unusable_location, set_aside_unusable_location, with_limits
from ._version import USER_AGENT

if TYPE_CHECKING:
    from typing import Unpack

    import ankra_client
    import intercom_client
    import routera_client
    import tickiti_client

    from ._registry import AnkraOptions, IntercomOptions, RouteraOptions, TickitiOptions

DEFAULTS = RequestOptions()
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


P = ParamSpec("P")
D = TypeVar("D", Desk, AsyncDesk)


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


# -- the one builder ----------------------------------------------------------------------------------------


class _Flavour(NamedTuple):
    """What differs between connect() and connect_async()."""

    http: type[httpx.Client] | type[httpx.AsyncClient]
    transport: type[httpx.BaseTransport] | type[httpx.AsyncBaseTransport]
    location_hook: Callable[[Any], Any]  # sets aside a redirect's unusable Location (`_transport.py`)
    desk: Callable[..., Desk | AsyncDesk]
    adopt: Callable[[GeneratedClient, Any], Any]  # hands the generated client our httpx client


def _adopt_sync(generated: GeneratedClient, http: Any) -> Any:
    return generated.set_httpx_client(http)


def _adopt_async(generated: GeneratedClient, http: Any) -> Any:
    return generated.set_async_httpx_client(http)


_SYNC = _Flavour(httpx.Client, httpx.BaseTransport, set_aside_unusable_location, Desk, _adopt_sync)
_ASYNC = _Flavour(httpx.AsyncClient, httpx.AsyncBaseTransport, aset_aside_unusable_location, AsyncDesk, _adopt_async)


def _build(flavour: _Flavour, vendor: object, keywords: dict[str, Any]) -> Any:
    """The desk: the vendor's connection (adapter, auth, base URL) on one pooled httpx client."""
    configure_from_environment()
    entry = registry.get(vendor)
    common = {name: keywords.pop(name) for name in list(keywords) if name in registry.COMMON_KEYWORDS}
    return _assemble(flavour, entry, keywords, **common)


def _assemble(
    flavour: _Flavour,
    entry: registry.Vendor,
    vendor_options: Mapping[str, Any],
    *,
    token: str | None = None,
    base_url: str | None = None,
    timeout: object = None,
    transport: object = None,
    headers: object = None,
    allow_insecure: object = False,
    max_retries: object = DEFAULTS.max_retries,
    max_retry_wait: object = DEFAULTS.max_retry_wait,
    max_download_bytes: object = DEFAULTS.max_download_bytes,
    max_response_bytes: object = DEFAULTS.max_response_bytes,
    attempt_timeout: object = None,
    download_timeout: object = DEFAULTS.download_timeout,
    call_timeout: object = DEFAULTS.call_timeout,
    rate_limit: object = None,
    concurrency: object = DEFAULTS.concurrency,
    hooks: object = None,
) -> Any:
    args.optional_text("base_url", base_url)
    refuse_unknown(f"connect({entry.name!r})", vendor_options, entry.keywords, "this vendor also accepts")
    settings = Settings(vendor=entry.name, token=token, base_url=base_url, options=vendor_options)
    connection: ConnectionSpec = entry.adapter_module().make_connection(settings)
    http = flavour.http(
        base_url=args.base_url(entry.name, connection.base_url, args.flag("allow_insecure", allow_insecure)),
        auth=connection.auth,
        headers=_headers(connection, headers),
        timeout=DEFAULT_TIMEOUT if timeout is None else args.timeout(timeout),
        transport=args.transport(transport, flavour.transport, f"httpx.{flavour.transport.__name__}"),
        event_hooks={"response": [flavour.location_hook]},
    )
    generated = connection.generated_client
    client = flavour.adopt(generated, http) if generated else None
    # One budget per credential (vendor, API origin, a keyed hash of what authenticates), shared by every desk.
    credentials = (token, *(vendor_options.get(name) for name in ("client_id", "client_secret")))
    budget = budget_for(entry.name, str(http.base_url), credentials, args.rate(rate_limit))
    options = RequestOptions(
        max_retries=args.retries(max_retries),
        max_retry_wait=args.positive_seconds("max_retry_wait", max_retry_wait),
        max_download_bytes=args.positive_integer("max_download_bytes", max_download_bytes),
        budget=budget,
        concurrency=args.concurrency(concurrency),
        hooks=hooks_.checked(hooks, is_async=flavour is _ASYNC),
    )
    options = with_limits(
        options,
        timeout=timeout,
        max_response_bytes=max_response_bytes,
        attempt_timeout=attempt_timeout,
        download_timeout=download_timeout,
        call_timeout=call_timeout,
    )
    _deadline.install(http)
    return flavour.desk(connection.adapter, http, client, options)


def _headers(connection: ConnectionSpec, headers: object) -> dict[str, str]:
    hint = "pass credentials as token= (or the vendor's options), not as a header"
    # Only the codings ticketkit can decode in bounded memory (a caller may narrow it, to identity say).
    return {
        "User-Agent": USER_AGENT,
        "Accept-Encoding": ACCEPT_ENCODING,
        **connection.headers,
        **args.headers("headers", headers, hint),
    }


# -- the public functions --------------------------------------------------------------------------------
# One overload per built-in vendor types `desk.client` as its generated client (as moto types get_backend),
# and its keywords as the registry's TypedDict for it. Any other name (a plug-in's, a variable) gives a
# `Desk[Any]` and takes the common keywords only: a built-in name with a keyword its vendor lacks matches no
# overload (a type error), where it used to fall through to a `**Any` fallback. A vendor named at run time
# passes its own keywords from a `dict[str, Any]` (`connect(name, token=t, **options)`), which type checkers
# accept; connect() still checks every keyword at run time. The defaults are `_assemble`'s; a test keeps the keyword
# names of CommonOptions, these last overloads and `_assemble` the same.


@overload
def connect(
    vendor: Literal["routera"], *, transport: httpx.BaseTransport | None = None, **options: Unpack[RouteraOptions]
) -> Desk[routera_client.Client]: ...
@overload
def connect(
    vendor: Literal["intercom"], *, transport: httpx.BaseTransport | None = None, **options: Unpack[IntercomOptions]
) -> Desk[intercom_client.Client]: ...
@overload
def connect(
    vendor: Literal["tickiti"], *, transport: httpx.BaseTransport | None = None, **options: Unpack[TickitiOptions]
) -> Desk[tickiti_client.Client]: ...
@overload
def connect(
    vendor: Literal["ankra"], *, transport: httpx.BaseTransport | None = None, **options: Unpack[AnkraOptions]
) -> Desk[ankra_client.Client]: ...
@overload
def connect(
    vendor: str,
    *,
    token: str | None = ...,
    base_url: str | None = ...,
    timeout: float | httpx.Timeout | None = ...,
    transport: httpx.BaseTransport | None = ...,
    headers: Mapping[str, str] | None = ...,
    allow_insecure: bool = ...,
    max_retries: int = ...,
    max_retry_wait: float = ...,
    max_download_bytes: int = ...,
    max_response_bytes: int = ...,
    attempt_timeout: float | None = ...,
    download_timeout: float = ...,
    call_timeout: float = ...,
    rate_limit: float | None = ...,
    concurrency: int = ...,
    hooks: Hooks | None = ...,
) -> Desk: ...
@_masking
def connect(vendor: str, **options: Any) -> Desk:
    return _build(_SYNC, vendor, options)  # type: ignore[no-any-return]


@overload
def connect_async(
    vendor: Literal["routera"], *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[RouteraOptions]
) -> AsyncDesk[routera_client.Client]: ...
@overload
def connect_async(
    vendor: Literal["intercom"],
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    **options: Unpack[IntercomOptions],
) -> AsyncDesk[intercom_client.Client]: ...
@overload
def connect_async(
    vendor: Literal["tickiti"], *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[TickitiOptions]
) -> AsyncDesk[tickiti_client.Client]: ...
@overload
def connect_async(
    vendor: Literal["ankra"], *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[AnkraOptions]
) -> AsyncDesk[ankra_client.Client]: ...
@overload
def connect_async(
    vendor: str,
    *,
    token: str | None = ...,
    base_url: str | None = ...,
    timeout: float | httpx.Timeout | None = ...,
    transport: httpx.AsyncBaseTransport | None = ...,
    headers: Mapping[str, str] | None = ...,
    allow_insecure: bool = ...,
    max_retries: int = ...,
    max_retry_wait: float = ...,
    max_download_bytes: int = ...,
    max_response_bytes: int = ...,
    attempt_timeout: float | None = ...,
    download_timeout: float = ...,
    call_timeout: float = ...,
    rate_limit: float | None = ...,
    concurrency: int = ...,
    hooks: Hooks | None = ...,
) -> AsyncDesk: ...
@_masking
def connect_async(vendor: str, **options: Any) -> AsyncDesk:
    return _build(_ASYNC, vendor, options)  # type: ignore[no-any-return]


def _signature(function: Callable[..., Any]) -> inspect.Signature:
    """The last overload's signature (every common keyword, typed) with `_assemble`'s defaults, and the vendor's
    own keywords as `**vendor_options` (listed in the docstring), for help()."""
    typed = inspect.signature(typing.get_overloads(function)[-1])
    defaults = inspect.signature(_assemble).parameters
    vendor_options = inspect.Parameter("vendor_options", inspect.Parameter.VAR_KEYWORD, annotation="Any")
    return typed.replace(
        parameters=[
            *(
                parameter.replace(default=defaults[parameter.name].default) if parameter.name in defaults else parameter
                for parameter in typed.parameters.values()
            ),
            vendor_options,
        ]
    )


connect.__signature__ = _signature(connect)  # type: ignore[attr-defined]
connect_async.__signature__ = _signature(connect_async)  # type: ignore[attr-defined]


def _vendor_keywords() -> str:
    lines = []
    for entry in registry.vendors():
        keywords = "; ".join(f"`{option.name}`: {option.help}" for option in entry.vendor_options) or "none"
        lines.append(
            textwrap.fill(f"{entry.title}: {keywords}.", 108, initial_indent=" " * 6, subsequent_indent=" " * 8)
        )
    return "\n".join(lines)


def _self_hosted() -> str:
    return " and ".join(entry.title for entry in registry.vendors() if entry.self_hosted) or "none"


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:g} MiB"


connect.__doc__ = f"""A `Desk` for `vendor` ({", ".join(f'"{name}"' for name in registry.names())}).

    Common keywords: `token`, `base_url` (required for {_self_hosted()}: self-hosted), `timeout` (seconds or
    `httpx.Timeout`, finite and at most a day; default {DEFAULT_TIMEOUT.connect:g} s to connect,
    {DEFAULT_TIMEOUT.read:g} s to read), `transport` (an httpx transport: tests, proxies), `headers` (ASCII names
    and values; never Authorization), `allow_insecure` (True permits a plain http:// base URL that is not
    loopback), `max_retries` (default {DEFAULTS.max_retries}), `max_retry_wait` (the longest vendor-asked wait
    that is slept, default {DEFAULTS.max_retry_wait:g} s, at most a day), `max_download_bytes` (default
    {_mebibytes(DEFAULTS.max_download_bytes)}). Every keyword is checked here: a wrong one raises
    InvalidArgumentError, with no credential in its message.

    Limits (every body is counted decoded, as it arrives; past a limit, ResponseTooLargeError):
    `max_response_bytes` (an API answer, default {_mebibytes(DEFAULTS.max_response_bytes)}). Time:
    `attempt_timeout` (one attempt of an API call, connect to last byte, however slowly the server sends;
    default: `timeout` when that is a number of seconds, else {DEFAULTS.attempt_timeout:g} s), `download_timeout`
    (one attempt of a download, default {DEFAULTS.download_timeout:g} s), `call_timeout` (a whole call, retries
    and waits included, default {DEFAULTS.call_timeout:g} s). A caller-supplied `transport` that is not an
    `httpx.HTTPTransport` is held to the deadlines only between body chunks (see `_deadline.py`).

    Pace: every desk on one credential (vendor, API origin, token) shares one rate budget in the process, which
    reads the vendor's rate-limit headers and `Retry-After` and paces requests to stay under the limit
    (`desk.rate_limit` shows it). `rate_limit` (requests per second) caps a vendor that sends no rate-limit
    headers; `concurrency` (default {DEFAULTS.concurrency}) is how many requests `get_many` and `list_many`
    keep in flight.

    Hooks: `hooks=ticketkit.Hooks(on_request=..., on_response=..., on_retry=..., on_rate_limit_wait=...)`,
    callbacks on every attempt, retry and rate-limit wait (plain functions; `connect_async()` also takes
    `async def` ones). One that raises ends the call with its exception.

    Vendor keywords (from the vendor registry, `_registry.py`; type checkers know each built-in vendor's, and
    refuse another vendor's):
{_vendor_keywords()}
    A vendor named only at run time (a variable, a plug-in) takes its own keywords from a `dict[str, Any]`:
    `connect(name, token=token, **options)`.

    Raises InvalidArgumentError (an unknown vendor, a wrong or missing keyword); nothing is sent until the
    desk's first call.

    Use it as a context manager, or call `close()`.
    """
connect_async.__doc__ = """An `AsyncDesk`: the same as `connect()`, with awaitable methods and `async for` lists.

    Raises InvalidArgumentError (an unknown vendor, a wrong or missing keyword), as `connect()` does.
    """
