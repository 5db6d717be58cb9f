"""Open the built site in headless Chromium as a reader would, and fail on what a reader would find broken.

    python docs/_scripts/check_site.py --site site --chromium /usr/bin/chromium --screenshot build/docs-front.png

Serves SITE on 127.0.0.1 (a port the system picks; the server is stopped at the end), then, with Playwright
driving the given Chromium (no browser of Playwright's own is needed):

- visits every page reachable from the front page through the site's own links, and fails on an HTTP error
  (the page or anything it loads), a request that failed, a console error or an uncaught exception, or main
  content shorter than --min-chars (an empty render); an API reference page must render at least one object;
- checks every internal link: its page exists and, when it names a fragment, the target page has that id;
- types --query into the search box and waits for results (none is a failure);
- on the front page at 1280x800, fails on a code block wider than its column (the newcomer's first read:
  the diagram and the quick start must not scroll sideways), and saves a screenshot of it.

Prints what it checked; exit status 1 with the list of failures, 0 when there are none.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag

from playwright.sync_api import ConsoleMessage, Page, Request, Response, sync_playwright

MAIN = "article.md-content__inner"
API_OBJECT = "div.doc.doc-object"
SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT = "li.md-search-result__item"
PAGE_TIMEOUT_MS = 30_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the check prints its own summary
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """SITE served on 127.0.0.1 for the block; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Findings:
    failures: list[str] = field(default_factory=list)
    pages: dict[str, set[str]] = field(default_factory=dict)  # page URL -> the ids it holds
    links: dict[tuple[str, str], str] = field(default_factory=dict)  # (target page, fragment) -> first source
    current: str = ""

    def fail(self, message: str) -> None:
        self.failures.append(message)


def watch(page: Page, findings: Findings) -> None:
    """Record, against the page being visited, every HTTP error, failed request, console error and exception."""

    def on_response(response: Response) -> None:
        if response.status >= 400:
            findings.fail(f"{findings.current}: HTTP {response.status} for {response.url}")

    def on_request_failed(request: Request) -> None:
        if request.failure == "net::ERR_ABORTED":
            return  # cancelled by the next navigation (the search worker, say); an HTTP error is still caught
        findings.fail(f"{findings.current}: request failed ({request.failure}) for {request.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            findings.fail(f"{findings.current}: console error: {message.text}")

    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    page.on("console", on_console)
    page.on("pageerror", lambda error: findings.fail(f"{findings.current}: uncaught exception: {error}"))


def crawl(page: Page, base: str, findings: Findings, min_chars: int) -> None:
    queue = [base]
    while queue:
        url = queue.pop(0)
        if url in findings.pages:
            continue
        findings.current = url.removeprefix(base) or "/"
        response = page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
        findings.pages[url] = set()
        if response is None or not response.ok:
            continue  # the response handler has recorded the status
        text = page.inner_text(MAIN) if page.query_selector(MAIN) else ""
        if len(text.strip()) < min_chars:
            findings.fail(f"{findings.current}: main content is {len(text.strip())} characters (< {min_chars})")
        if "/api/" in url and not url.endswith("/api/") and page.locator(API_OBJECT).count() == 0:
            findings.fail(f"{findings.current}: an API reference page that renders no object")
        findings.pages[url] = set(page.eval_on_selector_all("[id], a[name]", "els => els.map(e => e.id || e.name)"))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)"):
            target, fragment = urldefrag(href)
            if not target.startswith(base):
                continue  # another site: not ours to check (and the check runs offline)
            findings.links.setdefault((target, fragment), url)
            if target not in findings.pages and (target.endswith("/") or target.endswith(".html")):
                queue.append(target)


def check_links(page: Page, base: str, findings: Findings) -> int:
    checked = 0
    for (target, fragment), source in findings.links.items():
        checked += 1
        where = source.removeprefix(base) or "/"
        if target not in findings.pages:
            status = page.request.get(target).status  # a file of the site that is not a page
            if status >= 400:
                findings.fail(f"{where}: broken link to {target.removeprefix(base)} (HTTP {status})")
        elif fragment and fragment not in findings.pages[target]:
            findings.fail(f"{where}: broken link to {target.removeprefix(base) or '/'}#{fragment} (no such id)")
    return checked


def search(page: Page, base: str, query: str, findings: Findings) -> list[str]:
    findings.current = f"search {query!r}"
    page.goto(base, wait_until="load", timeout=PAGE_TIMEOUT_MS)
    page.click(SEARCH_INPUT)  # in the header at this width; the search index loads in a web worker
    page.fill(SEARCH_INPUT, query)
    try:
        page.wait_for_selector(SEARCH_RESULT, timeout=PAGE_TIMEOUT_MS)
    except Exception:  # Playwright's TimeoutError: reported as the failure it is
        findings.fail(f"search for {query!r}: no results within {PAGE_TIMEOUT_MS // 1000} s")
        return []
    titles = page.eval_on_selector_all(f"{SEARCH_RESULT} h1, {SEARCH_RESULT} h2", "els => els.map(e => e.innerText)")
    return [title.strip() for title in titles]


def wide_code_blocks(page: Page) -> list[str]:
    """The code blocks of the page's main content wider than their box: "<first line>: N px too wide"."""
    found: list[str] = page.eval_on_selector_all(
        "article pre > code",
        """codes => codes
            .filter(code => code.scrollWidth > code.clientWidth + 1)
            .map(code => `${code.textContent.trim().split("\\n")[0].slice(0, 40)}...: `
                         + `${code.scrollWidth - code.clientWidth} px too wide`)""",
    )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the built site (mkdocs build's site_dir)")
    parser.add_argument("--chromium", required=True, help="the Chromium executable")
    parser.add_argument("--screenshot", type=Path, help="where to save the front page's screenshot (PNG)")
    parser.add_argument("--min-chars", type=int, default=200, help="the least main content a page may have")
    parser.add_argument("--query", default="connect", help="what to search for (it must find something)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} has no index.html: build the site first")

    findings = Findings()
    started = time.monotonic()
    with serving(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            watch(page, findings)
            crawl(page, base, findings, args.min_chars)
            links = check_links(page, base, findings)
            results = search(page, base, args.query, findings)
            findings.current = "front page"
            page.goto(base, wait_until="load", timeout=PAGE_TIMEOUT_MS)
            for overflow in wide_code_blocks(page):
                findings.fail(f"front page: a code block scrolls sideways at 1280 px ({overflow})")
            if args.screenshot:
                args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.screenshot))
            version = browser.version
        finally:
            browser.close()

    api_pages = [url for url in findings.pages if "/api/" in url]
    print(f"Chromium {version}: {len(findings.pages)} pages visited ({len(api_pages)} API reference), ", end="")
    print(f"{links} internal links checked, in {time.monotonic() - started:.1f} s")
    print(f"search {args.query!r}: {len(results)} results; first: {', '.join(results[:3]) or '-'}")
    if args.screenshot:
        print(f"front page screenshot: {args.screenshot}")
    if not api_pages:
        findings.fail("no API reference page is reachable from the front page")
    for failure in findings.failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"{len(findings.failures)} failures")
    return 1 if findings.failures else 0


if __name__ == "__main__":
    sys.exit(main())
