"""Scoring situational-judgement answers against the expert key.

Arrays keep the hot path vectorised: scoring 10,000 attempts of 30 items is one call.
Item scores are in [0, 1]; NaN marks an item not (fully) answered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from screening.banks import SjtItem
from screening.domain.scale import RATING_LEVELS

RateMethod = Literal["raw", "within_person"]


def score_best_worst(keys: np.ndarray, best: np.ndarray, worst: np.ndarray) -> np.ndarray:
    """keys: (items, options) with NaN padding; best/worst: (attempts, items) option index, -1 if missing.

    +1 for a keyed best picked as best, +1 for a keyed worst picked as worst, -1 for
    each opposite; the raw -2..+2 is mapped to 0..1.
    """
    keys = np.asarray(keys, dtype=float)
    best = np.asarray(best, dtype=int)
    worst = np.asarray(worst, dtype=int)
    key_best = np.nanargmax(keys, axis=1)
    key_worst = np.nanargmin(keys, axis=1)
    raw = ((best == key_best).astype(float) + (worst == key_worst)
           - (best == key_worst) - (worst == key_best))
    scores = (raw + 2.0) / 4.0
    scores[(best < 0) | (worst < 0) | (best == worst)] = np.nan
    return scores


def score_rate_each(keys: np.ndarray, ratings: np.ndarray, method: RateMethod = "raw",
                    given: np.ndarray | None = None) -> np.ndarray:
    """keys: (items, options); ratings: (attempts, items, options) 1-5, NaN where missing.

    `raw`: 1 - mean |rating - key| / 4. `within_person`: each candidate's ratings are first
    standardised over all their rated options (own mean and spread removed), then put on the
    key's own mean and spread, so a candidate who rates everything high or low is not penalised
    for their use of the scale. `given` (attempts, items), when rows hold different items: the key's mean
    and spread are then taken over each row's own items, as scoring that attempt alone does.
    """
    keys = np.asarray(keys, dtype=float)
    ratings = np.asarray(ratings, dtype=float)
    if method == "within_person":
        ratings = _standardise_to_key(keys, ratings, given)
    valid_option = ~np.isnan(keys)[None, :, :]
    dist = np.abs(ratings - keys[None, :, :])
    complete = np.all(~np.isnan(ratings) | ~valid_option, axis=2)
    counted = valid_option & ~np.isnan(dist)
    n_counted = counted.sum(axis=2)
    mean_dist = np.divide(np.where(counted, dist, 0.0).sum(axis=2), n_counted,
                          out=np.full(n_counted.shape, np.nan), where=n_counted > 0)
    scores = 1.0 - mean_dist / 4.0
    scores[~complete] = np.nan
    return np.clip(scores, 0.0, 1.0)


def _standardise_to_key(keys: np.ndarray, ratings: np.ndarray, given: np.ndarray | None = None) -> np.ndarray:
    flat = ratings.reshape(ratings.shape[0], -1)
    rated = ~np.isnan(flat)
    count = rated.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):  # a row with no rating: NaN mean and spread, no warning
        row_mean = np.where(rated, flat, 0.0).sum(axis=1) / count
        mean = row_mean[:, None, None]
        sd = np.sqrt(np.where(rated, (flat - row_mean[:, None]) ** 2, 0.0).sum(axis=1) / count)[:, None, None]
        z = np.where(sd > 0, (ratings - mean) / np.where(sd > 0, sd, 1.0), 0.0)
        if given is None:
            return np.clip(z * np.nanstd(keys) + np.nanmean(keys), 1.0, 5.0)
        mask = np.asarray(given, dtype=float)
        count = mask @ (~np.isnan(keys)).sum(axis=1)
        key_mean = (mask @ np.nansum(keys, axis=1)) / count
        key_sd = np.sqrt(np.maximum((mask @ np.nansum(keys ** 2, axis=1)) / count - key_mean ** 2, 0.0))
    return np.clip(z * key_sd[:, None, None] + key_mean[:, None, None], 1.0, 5.0)


def skill_scores(item_scores: np.ndarray, item_skills: Sequence[Sequence[str]],
                 skills: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Mean item score per skill, 0-100, and how many answered items stand behind it.

    Returns (scores, counts), both (attempts, skills); a skill with no answered item is NaN.
    """
    item_scores = np.atleast_2d(item_scores)
    membership = np.array([[s in its for s in skills] for its in item_skills], dtype=float)
    answered = ~np.isnan(item_scores)
    counts = answered.astype(float) @ membership
    sums = np.where(answered, item_scores, 0.0) @ membership
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.where(counts > 0, 100.0 * sums / counts, np.nan)
    return scores, counts.astype(int)


# --- one candidate's attempt, from stored answers ---------------------------

@dataclass(frozen=True)
class SkillScore:
    score: float
    items: int


def score_attempt(items: Sequence[SjtItem], answers: Mapping[str, Mapping], method: RateMethod = "raw"
                  ) -> dict[str, SkillScore]:
    """Score one attempt. `answers[item_id]` is {"best": opt, "worst": opt} or {"ratings": {opt: 1-5}}."""
    per_item: list[float] = []
    bw = [i for i in items if i.response_format == "best_worst"]
    re_ = [i for i in items if i.response_format == "rate_each"]
    if bw:
        keys = _key_matrix(bw)
        best = np.array([[_index(i, answers.get(i.id, {}).get("best")) for i in bw]])
        worst = np.array([[_index(i, answers.get(i.id, {}).get("worst")) for i in bw]])
        per_item.extend(score_best_worst(keys, best, worst)[0])
    if re_:
        keys = _key_matrix(re_)
        ratings = np.full((1, *keys.shape), np.nan)
        for n, item in enumerate(re_):
            given = answers.get(item.id, {}).get("ratings", {}) or {}
            for k, opt in enumerate(item.options):
                if opt.id in given:
                    ratings[0, n, k] = float(given[opt.id])
        per_item.extend(score_rate_each(keys, ratings, method)[0])
    ordered = [*bw, *re_]
    skills = sorted({s for i in ordered for s in i.skills})
    scores, counts = skill_scores(np.array([per_item]), [i.skills for i in ordered], skills)
    return {s: SkillScore(float(scores[0, k]), int(counts[0, k]))
            for k, s in enumerate(skills) if counts[0, k] > 0}


def _key_matrix(items: Sequence[SjtItem]) -> np.ndarray:
    width = max(len(i.options) for i in items)
    keys = np.full((len(items), width), np.nan)
    for n, item in enumerate(items):
        keys[n, : len(item.options)] = item.keys
    return keys


def _index(item: SjtItem, option_id: str | None) -> int:
    for k, opt in enumerate(item.options):
        if opt.id == option_id:
            return k
    return -1


# --- chance level: what a guesser scores ------------------------------------------------------------

RATING_POINTS = RATING_LEVELS


def chance_score(item: SjtItem) -> float:
    """The exact expected item score (0-1, raw method) of a candidate who guesses.

    best_worst: best and worst drawn uniformly among the ordered pairs of two different options. Each
    option is the best (or the worst) with probability 1/n, so every +1 and -1 term has the same
    expectation and the raw mark averages 0: the score is (0 + 2) / 4 = 0.5 whatever n is.
    rate_each: every option rated uniformly from 1 to 5, independently. The score is linear in the
    distances, so its expectation is 1 - mean over options of E|r - key| / 4, where E|r - k| is
    (sum over r of |r - k|) / 5 (2.0, 1.4, 1.2, 1.4, 2.0 for keys 1 to 5).
    """
    if item.response_format == "best_worst":
        return 0.5
    expected_distance = [sum(abs(r - k) for r in RATING_POINTS) / len(RATING_POINTS) for k in item.keys]
    return 1.0 - float(np.mean(expected_distance)) / 4.0


def item_scores(items: Sequence[SjtItem], answers: Mapping[str, Mapping]) -> np.ndarray:
    """Each item's score (0-1, raw method; NaN if not answered), in the order of `items`, scored
    exactly as `score_attempt` scores them (same functions, same key matrices)."""
    out = np.full(len(items), np.nan)
    for n, item in enumerate(items):
        given = answers.get(item.id, {})
        keys = _key_matrix([item])
        if item.response_format == "best_worst":
            best = np.array([[_index(item, given.get("best"))]])
            worst = np.array([[_index(item, given.get("worst"))]])
            out[n] = score_best_worst(keys, best, worst)[0, 0]
        else:
            ratings = np.full((1, *keys.shape), np.nan)
            for k, opt in enumerate(item.options):
                if opt.id in (given.get("ratings") or {}):
                    ratings[0, 0, k] = float(given["ratings"][opt.id])
            out[n] = score_rate_each(keys, ratings)[0, 0]
    return out
