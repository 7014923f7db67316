"""Training the suggested-level model on the banks' rated exemplars, and cross-validating it
(leave one question, answer style or author out). Held-out answers are predicted through
predict.decide, the same decline pipeline the product uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from screening.suggest.evaluate import Outcome, baseline_levels, baseline_similarity, breakdown, qwk
from screening.suggest.features import (
    FEATURE_VERSION,
    N_LEVELS,
    AnchorDoc,
    AnchorSpec,
    BaseFeatures,
    Scale,
    anchor_docs,
    base_features,
    exemplar_features,
    feature_names,
    similarity_matrix,
    vector,
)
from screening.suggest.model import (
    MODEL_DIR,
    OFFTOPIC_KEYS,
    SuggestModel,
    calibrate_rows,
    confidence_matrix,
    ensemble,
    has_indicators,
    offtopic_matrix,
    regression_matrix,
    save_model,
    training_hash,
    training_questions,
)
from screening.suggest.predict import MIN_WORDS, decide, specs_for_question

if TYPE_CHECKING:
    from screening.banks import Bank, InterviewQuestion

DECLINE_UNSURE_SHARE = 0.08  # share of held-out answers the confidence threshold declines
OFFTOPIC_FALSE_ALARMS = 0.03  # share of held-out on-topic answers the off-topic threshold may decline
GB_PARAMS = {"max_iter": 100, "learning_rate": 0.08, "max_leaf_nodes": 8, "min_samples_leaf": 20,
             "l2_regularization": 1.0}
RIDGE_ALPHA = 30.0
LEARNERS = ("gb", "ridge")
VARIANTS = ("full", "full_ex", "bare", "bare_ex")  # with/without indicators x with/without exemplars
TRAIN_VARIANTS = VARIANTS


# --- fitting ---------------------------------------------------------------------------------

def _regressors() -> list[Any]:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    regs = [HistGradientBoostingRegressor(**GB_PARAMS, random_state=0),
            make_pipeline(StandardScaler(), Ridge(alpha=RIDGE_ALPHA))]
    return [r for r, name in zip(regs, ("gb", "ridge"), strict=True) if name in LEARNERS]


def fit_regressors(x: np.ndarray, y: np.ndarray) -> list[Any]:
    regs = _regressors()
    for r in regs:
        r.fit(x, y)
    return regs


def fit_cuts(raw: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Cut-points on held-out raw predictions that maximise QWK against the human levels."""
    target = np.round(y * (N_LEVELS - 1)).astype(int)
    cuts = (np.arange(N_LEVELS - 1) + 0.5) / (N_LEVELS - 1)
    qs = np.quantile(raw, np.linspace(0.01, 0.99, 99))

    def score(c: np.ndarray) -> float:
        return qwk(target, np.searchsorted(np.sort(c), raw), N_LEVELS)

    best = score(cuts)
    for _ in range(3):
        for k in range(len(cuts)):
            lo = cuts[k - 1] if k > 0 else -np.inf
            hi = cuts[k + 1] if k < len(cuts) - 1 else np.inf
            for cand in qs[(qs > lo) & (qs < hi)]:
                trial = cuts.copy()
                trial[k] = cand
                s = score(trial)
                if s > best + 1e-9:
                    best, cuts = s, trial
    return cuts


@dataclass(frozen=True)
class TrainingSet:
    """Feature rows (each answer may appear in several input variants) with their groups."""

    x: np.ndarray
    y: np.ndarray  # normalised level 0-1
    groups: np.ndarray  # question id: the unit of every split
    offtopic: np.ndarray  # bool: written as an off-topic answer
    real: np.ndarray | None = None  # bool: a rated answer (calibration uses only these), not a synthetic one


def _offtopic_model(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if not y.any():  # nothing to learn from: a model that never fires
        x, y = np.vstack([x, np.zeros((1, x.shape[1]))]), np.concatenate([y, [True]])
    return make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=500)).fit(x, y)


def fit_model(train: TrainingSet, names: list[str], inner_splits: int = 4) -> SuggestModel:
    """Fit the regressors on `train`; learn cut-points and the confidence model on held-out
    predictions from an inner split by question (never on predictions for training rows)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    off_x = offtopic_matrix(train.x, names)
    n_groups = len(set(train.groups.tolist()))
    raw_oof = np.zeros(len(train.y))
    spread_oof = np.zeros(len(train.y))
    p_off = np.zeros(len(train.y))
    reg_x = regression_matrix(train.x, names)
    for tr, te in GroupKFold(n_splits=min(inner_splits, n_groups)).split(train.x, train.y, train.groups):
        raw_oof[te], spread_oof[te] = ensemble(fit_regressors(reg_x[tr], train.y[tr]), reg_x[te])
        p_off[te] = _offtopic_model(off_x[tr], train.offtopic[tr]).predict_proba(off_x[te])[:, 1]
    # calibrate on held-out predictions for rated answers only
    r = train.real if train.real is not None else np.ones(len(train.y), dtype=bool)
    # decline as off-topic only where held-out answers written on-topic almost never reach
    on_topic = p_off[r & ~train.offtopic]
    off_threshold = max(0.3, float(np.quantile(on_topic, 1 - OFFTOPIC_FALSE_ALARMS))) if on_topic.size else 0.5
    ind = has_indicators(train.x, names)
    # separate cut-points with and without indicator lists: the raw predictions spread differently
    cuts = np.array([fit_cuts(raw_oof[r & (ind == k)], train.y[r & (ind == k)]) if (r & (ind == k)).sum() >= 20
                     else fit_cuts(raw_oof[r], train.y[r]) for k in (False, True)])
    cal = calibrate_rows(raw_oof[r], ind[r], cuts)
    hit = np.round(cal * (N_LEVELS - 1)) == np.round(train.y[r] * (N_LEVELS - 1))
    conf = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=500))
    cx = confidence_matrix(train.x[r], names, cal, spread_oof[r], p_off[r])
    conf.fit(cx, hit)
    conf_oof = conf.predict_proba(cx)[:, 1]
    keep = p_off[r] < off_threshold
    threshold = float(np.quantile(conf_oof[keep], DECLINE_UNSURE_SHARE)) if keep.any() else 0.0
    return SuggestModel(names, fit_regressors(reg_x, train.y), cuts, conf, threshold,
                        _offtopic_model(off_x, train.offtopic), off_threshold, OFFTOPIC_KEYS)


# --- the training data set: bank exemplars as feature rows -------------------------------------

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
    base: dict[str, BaseFeatures]  # "full" (with indicators) and "bare" (anchor texts only)
    baseline_sim: float
    text: str = ""
    synthetic: str = ""  # "" for a bank exemplar; "echo" for a training-only row


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
                ex = exemplar_features(g.sims[row.pos, list(keep)], g.y[list(keep)], base)
            else:
                ex = exemplar_features(np.zeros(0), np.zeros(0), base)
            self._cache[key] = vector(base, ex)
        return self._cache[key]

    @property
    def real(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if not r.synthetic]

    def synthetic_for(self, real_idx: Iterable[int]) -> list[int]:
        """Synthetic rows usable beside these bank rows: those of their questions."""
        qids = {self.rows[i].qid for i in real_idx}
        return [i for i, r in enumerate(self.rows) if r.synthetic and r.qid in qids]

    def matrices(self, idx: Iterable[int], variants: Sequence[str] = ("full",),
                 allowed: Callable[[int], bool] | None = None) -> tuple[TrainingSet, list[int]]:
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
        return TrainingSet(np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(gs),
                           np.array(off, dtype=bool), np.array(real, dtype=bool)), src


ECHO_WRAP = {"en": ("In my experience, {}", "This is how I always work with customers."),
             "fr": ("Dans mon expérience, {}", "C'est toujours ainsi que je travaille avec les clients.")}
ECHO_LEVEL = 1.5  # the banks' rubric-echo answers are rated 1-2


def echo_text(anchor: AnchorDoc, lang: str) -> str:
    """A coached answer made of the top anchor's own words and no behaviour: trains the model that
    echoing the rubric is not evidence, whatever the question."""
    head, tail = ECHO_WRAP["fr" if lang == "fr" else "en"]
    body = " ".join([anchor.text, *(i.rstrip(".") + "." for i in anchor.indicators)])
    return " ".join([head.format(body[0].lower() + body[1:]), tail])


def build_dataset(bank: Bank, log: Callable[[str], None] | None = None) -> Dataset:
    """Every exemplar of every question with anchors, in EN and FR, plus one synthetic rubric-echo
    answer per question and language."""
    rows: list[Row] = []
    groups: list[Group] = []
    scale = Scale(1, 5)
    names: list[str] = []
    contexts: list[tuple[InterviewQuestion, str, str, list[AnchorDoc], list[AnchorDoc], list[AnchorSpec]]] = []

    def add(text: str, q: InterviewQuestion, lang: str, prompt: str, full: list[AnchorDoc], bare: list[AnchorDoc],
            anchors: list[AnchorSpec], **kw: Any) -> None:
        nonlocal names
        bases = {name: base_features(text, prompt=prompt, kind=q.kind, language=lang, anchors=docs)
                 for name, docs in (("full", full), ("bare", bare))}
        names = names or feature_names(bases["full"])
        rows.append(Row(qid=q.id, lang=lang, kind=q.kind, base=bases, text=text,
                        baseline_sim=baseline_similarity(text, [(a.level, a.text) for a in anchors]), **kw))

    for q in training_questions(bank):
        for lang in ("en", "fr"):
            exs = q.exemplars_in(lang)
            if not exs:
                continue
            anchors, _ = specs_for_question(q, lang)
            full = anchor_docs(anchors, scale)
            bare = [AnchorDoc(a.level, a.text, ()) for a in full]
            prompt = q.prompt.get(lang)
            sc, sw = similarity_matrix([prompt, *[a.doc for a in full], *[e.text for e in exs]])
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
        add(echo_text(top, lang), q, lang, prompt, full, bare, anchors, style="rubric_echo", author="",
            level=ECHO_LEVEL, y=scale.norm(ECHO_LEVEL), group=gi, pos=-1, synthetic="echo")
    if log:
        log(f"{n_real} exemplars from {len({r.qid for r in rows})} questions (+{len(rows) - n_real} synthetic)")
    return Dataset(rows, groups, names)


# --- training the shipped model ------------------------------------------------------------------

def train_model(bank: Bank, out_dir: Path = MODEL_DIR, *, cv: bool = True,
                log: Callable[[str], None] | None = None) -> dict:
    """Train on every exemplar in `bank`, write the model and its meta JSON, return the meta."""
    import sklearn

    say: Callable[[str], None] = log or (lambda _msg: None)
    data = build_dataset(bank, log=say)
    if not data.rows:
        raise ValueError("no exemplars to train on")
    train, _ = data.matrices(range(len(data.rows)), variants=TRAIN_VARIANTS)
    real = data.real
    say(f"fitting on {len(real)} exemplars ({len(train.y)} feature rows)")
    model = fit_model(train, data.names, inner_splits=5)
    meta: dict[str, Any] = {
        "training_hash": training_hash(bank), "feature_version": FEATURE_VERSION,
        "sklearn_version": sklearn.__version__, "n_exemplars": len(real),
        "n_questions": len({data.rows[i].qid for i in real}), "n_synthetic": len(data.rows) - len(real),
        "per_language": {lang: sum(data.rows[i].lang == lang for i in real) for lang in ("en", "fr")},
        "cuts": {"without_indicators": [round(float(c), 4) for c in model.cuts[0]],
                 "with_indicators": [round(float(c), 4) for c in model.cuts[1]]},
        "confidence_threshold": round(model.conf_threshold, 4), "min_words": MIN_WORDS,
    }
    if cv:
        say("cross-validating (leave one question / style / author out)")
        meta["cv"] = cross_validate_all(data)
    save_model(model, meta, Path(out_dir))
    return meta


# --- cross-validation -----------------------------------------------------------------------------

def _rows_of(x: np.ndarray) -> Callable[[list[int]], np.ndarray]:
    return lambda idx: x[idx]


def _fold(data: Dataset, train_idx: list[int], test_idx: list[int],
          test_variants: Sequence[str]) -> dict[str, list[tuple[int, tuple[float | None, float, str | None]]]]:
    from threadpoolctl import threadpool_limits

    train_set = set(train_idx)
    scale = Scale(1, 5)
    with threadpool_limits(1):
        train, _ = data.matrices([*train_idx, *data.synthetic_for(train_idx)], TRAIN_VARIANTS,
                                 allowed=train_set.__contains__)
        model = fit_model(train, data.names, inner_splits=3)
        out = {}
        for v in test_variants:
            test, src = data.matrices(test_idx, (v,), allowed=train_set.__contains__)
            decisions = decide([data.rows[i].text for i in src], _rows_of(test.x), lambda: model)
            out[v] = [(i, (None if d.level is None else float(scale.level(d.level)), d.confidence, d.reason))
                      for i, d in zip(src, decisions, strict=True)]
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
    base = dict(zip(real, baseline_levels(sims[real], [(1.0, 5.0)] * len(real)), strict=True))
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
