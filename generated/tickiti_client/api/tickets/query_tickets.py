from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.query_tickets_ok import QueryTicketsOk
from ...models.query_tickets_request import QueryTicketsRequest
from ...types import Response


def _get_kwargs(
    *,
    body: QueryTicketsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tickets/query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | QueryTicketsOk | None:
    if response.status_code == 200:
        response_200 = QueryTicketsOk.from_dict(response.json())

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
) -> Response[Error | QueryTicketsOk]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QueryTicketsRequest,
) -> Response[Error | QueryTicketsOk]:
    """Tickets of a perspective (a saved view), narrowed by search criteria.

     The listing operation: there is no other list route [doc]. Without a perspective the 'All'
    perspective
    is used [client: tickiti-mcp src/tools/tickets.ts]. Criteria of the same mode OR together, different
    modes AND [client: tickiti-mcp src/tools/tickets.ts]. No paging is documented: the answer is one
    list.

    Args:
        body (QueryTicketsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | QueryTicketsOk]
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
    body: QueryTicketsRequest,
) -> Error | QueryTicketsOk | None:
    """Tickets of a perspective (a saved view), narrowed by search criteria.

     The listing operation: there is no other list route [doc]. Without a perspective the 'All'
    perspective
    is used [client: tickiti-mcp src/tools/tickets.ts]. Criteria of the same mode OR together, different
    modes AND [client: tickiti-mcp src/tools/tickets.ts]. No paging is documented: the answer is one
    list.

    Args:
        body (QueryTicketsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | QueryTicketsOk
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QueryTicketsRequest,
) -> Response[Error | QueryTicketsOk]:
    """Tickets of a perspective (a saved view), narrowed by search criteria.

     The listing operation: there is no other list route [doc]. Without a perspective the 'All'
    perspective
    is used [client: tickiti-mcp src/tools/tickets.ts]. Criteria of the same mode OR together, different
    modes AND [client: tickiti-mcp src/tools/tickets.ts]. No paging is documented: the answer is one
    list.

    Args:
        body (QueryTicketsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | QueryTicketsOk]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: QueryTicketsRequest,
) -> Error | QueryTicketsOk | None:
    """Tickets of a perspective (a saved view), narrowed by search criteria.

     The listing operation: there is no other list route [doc]. Without a perspective the 'All'
    perspective
    is used [client: tickiti-mcp src/tools/tickets.ts]. Criteria of the same mode OR together, different
    modes AND [client: tickiti-mcp src/tools/tickets.ts]. No paging is documented: the answer is one
    list.

    Args:
        body (QueryTicketsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | QueryTicketsOk
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
