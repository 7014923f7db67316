"""Interview ratings from several raters: summary per answer and agreement per campaign."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DISAGREEMENT_GAP = 2
MIN_UNITS_FOR_ALPHA = 20


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
    absent). Only answers with two or more ratings are pairable. Returns None when fewer than
    MIN_UNITS_FOR_ALPHA answers are pairable, or when there is no variation at all.
    """
    pairable = [np.asarray(u, dtype=float) for u in units if len(u) >= 2]
    if len(pairable) < MIN_UNITS_FOR_ALPHA:
        return None
    values = np.concatenate(pairable)
    n = values.size
    observed = sum(((u[:, None] - u[None, :]) ** 2).sum() / (u.size - 1) for u in pairable) / n
    expected = ((values[:, None] - values[None, :]) ** 2).sum() / (n * (n - 1))
    if expected == 0:
        return None
    return float(1.0 - observed / expected)
