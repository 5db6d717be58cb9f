from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket import Ticket
from ...models.update_ticket_request import UpdateTicketRequest
from ...types import Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: UpdateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/tickets/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | None | Ticket:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | Ticket:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Ticket.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ticket, data)

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | None | Ticket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | None | Ticket]:
    """Update a ticket.

     Changes attributes, state, open/closed, sharing, snooze and assignment [doc]. Close a ticket with
    `open: false` [doc]. The body differs by version (see UpdateTicketRequest): 2.11 sets the state with
    `state`, 2.12+ with `ticket_state_id` (from GET /ticket_states); 2.11-2.13 assign with `assignment`,
    2.14+ with top-level `admin_id` and `assignee_id` [doc: Intercom changelog v2.14, "Ticket Update API
    Changes"]. 400 `ticket_state_id_invalid` when the state is not one of the ticket type's [doc:
    intercom-openapi-2.16.yaml updateTicket 400]; 404 `assignee_not_found` for an unknown admin or
    assignee [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (UpdateTicketRequest): Fields to change; send only those [doc]. Each version takes
            its own: 2.11 `state` and `assignment`
            [doc: intercom-openapi-2.11.yaml update_ticket_request]; 2.12 and 2.13 `ticket_state_id`,
            `company_id`
            and `assignment` [doc: Intercom-OpenAPI descriptions/2.12, 2.13 update_ticket_request];
            2.14+
            `ticket_state_id`, `company_id`, `admin_id`, `assignee_id` and `skip_notifications` [doc:
            Intercom
            changelog v2.14, "Ticket Update API Changes"; intercom-openapi-2.16.yaml
            update_ticket_request; client:
            python-intercom 5.0.1 tickets/raw_client.py update]. Every version's schema allows other
            keys, so a
            field of another version is let through unchecked [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | None | Ticket]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        intercom_version=intercom_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Error | None | Ticket:
    """Update a ticket.

     Changes attributes, state, open/closed, sharing, snooze and assignment [doc]. Close a ticket with
    `open: false` [doc]. The body differs by version (see UpdateTicketRequest): 2.11 sets the state with
    `state`, 2.12+ with `ticket_state_id` (from GET /ticket_states); 2.11-2.13 assign with `assignment`,
    2.14+ with top-level `admin_id` and `assignee_id` [doc: Intercom changelog v2.14, "Ticket Update API
    Changes"]. 400 `ticket_state_id_invalid` when the state is not one of the ticket type's [doc:
    intercom-openapi-2.16.yaml updateTicket 400]; 404 `assignee_not_found` for an unknown admin or
    assignee [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (UpdateTicketRequest): Fields to change; send only those [doc]. Each version takes
            its own: 2.11 `state` and `assignment`
            [doc: intercom-openapi-2.11.yaml update_ticket_request]; 2.12 and 2.13 `ticket_state_id`,
            `company_id`
            and `assignment` [doc: Intercom-OpenAPI descriptions/2.12, 2.13 update_ticket_request];
            2.14+
            `ticket_state_id`, `company_id`, `admin_id`, `assignee_id` and `skip_notifications` [doc:
            Intercom
            changelog v2.14, "Ticket Update API Changes"; intercom-openapi-2.16.yaml
            update_ticket_request; client:
            python-intercom 5.0.1 tickets/raw_client.py update]. Every version's schema allows other
            keys, so a
            field of another version is let through unchecked [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | None | Ticket
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | None | Ticket]:
    """Update a ticket.

     Changes attributes, state, open/closed, sharing, snooze and assignment [doc]. Close a ticket with
    `open: false` [doc]. The body differs by version (see UpdateTicketRequest): 2.11 sets the state with
    `state`, 2.12+ with `ticket_state_id` (from GET /ticket_states); 2.11-2.13 assign with `assignment`,
    2.14+ with top-level `admin_id` and `assignee_id` [doc: Intercom changelog v2.14, "Ticket Update API
    Changes"]. 400 `ticket_state_id_invalid` when the state is not one of the ticket type's [doc:
    intercom-openapi-2.16.yaml updateTicket 400]; 404 `assignee_not_found` for an unknown admin or
    assignee [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (UpdateTicketRequest): Fields to change; send only those [doc]. Each version takes
            its own: 2.11 `state` and `assignment`
            [doc: intercom-openapi-2.11.yaml update_ticket_request]; 2.12 and 2.13 `ticket_state_id`,
            `company_id`
            and `assignment` [doc: Intercom-OpenAPI descriptions/2.12, 2.13 update_ticket_request];
            2.14+
            `ticket_state_id`, `company_id`, `admin_id`, `assignee_id` and `skip_notifications` [doc:
            Intercom
            changelog v2.14, "Ticket Update API Changes"; intercom-openapi-2.16.yaml
            update_ticket_request; client:
            python-intercom 5.0.1 tickets/raw_client.py update]. Every version's schema allows other
            keys, so a
            field of another version is let through unchecked [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | None | Ticket]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Error | None | Ticket:
    """Update a ticket.

     Changes attributes, state, open/closed, sharing, snooze and assignment [doc]. Close a ticket with
    `open: false` [doc]. The body differs by version (see UpdateTicketRequest): 2.11 sets the state with
    `state`, 2.12+ with `ticket_state_id` (from GET /ticket_states); 2.11-2.13 assign with `assignment`,
    2.14+ with top-level `admin_id` and `assignee_id` [doc: Intercom changelog v2.14, "Ticket Update API
    Changes"]. 400 `ticket_state_id_invalid` when the state is not one of the ticket type's [doc:
    intercom-openapi-2.16.yaml updateTicket 400]; 404 `assignee_not_found` for an unknown admin or
    assignee [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (UpdateTicketRequest): Fields to change; send only those [doc]. Each version takes
            its own: 2.11 `state` and `assignment`
            [doc: intercom-openapi-2.11.yaml update_ticket_request]; 2.12 and 2.13 `ticket_state_id`,
            `company_id`
            and `assignment` [doc: Intercom-OpenAPI descriptions/2.12, 2.13 update_ticket_request];
            2.14+
            `ticket_state_id`, `company_id`, `admin_id`, `assignee_id` and `skip_notifications` [doc:
            Intercom
            changelog v2.14, "Ticket Update API Changes"; intercom-openapi-2.16.yaml
            update_ticket_request; client:
            python-intercom 5.0.1 tickets/raw_client.py update]. Every version's schema allows other
            keys, so a
            field of another version is let through unchecked [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | None | Ticket
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            intercom_version=intercom_version,
        )
    ).parsed
