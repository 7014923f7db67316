"""Rater calibration: ten bank exemplars rated blind, then agreement with their keyed levels.

Each set rotates through the bank's exemplars in the rater's language, taking those they have seen least
(round-robin over questions, so a set spans many questions); the keyed level of an exemplar is never
returned before the rater's own level for it. Leads and admins review every rater's sets and their live
agreement with co-raters on real candidates, month by month.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from screening.banks import Bank, Exemplar, InterviewQuestion
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.scoring.ratings import Calibration, RaterAgreement, calibration, rater_agreement
from screening.services._access import require
from screening.services._audit import record
from screening.services._catalog import get_catalog
from screening.services.errors import InvalidInput, NotFound
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import CalibrationRating, CalibrationSet, utcnow

SET_SIZE = 10
LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class CalibrationItem:
    position: int
    question: InterviewQuestion
    exemplar_text: str
    level: int | None            # the rater's level, once given
    keyed_level: int | None      # None until the whole set is rated


@dataclass(frozen=True)
class CalibrationSetView:
    set_id: int
    language: str
    created_at: datetime
    items: tuple[CalibrationItem, ...]
    result: Calibration | None   # once every item is rated

    @property
    def next_item(self) -> CalibrationItem | None:
        return next((i for i in self.items if i.level is None), None)


@dataclass(frozen=True)
class SetSummary:
    set_id: int
    rater_id: int
    rater_name: str
    created_at: datetime
    result: Calibration


@dataclass(frozen=True)
class AgreementPoint:
    rater_id: int
    rater_name: str
    month: str                   # YYYY-MM of the ratings
    agreement: RaterAgreement


@dataclass(frozen=True)
class RaterReview:
    sets: tuple[SetSummary, ...]
    agreement: tuple[AgreementPoint, ...]


def _calibrator(actor: Actor) -> Staff:
    require(policy.may_calibrate(actor))
    assert isinstance(actor, Staff)
    return actor


def _pool(bank: Bank, language: str) -> list[tuple[InterviewQuestion, Exemplar]]:
    """The bank's exemplars in one language whose blind raters agree with their level (a key people dispute
    would mark a careful rater down), interleaved question by question."""
    per_question = [[(q, e) for e in sorted(q.exemplars_in(language), key=lambda e: e.id) if e.raters_agree]
                    for q in sorted(bank.questions, key=lambda q: q.id)]
    depth = max((len(p) for p in per_question), default=0)
    return [p[k] for k in range(depth) for p in per_question if k < len(p)]


def start_set(db: Database, actor: Actor, language: str) -> int:
    """A new set of ten exemplars, those this rater has seen least first; returns its id."""
    rater = _calibrator(actor)
    if language not in LANGUAGES:
        raise InvalidInput()
    pool = _pool(get_catalog(db).bank, language)
    if not pool:
        raise InvalidInput("calibration.none")
    with db.write() as s:
        earlier = [int(c.id or 0) for c in queries.calibration_sets(session=s, rater_id=rater.user_id)]
        seen = Counter((r.question_id, r.exemplar_id) for r in queries.calibration_ratings(session=s, set_ids=earlier))
        # stable sort: the least seen first, in the pool's round-robin order
        chosen = sorted(pool, key=lambda qe: seen[(qe[0].id, qe[1].id)])[:SET_SIZE]
        row = CalibrationSet(rater_id=rater.user_id, language=language)
        s.add(row)
        s.flush()
        for n, (question, exemplar) in enumerate(chosen):
            s.add(CalibrationRating(set_id=int(row.id or 0), position=n, question_id=question.id,
                                    question_version=question.version, exemplar_id=exemplar.id,
                                    keyed_level=exemplar.level))
        record(s, actor, "calibration.start", "calibration_set", row.id, language=language, size=len(chosen))
        return int(row.id or 0)


def _view(bank: Bank, row: CalibrationSet, ratings: list[CalibrationRating]) -> CalibrationSetView:
    done = bool(ratings) and all(r.level is not None for r in ratings)
    items = []
    for r in ratings:
        question = bank.question_at(r.question_id, r.question_version)
        if question is None:
            continue
        text = next((e.text for e in question.exemplars if e.id == r.exemplar_id), "")
        items.append(CalibrationItem(r.position, question, text, r.level, r.keyed_level if done else None))
    result = calibration([float(r.level or 0) for r in ratings], [r.keyed_level for r in ratings]) if done else None
    return CalibrationSetView(int(row.id or 0), row.language, row.created_at, tuple(items), result)


def my_sets(db: Database, actor: Actor) -> list[CalibrationSetView]:
    """This rater's sets, newest first; keyed levels only in the sets they have finished."""
    rater = _calibrator(actor)
    bank = get_catalog(db).bank
    with db.read() as s:
        sets = list(queries.calibration_sets(session=s, rater_id=rater.user_id))
        ratings = queries.calibration_ratings(session=s, set_ids=[int(c.id or 0) for c in sets])
    by_set: dict[int, list[CalibrationRating]] = {}
    for r in ratings:
        by_set.setdefault(r.set_id, []).append(r)
    return [_view(bank, c, by_set.get(int(c.id or 0), [])) for c in reversed(sets)]


def rate_exemplar(db: Database, actor: Actor, set_id: int, position: int, level: int) -> None:
    """The rater's level for one exemplar of their own unfinished set (once given, it stays)."""
    rater = _calibrator(actor)
    if not 1 <= int(level) <= 5:
        raise InvalidInput()
    with db.write() as s:
        row = s.get(CalibrationSet, set_id)
        if row is None or row.rater_id != rater.user_id:
            raise NotFound()
        ratings = list(queries.calibration_ratings(session=s, set_ids=[set_id]))
        item = next((r for r in ratings if r.position == position), None)
        if item is None or item.level is not None:
            raise InvalidInput()
        item.level, item.rated_at = int(level), utcnow()
        s.add(item)
        if all(r.level is not None for r in ratings):
            row.completed_at = item.rated_at
            s.add(row)
        record(s, actor, "calibration.rate", "calibration_set", set_id, position=position, level=int(level))


def rater_review(db: Database, actor: Actor) -> RaterReview:
    """Every rater's finished calibration sets, and month by month their agreement with co-raters on the
    candidates of the campaigns this lead can see (every campaign for an admin)."""
    require(policy.may_review_raters(actor))
    with db.read() as s:
        sets = [c for c in queries.calibration_sets(session=s) if c.completed_at is not None]
        cal = queries.calibration_ratings(session=s, set_ids=[int(c.id or 0) for c in sets])
        if policy.sees_every_campaign(actor):
            campaign_ids = None
        else:
            assert isinstance(actor, Staff)
            campaign_ids = [int(c.id or 0) for c in queries.campaigns_for(session=s, user_id=actor.user_id)]
        ratings = queries.ratings_in_campaigns(session=s, campaign_ids=campaign_ids)
        names = queries.user_names(session=s, ids={c.rater_id for c in sets} | {r.rater_id for r in ratings})
    by_set: dict[int, list[CalibrationRating]] = {}
    for r in cal:
        by_set.setdefault(r.set_id, []).append(r)
    summaries = tuple(SetSummary(int(c.id or 0), c.rater_id, names.get(c.rater_id, "?"), c.created_at,
                                 calibration([float(r.level or 0) for r in by_set[int(c.id or 0)]],
                                             [r.keyed_level for r in by_set[int(c.id or 0)]]))
                      for c in sets if by_set.get(int(c.id or 0)))
    # an answer belongs to the month of its first rating; agreement is computed within each month
    answers: dict[tuple[int, str], dict[int, float]] = {}
    month_of: dict[tuple[int, str], str] = {}
    for rating in sorted(ratings, key=lambda live: live.created_at):
        if rating.final_level is None:
            continue
        key = (rating.candidate_id, rating.question_id)
        answers.setdefault(key, {})[rating.rater_id] = float(rating.final_level)
        month_of.setdefault(key, rating.created_at.strftime("%Y-%m"))
    raters = sorted({rid for levels in answers.values() for rid in levels})
    points = []
    for month in sorted(set(month_of.values())):
        keys = [k for k in answers if month_of[k] == month]
        matrix = np.full((len(keys), len(raters)), np.nan)
        for i, k in enumerate(keys):
            for rid, level in answers[k].items():
                matrix[i, raters.index(rid)] = level
        for rid, agreement in zip(raters, rater_agreement(matrix), strict=True):
            if agreement.n:
                points.append(AgreementPoint(rid, names.get(rid, "?"), month, agreement))
    return RaterReview(summaries, tuple(points))
