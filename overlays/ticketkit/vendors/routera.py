"""Routera: CRM ticket objects. Flat tickets with account-defined stages; no thread, no attachments."""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import Any

import httpx
from routera_client import Client
from routera_client.api.auth import create_token
from routera_client.api.tickets import archive_ticket, create_ticket, get_ticket, list_tickets, update_ticket
from routera_client.models import (
    Error,
    OAuthError,
    TicketFields,
    TicketList,
    TicketWrite,
    Token,
    TokenRequest,
)
from routera_client.models import Ticket as RouteraTicket
from routera_client.models.token_request_grant_type import TokenRequestGrantType
from ticketkit_models import Party, PartyKind, Priority, Ticket, TicketStatus

from .. import _arguments as args
from .._adapter import Adapter, Call, ListQuery, Page, Plan, TicketChanges, TicketDraft, parse_each
from .._auth import BearerToken
from .._connection import ConnectionSpec, Settings
from .._errors import ErrorInfo, InvalidArgumentError, TicketkitError, status_error
from .._fields import CreateKeywords, ListKeywords, UpdateKeywords, own_keys
from .._reading import (
    MALFORMED,
    from_iso,
    json_object,
    lenient_text,
    nonblank,
    none_if_unset,
    reading,
    required,
)
from .._redaction import Secrets
from .._request import header_safe
from .._transport import RETRY_STATUSES, read_async, read_sync

VENDOR = "routera"
BASE_URL = "https://api.routera.io"
PAGE_SIZE = 100  # the documented maximum of `limit`

# Stages are account-defined; these are the common names. `stage_map=` on connect() adds or overrides.
DEFAULT_STAGES: Mapping[str, TicketStatus] = {
    "new": TicketStatus.NEW,
    "open": TicketStatus.OPEN,
    "in_progress": TicketStatus.IN_PROGRESS,
    "waiting_on_customer": TicketStatus.WAITING_ON_CUSTOMER,
    "waiting_on_contact": TicketStatus.WAITING_ON_CUSTOMER,
    "on_hold": TicketStatus.ON_HOLD,
    "resolved": TicketStatus.RESOLVED,
    "closed": TicketStatus.CLOSED,
}


# -- Routera's own keywords of the desk's methods (one declaration: the types, and the adapter's checks) --------


class RouteraCreateFields(CreateKeywords, total=False):
    """`tickets.create` on a Routera desk: the common keywords and Routera's own."""

    pipeline: str
    """Routera: the pipeline of the ticket (default connect()'s `pipeline`, else 'default')."""
    ticket_stage: str
    """Routera: the stage of the ticket (default connect()'s `ticket_stage`, else 'new')."""
    ticket_owner: str
    """Routera: the owner's user id."""
    external_id: str
    """Routera: your own id for the ticket."""
    properties: Mapping[str, Any]
    """Routera: custom properties, {field name: JSON value}."""


class RouteraUpdateFields(UpdateKeywords, total=False):
    """`tickets.update` on a Routera desk: the common keywords and Routera's own."""

    pipeline: str
    """Routera: move the ticket to this pipeline."""
    ticket_stage: str
    """Routera: move the ticket to this stage (besides `status=`)."""
    ticket_owner: str
    """Routera: the owner's user id."""
    properties: Mapping[str, Any]
    """Routera: custom properties to set, {field name: JSON value}."""


class RouteraListFields(ListKeywords, total=False):
    """`tickets.list` and `tickets.pages` on a Routera desk: the common keywords and Routera's own."""

    properties: str | list[str] | tuple[str, ...]
    """Routera: the custom properties to return with each ticket (names, or one comma-separated string)."""


class RouteraAdapter(Adapter):
    vendor = VENDOR
    create_options = own_keys(RouteraCreateFields)
    update_options = own_keys(RouteraUpdateFields)
    list_options = own_keys(RouteraListFields)

    def __init__(
        self,
        stage_map: Mapping[str, TicketStatus] | None = None,
        description_field: str | None = None,
        pipeline: str = "default",
        ticket_stage: str = "new",
    ) -> None:
        self.stages = {**DEFAULT_STAGES, **(stage_map or {})}
        self.description_field = description_field
        self.default_pipeline = pipeline
        self.default_stage = ticket_stage

    # -- plans ---------------------------------------------------------------------------------------

    def get_ticket(self, ticket_id: str) -> Plan[Ticket]:
        response = yield Call("tickets.get", get_ticket._get_kwargs(ticket_id))
        return self._ticket(response, "tickets.get")

    def list_tickets(self, query: ListQuery, cursor: Any) -> Plan[Page[Ticket]]:
        offset = int(cursor or 0)
        limit = min(max(query.page_size or PAGE_SIZE, 10), PAGE_SIZE)
        properties = query.options.get("properties")
        request = list_tickets._get_kwargs(
            archived=query.status is TicketStatus.CLOSED,
            limit=limit,
            offset=offset,
            **({"properties": _properties(properties)} if properties else {}),
        )
        response = yield Call("tickets.list", request)
        body = json_object(response, VENDOR, "tickets.list")
        with reading(VENDOR, "tickets.list", response):
            records = required(body["data"], list, "data")
            TicketList.from_dict({**body, "data": []})  # the envelope; each record is parsed on its own
        tickets, rejected = parse_each(
            VENDOR, records, lambda raw: self.to_ticket(RouteraTicket.from_dict(raw), required(raw, dict, "ticket"))
        )
        # Routera filters only on `archived`; any other status is picked out here. It documents no filter on
        # `updated_at` either: the desk applies `updated_since` to each page. No total: our spec reads
        # `pagination.count` as "rows in this page or in total" (not documented), so it is never reported.
        wanted = [t for t in tickets if query.status in (None, t.status)]
        return Page(wanted, offset + len(records) if len(records) >= limit else None, rejected)

    def create_ticket(self, draft: TicketDraft) -> Plan[Ticket]:
        if draft.requester_email is not None:
            raise InvalidArgumentError("routera tickets have no requester; leave requester_email out")
        options = draft.options
        fields: dict[str, Any] = {
            "ticket_name": draft.subject,
            "pipeline": args.nonblank_text("pipeline", options.get("pipeline", self.default_pipeline)),
            "ticket_stage": args.nonblank_text("ticket_stage", options.get("ticket_stage", self.default_stage)),
            **self._description(draft.description),
            **{k: args.nonblank_text(k, options[k]) for k in ("ticket_owner", "external_id") if k in options},
            **_custom(options.get("properties")),
        }
        body = TicketWrite(fields=TicketFields.from_dict(fields))
        response = yield Call("tickets.create", create_ticket._get_kwargs(body=body), expect=frozenset({201}))
        return self._ticket(response, "tickets.create")

    def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Plan[Ticket]:
        options = changes.options
        fields: dict[str, Any] = {
            **({"ticket_name": changes.subject} if changes.subject is not None else {}),
            **self._description(changes.description),
            **({"ticket_stage": self._stage_for(changes.status)} if changes.status is not None else {}),
            **{
                k: args.nonblank_text(k, options[k])
                for k in ("pipeline", "ticket_stage", "ticket_owner")
                if k in options
            },
            **_custom(options.get("properties")),
        }
        body = TicketWrite(fields=TicketFields.from_dict(fields))
        response = yield Call("tickets.update", update_ticket._get_kwargs(ticket_id, body=body))
        return self._ticket(response, "tickets.update")

    def close_ticket(self, ticket_id: str) -> Plan[Ticket]:
        response = yield Call("tickets.close", archive_ticket._get_kwargs(ticket_id))
        return self._ticket(response, "tickets.close")

    # -- errors ---------------------------------------------------------------------------------------

    def read_error(self, response: httpx.Response) -> ErrorInfo:
        try:
            body = json_object(response, VENDOR, "error")
            code: str | None = None
            if "error_description" in body or isinstance(body.get("error"), str):
                oauth = OAuthError.from_dict(body)
                code = nonblank(oauth.error)
                message = nonblank(oauth.error_description) or code
            else:
                message = nonblank(Error.from_dict(body).message)
        except (TicketkitError, *MALFORMED):
            message = None
        # A body that says nothing usable (no message, "", a wrong type) gets the generic reading.
        return super().read_error(response) if message is None else ErrorInfo(message=message, code=code)

    # -- normalization ----------------------------------------------------------------------------------

    def _ticket(self, response: httpx.Response, operation: str) -> Ticket:
        body = json_object(response, VENDOR, operation)
        with reading(VENDOR, operation, response):
            return self.to_ticket(RouteraTicket.from_dict(body), body)

    def to_ticket(self, model: RouteraTicket, raw: dict[str, Any]) -> Ticket:
        archived = none_if_unset(model.archived)
        archived_at = from_iso(archived) if not isinstance(archived, bool) else None
        stage = lenient_text(model.ticket_stage)
        if archived:  # a timestamp, or `true` (archived at an unknown time)
            status = TicketStatus.CLOSED
        else:
            status = self.stages.get(stage, TicketStatus.UNKNOWN) if stage is not None else TicketStatus.UNKNOWN
        owner = lenient_text(model.ticket_owner)
        custom = dict(model.additional_properties)
        description = custom.get(self.description_field) if self.description_field else None
        return Ticket(
            vendor=VENDOR,
            id=model.id,
            subject=lenient_text(model.ticket_name),
            description=None if description is None else str(description),
            status=status,
            status_raw=stage,
            priority=Priority.UNKNOWN,
            assignee=Party(kind=PartyKind.AGENT, email=owner) if owner else None,
            created_at=from_iso(model.created_at),
            updated_at=from_iso(model.updated_at),
            closed_at=archived_at,
            archived_at=archived_at,
            custom_fields=custom,
            comments=None,
            attachments=[],
            raw=raw,
        )

    def _stage_for(self, status: TicketStatus) -> str:
        for stage, mapped in self.stages.items():
            if mapped is status:
                return stage
        raise InvalidArgumentError(
            f"routera: no stage maps to {status.value}; pass ticket_stage= or add the stage to stage_map on connect()"
        )

    def _description(self, description: str | None) -> dict[str, Any]:
        if description is None:
            return {}
        if not self.description_field:
            raise InvalidArgumentError(
                "routera tickets have no standard description field: "
                "pass description_field='<internal name>' to connect(), or leave description out"
            )
        return {self.description_field: description}


def _custom(properties: object) -> dict[str, Any]:
    if properties is None:
        return {}
    if not isinstance(properties, Mapping) or not all(isinstance(k, str) for k in properties):
        raise InvalidArgumentError(f"properties must be a mapping of field name to value, not {properties!r}")
    return dict(args.json_value("properties", properties))


def _properties(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return ",".join(value)
    raise InvalidArgumentError(f"properties must be a list of field names, not {value!r}")


class RouteraOAuth(httpx.Auth):
    """OAuth2 client credentials: fetch a token, reuse it, renew it before it expires and once on a 401.

    One fetch at a time: concurrent callers (threads, or tasks of one event loop) wait for the fetch in
    flight and then use its token. A token endpoint answer the transport's policy retries (429, 408, 500,
    502, 503, 504) ends the flow with that answer: the call's own request was not sent (or was refused with
    a 401), so the policy waits and retries the call, a create included (`_transport._attempts` sees the
    answer is to another request). Any other error from the token endpoint is raised as it is.
    """

    requires_response_body = True

    def __init__(
        self,
        adapter: RouteraAdapter,
        token_url: str,
        client_id: str,
        client_secret: str,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._adapter = adapter
        self._token_url = token_url
        self._form = TokenRequest(TokenRequestGrantType.CLIENT_CREDENTIALS, client_id, client_secret)
        # A token endpoint may echo the form (percent-encoded) or the Basic pair: masked before it is read.
        self._secrets = Secrets([client_secret], [(client_id, client_secret)])
        self._clock = clock or (lambda: time.monotonic())
        self._token: str | None = None
        self._renew_at = 0.0
        self._thread_lock = threading.Lock()
        self._task_lock = asyncio.Lock()

    def __repr__(self) -> str:
        return "RouteraOAuth(<redacted>)"

    def _stale(self) -> bool:
        return self._token is None or self._clock() >= self._renew_at

    def _token_request(self) -> httpx.Request:
        kwargs = create_token._get_kwargs(body=self._form)
        return httpx.Request(kwargs["method"], self._token_url, data=kwargs["data"], headers=kwargs["headers"])

    def _store(self, response: httpx.Response) -> str:
        if response.status_code != 200:
            response = self._secrets.response(response)
            info = self._adapter.read_error(response)
            raise status_error(VENDOR, response, info, response.text)
        body = json_object(response, VENDOR, "oauth2.token")
        with reading(VENDOR, "oauth2.token", response):
            token = Token.from_dict(body)
            # The generated model checks no types. The token goes into a header (and never into a message).
            if not header_safe(token.access_token):
                raise ValueError("access_token is not a string a header can carry")
            if isinstance(token.expires_in, bool) or not isinstance(token.expires_in, int | float):
                raise TypeError(f"expires_in should be a number, got {type(token.expires_in).__name__}")
            # Renew a little early: a tenth of the lifetime, at most a minute.
            renew_at = self._clock() + token.expires_in - min(60.0, token.expires_in / 10)
        self._renew_at = renew_at
        self._token = token.access_token
        return token.access_token

    def _authorize(self, request: httpx.Request) -> str:
        assert self._token is not None
        request.headers["Authorization"] = f"Bearer {self._token}"
        return self._token

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        with self._thread_lock:
            if self._stale():
                token_response = yield self._token_request()
                read_sync(token_response, VENDOR, "oauth2.token")
                if token_response.status_code in RETRY_STATUSES:
                    return  # the token endpoint's 429 or 5xx becomes the attempt's answer: the policy retries
                self._store(token_response)
            used = self._authorize(request)
        response = yield request
        if response.status_code != 401:
            return
        with self._thread_lock:
            if self._token == used:  # nobody renewed it meanwhile
                self._renew_at = -math.inf  # refused: if the renewal fails too, the next attempt fetches first
                token_response = yield self._token_request()
                read_sync(token_response, VENDOR, "oauth2.token")
                if token_response.status_code in RETRY_STATUSES:
                    return  # the 401 means the call's request did nothing: retried like the first fetch's
                self._store(token_response)
            self._authorize(request)
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        async with self._task_lock:
            if self._stale():
                token_response = yield self._token_request()
                await read_async(token_response, VENDOR, "oauth2.token")
                if token_response.status_code in RETRY_STATUSES:
                    return  # the token endpoint's 429 or 5xx becomes the attempt's answer: the policy retries
                self._store(token_response)
            used = self._authorize(request)
        response = yield request
        if response.status_code != 401:
            return
        async with self._task_lock:
            if self._token == used:
                self._renew_at = -math.inf
                token_response = yield self._token_request()
                await read_async(token_response, VENDOR, "oauth2.token")
                if token_response.status_code in RETRY_STATUSES:
                    return
                self._store(token_response)
            self._authorize(request)
        yield request


def make_connection(settings: Settings) -> ConnectionSpec:
    options = settings.options  # the keywords the registry lists for this vendor, checked by connect()
    stage_map = options.get("stage_map")
    if stage_map is not None and (
        not isinstance(stage_map, Mapping)
        or not all(isinstance(k, str) and isinstance(v, TicketStatus) for k, v in stage_map.items())
    ):
        raise InvalidArgumentError("stage_map must map stage names to TicketStatus values")
    adapter = RouteraAdapter(
        stage_map=stage_map,
        description_field=args.optional_nonblank_text("description_field", options.get("description_field")),
        pipeline=args.nonblank_text("pipeline", options.get("pipeline", "default")),
        ticket_stage=args.nonblank_text("ticket_stage", options.get("ticket_stage", "new")),
    )
    base_url = (settings.base_url or BASE_URL).rstrip("/")
    client_id, client_secret = options.get("client_id"), options.get("client_secret")
    auth: httpx.Auth
    if client_id or client_secret:
        if settings.token or not (client_id and client_secret):
            raise InvalidArgumentError("routera: pass either token= or both client_id= and client_secret=")
        if not isinstance(client_id, str) or not isinstance(client_secret, str):
            raise InvalidArgumentError("routera: client_id and client_secret must be strings")
        auth = RouteraOAuth(adapter, base_url + "/oauth2/token", client_id, client_secret)
    else:
        auth = BearerToken(settings.require_token())

    return ConnectionSpec(adapter=adapter, base_url=base_url, auth=auth, generated_client=Client(base_url=base_url))
