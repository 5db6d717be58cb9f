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

     Pre-review [doc]: Ankra grades the draft's quality, enriches it and looks for duplicates, and stores
    the review until `expires_at` so that create_ticket can open the ticket from its `review_id`
    [client:
    ankra-cli internal/client/support.go ReviewSupportTicket, SupportTicketReview]. The CLI asks the
    customer to confirm (or needs `--force`) when `quality` is `flag` or `duplicate_candidates` is not
    empty [client: ankra-cli cmd/support.go reviewNeedsConfirmation]. The success status is not
    documented [inferred]: 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to review [client: ankra-cli
            internal/client/support.go ReviewSupportTicketRequest; the CLI
            always sends subject, description, category and source].

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

     Pre-review [doc]: Ankra grades the draft's quality, enriches it and looks for duplicates, and stores
    the review until `expires_at` so that create_ticket can open the ticket from its `review_id`
    [client:
    ankra-cli internal/client/support.go ReviewSupportTicket, SupportTicketReview]. The CLI asks the
    customer to confirm (or needs `--force`) when `quality` is `flag` or `duplicate_candidates` is not
    empty [client: ankra-cli cmd/support.go reviewNeedsConfirmation]. The success status is not
    documented [inferred]: 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to review [client: ankra-cli
            internal/client/support.go ReviewSupportTicketRequest; the CLI
            always sends subject, description, category and source].

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

     Pre-review [doc]: Ankra grades the draft's quality, enriches it and looks for duplicates, and stores
    the review until `expires_at` so that create_ticket can open the ticket from its `review_id`
    [client:
    ankra-cli internal/client/support.go ReviewSupportTicket, SupportTicketReview]. The CLI asks the
    customer to confirm (or needs `--force`) when `quality` is `flag` or `duplicate_candidates` is not
    empty [client: ankra-cli cmd/support.go reviewNeedsConfirmation]. The success status is not
    documented [inferred]: 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to review [client: ankra-cli
            internal/client/support.go ReviewSupportTicketRequest; the CLI
            always sends subject, description, category and source].

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

     Pre-review [doc]: Ankra grades the draft's quality, enriches it and looks for duplicates, and stores
    the review until `expires_at` so that create_ticket can open the ticket from its `review_id`
    [client:
    ankra-cli internal/client/support.go ReviewSupportTicket, SupportTicketReview]. The CLI asks the
    customer to confirm (or needs `--force`) when `quality` is `flag` or `duplicate_candidates` is not
    empty [client: ankra-cli cmd/support.go reviewNeedsConfirmation]. The success status is not
    documented [inferred]: 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketReviewRequest): A draft to review [client: ankra-cli
            internal/client/support.go ReviewSupportTicketRequest; the CLI
            always sends subject, description, category and source].

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
