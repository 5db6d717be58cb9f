from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.respond_ticket_ok import RespondTicketOk
from ...models.respond_ticket_request import RespondTicketRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RespondTicketRequest,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tickets/respond",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RespondTicketOk | None:
    if response.status_code == 200:
        response_200 = RespondTicketOk.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = RespondTicketOk.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[Error | RespondTicketOk]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RespondTicketRequest,
    idempotency_key: str,
) -> Response[Error | RespondTicketOk]:
    """Add a reply or internal note; the only way to change a ticket's status.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. There is no update or delete route [doc].
    `content` is required unless a `status` is given (a status-only response); `status: on-hold` needs
    `on_hold_until`; `open` reopens and clears any hold; without a status, posting reopens a ticket that
    is
    not open. `from_email` is added to the ticket's participants if new. Inline images are stored as
    `cid:`
    attachments [client: tickiti-mcp src/tools/tickets.ts, src/attachments.ts].

    Args:
        idempotency_key (str):
        body (RespondTicketRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RespondTicketOk]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RespondTicketRequest,
    idempotency_key: str,
) -> Error | RespondTicketOk | None:
    """Add a reply or internal note; the only way to change a ticket's status.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. There is no update or delete route [doc].
    `content` is required unless a `status` is given (a status-only response); `status: on-hold` needs
    `on_hold_until`; `open` reopens and clears any hold; without a status, posting reopens a ticket that
    is
    not open. `from_email` is added to the ticket's participants if new. Inline images are stored as
    `cid:`
    attachments [client: tickiti-mcp src/tools/tickets.ts, src/attachments.ts].

    Args:
        idempotency_key (str):
        body (RespondTicketRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RespondTicketOk
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RespondTicketRequest,
    idempotency_key: str,
) -> Response[Error | RespondTicketOk]:
    """Add a reply or internal note; the only way to change a ticket's status.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. There is no update or delete route [doc].
    `content` is required unless a `status` is given (a status-only response); `status: on-hold` needs
    `on_hold_until`; `open` reopens and clears any hold; without a status, posting reopens a ticket that
    is
    not open. `from_email` is added to the ticket's participants if new. Inline images are stored as
    `cid:`
    attachments [client: tickiti-mcp src/tools/tickets.ts, src/attachments.ts].

    Args:
        idempotency_key (str):
        body (RespondTicketRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RespondTicketOk]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RespondTicketRequest,
    idempotency_key: str,
) -> Error | RespondTicketOk | None:
    """Add a reply or internal note; the only way to change a ticket's status.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. There is no update or delete route [doc].
    `content` is required unless a `status` is given (a status-only response); `status: on-hold` needs
    `on_hold_until`; `open` reopens and clears any hold; without a status, posting reopens a ticket that
    is
    not open. `from_email` is added to the ticket's participants if new. Inline images are stored as
    `cid:`
    attachments [client: tickiti-mcp src/tools/tickets.ts, src/attachments.ts].

    Args:
        idempotency_key (str):
        body (RespondTicketRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RespondTicketOk
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
