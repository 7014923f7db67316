"""Candidates of a campaign, and the erasure of their personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from screening.domain import policy
from screening.domain.actors import Actor
from screening.domain.statuses import attempt_status
from screening.services._access import campaign_for, candidate_for, require
from screening.services._audit import record
from screening.services._text import clean
from screening.services.errors import InvalidInput
from screening.store.engine import Database
from screening.store.models import Answer, Attempt, Candidate, LiveAnswer, utcnow


def add_candidate(db: Database, actor: Actor, campaign_id: int, name: str, email: str = "",
                  *, is_demo: bool = False) -> int:
    name = clean(name, 300).strip()
    if not name:
        raise InvalidInput("error.candidate_name")
    with db.write() as s:
        campaign_for(s, actor, campaign_id, policy.can_manage_candidates)
        candidate = Candidate(campaign_id=campaign_id, name=name, email=clean(email, 300).strip(), is_demo=is_demo)
        s.add(candidate)
        s.flush()
        record(s, actor, "candidate.create", "candidate", candidate.id, campaign_id=campaign_id)
        return int(candidate.id)  # type: ignore[arg-type]


def list_candidates(db: Database, actor: Actor, campaign_id: int) -> list[Candidate]:
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        return list(s.exec(select(Candidate).where(Candidate.campaign_id == campaign_id)
                           .order_by(Candidate.id)).all())


@dataclass(frozen=True)
class CandidateStatus:
    candidate_id: int
    name: str
    status: str                 # invited | in_progress | submitted


def candidate_statuses(db: Database, actor: Actor, campaign_id: int) -> list[CandidateStatus]:
    """Names and progress only: what the recruiter's lists need, without scoring anyone."""
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        rows = s.exec(select(Candidate, Attempt).join(Attempt, Attempt.candidate_id == Candidate.id,  # type: ignore[arg-type]
                                                      isouter=True)
                      .where(Candidate.campaign_id == campaign_id).order_by(Candidate.id)).all()
    return [CandidateStatus(int(c.id), c.name, attempt_status(a)) for c, a in rows]  # type: ignore[arg-type]


def get_candidate(db: Database, actor: Actor, candidate_id: int) -> Candidate:
    with db.read() as s:
        return candidate_for(s, actor, candidate_id, policy.can_view_campaign)[0]


def erasable_candidates(db: Database, actor: Actor) -> list[Candidate]:
    """Every candidate whose personal data is still held (admin only)."""
    require(policy.can_manage_retention(actor))
    with db.read() as s:
        return list(s.exec(select(Candidate).where(Candidate.erased_at.is_(None))  # type: ignore[union-attr]
                           .order_by(Candidate.id)).all())


def erase_candidate(db: Database, actor: Actor, candidate_id: int) -> None:
    """Admin erasure: name, e-mail and free text go; scores, ratings and the audit log stay."""
    require(policy.can_manage_retention(actor))
    with db.write() as s:
        candidate, _ = candidate_for(s, actor, candidate_id, policy.can_view_campaign)
        _erase(s, candidate)
        record(s, actor, "candidate.erase", "candidate", candidate_id)


def purge_older_than(db: Database, actor: Actor, days: int) -> list[int]:
    """Retention: erase the personal data of every candidate added more than `days` days ago."""
    require(policy.can_manage_retention(actor))
    if days < 1:
        raise InvalidInput()
    cutoff = utcnow() - timedelta(days=days)
    with db.read() as s:
        due = [int(c.id) for c in s.exec(select(Candidate).where(  # type: ignore[arg-type]
            Candidate.created_at < cutoff, Candidate.erased_at.is_(None))).all()]  # type: ignore[union-attr]
    for candidate_id in due:
        with db.write() as s:
            candidate = s.get(Candidate, candidate_id)
            _erase(s, candidate)  # type: ignore[arg-type]
            record(s, actor, "candidate.purge", "candidate", candidate_id, retention_days=days)
    return due


def _erase(s: Session, candidate: Candidate) -> None:
    """Blank the name, e-mail and every free text of one candidate, in the caller's transaction."""
    candidate_id = candidate.id
    candidate.name, candidate.email, candidate.erased_at = f"erased #{candidate_id}", "", utcnow()
    s.add(candidate)
    attempt = s.exec(select(Attempt).where(Attempt.candidate_id == candidate_id)).first()
    if attempt is not None:
        for answer in s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all():
            answer.text = ""
            s.add(answer)
    for live in s.exec(select(LiveAnswer).where(LiveAnswer.candidate_id == candidate_id)).all():
        live.answer_text, live.rater_notes = "", ""
        s.add(live)
