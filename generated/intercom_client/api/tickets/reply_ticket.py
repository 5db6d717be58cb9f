from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_reply import AdminReply
from ...models.contact_reply import ContactReply
from ...models.error import Error
from ...models.ticket_part import TicketPart
from ...types import Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: AdminReply | ContactReply,
    intercom_version: str | Unset = "2.16",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(intercom_version, Unset):
        headers["Intercom-Version"] = intercom_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tickets/{id}/reply".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, AdminReply):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TicketPart | None:
    if response.status_code == 200:
        response_200 = TicketPart.from_dict(response.json())

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
) -> Response[Error | TicketPart]:
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
    body: AdminReply | ContactReply,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketPart]:
    """Reply to a ticket as an admin (comment, note, quick reply) or on behalf of a contact.

     The body is an admin reply (`type: admin`, `admin_id` required) or a contact reply (`type: user`,
    `body` required, the contact named by exactly one of `intercom_user_id`, `user_id`, `email`) [doc].
    Contact replies on back-office tickets are refused with 400 `parameter_mismatch` [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (AdminReply | ContactReply): An admin reply or a contact reply [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketPart]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
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
    body: AdminReply | ContactReply,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketPart | None:
    """Reply to a ticket as an admin (comment, note, quick reply) or on behalf of a contact.

     The body is an admin reply (`type: admin`, `admin_id` required) or a contact reply (`type: user`,
    `body` required, the contact named by exactly one of `intercom_user_id`, `user_id`, `email`) [doc].
    Contact replies on back-office tickets are refused with 400 `parameter_mismatch` [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (AdminReply | ContactReply): An admin reply or a contact reply [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketPart
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        intercom_version=intercom_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AdminReply | ContactReply,
    intercom_version: str | Unset = "2.16",
) -> Response[Error | TicketPart]:
    """Reply to a ticket as an admin (comment, note, quick reply) or on behalf of a contact.

     The body is an admin reply (`type: admin`, `admin_id` required) or a contact reply (`type: user`,
    `body` required, the contact named by exactly one of `intercom_user_id`, `user_id`, `email`) [doc].
    Contact replies on back-office tickets are refused with 400 `parameter_mismatch` [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (AdminReply | ContactReply): An admin reply or a contact reply [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketPart]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        intercom_version=intercom_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AdminReply | ContactReply,
    intercom_version: str | Unset = "2.16",
) -> Error | TicketPart | None:
    """Reply to a ticket as an admin (comment, note, quick reply) or on behalf of a contact.

     The body is an admin reply (`type: admin`, `admin_id` required) or a contact reply (`type: user`,
    `body` required, the contact named by exactly one of `intercom_user_id`, `user_id`, `email`) [doc].
    Contact replies on back-office tickets are refused with 400 `parameter_mismatch` [doc].

    Args:
        id (str):
        intercom_version (str | Unset):  Default: '2.16'.
        body (AdminReply | ContactReply): An admin reply or a contact reply [doc].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketPart
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            intercom_version=intercom_version,
        )
    ).parsed
