from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_reply_message_type import ContactReplyMessageType
from ..models.contact_reply_type import ContactReplyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactReply")


@_attrs_define
class ContactReply:
    """A reply on behalf of a contact [doc]. Name the contact with exactly one of `intercom_user_id`,
    `user_id` (your external id) or `email` [doc]; the generated model has all three as optional fields.

        Attributes:
            message_type (ContactReplyMessageType):
            type_ (ContactReplyType):
            body (str):
            intercom_user_id (str | Unset): Intercom's contact id [doc].
            user_id (str | Unset): Your external id for the contact [doc].
            email (str | Unset):
            attachment_urls (list[str] | Unset):
            reply_options (list[QuickReplyOption] | Unset): The quick reply options the contact chose [doc: 2.16
                contact_reply_base_request; client:
                python-intercom 5.0.1 types/contact_reply_base_request.py].
            created_at (int | Unset): Unix seconds; now when absent [doc].
    """

    message_type: ContactReplyMessageType
    type_: ContactReplyType
    body: str
    intercom_user_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    email: str | Unset = UNSET
    attachment_urls: list[str] | Unset = UNSET
    reply_options: list[QuickReplyOption] | Unset = UNSET
    created_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_type = self.message_type.value

        type_ = self.type_.value

        body = self.body

        intercom_user_id = self.intercom_user_id

        user_id = self.user_id

        email = self.email

        attachment_urls: list[str] | Unset = UNSET
        if not isinstance(self.attachment_urls, Unset):
            attachment_urls = self.attachment_urls

        reply_options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reply_options, Unset):
            reply_options = []
            for reply_options_item_data in self.reply_options:
                reply_options_item = reply_options_item_data.to_dict()
                reply_options.append(reply_options_item)

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_type": message_type,
                "type": type_,
                "body": body,
            }
        )
        if intercom_user_id is not UNSET:
            field_dict["intercom_user_id"] = intercom_user_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if email is not UNSET:
            field_dict["email"] = email
        if attachment_urls is not UNSET:
            field_dict["attachment_urls"] = attachment_urls
        if reply_options is not UNSET:
            field_dict["reply_options"] = reply_options
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message_type = ContactReplyMessageType(d.pop("message_type"))

        type_ = ContactReplyType(d.pop("type"))

        body = d.pop("body")

        intercom_user_id = d.pop("intercom_user_id", UNSET)

        user_id = d.pop("user_id", UNSET)

        email = d.pop("email", UNSET)

        attachment_urls = cast(list[str], d.pop("attachment_urls", UNSET))

        _reply_options = d.pop("reply_options", UNSET)
        reply_options: list[QuickReplyOption] | Unset = UNSET
        if _reply_options is not UNSET:
            reply_options = []
            for reply_options_item_data in _reply_options:
                reply_options_item = QuickReplyOption.from_dict(reply_options_item_data)

                reply_options.append(reply_options_item)

        created_at = d.pop("created_at", UNSET)

        contact_reply = cls(
            message_type=message_type,
            type_=type_,
            body=body,
            intercom_user_id=intercom_user_id,
            user_id=user_id,
            email=email,
            attachment_urls=attachment_urls,
            reply_options=reply_options,
            created_at=created_at,
        )

        contact_reply.additional_properties = d
        return contact_reply

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Models this one refers to, imported after the class so that models referring to each other load.
from ..models.quick_reply_option import QuickReplyOption
