"""Intercom attachment downloads: which URLs are fetched, hop by hop, and what each host receives (item 8).

An attachment URL, and every redirect's target, must be absolute https with a real host (plain http only to
loopback, for the sandbox, and loopback only when the chain started there); a redirect is resolved against the
URL that answered, never the API's base URL; at most 5 redirects. No Authorization and none of the caller's
headers (`headers=` on connect, `extra_headers=` on the call) go to a host other than the API's: only
User-Agent, Accept, Accept-Encoding (and Host, Connection).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import ticketkit
from desk_support import Recorder, drive
from security_peers import HostileServer

API = "api.intercom.io"
FILES = "downloads.intercomcdn.com"
STORE = "store.example-cdn.com"
FILE_URL = f"https://{FILES}/i/o/1002/error.png"
SECRET = "x-api-key-SECRET-5f1d2c"
PER_CALL_SECRET = "per-call-SECRET-88e1a0"
OFF_API = {"host", "user-agent", "accept", "accept-encoding", "connection"}


def attachment(url: str | None) -> ticketkit.Attachment:
    return ticketkit.Attachment(id="9", name="error.png", url=url, raw={})


def redirect(location: str, status: int = 302) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, headers={"location": location})


def file(content: bytes = b"PNG") -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(200, content=content, headers={"content-type": "image/png"})


def download(mode: str, wire: Recorder, url: str | None, **options: Any) -> Any:
    return drive(
        mode,
        "intercom",
        lambda d: d.attachments.download(attachment(url), **options.pop("call", {})),
        token="tok-intercom-SECRET",
        transport=wire.transport,
        **options,
    )


# -- the attachment URL itself -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"http://{FILES}/i/o/1/f.png",  # plain http to a host on the internet
        "file:///etc/passwd",  # no host: httpx would have merged it with the API's base URL
        "https:/etc/passwd",
        "/etc/passwd",
        "//evil.example/f",
        "ftp://files.example.com/f",
        "javascript:alert(1)",
        "https://exa mple.com/f",
        "https://bad!host.example/f",
        "https://files.example.com/f\r\nX-Injected: 1",
        "",
        None,
    ],
)
def test_an_attachment_url_that_is_not_https_with_a_real_host_is_refused_before_sending(
    url: str | None, mode: str
) -> None:
    wire = Recorder()
    with pytest.raises(ticketkit.InvalidArgumentError, match="attachment"):
        download(mode, wire, url)
    assert wire.seen == []


# -- redirects, hop by hop ----------------------------------------------------------------------------------

REFUSED_LOCATIONS = [
    "file:///etc/passwd",
    "https:/etc/passwd",
    "https:///etc/passwd",
    f"http://{STORE}/f",  # https -> http
    "ftp://files.example.com/f",
    "http://127.0.0.1:9/admin",  # from the internet into the caller's machine
    "https://localhost/admin",
    "https://[::1]/admin",
    "https://exa mple.com/f",
    "data:text/plain,hi",
]


@pytest.mark.parametrize("location", REFUSED_LOCATIONS)
def test_a_redirect_that_breaks_the_rules_is_refused_and_nothing_else_is_fetched(location: str, mode: str) -> None:
    wire = Recorder({FILES: redirect(location), API: file(b"API"), STORE: file()})
    with pytest.raises(ticketkit.APIStatusError, match="refused the redirect") as caught:
        download(mode, wire, FILE_URL)
    assert caught.value.status_code == 302
    assert wire.hosts() == [FILES]  # the API host got nothing (it used to get GET /etc/passwd)


@pytest.mark.parametrize("location", ["file:///etc/passwd", "https:/x", f"http://{FILES}/downgraded"])
def test_every_hop_is_checked_not_only_the_first(location: str, mode: str) -> None:
    wire = Recorder({FILES: redirect(f"https://{STORE}/bucket/f"), STORE: redirect(location), API: file(b"API")})
    with pytest.raises(ticketkit.APIStatusError, match="refused the redirect"):
        download(mode, wire, FILE_URL)
    assert wire.hosts() == [FILES, STORE]


def test_relative_and_scheme_relative_redirects_resolve_against_the_url_that_answered(mode: str) -> None:
    by_path = {
        (FILES, "/i/o/1002/error.png"): redirect("/moved/error.png"),
        (FILES, "/moved/error.png"): redirect(f"//{STORE}/b/e.png"),
        (STORE, "/b/e.png"): redirect("../final.png"),
        (STORE, "/final.png"): file(b"the file"),
    }
    route = lambda r: by_path[(r.url.host, r.url.path)](r)  # noqa: E731
    wire = Recorder({FILES: route, STORE: route, API: file(b"API")})
    assert download(mode, wire, FILE_URL) == b"the file"
    assert [(s.host, s.target) for s in wire.seen] == list(by_path)


@pytest.mark.parametrize(("redirects", "fetched"), [(5, True), (6, False)])
def test_at_most_five_redirects(redirects: int, fetched: bool, mode: str) -> None:
    hops = iter([*(redirect(f"https://{STORE}/hop/{n}") for n in range(redirects)), file(b"end")])
    wire = Recorder({FILES: lambda r: next(hops)(r), STORE: lambda r: next(hops)(r)})
    if fetched:
        assert download(mode, wire, FILE_URL) == b"end"
        assert len(wire.seen) == redirects + 1
    else:
        with pytest.raises(ticketkit.APIStatusError, match="more than 5 redirects"):
            download(mode, wire, FILE_URL)
        assert len(wire.seen) == 6


# -- what the file hosts receive -------------------------------------------------------------------------------


def test_no_caller_header_and_no_token_go_to_the_file_hosts(mode: str) -> None:
    """`headers=` on connect() are the client's defaults, merged into every request it builds; off the API
    host only User-Agent, Accept and Accept-Encoding remain."""
    thread = {"type": "ticket", "id": "1", "ticket_parts": {"type": "ticket_part.list", "ticket_parts": []}}
    wire = Recorder(
        {
            API: lambda r: httpx.Response(200, json=thread),
            FILES: redirect(f"https://{STORE}/bucket/error.png?sig=abc"),
            STORE: file(b"bytes"),
        }
    )
    caller_headers = {"X-Api-Key": SECRET, "X-Tenant": "acme", "Cookie": "session=c00kie-SECRET", "Accept": "*/*"}

    def get_then_download(desk: Any) -> Any:
        extra = {"extra_headers": {"X-Auth-Token": PER_CALL_SECRET, "X-Trace": "t-1"}}
        if mode == "sync":
            # The ticket's shape does not matter here: what the API host received does.
            with contextlib.suppress(ticketkit.TicketkitError):
                desk.tickets.get("1", **extra)
            return desk.attachments.download(attachment(FILE_URL), **extra)

        async def go() -> Any:
            with contextlib.suppress(ticketkit.TicketkitError):
                await desk.tickets.get("1", **extra)
            return await desk.attachments.download(attachment(FILE_URL), **extra)

        return go()

    result = drive(
        mode, "intercom", get_then_download, token="tok-intercom-SECRET", transport=wire.transport,
        headers=caller_headers,
    )  # fmt: skip
    assert result == b"bytes"
    to_api, *to_files = wire.seen
    assert to_api.host == API and to_api.headers["x-api-key"] == SECRET  # the API host gets what it was given
    assert to_api.headers["authorization"] == "Bearer tok-intercom-SECRET"
    assert [s.host for s in to_files] == [FILES, STORE]
    for seen in to_files:
        assert set(seen.headers) <= OFF_API, seen.headers
        assert seen.headers["user-agent"].startswith("ticketkit/")
        text = repr(seen.headers)
        assert "SECRET" not in text and "acme" not in text and "t-1" not in text


def test_the_issues_case_on_real_sockets() -> None:
    """Loopback API and loopback file host: the file host's redirect to file:///etc/passwd or https:/x used to
    be merged with the API's base URL, so the API received GET /etc/passwd."""
    locations = iter(["file:///etc/passwd", "https:/x", "/next"])
    with HostileServer(lambda seen: (200, {"content-type": "application/json"}, b"{}")) as api:
        with HostileServer(
            lambda seen: (200, {}, b"file") if seen.target == "/next" else (302, {"location": next(locations)}, b"")
        ) as files:
            with ticketkit.connect(
                "intercom", token="tok-intercom-SECRET", base_url=api.url, headers={"X-Api-Key": SECRET},
                max_retries=0,
            ) as desk:  # fmt: skip
                for _ in range(2):
                    with pytest.raises(ticketkit.APIStatusError, match="refused the redirect"):
                        desk.attachments.download(attachment(f"{files.url}/f"))
                assert desk.attachments.download(attachment(f"{files.url}/f")) == b"file"
    assert api.seen == []
    assert [s.target for s in files.seen] == ["/f", "/f", "/f", "/next"]
    assert all("x-api-key" not in s.headers and "authorization" not in s.headers for s in files.seen)


def test_the_transport_never_sends_credentials_off_the_api() -> None:
    """The net under every plan: an authenticated call to another host is not built."""
    from ticketkit._adapter import Call
    from ticketkit._request import build_request as _build
    from ticketkit._transport import RequestOptions
    from ticketkit.vendors.intercom import IntercomAdapter

    with httpx.Client(base_url=f"https://{API}", headers={"X-Api-Key": SECRET}) as client:
        stray = Call("tickets.get", {"method": "GET", "url": "https://evil.example/tickets/1"})
        with pytest.raises(ticketkit.InvalidArgumentError, match="credentials"):
            _build(client, IntercomAdapter(), stray, RequestOptions())
        off = Call("attachments.download", {"method": "GET", "url": FILE_URL}, authenticated=False)
        assert set(_build(client, IntercomAdapter(), off, RequestOptions()).headers) <= OFF_API
        on = Call("attachments.download", {"method": "GET", "url": f"https://{API}/f"}, authenticated=False)
        assert _build(client, IntercomAdapter(), on, RequestOptions()).headers["x-api-key"] == SECRET


CONNECT: dict[str, dict[str, Any]] = {
    "routera": {},
    "intercom": {},
    "tickiti": {"base_url": "https://support.example.com"},
    "ankra": {},
}


@pytest.mark.parametrize("location", ["data:text/plain,hi", "https://[::1", "mailto:x"])
@pytest.mark.parametrize("vendor", list(CONNECT))
def test_an_api_redirect_whose_location_httpx_cannot_resolve_is_a_status_error(
    vendor: str, location: str, mode: str
) -> None:
    """httpx resolves a Location even when not following it: "data:..." raised a bare httpx.InvalidURL past
    ticketkit, "https://[::1" a RemoteProtocolError that was retried as a connection failure."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(302, headers={"location": location})

    with pytest.raises(ticketkit.APIStatusError) as caught:
        drive(
            mode, vendor, lambda d: d.tickets.get("1"), token="tok-123", transport=httpx.MockTransport(answer),
            max_retries=2, **CONNECT[vendor],
        )  # fmt: skip
    assert caught.value.status_code == 302 and len(sent) == 1


def test_an_attachment_redirect_whose_location_httpx_cannot_resolve_is_refused(mode: str) -> None:
    wire = Recorder({FILES: redirect("data:text/plain,hi"), API: file(b"API")})
    with pytest.raises(ticketkit.APIStatusError, match="refused the redirect"):
        download(mode, wire, FILE_URL)
    assert wire.hosts() == [FILES]
