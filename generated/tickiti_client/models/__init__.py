"""Contains all the data models used in inputs/outputs"""

from .attachment_content import AttachmentContent
from .attachment_meta import AttachmentMeta
from .create_ticket_data import CreateTicketData
from .create_ticket_ok import CreateTicketOk
from .create_ticket_ok_data import CreateTicketOkData
from .create_ticket_request import CreateTicketRequest
from .download_attachment_ok import DownloadAttachmentOk
from .download_attachment_request import DownloadAttachmentRequest
from .empty_request import EmptyRequest
from .error import Error
from .error_detail import ErrorDetail
from .field_errors import FieldErrors
from .filter_request import FilterRequest
from .idempotency_key_data import IdempotencyKeyData
from .idempotency_key_ok import IdempotencyKeyOk
from .list_responses_ok import ListResponsesOk
from .list_responses_ok_data import ListResponsesOkData
from .named_item import NamedItem
from .named_item_page import NamedItemPage
from .named_items_ok import NamedItemsOk
from .query_responses_ok import QueryResponsesOk
from .query_responses_ok_data import QueryResponsesOkData
from .query_responses_request import QueryResponsesRequest
from .query_tickets_ok import QueryTicketsOk
from .query_tickets_request import QueryTicketsRequest
from .respond_ticket_ok import RespondTicketOk
from .respond_ticket_ok_data import RespondTicketOkData
from .respond_ticket_request import RespondTicketRequest
from .response_cursor import ResponseCursor
from .response_row import ResponseRow
from .search_criterion import SearchCriterion
from .search_object import SearchObject
from .show_ticket_ok import ShowTicketOk
from .show_ticket_ok_data import ShowTicketOkData
from .ticket import Ticket
from .ticket_number_request import TicketNumberRequest
from .ticket_response import TicketResponse
from .ticket_row import TicketRow
from .ticket_row_page import TicketRowPage

__all__ = (
    "AttachmentContent",
    "AttachmentMeta",
    "CreateTicketData",
    "CreateTicketOk",
    "CreateTicketOkData",
    "CreateTicketRequest",
    "DownloadAttachmentOk",
    "DownloadAttachmentRequest",
    "EmptyRequest",
    "Error",
    "ErrorDetail",
    "FieldErrors",
    "FilterRequest",
    "IdempotencyKeyData",
    "IdempotencyKeyOk",
    "ListResponsesOk",
    "ListResponsesOkData",
    "NamedItem",
    "NamedItemPage",
    "NamedItemsOk",
    "QueryResponsesOk",
    "QueryResponsesOkData",
    "QueryResponsesRequest",
    "QueryTicketsOk",
    "QueryTicketsRequest",
    "RespondTicketOk",
    "RespondTicketOkData",
    "RespondTicketRequest",
    "ResponseCursor",
    "ResponseRow",
    "SearchCriterion",
    "SearchObject",
    "ShowTicketOk",
    "ShowTicketOkData",
    "Ticket",
    "TicketNumberRequest",
    "TicketResponse",
    "TicketRow",
    "TicketRowPage",
)
