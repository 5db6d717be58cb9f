from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket_review import TicketReview
from ...models.ticket_review_request import TicketReviewRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TicketReviewRequest,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ankra_organisation_id, Unset):
        headers["x-ankra-organisation-id"] = x_ankra_organisation_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/org/support/tickets/review",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TicketReview | None:
    if response.status_code == 200:
        response_200 = TicketReview.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = TicketReview.from_dict(response.json())

        return response_201

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
) -> Response[Error | TicketReview]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TicketReviewRequest,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | TicketReview]:
    """Have the AI review a ticket draft before opening it.

     Pre-review [doc]. Neither the request nor the result shape is captured [inferred]: the request
    takes the draft fields of `create_ticket` and keeps extra keys; the result keeps every key as-is.
    The success status (200 or 201) is not documented, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to pre-review [inferred: the request is not captured;
            these are create_ticket's draft
            fields]. Extra keys are sent as given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketReview]
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
    body: TicketReviewRequest,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | TicketReview | None:
    """Have the AI review a ticket draft before opening it.

     Pre-review [doc]. Neither the request nor the result shape is captured [inferred]: the request
    takes the draft fields of `create_ticket` and keeps extra keys; the result keeps every key as-is.
    The success status (200 or 201) is not documented, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to pre-review [inferred: the request is not captured;
            these are create_ticket's draft
            fields]. Extra keys are sent as given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketReview
    """

    return sync_detailed(
        client=client,
        body=body,
        x_ankra_organisation_id=x_ankra_organisation_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TicketReviewRequest,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | TicketReview]:
    """Have the AI review a ticket draft before opening it.

     Pre-review [doc]. Neither the request nor the result shape is captured [inferred]: the request
    takes the draft fields of `create_ticket` and keeps extra keys; the result keeps every key as-is.
    The success status (200 or 201) is not documented, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to pre-review [inferred: the request is not captured;
            these are create_ticket's draft
            fields]. Extra keys are sent as given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketReview]
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
    body: TicketReviewRequest,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | TicketReview | None:
    """Have the AI review a ticket draft before opening it.

     Pre-review [doc]. Neither the request nor the result shape is captured [inferred]: the request
    takes the draft fields of `create_ticket` and keeps extra keys; the result keeps every key as-is.
    The success status (200 or 201) is not documented, so both are declared.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to pre-review [inferred: the request is not captured;
            these are create_ticket's draft
            fields]. Extra keys are sent as given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketReview
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_ankra_organisation_id=x_ankra_organisation_id,
        )
    ).parsed
