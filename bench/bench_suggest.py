"""Suggested level: agreement with the banks' rated exemplars under held-out cross-validation
(unseen question, unseen answer style, unseen author), beside the TF-IDF baseline, and latency.

`run()` returns the bench runner's entries; `python bench/bench_suggest.py` prints them.
"""

from __future__ import annotations

import json
import statistics
import time

from bench.stats import entry
from screening import REPO_DIR

BANKS = REPO_DIR / "question_banks"
GROUPS = ("overall", "en", "fr", "behavioural", "situational")


def _agreement_entries(scheme: str, res: dict) -> list[dict]:
    out = []
    for grp in GROUPS:
        r = res.get(grp)
        if not r or not r.get("n"):
            continue
        tag = f"suggest.{scheme}.{{}}.{grp}"
        smd = r.get("smd")
        base = r.get("baseline", {})
        out += [
            entry(tag.format("qwk"), r.get("qwk"), "kappa", 0.70, "higher"),
            entry(tag.format("pearson"), r.get("pearson"), "r", 0.70, "higher"),
            entry(tag.format("smd"), None if smd is None else abs(smd), "sd", 0.15, "lower"),
            entry(tag.format("decline_share"), r.get("decline_share"), "share", 0.15, "lower"),
            entry(tag.format("all_lines_qwk"), r.get("all_lines", {}).get("qwk"), "kappa", 0.60, "higher"),
            entry(tag.format("baseline_qwk"), base.get("qwk"), "kappa", None, "higher"),
            entry(tag.format("baseline_pearson"), base.get("pearson"), "r", None, "higher"),
        ]
    return out


def _latency(bank, repeats: int = 3) -> list[dict]:
    from screening.suggest.model import ModelMissingError, load_model, training_questions
    from screening.suggest.predict import suggest_for_question

    try:
        load_model()
    except ModelMissingError:
        return []
    cases = [(q, e.text, e.language) for q in training_questions(bank)[:30] for e in q.exemplars[:2]]
    if cases:  # warm-up: imports and the model load are not per-suggestion costs
        suggest_for_question(*cases[0])
    times = []
    for _ in range(repeats):
        for q, text, lang in cases:
            t = time.perf_counter()
            suggest_for_question(q, text, lang)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return [entry("suggest.latency.median", statistics.median(times), "ms", 50.0, "lower"),
            entry("suggest.latency.p95", p95, "ms", 150.0, "lower")]


def run() -> list[dict]:
    from screening.suggest.train import build_dataset, cross_validate_all, load_training_bank

    bank, _skipped = load_training_bank([BANKS])
    data = build_dataset(bank)
    if not data.rows:
        return []
    t = time.perf_counter()
    cv = cross_validate_all(data)
    seconds = time.perf_counter() - t
    entries = [entry("suggest.cv.exemplars", len(data.real), "answers", None, "higher"),
               entry("suggest.cv.seconds", seconds, "s", 180.0, "lower")]
    for scheme, res in cv.items():
        entries += _agreement_entries(scheme, res)
    return entries + _latency(bank)


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
