"""Runs an adapter's plans over httpx, sync or async: the only place requests are sent.

Every httpx exception stops here and becomes a ticketkit one; every unexpected status becomes the
adapter's status error, so nothing vendor- or httpx-shaped reaches the caller.
"""

from __future__ import annotations

from typing import Any, TypeVar

import httpx

from ._adapter import Adapter, Call, Plan
from ._errors import APIConnectionError, APITimeoutError, InvalidArgumentError, TicketkitError, status_error
from ._parsing import json_body

T = TypeVar("T")


def build_request(client: httpx.Client | httpx.AsyncClient, call: Call) -> httpx.Request:
    return client.build_request(**call.request)


def _send_options(call: Call) -> dict[str, Any]:
    # auth=None sends no Authorization at all (a URL outside the vendor's API).
    return {} if call.authenticated else {"auth": None}


def connection_error(adapter: Adapter, call: Call, exc: Exception) -> APIConnectionError:
    where = f"{adapter.vendor} {call.operation}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(adapter.vendor, f"{where}: timed out ({type(exc).__name__})")
    return APIConnectionError(adapter.vendor, f"{where}: connection failed ({type(exc).__name__}: {exc})")


def check_status(adapter: Adapter, call: Call, response: httpx.Response) -> httpx.Response:
    if response.status_code in call.expect:
        return response
    try:
        body: Any = json_body(response, adapter.vendor, call.operation)
    except TicketkitError:
        body = response.text
    raise status_error(
        adapter.vendor, response, adapter.read_error(response), body, adapter.retry_after(response)
    )


def send_sync(client: httpx.Client, adapter: Adapter, call: Call) -> httpx.Response:
    try:
        response = client.send(build_request(client, call), **_send_options(call))
    except TicketkitError:
        raise
    except httpx.InvalidURL as exc:
        raise InvalidArgumentError(f"{adapter.vendor} {call.operation}: {exc}") from exc
    except httpx.HTTPError as exc:
        raise connection_error(adapter, call, exc) from exc
    return check_status(adapter, call, response)


async def send_async(client: httpx.AsyncClient, adapter: Adapter, call: Call) -> httpx.Response:
    try:
        response = await client.send(build_request(client, call), **_send_options(call))
    except TicketkitError:
        raise
    except httpx.InvalidURL as exc:
        raise InvalidArgumentError(f"{adapter.vendor} {call.operation}: {exc}") from exc
    except httpx.HTTPError as exc:
        raise connection_error(adapter, call, exc) from exc
    return check_status(adapter, call, response)


def run_sync(client: httpx.Client, adapter: Adapter, plan: Plan[T]) -> T:
    """Drive a plan to its result, sending each call it yields."""
    try:
        call = next(plan)
        while True:
            call = plan.send(send_sync(client, adapter, call))
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        plan.close()


async def run_async(client: httpx.AsyncClient, adapter: Adapter, plan: Plan[T]) -> T:
    """Drive a plan to its result without blocking the event loop."""
    try:
        call = next(plan)
        while True:
            call = plan.send(await send_async(client, adapter, call))
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        plan.close()
