"""A fake's outgoing webhooks: `Notifier` posts each notification to one URL, in order, off the request's thread.

Delivery never blocks or fails the API call that caused it: a receiver that is down, slow or answers an error
is logged (logger `ticketkit.sandbox`) and kept in `deliveries`, never raised. `flush()` waits for what is
queued, so a test can assert on what its receiver got. Each delivery uses its own connection (closed after),
so a sandbox that is dropped leaves no socket behind. There are no retries (Intercom documents some; a test
wants one delivery per change).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

logger = logging.getLogger("ticketkit.sandbox")

#: Headers (the signature among them) for a body, as the vendor sends them.
Signer = Callable[[bytes], Mapping[str, str]]


@dataclass(frozen=True)
class WebhookDelivery:
    """One notification the sandbox posted: its topic, the exact body, the headers sent, and the receiver's
    status (None with `error` when it could not be reached)."""

    topic: str
    body: bytes
    headers: Mapping[str, str]
    status: int | None
    error: str | None = None


class Notifier:
    """Posts notifications to `url`, one at a time and in the order they were queued, on a worker thread that
    runs only while something is queued."""

    def __init__(self, url: str, sign: Signer, *, timeout: float = 5.0) -> None:
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ValueError(f"webhook_url must be an http:// or https:// URL, not {url!r}")
        self.url = url
        self.sign = sign
        self.timeout = timeout
        self.deliveries: list[WebhookDelivery] = []
        self._queue: deque[tuple[str, bytes]] = deque()
        self._pending = 0
        self._running = False
        self._changed = threading.Condition()

    def send(self, topic: str, body: bytes) -> None:
        """Queue `body` under `topic`; it is posted after the notifications queued before it."""
        with self._changed:
            self._queue.append((topic, body))
            self._pending += 1
            if not self._running:
                self._running = True
                threading.Thread(target=self._drain, name="ticketkit-sandbox-webhooks", daemon=True).start()

    def flush(self, timeout: float = 10.0) -> list[WebhookDelivery]:
        """Wait until nothing is queued or in flight; every delivery so far. TimeoutError after `timeout` s."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._pending == 0, timeout):
                raise TimeoutError(
                    f"sandbox webhooks: {self._pending} notification(s) to {self.url} still undelivered after "
                    f"{timeout:g} s (a slow receiver?)"
                )
            return list(self.deliveries)

    def _drain(self) -> None:
        while True:
            with self._changed:
                if not self._queue:
                    self._running = False
                    return
                topic, body = self._queue.popleft()
            delivery = self._deliver(topic, body)
            with self._changed:
                self.deliveries.append(delivery)
                self._pending -= 1
                self._changed.notify_all()

    def _deliver(self, topic: str, body: bytes) -> WebhookDelivery:
        headers = {"Content-Type": "application/json", **self.sign(body)}
        try:
            with httpx.Client(timeout=self.timeout) as client:
                status = client.post(self.url, content=body, headers=headers).status_code
        except Exception as exc:  # a receiver that is down or slow is the test's to see, never the API call's
            logger.warning("sandbox webhook %s to %s failed: %s: %s", topic, self.url, type(exc).__name__, exc)
            return WebhookDelivery(topic, body, headers, None, f"{type(exc).__name__}: {exc}")
        if not 200 <= status < 300:
            logger.warning("sandbox webhook %s to %s: the receiver answered %d", topic, self.url, status)
        return WebhookDelivery(topic, body, headers, status)
