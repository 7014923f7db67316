"""Interview ratings from several raters: summary per answer and agreement per campaign."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from screening.domain.scale import RATING_LEVELS

DISAGREEMENT_GAP = 2
MIN_UNITS_FOR_ALPHA = 20
LEVELS = RATING_LEVELS
TENDENCY_GAP = 0.5          # a mean signed difference this far from 0 (levels) reads as harsh or lenient


@dataclass(frozen=True)
class RatingSummary:
    mean: float
    spread: float
    n: int
    disagreement: bool


def summarise(levels: Sequence[float]) -> RatingSummary | None:
    """Mean, spread (max - min) and a flag when two raters differ by 2 or more."""
    if not levels:
        return None
    arr = np.asarray(levels, dtype=float)
    spread = float(arr.max() - arr.min())
    return RatingSummary(float(arr.mean()), spread, len(arr), spread >= DISAGREEMENT_GAP)


def krippendorff_alpha_interval(units: Sequence[Sequence[float]]) -> float | None:
    """Krippendorff's alpha with the interval metric.

    `units` holds, per rated answer, the ratings it received (raters who skipped it are simply
    absent, or None / NaN). Only answers with two or more ratings are pairable. Returns None when
    fewer than MIN_UNITS_FOR_ALPHA answers are pairable, or when there is no variation at all.
    For agreement per question, call it with that question's answers.
    """
    given = [np.array([v for v in u if v is not None], dtype=float) for u in units]
    pairable = [u[np.isfinite(u)] for u in given if np.isfinite(u).sum() >= 2]
    if len(pairable) < MIN_UNITS_FOR_ALPHA:
        return None
    values = np.concatenate(pairable)
    n = values.size
    observed = sum(((u[:, None] - u[None, :]) ** 2).sum() / (u.size - 1) for u in pairable) / n
    expected = ((values[:, None] - values[None, :]) ** 2).sum() / (n * (n - 1))
    if expected == 0:
        return None
    return float(1.0 - observed / expected)


# --- per rater: agreement with co-raters, calibration against keyed levels ----------------------------

@dataclass(frozen=True)
class RaterAgreement:
    n: int                          # answers this rater shares with at least one co-rater
    mean_abs_diff: float | None     # mean |own level - mean of the co-raters' levels|
    correlation: float | None       # Pearson r with the co-raters' mean; None below 3 answers or if constant
    mean_signed_diff: float | None  # mean (own - co-raters' mean): below 0 harsher, above 0 more lenient


def rater_agreement(levels: np.ndarray) -> list[RaterAgreement]:
    """Each rater's agreement with the others. levels: (answers, raters), NaN where a rater did not rate.

    For every answer a rater shares with at least one co-rater, their level is compared with the mean of
    the co-raters' levels on it. Returns one record per column, in column order.
    """
    x = np.atleast_2d(np.asarray(levels, dtype=float))
    rated = np.isfinite(x)
    x0 = np.where(rated, x, 0.0)
    others_n = rated.sum(axis=1, keepdims=True) - rated
    with np.errstate(invalid="ignore", divide="ignore"):
        others = np.where(others_n > 0, (x0.sum(axis=1, keepdims=True) - x0) / np.maximum(others_n, 1), np.nan)
    shared = rated & (others_n > 0)
    out = []
    for j in range(x.shape[1]):
        own, co = x[shared[:, j], j], others[shared[:, j], j]
        n = int(own.size)
        if n == 0:
            out.append(RaterAgreement(0, None, None, None))
            continue
        diff = own - co
        out.append(RaterAgreement(n, float(np.abs(diff).mean()), _pearson(own, co), float(diff.mean())))
    return out


def _pearson(a: np.ndarray, b: np.ndarray) -> float | None:
    if a.size < 3:
        return None
    da, db = a - a.mean(), b - b.mean()
    den = float(np.sqrt((da * da).sum() * (db * db).sum()))
    if den <= 1e-12:
        return None
    return float(np.clip((da * db).sum() / den, -1.0, 1.0))


def _weighted_kappa_counts(counts: np.ndarray) -> np.ndarray:
    """Quadratic-weighted kappa from confusion counts (..., k, k); NaN where undefined."""
    k = counts.shape[-1]
    cat = np.arange(k)
    weights = (cat[:, None] - cat[None, :]) ** 2 / (k - 1) ** 2
    total = counts.sum(axis=(-2, -1), keepdims=True)
    observed = counts / np.where(total > 0, total, 1)
    expected = observed.sum(axis=-1, keepdims=True) * observed.sum(axis=-2, keepdims=True)
    num = (weights * observed).sum(axis=(-2, -1))
    den = (weights * expected).sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 1e-12, 1.0 - num / np.where(den > 1e-12, den, 1.0), np.nan)


def _codes(values: Sequence[float] | np.ndarray, categories: Sequence[int]) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    cats = np.asarray(categories, dtype=float)
    match = arr[:, None] == cats[None, :]
    if not match.any(axis=1).all():
        raise ValueError(f"levels must be among {tuple(categories)}")
    return np.asarray(match.argmax(axis=1))


def weighted_kappa(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray,
                   categories: Sequence[int] = LEVELS) -> float | None:
    """Cohen's kappa with quadratic weights between two sets of levels on the same answers.

    The categories are fixed (1-5), so a level nobody used still counts in the weights. None when there
    is no answer or the expected disagreement is 0 (both sides gave one and the same level throughout).
    """
    ca, cb = _codes(a, categories), _codes(b, categories)
    if ca.size != cb.size:
        raise ValueError("a and b must rate the same answers")
    if ca.size == 0:
        return None
    k = len(categories)
    counts = np.bincount(ca * k + cb, minlength=k * k).reshape(k, k).astype(float)
    value = float(_weighted_kappa_counts(counts))
    return value if np.isfinite(value) else None


@dataclass(frozen=True)
class Calibration:
    n: int
    kappa: float | None             # quadratic-weighted kappa against the keyed levels
    ci_low: float | None            # 95% percentile bootstrap interval of the kappa
    ci_high: float | None
    mean_signed_diff: float | None  # mean (rater - keyed): below 0 harsher, above 0 more lenient
    tendency: Literal["harsh", "lenient", "on_key"] | None


def calibration(levels: Sequence[float] | np.ndarray, keyed: Sequence[float] | np.ndarray,
                n_boot: int = 2000, seed: int = 0, categories: Sequence[int] = LEVELS) -> Calibration:
    """A rater's levels on a calibration set (about 10 answers) against their keyed levels.

    Quadratic-weighted kappa with a 95% percentile bootstrap interval (answers resampled with
    replacement, `n_boot` resamples, seeded; resamples where kappa is undefined are left out), and the
    mean signed difference: at TENDENCY_GAP or more below 0 the rater is harsh, above 0 lenient.
    With ~10 answers the interval is wide: read it before the point value.
    """
    ca, cb = _codes(levels, categories), _codes(keyed, categories)
    if ca.size != cb.size:
        raise ValueError("levels and keyed must cover the same answers")
    n = int(ca.size)
    if n == 0:
        return Calibration(0, None, None, None, None, None)
    k = len(categories)
    kappa = weighted_kappa(levels, keyed, categories)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n, size=(n_boot, n))
    cells = (ca * k + cb)[draws] + (np.arange(n_boot) * k * k)[:, None]
    counts = np.bincount(cells.ravel(), minlength=n_boot * k * k).reshape(n_boot, k, k).astype(float)
    boot = _weighted_kappa_counts(counts)
    boot = boot[np.isfinite(boot)]
    low, high = (float(v) for v in np.percentile(boot, [2.5, 97.5])) if boot.size else (None, None)
    msd = float((np.asarray(categories, dtype=float)[ca] - np.asarray(categories, dtype=float)[cb]).mean())
    tendency: Literal["harsh", "lenient", "on_key"] = (
        "harsh" if msd <= -TENDENCY_GAP else "lenient" if msd >= TENDENCY_GAP else "on_key")
    return Calibration(n, kappa, low, high, msd, tendency)
