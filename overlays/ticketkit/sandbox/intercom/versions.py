"""Which `Intercom-Version` a request is answered in, and what that version's requests and answers hold.

Intercom answers a request without the header in the version the app is configured with [doc: 2.16
intercom_version]; the fake's app is configured with `default` (2.16 unless told otherwise). The fake models
2.11 to 2.16: an older version is answered like 2.11, a newer one (or Unstable, Preview) like 2.16, and a
header that names no version in the default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OLDEST, NEWEST = (2, 11), (2, 16)
DEFAULT = "2.16"
MODELED = tuple(f"2.{minor}" for minor in range(OLDEST[1], NEWEST[1] + 1))


@dataclass(frozen=True)
class ApiVersion:
    number: tuple[int, int]

    @property
    def name(self) -> str:
        return f"{self.number[0]}.{self.number[1]}"

    @property
    def state_object(self) -> bool:
        """2.12+: `ticket_state` is an object, ticket types list their states [doc: changelog v2.12]."""
        return self.number >= (2, 12)

    @property
    def types_under_data(self) -> bool:
        """2.12+: GET /ticket_types lists under `data` (2.11's schema: `ticket_types`)."""
        return self.number >= (2, 12)

    @property
    def states_by_id(self) -> bool:
        """2.12+: GET /ticket_states exists and an update sets `ticket_state_id` (2.11: `state`)."""
        return self.number >= (2, 12)

    @property
    def deletes(self) -> bool:
        """2.13+: DELETE /tickets/{id} [doc: changelog v2.13]."""
        return self.number >= (2, 13)

    @property
    def flat_assignment(self) -> bool:
        """2.14+: an update assigns with top-level `admin_id`/`assignee_id`, not `assignment` [doc: changelog
        v2.14], and a create takes `assignment` [doc: 2.16 create_ticket_request]."""
        return self.number >= (2, 14)

    @property
    def integer_assignees(self) -> bool:
        """2.16: `admin_assignee_id` and `team_assignee_id` are integers."""
        return self.number >= (2, 16)


def configured(name: str) -> ApiVersion:
    """The version the fake's app answers in by default: one the fake models."""
    if name not in MODELED:
        raise ValueError(f"the Intercom sandbox answers in one of {', '.join(MODELED)}, not {name!r}")
    return ApiVersion(_number(name) or NEWEST)


def requested(header: str | None, default: ApiVersion) -> ApiVersion:
    """The version a request is answered in, from its `Intercom-Version` header."""
    if header is None or not header.strip():
        return default
    if header.strip().lower() in ("unstable", "preview"):
        return ApiVersion(NEWEST)
    number = _number(header)
    if number is None:
        return default
    return ApiVersion(min(max(number, OLDEST), NEWEST))


def _number(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"(\d+)\.(\d+)", text.strip())
    return (int(match[1]), int(match[2])) if match else None
