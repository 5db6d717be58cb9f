"""Issue 16 item 4: ticketkit's pytest plugin, run as a user runs it (pytester on a small test file of theirs),
and the request log its assertions read.

The user files run in-process (`runpytest`) except where what is imported matters (`runpytest_subprocess`).
Async user tests run the desk under `asyncio.run`, as this project's own tests do, and under anyio's marker
(anyio comes with httpx), for a user whose tests are async functions.
"""

from __future__ import annotations

import json

import httpx
import pytest
import ticketkit
from ticketkit.pytest_plugin import DeskFactory, ServerFactory
from ticketkit.sandbox import Sandbox

pytest_plugins = ["pytester"]

CREATE = """
def create(desk):
    return desk.tickets.create(subject="Printer on fire", description="Since Monday", requester_email="a@example.com")
"""


def test_a_users_sync_tests_get_a_fresh_desk_each_and_assert_what_was_sent(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        CREATE
        + """
import ticketkit

def test_create(ticketkit_desk):
    desk = ticketkit_desk("intercom")
    ticket = create(desk)
    assert isinstance(ticket, ticketkit.Ticket) and desk.tickets.get(ticket.id) == ticket
    sent = ticketkit_desk.requests.assert_sent(
        "POST", "/tickets", json_includes={"ticket_attributes": {"_default_title_": "Printer on fire"}}
    )
    assert sent.headers["authorization"] == "Bearer sandbox-token"
    ticketkit_desk.requests.assert_sent("GET", f"/tickets/{ticket.id}", headers={"Intercom-Version": "2.16"})

def test_each_call_is_a_new_sandbox(ticketkit_desk):
    first, second = ticketkit_desk("tickiti"), ticketkit_desk("tickiti")
    made = first.tickets.create(subject="Only here", description="x", requester_email="a@example.com")
    assert ticketkit_desk.sandbox_of(first) is not ticketkit_desk.sandbox_of(second)
    assert ticketkit_desk.sandbox is ticketkit_desk.sandbox_of(second) and len(ticketkit_desk.requests) == 0
    with __import__("pytest").raises(ticketkit.NotFoundError):
        second.tickets.get(made.id)

def test_faults_tickets_and_connect_options_reach_the_sandbox_and_the_desk(ticketkit_desk):
    from ticketkit.sandbox import Faults
    desk = ticketkit_desk("ankra", tickets=25, faults=Faults(error_rate=1.0, error_statuses=(503,)), max_retries=0)
    with __import__("pytest").raises(ticketkit.ServerError):
        desk.tickets.get("4c1e4f4e-0000-4000-8000-000000000000")
    assert ticketkit_desk.sandbox.tickets == 25 and [r.status for r in ticketkit_desk.requests] == [503]

kept = []

def test_keep_a_desk(ticketkit_desk):
    kept.append(ticketkit_desk("routera"))

def test_the_kept_desk_was_closed_at_teardown():
    with __import__("pytest").raises(ticketkit.DeskClosedError):
        kept[0].tickets.get("1")
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)


def test_a_failing_assertion_lists_what_was_sent_and_why_it_did_not_match(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        CREATE
        + """
def test_wrong_body(ticketkit_desk):
    desk = ticketkit_desk("intercom")
    create(desk)
    wanted = {"ticket_attributes": {"_default_title_": "Fax"}}
    ticketkit_desk.requests.assert_sent("POST", "/tickets", json_includes=wanted)

def test_never_sent(ticketkit_desk):
    ticketkit_desk("intercom").tickets.get("611")
    ticketkit_desk.requests.assert_sent("DELETE", "/tickets/611")

def test_sent_too_often(ticketkit_desk):
    desk = ticketkit_desk("intercom")
    desk.tickets.get("611")
    desk.tickets.get("611")
    ticketkit_desk.requests.assert_sent("GET", "/tickets/611", times=1)
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(
        [
            "*AssertionError: expected POST /tickets with json_includes={*Fax*}, not sent",
            "*requests sent (1):",
            "*1. POST /tickets -> 200 {*Printer on fire*",
            "*same method and path, but:",
        ]
    )
    assert """- POST /tickets: json['ticket_attributes']['_default_title_'] is "Printer on fire", not "Fax\"""" in (
        result.stdout.str()
    )
    assert "_requests.py" not in result.stdout.str()  # the failure points at the user's line, not ours
    result.stdout.fnmatch_lines(
        ["*AssertionError: expected DELETE /tickets/611, not sent", "*1. GET /tickets/611 -> 200"]
    )
    result.stdout.fnmatch_lines(["*AssertionError: expected 1 x GET /tickets/611, sent 2"])


def test_a_users_async_tests_under_asyncio_run_and_under_anyio(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
import asyncio
import pytest
import ticketkit

def test_under_asyncio_run(ticketkit_async_desk):
    async def go():
        async with ticketkit_async_desk("tickiti") as desk:
            ticket = await desk.tickets.create(subject="Async", description="x", requester_email="a@example.com")
            return ticket, await desk.tickets.get(ticket.id)
    made, fetched = asyncio.run(go())
    assert made.id == fetched.id and fetched.subject == "Async"
    ticketkit_async_desk.requests.assert_sent("POST", "/api/v1/tickets", json_includes={"data": {"subject": "Async"}})

@pytest.mark.anyio
async def test_in_an_async_test(ticketkit_async_desk):
    async with ticketkit_async_desk("intercom") as desk:
        ticket = await desk.tickets.get("611")
    assert ticket.id == "611"
    ticketkit_async_desk.requests.assert_sent("GET", "/tickets/611", times=1)

kept = []

def test_keep_an_open_async_desk(ticketkit_async_desk):
    desk = ticketkit_async_desk("ankra")
    asyncio.run(desk.tickets.list().__anext__())  # used in a loop that is gone, never closed
    kept.append(desk)

def test_the_kept_async_desk_was_closed_at_teardown():
    async def go():
        await kept[0].tickets.get("4c1e4f4e-0000-4000-8000-000000000000")
    with pytest.raises(ticketkit.DeskClosedError):
        asyncio.run(go())
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_a_users_test_gets_a_served_sandbox_stopped_at_teardown(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
import httpx
import pytest
import ticketkit

urls = []

def test_code_that_takes_a_base_url(ticketkit_server):
    served = ticketkit_server("tickiti")
    assert served.base_url.startswith("http://127.0.0.1:") and served.base_url.endswith("/helpdesk")
    answer = httpx.post(
        served.base_url + "/api/v1/tickets/show",
        json={"ticket_number": "000000"},
        headers={"Authorization": f"Bearer {served.token}", "Accept": "application/json"},
    )
    assert answer.status_code == 404
    with ticketkit.connect("tickiti", **served.connect_options()) as desk:
        assert list(desk.tickets.list(limit=2))
    served.requests.assert_sent("POST", "/api/v1/tickets/show", json={"ticket_number": "000000"})
    served.requests.assert_sent("POST", "/api/v1/tickets/query")
    urls.append(served.base_url)

def test_the_server_was_stopped():
    with pytest.raises(httpx.ConnectError):
        httpx.get(urls[0], timeout=5)
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_plugin_imports_no_sandbox_and_adds_no_autouse_fixture_to_tests_that_do_not_use_it(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        """
import sys

def test_untouched(request):
    assert "ticketkit.pytest_plugin" in sys.modules  # the plugin is loaded...
    assert not [m for m in sys.modules if m.startswith("ticketkit.sandbox")]  # ...and imported no sandbox
    assert not [name for name in request.fixturenames if name.startswith("ticketkit")]  # nor an autouse fixture

def test_listed(pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin("ticketkit")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    listed = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    listed.stdout.fnmatch_lines(["ticketkit_desk*", "ticketkit_async_desk*", "ticketkit_server*"])


def test_a_run_can_turn_the_plugin_off(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
def test_without(ticketkit_desk):
    pass
"""
    )
    result = pytester.runpytest("-p", "no:ticketkit", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'ticketkit_desk' not found*"])


# -- the factories used directly, and the request log ----------------------------------------------------------


def test_asking_for_the_sandbox_before_making_a_desk_says_how() -> None:
    factory = DeskFactory()
    with pytest.raises(RuntimeError, match=r"call the fixture first"):
        factory.sandbox  # noqa: B018
    other = ticketkit.connect("intercom", token="x")
    with pytest.raises(ValueError, match="not made by the ticketkit_desk fixture"):
        factory.sandbox_of(other)
    other.close()


def test_a_bad_sandbox_keyword_is_the_sandboxs_error(
    ticketkit_desk: DeskFactory, ticketkit_server: ServerFactory
) -> None:
    with pytest.raises(ValueError, match="unknown vendor"):
        ticketkit_desk("zendesk")
    with pytest.raises(ValueError, match="tickets must be a whole number"):
        ticketkit_server("ankra", tickets=-1)
    with pytest.raises(ticketkit.InvalidArgumentError):
        ticketkit_desk("intercom", api_version="1.0")


def test_a_sandbox_records_nothing_unless_asked() -> None:
    sandbox = Sandbox("intercom")
    with ticketkit.connect("intercom", **sandbox.connect_options()) as desk:
        desk.tickets.get("611")
    assert len(sandbox.requests) == 0
    with pytest.raises(AssertionError, match=r"records no requests: Sandbox\(\.\.\., record_requests=True\)"):
        sandbox.requests.assert_sent("GET", "/tickets/611")


def test_the_log_keeps_method_path_query_headers_body_and_status() -> None:
    sandbox = Sandbox("ankra", record_requests=True)
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        http.get("/api/v1/org/support/tickets?page=2&status=open&status=closed", headers={"X-Trace": "t1"})
        http.post("/api/v1/org/support/tickets/review", content=b"not json", headers={"Authorization": "Bearer x"})
    first, second = sandbox.requests
    assert (first.method, first.path, first.status) == ("GET", "/api/v1/org/support/tickets", 401)
    assert first.params == {"page": ["2"], "status": ["open", "closed"]}
    assert first.headers["x-trace"] == "t1" and first.body == b""
    assert (second.body, second.status) == (b"not json", 401)
    with pytest.raises(ValueError, match="the body is not JSON: 'not json'"):
        second.json  # noqa: B018
    log = sandbox.requests
    log.assert_sent("GET", "/api/v1/org/support/tickets", params={"page": "2", "status": "closed"})
    with pytest.raises(AssertionError, match=r"query parameter status is 'closed', not 'open'"):
        log.assert_sent("get", "/api/v1/org/support/tickets", params={"status": "open"})
    with pytest.raises(AssertionError, match=r"header X-Trace is 't1', not 't2'"):
        log.assert_sent("GET", "/api/v1/org/support/tickets", headers={"X-Trace": "t2"})
    with pytest.raises(AssertionError, match=r"the body is not JSON"):
        log.assert_sent("POST", "/api/v1/org/support/tickets/review", json={})
    with pytest.raises(AssertionError, match=r"expected no GET /api/v1/org/support/tickets, sent 1"):
        log.assert_not_sent("GET", "/api/v1/org/support/tickets")
    log.assert_not_sent("DELETE", "/api/v1/org/support/tickets")
    assert [sent.method for sent in log.find(path="/api/v1/org/support/tickets/review")] == ["POST"]
    log.clear()
    assert len(log) == 0 and log.find() == []


def test_json_includes_compares_nested_objects_key_by_key() -> None:
    sandbox = Sandbox("intercom", record_requests=True)
    body = {"query": {"operator": "AND", "value": [1, 2]}, "pagination": {"per_page": 5}}
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        http.post("/tickets/search", content=json.dumps(body))
    log = sandbox.requests
    log.assert_sent("POST", "/tickets/search", json=body)
    log.assert_sent("POST", "/tickets/search", json_includes={"query": {"operator": "AND"}})
    with pytest.raises(AssertionError, match=r"json\['query'\]\['value'\] is \[1, 2\], not \[1\]"):
        log.assert_sent("POST", "/tickets/search", json_includes={"query": {"value": [1]}})
    with pytest.raises(AssertionError, match=r"json has no 'sort'"):
        log.assert_sent("POST", "/tickets/search", json_includes={"sort": "asc"})
    with pytest.raises(AssertionError, match=r"json is \{"):
        log.assert_sent("POST", "/tickets/search", json={"query": {}})
