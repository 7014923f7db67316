"""The suggested-level model: what it holds, how feature rows and answer vectors become scores, loading
and saving it (a joblib file plus the rated exemplars' vectors as float16 .npy beside it), and whether
the committed model is still the one the banks' exemplars would train.

Scores only: which of them decline a suggestion is decided in predict.py, in one place."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from screening import REPO_DIR
from screening.banks import SPENT_DIRS, STYLES
from screening.suggest.criteria import CRITERIA_DIR, Detectors, load_sentences, sentences_hash
from screening.suggest.features import FEATURE_NAMES, FEATURE_VERSION
from screening.suggest.meaning import ExemplarIndex

if TYPE_CHECKING:
    from screening.banks import Bank, InterviewQuestion

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "suggest_model.joblib"
META_FILE = "suggest_model.meta.json"
EXEMPLARS_FILE = "suggest_exemplars.npy"
SPENT_ROOT = REPO_DIR / "question_banks"  # where the spent check sets are (banks.SPENT_DIRS)

# answer styles the bank labels that weigh against a level (blame, "we" not "I", over-promising, hypothetical
# talk, no result...) and those of good answers: a style head on the answer's vector gives their probability
WEAK_STYLES = ("blaming", "we_not_i", "over_promising", "hypothetical", "no_result", "off_topic", "rubric_echo",
               "vague", "generic", "policy_shield", "borrowed_story")
GOOD_STYLES = ("plain_strong", "star_complete", "terse", "second_language")
HEAD_NAMES = ("h_level", *(f"p_{s}" for s in WEAK_STYLES), "p_good")
OFFTOPIC_KEYS = ("prompt_sim", "prompt_best", "a_mean_top", "a_best_top", "a_cover_top", "ex_max", "domain",
                 "p_off_topic", "customer", "life")


class ModelMissingError(RuntimeError):
    pass


@dataclass
class Heads:
    """Learnt from the bank's exemplars, on the answer's vector alone: a level (ridge) and the answer style
    (multinomial logistic), the per-criterion evidence the level learner weighs."""

    level: Any
    style: Any

    def __call__(self, vecs: np.ndarray) -> np.ndarray:
        p = self.style.predict_proba(vecs)
        cls = list(self.style.classes_)
        weak = [p[:, cls.index(s)] if s in cls else np.zeros(len(vecs)) for s in WEAK_STYLES]
        good = p[:, [cls.index(s) for s in GOOD_STYLES if s in cls]].sum(axis=1)
        return np.column_stack([self.level.predict(vecs), *weak, good])


@dataclass
class SuggestModel:
    feature_names: list[str]
    regressors: list[Any]
    cuts: dict[str, np.ndarray]  # per question kind: cut-points on the raw prediction
    heads: Heads
    offtopic_model: Any
    offtopic_threshold: float
    domain_threshold: float
    index: ExemplarIndex
    detectors: Detectors
    meta: dict = field(default_factory=dict)
    second_stage: Any = None  # on the spent check sets' answers (train.fit_on_answers); None: the learners' mean
    answer_styles: Any = None  # the spent check sets' answer styles, read by the second stage (train.fit_on_answers)

    @property
    def names(self) -> list[str]:
        return [*self.feature_names, *HEAD_NAMES]

    def full(self, x: np.ndarray, vecs: np.ndarray) -> np.ndarray:
        return np.column_stack([x, self.heads(vecs)])

    def raw_level(self, f: np.ndarray, vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The level before the cut-points (the second stage's, when there is one) and the learners' spread."""
        raw, spread = ensemble(self.regressors, f)
        if self.second_stage is not None:
            styles = style_probabilities(self.answer_styles, vecs, f) if self.answer_styles is not None else None
            raw = self.second_stage.predict(second_stage_matrix(raw, f, self.names, styles))
        return raw, spread

    def scores(self, x: np.ndarray, vecs: np.ndarray, kinds: Sequence[str]
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per row: normalised level (0-1), agreement of the learners (1 = same), probability it is off-topic."""
        f = self.full(x, vecs)
        raw, spread = self.raw_level(f, vecs)
        level = calibrate_kinds(raw, kinds, self.cuts)
        p_off = self.offtopic_model.predict_proba(offtopic_matrix(f, self.names))[:, 1]
        return level, np.clip(1.0 - 2.0 * spread, 0.0, 1.0), p_off


# --- from feature rows to the learners' inputs and back ---------------------------------------

def calibrate(raw: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """Monotone piecewise-linear map putting cut-point k at the midpoint between levels k and k+1."""
    c = np.asarray(cuts, dtype=float)
    lo, hi = c[0] - max(c[1] - c[0], 1e-3), c[-1] + max(c[-1] - c[-2], 1e-3)
    xs = np.concatenate([[lo], c, [hi]])
    mids = (np.arange(len(c)) + 0.5) / len(c)
    ys = np.concatenate([[mids[0] - 1 / len(c)], mids, [mids[-1] + 1 / len(c)]])
    return np.clip(np.interp(raw, xs, ys), 0.0, 1.0)


def calibrate_kinds(raw: np.ndarray, kinds: Sequence[str], cuts: dict[str, np.ndarray]) -> np.ndarray:
    """Each row through its question kind's cut-points (a kind never seen in training: the pooled ones)."""
    out = np.zeros(len(raw))
    k = np.asarray(kinds)
    for kind in set(k.tolist()):
        m = k == kind
        out[m] = calibrate(raw[m], cuts.get(kind, cuts["all"]))
    return out


def ensemble(regs: Sequence[Any], x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and spread of the learners, each clipped to the 0-1 range (a linear model extrapolates)."""
    preds = np.clip(np.column_stack([r.predict(x) for r in regs]), -0.05, 1.05)
    return preds.mean(axis=1), preds.std(axis=1)


def second_stage_matrix(raw: np.ndarray, f: np.ndarray, names: list[str], styles: np.ndarray | None = None
                        ) -> np.ndarray:
    """The second stage's inputs: the learners' mean, the heads' outputs (level, answer styles) and, when given,
    the probabilities of each answer style learnt from the spent check sets (`style_probabilities`)."""
    cols = [raw, f[:, [names.index(h) for h in HEAD_NAMES]]]
    return np.column_stack(cols if styles is None else [*cols, styles])


def style_probabilities(classifier: Any, vecs: np.ndarray, f: np.ndarray) -> np.ndarray:
    """Per answer, the probability of each of `STYLES` (in that order; 0 for a style the classifier never saw),
    from a classifier on the answer's vector and its feature row."""
    p = classifier.predict_proba(np.column_stack([vecs, f]))
    out = np.zeros((len(f), len(STYLES)))
    out[:, [STYLES.index(c) for c in classifier.classes_]] = p
    return out


def offtopic_matrix(f: np.ndarray, names: list[str]) -> np.ndarray:
    return f[:, [names.index(k) for k in OFFTOPIC_KEYS]]


# --- loading and saving -----------------------------------------------------------------------

@cache
def load_model(model_dir: Path = MODEL_DIR) -> SuggestModel:
    """The model in `model_dir`, once per process; ModelMissingError when absent or built on other features."""
    import joblib

    path = Path(model_dir) / MODEL_FILE
    vec_path = Path(model_dir) / EXEMPLARS_FILE
    if not path.exists() or not vec_path.exists():
        raise ModelMissingError(f"no suggestion model at {path}; run `screening model train`")
    payload = joblib.load(path)  # imports scikit-learn's tree code, and with it the OpenMP runtime
    _one_openmp_thread()
    if payload.get("feature_names") != list(FEATURE_NAMES):
        raise ModelMissingError(f"the model at {path} was trained on other features; run `screening model train`")
    meta_path = Path(model_dir) / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    ix, det = payload["index"], payload["detectors"]
    index = ExemplarIndex(np.load(vec_path).astype(np.float32), np.asarray(ix["levels"]), np.asarray(ix["kinds"]),
                          np.asarray(ix["prompt_keys"]), np.asarray(ix["text_keys"]))
    return SuggestModel(payload["feature_names"], payload["regressors"],
                        {k: np.asarray(v) for k, v in payload["cuts"].items()},
                        Heads(payload["level_head"], payload["style_head"]), payload["offtopic_model"],
                        payload["offtopic_threshold"], payload["domain_threshold"], index,
                        Detectors(np.asarray(det["weights"]), np.asarray(det["bias"])), meta,
                        payload.get("second_stage"), payload.get("answer_styles"))


def _one_openmp_thread() -> None:
    """The trees predict a few answers at a time. With OpenMP's pool and numpy's BLAS pool both sized to the
    cores, the threads one pool leaves spinning took the cores from the other's, and one 150-word suggestion
    took 110-150 ms instead of 25-35 ms on two cores. One OpenMP thread, for the whole process."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="openmp")


def save_model(model: SuggestModel, meta: dict, out_dir: Path = MODEL_DIR) -> None:
    import joblib

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ix = model.index
    joblib.dump({"feature_names": model.feature_names, "regressors": model.regressors,
                 "cuts": {k: np.asarray(v) for k, v in model.cuts.items()},
                 "level_head": model.heads.level, "style_head": model.heads.style,
                 "offtopic_model": model.offtopic_model, "offtopic_threshold": model.offtopic_threshold,
                 "domain_threshold": model.domain_threshold, "second_stage": model.second_stage,
                 "answer_styles": model.answer_styles,
                 "detectors": {"weights": model.detectors.weights, "bias": model.detectors.bias},
                 "index": {"levels": ix.levels, "kinds": ix.kinds, "prompt_keys": ix.prompt_keys,
                           "text_keys": ix.text_keys}},
                out / MODEL_FILE, compress=3)
    np.save(out / EXEMPLARS_FILE, ix.vecs.astype(np.float16))
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    load_model.cache_clear()


# --- freshness: was the committed model trained on these exemplars? -----------------------------

def training_questions(bank: Bank) -> list[InterviewQuestion]:
    return sorted((q for q in bank.questions if q.anchors and q.exemplars), key=lambda q: q.id)


def spent_sets_hashes(root: Path | None = None) -> list[str]:
    """The frozen hashes of the spent check sets the second stage and the cut-points are fitted on (those present
    under `root`)."""
    root = SPENT_ROOT if root is None else root
    return [(root / name / "FROZEN.sha256").read_text(encoding="utf-8").strip() for name in SPENT_DIRS
            if (root / name / "FROZEN.sha256").is_file()]


def training_hash(bank: Bank) -> str:
    """sha256 of the exemplars used (with the prompt, kind and anchors they are scored against), of the
    labelled sentences the criterion detectors learn from and of the spent check sets the second stage and the
    cut-points come from."""
    data = [{"id": q.id, "kind": q.kind, "prompt": [q.prompt.en, q.prompt.fr],
             "anchors": [[a.level, a.text.en, a.text.fr, list(a.indicators.en), list(a.indicators.fr)]
                         for a in q.anchors],
             "exemplars": sorted([e.id, e.language, e.level, list(e.ratings), e.style, e.author, e.text]
                                for e in q.exemplars)}
            for q in training_questions(bank)]
    blob = json.dumps({"feature_version": FEATURE_VERSION, "questions": data,
                       "criteria": sentences_hash(load_sentences(CRITERIA_DIR)), "spent": spent_sets_hashes()},
                      ensure_ascii=False,
                      sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def model_is_stale(bank: Bank, model_dir: Path = MODEL_DIR) -> bool:
    meta_path = Path(model_dir) / META_FILE
    if not (Path(model_dir) / MODEL_FILE).exists() or not meta_path.exists():
        return True
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return meta.get("training_hash") != training_hash(bank) or meta.get("feature_version") != FEATURE_VERSION
