from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket import Ticket
from ...models.ticket_write import TicketWrite
from ...types import Response


def _get_kwargs(
    *,
    body: TicketWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tickets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Ticket | None:
    if response.status_code == 201:
        response_201 = Ticket.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

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
    *,
    client: AuthenticatedClient | Client,
    body: TicketWrite,
) -> Response[Error | Ticket]:
    """Create a ticket.

     Required inside `fields` on create: ticket_name, ticket_stage, pipeline [doc].

    Args:
        body (TicketWrite): Write payload for create and update [doc]: keys of `fields` are field
            internal names, the same
            names GET returns flat; custom account fields use their own internal names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TicketWrite,
) -> Error | Ticket | None:
    """Create a ticket.

     Required inside `fields` on create: ticket_name, ticket_stage, pipeline [doc].

    Args:
        body (TicketWrite): Write payload for create and update [doc]: keys of `fields` are field
            internal names, the same
            names GET returns flat; custom account fields use their own internal names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Ticket
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TicketWrite,
) -> Response[Error | Ticket]:
    """Create a ticket.

     Required inside `fields` on create: ticket_name, ticket_stage, pipeline [doc].

    Args:
        body (TicketWrite): Write payload for create and update [doc]: keys of `fields` are field
            internal names, the same
            names GET returns flat; custom account fields use their own internal names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TicketWrite,
) -> Error | Ticket | None:
    """Create a ticket.

     Required inside `fields` on create: ticket_name, ticket_stage, pipeline [doc].

    Args:
        body (TicketWrite): Write payload for create and update [doc]: keys of `fields` are field
            internal names, the same
            names GET returns flat; custom account fields use their own internal names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Ticket
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
