"""An MCP server run as a stdio subprocess, driven by the Python MCP client from a background event loop.

Tests stay synchronous: `McpStdio.call(tool, arguments)` hands the call to the loop that owns the session and
waits for the answer. Leaving the `with` block closes the session, which ends the subprocess (stdin closed,
then terminated if it lingers), and joins the loop's thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.types import CallToolResult, TextContent

STARTUP_SECONDS = 30
CALL_SECONDS = 30


class McpStdio:
    def __init__(self, command: str, args: list[str], env: dict[str, str], errlog: Path) -> None:
        self._params = StdioServerParameters(command=command, args=args, env=env)
        self._errlog = errlog
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="mcp-stdio", daemon=True)
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._session: ClientSession | None = None
        self._failure: BaseException | None = None

    def __enter__(self) -> McpStdio:
        self._thread.start()
        started = self._ready.wait(STARTUP_SECONDS)
        if not started or self._failure is not None:
            self._abandon()
            reason = "did not start" if started else f"did not start in {STARTUP_SECONDS} s"
            raise RuntimeError(f"the MCP server {reason} (see {self._errlog})") from self._failure
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        # Closing the session closes the server's stdin; the client terminates it if it lingers.
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(STARTUP_SECONDS)

    def _abandon(self) -> None:
        """Cancel a start that hung or failed: leaving stdio_client's block ends the subprocess."""
        if self._task is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended (and closed) by itself
                self._loop.call_soon_threadsafe(self._task.cancel)
        self._thread.join(STARTUP_SECONDS)

    def call(self, tool: str, arguments: dict[str, Any]) -> CallToolResult:
        assert self._session is not None, "not started"
        future = asyncio.run_coroutine_threadsafe(
            self._session.call_tool(tool, arguments, read_timeout_seconds=dt.timedelta(seconds=CALL_SECONDS)),
            self._loop,
        )
        return future.result(CALL_SECONDS + 5)

    def list_tools(self) -> list[str]:
        assert self._session is not None, "not started"
        future = asyncio.run_coroutine_threadsafe(self._session.list_tools(), self._loop)
        return [tool.name for tool in future.result(CALL_SECONDS).tools]

    # -- the loop's side ---------------------------------------------------------------------------------

    def _run(self) -> None:
        self._task = self._loop.create_task(self._serve())
        try:
            self._loop.run_until_complete(self._task)
        except BaseException as exc:  # reported to __enter__, or after a stop: nothing left to report to
            self._failure = exc
        finally:
            self._ready.set()
            self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        with self._errlog.open("w", encoding="utf-8") as errlog:
            async with stdio_client(self._params, errlog=errlog) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    self._session = session
                    self._ready.set()
                    await self._stop.wait()


def text_of(result: CallToolResult) -> str:
    """The tool result's text: what the client shows the model."""
    return "\n".join(item.text for item in result.content if isinstance(item, TextContent))


def json_of(result: CallToolResult) -> Any:
    """The JSON the client printed as its answer (its text, parsed)."""
    return json.loads(text_of(result))
