from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket_state_detailed_list import TicketStateDetailedList
from ...types import Response, Unset


def _get_kwargs(
    *,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ticket_states",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TicketStateDetailedList | None:
    if response.status_code == 200:
        response_200 = TicketStateDetailedList.from_dict(response.json())

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
) -> Response[Error | TicketStateDetailedList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketStateDetailedList]:
    """List the workspace's ticket states (2.12+).

     Every ticket state of the workspace, each with the ticket types it belongs to [doc: Intercom-OpenAPI
    descriptions/2.12 listTicketStates; intercom-openapi-2.16.yaml listTicketStates; client: python-
    intercom
    5.0.1 ticket_states/raw_client.py]. An update sets a state by its id (`ticket_state_id`), which must
    be a
    state of the ticket's type [doc: 2.16 updateTicket 400]. Several states may share a category (custom
    states); the four default states come first in every example [doc]. Archived states are listed too
    [doc: Intercom's 2.17 reference, "check archived on each one"]. Before 2.12: 400
    `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketStateDetailedList]
    """

    kwargs = _get_kwargs(
        intercom_version=intercom_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketStateDetailedList | None:
    """List the workspace's ticket states (2.12+).

     Every ticket state of the workspace, each with the ticket types it belongs to [doc: Intercom-OpenAPI
    descriptions/2.12 listTicketStates; intercom-openapi-2.16.yaml listTicketStates; client: python-
    intercom
    5.0.1 ticket_states/raw_client.py]. An update sets a state by its id (`ticket_state_id`), which must
    be a
    state of the ticket's type [doc: 2.16 updateTicket 400]. Several states may share a category (custom
    states); the four default states come first in every example [doc]. Archived states are listed too
    [doc: Intercom's 2.17 reference, "check archived on each one"]. Before 2.12: 400
    `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketStateDetailedList
    """

    return sync_detailed(
        client=client,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketStateDetailedList]:
    """List the workspace's ticket states (2.12+).

     Every ticket state of the workspace, each with the ticket types it belongs to [doc: Intercom-OpenAPI
    descriptions/2.12 listTicketStates; intercom-openapi-2.16.yaml listTicketStates; client: python-
    intercom
    5.0.1 ticket_states/raw_client.py]. An update sets a state by its id (`ticket_state_id`), which must
    be a
    state of the ticket's type [doc: 2.16 updateTicket 400]. Several states may share a category (custom
    states); the four default states come first in every example [doc]. Archived states are listed too
    [doc: Intercom's 2.17 reference, "check archived on each one"]. Before 2.12: 400
    `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketStateDetailedList]
    """

    kwargs = _get_kwargs(
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketStateDetailedList | None:
    """List the workspace's ticket states (2.12+).

     Every ticket state of the workspace, each with the ticket types it belongs to [doc: Intercom-OpenAPI
    descriptions/2.12 listTicketStates; intercom-openapi-2.16.yaml listTicketStates; client: python-
    intercom
    5.0.1 ticket_states/raw_client.py]. An update sets a state by its id (`ticket_state_id`), which must
    be a
    state of the ticket's type [doc: 2.16 updateTicket 400]. Several states may share a category (custom
    states); the four default states come first in every example [doc]. Archived states are listed too
    [doc: Intercom's 2.17 reference, "check archived on each one"]. Before 2.12: 400
    `intercom_version_invalid` [doc: 2.16, the answer for a resource a version lacks].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketStateDetailedList
    """

    return (
        await asyncio_detailed(
            client=client,
            intercom_version=intercom_version,
        )
    ).parsed
