"""Run by test_pages.py in a fresh Python process: list tickets page by page and print what came, as JSON.

    python tests/resume_child.py '{"vendor": ..., "mode": "sync"|"async", "connect": {...}, "pages": {...}}'

`pages` are the keywords of `desk.tickets.pages()` (`updated_since` as ISO 8601 text). Prints
`{"ids": [...], "pages": N, "watermark": ISO or null, "cursors": [...]}`. Nothing of the parent process
is shared but what the command line carries: the cursor string is all a resumed listing has.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from typing import Any

import ticketkit


def _keywords(job: dict[str, Any]) -> dict[str, Any]:
    keywords = dict(job["pages"])
    if keywords.get("updated_since"):
        keywords["updated_since"] = dt.datetime.fromisoformat(keywords["updated_since"])
    return keywords


def _summary(pages: list[ticketkit.TicketPage]) -> dict[str, Any]:
    last = pages[-1].watermark if pages else None
    return {
        "ids": [ticket.id for page in pages for ticket in page.items],
        "pages": len(pages),
        "watermark": None if last is None else last.isoformat(),
        "cursors": [page.cursor for page in pages],
    }


def run_sync(job: dict[str, Any]) -> dict[str, Any]:
    with ticketkit.connect(job["vendor"], **job["connect"]) as desk:
        return _summary(list(desk.tickets.pages(**_keywords(job))))


async def run_async(job: dict[str, Any]) -> dict[str, Any]:
    async with ticketkit.connect_async(job["vendor"], **job["connect"]) as desk:
        return _summary([page async for page in desk.tickets.pages(**_keywords(job))])


def main() -> None:
    job = json.loads(sys.argv[1])
    result = run_sync(job) if job["mode"] == "sync" else asyncio.run(run_async(job))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
