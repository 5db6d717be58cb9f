"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .o_auth_error import OAuthError
from .pagination import Pagination
from .ticket import Ticket
from .ticket_fields import TicketFields
from .ticket_list import TicketList
from .ticket_write import TicketWrite
from .token import Token
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType

__all__ = (
    "Error",
    "OAuthError",
    "Pagination",
    "Ticket",
    "TicketFields",
    "TicketList",
    "TicketWrite",
    "Token",
    "TokenRequest",
    "TokenRequestGrantType",
)
