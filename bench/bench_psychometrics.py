"""Psychometrics over a campaign: item analysis, option analysis and reliability per skill for 5,000 candidates
x 30 items (a fifth of the items not given to each candidate), seeded random data from one latent trait."""

from __future__ import annotations

import numpy as np

from bench.stats import entry, median, p95, timings
from screening.scoring.psychometrics import item_analysis, option_analysis, reliability, rest_scores


def run() -> list[dict]:
    rng = np.random.default_rng(11)
    n, k = 5_000, 30
    theta = rng.normal(size=(n, 1))
    scores = np.round(4.0 / (1.0 + np.exp(-(theta + rng.normal(size=(n, k)))))) / 4.0   # the 0-1 quarter steps
    scores[rng.random(scores.shape) < 0.2] = np.nan
    keys = rng.integers(1, 6, size=(k, 5)).astype(float)
    keys[:, 0], keys[:, 4] = 5.5, 0.5
    best = rng.integers(0, 5, size=(n, k))
    worst = (best + rng.integers(1, 5, size=best.shape)) % 5
    best[np.isnan(scores)] = -1
    item_skills = [[f"s{i % 6}"] for i in range(k)]
    skills = sorted({s for sk in item_skills for s in sk})

    def campaign() -> None:
        item_analysis(scores)
        option_analysis(keys, best, worst, rest_scores(scores))
        reliability(scores, item_skills, skills, "pairwise")
        reliability(scores, item_skills, skills, "complete")

    runs = timings(campaign, repeat=7)
    return [entry("psychometrics.campaign_5000x30.median", median(runs) * 1000, "ms", 1000, "lower"),
            entry("psychometrics.campaign_5000x30.p95", p95(runs) * 1000, "ms", None, "lower")]
