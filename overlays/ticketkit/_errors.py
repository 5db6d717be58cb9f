"""ticketkit's exceptions: one tree for every vendor.

TicketkitError
├── APIConnectionError            no response (DNS, refused, reset)
│   └── APITimeoutError
├── APIStatusError                vendor, status_code, code, message, request_id, body, response
│   ├── InvalidRequestError       400, 422 (problems: list of field/message)
│   ├── AuthenticationError       401
│   ├── PermissionDeniedError     403
│   ├── NotFoundError             404
│   ├── ConflictError             409 (duplicates, idempotency conflicts, Ankra review flags)
│   ├── RateLimitError            429 (retry_after)
│   └── ServerError               5xx
├── ResponseValidationError       a 2xx body that does not match the vendor's spec
│   └── PagingLoopError           tickets.list: the vendor's pages went round in a circle
├── UnsupportedOperationError     the vendor has no such operation
├── ResponseTooLargeError         a body over max_response_bytes, or a download over max_download_bytes
├── InvalidArgumentError          a bad argument, refused before anything is sent
├── DeskClosedError               the desk was closed; nothing is sent (also a RuntimeError)
└── WebhookVerificationError      ticketkit.webhooks refused a notification (signature, body, payload)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "ConflictError",
    "DeskClosedError",
    "ErrorInfo",
    "InvalidArgumentError",
    "InvalidRequestError",
    "NotFoundError",
    "PagingLoopError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "TicketkitError",
    "UnsupportedOperationError",
    "WebhookVerificationError",
    "refuse_unknown",
    "status_error",
]


class TicketkitError(Exception):
    """Base of every exception ticketkit raises."""


class APIConnectionError(TicketkitError):
    """No response came back: DNS failure, refused or reset connection, TLS failure (after the retries).

    `vendor` is the desk's vendor, `message` what went wrong."""

    def __init__(self, vendor: str, message: str) -> None:
        super().__init__(message)
        self.vendor = vendor
        self.message = message


class APITimeoutError(APIConnectionError):
    """The vendor did not answer in time (an attempt, a download or a whole call past its timeout)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request, as the vendor's validation error names it."""

    field: str | None
    message: str


@dataclass(frozen=True)
class ErrorInfo:
    """What a vendor's error body says, read by that vendor's adapter."""

    message: str
    code: str | None = None
    request_id: str | None = None
    problems: tuple[Problem, ...] = ()


class APIStatusError(TicketkitError):
    """The vendor answered with an error status (a subclass says which); raised by every desk method.

    `vendor`; `status_code`; `code`, `message` and `request_id` as the vendor's error body gives them (`message`
    always set); `problems` (a list of `Problem`) the fields it named; `body` the parsed error body; `response`
    the `httpx.Response`."""

    def __init__(self, vendor: str, response: httpx.Response, info: ErrorInfo, body: Any) -> None:
        self.vendor = vendor
        self.response = response
        self.status_code = response.status_code
        self.code = info.code
        self.message = info.message
        self.request_id = info.request_id
        self.body = body
        self.problems: list[Problem] = list(info.problems)
        reason = f" {response.reason_phrase}" if response.reason_phrase else ""
        code = f" [{info.code}]" if info.code else ""
        request_id = f" (request id {info.request_id})" if info.request_id else ""
        super().__init__(f"{vendor}: HTTP {self.status_code}{reason}{code}: {info.message}{request_id}")


class InvalidRequestError(APIStatusError):
    """400 or 422: the vendor refused the request's content; `problems` lists what it named."""


class AuthenticationError(APIStatusError):
    """401: missing, wrong or expired credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials are valid but may not do this."""


class NotFoundError(APIStatusError):
    """404: no such ticket, comment or attachment (or not visible to these credentials)."""


class ConflictError(APIStatusError):
    """409: a duplicate, an idempotency-key conflict, or an Ankra review flag."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` is the wait in seconds the vendor asked for, if it said."""

    def __init__(
        self,
        vendor: str,
        response: httpx.Response,
        info: ErrorInfo,
        body: Any,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(vendor, response, info, body)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: the vendor failed (retried first, for a read or a request it may safely repeat)."""


class ResponseValidationError(TicketkitError):
    """A success response whose body does not match the vendor's spec (raised by any desk method that reads one).

    `vendor`, `operation` ("tickets.get"...), `detail` what did not match, `response` the `httpx.Response` when
    there is one."""

    def __init__(self, vendor: str, operation: str, detail: str, response: httpx.Response | None = None) -> None:
        super().__init__(f"{vendor} {operation}: the response does not match the spec: {detail}")
        self.vendor = vendor
        self.operation = operation
        self.detail = detail
        self.response = response


class PagingLoopError(ResponseValidationError):
    """`tickets.list` stopped because the vendor's paging went round in a circle: it sent back a cursor the
    list had already followed, or two pages since the last new ticket held only tickets already listed. Every
    ticket yielded before it was new (a list never yields one id twice). `cursor` is the cursor concerned,
    `page` the number of the page (from 1) that showed the loop."""

    def __init__(self, vendor: str, detail: str, cursor: Any, page: int) -> None:
        super().__init__(vendor, "tickets.list", detail)
        self.args = (f"{vendor} tickets.list: the vendor's paging goes round in a circle: {detail}",)
        self.cursor = cursor
        self.page = page


class UnsupportedOperationError(TicketkitError):
    """The vendor has no such operation; raised before any request is sent (`desk.capabilities` says in advance).

    `vendor`, and `operation` the unified name ("tickets.close"...)."""

    def __init__(self, vendor: str, operation: str) -> None:
        super().__init__(f"{vendor} does not support {operation}")
        self.vendor = vendor
        self.operation = operation


class ResponseTooLargeError(TicketkitError):
    """A response body bigger than its limit, counted decoded as it arrives; nothing partial is returned.

    The limit is `max_response_bytes` for an API answer and `max_download_bytes` for a download (both
    `connect()` keywords); `limit` holds it. Reading stops there: the rest of the body is never received.
    """

    def __init__(self, message: str, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


class InvalidArgumentError(TicketkitError, ValueError):
    """An argument ticketkit can tell is wrong before sending anything (also a ValueError)."""


class DeskClosedError(TicketkitError, RuntimeError):
    """A method of a desk that was closed (`close()`, or the end of its `with` block); nothing was sent.

    Also a RuntimeError, which is what httpx raised here before."""


def refuse_unknown(where: str, given: Mapping[str, Any], allowed: frozenset[str], label: str) -> None:
    """InvalidArgumentError naming the keywords in `given` that are not `allowed`, and the allowed ones."""
    unknown = sorted(set(given) - allowed)
    if unknown:
        accepted = ", ".join(sorted(allowed)) or "none"
        raise InvalidArgumentError(f"{where}: unexpected keyword(s) {', '.join(unknown)} ({label}: {accepted})")


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: InvalidRequestError,
    429: RateLimitError,
}


def status_error(
    vendor: str, response: httpx.Response, info: ErrorInfo, body: Any, retry_after: float | None = None
) -> APIStatusError:
    """The exception for an error response: the class follows the status, any status works (418, 520...)."""
    status = response.status_code
    if status == 429:
        return RateLimitError(vendor, response, info, body, retry_after)
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIStatusError)
    return cls(vendor, response, info, body)


class WebhookVerificationError(TicketkitError):
    """A webhook `ticketkit.webhooks.verify_and_parse` refused: a missing or wrong signature, a body that is
    not JSON, or a payload that is not the vendor's notification. `vendor` names the vendor it was checked as,
    `reason` what was wrong."""

    def __init__(self, vendor: str, reason: str) -> None:
        super().__init__(f"{vendor} webhook refused: {reason}")
        self.vendor = vendor
        self.reason = reason
