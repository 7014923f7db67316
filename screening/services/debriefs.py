"""The panel debrief: once every assigned rater has rated a question (or a lead opens it), the panel sees who
gave which level with their evidence notes, and may record a consensus level that replaces the mean.

The panel is the candidate's assigned raters (`CandidateRater`); a candidate with no assignment has as panel
whoever rated the question, and its debrief opens by itself once two of them have. A rater who has not rated
the question never sees another's level, whatever opened the debrief.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.policy import CampaignAccess
from screening.scoring.ratings import RatingSummary, summarise
from screening.services._access import access_of, candidate_for, require
from screening.services._audit import record, text_fingerprint
from screening.services._catalog import get_catalog
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Campaign, ConsensusRating, DebriefOpening, Rating, utcnow
from screening.text import clean

REASON_CHARS = 5000
UNASSIGNED_QUORUM = 2   # without an assigned panel, the debrief opens once this many have rated


@dataclass(frozen=True)
class PanelRating:
    rater_id: int
    rater_name: str
    first_level: int
    level: int | None            # the final level
    evidence_note: str
    revision_note: str


@dataclass(frozen=True)
class Consensus:
    level: int
    reason: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True)
class DebriefView:
    candidate_id: int
    question_id: str
    panel: tuple[str, ...]       # names of the panel's raters
    waiting_for: tuple[str, ...] # names of panel raters who have not rated yet
    opened: bool                 # a lead opened it
    ratings: tuple[PanelRating, ...]
    summary: RatingSummary | None
    consensus: Consensus | None
    can_record: bool
    can_open: bool               # a lead may open it before the whole panel has rated


@dataclass(frozen=True)
class _State:
    access: CampaignAccess
    panel: frozenset[int]
    ratings: tuple[Rating, ...]
    opened: bool

    @property
    def all_rated(self) -> bool:
        rated = {r.rater_id for r in self.ratings}
        return bool(self.panel) and self.panel <= rated

    def flags(self, actor: Actor) -> dict[str, bool]:
        assigned = isinstance(actor, Staff) and actor.user_id in self.panel
        return {"assigned": assigned, "all_rated": self.all_rated, "opened": self.opened}

    def has_rated(self, actor: Actor) -> bool:
        return isinstance(actor, Staff) and any(r.rater_id == actor.user_id for r in self.ratings)


def _state(s: Session, actor: Actor, candidate_id: int, question_id: str) -> tuple[Campaign, _State]:
    _, campaign = candidate_for(s, actor, candidate_id, policy.can_view_campaign)
    if question_id not in [*campaign.written_question_ids, *campaign.live_question_ids]:
        raise InvalidInput()
    ratings = tuple(queries.question_ratings(session=s, candidate_id=candidate_id, question_id=question_id))
    assigned = queries.assigned_raters(session=s, candidate_id=candidate_id)
    rated = frozenset(r.rater_id for r in ratings)
    panel = assigned or (rated if len(rated) >= UNASSIGNED_QUORUM else frozenset())
    opened = queries.debrief_opening(session=s, candidate_id=candidate_id, question_id=question_id) is not None
    return campaign, _State(access_of(s, campaign), panel, ratings, opened)


def _may_see(actor: Actor, state: _State) -> bool:
    """The debrief rule, and the blind rule: a rater sees no level before giving their own."""
    if not policy.can_see_debrief(actor, state.access, **state.flags(actor)):
        return False
    return policy.can_open_debrief(actor, state.access) or policy.can_see_rating_results(
        actor, state.access, has_rated=state.has_rated(actor))


def panel_questions(db: Database, actor: Actor, candidate_id: int) -> list[tuple[str, str]]:
    """The candidate's interview questions (id, prompt in the campaign's language), for the debrief page."""
    bank = get_catalog(db).bank
    with db.read() as s:
        _, campaign = candidate_for(s, actor, candidate_id, policy.can_view_campaign)
    return [(qid, bank.question_by_id[qid].prompt.get(campaign.language))
            for qid in [*campaign.written_question_ids, *campaign.live_question_ids] if qid in bank.question_by_id]


def debrief(db: Database, actor: Actor, candidate_id: int, question_id: str) -> DebriefView:
    with db.read() as s:
        _, state = _state(s, actor, candidate_id, question_id)
        require(_may_see(actor, state))
        agreed = queries.consensus(session=s, candidate_id=candidate_id, question_id=question_id)
        names = queries.user_names(session=s, ids={*state.panel, *(r.rater_id for r in state.ratings),
                                                   *([agreed.decided_by] if agreed else [])})
    rated = {r.rater_id for r in state.ratings}
    can_record = policy.can_record_consensus(actor, state.access, **state.flags(actor)) and (
        policy.can_open_debrief(actor, state.access) or state.has_rated(actor))
    return DebriefView(
        candidate_id, question_id, tuple(names.get(r, "?") for r in sorted(state.panel)),
        tuple(names.get(r, "?") for r in sorted(state.panel - rated)), state.opened,
        tuple(PanelRating(r.rater_id, names.get(r.rater_id, "?"), r.first_level, r.final_level, r.evidence_note,
                          r.revision_note) for r in state.ratings),
        summarise([r.final_level for r in state.ratings if r.final_level is not None]),
        Consensus(agreed.level, agreed.reason, names.get(agreed.decided_by, "?"), agreed.created_at)
        if agreed else None, can_record, policy.can_open_debrief(actor, state.access) and not state.opened
        and not state.all_rated)


def open_debrief(db: Database, actor: Actor, candidate_id: int, question_id: str) -> None:
    """A lead opens the debrief of a question before every assigned rater has rated it."""
    with db.write() as s:
        campaign, state = _state(s, actor, candidate_id, question_id)
        require(policy.can_open_debrief(actor, state.access))
        if state.opened:
            return
        s.add(DebriefOpening(candidate_id=candidate_id, question_id=question_id,
                             opened_by=actor.user_id if isinstance(actor, Staff) else 0))
        record(s, actor, "debrief.open", "candidate", candidate_id, question_id=question_id,
               campaign_id=campaign.id, rated=len(state.ratings))


def record_consensus(db: Database, actor: Actor, candidate_id: int, question_id: str, level: int,
                     reason: str) -> None:
    """The panel's agreed level, with the reason; recorded again, it replaces the earlier one (both audited)."""
    if not 1 <= int(level) <= 5:
        raise InvalidInput()
    text = clean(reason, limit=REASON_CHARS).strip()
    with db.write() as s:
        _, state = _state(s, actor, candidate_id, question_id)
        require(policy.can_record_consensus(actor, state.access, **state.flags(actor)) and _may_see(actor, state))
        if not isinstance(actor, Staff):
            raise InvalidInput()   # a consensus names the person who recorded it
        if not text:
            raise InvalidInput("error.consensus_reason")
        if not state.ratings:
            raise InvalidInput()
        row = queries.consensus(session=s, candidate_id=candidate_id, question_id=question_id)
        before = row.level if row else None
        if row is None:
            row = ConsensusRating(candidate_id=candidate_id, question_id=question_id, level=int(level),
                                  decided_by=actor.user_id)
        row.level, row.reason, row.decided_by, row.created_at = int(level), text, actor.user_id, utcnow()
        s.add(row)
        mean = summarise([r.final_level for r in state.ratings if r.final_level is not None])
        record(s, actor, "consensus.record", "candidate", candidate_id, question_id=question_id, before=before,
               after=int(level), raters_mean=round(mean.mean, 3) if mean else None,
               **text_fingerprint("reason", text))
