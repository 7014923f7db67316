"""The feature row of one answer, always RELATIVE to its question: what the answer means against what
the anchors and the bank's rated exemplars mean (meaning.py), plus text cues read with the fixed EN/FR
lexicons (cues.py). Nothing depends on how long the anchors or the prompt are, or on the form the anchors
were written in (a paragraph or a sentence plus indicators give the same pieces). A learner trained on
these rows scores a question it has never seen, on any rating scale (levels are normalised to 0-1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from screening.suggest.criteria import FEATURE_KEYS as CRITERION_KEYS
from screening.suggest.criteria import Detectors, criterion_features
from screening.suggest.cues import cues, distinct_actions, indicator_matched, stems, topic_cues
from screening.suggest.embedder import Embedder
from screening.suggest.lexicons import STAR_PARTS
from screening.suggest.meaning import (
    AnchorSpace,
    Embedded,
    ExemplarIndex,
    TextCache,
    anchor_features,
    anchor_space,
    domain_similarity,
    embed_texts,
    exemplar_features,
)

FEATURE_VERSION = 13  # bump when a feature changes meaning: the trained model becomes stale
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


def anchor_docs(anchors: Sequence[AnchorSpec], scale: Scale) -> tuple[AnchorDoc, ...]:
    return tuple(AnchorDoc(scale.norm(a.level), a.text, tuple(a.indicators)) for a in anchors)


@dataclass(frozen=True)
class Question:
    """Everything about the question an answer is scored against (levels normalised 0-1)."""

    prompt: str
    kind: str
    language: str
    anchors: tuple[AnchorDoc, ...]
    exemplars: tuple[ExemplarSpec, ...] = ()  # the question's own rated answers, levels normalised

    def space(self, embedder: Embedder | None = None) -> AnchorSpace:
        return anchor_space(tuple(a.level for a in self.anchors), tuple(a.text for a in self.anchors),
                            tuple(a.indicators for a in self.anchors), self.prompt, embedder)


OWN_EXEMPLARS = TextCache(256)


def own_exemplars(exemplars: tuple[ExemplarSpec, ...], index: ExemplarIndex, embedder: Embedder | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """A question's own rated exemplars as vectors, once per process: the shipped vector when the bank holds
    the text, embedded otherwise."""
    def build() -> tuple[np.ndarray, np.ndarray]:
        vecs = index.vectors_of([e.text for e in exemplars])
        missing = [k for k, v in enumerate(vecs) if v is None]
        if missing:
            for k, e in zip(missing, embed_texts([exemplars[k].text for k in missing], embedder), strict=True):
                vecs[k] = e.mean
        return np.stack([v for v in vecs if v is not None]), np.array([e.level for e in exemplars], dtype=float)

    return OWN_EXEMPLARS.get(exemplars, build)


# --- text cues ----------------------------------------------------------------------------

CUE_KEYS = ("own_past", "own_any", "past", "hyp", "generic", "past_share", "others_share", "others", "star_n",
            *(f"star_{p}" for p in STAR_PARTS), "numbers", "speech", "names", "sequence", "hedge", "concrete",
            "behavioural", "behav_x_past", "n_actions", "customer", "nominal_rate", "mean_word_len", "deflect",
            "self_promo", "systemic", "life")


def cue_features(answer: str, language: str, kind: str) -> dict[str, float]:
    """Rates per 100 words and shares: how much of the answer is a past example of one's own, hypothetical or
    generic talk, blame of others, STAR parts, concrete detail (numbers, names, reported speech)."""
    c = cues(answer, language)
    per100 = 100.0 / max(c.n_words, 30)
    past_share = c.past_score / (c.past_score + c.hypothetical + 0.5 * c.generic + 1e-6)
    own = c.own_past + 0.5 * c.own_any
    concrete = (c.own_past + c.numbers + c.speech + c.names + c.star["result"]) * per100
    behavioural = 1.0 if kind == "behavioural" else 0.0
    v = {"own_past": c.own_past * per100, "own_any": c.own_any * per100, "past": c.past_score * per100,
         "hyp": c.hypothetical * per100, "generic": c.generic * per100, "past_share": past_share,
         "others_share": c.others_fail / (c.others_fail + own + 1.0), "others": c.others_fail * per100,
         "star_n": len(c.star_parts) / 4.0, **{f"star_{p}": float(c.star[p] > 0) for p in STAR_PARTS},
         "numbers": c.numbers * per100, "speech": c.speech * per100, "names": c.names * per100,
         "sequence": c.sequence * per100, "hedge": c.hedge * per100, "concrete": 1.0 - math.exp(-concrete / 8.0),
         "behavioural": behavioural, "behav_x_past": behavioural * past_share,
         "n_actions": min(distinct_actions(answer, language), 10) / 10.0,
         **topic_cues(answer, language, per100)}
    return {k: float(v[k]) for k in CUE_KEYS}


def indicators_matched(answer: str, anchors: Sequence[AnchorDoc]) -> tuple[str, ...]:
    """The anchors' indicators the answer's words match (highest level first): evidence shown to the
    rater, not a feature of the level (a keyword match is not meaning)."""
    ans = stems(answer)
    return tuple(i for a in sorted(anchors, key=lambda a: -a.level) for i in a.indicators if indicator_matched(i, ans))


# --- the row ----------------------------------------------------------------------------------

ANCHOR_KEYS = ("prompt_sim", "prompt_best",
               *(f"a_{n}_{s}" for n in ("mean", "best", "cover") for s in ("top", "bot", "mid", "gap", "level",
                                                                           "closest")))
EXEMPLAR_KEYS = ("ex_knn_level", "ex_max", "ex_band_0.0", "ex_band_0.2", "ex_band_0.6", "ex_band_0.8",
                 "ex_band_gap", "domain")
FEATURE_NAMES = (*ANCHOR_KEYS, *EXEMPLAR_KEYS, *CUE_KEYS, *CRITERION_KEYS)


@dataclass(frozen=True)
class Row:
    values: np.ndarray  # in FEATURE_NAMES order
    anchor_sims: np.ndarray  # per anchor, for the closest anchor shown as evidence


def feature_row(answer: str, emb: Embedded, question: Question, index: ExemplarIndex, detectors: Detectors,
                embedder: Embedder | None = None) -> Row:
    """The answer's features. The exemplar memory leaves out the question's own exemplars when it knows
    them by prompt (a bank question) and adds those the caller passes (so a question is scored with its own
    exemplars in the product, and without them in training, as an unseen question would be)."""
    space = question.space(embedder)
    anchors, sims = anchor_features(emb, space)
    keep = index.pool(question.kind, question.prompt)
    own = own_exemplars(question.exemplars, index, embedder) if question.exemplars else None
    v = {**anchors, **exemplar_features(emb, index, keep, own),
         "domain": domain_similarity(emb, index, index.others(question.prompt), space),
         **cue_features(answer, question.language, question.kind), **criterion_features(emb.sents, detectors)}
    return Row(np.array([v[k] for k in FEATURE_NAMES], dtype=float), sims)
