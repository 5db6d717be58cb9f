from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_reply_type import AdminReplyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminReply")


@_attrs_define
class AdminReply:
    """
    Attributes:
        message_type (str): Known values: comment, note, quick_reply [doc].
        type_ (AdminReplyType):
        admin_id (str): The admin writing the reply [doc].
        body (str | Unset): The text; notes accept some HTML. Required for comment and note [doc].
        attachment_urls (list[str] | Unset): Up to 10 image URLs to attach [doc].
        reply_options (list[QuickReplyOption] | Unset): The quick reply options; required for quick_reply [doc].
        created_at (int | Unset): Unix seconds; now when absent [doc].
    """

    message_type: str
    type_: AdminReplyType
    admin_id: str
    body: str | Unset = UNSET
    attachment_urls: list[str] | Unset = UNSET
    reply_options: list[QuickReplyOption] | Unset = UNSET
    created_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_type = self.message_type

        type_ = self.type_.value

        admin_id = self.admin_id

        body = self.body

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
                "admin_id": admin_id,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
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
        message_type = d.pop("message_type")

        type_ = AdminReplyType(d.pop("type"))

        admin_id = d.pop("admin_id")

        body = d.pop("body", UNSET)

        attachment_urls = cast(list[str], d.pop("attachment_urls", UNSET))

        _reply_options = d.pop("reply_options", UNSET)
        reply_options: list[QuickReplyOption] | Unset = UNSET
        if _reply_options is not UNSET:
            reply_options = []
            for reply_options_item_data in _reply_options:
                reply_options_item = QuickReplyOption.from_dict(reply_options_item_data)

                reply_options.append(reply_options_item)

        created_at = d.pop("created_at", UNSET)

        admin_reply = cls(
            message_type=message_type,
            type_=type_,
            admin_id=admin_id,
            body=body,
            attachment_urls=attachment_urls,
            reply_options=reply_options,
            created_at=created_at,
        )

        admin_reply.additional_properties = d
        return admin_reply

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
