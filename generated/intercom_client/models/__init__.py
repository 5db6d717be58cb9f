"""Contains all the data models used in inputs/outputs"""

from .admin_reply import AdminReply
from .admin_reply_type import AdminReplyType
from .compound_filter import CompoundFilter
from .compound_filter_operator import CompoundFilterOperator
from .contact_by_email import ContactByEmail
from .contact_by_external_id import ContactByExternalId
from .contact_by_id import ContactById
from .contact_reference import ContactReference
from .contact_reply import ContactReply
from .contact_reply_message_type import ContactReplyMessageType
from .contact_reply_type import ContactReplyType
from .create_ticket_assignment import CreateTicketAssignment
from .create_ticket_request import CreateTicketRequest
from .cursor_pages import CursorPages
from .error import Error
from .error_item import ErrorItem
from .linked_object import LinkedObject
from .linked_object_list import LinkedObjectList
from .part_attachment import PartAttachment
from .quick_reply_option import QuickReplyOption
from .reference import Reference
from .search_request import SearchRequest
from .single_filter import SingleFilter
from .starting_after_paging import StartingAfterPaging
from .ticket import Ticket
from .ticket_assignment import TicketAssignment
from .ticket_attributes import TicketAttributes
from .ticket_contacts import TicketContacts
from .ticket_deleted import TicketDeleted
from .ticket_list import TicketList
from .ticket_part import TicketPart
from .ticket_part_author import TicketPartAuthor
from .ticket_part_list import TicketPartList
from .ticket_request_attributes import TicketRequestAttributes
from .ticket_state import TicketState
from .ticket_state_detailed import TicketStateDetailed
from .ticket_state_detailed_list import TicketStateDetailedList
from .ticket_state_list import TicketStateList
from .ticket_type import TicketType
from .ticket_type_attribute import TicketTypeAttribute
from .ticket_type_attribute_input_options_type_0 import (
    TicketTypeAttributeInputOptionsType0,
)
from .ticket_type_attribute_list import TicketTypeAttributeList
from .ticket_type_list import TicketTypeList
from .update_ticket_request import UpdateTicketRequest
from .updated_attribute_data import UpdatedAttributeData
from .updated_attribute_data_attribute import UpdatedAttributeDataAttribute
from .updated_attribute_data_value import UpdatedAttributeDataValue

__all__ = (
    "AdminReply",
    "AdminReplyType",
    "CompoundFilter",
    "CompoundFilterOperator",
    "ContactByEmail",
    "ContactByExternalId",
    "ContactById",
    "ContactReference",
    "ContactReply",
    "ContactReplyMessageType",
    "ContactReplyType",
    "CreateTicketAssignment",
    "CreateTicketRequest",
    "CursorPages",
    "Error",
    "ErrorItem",
    "LinkedObject",
    "LinkedObjectList",
    "PartAttachment",
    "QuickReplyOption",
    "Reference",
    "SearchRequest",
    "SingleFilter",
    "StartingAfterPaging",
    "Ticket",
    "TicketAssignment",
    "TicketAttributes",
    "TicketContacts",
    "TicketDeleted",
    "TicketList",
    "TicketPart",
    "TicketPartAuthor",
    "TicketPartList",
    "TicketRequestAttributes",
    "TicketState",
    "TicketStateDetailed",
    "TicketStateDetailedList",
    "TicketStateList",
    "TicketType",
    "TicketTypeAttribute",
    "TicketTypeAttributeInputOptionsType0",
    "TicketTypeAttributeList",
    "TicketTypeList",
    "UpdateTicketRequest",
    "UpdatedAttributeData",
    "UpdatedAttributeDataAttribute",
    "UpdatedAttributeDataValue",
)
