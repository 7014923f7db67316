"""The interview console: questions with probes and anchors, answers, blind ratings, suggestions.

A rater rates first; only then are the suggested level and the other raters' ratings shown.
The first rating, the suggestion and the final rating are all kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlmodel import Session

from screening.banks import InterviewQuestion
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.scoring.ratings import RatingSummary, krippendorff_alpha_interval, summarise
from screening.services._access import access_of, campaign_for, candidate_for, require
from screening.services._audit import record, text_fingerprint
from screening.services._catalog import get_catalog
from screening.services._settings import suggestions_enabled
from screening.services.errors import InvalidInput, NotFound, PermissionDenied
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Candidate, LiveAnswer, Rating, utcnow
from screening.suggest.predict import ModelMissingError, Suggestion, suggest_for_question
from screening.text import clean

log = logging.getLogger(__name__)

NOTE_CHARS = 5000


@dataclass(frozen=True)
class QuestionView:
    question: InterviewQuestion
    mode: str                        # written | live
    written_answer: str              # the candidate's own text, for written questions
    live_answer: str                 # what this rater recorded of the candidate's words
    notes: str                       # this rater's own notes
    my_rating: Rating | None
    others: tuple[int, ...]          # other raters' final levels, shown only once I have rated
    summary: RatingSummary | None    # over every rater, shown only once I have rated

    @property
    def answer_text(self) -> str:
        return self.written_answer if self.mode == "written" else self.live_answer


@dataclass(frozen=True)
class SuggestionResult:
    """What a rater may see after rating: the suggestion (None without answer text or model), or nothing at all
    because an administrator switched suggestions off."""

    suggestion: Suggestion | None
    switched_off: bool = False


@dataclass(frozen=True)
class ConsoleView:
    candidate_id: int
    candidate_name: str
    campaign_name: str
    language: str
    submitted: bool
    questions: tuple[QuestionView, ...]


def _rater(actor: Actor) -> Staff:
    """Rating is staff work; the campaign rule (`policy.can_rate`) is asked as the campaign loads."""
    if not (isinstance(actor, Staff) and policy.may_rate(actor)):
        raise PermissionDenied()
    return actor


def console(db: Database, actor: Actor, candidate_id: int) -> ConsoleView:
    rater = _rater(actor)
    bank = get_catalog(db).bank
    with db.read() as s:
        candidate, campaign = candidate_for(s, rater, candidate_id, policy.can_rate)
        access = access_of(s, campaign)
        written = queries.written_answers(session=s, candidate_id=candidate_id)
        attempt = queries.attempt_of(session=s, candidate_id=candidate_id)
        lives = {r.question_id: r for r in queries.live_answers(session=s, candidate_id=candidate_id,
                                                                rater_id=rater.user_id)}
        ratings = queries.ratings_of(session=s, candidate_id=candidate_id)
    views = []
    for mode, ids in (("written", campaign.written_question_ids), ("live", campaign.live_question_ids)):
        for qid in ids:
            if qid not in bank.question_by_id:
                continue
            mine = next((r for r in ratings if r.question_id == qid and r.rater_id == rater.user_id), None)
            shown = policy.can_see_rating_results(rater, access, has_rated=mine is not None)
            finals = [r.final_level for r in ratings if r.question_id == qid and r.final_level is not None]
            others = tuple(r.final_level for r in ratings if r.question_id == qid and r.rater_id != rater.user_id
                           and r.final_level is not None)
            live = lives.get(qid)
            views.append(QuestionView(bank.question_by_id[qid], mode, written.get(qid, ""),
                                      live.answer_text if live else "", live.rater_notes if live else "", mine,
                                      others if shown else (), summarise(finals) if shown else None))
    return ConsoleView(candidate_id, candidate.name, campaign.name, campaign.language,
                       bool(attempt and attempt.submitted_at), tuple(views))


def save_live_answer(db: Database, actor: Actor, candidate_id: int, question_id: str, answer_text: str,
                     notes: str) -> None:
    rater = _rater(actor)
    question = _question(db, question_id)
    with db.write() as s:
        _, campaign = candidate_for(s, rater, candidate_id, policy.can_rate)
        if question_id not in campaign.live_question_ids:
            raise InvalidInput()
        row = queries.live_answer(session=s, candidate_id=candidate_id, question_id=question_id,
                                  rater_id=rater.user_id)
        if row is None:
            row = LiveAnswer(candidate_id=candidate_id, question_id=question_id,
                             question_version=question.version, rater_id=rater.user_id)
        before = {**text_fingerprint("previous_answer", row.answer_text),
                  **text_fingerprint("previous_notes", row.rater_notes)}
        row.answer_text, row.rater_notes, row.updated_at = clean(answer_text), clean(notes), utcnow()
        s.add(row)
        s.flush()
        record(s, actor, "live_answer.save", "candidate", candidate_id, question_id=question_id,
               live_answer_id=row.id, **before, **text_fingerprint("answer", row.answer_text),
               **text_fingerprint("notes", row.rater_notes))


def _question(db: Database, question_id: str) -> InterviewQuestion:
    question = get_catalog(db).bank.question_by_id.get(question_id)
    if question is None:
        raise NotFound()
    return question


def _answer_for(s: Session, rater: Staff, candidate: Candidate, question_id: str, written_ids: list[str]) -> str:
    candidate_id = int(candidate.id or 0)
    if question_id in written_ids:
        return queries.written_answers(session=s, candidate_id=candidate_id).get(question_id, "")
    live = queries.live_answer(session=s, candidate_id=candidate_id, question_id=question_id, rater_id=rater.user_id)
    return live.answer_text if live else ""


def _suggest(question: InterviewQuestion, answer: str, language: str) -> Suggestion | None:
    """The software's suggestion, or None without an answer or a usable model: rating never waits on it."""
    if not answer.strip():
        return None
    try:
        return suggest_for_question(question, answer, language)
    except ModelMissingError:
        log.exception("suggested-level model unavailable; run `screening model train`")
        return None


def _note(text: str) -> str:
    """Every level rests on evidence: a rating or a revision without a note is refused."""
    note = clean(text, limit=NOTE_CHARS).strip()
    if not note:
        raise InvalidInput("error.evidence_note")
    return note


def rate(db: Database, actor: Actor, candidate_id: int, question_id: str, level: int,
         evidence_note: str) -> Suggestion | None:
    """Record this rater's first rating (also their final one until they revise) with the evidence it rests
    on, then compute the suggestion they may now see. Returns the suggestion, or None without answer text or
    when an administrator switched suggestions off (then none is computed or stored)."""
    rater = _rater(actor)
    if not 1 <= int(level) <= 5:
        raise InvalidInput()
    note = _note(evidence_note)
    question = _question(db, question_id)
    with db.read() as s:
        candidate, campaign = candidate_for(s, rater, candidate_id, policy.can_rate)
        if question_id not in [*campaign.written_question_ids, *campaign.live_question_ids]:
            raise InvalidInput()
        answer = _answer_for(s, rater, candidate, question_id, campaign.written_question_ids)
        allowed = suggestions_enabled(s, campaign)
    suggestion = _suggest(question, answer, campaign.language) if allowed else None
    with db.write() as s:
        row = queries.rating(session=s, candidate_id=candidate_id, question_id=question_id, rater_id=rater.user_id)
        if row is not None:
            raise InvalidInput("error.already_rated")
        s.add(Rating(candidate_id=candidate_id, question_id=question_id, question_version=question.version,
                     rater_id=rater.user_id, first_level=int(level), final_level=int(level), evidence_note=note,
                     suggested_level=float(suggestion.level) if suggestion and suggestion.level is not None else None,
                     suggestion_confidence=suggestion.confidence if suggestion else None))
        record(s, actor, "rating.create", "candidate", candidate_id, question_id=question_id, first=int(level),
               final=int(level), suggested=suggestion.level if suggestion else None,
               **text_fingerprint("evidence_note", note))
    return suggestion


def suggestion_for(db: Database, actor: Actor, candidate_id: int, question_id: str) -> SuggestionResult:
    """The suggestion, recomputed for display; only for a rater who has already rated."""
    rater = _rater(actor)
    question = _question(db, question_id)
    with db.read() as s:
        candidate, campaign = candidate_for(s, rater, candidate_id, policy.can_rate)
        mine = queries.rating(session=s, candidate_id=candidate_id, question_id=question_id, rater_id=rater.user_id)
        require(policy.can_see_rating_results(rater, access_of(s, campaign), has_rated=mine is not None))
        answer = _answer_for(s, rater, candidate, question_id, campaign.written_question_ids)
        if not suggestions_enabled(s, campaign):
            return SuggestionResult(None, switched_off=True)
    return SuggestionResult(_suggest(question, answer, campaign.language))


def revise(db: Database, actor: Actor, candidate_id: int, question_id: str, level: int, note: str) -> None:
    """Change the final level after seeing the suggestion; the reason is required like the first note."""
    rater = _rater(actor)
    if not 1 <= int(level) <= 5:
        raise InvalidInput()
    reason = _note(note)
    with db.write() as s:
        candidate_for(s, rater, candidate_id, policy.can_rate)
        row = queries.rating(session=s, candidate_id=candidate_id, question_id=question_id, rater_id=rater.user_id)
        if row is None:
            raise InvalidInput()
        previous, row.final_level, row.updated_at = row.final_level, int(level), utcnow()
        row.revision_note, row.confirmed_at = reason, row.updated_at
        s.add(row)
        record(s, actor, "rating.revise", "candidate", candidate_id, question_id=question_id,
               first=row.first_level, previous=previous, final=int(level),
               **text_fingerprint("revision_note", reason))


def confirm(db: Database, actor: Actor, candidate_id: int, question_id: str) -> None:
    """Keep the level given before the suggestion: the final rating is the first one, confirmed."""
    rater = _rater(actor)
    with db.write() as s:
        candidate_for(s, rater, candidate_id, policy.can_rate)
        row = queries.rating(session=s, candidate_id=candidate_id, question_id=question_id, rater_id=rater.user_id)
        if row is None:
            raise InvalidInput()
        row.confirmed_at = row.updated_at = utcnow()
        s.add(row)
        record(s, actor, "rating.confirm", "candidate", candidate_id, question_id=question_id,
               level=row.final_level)


def campaign_agreement(db: Database, actor: Actor, campaign_id: int) -> tuple[float | None, int]:
    """Krippendorff's alpha (interval) over the campaign's final ratings, and how many answers
    had two or more ratings. It summarises every rater's levels, so it is for leads and admins."""
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_profiles)
        rows = queries.campaign_ratings(session=s, campaign_id=campaign_id)
    units: dict[tuple[int, str], list[float]] = {}
    for r in rows:
        if r.final_level is not None:
            units.setdefault((r.candidate_id, r.question_id), []).append(float(r.final_level))
    pairable = sum(1 for u in units.values() if len(u) >= 2)
    return krippendorff_alpha_interval(list(units.values())), pairable
