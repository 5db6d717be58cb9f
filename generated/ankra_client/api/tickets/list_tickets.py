from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket_list import TicketList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    q: str | Unset = UNSET,
    cluster_id: UUID | Unset = UNSET,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ankra_organisation_id, Unset):
        headers["x-ankra-organisation-id"] = x_ankra_organisation_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["q"] = q

    json_cluster_id: str | Unset = UNSET
    if not isinstance(cluster_id, Unset):
        json_cluster_id = str(cluster_id)
    params["cluster_id"] = json_cluster_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/org/support/tickets",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TicketList | None:
    if response.status_code == 200:
        response_200 = TicketList.from_dict(response.json())

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
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    q: str | Unset = UNSET,
    cluster_id: UUID | Unset = UNSET,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | TicketList]:
    """List the organisation's tickets, one page at a time.

     Paged by `page` / `page_size` [doc]; the envelope is `{result, pagination}` [client: ankra-cli
    internal/client/support.go SupportTicketListResponse]. Ankra's CLI sends `page` and `page_size` only
    when positive, each `status` as its own `status=` parameter, and `q` when not empty [client: ankra-
    cli
    internal/client/support.go ListSupportTickets].

    Args:
        page (int | Unset):
        page_size (int | Unset):
        status (list[str] | Unset):
        q (str | Unset):
        cluster_id (UUID | Unset):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketList]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        status=status,
        q=q,
        cluster_id=cluster_id,
        x_ankra_organisation_id=x_ankra_organisation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    q: str | Unset = UNSET,
    cluster_id: UUID | Unset = UNSET,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | TicketList | None:
    """List the organisation's tickets, one page at a time.

     Paged by `page` / `page_size` [doc]; the envelope is `{result, pagination}` [client: ankra-cli
    internal/client/support.go SupportTicketListResponse]. Ankra's CLI sends `page` and `page_size` only
    when positive, each `status` as its own `status=` parameter, and `q` when not empty [client: ankra-
    cli
    internal/client/support.go ListSupportTickets].

    Args:
        page (int | Unset):
        page_size (int | Unset):
        status (list[str] | Unset):
        q (str | Unset):
        cluster_id (UUID | Unset):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketList
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        status=status,
        q=q,
        cluster_id=cluster_id,
        x_ankra_organisation_id=x_ankra_organisation_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    q: str | Unset = UNSET,
    cluster_id: UUID | Unset = UNSET,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Response[Error | TicketList]:
    """List the organisation's tickets, one page at a time.

     Paged by `page` / `page_size` [doc]; the envelope is `{result, pagination}` [client: ankra-cli
    internal/client/support.go SupportTicketListResponse]. Ankra's CLI sends `page` and `page_size` only
    when positive, each `status` as its own `status=` parameter, and `q` when not empty [client: ankra-
    cli
    internal/client/support.go ListSupportTickets].

    Args:
        page (int | Unset):
        page_size (int | Unset):
        status (list[str] | Unset):
        q (str | Unset):
        cluster_id (UUID | Unset):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketList]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        status=status,
        q=q,
        cluster_id=cluster_id,
        x_ankra_organisation_id=x_ankra_organisation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    q: str | Unset = UNSET,
    cluster_id: UUID | Unset = UNSET,
    x_ankra_organisation_id: str | Unset = UNSET,
) -> Error | TicketList | None:
    """List the organisation's tickets, one page at a time.

     Paged by `page` / `page_size` [doc]; the envelope is `{result, pagination}` [client: ankra-cli
    internal/client/support.go SupportTicketListResponse]. Ankra's CLI sends `page` and `page_size` only
    when positive, each `status` as its own `status=` parameter, and `q` when not empty [client: ankra-
    cli
    internal/client/support.go ListSupportTickets].

    Args:
        page (int | Unset):
        page_size (int | Unset):
        status (list[str] | Unset):
        q (str | Unset):
        cluster_id (UUID | Unset):
        x_ankra_organisation_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketList
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            status=status,
            q=q,
            cluster_id=cluster_id,
            x_ankra_organisation_id=x_ankra_organisation_id,
        )
    ).parsed
