"""The sandbox's stand-in for Ankra's AI review: the draft it grades, its verdict, and how long it is kept.

Ankra's CLI reviews a draft first (`POST .../tickets/review`), shows the verdict, then creates the ticket from
the stored review's id [client: ankra-cli cmd/support.go]. The verdict's shape is the CLI's
(SupportTicketReview); the rules that produce it are the sandbox's own (see `review_draft`): Ankra's model is
not public.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .models import Ticket, new_id

REVIEW_MIN_DESCRIPTION = 20
# How long a stored review can open a ticket. Ankra's answer carries `expires_at` [client]; the span is ours.
REVIEW_LIFETIME = dt.timedelta(minutes=30)
# Phrases that make the sandbox's review suggest `critical` (its own rule, like the rest of `review_draft`).
OUTAGE_PHRASES = ("outage", "is down", "are down", "went down", "data loss")
# The review's `status_label` of a duplicate candidate, by ticket status: for people, so the values are ours
# (Ankra's CLI prints them, e.g. "Being worked on" in its own tests).
STATUS_LABELS = {
    "pending_review": "Awaiting review",
    "open": "Open",
    "triaging": "Being triaged",
    "in_progress": "Being worked on",
    "waiting_customer": "Waiting on you",
    "resolved": "Resolved",
    "closed": "Closed",
}


@dataclass(frozen=True)
class Draft:
    """What a review grades, and what a ticket is opened from: the fields of Ankra's review request [client]."""

    subject: str
    description: str
    category: str = "technical"
    cluster_id: str | None = None
    source: str = "portal"


@dataclass(frozen=True)
class DuplicateCandidate:
    candidate_id: str
    summary: str
    status_label: str
    confidence: str
    already_resolved: bool


@dataclass
class Review:
    """One AI review of a draft, kept until `expires_at` so that a create can name it by id [client]."""

    id: str
    organisation_id: str
    draft: Draft
    quality: str  # "pass" or "flag" [client]
    quality_flags: list[str]
    clarifying_questions: list[str]
    duplicates: list[DuplicateCandidate]
    summary: str | None
    severity: str | None  # the suggested severity
    expires_at: dt.datetime
    ticket_id: str | None = None  # the ticket this review opened: one at most

    @property
    def needs_acknowledgement(self) -> bool:
        """A quality flag or a possible duplicate: what Ankra's CLI asks the customer to confirm [client]."""
        return self.quality == "flag" or bool(self.duplicates)

    @property
    def recommended_action(self) -> str:
        if self.quality == "flag":
            return "add_details"
        return "check_duplicates" if self.duplicates else "submit"

    def expired(self, moment: dt.datetime) -> bool:
        return moment >= self.expires_at


def review_draft(draft: Draft, organisation_id: str, tickets: list[Ticket], moment: dt.datetime) -> Review:
    """The sandbox's stand-in for Ankra's AI review of a ticket draft (the rules are the sandbox's own;
    Ankra's model is not public):

    - quality: a description under `REVIEW_MIN_DESCRIPTION` (20) characters, surrounding whitespace not
      counted, is flagged (`flag`) with one reason and two clarifying questions; any other passes (`pass`);
    - duplicates: every ticket of the organisation with the same subject (case and spacing aside);
    - enrichment: the description's first sentence as the summary, `critical` when the draft mentions an
      outage (`OUTAGE_PHRASES`) and no suggested severity otherwise, and the draft's own category.

    A draft that is flagged or has a duplicate needs `acknowledged: true` to be created (else 409).
    """
    flags: list[str] = []
    questions: list[str] = []
    if len(draft.description.strip()) < REVIEW_MIN_DESCRIPTION:
        flags.append(
            f"The description has fewer than {REVIEW_MIN_DESCRIPTION} characters: add what you expected, "
            "what happened instead, and when it started."
        )
        questions += ["What exactly did you expect to happen, and what happened instead?", "When did it start?"]
    text = f"{draft.subject} {draft.description}".casefold()
    return Review(
        id=new_id(),
        organisation_id=organisation_id,
        draft=draft,
        quality="flag" if flags else "pass",
        quality_flags=flags,
        clarifying_questions=questions,
        duplicates=[_candidate(t) for t in tickets if _same_subject(t.subject, draft.subject)],
        summary=_first_sentence(draft.description),
        severity="critical" if any(phrase in text for phrase in OUTAGE_PHRASES) else None,
        expires_at=moment + REVIEW_LIFETIME,
    )


def _same_subject(one: str, other: str) -> bool:
    return " ".join(one.casefold().split()) == " ".join(other.casefold().split())


def _candidate(ticket: Ticket) -> DuplicateCandidate:
    return DuplicateCandidate(
        candidate_id=ticket.id,
        summary=ticket.ai_summary or ticket.subject,
        status_label=STATUS_LABELS.get(ticket.status, ticket.status),
        confidence="high",  # the same subject
        already_resolved=ticket.status in ("resolved", "closed"),
    )


def _first_sentence(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0]
    end = first.find(". ")
    sentence = (first if end < 0 else first[: end + 1]).strip()
    return sentence[:200] or None
