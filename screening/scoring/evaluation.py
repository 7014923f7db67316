"""How well suggested levels agree with people: cross-validation on bank exemplars and
`score-eval` on a JSONL file of human-rated answers, always beside a simple baseline.

Baseline: TF-IDF cosine similarity of the answer to the top anchor, mapped linearly onto
the scale over the evaluated lines (min -> lowest level, max -> highest); it never declines.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from screening.scoring import features as F
from screening.scoring import suggest as S

if TYPE_CHECKING:
    from screening.banks import Bank

VARIANTS = ("full", "full_ex", "bare", "bare_ex")  # with/without indicators x with/without exemplars
TRAIN_VARIANTS = VARIANTS


# --- metrics -----------------------------------------------------------------------------------

def _r(x: float | None, nd: int = 3) -> float | None:
    return None if x is None or not np.isfinite(x) else round(float(x), nd)


def agreement(pred: Sequence[float], human: Sequence[float], scale: tuple[float, float] = (1, 5)) -> dict:
    """Pearson, Spearman, QWK (both rounded to the scale's whole steps), RMSE and standardised
    mean difference ((mean pred - mean human) / sd human)."""
    from scipy.stats import pearsonr, spearmanr

    p, h = np.asarray(pred, dtype=float), np.asarray(human, dtype=float)
    out: dict[str, Any] = {"n": int(p.size)}
    if p.size == 0:
        return {**out, "pearson": None, "spearman": None, "qwk": None, "rmse": None, "smd": None}
    sc = S.Scale(float(scale[0]), float(scale[1]))
    n_steps = round((sc.high - sc.low) / sc.step) + 1
    # half-up rounding: a human mean of 4.5 is a 5, not (banker's rounding) a 4
    pi = np.clip(np.floor((p - sc.low) / sc.step + 0.5), 0, n_steps - 1).astype(int)
    hi = np.clip(np.floor((h - sc.low) / sc.step + 0.5), 0, n_steps - 1).astype(int)
    varied = p.size > 2 and np.ptp(p) > 0 and np.ptp(h) > 0
    sd = float(h.std(ddof=1)) if h.size > 1 else 0.0
    out["pearson"] = _r(pearsonr(p, h)[0]) if varied else None
    out["spearman"] = _r(spearmanr(p, h)[0]) if varied else None
    out["qwk"] = _r(S.qwk(hi, pi, n_steps)) if (np.ptp(hi) > 0 or np.ptp(pi) > 0) else None
    out["rmse"] = _r(float(np.sqrt(np.mean((p - h) ** 2))))
    out["smd"] = _r((p.mean() - h.mean()) / sd) if sd > 0 else None
    return out


def baseline_similarity(answer: str, anchors: Sequence[tuple[float, str]]) -> float:
    """Word TF-IDF cosine of the answer to the highest anchor's text (fitted on these texts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    top = max(anchors, key=lambda a: a[0])[1]
    try:
        x = TfidfVectorizer(preprocessor=F.fold).fit_transform([answer, top])
    except ValueError:
        return 0.0
    return float((x[0] @ x[1].T).toarray()[0, 0])


def baseline_levels(sims: Sequence[float], scales: Sequence[tuple[float, float]]) -> list[float]:
    s = np.asarray(sims, dtype=float)
    span = np.ptp(s) if s.size else 0.0
    norm = (s - s.min()) / span if span > 0 else np.full(s.size, 0.5)
    return [lo + float(v) * (hi - lo) for v, (lo, hi) in zip(norm, scales)]


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
    ref = S.Scale(*outcomes[0].scale)

    def on_ref(v: float, scale: tuple[float, float]) -> float:
        return ref.denorm(S.Scale(*scale).norm(v))

    human = [on_ref(o.human, o.scale) for o in outcomes]
    answered = [i for i, o in enumerate(outcomes) if o.predicted is not None]
    mid = (ref.low + ref.high) / 2
    model = agreement([on_ref(outcomes[i].predicted, outcomes[i].scale) for i in answered],  # type: ignore[arg-type]
                      [human[i] for i in answered], outcomes[0].scale)
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

def score_eval(path: Path, predictions: Path | None = None, model: S.SuggestModel | None = None) -> dict:
    """Suggest a level for every line of a JSONL file and compare with the human scores."""
    outcomes: list[Outcome] = []
    sims: list[float] = []
    preds: list[dict] = []
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    for k, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            human = item["human"]
            human = float(np.mean(human)) if isinstance(human, list) else float(human)
            scale = tuple(float(v) for v in item.get("scale") or (1, 5))
            anchors = [S.AnchorSpec(float(a["level"]), str(a["text"]), tuple(a.get("indicators") or ()))
                       for a in item["anchors"]]
            exemplars = [S.ExemplarSpec(float(e["level"]), str(e["text"])) for e in item.get("exemplars") or ()]
            answer, language = str(item["answer"]), str(item.get("language") or "en")
            kind = str(item.get("kind") or "behavioural")
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: line {k}: {exc}") from exc
        s = S.suggest_level(answer, prompt=str(item.get("question") or ""), kind=kind, language=language,
                            anchors=anchors, exemplars=exemplars, scale=scale, model=model)  # type: ignore[arg-type]
        outcomes.append(Outcome(human, s.level, s.confidence, s.reason, 0.0, scale,  # type: ignore[arg-type]
                                language, kind))
        sims.append(baseline_similarity(answer, [(a.level, a.text) for a in anchors]))
        preds.append({"predicted": s.level, "confidence": s.confidence, "reason": s.reason})
    base = baseline_levels(sims, [o.scale for o in outcomes])
    outcomes = [Outcome(o.human, o.predicted, o.confidence, o.reason, b, o.scale, o.language, o.kind)
                for o, b in zip(outcomes, base)]
    if predictions is not None:
        Path(predictions).write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    s = summarise(outcomes)
    return {k: s.get(k) for k in ("n", "answered", "pearson", "spearman", "qwk", "rmse", "smd", "decline_share",
                                  "declined", "baseline", "all_lines")}


# --- the training data set -------------------------------------------------------------------------

@dataclass
class Row:
    qid: str
    lang: str
    kind: str
    style: str
    author: str
    level: float
    y: float  # normalised 0-1
    group: int  # index into Dataset.groups: the (question, language) it belongs to
    pos: int  # position within the group
    base: dict[str, F.BaseFeatures]  # "full" (with indicators) and "bare" (anchor texts only)
    baseline_sim: float
    text: str = ""
    synthetic: str = ""  # "" for a bank exemplar; "echo" or "off_topic" for a training-only row
    source: int = -1  # for a synthetic off-topic row: the exemplar (of another question) it borrows


@dataclass
class Group:
    members: list[int]
    sims: np.ndarray  # exemplar x exemplar similarity (fitted on prompt + anchors + exemplars)
    y: np.ndarray


@dataclass
class Dataset:
    rows: list[Row]
    groups: list[Group]
    names: list[str]
    _cache: dict = field(default_factory=dict, repr=False)

    def vector(self, i: int, variant: str, allowed: Callable[[int], bool] | None) -> list[float]:
        row = self.rows[i]
        keep: tuple[int, ...] = ()
        if variant.endswith("_ex"):
            g = self.groups[row.group]
            keep = tuple(p for p, j in enumerate(g.members) if j != i and (allowed is None or allowed(j)))
        key = (i, variant, keep)
        if key not in self._cache:
            base = row.base["bare" if variant.startswith("bare") else "full"]
            if keep:
                g = self.groups[row.group]
                ex = F.exemplar_features(g.sims[row.pos, list(keep)], g.y[list(keep)], base)
            else:
                ex = F.exemplar_features(np.zeros(0), np.zeros(0), base)
            self._cache[key] = F.vector(base, ex)
        return self._cache[key]

    @property
    def real(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if not r.synthetic]

    def synthetic_for(self, real_idx: Iterable[int]) -> list[int]:
        """Synthetic rows usable beside these bank rows: their question is among them and the
        answer they borrow (if any) is one of them."""
        keep = set(real_idx)
        qids = {self.rows[i].qid for i in keep}
        return [i for i, r in enumerate(self.rows)
                if r.synthetic and r.qid in qids and (r.source < 0 or r.source in keep)]

    def matrices(self, idx: Iterable[int], variants: Sequence[str] = ("full",),
                 allowed: Callable[[int], bool] | None = None) -> tuple[S.TrainingSet, list[int]]:
        """Feature rows for `idx` in each variant; exemplar inputs limited to rows `allowed`.
        Synthetic rows have no exemplar variants."""
        xs, ys, gs, off, real, src = [], [], [], [], [], []
        for i in idx:
            row = self.rows[i]
            for v in variants:
                if row.synthetic and v.endswith("_ex"):
                    continue
                xs.append(self.vector(i, v, allowed))
                ys.append(row.y)
                gs.append(row.qid)
                off.append(row.style == "off_topic")
                real.append(not row.synthetic)
                src.append(i)
        return S.TrainingSet(np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(gs),
                             np.array(off, dtype=bool), np.array(real, dtype=bool)), src


ECHO_WRAP = {"en": ("In my experience, {}", "This is how I always work with customers."),
             "fr": ("Dans mon expérience, {}", "C'est toujours ainsi que je travaille avec les clients.")}
ECHO_LEVEL = 1.5  # the banks' rubric-echo answers are rated 1-2


def echo_text(anchor: F.AnchorDoc, lang: str) -> str:
    """A coached answer made of the top anchor's own words and no behaviour: trains the model that
    echoing the rubric is not evidence, whatever the question."""
    head, tail = ECHO_WRAP["fr" if lang == "fr" else "en"]
    body = " ".join([anchor.text, *(i.rstrip(".") + "." for i in anchor.indicators)])
    return " ".join([head.format(body[0].lower() + body[1:]), tail])


SYNTHETIC = ("echo",)  # "off_topic" (another question's answer) taught "unfamiliar words = level 1": dropped


def build_dataset(bank: Bank, log: Callable[[str], None] | None = None,
                  synthetic: Sequence[str] = SYNTHETIC) -> Dataset:
    rows: list[Row] = []
    groups: list[Group] = []
    scale = S.Scale(1, 5)
    names: list[str] = []
    contexts: list[tuple] = []  # per group: question, language, prompt, full anchors, bare anchors

    def add(text: str, q, lang: str, prompt: str, full, bare, anchors, **kw) -> None:
        nonlocal names
        bases = {name: F.base_features(text, prompt=prompt, kind=q.kind, language=lang, anchors=docs)
                 for name, docs in (("full", full), ("bare", bare))}
        names = names or F.feature_names(bases["full"])
        rows.append(Row(qid=q.id, lang=lang, kind=q.kind, base=bases, text=text,
                        baseline_sim=baseline_similarity(text, [(a.level, a.text) for a in anchors]), **kw))

    for q in S.training_questions(bank):
        for lang in ("en", "fr"):
            exs = q.exemplars_in(lang)
            if not exs:
                continue
            anchors, _ = S.specs_for_question(q, lang)
            full = S.anchor_docs(anchors, scale)
            bare = [F.AnchorDoc(a.level, a.text, ()) for a in full]
            prompt = q.prompt.get(lang)
            sc, sw = F.similarity_matrix([prompt, *[a.doc for a in full], *[e.text for e in exs]])
            k = 1 + len(full)
            g = Group([], 0.5 * (sc[k:, k:] + sw[k:, k:]), np.array([scale.norm(e.level) for e in exs]))
            for pos, e in enumerate(exs):
                g.members.append(len(rows))
                add(e.text, q, lang, prompt, full, bare, anchors, style=e.style, author=e.author,
                    level=float(e.level), y=scale.norm(e.level), group=len(groups), pos=pos)
            contexts.append((q, lang, prompt, full, bare, anchors))
            groups.append(g)
    n_real = len(rows)
    for gi, (q, lang, prompt, full, bare, anchors) in enumerate(contexts):
        top = max(full, key=lambda a: a.level)
        if "echo" in synthetic:
            add(echo_text(top, lang), q, lang, prompt, full, bare, anchors, style="rubric_echo", author="",
                level=ECHO_LEVEL, y=scale.norm(ECHO_LEVEL), group=gi, pos=-1, synthetic="echo")
        # an on-topic answer to ANOTHER question is off-topic here (a real, well-rated one)
        others = [i for i in range(n_real) if rows[i].lang == lang and rows[i].qid != q.id and rows[i].level >= 3
                  and rows[i].style != "off_topic"]
        if "off_topic" in synthetic and others:
            src = others[(gi * 7919) % len(others)]
            add(rows[src].text, q, lang, prompt, full, bare, anchors, style="off_topic", author="",
                level=1.0, y=0.0, group=gi, pos=-1, synthetic="off_topic", source=src)
    if log:
        log(f"{n_real} exemplars from {len({r.qid for r in rows})} questions (+{len(rows) - n_real} synthetic)")
    return Dataset(rows, groups, names)


# --- cross-validation -----------------------------------------------------------------------------

def _predict(model: S.SuggestModel, test: S.TrainingSet, n_words: Sequence[int],
             texts: Sequence[str] | None = None) -> list[tuple]:
    """The same decisions as suggest_level, on a batch of feature rows (levels on the 1-5 scale)."""
    scale = S.Scale(1, 5)
    rep = [F.repetition(t) for t in texts] if texts is not None else [0.0] * len(n_words)
    return [(None, 0.0, S.REASON_TOO_SHORT) if n < S.MIN_WORDS else
            (None, 0.0, S.REASON_REPETITIVE) if r >= S.REPETITIVE_SHARE else
            (None if level is None else float(scale.level(level)), conf, reason)
            for n, r, (level, conf, reason) in zip(n_words, rep, model.decide(test.x))]


def _fold(data: Dataset, train_idx: list[int], test_idx: list[int], test_variants: Sequence[str]) -> dict:
    from threadpoolctl import threadpool_limits

    train_set = set(train_idx)
    with threadpool_limits(1):
        train, _ = data.matrices([*train_idx, *data.synthetic_for(train_idx)], TRAIN_VARIANTS,
                                 allowed=train_set.__contains__)
        model = S.fit_model(train, data.names, inner_splits=3)
        out = {}
        for v in test_variants:
            test, src = data.matrices(test_idx, (v,), allowed=train_set.__contains__)
            n_words = [data.rows[i].base["full"].cues.n_words for i in src]
            out[v] = list(zip(src, _predict(model, test, n_words, [data.rows[i].text for i in src])))
    return out


def cross_validate(data: Dataset, by: str, test_variants: Sequence[str] = ("full",),
                   n_jobs: int | None = None) -> dict[str, list[Outcome]]:
    """Hold out every value of `by` ("qid", "style" or "author") in turn; the held-out rows are
    never trained on, never used as exemplar inputs, and calibration is nested inside training."""
    from joblib import Parallel, delayed

    real = data.real
    keys = sorted({getattr(data.rows[i], by) for i in real})
    folds = [([i for i in real if getattr(data.rows[i], by) != k], [i for i in real if getattr(data.rows[i], by) == k])
             for k in keys]
    folds = [(tr, te) for tr, te in folds if tr and te and len({data.rows[i].qid for i in tr}) >= 3]
    jobs = n_jobs or min(2, os.cpu_count() or 1)
    results = Parallel(n_jobs=jobs)(delayed(_fold)(data, tr, te, test_variants) for tr, te in folds)
    sims = np.array([r.baseline_sim for r in data.rows])
    base = dict(zip(real, baseline_levels(sims[real], [(1.0, 5.0)] * len(real))))
    out: dict[str, list[Outcome]] = {}
    for v in test_variants:
        outcomes = []
        for res in results:
            for i, (pred, conf, reason) in res[v]:
                r = data.rows[i]
                outcomes.append(Outcome(r.level, pred, conf, reason, base[i], (1.0, 5.0), r.lang, r.kind, r.style))
        out[v] = outcomes
    return out


SCHEMES = {
    # unseen question, anchors only (with / without indicator lists)
    "loqo": ("qid", ("full", "bare")),
    # unseen answer style / unseen author, on known questions: other authors' or styles' exemplars as input
    "loso": ("style", ("full_ex",)),
    "loao": ("author", ("full_ex",)),
}


def cross_validate_all(data: Dataset, schemes: Sequence[str] = tuple(SCHEMES)) -> dict:
    out: dict[str, Any] = {}
    for name in schemes:
        by, variants = SCHEMES[name]
        res = cross_validate(data, by, variants)
        for v, outcomes in res.items():
            label = name if v in ("full", "full_ex") else f"{name}_{v}"
            out[label] = breakdown(outcomes)
    return out


# --- banks as training data ----------------------------------------------------------------------------

def load_training_bank(roots: Sequence[Path]) -> tuple[Bank, list[str]]:
    """Interview banks under `roots`, skipping (and naming) every file that has an error, so a
    file someone is still writing never blocks training on the others."""
    from screening.banks import merge_banks, parse_bank_text
    from screening.framework import Framework, load_framework

    roots = [Path(r) for r in roots]
    fw_path = next((r / "framework.yaml" for r in roots if (r / "framework.yaml").exists()), None)
    framework = load_framework(fw_path) if fw_path else Framework((), (), ())
    banks: list[Bank] = []
    skipped: list[str] = []
    for root in roots:
        for path in sorted(root.glob("interview/*.yaml")):
            bank, errors = parse_bank_text(path.read_text(encoding="utf-8"), path.name, framework)
            if fw_path is None:  # no taxonomy to check skill ids against
                errors = [e for e in errors if e.field != "skills"]
            if errors:
                skipped.append(f"{path}: {len(errors)} error(s), first: {errors[0]}")
            else:
                banks.append(bank)
    merge_errors: list = []
    bank = merge_banks(banks, merge_errors)
    skipped.extend(str(e) for e in merge_errors)
    return bank, skipped
