"""SJT scoring: 10,000 attempts of 30 items in one vectorised call, against a per-attempt loop."""

from __future__ import annotations

import numpy as np

from bench.stats import entry, median, p95, timings
from screening.scoring.sjt import score_best_worst, score_rate_each, skill_scores


def run() -> list[dict]:
    rng = np.random.default_rng(7)
    keys = rng.integers(1, 6, size=(30, 5)).astype(float)
    keys[:, 0], keys[:, 4] = 5.5, 0.5
    best = rng.integers(0, 5, size=(10_000, 30))
    worst = (best + rng.integers(1, 5, size=best.shape)) % 5
    ratings = rng.integers(1, 6, size=(10_000, 30, 5)).astype(float)
    skills = [[f"s{i % 6}"] for i in range(30)]
    names = sorted({s for sk in skills for s in sk})

    def vectorised() -> None:
        skill_scores(score_best_worst(keys, best, worst), skills, names)
        score_rate_each(keys, ratings, "within_person")

    def loop() -> None:
        for n in range(0, 10_000, 10):  # a tenth of the attempts, scaled up below
            score_best_worst(keys, best[n:n + 1], worst[n:n + 1])
            score_rate_each(keys, ratings[n:n + 1], "within_person")

    fast = timings(vectorised, repeat=7)
    slow = [t * 10 for t in timings(loop, repeat=3)]
    return [entry("sjt.score_10000x30.median", median(fast) * 1000, "ms", 1000, "lower"),
            entry("sjt.score_10000x30.p95", p95(fast) * 1000, "ms", None, "lower"),
            entry("sjt.per_attempt_loop_over_vectorised", median(slow) / median(fast), "ratio", None, "higher")]
