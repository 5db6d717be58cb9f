from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket_list import TicketList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    properties: str | Unset = UNSET,
    archived: bool | Unset = False,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["properties"] = properties

    params["archived"] = archived

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tickets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TicketList | None:
    if response.status_code == 200:
        response_200 = TicketList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TicketList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    archived: bool | Unset = False,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
) -> Response[Error | TicketList]:
    """List tickets, paged by limit and offset.

    Args:
        properties (str | Unset):
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketList]
    """

    kwargs = _get_kwargs(
        properties=properties,
        archived=archived,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    archived: bool | Unset = False,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
) -> Error | TicketList | None:
    """List tickets, paged by limit and offset.

    Args:
        properties (str | Unset):
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketList
    """

    return sync_detailed(
        client=client,
        properties=properties,
        archived=archived,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    archived: bool | Unset = False,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
) -> Response[Error | TicketList]:
    """List tickets, paged by limit and offset.

    Args:
        properties (str | Unset):
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketList]
    """

    kwargs = _get_kwargs(
        properties=properties,
        archived=archived,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    archived: bool | Unset = False,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
) -> Error | TicketList | None:
    """List tickets, paged by limit and offset.

    Args:
        properties (str | Unset):
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketList
    """

    return (
        await asyncio_detailed(
            client=client,
            properties=properties,
            archived=archived,
            limit=limit,
            offset=offset,
        )
    ).parsed
