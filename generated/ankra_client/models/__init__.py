"""Contains all the data models used in inputs/outputs"""

from .attachment_upload import AttachmentUpload
from .comment_create import CommentCreate
from .duplicate_candidate import DuplicateCandidate
from .error import Error
from .error_detail_object import ErrorDetailObject
from .pagination import Pagination
from .ticket import Ticket
from .ticket_attachment import TicketAttachment
from .ticket_comment import TicketComment
from .ticket_create import TicketCreate
from .ticket_create_from_review import TicketCreateFromReview
from .ticket_enrichment import TicketEnrichment
from .ticket_list import TicketList
from .ticket_review import TicketReview
from .ticket_review_request import TicketReviewRequest
from .ticket_summary import TicketSummary
from .validation_issue import ValidationIssue

__all__ = (
    "AttachmentUpload",
    "CommentCreate",
    "DuplicateCandidate",
    "Error",
    "ErrorDetailObject",
    "Pagination",
    "Ticket",
    "TicketAttachment",
    "TicketComment",
    "TicketCreate",
    "TicketCreateFromReview",
    "TicketEnrichment",
    "TicketList",
    "TicketReview",
    "TicketReviewRequest",
    "TicketSummary",
    "ValidationIssue",
)
