"""A whole campaign scored at once: the same numbers as each candidate's profile, computed as arrays.

The lead's dashboard needs, per candidate, the mean SJT score, the mean interview level, the fit to the
target and whether raters disagree. Building a profile per candidate repeats work for every row; here each
item is scored for every candidate in one vectorised call, and the profile's combination rules
(`scoring.profile.combine` and its fit) are applied column-wise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from screening.banks import SjtItem
from screening.scoring.profile import INTERVIEW_WEIGHT, SJT_WEIGHT, question_level
from screening.scoring.sjt import RateMethod, score_best_worst, score_rate_each, skill_scores


class SjtResponse(NamedTuple):
    """One SJT answer as stored columns (a named tuple: a campaign has one per candidate and item)."""

    row: int                    # the candidate's row in the result arrays
    item: SjtItem               # the version the candidate was given
    best: str | None            # best/worst items
    worst: str | None
    ratings: Mapping[str, Any] | None     # rate-each items: option id -> 1-5


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
        option_index = [{o.id: n for n, o in enumerate(item.options)} for item in bw]
        best = np.full((n, len(bw)), -1)
        worst = np.full((n, len(bw)), -1)
        given = np.zeros((n, len(bw)), dtype=bool)
        for r in responses:
            column = bw_col.get((r.item.id, r.item.version))
            if column is None:
                continue
            index = option_index[column]
            given[r.row, column] = True
            best[r.row, column] = index.get(r.best, -1) if r.best is not None else -1
            worst[r.row, column] = index.get(r.worst, -1) if r.worst is not None else -1
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
        held = np.zeros((n, len(re_)), dtype=bool)
        for r in responses:
            column = re_col.get((r.item.id, r.item.version))
            if column is None:
                continue
            held[r.row, column] = True
            rated = r.ratings
            if not isinstance(rated, Mapping):
                continue
            for o, opt in enumerate(r.item.options):
                if opt.id in rated:
                    ratings[r.row, column, o] = float(rated[opt.id])
        answered = ~np.all(np.isnan(ratings), axis=2)
        part = score_rate_each(keys, ratings, method, given=held)
        part[~answered] = np.nan
        scores[:, len(bw):] = part
    return scores, [*bw, *re_]


def _row_mean(values: np.ndarray) -> np.ndarray:
    """Mean of each row over its non-NaN cells; NaN for a row with none (no warning)."""
    present = ~np.isnan(values)
    counts = present.sum(axis=1)
    sums = np.where(present, values, 0.0).sum(axis=1)
    return np.divide(sums, counts, out=np.full(values.shape[0], np.nan), where=counts > 0)


def sjt_skill_scores(n: int, skills: Sequence[str], responses: Sequence[SjtResponse], method: RateMethod
                     ) -> np.ndarray:
    """(candidates, skills) SJT skill scores 0-100, NaN where no answered item measures the skill. Each row
    depends on that candidate's answers alone, so rows computed apart can be stacked."""
    item_scores, items = _sjt_item_scores(n, responses, method)
    if not items:
        return np.full((n, len(skills)), np.nan)
    return skill_scores(item_scores, [i.skills for i in items], list(skills))[0]


def score_campaign(n: int, skills: Sequence[str], sjt: np.ndarray, ratings: Sequence[RatedLevel],
                   target_weights: Mapping[str, float] | None,
                   consensus: Mapping[tuple[int, str], int] | None = None) -> CampaignScores:
    """Every candidate's dashboard numbers, as a profile would compute them, from their SJT skill scores
    (`sjt_skill_scores`) and interview ratings. `consensus`: (row, question id) -> the panel's agreed level,
    which replaces the raters' mean for that answer."""
    consensus = consensus or {}
    skill_list = list(skills)
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


def percentile_ranks(values: np.ndarray, group: np.ndarray) -> np.ndarray:
    """`profile.percentile_rank` of each value against the same group, by binary search over the sorted group
    (a campaign of thousands: not one pass over the group per candidate). NaN values stay NaN."""
    ordered = np.sort(np.asarray(group, dtype=float))
    below = np.searchsorted(ordered, values, side="left")
    equal = np.searchsorted(ordered, values, side="right") - below
    ranks = 100.0 * (below + 0.5 * equal) / max(len(ordered), 1)
    return np.where(np.isnan(values), np.nan, ranks)
