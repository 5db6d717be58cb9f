from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket import Ticket
from ...models.ticket_create import TicketCreate
from ...models.ticket_create_from_review import TicketCreateFromReview
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TicketCreate | TicketCreateFromReview,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ankra_organisation_id, Unset):
        headers["x-ankra-organisation-id"] = x_ankra_organisation_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/org/support/tickets",
    }

    if isinstance(body, TicketCreate):
        _kwargs["json"] = body.to_dict()
    else:
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
    body: TicketCreate | TicketCreateFromReview,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | Ticket]:
    """Open a ticket, from raw draft fields or from a stored review.

     Two modes [client: ankra-cli internal/client/support.go CreateSupportTicketRequest]:

    - `TicketCreate`: the draft's own fields. Ankra runs the AI review inline.
    - `TicketCreateFromReview`: the `review_id` of a review_ticket answer. Ankra takes subject,
      description, category, cluster and source from the stored review and honours only `severity`,
      `acknowledged` and the review reference. This is what Ankra's CLI does: review, show the feedback,
      then create with `{review_id, source, acknowledged}` (and `severity` when given)
      [client: ankra-cli cmd/support.go].

    When the review flags the draft (quality `flag`, or possible duplicates) and `acknowledged` is not
    true,
    the answer is **409** `{"detail": "<why>"}` and nothing is created [doc: the 409; client: the body
    and
    the CLI's `--force`, which sends `acknowledged: true`]. A `review_id` that is unknown, expired (its
    `expires_at` has passed) or already used to create a ticket is refused with 422 [inferred: the CLI
    has
    no sentinel for it and reports the status]. The success status is not documented [inferred]: the CLI
    accepts 200, 201 and 204, so 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate | TicketCreateFromReview):

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
    body: TicketCreate | TicketCreateFromReview,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | Ticket | None:
    """Open a ticket, from raw draft fields or from a stored review.

     Two modes [client: ankra-cli internal/client/support.go CreateSupportTicketRequest]:

    - `TicketCreate`: the draft's own fields. Ankra runs the AI review inline.
    - `TicketCreateFromReview`: the `review_id` of a review_ticket answer. Ankra takes subject,
      description, category, cluster and source from the stored review and honours only `severity`,
      `acknowledged` and the review reference. This is what Ankra's CLI does: review, show the feedback,
      then create with `{review_id, source, acknowledged}` (and `severity` when given)
      [client: ankra-cli cmd/support.go].

    When the review flags the draft (quality `flag`, or possible duplicates) and `acknowledged` is not
    true,
    the answer is **409** `{"detail": "<why>"}` and nothing is created [doc: the 409; client: the body
    and
    the CLI's `--force`, which sends `acknowledged: true`]. A `review_id` that is unknown, expired (its
    `expires_at` has passed) or already used to create a ticket is refused with 422 [inferred: the CLI
    has
    no sentinel for it and reports the status]. The success status is not documented [inferred]: the CLI
    accepts 200, 201 and 204, so 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate | TicketCreateFromReview):

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
    body: TicketCreate | TicketCreateFromReview,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | Ticket]:
    """Open a ticket, from raw draft fields or from a stored review.

     Two modes [client: ankra-cli internal/client/support.go CreateSupportTicketRequest]:

    - `TicketCreate`: the draft's own fields. Ankra runs the AI review inline.
    - `TicketCreateFromReview`: the `review_id` of a review_ticket answer. Ankra takes subject,
      description, category, cluster and source from the stored review and honours only `severity`,
      `acknowledged` and the review reference. This is what Ankra's CLI does: review, show the feedback,
      then create with `{review_id, source, acknowledged}` (and `severity` when given)
      [client: ankra-cli cmd/support.go].

    When the review flags the draft (quality `flag`, or possible duplicates) and `acknowledged` is not
    true,
    the answer is **409** `{"detail": "<why>"}` and nothing is created [doc: the 409; client: the body
    and
    the CLI's `--force`, which sends `acknowledged: true`]. A `review_id` that is unknown, expired (its
    `expires_at` has passed) or already used to create a ticket is refused with 422 [inferred: the CLI
    has
    no sentinel for it and reports the status]. The success status is not documented [inferred]: the CLI
    accepts 200, 201 and 204, so 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate | TicketCreateFromReview):

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
    body: TicketCreate | TicketCreateFromReview,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | Ticket | None:
    """Open a ticket, from raw draft fields or from a stored review.

     Two modes [client: ankra-cli internal/client/support.go CreateSupportTicketRequest]:

    - `TicketCreate`: the draft's own fields. Ankra runs the AI review inline.
    - `TicketCreateFromReview`: the `review_id` of a review_ticket answer. Ankra takes subject,
      description, category, cluster and source from the stored review and honours only `severity`,
      `acknowledged` and the review reference. This is what Ankra's CLI does: review, show the feedback,
      then create with `{review_id, source, acknowledged}` (and `severity` when given)
      [client: ankra-cli cmd/support.go].

    When the review flags the draft (quality `flag`, or possible duplicates) and `acknowledged` is not
    true,
    the answer is **409** `{"detail": "<why>"}` and nothing is created [doc: the 409; client: the body
    and
    the CLI's `--force`, which sends `acknowledged: true`]. A `review_id` that is unknown, expired (its
    `expires_at` has passed) or already used to create a ticket is refused with 422 [inferred: the CLI
    has
    no sentinel for it and reports the status]. The success status is not documented [inferred]: the CLI
    accepts 200, 201 and 204, so 200 and 201 are declared with the same body.

    Args:
        x_ankra_organisation_id (str | Unset):
        body (TicketCreate | TicketCreateFromReview):

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
