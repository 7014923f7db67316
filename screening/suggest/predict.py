"""Suggested level for a free-text interview answer (design, "Scoring, end to end", item 3).

The rater rates first; this only proposes a level, a confidence and the evidence behind it.
When the answer is too short, repetitive, off-topic or the model is unsure, the level is None
and `reason` says why, so the person rates without a nudge. `decide` is the one place these
rules live: the product (`suggest_level`, `suggest_for_question`), score-eval and
cross-validation all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from screening.suggest.cues import cues, repetition
from screening.suggest.features import (
    AnchorSpec,
    ExemplarSpec,
    Scale,
    anchor_docs,
    base_features,
    exemplar_features,
    exemplar_sims,
    vector,
)
from screening.suggest.model import ModelMissingError, SuggestModel, load_model

if TYPE_CHECKING:
    from screening.banks import InterviewQuestion

__all__ = ["AnchorSpec", "Decision", "Evidence", "ExemplarSpec", "ModelMissingError", "Suggestion", "decide",
           "suggest_for_question", "suggest_level"]

MIN_WORDS = 12
REPETITIVE_SHARE = 0.3  # share of repeated word 5-grams (cues.repetition) from which an answer is declined;
# a passage pasted twice is ~0.5, bank exemplars stay under 0.02

REASON_TOO_SHORT = "too_short"
REASON_OFF_TOPIC = "off_topic"
REASON_UNSURE = "low_confidence"
REASON_NO_ANCHORS = "no_anchors"
REASON_REPETITIVE = "repetitive"


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


@dataclass(frozen=True)
class Decision:
    level: float | None  # normalised 0-1; None when declined
    confidence: float
    reason: str | None


# --- the decline pipeline --------------------------------------------------------------------

def text_decline(answer: str) -> str | None:
    """The rules that need no model: too short to judge, or one passage pasted again and again."""
    if len(answer.split()) < MIN_WORDS:
        return REASON_TOO_SHORT
    if repetition(answer) >= REPETITIVE_SHARE:  # no level, whatever it says
        return REASON_REPETITIVE
    return None


def decide(answers: Sequence[str], rows: Callable[[list[int]], np.ndarray],
           model: Callable[[], SuggestModel]) -> list[Decision]:
    """Per answer: too short, repetitive, off-topic or unsure (in that order) declines; otherwise a level.
    `rows(indices)` gives the feature rows of the answers that reach the model, and `model()` the model:
    neither is asked for when every answer is declined on its text alone."""
    out: dict[int, Decision] = {}
    todo: list[int] = []
    for k, answer in enumerate(answers):
        reason = text_decline(answer)
        if reason is None:
            todo.append(k)
        else:
            out[k] = Decision(None, 0.0, reason)
    if todo:
        m = model()
        level, conf, p_off = m.scores(rows(todo))
        for j, k in enumerate(todo):
            if p_off[j] >= m.offtopic_threshold:
                out[k] = Decision(None, float(conf[j]), REASON_OFF_TOPIC)
            elif conf[j] < m.conf_threshold:
                out[k] = Decision(None, float(conf[j]), REASON_UNSURE)
            else:
                out[k] = Decision(float(level[j]), float(conf[j]), None)
    return [out[k] for k in range(len(answers))]


# --- one answer --------------------------------------------------------------------------------

def suggest_level(answer: str, *, prompt: str, kind: str, language: str, anchors: Sequence[AnchorSpec],
                  exemplars: Sequence[ExemplarSpec] = (), scale: tuple[float, float] = (1, 5),
                  model: SuggestModel | None = None) -> Suggestion:
    """Propose a level for `answer` on `scale`, or None with a reason when it should not nudge."""
    sc = Scale(float(scale[0]), float(scale[1]))
    if not anchors:
        cue = cues(answer, language)
        return Suggestion(None, 0.0, REASON_NO_ANCHORS, Evidence((), cue.star_parts, cue.past_example,
                                                                 cue.ownership, None))
    docs = anchor_docs(anchors, sc)
    base = base_features(answer, prompt=prompt, kind=kind, language=language, anchors=docs)
    cue = base.cues
    closest = anchors[int(np.argmax(base.anchor_sims))].level
    evidence = Evidence(base.indicators_matched, cue.star_parts, cue.past_example, cue.ownership, closest)

    def row(_: list[int]) -> np.ndarray:
        sims = exemplar_sims(answer, prompt, docs, [e.text for e in exemplars])
        ex = exemplar_features(sims, np.array([sc.norm(e.level) for e in exemplars]), base)
        return np.array([vector(base, ex)], dtype=float)

    d = decide([answer], row, lambda: model or load_model())[0]
    return Suggestion(None if d.level is None else sc.level(d.level), round(d.confidence, 3), d.reason, evidence)


def specs_for_question(question: InterviewQuestion, language: str) -> tuple[list[AnchorSpec], list[ExemplarSpec]]:
    anchors = [AnchorSpec(a.level, a.text.get(language), tuple(a.indicators.get(language))) for a in question.anchors]
    exemplars = [ExemplarSpec(e.level, e.text) for e in question.exemplars_in(language)]
    return anchors, exemplars


def suggest_for_question(question: InterviewQuestion, answer: str, language: str) -> Suggestion:
    anchors, exemplars = specs_for_question(question, language)
    return suggest_level(answer, prompt=question.prompt.get(language), kind=question.kind, language=language,
                         anchors=anchors, exemplars=exemplars)
