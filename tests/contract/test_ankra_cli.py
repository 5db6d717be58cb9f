"""Ankra's own client code against our Ankra sandbox on loopback (`nox -s contract`).

Once per session, `internal/client/support.go` of Ankra's CLI (TICKETKIT_ANKRA_CLI, unmodified) is copied into
a temporary Go module beside our shim (`ankra_driver/shim.go`: the Client struct and error helpers it takes
from the rest of its package) and our driver (`ankra_driver/main.go`), and compiled offline with TICKETKIT_GO
(GOPROXY=off, GOFLAGS=-mod=mod, GOCACHE and GOPATH in the temporary folder). Each test serves a fresh seeded
sandbox on 127.0.0.1, runs the client's calls through the driver and asserts what the client made of each
answer: its own parse (its Go structs, marshalled back to JSON) or the sentinel error it returned. Every
request the client sent is recorded, and every answer must conform to specs/ankra.yaml.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import httpx
import pytest
from spec_check import response_problems
from ticketkit.sandbox import TOKEN, Sandbox, serving
from ticketkit.sandbox.ankra.models import stable_id

DRIVER_SOURCE = Path(__file__).parent / "ankra_driver"
CLIENT_CODE = Path("internal") / "client" / "support.go"
TICKETS = "/api/v1/org/support/tickets"
UPGRADE = stable_id("ticket:upgrade-stuck")  # seeded: in_progress, tracked by the team, three comments
UPGRADE_SUBJECT = "Cluster upgrade to 1.30 stuck on prod-eu-1"
INGRESS = stable_id("ticket:ingress-502")  # seeded: open
UNKNOWN = "0b8e2a0c-6f53-4d0e-9a51-5c3f4f1f7d2e"
DETAILED = "All worker nodes went NotReady at 14:00, right after the upgrade to 1.30 finished."

# The JSON keys of the client's Go structs (internal/client/support.go), to compare its parse with the answer.
TICKET_KEYS = [
    "id",
    "organisation_id",
    "cluster_id",
    "cluster_name",
    "source",
    "category",
    "subject",
    "description",
    "status",
    "severity",
    "ai_summary",
    "ai_review_status",
    "is_tracked_by_team",
    "comments",
    "created_at",
    "updated_at",
]
SUMMARY_KEYS = [
    "id",
    "cluster_id",
    "cluster_name",
    "source",
    "category",
    "subject",
    "status",
    "severity",
    "ai_review_status",
    "is_tracked_by_team",
    "created_at",
    "updated_at",
]
COMMENT_KEYS = ["id", "author_type", "author_label", "body", "created_at"]
REVIEW_KEYS = [
    "review_id",
    "enrichment",
    "quality",
    "quality_flags",
    "clarifying_questions",
    "duplicate_candidates",
    "recommended_action",
    "expires_at",
]
# The fields the structs hold as pointers (`omitempty`): a null in the answer is absent from the client's view.
TICKET_POINTERS = {"cluster_id", "cluster_name", "severity", "ai_summary"}
ENRICHMENT_KEYS = ["summary", "severity", "category"]  # all pointers


def _clean_env(**variables: str) -> dict[str, str]:
    """Only what a run needs: no proxy or Go setting of the machine leaks in."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **variables}


def _required_path(variable: str) -> Path:
    value = os.environ.get(variable)
    if not value:
        pytest.fail(f"{variable} is unset: `nox -s contract` sets it")
    return Path(value)


@pytest.fixture(scope="session")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The driver, compiled once from Ankra's client code, our shim and our main; returns the executable."""
    go = _required_path("TICKETKIT_GO")
    cli = _required_path("TICKETKIT_ANKRA_CLI")
    root = tmp_path_factory.mktemp("ankra-cli")
    module = root / "module"
    (module / CLIENT_CODE.parent).mkdir(parents=True)
    shutil.copyfile(cli / CLIENT_CODE, module / CLIENT_CODE)
    shutil.copyfile(DRIVER_SOURCE / "shim.go", module / CLIENT_CODE.parent / "shim.go")
    shutil.copyfile(DRIVER_SOURCE / "main.go", module / "main.go")
    # The CLI's own module path, so that the driver imports the client package as the CLI does.
    (module / "go.mod").write_text("module ankra\n\ngo 1.19\n")
    executable = root / "driver"
    env = _clean_env(
        HOME=str(root),
        GOCACHE=str(root / "gocache"),
        GOPATH=str(root / "gopath"),
        GOFLAGS="-mod=mod",
        GOPROXY="off",
        GOENV="off",
        GOWORK="off",
        GOTOOLCHAIN="local",
        # With a C compiler, Go links the standard library it ships precompiled (about 1 s); without one,
        # cgo off makes it compile the library first (several seconds). Either serves 127.0.0.1.
        CGO_ENABLED="1" if shutil.which("gcc") else "0",  # gcc: Go's default C compiler
    )
    built = subprocess.run(
        [str(go), "build", "-o", str(executable), "."],
        cwd=module,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, f"compiling Ankra's client code failed:\n{built.stderr}"
    return executable


# -- one call of the client, and what the sandbox saw -------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What Ankra's client returned: its parse of the answer, or its error."""

    result: Any
    sentinel: str | None  # ErrUnauthorized, ErrSupportTicketNotFound, ErrSupportReviewRequired, or "" (none)
    status: int | None  # the HTTP status of an error without a sentinel
    message: str | None

    @property
    def ok(self) -> bool:
        return self.sentinel is None


@dataclass
class Exchange:
    request: httpx.Request
    response: httpx.Response

    def body_sent(self) -> Any:
        """The JSON body the client sent."""
        return json.loads(self.request.content)


@dataclass
class Ankra:
    """Runs the client's calls against one served sandbox and keeps every exchange it caused."""

    driver: Path
    sandbox: Sandbox
    token: str = TOKEN
    exchanges: list[Exchange] = field(default_factory=list)

    def call(self, name: str, **request: Any) -> Outcome:
        before = len(self.exchanges)
        ran = subprocess.run(
            [str(self.driver), name],
            input=json.dumps(request),
            env=_clean_env(ANKRA_BASE_URL=self.sandbox.base_url, ANKRA_TOKEN=self.token),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert ran.returncode == 0, f"driver {name}: {ran.stderr}"
        answer = json.loads(ran.stdout)
        for exchange in self.exchanges[before:]:  # every answer the client got conforms to our spec
            assert response_problems("ankra", exchange.request, exchange.response) == []
        error = answer["error"]
        if error is None:
            return Outcome(answer["result"], None, None, None)
        return Outcome(None, error["sentinel"], error.get("status"), error["message"])

    @property
    def last(self) -> Exchange:
        return self.exchanges[-1]

    def raw(self, exchange: Exchange | None = None) -> Any:
        """The JSON the sandbox answered with (the last answer by default)."""
        return (exchange or self.last).response.json()


@pytest.fixture
def ankra(driver: Path) -> Iterator[Ankra]:
    """A fresh seeded Ankra sandbox on loopback, recording each request and answer; stopped afterwards."""
    with serving("ankra") as sandbox:
        session = Ankra(driver, sandbox)
        handle = sandbox.app.handle

        def recorded(request: httpx.Request) -> httpx.Response:
            response = handle(request)
            session.exchanges.append(Exchange(request, response))
            return response

        sandbox.app.handle = recorded  # type: ignore[method-assign]
        yield session


# -- how the client's structs see an answer -----------------------------------------------------------------


def go_view(raw: dict[str, Any], keys: list[str], pointers: Collection[str] = ()) -> dict[str, Any]:
    """`raw` as the client's struct holds it: only its keys, a null pointer field left out."""
    return {k: raw[k] for k in keys if k in raw and not (k in pointers and raw[k] is None)}


def ticket_view(raw: dict[str, Any]) -> dict[str, Any]:
    view = go_view(raw, TICKET_KEYS, TICKET_POINTERS)
    view["comments"] = [go_view(c, COMMENT_KEYS) for c in raw["comments"]]
    return view


def review_view(raw: dict[str, Any]) -> dict[str, Any]:
    view = go_view(raw, REVIEW_KEYS)
    view["enrichment"] = go_view(raw["enrichment"], ENRICHMENT_KEYS, ENRICHMENT_KEYS)
    return view


def list_view(raw: dict[str, Any]) -> dict[str, Any]:
    rows = [go_view(row, SUMMARY_KEYS, TICKET_POINTERS) for row in raw["result"]]
    return {"result": rows, "pagination": raw["pagination"]}


def draft(**fields: Any) -> dict[str, Any]:
    """A ReviewSupportTicketRequest as `ankra support create` fills it (category and source have defaults)."""
    return {"subject": "Nodes NotReady", "description": DETAILED, "category": "technical", "source": "cli", **fields}


def total(ankra: Ankra) -> int:
    listed = ankra.call("list")
    assert listed.ok
    count: int = listed.result["pagination"]["total_count"]
    return count


# -- review, then create from the review: `ankra support create` ------------------------------------------


def test_review_answer_is_what_the_client_reads(ankra: Ankra) -> None:
    review = ankra.call("review", **draft())
    assert review.ok
    assert ankra.last.body_sent() == draft()  # ReviewSupportTicketRequest; no cluster, so no cluster_id
    assert review.result == review_view(ankra.raw())  # the client's parse is the whole answer
    assert review.result["quality"] == "pass" and review.result["duplicate_candidates"] == []
    assert review.result["enrichment"] == {"summary": DETAILED, "category": "technical"}  # no severity suggested
    uuid.UUID(review.result["review_id"])


def test_passing_review_creates_without_acknowledging(ankra: Ankra) -> None:
    review = ankra.call("review", **draft(cluster_id=stable_id("cluster:prod-eu-1")))
    assert review.ok and review.result["quality"] == "pass" and not review.result["duplicate_candidates"]
    # What the CLI sends next: only the review's id, its source and acknowledged=false (no --force needed).
    created = ankra.call("create", review_id=review.result["review_id"], source="cli", acknowledged=False)
    assert created.ok
    assert ankra.last.body_sent() == {"review_id": review.result["review_id"], "source": "cli", "acknowledged": False}
    assert ankra.last.response.status_code == 201
    assert created.result == ticket_view(ankra.raw())
    ticket = created.result
    assert (ticket["subject"], ticket["description"], ticket["category"], ticket["source"]) == (
        "Nodes NotReady",
        DETAILED,
        "technical",
        "cli",
    )
    assert (ticket["cluster_name"], ticket["status"], ticket["ai_review_status"]) == ("prod-eu-1", "open", "passed")
    assert ticket["comments"] == [] and "severity" not in ticket
    fetched = ankra.call("get", ticket_id=ticket["id"])
    assert fetched.ok and fetched.result == ticket


def test_flagged_review_without_acknowledging_is_review_required(ankra: Ankra) -> None:
    review = ankra.call("review", **draft(description="nodes broken"))
    assert review.ok and review.result["quality"] == "flag"
    assert review.result["quality_flags"] == [
        "The description has fewer than 20 characters: add what you expected, what happened instead, and when it"
        " started."
    ]
    assert len(review.result["clarifying_questions"]) == 2
    count = total(ankra)
    refused = ankra.call("create", review_id=review.result["review_id"], source="cli", acknowledged=False)
    assert (refused.sentinel, refused.status) == ("ErrSupportReviewRequired", None)
    assert ankra.last.response.status_code == 409
    # The client adds the 409's `detail` to its sentinel's words (extractDetail).
    assert refused.message == (
        "ticket flagged in review; retry with --force to submit anyway: " + ankra.raw()["detail"]
    )
    assert "Resend with acknowledged=true" in refused.message
    assert total(ankra) == count


def test_flagged_review_acknowledged_creates_the_ticket(ankra: Ankra) -> None:
    review = ankra.call("review", **draft(description="nodes broken"))
    assert review.ok and review.result["quality"] == "flag"
    # `--force --severity high`: acknowledged, and the one draft field the backend still honours.
    created = ankra.call(
        "create", review_id=review.result["review_id"], severity="high", source="cli", acknowledged=True
    )
    assert created.ok
    assert ankra.last.body_sent() == {
        "review_id": review.result["review_id"],
        "severity": "high",
        "source": "cli",
        "acknowledged": True,
    }
    assert created.result == ticket_view(ankra.raw())
    assert (created.result["description"], created.result["severity"], created.result["ai_review_status"]) == (
        "nodes broken",
        "high",
        "flagged",
    )


def test_possible_duplicate_needs_acknowledging_like_a_flag(ankra: Ankra) -> None:
    review = ankra.call("review", **draft(subject=UPGRADE_SUBJECT))
    assert review.ok and review.result["quality"] == "pass"
    assert review.result["duplicate_candidates"] == [
        {
            "candidate_id": UPGRADE,
            "summary": "Control-plane upgrade to 1.30 is blocked: the node drain step is crash-looping.",
            "status_label": "Being worked on",
            "confidence": "high",
            "already_resolved": False,
        }
    ]
    assert review.result["recommended_action"] == "check_duplicates"
    refused = ankra.call("create", review_id=review.result["review_id"], source="cli", acknowledged=False)
    assert refused.sentinel == "ErrSupportReviewRequired"
    assert refused.message is not None and "possible duplicate of 1 existing ticket(s)" in refused.message
    created = ankra.call("create", review_id=review.result["review_id"], source="cli", acknowledged=True)
    assert created.ok and created.result["subject"] == UPGRADE_SUBJECT


@pytest.mark.parametrize("case", ["used", "expired", "unknown"])
def test_a_review_that_cannot_open_a_ticket_is_an_unexpected_422(ankra: Ankra, case: str) -> None:
    review = ankra.call("review", **draft())
    assert review.ok
    review_id = review.result["review_id"]
    if case == "used":
        assert ankra.call("create", review_id=review_id, source="cli").ok
    elif case == "expired":
        stored = ankra.sandbox.app.store.reviews[review_id]  # type: ignore[attr-defined]
        with ankra.sandbox.app.lock:
            stored.expires_at = stored.expires_at.replace(year=2001)
    else:
        review_id = UNKNOWN
    count = total(ankra)
    refused = ankra.call("create", review_id=review_id, source="cli", acknowledged=True)
    # The client has no sentinel for it: an error carrying the status and the body.
    assert (refused.sentinel, refused.status) == ("", 422)
    problem = ankra.raw()["detail"][0]
    assert problem["loc"] == ["body", "review_id"] and refused.message is not None and problem["msg"] in refused.message
    assert total(ankra) == count


def test_create_from_raw_fields_reviews_inline(ankra: Ankra) -> None:
    cluster = stable_id("cluster:staging-us-1")
    created = ankra.call(
        "create",
        subject="Ingress 502 on staging",
        description="Every request through the staging ingress answers 502 since 09:00.",
        category="bug",
        cluster_id=cluster,
        severity="critical",
        source="agent",
        acknowledged=False,
    )
    assert created.ok
    assert ankra.last.body_sent() == {
        "subject": "Ingress 502 on staging",
        "description": "Every request through the staging ingress answers 502 since 09:00.",
        "category": "bug",
        "cluster_id": cluster,
        "severity": "critical",
        "source": "agent",
        "acknowledged": False,
    }
    assert created.result == ticket_view(ankra.raw())
    assert (created.result["category"], created.result["cluster_name"], created.result["source"]) == (
        "bug",
        "staging-us-1",
        "agent",
    )
    flagged = ankra.call("create", subject="Broken", description="help", source="cli", acknowledged=False)
    assert flagged.sentinel == "ErrSupportReviewRequired"


# -- list, get, comment, attach, close ---------------------------------------------------------------------


def test_list_with_two_statuses_a_query_and_paging(ankra: Ankra) -> None:
    both = ankra.call("list", Status=["open", "in_progress"])
    assert both.ok and both.result == list_view(ankra.raw())
    assert ankra.last.request.url.query == b"status=open&status=in_progress"  # repeated, as the client sends it
    assert [row["id"] for row in both.result["result"]] == [INGRESS, UPGRADE]  # any of the two, newest first
    assert both.result["pagination"] == {"page": 1, "page_size": 20, "total_pages": 1, "total_count": 2}
    upgrade = both.result["result"][1]
    assert (upgrade["status"], upgrade["severity"], upgrade["is_tracked_by_team"]) == ("in_progress", "high", True)

    second = ankra.call("list", Page=2, PageSize=1, Status=["open", "in_progress"])
    assert ankra.last.request.url.query == b"page=2&page_size=1&status=open&status=in_progress"
    assert [row["id"] for row in second.result["result"]] == [UPGRADE]
    assert second.result["pagination"] == {"page": 2, "page_size": 1, "total_pages": 2, "total_count": 2}

    found = ankra.call("list", Page=1, PageSize=25, Status=["open", "in_progress"], Query="UPGRADE TO")
    # Go's url.Values: keys sorted, a space as `+`.
    assert ankra.last.request.url.query == b"page=1&page_size=25&q=UPGRADE+TO&status=open&status=in_progress"
    assert [row["id"] for row in found.result["result"]] == [UPGRADE]  # the subject, any case

    everything = ankra.call("list")
    assert ankra.last.request.url.query == b""  # zero page and size are not sent
    statuses = [row["status"] for row in everything.result["result"]]
    assert statuses == ["open", "in_progress", "waiting_customer", "closed"]


def test_get_parses_the_ticket_and_its_thread(ankra: Ankra) -> None:
    got = ankra.call("get", ticket_id=UPGRADE)
    assert got.ok and got.result == ticket_view(ankra.raw())
    assert [(c["author_type"], c["author_label"]) for c in got.result["comments"]] == [
        ("staff", "Ankra Support"),
        ("user", "Dana Whitfield"),
        ("staff", "Ankra Support"),
    ]
    assert got.result["is_tracked_by_team"] is True and got.result["cluster_name"] == "prod-eu-1"


def test_unknown_ticket_is_not_found_for_every_ticket_call(ankra: Ankra, tmp_path: Path) -> None:
    upload = tmp_path / "shot.png"
    upload.write_bytes(b"\x89PNG")
    calls = {
        "get": {},
        "comment": {"body": "Any update?"},
        "upload": {"path": str(upload)},
        "close": {},
    }
    for name, arguments in calls.items():
        outcome = ankra.call(name, ticket_id=UNKNOWN, **arguments)
        assert (name, outcome.sentinel) == (name, "ErrSupportTicketNotFound")
        assert ankra.raw() == {"detail": "Ticket not found"}


def test_comment_returns_the_ticket_with_the_reply_last(ankra: Ankra) -> None:
    replied = ankra.call("comment", ticket_id=INGRESS, body="Any update?")
    assert replied.ok and ankra.last.body_sent() == {"body": "Any update?"}
    assert replied.result == ticket_view(ankra.raw())
    [comment] = replied.result["comments"]
    assert (comment["body"], comment["author_type"], comment["author_label"]) == (
        "Any update?",
        "user",
        "Dana Whitfield",
    )
    assert ankra.call("get", ticket_id=INGRESS).result["comments"] == [comment]


def test_upload_sends_one_file_part_and_the_file_is_kept(ankra: Ankra, tmp_path: Path) -> None:
    content = b"\x89PNG\r\n\x1a\n\x00\xff not text \r\n--boundary-like\r\n"
    path = tmp_path / "screen shot.png"
    path.write_bytes(content)
    uploaded = ankra.call("upload", ticket_id=INGRESS, path=str(path))
    assert uploaded.ok and uploaded.result == ticket_view(ankra.raw())
    assert ankra.last.response.status_code == 201  # one of the two statuses the client accepts
    request = ankra.last.request
    form = BytesParser(policy=HTTP).parsebytes(
        b"content-type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.content
    )
    [part] = list(form.iter_parts())
    assert (part.get_param("name", header="content-disposition"), part.get_filename()) == ("file", "screen shot.png")
    assert part.get_payload(decode=True) == content
    # The client's struct has no attachments; the sandbox's answer and a download show the file arrived.
    [_, added] = ankra.raw()["attachments"]
    assert (added["filename"], added["content_type"], added["size_bytes"]) == (
        "screen shot.png",
        "application/octet-stream",  # what Go's multipart writer labels every file
        len(content),
    )
    with httpx.Client(base_url=ankra.sandbox.base_url, headers={"authorization": f"Bearer {TOKEN}"}) as http:
        assert http.get(f"{TICKETS}/{INGRESS}/attachments/{added['id']}").content == content


def test_close_returns_the_closed_ticket(ankra: Ankra) -> None:
    closed = ankra.call("close", ticket_id=INGRESS)
    assert closed.ok and ankra.last.request.content == b""
    assert closed.result == ticket_view(ankra.raw()) and closed.result["status"] == "closed"
    listed = ankra.call("list", Status=["closed"])
    assert INGRESS in [row["id"] for row in listed.result["result"]]


def test_a_wrong_token_is_unauthorized_for_every_call(ankra: Ankra, tmp_path: Path) -> None:
    upload = tmp_path / "log.txt"
    upload.write_bytes(b"log")
    ankra.token = "not-the-token"
    calls: dict[str, dict[str, Any]] = {
        "review": draft(),
        "create": {"review_id": UNKNOWN, "source": "cli", "acknowledged": True},
        "list": {"Status": ["open"]},
        "get": {"ticket_id": UPGRADE},
        "comment": {"ticket_id": UPGRADE, "body": "hi"},
        "upload": {"ticket_id": UPGRADE, "path": str(upload)},
        "close": {"ticket_id": UPGRADE},
    }
    for name, arguments in calls.items():
        outcome = ankra.call(name, **arguments)
        assert (name, outcome.sentinel) == (name, "ErrUnauthorized")
        assert ankra.last.response.status_code == 401
    assert len(ankra.exchanges) == len(calls)
    ankra.token = TOKEN
    assert ankra.call("get", ticket_id=UPGRADE).result["status"] == "in_progress"  # nothing was closed
