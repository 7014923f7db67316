"""The suggested-level model: what it holds, how a feature row becomes scores, loading and saving
it, and whether the committed model is still the one the banks' exemplars would train.

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

from screening.suggest.features import FEATURE_VERSION, N_LEVELS, current_feature_names

if TYPE_CHECKING:
    from screening.banks import Bank, InterviewQuestion

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "suggest_model.joblib"
META_FILE = "suggest_model.meta.json"

# the learner never sees raw length: a long answer is not a better one. Content is measured as rates
# and as distinct actions (capped), so a short, dense, real answer is not pushed down.
LENGTH_KEYS = ("log_words", "n_sentences")
OFFTOPIC_KEYS = ("has_ind", "sim_max", "sim_top_c", "sim_top_w", "sim_prompt_c", "sim_prompt_w", "echo_share",
                 "prompt_share", "cov_any", "log_words", "ex_has", "ex_top_sim", "ex_rel_sim", "customer",
                 "past_share", "own_any", "deflect", "self_promo", "systemic", "life", "rubric_cov")
# topic cues only for the off-topic decline, not for the level: an on-topic answer's level does not hang on them
OFFTOPIC_ONLY_KEYS = ("deflect", "self_promo", "systemic", "life", "rubric_cov")


class ModelMissingError(RuntimeError):
    pass


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

    def scores(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per feature row: normalised level (0-1), confidence that it is right, probability it is off-topic."""
        raw, spread = self.raw(x)
        p_off = self.offtopic(x)
        return self.calibrated(x, raw), self.confidence(x, raw, spread, p_off), p_off


# --- from feature rows to the learners' inputs and back ---------------------------------------

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


# --- loading and saving -----------------------------------------------------------------------

@cache
def load_model(model_dir: Path = MODEL_DIR) -> SuggestModel:
    """The model in `model_dir`, once per process; ModelMissingError when absent or built on other features."""
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


def save_model(model: SuggestModel, meta: dict, out_dir: Path = MODEL_DIR) -> None:
    import joblib

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"feature_names": model.feature_names, "regressors": model.regressors, "cuts": model.cuts,
                 "conf_model": model.conf_model, "conf_threshold": model.conf_threshold,
                 "offtopic_model": model.offtopic_model, "offtopic_threshold": model.offtopic_threshold,
                 "offtopic_keys": list(model.offtopic_keys)},
                out / MODEL_FILE, compress=3)
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    load_model.cache_clear()


# --- freshness: was the committed model trained on these exemplars? -----------------------------

def training_questions(bank: Bank) -> list[InterviewQuestion]:
    return sorted((q for q in bank.questions if q.anchors and q.exemplars), key=lambda q: q.id)


def training_hash(bank: Bank) -> str:
    """sha256 of the exemplars used (with the prompt, kind and anchors they are scored against)."""
    data = [{"id": q.id, "kind": q.kind, "prompt": [q.prompt.en, q.prompt.fr],
             "anchors": [[a.level, a.text.en, a.text.fr, list(a.indicators.en), list(a.indicators.fr)]
                         for a in q.anchors],
             "exemplars": sorted([e.id, e.language, e.level, e.style, e.author, e.text] for e in q.exemplars)}
            for q in training_questions(bank)]
    blob = json.dumps({"feature_version": FEATURE_VERSION, "questions": data}, ensure_ascii=False,
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
