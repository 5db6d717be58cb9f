from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket import Ticket
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ticket_id: str,
    *,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ankra_organisation_id, Unset):
        headers["x-ankra-organisation-id"] = x_ankra_organisation_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/org/support/tickets/{ticket_id}/close".format(
            ticket_id=quote(str(ticket_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Ticket | None:
    if response.status_code == 200:
        response_200 = Ticket.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Ticket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | Ticket]:
    """Close a ticket.

     No request body; answered with the closed ticket [client: ankra-cli internal/client/support.go
    CloseSupportTicket].

    Args:
        ticket_id (str):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Ticket]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        x_ankra_organisation_id=x_ankra_organisation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | Ticket | None:
    """Close a ticket.

     No request body; answered with the closed ticket [client: ankra-cli internal/client/support.go
    CloseSupportTicket].

    Args:
        ticket_id (str):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Ticket
    """

    return sync_detailed(
        ticket_id=ticket_id,
        client=client,
        x_ankra_organisation_id=x_ankra_organisation_id,
    ).parsed


async def asyncio_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | Ticket]:
    """Close a ticket.

     No request body; answered with the closed ticket [client: ankra-cli internal/client/support.go
    CloseSupportTicket].

    Args:
        ticket_id (str):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Ticket]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        x_ankra_organisation_id=x_ankra_organisation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | Ticket | None:
    """Close a ticket.

     No request body; answered with the closed ticket [client: ankra-cli internal/client/support.go
    CloseSupportTicket].

    Args:
        ticket_id (str):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Ticket
    """

    return (
        await asyncio_detailed(
            ticket_id=ticket_id,
            client=client,
            x_ankra_organisation_id=x_ankra_organisation_id,
        )
    ).parsed
