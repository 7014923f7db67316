"""The feature vector of one answer, always RELATIVE to the question's anchors and rated exemplars.

Nothing here depends on a vocabulary learnt in training: the TF-IDF spaces are fitted per
question at prediction time (prompt + anchors [+ exemplars] + answer), and the cues come from
fixed EN/FR lexicons. A learner trained on these features can therefore score a question it has
never seen, on any rating scale (levels are normalised to 0-1 inside and mapped back).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from screening.suggest.cues import (
    Cues,
    cues,
    distinct_actions,
    fold,
    indicator_matched,
    stem,
    stems,
    topic_cues,
    words,
)
from screening.suggest.lexicons import STAR_PARTS, STOP

FEATURE_VERSION = 10  # bump when a feature changes meaning: the trained model becomes stale
N_LEVELS = 5  # the banks' 1-5 scale: cut-points are learnt there, in normalised space


# --- what a question gives: anchors, exemplars, its scale --------------------------------

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


@dataclass(frozen=True)
class AnchorDoc:
    level: float  # normalised 0-1
    text: str
    indicators: tuple[str, ...]

    @property
    def doc(self) -> str:
        return " ".join([self.text, *self.indicators])


def anchor_docs(anchors: Sequence[AnchorSpec], scale: Scale) -> list[AnchorDoc]:
    return [AnchorDoc(scale.norm(a.level), a.text, tuple(a.indicators)) for a in anchors]


# --- similarity ------------------------------------------------------------------

def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, preprocessor=fold,
                           min_df=1, dtype=np.float32)
    word = TfidfVectorizer(analyzer="word", tokenizer=lambda t: [stem(w) for w in words(t) if w not in STOP],
                           preprocessor=None, lowercase=False, token_pattern=None, ngram_range=(1, 2),
                           sublinear_tf=True, dtype=np.float32)
    return char, word


def similarity_matrix(docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarity between all docs, in a char n-gram and a word-stem space fitted on these docs only."""
    out = []
    for vec in _vectorizers():
        try:
            x = vec.fit_transform(list(docs))
            out.append(np.asarray((x @ x.T).todense(), dtype=float))
        except ValueError:  # empty vocabulary (e.g. only stop words)
            out.append(np.zeros((len(docs), len(docs))))
    return out[0], out[1]


_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")


def sentence_sims(answer: str, fit_docs: Sequence[str], targets: Sequence[str]) -> np.ndarray:
    """Per target, the best similarity of any one sentence of the answer (what is proposed, wherever it is said)."""
    sentences = [t for t in _SENTENCE.split(answer) if len(t.split()) >= 3] or [answer]
    out = np.zeros(len(targets))
    for vec in _vectorizers():
        try:
            vec.fit([*fit_docs, *targets])
        except ValueError:
            continue
        sims = vec.transform(sentences) @ vec.transform(list(targets)).T
        out += 0.5 * np.asarray(sims.todense()).max(axis=0).ravel()
    return out


def exemplar_sims(answer: str, prompt: str, anchors: Sequence[AnchorDoc], texts: Sequence[str]) -> np.ndarray:
    """Similarity of the answer to each exemplar, fitted on prompt + anchors + exemplars + answer."""
    if not texts:
        return np.zeros(0)
    sc, sw = similarity_matrix([answer, prompt, *[a.doc for a in anchors], *texts])
    k = 2 + len(anchors)
    return 0.5 * (sc[0, k:] + sw[0, k:])


def _softmax_level(sims: np.ndarray, levels: np.ndarray, temp: float) -> float:
    if sims.size == 0:
        return 0.5
    w = np.exp((sims - sims.max()) / temp)
    return float((w * levels).sum() / w.sum())


# --- the feature vector -------------------------------------------------------------

@dataclass(frozen=True)
class BaseFeatures:
    """Everything that depends on the answer, prompt and anchors (not on exemplars)."""

    values: dict[str, float]
    anchor_sims: np.ndarray  # combined char+word similarity per anchor
    indicators_matched: tuple[str, ...]
    cues: Cues


def base_features(answer: str, *, prompt: str, kind: str, language: str,
                  anchors: Sequence[AnchorDoc]) -> BaseFeatures:
    c = cues(answer, language)
    n = max(c.n_words, 1)
    per100 = 100.0 / max(n, 30)
    lv = np.array([a.level for a in anchors], dtype=float)
    docs = [answer, prompt, *[a.doc for a in anchors]]
    sc, sw = similarity_matrix(docs)
    a_c, a_w = sc[0, 2:], sw[0, 2:]
    a_s = 0.5 * (a_c + a_w)
    top, bot = int(np.argmax(lv)), int(np.argmin(lv))
    s_s = sentence_sims(answer, [answer, prompt], [a.doc for a in anchors])
    mid = int(np.argmin(np.abs(lv - 0.5)))
    slope = float(np.polyfit(lv, a_s, 1)[0]) if len(set(lv.tolist())) >= 2 else 0.0

    ans_stems = stems(answer)
    cov = np.zeros(len(anchors))
    matched: list[str] = []
    for k in sorted(range(len(anchors)), key=lambda k: -anchors[k].level):
        hits = [i for i in anchors[k].indicators if indicator_matched(i, ans_stems)]
        matched.extend(hits)
        cov[k] = len(hits) / len(anchors[k].indicators) if anchors[k].indicators else 0.0
    cov_level = float((cov * lv).sum() / cov.sum()) if cov.sum() > 0 else 0.5

    rubric_stems = set().union(*(stems(a.doc) for a in anchors)) if anchors else set()
    echo_share = len(ans_stems & rubric_stems) / max(len(ans_stems), 1)
    prompt_share = len(ans_stems & stems(prompt)) / max(len(ans_stems), 1)
    concrete = (c.own_past + c.numbers + c.speech + c.names + c.star["result"]) * per100
    concrete_n = 1.0 - math.exp(-concrete / 8.0)
    star_n = len(c.star_parts) / 4.0
    past = c.past_score * per100
    hyp = c.hypothetical * per100
    generic = c.generic * per100
    behavioural = 1.0 if kind == "behavioural" else 0.0
    past_share = c.past_score / (c.past_score + c.hypothetical + 0.5 * c.generic + 1e-6)
    own = c.own_past + 0.5 * c.own_any
    others_share = c.others_fail / (c.others_fail + own + 1.0)

    v = {
        "sim_top_c": a_c[top], "sim_top_w": a_w[top], "sim_bot_c": a_c[bot], "sim_bot_w": a_w[bot],
        "sim_mid": a_s[mid], "sim_max": float(a_s.max()), "sim_top_minus_bot": a_s[top] - a_s[bot],
        "sim_top_rel": a_s[top] / (a_s.max() + 1e-6), "sim_slope": slope,
        "sim_level_c": _softmax_level(a_c, lv, 0.02), "sim_level_w": _softmax_level(a_w, lv, 0.02),
        "closest_level": float(lv[int(np.argmax(a_s))]),
        "sent_level": _softmax_level(s_s, lv, 0.02), "sent_top": s_s[top], "sent_top_minus_bot": s_s[top] - s_s[bot],
        "sent_closest_level": float(lv[int(np.argmax(s_s))]),
        "sim_prompt_c": sc[0, 1], "sim_prompt_w": sw[0, 1],
        "cov_top": cov[top], "cov_bot": cov[bot], "cov_mid": cov[mid], "cov_level": cov_level,
        "cov_top_minus_bot": cov[top] - cov[bot], "cov_any": float(cov.sum() > 0),
        "echo_share": echo_share, "prompt_share": prompt_share,
        "echo_x_abstract": echo_share * (1.0 - concrete_n), "sim_top_x_abstract": a_w[top] * (1.0 - concrete_n),
        "log_words": math.log1p(n), "n_sentences": min(len(re.findall(r"[.!?]+", answer)) + 1, 30) / 10.0,
        "own_past": c.own_past * per100, "own_any": c.own_any * per100, "past": past, "hyp": hyp,
        "generic": generic, "past_share": past_share, "others_share": others_share,
        "others": c.others_fail * per100, "star_n": star_n,
        **{f"star_{p}": float(c.star[p] > 0) for p in STAR_PARTS},
        "numbers": c.numbers * per100, "units": c.units * per100, "speech": c.speech * per100,
        "names": c.names * per100, "sequence": c.sequence * per100, "hedge": c.hedge * per100,
        "concrete": concrete_n,
        "behavioural": behavioural, "behav_x_hyp": behavioural * (1.0 - past_share),
        "behav_x_past": behavioural * past_share, "behav_x_star": behavioural * star_n,
        "situ_x_cov_level": (1.0 - behavioural) * cov_level,
        "past_example": float(c.past_example),
        "has_ind": float(any(a.indicators for a in anchors)), "n_anchors": min(len(anchors), 7) / 7.0,
        **topic_cues(answer, language, per100),
        "rubric_cov": len(ans_stems & rubric_stems) / max(len(rubric_stems), 1),
        "n_actions": min(distinct_actions(answer, language), 10) / 10.0,
    }
    return BaseFeatures({k: float(x) for k, x in v.items()}, a_s, tuple(matched), c)


EXEMPLAR_KEYS = ("ex_has", "ex_knn_level", "ex_top1_level", "ex_top_sim", "ex_rel_sim", "ex_minus_anchor")


def exemplar_features(sims: np.ndarray, levels: np.ndarray, base: BaseFeatures) -> dict[str, float]:
    """kNN-style features from the answer's similarity to rated exemplars (normalised levels)."""
    fallback = base.values["sim_level_c"]
    if sims.size == 0:
        return {"ex_has": 0.0, "ex_knn_level": fallback, "ex_top1_level": base.values["closest_level"],
                "ex_top_sim": 0.0, "ex_rel_sim": 0.0, "ex_minus_anchor": 0.0}
    knn = _softmax_level(sims, levels, 0.03)
    top = int(np.argmax(sims))
    return {"ex_has": 1.0, "ex_knn_level": knn, "ex_top1_level": float(levels[top]),
            "ex_top_sim": float(sims[top]), "ex_rel_sim": float(sims[top] - base.values["sim_max"]),
            "ex_minus_anchor": knn - fallback}


def feature_names(base: BaseFeatures) -> list[str]:
    return [*base.values.keys(), *EXEMPLAR_KEYS]


def vector(base: BaseFeatures, ex: dict[str, float]) -> list[float]:
    return [*base.values.values(), *(ex[k] for k in EXEMPLAR_KEYS)]


def current_feature_names() -> list[str]:
    """The names, in order, that a model must have been trained on to be used with this code."""
    probe = base_features("probe", prompt="probe", kind="behavioural", language="en",
                          anchors=[AnchorDoc(0.0, "probe", ())])
    return feature_names(probe)
