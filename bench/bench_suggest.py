"""Suggested level: one suggestion's latency at 50, 150 and 400 words (including the embedding), batch
throughput for 10,000 answers (timed on 2,000 with cold per-question caches, and extrapolated, as the entry's
name says), the process's memory with the model and the embedder loaded, the bank's leave-one-question-out
figures recorded when the model was trained, and the open part of the check set scored live (never the sealed
third).

`run()` returns the bench runner's entries; `python -m bench.bench_suggest` prints them.
"""

from __future__ import annotations

import json
import resource
import time

from bench.stats import entry, median, p95
from screening import REPO_DIR

BANKS = REPO_DIR / "question_banks"
GROUPS = ("overall", "en", "fr", "behavioural", "situational")
LENGTHS = (50, 150, 400)
BATCH_TIMED = 2_000
BATCH_TARGET = 10_000


def _agreement_entries(scheme: str, res: dict) -> list[dict]:
    out = []
    for grp in GROUPS:
        r = res.get(grp)
        if not r or not r.get("n"):
            continue
        tag = f"suggest.{scheme}.{{}}.{grp}"
        smd = r.get("smd")
        out += [
            entry(tag.format("qwk"), r.get("qwk"), "kappa", 0.85, "higher"),
            entry(tag.format("smd"), None if smd is None else abs(smd), "sd", 0.15, "lower"),
            entry(tag.format("decline_share"), r.get("decline_share"), "share", 0.15, "lower"),
            entry(tag.format("all_lines_qwk"), r.get("all_lines", {}).get("qwk"), "kappa", 0.85, "higher"),
            entry(tag.format("baseline_qwk"), r.get("baseline", {}).get("qwk"), "kappa", None, "higher"),
        ]
    return out


def _answers(bank, n_words: int, count: int) -> list[tuple]:
    """`count` distinct answers of exactly `n_words` words, made from the bank's exemplars (so the embedding
    is never a cache hit) with their question and language."""
    from screening.suggest.model import training_questions

    qs = training_questions(bank)
    pool = [(q, e) for q in qs for e in q.exemplars]
    out = []
    for k in range(count):
        q, e = pool[(k * 7) % len(pool)]
        words: list[str] = []
        j = k
        while len(words) < n_words:
            words += pool[j % len(pool)][1].text.split() if words else e.text.split()
            j += 13
        out.append((q, " ".join(words[:n_words]), e.language))
    return out


def _latency(bank) -> list[dict]:
    """Per-question spaces (the anchors' embeddings) are built once per process, at a question's first
    suggestion: each question is warmed with another answer first, so the time is one answer's."""
    from screening.suggest.predict import suggest_for_question

    out = []
    for n in LENGTHS:
        cases = _answers(bank, n, 60)
        for q, _text, lang in cases:
            suggest_for_question(q, " ".join(["word"] * 20), lang)
        times = []
        for case in cases:
            t = time.perf_counter()
            suggest_for_question(*case)
            times.append((time.perf_counter() - t) * 1000)
        out += [entry(f"suggest.one.{n}_words.p50", median(times), "ms", None, "lower"),
                entry(f"suggest.one.{n}_words.p95", p95(times), "ms", 100.0, "lower")]
    return out


def _batch(bank) -> list[dict]:
    from screening.suggest.predict import Item, specs_for_question, suggest_levels

    items = []
    for q, text, lang in _answers(bank, 150, BATCH_TIMED):
        anchors, exemplars = specs_for_question(q, lang)
        items.append(Item(text, q.prompt.get(lang), q.kind, lang, tuple(anchors), tuple(exemplars)))
    t = time.perf_counter()
    suggest_levels(items)
    seconds = time.perf_counter() - t
    return [entry(f"suggest.batch.{BATCH_TIMED}_answers_150_words", seconds, "s", None, "lower"),
            entry(f"suggest.batch.{BATCH_TARGET}_answers.extrapolated_from_{BATCH_TIMED}",
                  seconds * BATCH_TARGET / BATCH_TIMED, "s", 240.0, "lower")]


def run() -> list[dict]:
    from screening.suggest.check_set import check_set_lines, evaluate
    from screening.suggest.embedder import get_embedder
    from screening.suggest.model import ModelMissingError, load_model
    from screening.suggest.train import load_training_bank

    try:
        model = load_model()
    except ModelMissingError:
        return []
    get_embedder()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    bank, _skipped = load_training_bank([BANKS])
    entries = [entry("suggest.process_rss_with_model_loaded", rss, "MB", None, "lower")]
    entries += _latency(bank) + _batch(bank)
    for scheme, res in (model.meta.get("cv") or {}).items():
        entries += _agreement_entries(f"bank_{scheme}", res)
    entries += _agreement_entries("check_set_open", evaluate(check_set_lines(BANKS / "eval", "open")))
    return entries


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
