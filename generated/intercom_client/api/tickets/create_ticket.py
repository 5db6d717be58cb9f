from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_ticket_request import CreateTicketRequest
from ...models.error import Error
from ...models.ticket import Ticket
from ...types import Response, Unset


def _get_kwargs(
    *,
    body: CreateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tickets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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
    *,
    client: AuthenticatedClient | Client,
    body: CreateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | None | Ticket]:
    """Create a ticket.

     Creates a ticket of the given type for one contact [doc]. Answers the new ticket (200) [doc]; the
    2.16
    schema declares the ticket nullable, so `null` is accepted too [doc: intercom-openapi-2.16.yaml
    ticket].
    `assignment` is taken from 2.14 [doc: intercom-openapi-2.16.yaml create_ticket_request; client:
    python-intercom 5.0.1 tickets/raw_client.py create]; the 2.11, 2.12 and 2.13 schemas have no such
    field
    [doc: intercom-openapi-2.11.yaml; Intercom-OpenAPI descriptions/2.12, 2.13 create_ticket_request].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (CreateTicketRequest): A new ticket [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | None | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
        intercom_version=intercom_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Error | None | Ticket:
    """Create a ticket.

     Creates a ticket of the given type for one contact [doc]. Answers the new ticket (200) [doc]; the
    2.16
    schema declares the ticket nullable, so `null` is accepted too [doc: intercom-openapi-2.16.yaml
    ticket].
    `assignment` is taken from 2.14 [doc: intercom-openapi-2.16.yaml create_ticket_request; client:
    python-intercom 5.0.1 tickets/raw_client.py create]; the 2.11, 2.12 and 2.13 schemas have no such
    field
    [doc: intercom-openapi-2.11.yaml; Intercom-OpenAPI descriptions/2.12, 2.13 create_ticket_request].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (CreateTicketRequest): A new ticket [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | None | Ticket
    """

    return sync_detailed(
        client=client,
        body=body,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | None | Ticket]:
    """Create a ticket.

     Creates a ticket of the given type for one contact [doc]. Answers the new ticket (200) [doc]; the
    2.16
    schema declares the ticket nullable, so `null` is accepted too [doc: intercom-openapi-2.16.yaml
    ticket].
    `assignment` is taken from 2.14 [doc: intercom-openapi-2.16.yaml create_ticket_request; client:
    python-intercom 5.0.1 tickets/raw_client.py create]; the 2.11, 2.12 and 2.13 schemas have no such
    field
    [doc: intercom-openapi-2.11.yaml; Intercom-OpenAPI descriptions/2.12, 2.13 create_ticket_request].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (CreateTicketRequest): A new ticket [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | None | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTicketRequest,
    intercom_version: str | Unset = "2.16",
) -> Error | None | Ticket:
    """Create a ticket.

     Creates a ticket of the given type for one contact [doc]. Answers the new ticket (200) [doc]; the
    2.16
    schema declares the ticket nullable, so `null` is accepted too [doc: intercom-openapi-2.16.yaml
    ticket].
    `assignment` is taken from 2.14 [doc: intercom-openapi-2.16.yaml create_ticket_request; client:
    python-intercom 5.0.1 tickets/raw_client.py create]; the 2.11, 2.12 and 2.13 schemas have no such
    field
    [doc: intercom-openapi-2.11.yaml; Intercom-OpenAPI descriptions/2.12, 2.13 create_ticket_request].

    Args:
        intercom_version (str | Unset):  Default: '2.16'.
        body (CreateTicketRequest): A new ticket [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | None | Ticket
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            intercom_version=intercom_version,
        )
    ).parsed
