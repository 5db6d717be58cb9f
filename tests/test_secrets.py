"""No credential the caller gave appears in any message, repr, log line or CLI line (issue 12, item 5).

Hostile servers on 127.0.0.1 echo what they received: a 401 whose body, headers and reason phrase repeat the
Authorization header and every other header (raw, JSON-escaped, percent-encoded, in an HTML page cut at 200
characters); a Routera token endpoint that repeats its form and the Basic pair of the client credentials. Each
test then looks for every credential, and its first dozen characters, in `str(exc)`, `repr(exc)`,
`exc.message`, `exc.body`, `exc.problems`, `exc.response` (body, headers, request), every log record at DEBUG,
`repr(desk)`, and the CLI's stderr.
"""

from __future__ import annotations

import base64
import html
import io
import json
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
import ticketkit
from desk_support import Seen, drive
from security_peers import HostileServer
from support import VENDORS, load_fixture
from ticketkit._redaction import MASK, Secrets
from ticketkit.cli import main

TOKEN = "tok/SECRET+4f9a=e1c7b2d8"  # a slash, a plus and an equals sign: they encode differently everywhere
API_KEY = "apikey-SECRET-77c1a9e4"
PER_CALL = "percall-SECRET-0b3e5d"
PASSWORD = "pw-SECRET-url-9d2f"
CLIENT_ID = "client-id-6a1f"
CLIENT_SECRET = "s3cr3t/SECRET+&=%value-X"
SECRETS = [TOKEN, API_KEY, PER_CALL, PASSWORD, CLIENT_SECRET]
CONNECT: dict[str, dict[str, Any]] = {
    "routera": {},
    "intercom": {},
    "tickiti": {"agent_email": "agent@example.com"},
    "ankra": {},
}
ROUTERA_TICKET = load_fixture("vendor_docs/routera-get-ticket.json")["examples"]["response_example"]["value"]


def forms(secret: str) -> list[str]:
    """The secret and the forms a server echoes it in, and its first dozen characters (a cut-off echo)."""
    return [
        secret,
        secret[:12],
        quote(secret, safe=""),
        quote_plus(secret),
        json.dumps(secret)[1:-1].replace("/", "\\/"),
        html.escape(secret),
    ]


def basic(user: str, password: str) -> list[str]:
    pair = f"{user}:{password}".encode()
    return [base64.b64encode(pair).decode(), base64.urlsafe_b64encode(pair).decode().rstrip("=")]


def assert_nowhere(secrets: Iterable[str], texts: dict[str, str]) -> None:
    for secret in secrets:
        for form in forms(secret):
            leaks = [where for where, text in texts.items() if form in text]
            assert not leaks, f"{form!r} (of {secret!r}) appears in {leaks}"


def shown(exc: BaseException) -> dict[str, str]:
    """Everything of an exception a caller, a log or a traceback shows."""
    texts = {"str": str(exc), "repr": repr(exc)}
    for name in ("message", "code", "request_id", "detail"):
        texts[name] = str(getattr(exc, name, ""))
    texts["body"] = repr(getattr(exc, "body", None))
    texts["problems"] = repr(getattr(exc, "problems", None))
    response = getattr(exc, "response", None)
    if response is not None:
        texts["response.text"] = response.text
        texts["response.headers"] = repr(list(response.headers.items()))
        texts["response.reason"] = response.reason_phrase
        request = response.request
        texts["request.headers"] = repr(list(request.headers.items()))
        texts["request.url"] = str(request.url)
        texts["request.content"] = request.content.decode("utf-8", "replace")
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        texts["cause"] = repr(cause)
    return texts


def echo_everything(status: int = 401) -> Callable[[Seen], tuple[int, dict[str, str], bytes]]:
    """A careless API: its error repeats every header it got, in every form, in body, headers and reason."""

    def route(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        auth = seen.headers.get("authorization", "")
        everything = json.dumps(seen.headers)
        message = f"invalid credentials {auth} (headers {everything})"
        body = {
            "type": "error.list",
            "errors": [{"code": "unauthorized", "message": message, "field": auth}],
            "message": message,
            "detail": message,
            "error": True,
            "request_id": auth,
            "echo": {
                "escaped": message.replace("/", "\\/"),
                "form": quote_plus(everything),
                "url": quote(everything, safe=""),
                "nested": [[[{auth: [message]}]]],
            },
        }
        headers = {
            "content-type": "application/json",
            "www-authenticate": f'Bearer realm="api", error="{auth}"',
            "x-echo": everything.replace("\n", " "),
            ":reason": f"Unauthorized {auth}",
        }
        return status, headers, json.dumps(body).encode()

    return route


def call_and_catch(mode: str, vendor: str, options: dict[str, Any], action: Callable[[Any], Any]) -> tuple[Any, str]:
    """The error `action(desk)` raises, and `repr(desk)` of the desk it ran on, taken after the call."""
    reprs: list[str] = []

    def watched(desk: Any) -> Any:
        if mode == "sync":
            try:
                return action(desk)
            finally:
                reprs.append(repr(desk))

        async def call() -> Any:
            try:
                return await action(desk)
            finally:
                reprs.append(repr(desk))

        return call()

    with pytest.raises(ticketkit.TicketkitError) as caught:
        drive(mode, vendor, watched, **options)
    return caught.value, reprs[0]


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_401_that_echoes_every_credential_shows_none_of_them(
    vendor: str, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with HostileServer(echo_everything()) as server:
        options = {
            "token": TOKEN,
            "base_url": server.url.replace("http://", f"http://admin:{PASSWORD}@"),
            "headers": {"X-Api-Key": API_KEY, "X-Tenant": "acme"},
            "max_retries": 0,
            **CONNECT[vendor],
        }
        exc, desk_repr = call_and_catch(
            mode, vendor, options, lambda d: d.tickets.get("1", extra_headers={"X-Auth-Token": PER_CALL})
        )
    assert isinstance(exc, ticketkit.AuthenticationError)
    seen = server.seen[0].headers  # the server did get them all (and never the URL's password)
    assert seen["authorization"] == f"Bearer {TOKEN}" and seen["x-api-key"] == API_KEY
    assert seen["x-auth-token"] == PER_CALL and "admin" not in repr(seen)
    texts = {**shown(exc), "repr(desk)": desk_repr, "log": caplog.text}
    texts["log records"] = "\n".join(r.getMessage() for r in caplog.records)
    assert_nowhere(SECRETS, texts)
    assert MASK in exc.message  # the message still says what the server said, minus the secret
    assert "acme" in texts["log"]  # headers that are no credential are logged as they are


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_echo_cut_at_the_message_limit_leaves_no_part_of_the_token(vendor: str, mode: str) -> None:
    """A proxy's HTML page with the token near character 200, where the fallback reader cuts the text: the
    body is masked before it is read, so the cut cannot leave half a token."""

    def page(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        text = f"<html><body><p>{'denied ' * 26}{seen.headers['authorization']} more text</p></body></html>"
        return 401, {"content-type": "text/html"}, text.encode()

    with HostileServer(page) as server:
        options = {"token": TOKEN, "base_url": server.url, "max_retries": 0, **CONNECT[vendor]}
        exc, _ = call_and_catch(mode, vendor, options, lambda d: d.tickets.get("1"))
    assert "denied" in exc.message
    assert_nowhere([TOKEN], shown(exc))
    assert_nowhere([TOKEN[:6] + TOKEN[6:10]], shown(exc))


@pytest.mark.parametrize("kind", ["json", "html cut at 200"])
def test_routera_token_endpoint_echoing_its_form_and_basic_pair_shows_neither(
    mode: str, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    def token_endpoint(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        form = seen.body.decode()
        pair = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if kind != "json":  # the secret starts at character 190 of the text, which the fallback reader cuts at 200
            lead = "r" * (189 - form.index(quote_plus(CLIENT_SECRET)))
            page = f"<html><p>{lead} {form} Basic {pair}</p></html>"
            return 401, {"content-type": "text/html"}, page.encode()
        description = f"client authentication failed for form {form} (Basic {pair})"
        body = {"error": "invalid_client", "error_description": description, "form": form}
        return 401, {"content-type": "application/json", "x-echo": form}, json.dumps(body).encode()

    with HostileServer(token_endpoint) as server:
        options = {"token": None, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "base_url": server.url}
        exc, desk_repr = call_and_catch(mode, "routera", options, lambda d: d.tickets.get("1"))
    assert quote_plus(CLIENT_SECRET) in server.seen[0].body.decode()  # what the server echoed
    assert isinstance(exc, ticketkit.AuthenticationError)
    texts = {**shown(exc), "repr(desk)": desk_repr, "log": caplog.text}
    assert_nowhere([CLIENT_SECRET, *basic(CLIENT_ID, CLIENT_SECRET)], texts)
    assert_nowhere([quote_plus(CLIENT_SECRET)[:10]], texts)


def test_a_response_that_breaks_the_spec_with_the_token_in_it_shows_no_token(mode: str) -> None:
    """A ResponseValidationError quotes what failed to parse: here, the token put where a date belongs."""

    def careless(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        body = {**ROUTERA_TICKET, "created_at": seen.headers["authorization"]}
        return 200, {"content-type": "application/json"}, json.dumps(body).encode()

    with HostileServer(careless) as server:
        options = {"token": TOKEN, "base_url": server.url, "max_retries": 0}
        exc, _ = call_and_catch(mode, "routera", options, lambda d: d.tickets.get("1"))
    assert isinstance(exc, ticketkit.ResponseValidationError)
    assert_nowhere([TOKEN], shown(exc))


@pytest.mark.parametrize(
    "base_url",
    [
        f"http://admin:{PASSWORD}@api.example.com",  # plain http: refused, and the message names the host
        f"https://admin:{PASSWORD}@exa mple.com",
        f"https://admin:{PASSWORD}@api.example.com/x?y=1",
        f"ftp://admin:{PASSWORD}@api.example.com",
    ],
)
@pytest.mark.parametrize("vendor", VENDORS)
def test_a_password_in_a_base_url_is_in_no_connect_error(vendor: str, base_url: str) -> None:
    for connect in (ticketkit.connect, ticketkit.connect_async):
        with pytest.raises(ticketkit.InvalidArgumentError) as caught:
            connect(vendor, token=TOKEN, base_url=base_url, **CONNECT[vendor])
        assert_nowhere([PASSWORD, TOKEN], shown(caught.value))


@pytest.mark.parametrize("vendor", VENDORS)
def test_repr_of_a_desk_and_its_client_never_show_the_base_urls_password(vendor: str) -> None:
    url = f"https://admin:{PASSWORD}@support.example.com"
    with ticketkit.connect(vendor, token=TOKEN, base_url=url, **CONNECT[vendor]) as desk:
        texts = {"repr": repr(desk), "str": str(desk), "client": repr(desk.client), "base": str(desk._http.base_url)}
        assert desk._http.base_url.host == "support.example.com"
    assert_nowhere([PASSWORD, TOKEN], texts)


@pytest.mark.parametrize("extra", [{"X-Api-Key": "a\r\nb" + API_KEY}, {"Authorization": f"Bearer {API_KEY}"}])
def test_a_refused_header_is_named_never_quoted(extra: dict[str, str]) -> None:
    for make in (
        lambda: ticketkit.connect("routera", token=TOKEN, headers=extra),
        lambda: ticketkit.connect("routera", token=TOKEN).tickets.get("1", extra_headers=extra),
    ):
        with pytest.raises(ticketkit.InvalidArgumentError) as caught:
            make()
        assert_nowhere([API_KEY], shown(caught.value))


# -- the CLI -------------------------------------------------------------------------------------------------


def run_cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(list(argv), out=io.StringIO(), err=err)
    return code, err.getvalue()


def test_the_cli_error_line_shows_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TICKETKIT_ANKRA_TOKEN", TOKEN)
    with HostileServer(echo_everything()) as server:
        code, err = run_cli("get", "routera", "1", "--base-url", server.url, "--token", TOKEN)
        assert code == 1 and "HTTP 401" in err
        assert_nowhere([TOKEN], {"stderr": err})
        code, err = run_cli("get", "ankra", "1", "--base-url", server.url)  # the token from the environment
        assert code == 1 and "HTTP 401" in err
        assert_nowhere([TOKEN], {"stderr": err})


def test_the_cli_error_line_shows_no_client_secret() -> None:
    def token_endpoint(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        body = {"error": "invalid_client", "error_description": f"bad form {seen.body.decode()}"}
        return 401, {"content-type": "application/json"}, json.dumps(body).encode()

    with HostileServer(token_endpoint) as server:
        code, err = run_cli(
            "get", "routera", "1", "--base-url", server.url, "--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET
        )
    assert code == 1 and "invalid_client" in err
    assert_nowhere([CLIENT_SECRET], {"stderr": err})


def test_the_cli_masks_a_base_urls_password() -> None:
    url = f"http://admin:{PASSWORD}@api.example.com"
    code, err = run_cli("get", "routera", "1", "--base-url", url, "--token", TOKEN)
    assert code == 1 and "plain http" in err
    assert_nowhere([PASSWORD, TOKEN], {"stderr": err})


# -- the mechanism ---------------------------------------------------------------------------------------------


def test_every_form_is_masked_and_short_values_are_left_alone() -> None:
    secrets = Secrets([TOKEN, "short"], [(CLIENT_ID, CLIENT_SECRET)])
    text = " | ".join([*forms(TOKEN)[:1], *forms(TOKEN)[2:], *basic(CLIENT_ID, CLIENT_SECRET), "short", "ids 220014"])
    masked = secrets.mask(text)
    assert_nowhere([TOKEN], {"masked": masked})
    assert all(form not in masked for form in basic(CLIENT_ID, CLIENT_SECRET))
    assert "short" in masked and "ids 220014" in masked
    lower_hex = re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), quote(TOKEN, safe=""))  # tok%2fSECRET...
    assert secrets.mask(f"x{lower_hex}y") == f"x{MASK}y"
    assert repr(secrets) == "Secrets(2 masked)"  # the token and the pair: "short" is below MIN_LENGTH


def test_masking_a_body_nested_deeper_than_python_recurses() -> None:
    body: Any = TOKEN
    for _ in range(50_000):
        body = [body]
    masked = Secrets([TOKEN]).masked({"deep": body})
    inner = masked["deep"]
    for _ in range(50_000):
        inner = inner[0]
    assert inner == MASK
