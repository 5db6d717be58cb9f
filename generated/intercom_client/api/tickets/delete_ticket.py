from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket_deleted import TicketDeleted
from ...types import Response, Unset


def _get_kwargs(
    id: str,
    *,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/tickets/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TicketDeleted | None:
    if response.status_code == 200:
        response_200 = TicketDeleted.from_dict(response.json())

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
) -> Response[Error | TicketDeleted]:
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
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketDeleted]:
    """Delete a ticket, permanently (2.13+).

     Deletes the ticket and its replies, attributes and uploads; it cannot be undone [doc:
    intercom-openapi-2.16.yaml deleteTicket; Intercom changelog v2.13 "Delete a ticket"; client:
    python-intercom 5.0.1 tickets/raw_client.py delete_ticket]. Before 2.13 there is no such operation:
    400 `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketDeleted]
    """

    kwargs = _get_kwargs(
        id=id,
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
    intercom_version: str | Unset = "2.16",
) -> Error | TicketDeleted | None:
    """Delete a ticket, permanently (2.13+).

     Deletes the ticket and its replies, attributes and uploads; it cannot be undone [doc:
    intercom-openapi-2.16.yaml deleteTicket; Intercom changelog v2.13 "Delete a ticket"; client:
    python-intercom 5.0.1 tickets/raw_client.py delete_ticket]. Before 2.13 there is no such operation:
    400 `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketDeleted
    """

    return sync_detailed(
        id=id,
        client=client,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketDeleted]:
    """Delete a ticket, permanently (2.13+).

     Deletes the ticket and its replies, attributes and uploads; it cannot be undone [doc:
    intercom-openapi-2.16.yaml deleteTicket; Intercom changelog v2.13 "Delete a ticket"; client:
    python-intercom 5.0.1 tickets/raw_client.py delete_ticket]. Before 2.13 there is no such operation:
    400 `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketDeleted]
    """

    kwargs = _get_kwargs(
        id=id,
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketDeleted | None:
    """Delete a ticket, permanently (2.13+).

     Deletes the ticket and its replies, attributes and uploads; it cannot be undone [doc:
    intercom-openapi-2.16.yaml deleteTicket; Intercom changelog v2.13 "Delete a ticket"; client:
    python-intercom 5.0.1 tickets/raw_client.py delete_ticket]. Before 2.13 there is no such operation:
    400 `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketDeleted
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            intercom_version=intercom_version,
        )
    ).parsed
