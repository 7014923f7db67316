"""How well suggested levels agree with people: the metrics, and `score-eval` on a JSONL file of
human-rated answers through the same predict path the product uses, beside a simple baseline.

Baseline: TF-IDF cosine similarity of the answer to the top anchor, mapped linearly onto the
scale over the evaluated lines (min -> lowest level, max -> highest); it never declines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from screening.suggest.cues import fold
from screening.suggest.features import AnchorSpec, ExemplarSpec, Scale
from screening.suggest.model import SuggestModel
from screening.suggest.predict import Item, Suggestion, suggest_levels

# --- metrics -----------------------------------------------------------------------------------


def _r(x: float | None, nd: int = 3) -> float | None:
    return None if x is None or not np.isfinite(x) else round(float(x), nd)


def qwk(a: np.ndarray, b: np.ndarray, n: int) -> float:
    """Quadratic weighted kappa between two integer ratings in 0..n-1."""
    a, b = np.asarray(a, dtype=int), np.asarray(b, dtype=int)
    if a.size == 0:
        return float("nan")
    conf = np.zeros((n, n))
    np.add.at(conf, (a, b), 1)
    w = (np.subtract.outer(np.arange(n), np.arange(n)) ** 2) / (n - 1) ** 2
    expected = np.outer(conf.sum(1), conf.sum(0)) / conf.sum()
    denom = (w * expected).sum()
    return float(1 - (w * conf).sum() / denom) if denom > 0 else float("nan")


def agreement(pred: Sequence[float], human: Sequence[float], scale: tuple[float, float] = (1, 5)) -> dict:
    """Pearson, Spearman, QWK (both rounded to the scale's whole steps), RMSE and standardised
    mean difference ((mean pred - mean human) / sd human)."""
    from scipy.stats import pearsonr, spearmanr

    p, h = np.asarray(pred, dtype=float), np.asarray(human, dtype=float)
    out: dict[str, Any] = {"n": int(p.size)}
    if p.size == 0:
        return {**out, "pearson": None, "spearman": None, "qwk": None, "rmse": None, "smd": None}
    sc = Scale(float(scale[0]), float(scale[1]))
    n_steps = round((sc.high - sc.low) / sc.step) + 1
    # half-up rounding: a human mean of 4.5 is a 5, not (banker's rounding) a 4
    pi = np.clip(np.floor((p - sc.low) / sc.step + 0.5), 0, n_steps - 1).astype(int)
    hi = np.clip(np.floor((h - sc.low) / sc.step + 0.5), 0, n_steps - 1).astype(int)
    varied = p.size > 2 and np.ptp(p) > 0 and np.ptp(h) > 0
    sd = float(h.std(ddof=1)) if h.size > 1 else 0.0
    out["pearson"] = _r(pearsonr(p, h)[0]) if varied else None
    out["spearman"] = _r(spearmanr(p, h)[0]) if varied else None
    out["qwk"] = _r(qwk(hi, pi, n_steps)) if (np.ptp(hi) > 0 or np.ptp(pi) > 0) else None
    out["rmse"] = _r(float(np.sqrt(np.mean((p - h) ** 2))))
    out["smd"] = _r((p.mean() - h.mean()) / sd) if sd > 0 else None
    return out


def baseline_similarity(answer: str, anchors: Sequence[tuple[float, str]]) -> float:
    """Word TF-IDF cosine of the answer to the highest anchor's text (fitted on these texts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    top = max(anchors, key=lambda a: a[0])[1]
    try:
        x = TfidfVectorizer(preprocessor=fold).fit_transform([answer, top])
    except ValueError:
        return 0.0
    return float((x[0] @ x[1].T).toarray()[0, 0])


def baseline_levels(sims: Sequence[float] | np.ndarray, scales: Sequence[tuple[float, float]]) -> list[float]:
    s = np.asarray(sims, dtype=float)
    span = np.ptp(s) if s.size else 0.0
    norm = (s - s.min()) / span if span > 0 else np.full(s.size, 0.5)
    return [lo + float(v) * (hi - lo) for v, (lo, hi) in zip(norm, scales, strict=False)]


@dataclass(frozen=True)
class Outcome:
    """One evaluated answer: human level, suggestion (None = declined), baseline, and tags."""

    human: float
    predicted: float | None
    confidence: float
    reason: str | None
    baseline: float
    scale: tuple[float, float]
    language: str
    kind: str
    style: str = ""


def summarise(outcomes: Sequence[Outcome]) -> dict:
    """The figures for one set of outcomes, on the first line's scale (others are mapped onto it)."""
    if not outcomes:
        return {"n": 0}
    ref = Scale(*outcomes[0].scale)

    def on_ref(v: float, scale: tuple[float, float]) -> float:
        return ref.denorm(Scale(*scale).norm(v))

    human = [on_ref(o.human, o.scale) for o in outcomes]
    answered = [(o.predicted, o.scale, h) for o, h in zip(outcomes, human, strict=True) if o.predicted is not None]
    mid = (ref.low + ref.high) / 2
    model = agreement([on_ref(p, s) for p, s, _ in answered], [h for _, _, h in answered], outcomes[0].scale)
    all_lines = agreement([on_ref(o.predicted, o.scale) if o.predicted is not None else mid for o in outcomes],
                          human, outcomes[0].scale)
    base = agreement([on_ref(o.baseline, o.scale) for o in outcomes], human, outcomes[0].scale)
    reasons: dict[str, int] = {}
    for o in outcomes:
        if o.reason:
            reasons[o.reason] = reasons.get(o.reason, 0) + 1
    return {"n": len(outcomes), "answered": len(answered), "decline_share": _r(1 - len(answered) / len(outcomes)),
            **{k: v for k, v in model.items() if k != "n"}, "declined": reasons,
            "all_lines": {k: v for k, v in all_lines.items() if k != "n"},
            "baseline": {k: v for k, v in base.items() if k != "n"}}


def bootstrap_qwk(outcomes: Sequence[Outcome], n: int = 1000, seed: int = 0) -> dict[str, list[float | None]]:
    """95 % percentile intervals of QWK (answered lines; all lines with declines at the midpoint; the
    baseline), resampling answers with replacement."""
    if len(outcomes) < 10:
        return {}
    ref = Scale(*outcomes[0].scale)
    n_steps = round((ref.high - ref.low) / ref.step) + 1

    def steps(v: np.ndarray) -> np.ndarray:
        return np.clip(np.floor((v - ref.low) / ref.step + 0.5), 0, n_steps - 1).astype(int)

    def on_ref(v: float, scale: tuple[float, float]) -> float:
        return ref.denorm(Scale(*scale).norm(v))

    mid = (ref.low + ref.high) / 2
    h = steps(np.array([on_ref(o.human, o.scale) for o in outcomes]))
    answered = np.array([o.predicted is not None for o in outcomes])
    p = steps(np.array([on_ref(o.predicted, o.scale) if o.predicted is not None else mid for o in outcomes]))
    b = steps(np.array([on_ref(o.baseline, o.scale) for o in outcomes]))
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {"qwk": [], "all_lines": [], "baseline": []}
    for _ in range(n):
        i = rng.integers(0, len(outcomes), len(outcomes))
        a = i[answered[i]]
        for key, (hh, pp) in (("qwk", (h[a], p[a])), ("all_lines", (h[i], p[i])), ("baseline", (h[i], b[i]))):
            draws[key].append(qwk(hh, pp, n_steps))
    return {k: [_r(float(np.nanpercentile(v, 2.5))), _r(float(np.nanpercentile(v, 97.5)))]
            for k, v in draws.items()}


def breakdown(outcomes: Sequence[Outcome]) -> dict:
    """Overall, per language, per kind and per language x kind."""
    out = {"overall": summarise(outcomes)}
    for lang in sorted({o.language for o in outcomes}):
        out[lang] = summarise([o for o in outcomes if o.language == lang])
    for kind in sorted({o.kind for o in outcomes}):
        out[kind] = summarise([o for o in outcomes if o.kind == kind])
        for lang in sorted({o.language for o in outcomes}):
            sub = [o for o in outcomes if o.kind == kind and o.language == lang]
            if sub:
                out[f"{lang}.{kind}"] = summarise(sub)
    return out


# --- score-eval ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class EvalLine:
    question: str
    kind: str
    language: str
    anchors: list[AnchorSpec]
    exemplars: list[ExemplarSpec]
    answer: str
    human: float  # the mean when several people rated
    scale: tuple[float, float]
    style: str | None = None  # the writer's answer style, in the check sets


def parse_line(line: str) -> EvalLine:
    return parse_item(json.loads(line))


def parse_item(item: dict[str, Any]) -> EvalLine:
    """One score-eval line already read from JSON (the check sets build them as dicts)."""
    human = item["human"]
    low, high = (float(v) for v in item.get("scale") or (1, 5))
    return EvalLine(
        question=str(item.get("question") or ""), kind=str(item.get("kind") or "behavioural"),
        language=str(item.get("language") or "en"),
        anchors=[AnchorSpec(float(a["level"]), str(a["text"]), tuple(a.get("indicators") or ()))
                 for a in item["anchors"]],
        exemplars=[ExemplarSpec(float(e["level"]), str(e["text"])) for e in item.get("exemplars") or ()],
        answer=str(item["answer"]), human=float(np.mean(human)) if isinstance(human, list) else float(human),
        scale=(low, high), style=str(item["style"]) if item.get("style") else None)


def item_of(line: EvalLine) -> Item:
    return Item(line.answer, line.question, line.kind, line.language, tuple(line.anchors), tuple(line.exemplars),
                line.scale)


def suggest_lines(lines: Sequence[EvalLine], model: SuggestModel | None = None) -> list[Suggestion]:
    """Every line through the product's batch path (one embedder call)."""
    return suggest_levels([item_of(ln) for ln in lines], model)


def score_eval(path: Path, predictions: Path | None = None, model: SuggestModel | None = None) -> dict:
    """Suggest a level for every line of a JSONL file and compare with the human scores."""
    parsed: list[EvalLine] = []
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    for k, text in enumerate(lines, 1):
        try:
            parsed.append(parse_line(text))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: line {k}: {exc}") from exc
    sugs = suggest_lines(parsed, model)
    sims = [baseline_similarity(ln.answer, [(a.level, a.text) for a in ln.anchors]) for ln in parsed]
    base = baseline_levels(sims, [ln.scale for ln in parsed])
    outcomes = [Outcome(ln.human, sug.level, sug.confidence, sug.reason, b, ln.scale, ln.language, ln.kind)
                for ln, sug, b in zip(parsed, sugs, base, strict=True)]
    if predictions is not None:
        Path(predictions).write_text("".join(json.dumps({"predicted": s.level, "confidence": s.confidence,
                                                         "reason": s.reason}) + "\n" for s in sugs),
                                     encoding="utf-8")
    s = summarise(outcomes)
    return {k: s.get(k) for k in ("n", "answered", "pearson", "spearman", "qwk", "rmse", "smd", "decline_share",
                                  "declined", "baseline", "all_lines")}
