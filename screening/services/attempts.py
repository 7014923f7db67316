"""The candidate's attempt: open or resume from the invite token, save each answer as given, submit.

Every call takes the candidate's link again (a CandidateActor), so a forged, expired or used link never
reaches data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from screening.banks import InterviewQuestion, SjtItem
from screening.domain import policy
from screening.domain.actors import Actor, CandidateActor
from screening.domain.answers import ANSWER_MAX_CHARS, clean_sjt_response
from screening.domain.test_plans import draw_plan
from screening.domain.tokens import token_hash
from screening.services._access import require
from screening.services._audit import record, text_fingerprint
from screening.services._catalog import get_catalog
from screening.services._text import clean
from screening.services.errors import InvalidInput, InvalidInvite
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Attempt, Campaign, Candidate, utcnow

MINUTES_PER_SJT_ITEM = 1.5
MINUTES_PER_WRITTEN_QUESTION = 6


@dataclass(frozen=True)
class PlannedSjt:
    item: SjtItem
    option_order: tuple[str, ...]


@dataclass(frozen=True)
class AttemptView:
    """What the candidate's page needs; holds no keys, scores or anchors."""

    attempt_id: int
    candidate_name: str
    campaign_name: str
    language: str
    consented: bool
    submitted: bool
    step: int
    sjt: tuple[PlannedSjt, ...]
    written: tuple[InterviewQuestion, ...]
    answers: dict[str, dict[str, Any]]
    texts: dict[str, str]

    @property
    def total_steps(self) -> int:
        return len(self.sjt) + len(self.written)

    @property
    def minutes(self) -> int:
        return round(len(self.sjt) * MINUTES_PER_SJT_ITEM + len(self.written) * MINUTES_PER_WRITTEN_QUESTION)

    def answered(self, item_id: str) -> bool:
        if item_id in self.texts:
            return bool(self.texts[item_id].strip())
        response = self.answers.get(item_id, {})
        return bool(response.get("best") and response.get("worst")) or bool(response.get("ratings"))


def _link(s: Session, actor: Actor) -> queries.LinkRow:
    """Asks the policy (only an invite link answers), then resolves the link, its candidate, campaign and
    attempt in one query. Unknown, expired, replaced and erased links all get the same message."""
    require(policy.can_answer(actor))
    token = actor.token if isinstance(actor, CandidateActor) else ""
    if not token or len(token) > 200:
        raise InvalidInvite()
    row = queries.link_by_token_hash(session=s, token_hash=token_hash(token))
    if (row is None or row.invitation.revoked_at is not None or row.invitation.expires_at <= utcnow()
            or row.candidate.erased_at is not None):
        raise InvalidInvite()
    if row.attempt is not None and row.attempt.submitted_at is not None:
        raise InvalidInvite("error.invite_used")
    return row


def _started(s: Session, actor: Actor) -> tuple[Attempt, Candidate]:
    """The link's attempt, once the candidate has consented."""
    row = _link(s, actor)
    if row.attempt is None or row.attempt.consent_at is None:
        raise InvalidInput()
    return row.attempt, row.candidate


def open_attempt(db: Database, actor: Actor) -> AttemptView:
    """Start the attempt on first visit, resume it afterwards."""
    with db.read() as s:
        row = _link(s, actor)
    attempt = row.attempt
    if attempt is None:
        bank = get_catalog(db).bank
        with db.write() as s:
            row = _link(s, actor)  # re-read inside the write lock: two tabs start one attempt
            attempt = row.attempt
            if attempt is None:
                attempt = Attempt(candidate_id=int(row.candidate.id or 0),
                                  plan=draw_plan(bank, sjt_item_ids=row.campaign.sjt_item_ids,
                                                 written_question_ids=row.campaign.written_question_ids,
                                                 skills=row.campaign.skills,
                                                 per_candidate=row.campaign.sjt_items_per_candidate,
                                                 rng=random.Random()))
                s.add(attempt)
                s.flush()
                record(s, row.candidate.id, "attempt.start", "attempt", attempt.id)
    return _view(db, attempt, row.candidate, row.campaign)


def _view(db: Database, attempt: Attempt, candidate: Candidate, campaign: Campaign) -> AttemptView:
    bank = get_catalog(db).bank
    with db.read() as s:
        rows = queries.answers_of(session=s, attempt_id=int(attempt.id or 0))
    # the versions this candidate was given, even if the bank has changed since
    sjt = tuple(PlannedSjt(item, tuple(p["order"])) for p in attempt.plan.get("sjt", [])
                if (item := bank.sjt_at(p["id"], p["version"])) is not None)
    written = tuple(q for p in attempt.plan.get("written", [])
                    if (q := bank.question_at(p["id"], p["version"])) is not None)
    return AttemptView(int(attempt.id or 0), candidate.name, campaign.name,
                       campaign.language, attempt.consent_at is not None, attempt.submitted_at is not None,
                       attempt.step, sjt, written,
                       {r.item_id: r.response for r in rows if r.kind == "sjt"},
                       {r.item_id: r.text for r in rows if r.kind == "written"})


def give_consent(db: Database, actor: Actor) -> None:
    with db.write() as s:
        row = _link(s, actor)
        attempt = row.attempt
        if attempt is None:
            raise InvalidInput()
        if attempt.consent_at is None:
            attempt.consent_at = utcnow()
            attempt.step = max(attempt.step, 1)
            s.add(attempt)
            record(s, row.candidate.id, "attempt.consent", "attempt", attempt.id)


def go_to_step(db: Database, actor: Actor, step: int) -> None:
    with db.write() as s:
        attempt, _ = _started(s, actor)
        total = len(attempt.plan.get("sjt", [])) + len(attempt.plan.get("written", []))
        attempt.step = max(1, min(step, total + 1))
        s.add(attempt)


def save_sjt_answer(db: Database, actor: Actor, item_id: str, response: dict[str, Any]) -> None:
    """Upsert one SJT answer: {"best": id, "worst": id} or {"ratings": {id: 1-5}}; partial answers kept.

    About two round trips: the link through to the attempt in one query, then the upsert and its audit event."""
    bank = get_catalog(db).bank  # before the write: a write never waits on a second connection
    with db.write() as s:
        attempt, candidate = _started(s, actor)
        planned = {p["id"]: p for p in attempt.plan.get("sjt", [])}
        if item_id not in planned:
            raise InvalidInput()
        item = bank.sjt_at(item_id, planned[item_id]["version"])
        option_ids = {o.id for o in item.options} if item else set()
        queries.upsert_answer(session=s, attempt_id=int(attempt.id or 0), item_id=item_id,
                              version=planned[item_id]["version"], kind="sjt",
                              response=clean_sjt_response(response, option_ids), text="", now=utcnow())
        record(s, candidate.id, "answer.save", "attempt", attempt.id, item_id=item_id)


def save_written_answer(db: Database, actor: Actor, question_id: str, text: str) -> None:
    with db.write() as s:
        attempt, candidate = _started(s, actor)
        planned = {p["id"]: p for p in attempt.plan.get("written", [])}
        if question_id not in planned:
            raise InvalidInput()
        if len(text) > ANSWER_MAX_CHARS:
            raise InvalidInput("error.answer_too_long")  # refused whole, never cut
        cleaned = clean(text)
        queries.upsert_answer(session=s, attempt_id=int(attempt.id or 0), item_id=question_id,
                              version=planned[question_id]["version"], kind="written", response={},
                              text=cleaned, now=utcnow())
        # the text after this save (the one before is the previous event's): a hash and a length, never words
        record(s, candidate.id, "answer.save", "attempt", attempt.id, item_id=question_id,
               **text_fingerprint("text", cleaned))


def submit(db: Database, actor: Actor) -> None:
    """Close the attempt; the link then stops working for answering. A second submit is harmless."""
    with db.write() as s:
        try:
            attempt, candidate = _started(s, actor)
        except InvalidInvite as exc:
            if exc.key == "error.invite_used":
                return
            raise
        attempt.submitted_at = utcnow()
        s.add(attempt)
        record(s, candidate.id, "attempt.submit", "attempt", attempt.id)
