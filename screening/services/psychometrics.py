"""Measurement an organisation can check: item and option statistics, reliability per skill, rater agreement
and chance levels for one campaign, from its submitted answers (leads of the campaign and admins)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from screening.banks import SjtItem
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.scoring import psychometrics as psy
from screening.scoring.ratings import krippendorff_alpha_interval, rater_agreement
from screening.scoring.sjt import _key_matrix, score_best_worst, score_rate_each
from screening.services._access import campaign_for
from screening.services._catalog import get_catalog
from screening.store import queries
from screening.store.engine import Database


@dataclass(frozen=True)
class ItemRow:
    item_id: str
    skills: tuple[str, ...]
    response_format: str
    n: int                       # candidates who answered it
    difficulty: float | None     # mean item score, 0-1
    item_rest: float | None      # corrected item-total correlation within the whole test
    low_discrimination: bool
    enough_data: bool            # n >= psy.MIN_CANDIDATES: below it a flag is noise
    distractor: str | None       # an option the top third prefer to the keyed best (best/worst items)
    chance: float | None         # a guesser's expected score, 0-100


@dataclass(frozen=True)
class OptionRow:
    item_id: str
    option_id: str
    key: int | None              # None for a lead invited to an open key review of this item (rating blind)
    best_share: float | None
    worst_share: float | None
    top_best_share: float | None


@dataclass(frozen=True)
class SkillReliability:
    skill: str
    alpha: psy.Coefficient
    split_half: psy.Coefficient


@dataclass(frozen=True)
class QuestionAgreement:
    question_id: str
    pairable: int                # answers with two or more final ratings
    alpha: float | None          # Krippendorff's alpha (interval); None below the minimum of pairable answers


@dataclass(frozen=True)
class RaterRow:
    rater_id: int
    name: str
    n: int
    mean_abs_diff: float | None
    correlation: float | None
    mean_signed_diff: float | None


@dataclass(frozen=True)
class CampaignPsychometrics:
    campaign_id: int
    candidates: int              # submitted attempts with at least one SJT answer
    items: tuple[ItemRow, ...]
    options: tuple[OptionRow, ...]
    reliability: tuple[SkillReliability, ...]
    questions: tuple[QuestionAgreement, ...]
    raters: tuple[RaterRow, ...]
    chance_per_format: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        def number(v: Any) -> Any:
            return None if isinstance(v, float) and not np.isfinite(v) else v

        def coefficient(c: psy.Coefficient) -> dict[str, Any]:
            return {"value": c.value, "n_items": c.n_items, "n_candidates": c.n_candidates, "reason": c.reason}

        return {"campaign_id": self.campaign_id, "candidates": self.candidates,
                "items": [{k: number(v) for k, v in vars(r).items()} for r in self.items],
                "options": [{k: number(v) for k, v in vars(r).items()} for r in self.options],
                "reliability": [{"skill": r.skill, "alpha": coefficient(r.alpha),
                                 "split_half": coefficient(r.split_half)} for r in self.reliability],
                "questions": [vars(q) for q in self.questions], "raters": [vars(r) for r in self.raters],
                "chance_per_format": self.chance_per_format}


def _value(x: float) -> float | None:
    return float(x) if np.isfinite(x) else None


def _item_scores_by_version(item: SjtItem, responses: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """0-1 scores (raw method) of many answers to one item version, in one vectorised call."""
    keys = _key_matrix([item])
    if item.response_format == "best_worst":
        chosen = [[r.get("best"), r.get("worst")] for r in responses]
        index = {o.id: k for k, o in enumerate(item.options)}
        best = np.array([[index.get(str(b), -1)] for b, _ in chosen], dtype=int).reshape(-1, 1)
        worst = np.array([[index.get(str(w), -1)] for _, w in chosen], dtype=int).reshape(-1, 1)
        return np.asarray(score_best_worst(keys, best, worst)[:, 0])
    ratings = np.full((len(responses), 1, keys.shape[1]), np.nan)
    for n, response in enumerate(responses):
        given = response.get("ratings") or {}
        for k, option in enumerate(item.options):
            if option.id in given:
                ratings[n, 0, k] = float(given[option.id])
    return np.asarray(score_rate_each(keys, ratings, "raw")[:, 0])


def item_analysis(db: Database, actor: Actor, campaign_id: int) -> CampaignPsychometrics:
    """Every figure behind the campaign's SJT and interview measurement, with the counts behind each.

    Each answer is scored against the item version the candidate was given; the item's current version
    names its options. Rate-each items are scored on the raw method here, whatever the campaign uses."""
    catalog = get_catalog(db)
    bank = catalog.bank
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_view_psychometrics)
        answers = queries.campaign_sjt_answers(session=s, campaign_id=campaign_id)
        ratings = queries.campaign_ratings(session=s, campaign_id=campaign_id)
        names = queries.user_names(session=s, ids={r.rater_id for r in ratings})
        blind = {i for r in queries.reviews_for_expert(session=s, user_id=actor.user_id) if r.status == "open"
                 for i in r.item_ids} if isinstance(actor, Staff) else set()
    answered_ids = {a.item_id for _, a in answers}
    item_ids = [i for i in campaign.sjt_item_ids if i in bank.sjt_by_id]
    item_ids += sorted(i for i in answered_ids - set(item_ids) if i in bank.sjt_by_id)
    items = [bank.sjt_by_id[i] for i in item_ids]
    column = {i: n for n, i in enumerate(item_ids)}
    people = sorted({cid for cid, a in answers if a.item_id in column})
    row = {cid: n for n, cid in enumerate(people)}
    matrix = np.full((len(people), len(items)), np.nan)
    groups: dict[tuple[str, int], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for cid, a in answers:
        if a.item_id in column:
            groups[(a.item_id, a.item_version)].append((cid, a.response))
    for (item_id, version), rows in groups.items():
        item = bank.sjt_at(item_id, version)
        if item is None:
            continue
        scores = _item_scores_by_version(item, [r for _, r in rows])
        matrix[[row[cid] for cid, _ in rows], column[item_id]] = scores
    stats = psy.item_analysis(matrix)
    chance = psy.chance_levels(items) if items else psy.ChanceLevels({}, {}, {})
    options, distractors = _options(items, answers, matrix, row, column)
    options = tuple(replace(o, key=None) if o.item_id in blind else o for o in options)
    distractors = {i: d for i, d in distractors.items() if i not in blind}
    item_rows = tuple(ItemRow(item.id, item.skills, item.response_format, int(stats.n[k]),
                              _value(stats.difficulty[k]), _value(stats.item_rest[k]),
                              bool(stats.low_discrimination[k]), bool(stats.enough_data[k]),
                              distractors.get(item.id), _value(chance.per_item.get(item.id, np.nan)))
                      for k, item in enumerate(items))
    reliability = psy.reliability(matrix, [i.skills for i in items], campaign.skills)
    questions, raters = _agreement(ratings, names)
    return CampaignPsychometrics(campaign_id, len(people), item_rows, options,
                                 tuple(SkillReliability(r.skill, r.alpha, r.split_half)
                                       for r in reliability.values()),
                                 questions, raters, dict(chance.per_format))


def chance_levels(db: Database, actor: Actor, campaign_id: int) -> dict[str, float]:
    """A guesser's expected score (0-100) per response format of the campaign's SJT items, for the dashboard."""
    bank = get_catalog(db).bank
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_view_profiles)
    items = [bank.sjt_by_id[i] for i in campaign.sjt_item_ids if i in bank.sjt_by_id]
    return dict(psy.chance_levels(items).per_format) if items else {}


def _options(items: list[SjtItem], answers: Sequence[tuple[int, Any]], matrix: np.ndarray, row: dict[int, int],
             column: dict[str, int]) -> tuple[tuple[OptionRow, ...], dict[str, str]]:
    """Best and worst choices per option of each best/worst item, against its current key."""
    bw = [i for i in items if i.response_format == "best_worst"]
    if not bw or not row:
        return (), {}
    position = {i.id: n for n, i in enumerate(bw)}
    chosen_best: list[list[str | None]] = [[None] * len(bw) for _ in row]
    chosen_worst: list[list[str | None]] = [[None] * len(bw) for _ in row]
    for cid, a in answers:
        if a.item_id in position and cid in row:
            chosen_best[row[cid]][position[a.item_id]] = a.response.get("best")
            chosen_worst[row[cid]][position[a.item_id]] = a.response.get("worst")
    rest = psy.rest_scores(matrix)[:, [column[i.id] for i in bw]]
    result = psy.option_analysis(_key_matrix(bw), psy.option_indices(bw, chosen_best),
                                 psy.option_indices(bw, chosen_worst), rest)
    out = []
    for n, item in enumerate(bw):
        for k, option in enumerate(item.options):
            out.append(OptionRow(item.id, option.id, option.key, _value(result.best_share[n, k]),
                                 _value(result.worst_share[n, k]), _value(result.top_best_share[n, k])))
    distractors = {item.id: item.options[int(result.distractor[n])].id for n, item in enumerate(bw)
                   if result.distractor_flag[n]}
    return tuple(out), distractors


def _agreement(ratings: Sequence[Any], names: dict[int, str]
               ) -> tuple[tuple[QuestionAgreement, ...], tuple[RaterRow, ...]]:
    """Krippendorff's alpha per question and each rater against their co-raters, over final ratings."""
    final = [r for r in ratings if r.final_level is not None]
    per_question: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in final:
        per_question[r.question_id][r.candidate_id].append(float(r.final_level))
    questions = tuple(QuestionAgreement(q, sum(1 for u in units.values() if len(u) >= 2),
                                        krippendorff_alpha_interval(list(units.values())))
                      for q, units in sorted(per_question.items()))
    raters = sorted({r.rater_id for r in final})
    units = sorted({(r.candidate_id, r.question_id) for r in final})
    if not raters:
        return questions, ()
    unit_row = {u: n for n, u in enumerate(units)}
    rater_col = {rid: n for n, rid in enumerate(raters)}
    levels = np.full((len(units), len(raters)), np.nan)
    for r in final:
        levels[unit_row[(r.candidate_id, r.question_id)], rater_col[r.rater_id]] = float(r.final_level)
    per_rater = rater_agreement(levels)
    return questions, tuple(RaterRow(rid, names.get(rid, "?"), a.n, a.mean_abs_diff, a.correlation,
                                     a.mean_signed_diff) for rid, a in zip(raters, per_rater, strict=True))
