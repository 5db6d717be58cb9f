"""The Intercom API versions ticketkit speaks, and what each one's requests take (specs/intercom.yaml says why).

| version | set a state | assign on update | assign on create |
|---|---|---|---|
| 2.11 | `state` (a category) | `assignment: {admin_id, assignee_id}` | - |
| 2.12, 2.13 | `ticket_state_id` (from GET /ticket_states) | `assignment: {admin_id, assignee_id}` | - |
| 2.14, 2.15, 2.16 | `ticket_state_id` | top-level `admin_id` (integer), `assignee_id` | `assignment` |
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED = ("2.11", "2.12", "2.13", "2.14", "2.15", "2.16")
DEFAULT = "2.16"  # the newest version ticketkit is built and tested for


@dataclass(frozen=True)
class Version:
    """One supported `Intercom-Version` and the request fields it takes."""

    name: str

    @property
    def number(self) -> tuple[int, int]:
        major, minor = self.name.split(".")
        return int(major), int(minor)

    @property
    def states_by_id(self) -> bool:
        """2.12+: an update sets `ticket_state_id` (a state of the ticket's type), not 2.11's `state`."""
        return self.number >= (2, 12)

    @property
    def flat_assignment(self) -> bool:
        """2.14+: `admin_id` and `assignee_id` at the top of an update; earlier, inside `assignment`."""
        return self.number >= (2, 14)

    @property
    def assigns_on_create(self) -> bool:
        """2.14+: a create takes `assignment: {admin_assignee_id, team_assignee_id}`."""
        return self.number >= (2, 14)


def version(name: object) -> Version:
    """The supported version called `name`; ValueError (with the supported ones) for anything else."""
    # Only ASCII spaces are forgiven: "2.16\xa0" (a no-break space) is no version, and goes into a header.
    if not isinstance(name, str) or name.strip(" \t") not in SUPPORTED:
        raise ValueError(f"api_version must be one of {', '.join(SUPPORTED)}, not {name!r}")
    return Version(name.strip(" \t"))
