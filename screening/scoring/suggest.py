"""Suggested level for a free-text interview answer (design, "Scoring, end to end", item 3).

The rater rates first; this only proposes a level, a confidence and the evidence behind
it. When the answer is too short, off-topic or the model is unsure, the level is None and
`reason` says why, so the person rates without a nudge.

The learner sees only features RELATIVE to the question's anchors (and exemplars when
given), computed in TF-IDF spaces fitted per question at prediction time: it scores
questions it was never trained on, in EN and FR, on any rating scale (levels are
normalised to 0-1 inside and mapped back).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from screening.scoring import features as F

if TYPE_CHECKING:
    from screening.banks import Bank, InterviewQuestion

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "suggest_model.joblib"
META_FILE = "suggest_model.meta.json"
MIN_WORDS = 12
N_LEVELS = 5  # the banks' 1-5 scale: cut-points are learnt there, in normalised space
DECLINE_UNSURE_SHARE = 0.08  # share of held-out answers the confidence threshold declines

REASON_TOO_SHORT = "too_short"
REASON_OFF_TOPIC = "off_topic"
REASON_UNSURE = "low_confidence"
REASON_NO_ANCHORS = "no_anchors"
REASON_REPETITIVE = "repetitive"
REPETITIVE_SHARE = 0.3  # share of repeated word 5-grams (features.repetition) from which an answer is declined;
# a passage pasted twice is ~0.5, bank exemplars stay under 0.02


# --- public values ---------------------------------------------------------------

@dataclass(frozen=True)
class AnchorSpec:
    level: float
    text: str
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExemplarSpec:
    level: float
    text: str


@dataclass(frozen=True)
class Evidence:
    indicators_matched: tuple[str, ...]
    star_parts: tuple[str, ...]
    past_example: bool
    ownership: str  # "own" | "others" | "mixed" | "unclear"
    closest_anchor: float | None


@dataclass(frozen=True)
class Suggestion:
    level: int | float | None
    confidence: float
    reason: str | None
    evidence: Evidence


# --- question context: features of one answer ---------------------------------------

@dataclass(frozen=True)
class Scale:
    low: float
    high: float

    def norm(self, level: float) -> float:
        return (float(level) - self.low) / (self.high - self.low)

    @property
    def step(self) -> float:
        span = self.high - self.low
        return 1.0 if span >= 2 else span / (N_LEVELS - 1)

    def level(self, normalised: float) -> int | float:
        value = self.low + min(max(normalised, 0.0), 1.0) * (self.high - self.low)
        stepped = self.low + math.floor((value - self.low) / self.step + 0.5) * self.step
        whole = float(self.low).is_integer() and float(self.high).is_integer() and self.step == 1.0
        return round(stepped) if whole else round(stepped, 6)

    def denorm(self, normalised: float) -> float:
        return self.low + normalised * (self.high - self.low)


def anchor_docs(anchors: Sequence[AnchorSpec], scale: Scale) -> list[F.AnchorDoc]:
    return [F.AnchorDoc(scale.norm(a.level), a.text, tuple(a.indicators)) for a in anchors]


def exemplar_sims(answer: str, prompt: str, anchors: Sequence[F.AnchorDoc], texts: Sequence[str]) -> np.ndarray:
    """Similarity of the answer to each exemplar, fitted on prompt + anchors + exemplars + answer."""
    if not texts:
        return np.zeros(0)
    sc, sw = F.similarity_matrix([answer, prompt, *[a.doc for a in anchors], *texts])
    k = 2 + len(anchors)
    return 0.5 * (sc[0, k:] + sw[0, k:])


# --- the model -------------------------------------------------------------------------

# the learner never sees raw length: a long answer is not a better one. Content is measured as rates
# and as distinct actions (capped), so a short, dense, real answer is not pushed down.
LENGTH_KEYS = ("log_words", "n_sentences")
OFFTOPIC_KEYS = ("has_ind", "sim_max", "sim_top_c", "sim_top_w", "sim_prompt_c", "sim_prompt_w", "echo_share",
                 "prompt_share", "cov_any", "log_words", "ex_has", "ex_top_sim", "ex_rel_sim", "customer",
                 "past_share", "own_any", "deflect", "self_promo", "systemic", "life", "rubric_cov")
# topic cues only for the off-topic decline, not for the level: an on-topic answer's level does not hang on them
OFFTOPIC_ONLY_KEYS = ("deflect", "self_promo", "systemic", "life", "rubric_cov")
OFFTOPIC_FALSE_ALARMS = 0.03  # share of held-out on-topic answers the off-topic threshold may decline


@dataclass
class SuggestModel:
    feature_names: list[str]
    regressors: list[Any]
    cuts: np.ndarray  # (2, N_LEVELS - 1) cut-points on the raw prediction: anchors without / with indicators
    conf_model: Any
    conf_threshold: float
    offtopic_model: Any
    offtopic_threshold: float = 0.5
    offtopic_keys: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)

    def raw(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return ensemble(self.regressors, regression_matrix(x, self.feature_names))

    def calibrated(self, x: np.ndarray, raw: np.ndarray) -> np.ndarray:
        return calibrate_rows(raw, has_indicators(x, self.feature_names), self.cuts)

    def offtopic(self, x: np.ndarray) -> np.ndarray:
        return self.offtopic_model.predict_proba(offtopic_matrix(x, self.feature_names, self.offtopic_keys))[:, 1]

    def confidence(self, x: np.ndarray, raw: np.ndarray, spread: np.ndarray, p_off: np.ndarray) -> np.ndarray:
        cal = self.calibrated(x, raw)
        return self.conf_model.predict_proba(confidence_matrix(x, self.feature_names, cal, spread, p_off))[:, 1]

    def decide(self, x: np.ndarray) -> list[tuple[float | None, float, str | None]]:
        """Per feature row: (normalised level or None, confidence, reason when declined)."""
        raw, spread = self.raw(x)
        p_off = self.offtopic(x)
        conf = self.confidence(x, raw, spread, p_off)
        cal = self.calibrated(x, raw)
        out: list[tuple[float | None, float, str | None]] = []
        for k in range(len(raw)):
            if p_off[k] >= self.offtopic_threshold:
                out.append((None, float(conf[k]), REASON_OFF_TOPIC))
            elif conf[k] < self.conf_threshold:
                out.append((None, float(conf[k]), REASON_UNSURE))
            else:
                out.append((float(cal[k]), float(conf[k]), None))
        return out


def calibrate(raw: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """Monotone piecewise-linear map putting cut-point k at the midpoint between levels k and k+1."""
    c = np.asarray(cuts, dtype=float)
    lo, hi = c[0] - max(c[1] - c[0], 1e-3), c[-1] + max(c[-1] - c[-2], 1e-3)
    xs = np.concatenate([[lo], c, [hi]])
    mids = (np.arange(len(c)) + 0.5) / len(c)
    ys = np.concatenate([[mids[0] - 1 / len(c)], mids, [mids[-1] + 1 / len(c)]])
    return np.clip(np.interp(raw, xs, ys), 0.0, 1.0)


def ensemble(regs: Sequence[Any], x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and spread of the learners, each clipped to the 0-1 range (a linear model extrapolates)."""
    preds = np.clip(np.column_stack([r.predict(x) for r in regs]), -0.05, 1.05)
    return preds.mean(axis=1), preds.std(axis=1)


def has_indicators(x: np.ndarray, names: list[str]) -> np.ndarray:
    return x[:, names.index("has_ind")] > 0.5


def calibrate_rows(raw: np.ndarray, has_ind: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    c = np.atleast_2d(cuts)
    return np.where(has_ind, calibrate(raw, c[-1]), calibrate(raw, c[0]))


def regression_matrix(x: np.ndarray, names: list[str]) -> np.ndarray:
    return x[:, [j for j, k in enumerate(names) if k not in LENGTH_KEYS and k not in OFFTOPIC_ONLY_KEYS]]


def offtopic_matrix(x: np.ndarray, names: list[str], keys: Sequence[str] = ()) -> np.ndarray:
    return x[:, [names.index(k) for k in keys or OFFTOPIC_KEYS]]


def confidence_matrix(x: np.ndarray, names: list[str], cal: np.ndarray, spread: np.ndarray,
                      p_off: np.ndarray) -> np.ndarray:
    scaled = cal * (N_LEVELS - 1)
    margin = np.abs(scaled - np.round(scaled))  # 0 = on a level, 0.5 = on a cut-point
    cols = [names.index(k) for k in ("ex_has", "log_words", "sim_max", "past_share", "star_n", "concrete")]
    return np.column_stack([margin, spread, p_off, cal, cal * (1 - cal), x[:, cols]])


GB_PARAMS = {"max_iter": 100, "learning_rate": 0.08, "max_leaf_nodes": 8, "min_samples_leaf": 20,
             "l2_regularization": 1.0}
RIDGE_ALPHA = 30.0
LEARNERS = ("gb", "ridge")


def _regressors() -> list[Any]:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    regs = [HistGradientBoostingRegressor(**GB_PARAMS, random_state=0),
            make_pipeline(StandardScaler(), Ridge(alpha=RIDGE_ALPHA))]
    return [r for r, name in zip(regs, ("gb", "ridge")) if name in LEARNERS]


def fit_regressors(x: np.ndarray, y: np.ndarray) -> list[Any]:
    regs = _regressors()
    for r in regs:
        r.fit(x, y)
    return regs


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


def fit_model(train: TrainingSet, names: list[str], inner_splits: int = 4) -> SuggestModel:
    """Fit the regressors on `train`; learn cut-points and the confidence model on held-out
    predictions from an inner split by question (never on predictions for training rows)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def offtopic_model(x: np.ndarray, y: np.ndarray) -> Any:
        if not y.any():  # nothing to learn from: a model that never fires
            x, y = np.vstack([x, np.zeros((1, x.shape[1]))]), np.concatenate([y, [True]])
        return make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=500)).fit(x, y)

    off_x = offtopic_matrix(train.x, names)
    n_groups = len(set(train.groups.tolist()))
    raw_oof = np.zeros(len(train.y))
    spread_oof = np.zeros(len(train.y))
    p_off = np.zeros(len(train.y))
    reg_x = regression_matrix(train.x, names)
    for tr, te in GroupKFold(n_splits=min(inner_splits, n_groups)).split(train.x, train.y, train.groups):
        raw_oof[te], spread_oof[te] = ensemble(fit_regressors(reg_x[tr], train.y[tr]), reg_x[te])
        p_off[te] = offtopic_model(off_x[tr], train.offtopic[tr]).predict_proba(off_x[te])[:, 1]
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
                        offtopic_model(off_x, train.offtopic), off_threshold, OFFTOPIC_KEYS)


# --- prediction ----------------------------------------------------------------------------

def suggest_level(answer: str, *, prompt: str, kind: str, language: str, anchors: Sequence[AnchorSpec],
                  exemplars: Sequence[ExemplarSpec] = (), scale: tuple[float, float] = (1, 5),
                  model: SuggestModel | None = None) -> Suggestion:
    """Propose a level for `answer` on `scale`, or None with a reason when it should not nudge."""
    sc = Scale(float(scale[0]), float(scale[1]))
    cue = F.cues(answer, language)
    if not anchors:
        return Suggestion(None, 0.0, REASON_NO_ANCHORS, Evidence((), cue.star_parts, cue.past_example,
                                                                 cue.ownership, None))
    docs = anchor_docs(anchors, sc)
    base = F.base_features(answer, prompt=prompt, kind=kind, language=language, anchors=docs)
    closest = anchors[int(np.argmax(base.anchor_sims))].level
    evidence = Evidence(base.indicators_matched, cue.star_parts, cue.past_example, cue.ownership, closest)
    if cue.n_words < MIN_WORDS:
        return Suggestion(None, 0.0, REASON_TOO_SHORT, evidence)
    if F.repetition(answer) >= REPETITIVE_SHARE:  # one story pasted again and again: no level, whatever it says
        return Suggestion(None, 0.0, REASON_REPETITIVE, evidence)
    m = model or load_model()
    sims = exemplar_sims(answer, prompt, docs, [e.text for e in exemplars])
    ex = F.exemplar_features(sims, np.array([sc.norm(e.level) for e in exemplars]), base)
    level, conf, reason = m.decide(np.array([F.vector(base, ex)], dtype=float))[0]
    return Suggestion(None if level is None else sc.level(level), round(conf, 3), reason, evidence)


def specs_for_question(question: InterviewQuestion, language: str) -> tuple[list[AnchorSpec], list[ExemplarSpec]]:
    anchors = [AnchorSpec(a.level, a.text.get(language), tuple(a.indicators.get(language))) for a in question.anchors]
    exemplars = [ExemplarSpec(e.level, e.text) for e in question.exemplars_in(language)]
    return anchors, exemplars


def suggest_for_question(question: InterviewQuestion, answer: str, language: str) -> Suggestion:
    anchors, exemplars = specs_for_question(question, language)
    return suggest_level(answer, prompt=question.prompt.get(language), kind=question.kind, language=language,
                         anchors=anchors, exemplars=exemplars)


# --- persistence ------------------------------------------------------------------------------

class ModelMissingError(RuntimeError):
    pass


@cache
def load_model(model_dir: Path = MODEL_DIR) -> SuggestModel:
    import joblib

    path = Path(model_dir) / MODEL_FILE
    if not path.exists():
        raise ModelMissingError(f"no suggestion model at {path}; run `screening model train`")
    payload = joblib.load(path)
    if payload.get("feature_names") != current_feature_names():
        raise ModelMissingError(f"the model at {path} was trained on other features; run `screening model train`")
    meta_path = Path(model_dir) / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return SuggestModel(payload["feature_names"], payload["regressors"], np.asarray(payload["cuts"]),
                        payload["conf_model"], payload["conf_threshold"], payload["offtopic_model"],
                        payload["offtopic_threshold"], tuple(payload["offtopic_keys"]), meta)


def current_feature_names() -> list[str]:
    probe = F.base_features("probe", prompt="probe", kind="behavioural", language="en",
                            anchors=[F.AnchorDoc(0.0, "probe", ())])
    return F.feature_names(probe)


def training_questions(bank: Bank) -> list[InterviewQuestion]:
    return sorted((q for q in bank.questions if q.anchors and q.exemplars), key=lambda q: q.id)


def training_hash(bank: Bank) -> str:
    """sha256 of the exemplars used (with the prompt, kind and anchors they are scored against)."""
    data = [{"id": q.id, "kind": q.kind, "prompt": [q.prompt.en, q.prompt.fr],
             "anchors": [[a.level, a.text.en, a.text.fr, list(a.indicators.en), list(a.indicators.fr)]
                         for a in q.anchors],
             "exemplars": sorted([e.id, e.language, e.level, e.style, e.author, e.text] for e in q.exemplars)}
            for q in training_questions(bank)]
    blob = json.dumps({"feature_version": F.FEATURE_VERSION, "questions": data}, ensure_ascii=False,
                      sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def train_model(bank: Bank, out_dir: Path = MODEL_DIR, *, cv: bool = True,
                log: Callable[[str], None] | None = None) -> dict:
    """Train on every exemplar in `bank`, write the model and its meta JSON, return the meta."""
    import joblib
    import sklearn

    from screening.scoring import evaluation

    log = log or (lambda _msg: None)
    data = evaluation.build_dataset(bank, log=log)
    if not data.rows:
        raise ValueError("no exemplars to train on")
    train, _ = data.matrices(range(len(data.rows)), variants=evaluation.TRAIN_VARIANTS)
    real = data.real
    log(f"fitting on {len(real)} exemplars ({len(train.y)} feature rows)")
    model = fit_model(train, data.names, inner_splits=5)
    meta: dict[str, Any] = {
        "training_hash": training_hash(bank), "feature_version": F.FEATURE_VERSION,
        "sklearn_version": sklearn.__version__, "n_exemplars": len(real),
        "n_questions": len({data.rows[i].qid for i in real}), "n_synthetic": len(data.rows) - len(real),
        "per_language": {lang: sum(data.rows[i].lang == lang for i in real) for lang in ("en", "fr")},
        "cuts": {"without_indicators": [round(float(c), 4) for c in model.cuts[0]],
                 "with_indicators": [round(float(c), 4) for c in model.cuts[1]]},
        "confidence_threshold": round(model.conf_threshold, 4), "min_words": MIN_WORDS,
    }
    if cv:
        log("cross-validating (leave one question / style / author out)")
        meta["cv"] = evaluation.cross_validate_all(data)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"feature_names": model.feature_names, "regressors": model.regressors, "cuts": model.cuts,
                 "conf_model": model.conf_model, "conf_threshold": model.conf_threshold,
                 "offtopic_model": model.offtopic_model, "offtopic_threshold": model.offtopic_threshold,
                 "offtopic_keys": list(model.offtopic_keys)},
                out / MODEL_FILE, compress=3)
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    load_model.cache_clear()
    return meta


def model_is_stale(bank: Bank, model_dir: Path = MODEL_DIR) -> bool:
    meta_path = Path(model_dir) / META_FILE
    if not (Path(model_dir) / MODEL_FILE).exists() or not meta_path.exists():
        return True
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return meta.get("training_hash") != training_hash(bank) or meta.get("feature_version") != F.FEATURE_VERSION
