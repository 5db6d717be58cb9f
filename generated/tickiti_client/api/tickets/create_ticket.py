from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_ticket_ok import CreateTicketOk
from ...models.create_ticket_request import CreateTicketRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTicketRequest,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tickets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateTicketOk | Error | None:
    if response.status_code == 200:
        response_200 = CreateTicketOk.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CreateTicketOk.from_dict(response.json())

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
) -> Response[CreateTicketOk | Error]:
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
    idempotency_key: str,
) -> Response[CreateTicketOk | Error]:
    """Open a ticket on behalf of a customer.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. The body names the customer and EXACTLY
    ONE
    of three modes [client: tickiti-mcp src/tools/tickets.ts, which mirrors
    ApiController::create_ticket]:
    `data.subject` + `data.content` (HTML); `template_identifier` + `data` (the template's token
    values);
    `intervention` + `data` + `uid`. `queue_name` picks the queue (the Inbox when left out) and is not
    allowed with `intervention`; the client sends it at the top level (used to resolve the queue) and as
    `data.queue_name` (validated for existence) [client: tickiti-mcp src/tools/tickets.ts]. Inline
    images
    (`<img src="data:<type>;base64,...">` in `data.content`) are stored as `cid:` attachments of the
    first
    response [client: tickiti-mcp src/attachments.ts].

    Args:
        idempotency_key (str):
        body (CreateTicketRequest): EXACTLY ONE mode: `data.subject` + `data.content`,
            `template_identifier` + `data`, or `intervention` +
            `data` + `uid` [client: tickiti-mcp src/tools/tickets.ts]. Unknown keys are refused
            [inferred from the
            client's validated inputs]; the rule is prose only, as a `oneOf` of `required` lists makes
            the generator
            drop the model.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTicketOk | Error]
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
    body: CreateTicketRequest,
    idempotency_key: str,
) -> CreateTicketOk | Error | None:
    """Open a ticket on behalf of a customer.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. The body names the customer and EXACTLY
    ONE
    of three modes [client: tickiti-mcp src/tools/tickets.ts, which mirrors
    ApiController::create_ticket]:
    `data.subject` + `data.content` (HTML); `template_identifier` + `data` (the template's token
    values);
    `intervention` + `data` + `uid`. `queue_name` picks the queue (the Inbox when left out) and is not
    allowed with `intervention`; the client sends it at the top level (used to resolve the queue) and as
    `data.queue_name` (validated for existence) [client: tickiti-mcp src/tools/tickets.ts]. Inline
    images
    (`<img src="data:<type>;base64,...">` in `data.content`) are stored as `cid:` attachments of the
    first
    response [client: tickiti-mcp src/attachments.ts].

    Args:
        idempotency_key (str):
        body (CreateTicketRequest): EXACTLY ONE mode: `data.subject` + `data.content`,
            `template_identifier` + `data`, or `intervention` +
            `data` + `uid` [client: tickiti-mcp src/tools/tickets.ts]. Unknown keys are refused
            [inferred from the
            client's validated inputs]; the rule is prose only, as a `oneOf` of `required` lists makes
            the generator
            drop the model.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTicketOk | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTicketRequest,
    idempotency_key: str,
) -> Response[CreateTicketOk | Error]:
    """Open a ticket on behalf of a customer.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. The body names the customer and EXACTLY
    ONE
    of three modes [client: tickiti-mcp src/tools/tickets.ts, which mirrors
    ApiController::create_ticket]:
    `data.subject` + `data.content` (HTML); `template_identifier` + `data` (the template's token
    values);
    `intervention` + `data` + `uid`. `queue_name` picks the queue (the Inbox when left out) and is not
    allowed with `intervention`; the client sends it at the top level (used to resolve the queue) and as
    `data.queue_name` (validated for existence) [client: tickiti-mcp src/tools/tickets.ts]. Inline
    images
    (`<img src="data:<type>;base64,...">` in `data.content`) are stored as `cid:` attachments of the
    first
    response [client: tickiti-mcp src/attachments.ts].

    Args:
        idempotency_key (str):
        body (CreateTicketRequest): EXACTLY ONE mode: `data.subject` + `data.content`,
            `template_identifier` + `data`, or `intervention` +
            `data` + `uid` [client: tickiti-mcp src/tools/tickets.ts]. Unknown keys are refused
            [inferred from the
            client's validated inputs]; the rule is prose only, as a `oneOf` of `required` lists makes
            the generator
            drop the model.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTicketOk | Error]
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
    body: CreateTicketRequest,
    idempotency_key: str,
) -> CreateTicketOk | Error | None:
    """Open a ticket on behalf of a customer.

     Needs `tickets:write` [doc] and an Idempotency-Key [doc]. The body names the customer and EXACTLY
    ONE
    of three modes [client: tickiti-mcp src/tools/tickets.ts, which mirrors
    ApiController::create_ticket]:
    `data.subject` + `data.content` (HTML); `template_identifier` + `data` (the template's token
    values);
    `intervention` + `data` + `uid`. `queue_name` picks the queue (the Inbox when left out) and is not
    allowed with `intervention`; the client sends it at the top level (used to resolve the queue) and as
    `data.queue_name` (validated for existence) [client: tickiti-mcp src/tools/tickets.ts]. Inline
    images
    (`<img src="data:<type>;base64,...">` in `data.content`) are stored as `cid:` attachments of the
    first
    response [client: tickiti-mcp src/attachments.ts].

    Args:
        idempotency_key (str):
        body (CreateTicketRequest): EXACTLY ONE mode: `data.subject` + `data.content`,
            `template_identifier` + `data`, or `intervention` +
            `data` + `uid` [client: tickiti-mcp src/tools/tickets.ts]. Unknown keys are refused
            [inferred from the
            client's validated inputs]; the rule is prose only, as a `oneOf` of `required` lists makes
            the generator
            drop the model.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTicketOk | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
