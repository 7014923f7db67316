"""The independent check set (question_banks/eval/) as `score-eval` lines, and its report by language, kind
and answer style. The reference level is the mean of the two raters (a third rater adjudicates a gap of 2 or
more; the frozen set needed none). The sealed third is left out unless asked for, once, at the end."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from screening.banks import SPENT_DIRS, EvalSet, load_eval_set
from screening.suggest.evaluate import (
    EvalLine,
    Outcome,
    baseline_levels,
    baseline_similarity,
    bootstrap_qwk,
    breakdown,
    parse_item,
    suggest_lines,
)
from screening.suggest.model import SPENT_ROOT, SuggestModel

PARTS = ("open", "sealed", "all")


def check_set_lines(eval_dir: Path, part: str = "open") -> list[dict[str, Any]]:
    """One score-eval line per rated answer of the chosen part, with its style for the report."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}")
    evalset, errors = load_eval_set(eval_dir)
    if errors:
        raise ValueError("; ".join(str(e) for e in errors[:5]))
    split = json.loads((eval_dir / "split.json").read_text(encoding="utf-8"))
    wanted = set(split["open"]) | set(split["sealed"]) if part == "all" else set(split[part])
    return [_line(evalset, answer.id) for answer in evalset.answers if answer.id in wanted]


def spent_sets(root: Path = SPENT_ROOT) -> dict[str, list[EvalLine]]:
    """Every rated answer of each spent check set (all its parts), as the trainer fits the second stage and the
    cut-points on them."""
    return {name: [parse_item(line) for line in check_set_lines(root / name, "all")]
            for name in SPENT_DIRS if (root / name).is_dir()}


def _line(evalset: EvalSet, answer_id: str) -> dict[str, Any]:
    answer = next(a for a in evalset.answers if a.id == answer_id)
    question = next(q for q in evalset.questions if q.id == answer.question_id)
    lang = answer.language
    return {"id": answer.id, "style": answer.style, "question": question.prompt.get(lang), "kind": question.kind,
            "language": lang, "scale": [1, 5], "human": sorted(evalset.levels(answer.id).values()),
            "anchors": [{"level": a.level, "text": a.text.get(lang), "indicators": list(a.indicators.get(lang))}
                        for a in question.anchors],
            "answer": answer.text}


def evaluate(lines: list[dict[str, Any]], model: SuggestModel | None = None) -> dict[str, Any]:
    """The product's own predict path on every line; agreement overall, per language, per kind and
    language x kind (declines also counted at the scale's midpoint) with bootstrap 95 % intervals of QWK,
    beside the word-overlap baseline, and the mean signed error per answer style (`style_errors`)."""
    return report(outcomes([parse_item(line) for line in lines], model))


def outcomes(parsed: Sequence[EvalLine], model: SuggestModel | None = None) -> list[Outcome]:
    """Each line's suggestion through the product's own predict path, beside the word-overlap baseline."""
    sims = [baseline_similarity(p.answer, [(a.level, a.text) for a in p.anchors]) for p in parsed]
    base = baseline_levels(sims, [p.scale for p in parsed])
    return [Outcome(p.human, sug.level, sug.confidence, sug.reason, b, p.scale, p.language, p.kind,
                    style=str(p.style))
            for p, b, sug in zip(parsed, base, suggest_lines(parsed, model), strict=True)]


def report(outs: Sequence[Outcome]) -> dict[str, Any]:
    """`breakdown` with bootstrap intervals overall, per language and per kind, and the errors per style."""
    result = breakdown(outs)
    for group in ("overall", "en", "fr", "behavioural", "situational"):
        sub = [o for o in outs if group == "overall" or group in (o.language, o.kind)]
        if group in result:
            result[group]["qwk_95ci"] = bootstrap_qwk(sub)
    return {**result, **style_errors(outs)}


def style_errors(outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    """Mean signed error per answer style, two ways. `style_mean_error` counts a decline as the scale's midpoint
    (the target's convention). `style_mean_error_suggested` leaves declines out and `style_declined` counts them:
    an answer to another question is declined by design and then counts 2 levels above the raters' 1, so the
    midpoint figure alone cannot tell a missed off-topic answer from a caught one."""
    with_mid: dict[str, list[float]] = defaultdict(list)
    suggested: dict[str, list[float]] = defaultdict(list)
    for o in outcomes:
        mid = (o.scale[0] + o.scale[1]) / 2
        with_mid[o.style].append((o.predicted if o.predicted is not None else mid) - o.human)
        if o.predicted is not None:
            suggested[o.style].append(o.predicted - o.human)
    styles = sorted(with_mid)
    return {"style_mean_error": {s: round(float(np.mean(with_mid[s])), 2) for s in styles},
            "style_mean_error_suggested": {s: round(float(np.mean(suggested[s])), 2) if suggested[s] else None
                                           for s in styles},
            "style_declined": {s: len(with_mid[s]) - len(suggested[s]) for s in styles}}
