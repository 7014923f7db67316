"""A whole campaign scored at once: the same numbers as each candidate's profile, computed as arrays.

The lead's dashboard needs, per candidate, the mean SJT score, the mean interview level, the fit to the
target and whether raters disagree. Building a profile per candidate repeats work for every row; here each
item is scored for every candidate in one vectorised call, and the profile's combination rules
(`scoring.profile.combine` and its fit) are applied column-wise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from screening.banks import SjtItem
from screening.scoring.profile import INTERVIEW_WEIGHT, SJT_WEIGHT, question_level
from screening.scoring.sjt import RateMethod, score_best_worst, score_rate_each, skill_scores


@dataclass(frozen=True)
class SjtResponse:
    row: int                    # the candidate's row in the result arrays
    item: SjtItem               # the version the candidate was given
    response: Mapping[str, object]


@dataclass(frozen=True)
class RatedLevel:
    row: int
    question_id: str
    skills: tuple[str, ...]
    level: int


@dataclass(frozen=True)
class CampaignScores:
    sjt_mean: np.ndarray        # (candidates,) mean SJT skill score 0-100, NaN when none
    interview_mean: np.ndarray  # (candidates,) mean interview level over skills, NaN when none
    fit: np.ndarray             # (candidates,) 0-100, NaN without a target or a measured target skill
    disagreement: np.ndarray    # (candidates,) bool


def _sjt_item_scores(n: int, responses: Sequence[SjtResponse], method: RateMethod
                     ) -> tuple[np.ndarray, list[SjtItem]]:
    """(candidates, item versions) item scores 0-1, NaN where not answered."""
    columns: dict[tuple[str, int], SjtItem] = {}
    for r in responses:
        columns.setdefault((r.item.id, r.item.version), r.item)
    bw = [i for i in columns.values() if i.response_format == "best_worst"]
    re_ = [i for i in columns.values() if i.response_format == "rate_each"]
    scores = np.full((n, len(bw) + len(re_)), np.nan)
    if bw:
        bw_col = {(i.id, i.version): k for k, i in enumerate(bw)}
        width = max(len(i.options) for i in bw)
        keys = np.full((len(bw), width), np.nan)
        for k, item in enumerate(bw):
            keys[k, : len(item.options)] = item.keys
        best = np.full((n, len(bw)), -1)
        worst = np.full((n, len(bw)), -1)
        given = np.zeros((n, len(bw)), dtype=bool)
        for r in responses:
            column = bw_col.get((r.item.id, r.item.version))
            if column is None:
                continue
            ids = [o.id for o in r.item.options]
            given[r.row, column] = True
            best[r.row, column] = _option_index(ids, r.response.get("best"))
            worst[r.row, column] = _option_index(ids, r.response.get("worst"))
        part = score_best_worst(keys, best, worst)
        part[~given] = np.nan
        scores[:, : len(bw)] = part
    if re_:
        re_col = {(i.id, i.version): k for k, i in enumerate(re_)}
        width = max(len(i.options) for i in re_)
        keys = np.full((len(re_), width), np.nan)
        for k, item in enumerate(re_):
            keys[k, : len(item.options)] = item.keys
        ratings = np.full((n, len(re_), width), np.nan)
        for r in responses:
            column = re_col.get((r.item.id, r.item.version))
            rated = r.response.get("ratings")
            if column is None or not isinstance(rated, Mapping):
                continue
            for o, opt in enumerate(r.item.options):
                if opt.id in rated:
                    ratings[r.row, column, o] = float(rated[opt.id])
        answered = ~np.all(np.isnan(ratings), axis=2)
        part = score_rate_each(keys, ratings, method)
        part[~answered] = np.nan
        scores[:, len(bw):] = part
    return scores, [*bw, *re_]


def _row_mean(values: np.ndarray) -> np.ndarray:
    """Mean of each row over its non-NaN cells; NaN for a row with none (no warning)."""
    present = ~np.isnan(values)
    counts = present.sum(axis=1)
    sums = np.where(present, values, 0.0).sum(axis=1)
    return np.divide(sums, counts, out=np.full(values.shape[0], np.nan), where=counts > 0)


def _option_index(option_ids: list[str], chosen: object) -> int:
    return option_ids.index(chosen) if isinstance(chosen, str) and chosen in option_ids else -1


def score_campaign(n: int, skills: Sequence[str], responses: Sequence[SjtResponse], ratings: Sequence[RatedLevel],
                   method: RateMethod, target_weights: Mapping[str, float] | None,
                   consensus: Mapping[tuple[int, str], int] | None = None) -> CampaignScores:
    """Every candidate's dashboard numbers, as a profile would compute them. `consensus`: (row, question id)
    -> the panel's agreed level, which replaces the raters' mean for that answer."""
    consensus = consensus or {}
    item_scores, items = _sjt_item_scores(n, responses, method)
    skill_list = list(skills)
    if items:
        sjt, _ = skill_scores(item_scores, [i.skills for i in items], skill_list)
    else:
        sjt = np.full((n, len(skill_list)), np.nan)
    interview = np.full((n, len(skill_list)), np.nan)
    disagreement = np.zeros(n, dtype=bool)
    by_question: dict[tuple[int, str], list[int]] = {}
    skills_of: dict[str, tuple[str, ...]] = {}
    for r in ratings:
        by_question.setdefault((r.row, r.question_id), []).append(r.level)
        skills_of[r.question_id] = r.skills
    per_skill: dict[tuple[int, int], list[float]] = {}
    index = {s: k for k, s in enumerate(skill_list)}
    for (row, qid), levels in by_question.items():
        summary = question_level(levels, consensus.get((row, qid)))
        if summary is None:
            continue
        disagreement[row] |= summary.disagreement
        for sid in skills_of[qid]:
            if sid in index:
                per_skill.setdefault((row, index[sid]), []).append(summary.mean)
    for (row, k), means in per_skill.items():
        interview[row, k] = sum(means) / len(means)
    sjt_level = 1.0 + 4.0 * sjt / 100.0  # as profile.sjt_to_level; NaN stays NaN
    weights = np.where(np.isnan(sjt_level), 0.0, SJT_WEIGHT) + np.where(np.isnan(interview), 0.0, INTERVIEW_WEIGHT)
    weighted = np.nan_to_num(sjt_level) * SJT_WEIGHT + np.nan_to_num(interview) * INTERVIEW_WEIGHT
    with np.errstate(invalid="ignore", divide="ignore"):
        level = np.where(weights > 0, weighted / weights, np.nan)
    sjt_mean = _row_mean(sjt)
    interview_mean = _row_mean(interview)
    fit = np.full(n, np.nan)
    if target_weights:
        w = np.array([target_weights.get(s, 0.0) for s in skill_list])
        measured = ~np.isnan(level) & (w > 0)[None, :]
        wsum = (measured * w[None, :]).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_level = np.where(wsum > 0, (np.nan_to_num(level) * measured * w[None, :]).sum(axis=1) / wsum, np.nan)
        fit = 100.0 * (mean_level - 1.0) / 4.0
    return CampaignScores(sjt_mean, interview_mean, fit, disagreement)
