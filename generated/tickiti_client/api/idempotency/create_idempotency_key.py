from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty_request import EmptyRequest
from ...models.error import Error
from ...models.idempotency_key_ok import IdempotencyKeyOk
from ...types import Response


def _get_kwargs(
    *,
    body: EmptyRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/idempotency_key",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | IdempotencyKeyOk | None:
    if response.status_code == 200:
        response_200 = IdempotencyKeyOk.from_dict(response.json())

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
) -> Response[Error | IdempotencyKeyOk]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EmptyRequest,
) -> Response[Error | IdempotencyKeyOk]:
    """Mint a fresh Idempotency-Key for a later write.

     Needs no ability [doc: route list `abilities: []`] and is not itself a write. Sent with an empty
    JSON
    object: every v1 route takes a JSON body [doc].

    Args:
        body (EmptyRequest): An empty JSON object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | IdempotencyKeyOk]
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
    body: EmptyRequest,
) -> Error | IdempotencyKeyOk | None:
    """Mint a fresh Idempotency-Key for a later write.

     Needs no ability [doc: route list `abilities: []`] and is not itself a write. Sent with an empty
    JSON
    object: every v1 route takes a JSON body [doc].

    Args:
        body (EmptyRequest): An empty JSON object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | IdempotencyKeyOk
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EmptyRequest,
) -> Response[Error | IdempotencyKeyOk]:
    """Mint a fresh Idempotency-Key for a later write.

     Needs no ability [doc: route list `abilities: []`] and is not itself a write. Sent with an empty
    JSON
    object: every v1 route takes a JSON body [doc].

    Args:
        body (EmptyRequest): An empty JSON object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | IdempotencyKeyOk]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EmptyRequest,
) -> Error | IdempotencyKeyOk | None:
    """Mint a fresh Idempotency-Key for a later write.

     Needs no ability [doc: route list `abilities: []`] and is not itself a write. Sent with an empty
    JSON
    object: every v1 route takes a JSON body [doc].

    Args:
        body (EmptyRequest): An empty JSON object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | IdempotencyKeyOk
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
