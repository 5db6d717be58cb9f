from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.filter_request import FilterRequest
from ...models.named_items_ok import NamedItemsOk
from ...types import Response


def _get_kwargs(
    *,
    body: FilterRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workflow/queues",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NamedItemsOk | None:
    if response.status_code == 200:
        response_200 = NamedItemsOk.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | NamedItemsOk]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FilterRequest,
) -> Response[Error | NamedItemsOk]:
    """The ticket queues (the names create_ticket's `queue_name` takes).

     Needs `workflow:read` (or `workflow:write`) and an admin user [doc: route list]. Tickiti's client
    calls
    it as `list_queues`, sending its optional `filters` object as the body (`{}` without one)
    [client: tickiti-mcp src/tools/reads.ts]. The answer's shape was not captured [inferred].

    Args:
        body (FilterRequest): An optional filter payload, passed through as the body; `{}` without
            one
            [client: tickiti-mcp src/tools/reads.ts]. No filter is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NamedItemsOk]
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
    body: FilterRequest,
) -> Error | NamedItemsOk | None:
    """The ticket queues (the names create_ticket's `queue_name` takes).

     Needs `workflow:read` (or `workflow:write`) and an admin user [doc: route list]. Tickiti's client
    calls
    it as `list_queues`, sending its optional `filters` object as the body (`{}` without one)
    [client: tickiti-mcp src/tools/reads.ts]. The answer's shape was not captured [inferred].

    Args:
        body (FilterRequest): An optional filter payload, passed through as the body; `{}` without
            one
            [client: tickiti-mcp src/tools/reads.ts]. No filter is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NamedItemsOk
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FilterRequest,
) -> Response[Error | NamedItemsOk]:
    """The ticket queues (the names create_ticket's `queue_name` takes).

     Needs `workflow:read` (or `workflow:write`) and an admin user [doc: route list]. Tickiti's client
    calls
    it as `list_queues`, sending its optional `filters` object as the body (`{}` without one)
    [client: tickiti-mcp src/tools/reads.ts]. The answer's shape was not captured [inferred].

    Args:
        body (FilterRequest): An optional filter payload, passed through as the body; `{}` without
            one
            [client: tickiti-mcp src/tools/reads.ts]. No filter is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NamedItemsOk]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FilterRequest,
) -> Error | NamedItemsOk | None:
    """The ticket queues (the names create_ticket's `queue_name` takes).

     Needs `workflow:read` (or `workflow:write`) and an admin user [doc: route list]. Tickiti's client
    calls
    it as `list_queues`, sending its optional `filters` object as the body (`{}` without one)
    [client: tickiti-mcp src/tools/reads.ts]. The answer's shape was not captured [inferred].

    Args:
        body (FilterRequest): An optional filter payload, passed through as the body; `{}` without
            one
            [client: tickiti-mcp src/tools/reads.ts]. No filter is documented.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NamedItemsOk
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
