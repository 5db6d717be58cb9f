"""Every response each served sandbox sends conforms to our spec: schemathesis drives it from the spec.

Each vendor's sandbox is served on 127.0.0.1; schemathesis generates requests for every operation of
`specs/<vendor>.yaml` (valid and invalid ones, from a fixed seed) and checks each response's status code,
content type and body against the spec. The number of cases run is printed at the end of the session.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterator

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from support import SPECS, VENDORS
from ticketkit.sandbox import TOKEN, Sandbox, serving

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
CASES: Counter[str] = Counter()


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, Sandbox]]:
    """Every vendor's sandbox on loopback for this module, stopped afterwards (conftest.py reports CASES)."""
    with contextlib.ExitStack() as stack:
        yield {vendor: stack.enter_context(serving(vendor)) for vendor in VENDORS}


def _schema(vendor: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_path(SPECS / f"{vendor}.yaml")


SETTINGS = hypothesis.settings(
    max_examples=15,
    derandomize=True,  # the same cases on every run: CI failures reproduce
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
    database=None,
)


def _check(vendor: str, case: schemathesis.Case, served: dict[str, Sandbox]) -> None:
    CASES[vendor] += 1
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = case.call(base_url=served[vendor].base_url, headers=headers, timeout=10)
    case.validate_response(response, checks=CHECKS, headers=headers)


def _conformance_test(vendor: str) -> Callable[..., None]:
    """The schemathesis test of one vendor's sandbox: one pytest item per operation of its spec."""

    @_schema(vendor).parametrize()
    @SETTINGS
    def test(case: schemathesis.Case, served: dict[str, Sandbox]) -> None:
        _check(vendor, case, served)

    return test


# One test per vendor, named test_<vendor>_sandbox_conforms: schemathesis parametrizes a test over the operations
# of one schema, so the vendors cannot be a pytest parameter of the same function.
for _vendor in VENDORS:
    globals()[f"test_{_vendor}_sandbox_conforms"] = _conformance_test(_vendor)
