from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """A ticket, flat: custom fields sit beside the system ones and are kept as additional properties.
    Only `id`, `created_at` and `updated_at` are always present [doc: "created_at and updated_at are
    always included in every response"]; the rest depend on the `properties` asked for.

        Attributes:
            id (str): Internal object id (a UUID in the documented example).
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            external_id (None | str | Unset):
            ticket_name (None | str | Unset):
            pipeline (None | str | Unset):
            ticket_stage (None | str | Unset): Account-defined stage name (e.g. `new`); not an enum, stages are per account.
            ticket_owner (None | str | Unset): Assigned owner email.
            archived (bool | datetime.datetime | Unset): `false` when active, an ISO timestamp once archived [doc]. The
                pages' placeholder sample
                shows `true`; read it as archived at an unknown time rather than failing.
            archived_by (str | Unset): Who archived it; present only when archived [doc].
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    external_id: None | str | Unset = UNSET
    ticket_name: None | str | Unset = UNSET
    pipeline: None | str | Unset = UNSET
    ticket_stage: None | str | Unset = UNSET
    ticket_owner: None | str | Unset = UNSET
    archived: bool | datetime.datetime | Unset = UNSET
    archived_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        ticket_name: None | str | Unset
        if isinstance(self.ticket_name, Unset):
            ticket_name = UNSET
        else:
            ticket_name = self.ticket_name

        pipeline: None | str | Unset
        if isinstance(self.pipeline, Unset):
            pipeline = UNSET
        else:
            pipeline = self.pipeline

        ticket_stage: None | str | Unset
        if isinstance(self.ticket_stage, Unset):
            ticket_stage = UNSET
        else:
            ticket_stage = self.ticket_stage

        ticket_owner: None | str | Unset
        if isinstance(self.ticket_owner, Unset):
            ticket_owner = UNSET
        else:
            ticket_owner = self.ticket_owner

        archived: bool | str | Unset
        if isinstance(self.archived, Unset):
            archived = UNSET
        elif isinstance(self.archived, datetime.datetime):
            archived = self.archived.isoformat()
        else:
            archived = self.archived

        archived_by = self.archived_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if ticket_name is not UNSET:
            field_dict["ticket_name"] = ticket_name
        if pipeline is not UNSET:
            field_dict["pipeline"] = pipeline
        if ticket_stage is not UNSET:
            field_dict["ticket_stage"] = ticket_stage
        if ticket_owner is not UNSET:
            field_dict["ticket_owner"] = ticket_owner
        if archived is not UNSET:
            field_dict["archived"] = archived
        if archived_by is not UNSET:
            field_dict["archived_by"] = archived_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_ticket_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_name = _parse_ticket_name(d.pop("ticket_name", UNSET))

        def _parse_pipeline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pipeline = _parse_pipeline(d.pop("pipeline", UNSET))

        def _parse_ticket_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_stage = _parse_ticket_stage(d.pop("ticket_stage", UNSET))

        def _parse_ticket_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_owner = _parse_ticket_owner(d.pop("ticket_owner", UNSET))

        def _parse_archived(data: object) -> bool | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_type_1 = datetime.datetime.fromisoformat(data)

                return archived_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | datetime.datetime | Unset, data)

        archived = _parse_archived(d.pop("archived", UNSET))

        archived_by = d.pop("archived_by", UNSET)

        ticket = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            external_id=external_id,
            ticket_name=ticket_name,
            pipeline=pipeline,
            ticket_stage=ticket_stage,
            ticket_owner=ticket_owner,
            archived=archived,
            archived_by=archived_by,
        )

        ticket.additional_properties = d
        return ticket

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
