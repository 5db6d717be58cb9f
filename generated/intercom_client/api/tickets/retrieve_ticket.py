from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ticket import Ticket
from ...types import Response, Unset


def _get_kwargs(
    id: str,
    *,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tickets/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | None | Ticket:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | Ticket:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Ticket.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ticket, data)

        response_200 = _parse_response_200(response.json())

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | None | Ticket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | None | Ticket]:
    """Retrieve a ticket.

     Fetches one ticket with its parts (up to 500) [doc: intercom-retrieve-ticket.txt].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | None | Ticket]
    """

    kwargs = _get_kwargs(
        id=id,
        intercom_version=intercom_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Error | None | Ticket:
    """Retrieve a ticket.

     Fetches one ticket with its parts (up to 500) [doc: intercom-retrieve-ticket.txt].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | None | Ticket
    """

    return sync_detailed(
        id=id,
        client=client,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | None | Ticket]:
    """Retrieve a ticket.

     Fetches one ticket with its parts (up to 500) [doc: intercom-retrieve-ticket.txt].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | None | Ticket]
    """

    kwargs = _get_kwargs(
        id=id,
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    intercom_version: str | Unset = "2.16",
) -> Error | None | Ticket:
    """Retrieve a ticket.

     Fetches one ticket with its parts (up to 500) [doc: intercom-retrieve-ticket.txt].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | None | Ticket
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            intercom_version=intercom_version,
        )
    ).parsed
