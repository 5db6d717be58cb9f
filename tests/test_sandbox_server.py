"""The loopback sandbox server: a client that resets its connection is not reported as the server's error."""

from __future__ import annotations

import socket
import struct
import time

import pytest
from ticketkit.sandbox import serving


def test_a_client_resetting_mid_request_prints_no_traceback(capfd: pytest.CaptureFixture[str]) -> None:
    with serving("ankra") as sandbox:
        host, port = sandbox.base_url.split("//", 1)[1].split("/", 1)[0].split(":")
        client = socket.create_connection((host, int(port)))
        client.sendall(b"GET /api/v1/org/support/tickets HTTP/1.1\r\nHost: x\r\n")  # headers not finished
        time.sleep(0.2)  # let the server start reading them
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # SO_LINGER 0: an RST, as a killed client's kernel sends
        time.sleep(0.3)
    assert "Traceback" not in capfd.readouterr().err
