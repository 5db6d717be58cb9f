from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.search_request import SearchRequest
from ...models.ticket_list import TicketList
from ...types import Response, Unset


def _get_kwargs(
    *,
    body: SearchRequest,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tickets/search",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

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
    body: SearchRequest,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketList]:
    """Search tickets (the only way to list them).

     There is no `GET /tickets`: listing is search [doc]. `query` is one filter or an AND/OR group of
    filters (groups nest; Intercom allows at most 2 levels and 15 filters per group [doc]). Page with
    `pagination.starting_after` set to the previous answer's `pages.next.starting_after` [doc].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (SearchRequest): A ticket search [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketList]
    """

    kwargs = _get_kwargs(
        body=body,
        intercom_version=intercom_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SearchRequest,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketList | None:
    """Search tickets (the only way to list them).

     There is no `GET /tickets`: listing is search [doc]. `query` is one filter or an AND/OR group of
    filters (groups nest; Intercom allows at most 2 levels and 15 filters per group [doc]). Page with
    `pagination.starting_after` set to the previous answer's `pages.next.starting_after` [doc].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (SearchRequest): A ticket search [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketList
    """

    return sync_detailed(
        client=client,
        body=body,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SearchRequest,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketList]:
    """Search tickets (the only way to list them).

     There is no `GET /tickets`: listing is search [doc]. `query` is one filter or an AND/OR group of
    filters (groups nest; Intercom allows at most 2 levels and 15 filters per group [doc]). Page with
    `pagination.starting_after` set to the previous answer's `pages.next.starting_after` [doc].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (SearchRequest): A ticket search [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketList]
    """

    kwargs = _get_kwargs(
        body=body,
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SearchRequest,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketList | None:
    """Search tickets (the only way to list them).

     There is no `GET /tickets`: listing is search [doc]. `query` is one filter or an AND/OR group of
    filters (groups nest; Intercom allows at most 2 levels and 15 filters per group [doc]). Page with
    `pagination.starting_after` set to the previous answer's `pages.next.starting_after` [doc].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (SearchRequest): A ticket search [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketList
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            intercom_version=intercom_version,
        )
    ).parsed
