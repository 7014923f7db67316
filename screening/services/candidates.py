"""Candidates of a campaign, their progress, and the erasure of their personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from screening.domain import policy
from screening.domain.actors import Actor
from screening.domain.credentials import CredentialError, normalise_email
from screening.domain.statuses import attempt_status
from screening.services._access import campaign_for, candidate_for, require
from screening.services._audit import record
from screening.services._text import clean
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Candidate, utcnow

PAGE_SIZE = 50


def add_candidate(db: Database, actor: Actor, campaign_id: int, name: str, email: str = "",
                  *, is_demo: bool = False) -> int:
    """Add one candidate; an e-mail already used in this campaign is refused (two records, one person)."""
    with db.write() as s:
        campaign_for(s, actor, campaign_id, policy.can_manage_candidates)
        name = clean(name, 300).strip()
        if not name:
            raise InvalidInput("error.candidate_name")
        address = ""
        if email.strip():
            try:
                address = normalise_email(clean(email, 320))
            except CredentialError as exc:
                raise InvalidInput(exc.key) from None
        if address and queries.email_taken(session=s, campaign_id=campaign_id, email=address):
            raise InvalidInput("error.candidate_email_taken")
        candidate = Candidate(campaign_id=campaign_id, name=name, email=address, is_demo=is_demo)
        s.add(candidate)
        s.flush()
        record(s, actor, "candidate.create", "candidate", candidate.id, campaign_id=campaign_id)
        return int(candidate.id or 0)


def list_candidates(db: Database, actor: Actor, campaign_id: int) -> list[Candidate]:
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        return list(queries.candidates_of(session=s, campaign_id=campaign_id))


@dataclass(frozen=True)
class CandidateStatus:
    candidate_id: int
    name: str
    email: str
    added_at: datetime
    status: str                 # added | in_progress | submitted (see domain.statuses)


@dataclass(frozen=True)
class StatusPage:
    rows: tuple[CandidateStatus, ...]
    total: int
    page: int
    pages: int


def candidate_statuses(db: Database, actor: Actor, campaign_id: int, *, page: int = 0, search: str = "",
                       page_size: int | None = None) -> StatusPage:
    """Names and progress only, one page at a time: what the recruiter's lists need, without scoring anyone."""
    size = page_size or PAGE_SIZE
    term = clean(search, 100).strip()
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        total = queries.count_candidates(session=s, campaign_id=campaign_id, search=term)
        pages = max(1, -(-total // size))
        page = min(max(0, page), pages - 1)
        rows = queries.candidates_with_attempts(session=s, campaign_id=campaign_id, offset=page * size, limit=size,
                                                search=term)
    return StatusPage(tuple(CandidateStatus(int(c.id or 0), c.name, c.email, c.created_at, attempt_status(a))
                            for c, a in rows), total, page, pages)


def get_candidate(db: Database, actor: Actor, candidate_id: int) -> Candidate:
    with db.read() as s:
        return candidate_for(s, actor, candidate_id, policy.can_view_campaign)[0]


def erasable_candidates(db: Database, actor: Actor) -> list[Candidate]:
    """Every candidate whose personal data is still held (admin only)."""
    require(policy.can_manage_retention(actor))
    with db.read() as s:
        return list(queries.erasable_candidates(session=s))


def erase_candidate(db: Database, actor: Actor, candidate_id: int) -> None:
    """Admin erasure: every field that can hold the person's data is blanked and their links stop working;
    scores, levels and the audit log stay."""
    require(policy.can_manage_retention(actor))
    with db.write() as s:
        candidate, _ = candidate_for(s, actor, candidate_id, policy.can_view_campaign)
        _erase(s, candidate)
        record(s, actor, "candidate.erase", "candidate", candidate_id)


def purge_older_than(db: Database, actor: Actor, days: int) -> list[int]:
    """Retention: erase the personal data of every candidate whose campaign closed more than `days` days ago,
    or who never started and whose latest invite link expired more than `days` days ago."""
    require(policy.can_manage_retention(actor))
    if days < 1:
        raise InvalidInput()
    with db.read() as s:
        due = queries.candidate_ids_due_for_purge(session=s, cutoff=utcnow() - timedelta(days=days))
    for candidate_id in due:
        with db.write() as s:
            candidate = s.get(Candidate, candidate_id)
            if candidate is not None and candidate.erased_at is None:
                _erase(s, candidate)
                record(s, actor, "candidate.purge", "candidate", candidate_id, retention_days=days)
    return due


def _erase(s: Session, candidate: Candidate) -> None:
    """Blank the name, e-mail and every free text about one candidate, in the caller's transaction."""
    candidate_id = int(candidate.id or 0)
    now = utcnow()
    candidate.name, candidate.email, candidate.erased_at = f"erased #{candidate_id}", "", now
    s.add(candidate)
    attempt = queries.attempt_of(session=s, candidate_id=candidate_id)
    if attempt is not None:
        for answer in queries.answers_of(session=s, attempt_id=int(attempt.id or 0)):
            answer.text = ""
            s.add(answer)
    for live in queries.live_answers(session=s, candidate_id=candidate_id):
        live.answer_text, live.rater_notes = "", ""
        s.add(live)
    for decision in queries.decisions_of(session=s, candidate_id=candidate_id):
        decision.note = ""
        s.add(decision)
    for invitation in queries.live_invitations(session=s, candidate_id=candidate_id):
        invitation.revoked_at = now
        s.add(invitation)
