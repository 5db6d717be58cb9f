"""Every response each served sandbox sends conforms to our spec: schemathesis drives it from the spec.

Each vendor's sandbox is served on 127.0.0.1; schemathesis generates requests for every operation of
`specs/<vendor>.yaml` (valid and invalid ones, from a fixed seed) and checks each response's status code,
content type and body against the spec. The number of cases run is printed at the end of the session.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from support import SPECS
from ticketkit.sandbox import TOKEN, Sandbox, serving

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
CASES: Counter[str] = Counter()


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, Sandbox]]:
    """The four sandboxes on loopback for this module, stopped afterwards (conftest.py reports CASES)."""
    with serving("routera") as routera, serving("intercom") as intercom:
        with serving("tickiti") as tickiti, serving("ankra") as ankra:
            yield {"routera": routera, "intercom": intercom, "tickiti": tickiti, "ankra": ankra}


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


ROUTERA, INTERCOM, TICKITI, ANKRA = (_schema(v) for v in ("routera", "intercom", "tickiti", "ankra"))


@ROUTERA.parametrize()
@SETTINGS
def test_routera_sandbox_conforms(case: schemathesis.Case, served: dict[str, Sandbox]) -> None:
    _check("routera", case, served)


@INTERCOM.parametrize()
@SETTINGS
def test_intercom_sandbox_conforms(case: schemathesis.Case, served: dict[str, Sandbox]) -> None:
    _check("intercom", case, served)


@TICKITI.parametrize()
@SETTINGS
def test_tickiti_sandbox_conforms(case: schemathesis.Case, served: dict[str, Sandbox]) -> None:
    _check("tickiti", case, served)


@ANKRA.parametrize()
@SETTINGS
def test_ankra_sandbox_conforms(case: schemathesis.Case, served: dict[str, Sandbox]) -> None:
    _check("ankra", case, served)
