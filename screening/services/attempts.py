"""The candidate's attempt: open or resume from the invite token, save each answer as given, submit.

Every call takes the candidate's link again (a CandidateActor), so a forged, expired or used link never
reaches data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from screening.banks import Bank, InterviewQuestion, SjtItem
from screening.domain.actors import Actor
from screening.services._access import live_invitation
from screening.services._audit import record
from screening.services._catalog import get_catalog
from screening.services._text import clean
from screening.services.errors import InvalidInput, InvalidInvite
from screening.store.engine import Database
from screening.store.models import Answer, Attempt, Campaign, Candidate, utcnow

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


def _plan(campaign: Campaign, bank: Bank, rng: random.Random) -> dict[str, Any]:
    """Items for this candidate (drawn from the pool when the campaign says so), options shuffled."""
    items = [bank.sjt_by_id[i] for i in campaign.sjt_item_ids if i in bank.sjt_by_id]
    if 0 < campaign.sjt_items_per_candidate < len(items):
        items = _draw(items, campaign.skills, campaign.sjt_items_per_candidate, rng)
    rng.shuffle(items)
    sjt = []
    for item in items:
        order = [o.id for o in item.options]
        rng.shuffle(order)
        sjt.append({"id": item.id, "version": item.version, "order": order})
    written = [{"id": q, "version": bank.question_by_id[q].version}
               for q in campaign.written_question_ids if q in bank.question_by_id]
    return {"sjt": sjt, "written": written}


def _draw(pool: list[SjtItem], skills: list[str], count: int, rng: random.Random) -> list[SjtItem]:
    """A random draw from the pool that still measures every skill it can: one item per skill
    first (in random order), then the rest at random."""
    pool = pool[:]
    rng.shuffle(pool)
    drawn: list[SjtItem] = []
    for sid in rng.sample(skills, len(skills)):
        if len(drawn) < count and not any(sid in i.skills for i in drawn):
            item = next((i for i in pool if sid in i.skills and i not in drawn), None)
            if item is not None:
                drawn.append(item)
    drawn += [i for i in pool if i not in drawn][: count - len(drawn)]
    return drawn


def _attempt_for(s: Session, actor: Actor) -> tuple[Attempt | None, Candidate, Campaign]:
    """Asks the policy (only an invite link answers), then resolves the link to its own attempt."""
    invite = live_invitation(s, actor)
    candidate = s.get(Candidate, invite.candidate_id)
    campaign = s.get(Campaign, candidate.campaign_id)  # type: ignore[union-attr]
    attempt = s.exec(select(Attempt).where(Attempt.candidate_id == invite.candidate_id)).first()
    return attempt, candidate, campaign  # type: ignore[return-value]


def open_attempt(db: Database, actor: Actor) -> AttemptView:
    """Start the attempt on first visit, resume it afterwards."""
    with db.read() as s:
        attempt, candidate, campaign = _attempt_for(s, actor)
    if attempt is None:
        with db.write() as s:
            attempt, candidate, campaign = _attempt_for(s, actor)
            if attempt is None:  # re-checked inside the write lock: two tabs start one attempt
                attempt = Attempt(candidate_id=candidate.id, plan=_plan(campaign, get_catalog(db).bank, random.Random()))  # type: ignore[arg-type]
                s.add(attempt)
                s.flush()
                record(s, candidate.id, "attempt.start", "attempt", attempt.id)
    return _view(db, attempt, candidate, campaign)


def _view(db: Database, attempt: Attempt, candidate: Candidate, campaign: Campaign) -> AttemptView:
    bank = get_catalog(db).bank
    with db.read() as s:
        rows = s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all()
    # the versions this candidate was given, even if the bank has changed since
    sjt = tuple(PlannedSjt(item, tuple(p["order"])) for p in attempt.plan.get("sjt", [])
                if (item := bank.sjt_at(p["id"], p["version"])) is not None)
    written = tuple(q for p in attempt.plan.get("written", [])
                    if (q := bank.question_at(p["id"], p["version"])) is not None)
    return AttemptView(int(attempt.id), candidate.name, campaign.name,  # type: ignore[arg-type]
                       campaign.language, attempt.consent_at is not None, attempt.submitted_at is not None,
                       attempt.step, sjt, written,
                       {r.item_id: r.response for r in rows if r.kind == "sjt"},
                       {r.item_id: r.text for r in rows if r.kind == "written"})


def give_consent(db: Database, actor: Actor) -> None:
    with db.write() as s:
        attempt, candidate, _ = _attempt_for(s, actor)
        if attempt is None:
            raise InvalidInput()
        if attempt.consent_at is None:
            attempt.consent_at = utcnow()
            attempt.step = max(attempt.step, 1)
            s.add(attempt)
            record(s, candidate.id, "attempt.consent", "attempt", attempt.id)


def go_to_step(db: Database, actor: Actor, step: int) -> None:
    with db.write() as s:
        attempt, _, _ = _attempt_for(s, actor)
        if attempt is None or attempt.consent_at is None:
            raise InvalidInput()
        total = len(attempt.plan.get("sjt", [])) + len(attempt.plan.get("written", []))
        attempt.step = max(1, min(step, total + 1))
        s.add(attempt)


def save_sjt_answer(db: Database, actor: Actor, item_id: str, response: dict[str, Any]) -> None:
    """Upsert one SJT answer: {"best": id, "worst": id} or {"ratings": {id: 1-5}}; partial answers kept."""
    with db.write() as s:
        attempt, candidate, _ = _attempt_for(s, actor)
        planned = {p["id"]: p for p in (attempt.plan.get("sjt", []) if attempt else [])}
        if attempt is None or attempt.consent_at is None or item_id not in planned:
            raise InvalidInput()
        item = get_catalog(db).bank.sjt_at(item_id, planned[item_id]["version"])
        option_ids = {o.id for o in item.options} if item else set()
        clean_response: dict[str, Any] = {}
        for k in ("best", "worst"):
            if response.get(k) in option_ids:
                clean_response[k] = response[k]
        ratings = {k: int(v) for k, v in (response.get("ratings") or {}).items()
                   if k in option_ids and str(v).isdigit() and 1 <= int(v) <= 5}
        if ratings:
            clean_response["ratings"] = ratings
        _upsert(s, attempt, item_id, planned[item_id]["version"], "sjt", response=clean_response)
        record(s, candidate.id, "answer.save", "attempt", attempt.id, item_id=item_id)


def save_written_answer(db: Database, actor: Actor, question_id: str, text: str) -> None:
    with db.write() as s:
        attempt, candidate, _ = _attempt_for(s, actor)
        planned = {p["id"]: p for p in (attempt.plan.get("written", []) if attempt else [])}
        if attempt is None or attempt.consent_at is None or question_id not in planned:
            raise InvalidInput()
        _upsert(s, attempt, question_id, planned[question_id]["version"], "written", text=clean(text))
        record(s, candidate.id, "answer.save", "attempt", attempt.id, item_id=question_id)


def _upsert(s: Session, attempt: Attempt, item_id: str, version: int, kind: str,
            response: dict[str, Any] | None = None, text: str = "") -> None:
    """INSERT ... ON CONFLICT DO UPDATE: two tabs saving the same answer at once both succeed."""
    dialect = s.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    values = {"attempt_id": attempt.id, "item_id": item_id, "item_version": version, "kind": kind,
              "response": response or {}, "text": text, "updated_at": utcnow()}
    statement = insert(Answer).values(**values)
    s.execute(statement.on_conflict_do_update(
        index_elements=["attempt_id", "item_id"],
        set_={k: statement.excluded[k] for k in ("item_version", "response", "text", "updated_at")}))


def submit(db: Database, actor: Actor) -> None:
    """Close the attempt; the link then stops working for answering. A second submit is harmless."""
    with db.write() as s:
        try:
            attempt, candidate, _ = _attempt_for(s, actor)
        except InvalidInvite as exc:
            if exc.key == "error.invite_used":
                return
            raise
        if attempt is None or attempt.consent_at is None:
            raise InvalidInput()
        attempt.submitted_at = utcnow()
        s.add(attempt)
        record(s, candidate.id, "attempt.submit", "attempt", attempt.id)
