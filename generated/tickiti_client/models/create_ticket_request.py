from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTicketRequest")


@_attrs_define
class CreateTicketRequest:
    """EXACTLY ONE mode: `data.subject` + `data.content`, `template_identifier` + `data`, or `intervention` +
    `data` + `uid` [client: tickiti-mcp src/tools/tickets.ts]. Unknown keys are refused [inferred from the
    client's validated inputs]; the rule is prose only, as a `oneOf` of `required` lists makes the generator
    drop the model.

        Attributes:
            originator_email_address (str): The customer the ticket is opened for [doc] (an email) [client: tickiti-mcp
                src/tools/tickets.ts].
            data (CreateTicketData | Unset): The subject+content mode's fields, or a template's or intervention's token
                values (any keys)
                [client: tickiti-mcp src/tools/tickets.ts].
            template_identifier (str | Unset): A template's identifier; pair with `data` [client: tickiti-mcp
                src/tools/tickets.ts].
            intervention (str | Unset): An intervention's name; pair with `data` and `uid` [client: tickiti-mcp
                src/tools/tickets.ts].
            uid (str | Unset): Required with `intervention` only [client: tickiti-mcp src/tools/tickets.ts].
            queue_name (str | Unset): The queue, by name; the Inbox when left out; not allowed with `intervention`
                [client: tickiti-mcp src/tools/tickets.ts].
            is_public (bool | Unset): [doc] [client: tickiti-mcp src/tools/tickets.ts]
            use_passed_originator_as_responder (bool | Unset): Author the first response as the originator [client: tickiti-
                mcp src/tools/tickets.ts, the name];
                otherwise the token's user writes it [inferred].
    """

    originator_email_address: str
    data: CreateTicketData | Unset = UNSET
    template_identifier: str | Unset = UNSET
    intervention: str | Unset = UNSET
    uid: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    is_public: bool | Unset = UNSET
    use_passed_originator_as_responder: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        originator_email_address = self.originator_email_address

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        template_identifier = self.template_identifier

        intervention = self.intervention

        uid = self.uid

        queue_name = self.queue_name

        is_public = self.is_public

        use_passed_originator_as_responder = self.use_passed_originator_as_responder

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "originator_email_address": originator_email_address,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if template_identifier is not UNSET:
            field_dict["template_identifier"] = template_identifier
        if intervention is not UNSET:
            field_dict["intervention"] = intervention
        if uid is not UNSET:
            field_dict["uid"] = uid
        if queue_name is not UNSET:
            field_dict["queue_name"] = queue_name
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if use_passed_originator_as_responder is not UNSET:
            field_dict["use_passed_originator_as_responder"] = (
                use_passed_originator_as_responder
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        originator_email_address = d.pop("originator_email_address")

        _data = d.pop("data", UNSET)
        data: CreateTicketData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = CreateTicketData.from_dict(_data)

        template_identifier = d.pop("template_identifier", UNSET)

        intervention = d.pop("intervention", UNSET)

        uid = d.pop("uid", UNSET)

        queue_name = d.pop("queue_name", UNSET)

        is_public = d.pop("is_public", UNSET)

        use_passed_originator_as_responder = d.pop(
            "use_passed_originator_as_responder", UNSET
        )

        create_ticket_request = cls(
            originator_email_address=originator_email_address,
            data=data,
            template_identifier=template_identifier,
            intervention=intervention,
            uid=uid,
            queue_name=queue_name,
            is_public=is_public,
            use_passed_originator_as_responder=use_passed_originator_as_responder,
        )

        return create_ticket_request


# Models this one refers to, imported after the class so that models referring to each other load.
from ..models.create_ticket_data import CreateTicketData
