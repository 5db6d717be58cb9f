"""ticketkit: one interface over the Routera, Intercom, Tickiti and Ankra helpdesk APIs.

    import ticketkit

    with ticketkit.connect("intercom", token="...") as desk:
        ticket = desk.tickets.get("1268")

The generated, typed clients ship beside this package as `routera_client`, `intercom_client`,
`tickiti_client` and `ankra_client`; `desk.client` is the one behind a desk.
"""

from ticketkit_models import Attachment, Comment, Party, PartyKind, Priority, Ticket, TicketStatus

from ._adapter import Capabilities, RejectedRecord
from ._budget import RateLimitStatus
from ._connect import connect, connect_async
from ._desk import AsyncDesk, Desk
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    DeskClosedError,
    InvalidArgumentError,
    InvalidRequestError,
    NotFoundError,
    PagingLoopError,
    PermissionDeniedError,
    Problem,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    TicketkitError,
    UnsupportedOperationError,
    WebhookVerificationError,
)
from ._export import to_dict, to_json
from ._hooks import Hooks, RateLimitWaitEvent, RequestEvent, ResponseEvent, RetryEvent
from ._paging import TicketPage
from ._raw import RawResponse
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDesk",
    "Attachment",
    "AuthenticationError",
    "Capabilities",
    "Comment",
    "ConflictError",
    "Desk",
    "DeskClosedError",
    "Hooks",
    "InvalidArgumentError",
    "InvalidRequestError",
    "NotFoundError",
    "PagingLoopError",
    "Party",
    "PartyKind",
    "PermissionDeniedError",
    "Priority",
    "Problem",
    "RateLimitError",
    "RateLimitStatus",
    "RateLimitWaitEvent",
    "RawResponse",
    "RejectedRecord",
    "RequestEvent",
    "ResponseEvent",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryEvent",
    "ServerError",
    "Ticket",
    "TicketPage",
    "TicketStatus",
    "TicketkitError",
    "UnsupportedOperationError",
    "WebhookVerificationError",
    "__version__",
    "connect",
    "connect_async",
    "to_dict",
    "to_json",
]
