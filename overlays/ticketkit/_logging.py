"""The `ticketkit` logger: one line per HTTP attempt, never a credential.

Silent unless the application configures logging, or `TICKETKIT_LOG=info` (or `debug`, which adds the
request headers with credentials replaced) is set in the environment. Every record of this logger, and of httpx's
and httpcore's, passes the masking filter of `_redaction.py`: no credential a live desk was given is written.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

import httpx

from ._redaction import MaskingFilter, log_headers

if TYPE_CHECKING:
    from ._adapter import Adapter, Call

logger = logging.getLogger("ticketkit")
# The HTTP stack a desk drives logs too: httpx each status line (reason phrase included), httpcore at DEBUG the
# response headers. A server that echoes a credential would put it there, so their records are masked as well.
MASKED_LOGGERS = ("ticketkit", "httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")
_MASKING = MaskingFilter()
for _name in MASKED_LOGGERS:
    logging.getLogger(_name).addFilter(_MASKING)

LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def configure_from_environment() -> None:
    """Honour TICKETKIT_LOG=debug|info: a stderr handler on the `ticketkit` logger, once."""
    level = LEVELS.get(os.environ.get("TICKETKIT_LOG", "").strip().lower())
    if level is None or any(getattr(h, "_ticketkit", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._ticketkit = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)


def redacted(headers: httpx.Headers) -> dict[str, str]:
    """Headers fit for a log: credentials, cookies and secret-looking custom headers replaced."""
    return log_headers(headers)


def log_attempt(
    adapter: Adapter,
    call: Call,
    request: httpx.Request,
    attempt: int,
    elapsed: float,
    status: int | str,
    wait: float | None = None,
) -> None:
    """vendor, operation, method, path, status, attempt, elapsed time and the wait before a retry."""
    if not logger.isEnabledFor(logging.INFO):
        return
    then = f" retrying in {wait:.2f}s" if wait is not None else ""
    logger.info(
        "%s %s %s %s -> %s attempt=%d elapsed=%.3fs%s",
        adapter.vendor,
        call.operation,
        request.method,
        request.url.path,  # the path only: a query string can carry what it should not
        status,
        attempt,
        elapsed,
        then,
    )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s request headers: %s", adapter.vendor, redacted(request.headers))
