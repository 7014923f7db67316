"""Psychometrics over a campaign: item analysis, reliability, chance levels, expert key review, adverse impact.

Pure vectorised functions over numpy arrays: no streamlit, no database. Item scores are the 0-1 scores
of `screening.scoring.sjt` (candidates x items, NaN where an item was not given or not answered).

Missing data. Candidates answer items drawn from a pool, so missing is the rule, not the exception.
Unless a function says otherwise, statistics use the *pairwise / available-case* rule: every quantity
uses all the candidates that have the data it needs (an item's difficulty: those who answered it; a
covariance: those who answered both items; a rest score: the mean of the other items a candidate
answered). `reliability(..., missing="complete")` switches to complete cases (candidates who answered
every item of the skill). The candidate counts reported are those behind each figure, and for pairwise
covariances the smallest of them.

Undefined values (a constant item, a constant rest score, too few data) come back as NaN in arrays and
as None in records, without numpy warnings.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.stats import fisher_exact

from screening.banks import SjtItem
from screening.scoring.sjt import RateMethod, _index, _key_matrix, score_best_worst, score_rate_each, skill_scores

MIN_CANDIDATES = 30          # fewer candidates than this: no reliability coefficient
MIN_ITEMS = 3                # fewer items than this: no reliability coefficient
LOW_DISCRIMINATION = 0.1     # item-rest correlation below this flags the item
FOUR_FIFTHS = 0.8            # impact ratio below this flags a group (EEOC four-fifths rule)
MIN_GROUP = 30               # groups smaller than this carry a small-sample warning
RATING_POINTS = 5            # expert ratings and rate-each answers are on a 1-5 scale
KEY_DEPARTURE = 1.0          # |consensus - shipped key| at or above this is a departure

Missing = Literal["pairwise", "complete"]

# Reason keys for a coefficient that is not given, with their plain-English text.
REASONS: dict[str, str] = {
    "reason.too_few_items": f"fewer than {MIN_ITEMS} items measure this skill",
    "reason.too_few_candidates": f"fewer than {MIN_CANDIDATES} candidates answered these items",
    "reason.no_variance": "every candidate has the same score, so there is nothing to correlate",
    "reason.pairwise_not_psd": "the candidates who share items are too few or too different to combine; "
                               "collect more answers",
}


# --- small vectorised helpers -------------------------------------------------------------------------

def _safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, NaN where den is 0 (or not finite), without warnings."""
    num, den = np.broadcast_arrays(np.asarray(num, dtype=float), np.asarray(den, dtype=float))
    out = np.full(num.shape, np.nan)
    ok = np.isfinite(den) & (den != 0)
    np.divide(num, den, out=out, where=ok)
    return out


def _masked_corr(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column-wise Pearson correlation of x and y (n, k) over rows where both are finite.

    Returns (r, n), each (k,); r is NaN where fewer than 2 rows, or where either column is constant.
    """
    mask = np.isfinite(x) & np.isfinite(y)
    n = mask.sum(axis=0)
    x0, y0 = np.where(mask, x, 0.0), np.where(mask, y, 0.0)
    mx, my = _safe_div(x0.sum(axis=0), n), _safe_div(y0.sum(axis=0), n)
    dx, dy = np.where(mask, x0 - mx, 0.0), np.where(mask, y0 - my, 0.0)
    sxx, syy, sxy = (dx * dx).sum(axis=0), (dy * dy).sum(axis=0), (dx * dy).sum(axis=0)
    scale = np.maximum(np.abs(mx), np.abs(my)) ** 2 * n + 1.0
    constant = (sxx <= 1e-12 * scale) | (syy <= 1e-12 * scale) | (n < 2)
    r = _safe_div(sxy, np.sqrt(np.where(constant, 0.0, sxx * syy)))
    return np.clip(r, -1.0, 1.0), n


# --- 1. item analysis ---------------------------------------------------------------------------------

def rest_scores(item_scores: np.ndarray) -> np.ndarray:
    """Each candidate's rest score for each item: the mean of the *other* items they answered.

    (candidates, items) -> (candidates, items); NaN where the item was not answered or no other item was.
    A mean, not a sum, so that a candidate who was given fewer items is not ranked lower for it.
    """
    x = np.asarray(item_scores, dtype=float)
    answered = np.isfinite(x)
    total = np.where(answered, x, 0.0).sum(axis=1, keepdims=True)
    count = answered.sum(axis=1, keepdims=True)
    rest = _safe_div(total - np.where(answered, x, 0.0), count - 1)
    return np.where(answered, rest, np.nan)


@dataclass(frozen=True)
class ItemAnalysis:
    """Per item (arrays of length items)."""
    n: np.ndarray                   # candidates who answered the item
    difficulty: np.ndarray          # mean item score, 0-1 (NaN if nobody answered)
    item_rest: np.ndarray           # corrected item-total (item-rest) correlation, NaN if undefined
    low_discrimination: np.ndarray  # item_rest below LOW_DISCRIMINATION, or the item constant over 2+ answers
    enough_data: np.ndarray         # n >= MIN_CANDIDATES: flags on fewer answers are noise


def item_analysis(item_scores: np.ndarray) -> ItemAnalysis:
    """Difficulty, item-rest correlation, response count and discrimination flag per item.

    The rest score is the mean of the other items in the matrix given (pass one skill's columns for a
    within-skill analysis, the whole test for a test-level one). Pairwise: each item's correlation uses
    the candidates who answered it and at least one other item. A constant item has no discrimination:
    its correlation is NaN and it is flagged. An item whose rest score is undefined (no other item
    answered alongside it, or a constant rest) has a NaN correlation and is not flagged: nothing is known.
    """
    x = np.atleast_2d(np.asarray(item_scores, dtype=float))
    answered = np.isfinite(x)
    n = answered.sum(axis=0)
    difficulty = _safe_div(np.where(answered, x, 0.0).sum(axis=0), n)
    r, _ = _masked_corr(x, rest_scores(x))
    spread = np.where(answered, np.abs(x - difficulty), 0.0).max(axis=0, initial=0.0)
    constant = (n >= 2) & (spread <= 1e-12)
    low = (r < LOW_DISCRIMINATION) | constant
    return ItemAnalysis(n=n, difficulty=difficulty, item_rest=r, low_discrimination=low,
                        enough_data=n >= MIN_CANDIDATES)


@dataclass(frozen=True)
class OptionAnalysis:
    """Per best/worst item and option ((items, options) arrays; NaN for padding options)."""
    n: np.ndarray                 # (items,) scored responses (a best and a different worst)
    key_best: np.ndarray          # (items,) keyed best option index (as sjt scores it)
    key_worst: np.ndarray         # (items,) keyed worst option index
    best_share: np.ndarray        # share of responses choosing each option as best
    worst_share: np.ndarray       # share choosing each option as worst
    top_n: np.ndarray             # (items,) responses in the top third by rest score
    top_best_share: np.ndarray    # share of the top third choosing each option as best
    distractor: np.ndarray        # (items,) option the top third prefer to the keyed best, or -1
    distractor_flag: np.ndarray   # (items,) such an option exists


def option_indices(items: Sequence[SjtItem], chosen: Sequence[Sequence[str | None]]) -> np.ndarray:
    """Chosen option ids, (candidates, items), to the option indices `option_analysis` takes (-1: none)."""
    return np.array([[_index(item, c) for item, c in zip(items, row, strict=True)] for row in chosen],
                    dtype=int).reshape(len(chosen), len(items))


def option_analysis(keys: np.ndarray, best: np.ndarray, worst: np.ndarray, rest: np.ndarray) -> OptionAnalysis:
    """How often each option of each best/worst item is chosen as best and as worst, against its key.

    keys: (items, options), NaN padding; best/worst: (candidates, items) option index, -1 if missing
    (as `sjt.score_best_worst`); rest: (candidates, items) rest score (see `rest_scores`, computed on the
    whole test). The top third are the candidates whose rest score for that item is at or above its
    2/3 quantile (ties at the boundary included). The flag: an option other than the keyed best is
    chosen as best by the top third more often than the keyed best.
    """
    keys = np.asarray(keys, dtype=float)
    best = np.atleast_2d(np.asarray(best, dtype=int))
    worst = np.atleast_2d(np.asarray(worst, dtype=int))
    rest = np.atleast_2d(np.asarray(rest, dtype=float))
    n_items, width = keys.shape
    valid = (best >= 0) & (worst >= 0) & (best != worst)
    options = np.arange(width)
    chose_best = valid[:, :, None] & (best[:, :, None] == options)     # (candidates, items, options)
    chose_worst = valid[:, :, None] & (worst[:, :, None] == options)
    n = valid.sum(axis=0)
    padding = np.isnan(keys)
    best_share = np.where(padding, np.nan, _safe_div(chose_best.sum(axis=0), n[:, None]))
    worst_share = np.where(padding, np.nan, _safe_div(chose_worst.sum(axis=0), n[:, None]))

    ranked = np.where(valid & np.isfinite(rest), rest, np.nan)
    has_rest = np.isfinite(ranked).any(axis=0)
    cut = np.full(n_items, np.inf)
    if has_rest.any():
        cut[has_rest] = np.nanquantile(ranked[:, has_rest], 2.0 / 3.0, axis=0)
    top = np.isfinite(ranked) & (ranked >= cut)
    top_n = top.sum(axis=0)
    top_counts = (chose_best & top[:, :, None]).sum(axis=0).astype(float)
    top_best_share = np.where(padding, np.nan, _safe_div(top_counts, top_n[:, None]))

    key_best = np.nanargmax(np.where(padding, -np.inf, keys), axis=1)
    key_worst = np.nanargmin(np.where(padding, np.inf, keys), axis=1)
    rows = np.arange(n_items)
    rivals = np.where(padding, -1.0, top_counts)
    rivals[rows, key_best] = -1.0
    distractor = rivals.argmax(axis=1)
    flag = rivals[rows, distractor] > top_counts[rows, key_best]
    return OptionAnalysis(n=n, key_best=key_best, key_worst=key_worst, best_share=best_share,
                          worst_share=worst_share, top_n=top_n, top_best_share=top_best_share,
                          distractor=np.where(flag, distractor, -1), distractor_flag=flag)


# --- 1. reliability -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Coefficient:
    """A reliability coefficient with what stands behind it. `value` is None when it is not given, and
    `reason` is then a key of REASONS. For a split-half, `raw` is the correlation of the halves before
    the Spearman-Brown correction."""
    value: float | None
    n_items: int
    n_candidates: int
    reason: str | None = None
    raw: float | None = None

    @property
    def too_few(self) -> bool:
        return self.reason in ("reason.too_few_items", "reason.too_few_candidates")


def _pairwise_cov(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Covariance of each pair of columns over the rows where both are answered; and those row counts."""
    mask = np.isfinite(x)
    m = mask.astype(float)
    centre = _safe_div(np.where(mask, x, 0.0).sum(axis=0), mask.sum(axis=0))
    x0 = np.where(mask, x - np.nan_to_num(centre), 0.0)   # centred first: less cancellation below
    pair_n = m.T @ m
    sums = x0.T @ m                 # sums[j, l]: sum of item j over rows answering both j and l
    cross = x0.T @ x0
    cov = _safe_div(cross - sums * sums.T / np.where(pair_n > 0, pair_n, 1.0), pair_n - 1)
    return cov, pair_n.astype(int)


def cronbach_alpha(item_scores: np.ndarray, missing: Missing = "pairwise") -> Coefficient:
    """Cronbach's alpha, k/(k-1) * (1 - sum of item variances / variance of the total).

    `pairwise`: from the pairwise covariance matrix (each covariance over the candidates who answered
    both items); n_candidates is the smallest pairwise count. If that matrix is not positive
    semi-definite (thin, inconsistent overlap) no value is given. `complete`: complete cases only.
    None below MIN_ITEMS items or MIN_CANDIDATES candidates, or when the total has no variance.
    """
    x = np.atleast_2d(np.asarray(item_scores, dtype=float))
    k = x.shape[1]
    if missing == "complete":
        x = x[np.isfinite(x).all(axis=1)]
        n = x.shape[0]
        cov = np.cov(x, rowvar=False, ddof=1) if n >= 2 and k >= 1 else np.full((k, k), np.nan)
        cov = np.atleast_2d(cov)
    else:
        cov, pair_n = _pairwise_cov(x)
        n = int(pair_n.min()) if k else 0
    if k < MIN_ITEMS:
        return Coefficient(None, k, n, "reason.too_few_items")
    if n < MIN_CANDIDATES:
        return Coefficient(None, k, n, "reason.too_few_candidates")
    trace, total = float(np.trace(cov)), float(cov.sum())
    tol = 1e-12 * (1.0 + float(np.nanmean(x ** 2)) if x.size else 1.0)
    if not trace > tol:
        return Coefficient(None, k, n, "reason.no_variance")
    if missing == "pairwise" and np.linalg.eigvalsh(cov).min() < -1e-9 * trace:
        return Coefficient(None, k, n, "reason.pairwise_not_psd")
    if not total > tol:
        return Coefficient(None, k, n, "reason.no_variance")
    alpha = k / (k - 1) * (1.0 - trace / total)
    return Coefficient(min(alpha, 1.0), k, n)      # <= 1 for a PSD matrix; min() only removes rounding


def split_half(item_scores: np.ndarray, missing: Missing = "pairwise") -> Coefficient:
    """Odd-even split-half reliability with the Spearman-Brown correction, 2r / (1 + r).

    Items are split by their column order (1st, 3rd, ... against 2nd, 4th, ...). A half score is the
    mean of the half's items the candidate answered (`pairwise`) or of all of them (`complete`);
    candidates need a score on both halves. None below MIN_ITEMS items or MIN_CANDIDATES candidates,
    or when a half has no variance.
    """
    x = np.atleast_2d(np.asarray(item_scores, dtype=float))
    k = x.shape[1]
    if missing == "complete":
        x = x[np.isfinite(x).all(axis=1)]
    answered = np.isfinite(x)
    x0 = np.where(answered, x, 0.0)
    halves = []
    for cols in (slice(0, None, 2), slice(1, None, 2)):
        halves.append(_safe_div(x0[:, cols].sum(axis=1), answered[:, cols].sum(axis=1)))
    odd, even = halves[0][:, None], halves[1][:, None]
    r_arr, n_arr = _masked_corr(odd, even)
    n = int(n_arr[0])
    if k < MIN_ITEMS:
        return Coefficient(None, k, n, "reason.too_few_items")
    if n < MIN_CANDIDATES:
        return Coefficient(None, k, n, "reason.too_few_candidates")
    r = float(r_arr[0])
    if not np.isfinite(r) or r <= -1.0:
        return Coefficient(None, k, n, "reason.no_variance")
    return Coefficient(2.0 * r / (1.0 + r), k, n, raw=r)


@dataclass(frozen=True)
class Reliability:
    skill: str
    alpha: Coefficient
    split_half: Coefficient


def reliability(item_scores: np.ndarray, item_skills: Sequence[Sequence[str]], skills: Sequence[str],
                missing: Missing = "pairwise") -> dict[str, Reliability]:
    """Cronbach's alpha and odd-even split-half (Spearman-Brown) per skill, over the items measuring it.

    item_scores: (candidates, items); item_skills[i]: the skills item i measures (as `sjt.skill_scores`).
    """
    x = np.atleast_2d(np.asarray(item_scores, dtype=float))
    out: dict[str, Reliability] = {}
    for skill in skills:
        cols = [i for i, its in enumerate(item_skills) if skill in its]
        sub = x[:, cols]
        out[skill] = Reliability(skill, cronbach_alpha(sub, missing), split_half(sub, missing))
    return out


# --- 2. chance levels ---------------------------------------------------------------------------------

def chance_best_worst(keys: np.ndarray) -> np.ndarray:
    """Expected 0-1 score per best/worst item of a guesser who picks a best and a different worst
    uniformly at random: every ordered pair of options is scored by `sjt.score_best_worst` and averaged
    (exact, not simulated). keys: (items, options), NaN padding."""
    keys = np.atleast_2d(np.asarray(keys, dtype=float))
    out = np.empty(keys.shape[0])
    widths = (~np.isnan(keys)).sum(axis=1)
    out[widths < 2] = np.nan
    for width in np.unique(widths[widths >= 2]):
        rows = widths == width
        b, w = np.meshgrid(np.arange(width), np.arange(width), indexing="ij")
        distinct = b != w
        pairs_b, pairs_w = b[distinct], w[distinct]
        sub = keys[rows]
        scores = score_best_worst(sub, np.repeat(pairs_b[:, None], sub.shape[0], axis=1),
                                  np.repeat(pairs_w[:, None], sub.shape[0], axis=1))
        out[rows] = scores.mean(axis=0)
    return out


def chance_rate_each(keys: np.ndarray, method: RateMethod = "raw", draws: int = 4000, seed: int = 0
                     ) -> np.ndarray:
    """Expected 0-1 score per rate-each item of a guesser who rates every option uniformly from 1 to 5.

    `raw`: exact. The score is linear in each option's distance to its key, so its expectation equals the
    mean, over r = 1..5, of `sjt.score_rate_each` for an answer rating every option r.
    `within_person`: the standardisation is not linear and runs over the whole attempt, so whole attempts
    of these items are simulated (`draws` of them, seeded) and scored by `sjt.score_rate_each`.
    """
    keys = np.atleast_2d(np.asarray(keys, dtype=float))
    if method == "raw":
        flat = np.broadcast_to(np.arange(1.0, RATING_POINTS + 1)[:, None, None], (RATING_POINTS, *keys.shape))
        return np.asarray(score_rate_each(keys, np.array(flat), "raw").mean(axis=0))
    rng = np.random.default_rng(seed)
    ratings = rng.integers(1, RATING_POINTS + 1, size=(draws, *keys.shape)).astype(float)
    ratings[:, np.isnan(keys)] = np.nan
    return np.asarray(score_rate_each(keys, ratings, method).mean(axis=0))


@dataclass(frozen=True)
class ChanceLevels:
    """Expected scores of a guesser on the product's 0-100 scale."""
    per_item: dict[str, float]
    per_format: dict[str, float]    # mean over the items of that format
    per_skill: dict[str, float]     # as `sjt.skill_scores` maps item scores to a skill score


def chance_levels(items: Sequence[SjtItem], method: RateMethod = "raw") -> ChanceLevels:
    """Chance level per item, per response format and per skill, for a set of SJT items."""
    item_chance = np.full(len(items), np.nan)
    bw = [n for n, item in enumerate(items) if item.response_format == "best_worst"]
    re_ = [n for n, item in enumerate(items) if item.response_format == "rate_each"]
    if bw:
        item_chance[bw] = chance_best_worst(_key_matrix([items[n] for n in bw]))
    if re_:
        item_chance[re_] = chance_rate_each(_key_matrix([items[n] for n in re_]), method)
    skills = sorted({s for item in items for s in item.skills})
    per_skill, _ = skill_scores(item_chance[None, :], [item.skills for item in items], skills)
    per_format = {fmt: float(100.0 * np.mean([c for item, c in zip(items, item_chance, strict=True)
                                               if item.response_format == fmt]))
                  for fmt in sorted({item.response_format for item in items})}
    return ChanceLevels(per_item={item.id: float(100.0 * c) for item, c in zip(items, item_chance, strict=True)},
                        per_format=per_format,
                        per_skill={s: float(per_skill[0, k]) for k, s in enumerate(skills)})


# --- 3. expert key review -----------------------------------------------------------------------------

def icc2k(ratings: np.ndarray) -> float | None:
    """ICC(2,k), Shrout & Fleiss (1979): two-way random effects, absolute agreement, mean of k raters.

    ratings: (targets, raters). Complete cases: targets with any missing rating are dropped. None with
    fewer than 2 targets or 2 raters, or when the denominator is 0 (no variation at all).
    (BMS - EMS) / (BMS + (JMS - EMS) / n).
    """
    x = np.asarray(ratings, dtype=float)
    x = x[np.isfinite(x).all(axis=1)]
    n, k = x.shape
    if n < 2 or k < 2:
        return None
    grand = x.mean()
    bms = k * ((x.mean(axis=1) - grand) ** 2).sum() / (n - 1)
    jms = n * ((x.mean(axis=0) - grand) ** 2).sum() / (k - 1)
    resid = x - x.mean(axis=1, keepdims=True) - x.mean(axis=0, keepdims=True) + grand
    ems = (resid ** 2).sum() / ((n - 1) * (k - 1))
    den = bms + (jms - ems) / n
    if den <= 1e-12 * max(bms + jms + ems, 1e-300):
        return None
    return float((bms - ems) / den)


def key_icc(ratings_per_item: Sequence[np.ndarray]) -> float | None:
    """ICC(2,k) of an expert panel's ratings for a whole key: every (item, option) is a target, the
    experts are the raters. ratings_per_item[i]: (experts, options) 1-5, the same experts in the same
    row order for every item; NaN for a missing rating (that target is dropped)."""
    if not ratings_per_item:
        return None
    stacked = np.concatenate([np.asarray(r, dtype=float).T for r in ratings_per_item], axis=0)
    return icc2k(stacked)


def rwg(ratings: np.ndarray, points: int = RATING_POINTS) -> np.ndarray:
    """r_wg per option (James, Demaree & Wolf 1984): 1 - observed variance / (A^2 - 1) / 12.

    ratings: (experts, options). The observed variance is the sample variance (ddof 1) of the experts
    who rated the option; NaN with fewer than 2. Values below 0 (more disagreement than random
    responding) are set to 0, as LeBreton & Senter (2008) recommend, so r_wg is in [0, 1].
    """
    x = np.atleast_2d(np.asarray(ratings, dtype=float))
    answered = np.isfinite(x)
    n = answered.sum(axis=0)
    x0 = np.where(answered, x, 0.0)
    mean = _safe_div(x0.sum(axis=0), n)
    var = _safe_div(np.where(answered, (x0 - mean) ** 2, 0.0).sum(axis=0), n - 1)
    null = (points ** 2 - 1) / 12.0
    return np.where(n >= 2, np.clip(1.0 - var / null, 0.0, 1.0), np.nan)


@dataclass(frozen=True)
class KeyReview:
    n_experts: int
    consensus: np.ndarray       # (options,) mean expert rating
    rwg: np.ndarray             # (options,) within-group agreement, 0-1
    departs: np.ndarray         # (options,) |consensus - shipped key| >= KEY_DEPARTURE
    consensus_best: int
    consensus_worst: int
    best_differs: bool          # the shipped best is not (one of) the consensus best
    worst_differs: bool         # the shipped worst is not (one of) the consensus worst
    tied: bool                  # the consensus best or worst is shared by several options

    @property
    def departs_from_key(self) -> bool:
        return bool(self.departs.any() or self.best_differs or self.worst_differs)


def review_key(ratings: np.ndarray, key: Sequence[float] | np.ndarray) -> KeyReview:
    """Compare one item's expert ratings (experts x options, 1-5, NaN if skipped) with its shipped key.

    The consensus key is the *mean* rating per option (the key is read on an interval scale by the
    rate-each scoring, and a mean ties less often than a median on 1-5 ratings). The shipped best and
    worst are those `sjt.score_best_worst` uses (first highest / lowest key).
    """
    x = np.atleast_2d(np.asarray(ratings, dtype=float))
    key_arr = np.asarray(key, dtype=float)
    answered = np.isfinite(x)
    n = answered.sum(axis=0)
    consensus = _safe_div(np.where(answered, x, 0.0).sum(axis=0), n)
    has = np.isfinite(consensus)
    top, bottom = np.max(consensus, where=has, initial=-np.inf), np.min(consensus, where=has, initial=np.inf)
    best_set, worst_set = has & np.isclose(consensus, top), has & np.isclose(consensus, bottom)
    key_best, key_worst = int(np.argmax(key_arr)), int(np.argmin(key_arr))
    departs = has & (np.abs(np.where(has, consensus, 0.0) - key_arr) >= KEY_DEPARTURE - 1e-9)
    return KeyReview(n_experts=int(answered.any(axis=1).sum()), consensus=consensus, rwg=rwg(x), departs=departs,
                     consensus_best=int(np.argmax(best_set)), consensus_worst=int(np.argmax(worst_set)),
                     best_differs=bool(has.any() and not best_set[key_best]),
                     worst_differs=bool(has.any() and not worst_set[key_worst]),
                     tied=bool(best_set.sum() > 1 or worst_set.sum() > 1))


# --- 4. adverse impact --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupImpact:
    group: Hashable
    n: int
    selected: int
    rate: float | None              # selected / n; None for an empty group
    impact_ratio: float | None      # rate / highest rate; None if either is undefined or the highest is 0
    four_fifths: bool               # impact_ratio below FOUR_FIFTHS
    fisher_p: float | None          # two-sided Fisher's exact test against the reference; None for it
    small_sample: bool              # n below MIN_GROUP
    reference: bool                 # the group with the highest rate (first of ties)


def selection_impact(groups: Sequence[Hashable] | np.ndarray, selected: Sequence[bool] | np.ndarray,
                     categories: Sequence[Hashable] | None = None) -> list[GroupImpact]:
    """Selection rate per group, impact ratio against the highest-rate group, four-fifths flag, Fisher's
    exact p against that group, small-sample warning.

    groups: a label per candidate (combine labels for intersectional categories); selected: a boolean per
    candidate. `categories` lists the groups to report, so a group with no member still appears; by
    default the labels seen, sorted.
    """
    labels = list(groups)              # a list, so that tuple labels (intersectional) stay one label each
    chosen = np.asarray(selected, dtype=bool).reshape(-1)
    if chosen.size != len(labels):
        raise ValueError("groups and selected must have one entry per candidate")
    cats = list(categories) if categories is not None else sorted(set(labels), key=str)
    index = {c: i for i, c in enumerate(cats)}
    codes = np.array([index.get(g, -1) for g in labels], dtype=int).reshape(-1)
    keep = codes >= 0
    n = np.bincount(codes[keep], minlength=len(cats))
    sel = np.bincount(codes[keep], weights=chosen[keep].astype(float), minlength=len(cats)).astype(int)
    rate = _safe_div(sel, n)
    ref = int(np.nanargmax(rate)) if np.isfinite(rate).any() else -1
    top = rate[ref] if ref >= 0 else np.nan
    ratio = _safe_div(rate, np.full(len(cats), top)) if ref >= 0 and top > 0 else np.full(len(cats), np.nan)
    out = []
    for i, c in enumerate(cats):
        p = None
        if ref >= 0 and i != ref and n[i] > 0:
            p = float(fisher_exact([[sel[i], n[i] - sel[i]], [sel[ref], n[ref] - sel[ref]]])[1])
        r = float(ratio[i]) if np.isfinite(ratio[i]) else None
        out.append(GroupImpact(group=c, n=int(n[i]), selected=int(sel[i]),
                               rate=float(rate[i]) if n[i] > 0 else None,
                               impact_ratio=min(r, 1.0) if r is not None else None,
                               four_fifths=r is not None and r < FOUR_FIFTHS, fisher_p=p,
                               small_sample=bool(n[i] < MIN_GROUP), reference=i == ref))
    return out


def cut_impact(groups: Sequence[Hashable] | np.ndarray, scores: Sequence[float] | np.ndarray, cut: float,
               categories: Sequence[Hashable] | None = None) -> list[GroupImpact]:
    """`selection_impact` for passing a score cut (score >= cut); candidates without a score are left out."""
    s = np.asarray(scores, dtype=float)
    has = np.isfinite(s)
    return selection_impact(_kept(groups, has), s[has] >= cut, categories)


def scoring_rate_impact(groups: Sequence[Hashable] | np.ndarray, scores: Sequence[float] | np.ndarray,
                        categories: Sequence[Hashable] | None = None) -> list[GroupImpact]:
    """Scoring rate (share of a group scoring *above* the median of all candidates' scores) and its impact
    ratio, as a NYC Local Law 144 bias audit of a tool that scores computes it. Candidates without a
    score are left out (also of the median)."""
    s = np.asarray(scores, dtype=float)
    has = np.isfinite(s)
    above = s[has] > np.median(s[has]) if has.any() else np.zeros(0, dtype=bool)
    return selection_impact(_kept(groups, has), above, categories)


def _kept(groups: Sequence[Hashable] | np.ndarray, keep: np.ndarray) -> list[Hashable]:
    labels = list(groups)
    if len(labels) != keep.size:
        raise ValueError("groups and scores must have one entry per candidate")
    return [g for g, k in zip(labels, keep.tolist(), strict=True) if k]



def integer_key(consensus: Sequence[float] | np.ndarray, best: int, worst: int) -> tuple[int, ...] | None:
    """A consensus key on the bank's 1-5 integer scale with exactly one best and one worst option.

    Each mean is rounded half up; then the consensus best is kept strictly above, and the consensus
    worst strictly below, every other option (widening the range when rounding squeezed them together).
    None when an option has no rating or the best and the worst are the same option.
    """
    c = np.asarray(consensus, dtype=float)
    if c.size < 2 or not np.isfinite(c).all() or best == worst:
        return None
    keys = np.clip(np.floor(c + 0.5), 1, RATING_POINTS).astype(int)
    others = [k for k in range(c.size) if k not in (best, worst)]
    need = 2 if others else 1
    hi, lo = int(keys[best]), int(keys[worst])
    if hi - lo < need:
        hi = min(RATING_POINTS, lo + need)
        lo = min(lo, hi - need)
    keys[best], keys[worst] = hi, lo
    keys[others] = np.clip(keys[others], lo + 1, hi - 1)
    return tuple(int(k) for k in keys)
