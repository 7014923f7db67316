"""Memory: what one app process holds once the banks, the model and the report code are loaded, and
the peak that scoring 10,000 SJT attempts adds."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc

import numpy as np

from bench.stats import entry
from screening.scoring.sjt import score_best_worst, score_rate_each, skill_scores

LOADED_PROCESS = """
import resource
from screening.services._catalog import shipped_catalog
from screening.suggest.model import load_model
from screening.suggest.predict import suggest_for_question
from screening.report import render_profile_pdf
catalog = shipped_catalog()
load_model()
question = catalog.bank.questions[0]
suggest_for_question(question, question.exemplars_in("en")[0].text, "en")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _process_peak_mb() -> float:
    out = subprocess.run([sys.executable, "-c", LOADED_PROCESS], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def _scoring_peak_mb() -> float:
    rng = np.random.default_rng(3)
    keys = rng.integers(1, 6, size=(30, 5)).astype(float)
    keys[:, 0], keys[:, 4] = 5.5, 0.5
    best = rng.integers(0, 5, size=(10_000, 30))
    worst = (best + 1) % 5
    ratings = rng.integers(1, 6, size=(10_000, 30, 5)).astype(float)
    tracemalloc.start()
    skill_scores(score_best_worst(keys, best, worst), [[f"s{i % 6}"] for i in range(30)],
                 [f"s{i}" for i in range(6)])
    score_rate_each(keys, ratings, "within_person")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def run() -> list[dict]:
    return [entry("memory.app_process_loaded.peak_rss", _process_peak_mb(), "MB", 1024, "lower"),
            entry("memory.sjt_score_10000x30.peak_alloc", _scoring_peak_mb(), "MB", 256, "lower")]
