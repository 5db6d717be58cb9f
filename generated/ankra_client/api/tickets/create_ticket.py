from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket import Ticket
from ...models.ticket_create import TicketCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TicketCreate,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ankra_organisation_id, Unset):
        headers["x-ankra-organisation-id"] = x_ankra_organisation_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/org/support/tickets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Ticket | None:
    if response.status_code == 200:
        response_200 = Ticket.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Ticket.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
    body: TicketCreate,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | Ticket]:
    """Open a ticket.

     Opens a ticket [doc]. Ankra runs an AI review of the draft: when the review flags it and
    `acknowledged` is not true, the answer is **409** [doc]; resend with `acknowledged: true` (and the
    `review_id` of a pre-review, see `review_ticket`) to create it anyway. The success status is not
    documented [inferred]: FastAPI answers 200 unless the route sets 201, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate): A new ticket [doc]. Unset optional fields are left out of the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
        x_ankra_organisation_id=x_ankra_organisation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TicketCreate,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | Ticket | None:
    """Open a ticket.

     Opens a ticket [doc]. Ankra runs an AI review of the draft: when the review flags it and
    `acknowledged` is not true, the answer is **409** [doc]; resend with `acknowledged: true` (and the
    `review_id` of a pre-review, see `review_ticket`) to create it anyway. The success status is not
    documented [inferred]: FastAPI answers 200 unless the route sets 201, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate): A new ticket [doc]. Unset optional fields are left out of the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Ticket
    """

    return sync_detailed(
        client=client,
        body=body,
        x_ankra_organisation_id=x_ankra_organisation_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TicketCreate,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | Ticket]:
    """Open a ticket.

     Opens a ticket [doc]. Ankra runs an AI review of the draft: when the review flags it and
    `acknowledged` is not true, the answer is **409** [doc]; resend with `acknowledged: true` (and the
    `review_id` of a pre-review, see `review_ticket`) to create it anyway. The success status is not
    documented [inferred]: FastAPI answers 200 unless the route sets 201, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate): A new ticket [doc]. Unset optional fields are left out of the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
        x_ankra_organisation_id=x_ankra_organisation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TicketCreate,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | Ticket | None:
    """Open a ticket.

     Opens a ticket [doc]. Ankra runs an AI review of the draft: when the review flags it and
    `acknowledged` is not true, the answer is **409** [doc]; resend with `acknowledged: true` (and the
    `review_id` of a pre-review, see `review_ticket`) to create it anyway. The success status is not
    documented [inferred]: FastAPI answers 200 unless the route sets 201, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate): A new ticket [doc]. Unset optional fields are left out of the body.

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
            x_ankra_organisation_id=x_ankra_organisation_id,
        )
    ).parsed
