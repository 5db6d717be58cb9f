from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.download_attachment_ok import DownloadAttachmentOk
from ...models.download_attachment_request import DownloadAttachmentRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: DownloadAttachmentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tickets/attachment",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadAttachmentOk | Error | None:
    if response.status_code == 200:
        response_200 = DownloadAttachmentOk.from_dict(response.json())

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
) -> Response[DownloadAttachmentOk | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAttachmentRequest,
) -> Response[DownloadAttachmentOk | Error]:
    """One attachment's bytes, base64-encoded, with its metadata.

     A read: no Idempotency-Key [doc: route list `write: false`]. The attachment must belong to the
    ticket
    named. Hard-blocked types are refused; review-gated types need `intent: "review_ok"` (the client's
    `confirm`) [client: tickiti-mcp src/tools/ticket-reads.ts]. Which statuses those refusals use was
    not
    captured: 4xx [client: tickiti-mcp src/result.ts], here 403 (blocked) and 422 (review) [inferred].

    Args:
        body (DownloadAttachmentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadAttachmentOk | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAttachmentRequest,
) -> DownloadAttachmentOk | Error | None:
    """One attachment's bytes, base64-encoded, with its metadata.

     A read: no Idempotency-Key [doc: route list `write: false`]. The attachment must belong to the
    ticket
    named. Hard-blocked types are refused; review-gated types need `intent: "review_ok"` (the client's
    `confirm`) [client: tickiti-mcp src/tools/ticket-reads.ts]. Which statuses those refusals use was
    not
    captured: 4xx [client: tickiti-mcp src/result.ts], here 403 (blocked) and 422 (review) [inferred].

    Args:
        body (DownloadAttachmentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadAttachmentOk | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAttachmentRequest,
) -> Response[DownloadAttachmentOk | Error]:
    """One attachment's bytes, base64-encoded, with its metadata.

     A read: no Idempotency-Key [doc: route list `write: false`]. The attachment must belong to the
    ticket
    named. Hard-blocked types are refused; review-gated types need `intent: "review_ok"` (the client's
    `confirm`) [client: tickiti-mcp src/tools/ticket-reads.ts]. Which statuses those refusals use was
    not
    captured: 4xx [client: tickiti-mcp src/result.ts], here 403 (blocked) and 422 (review) [inferred].

    Args:
        body (DownloadAttachmentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadAttachmentOk | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAttachmentRequest,
) -> DownloadAttachmentOk | Error | None:
    """One attachment's bytes, base64-encoded, with its metadata.

     A read: no Idempotency-Key [doc: route list `write: false`]. The attachment must belong to the
    ticket
    named. Hard-blocked types are refused; review-gated types need `intent: "review_ok"` (the client's
    `confirm`) [client: tickiti-mcp src/tools/ticket-reads.ts]. Which statuses those refusals use was
    not
    captured: 4xx [client: tickiti-mcp src/result.ts], here 403 (blocked) and 422 (review) [inferred].

    Args:
        body (DownloadAttachmentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadAttachmentOk | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
