"""Suggested level for a free-text interview answer (design, "Scoring, end to end", item 3).

The rater rates first; this only proposes a level, a confidence and the evidence behind it. When the
answer is too short, repetitive, off-topic (and the level would give it credit), not about the work at all, or
the sentence embedder cannot be loaded, the level is None and `reason` says why, so the person rates without a
nudge; an off-topic answer already at the lowest level keeps it, with `note` saying why. `suggest_levels`
is the one place these rules live: the product (`suggest_level`, `suggest_for_question`), score-eval, the
check set and cross-validation all go through it, one embedder call per batch.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from screening.suggest.cues import cues, repetition
from screening.suggest.embedder import Embedder, EmbedderMissingError, get_embedder
from screening.suggest.features import (
    AnchorSpec,
    ExemplarSpec,
    Question,
    Row,
    Scale,
    anchor_docs,
    feature_row,
    indicators_matched,
)
from screening.suggest.meaning import Embedded, embed_texts
from screening.suggest.model import ModelMissingError, SuggestModel, load_model

if TYPE_CHECKING:
    from screening.banks import InterviewQuestion

__all__ = ["NOTE_OFF_TOPIC", "AnchorSpec", "Decision", "Evidence", "ExemplarSpec", "Item", "ModelMissingError",
           "Suggestion", "decide", "suggest_for_question", "suggest_level", "suggest_levels"]

log = logging.getLogger(__name__)

MIN_WORDS = 12
REPETITIVE_SHARE = 0.3  # share of repeated word 5-grams (cues.repetition) from which an answer is declined;
# a passage pasted twice is ~0.5, bank exemplars stay under 0.02

REASON_TOO_SHORT = "too_short"
REASON_OFF_TOPIC = "off_topic"
REASON_OUT_OF_DOMAIN = "out_of_domain"
REASON_NO_ANCHORS = "no_anchors"
REASON_REPETITIVE = "repetitive"
REASON_NO_EMBEDDER = "no_embedder"
NOTE_OFF_TOPIC = "off_topic"  # a lowest level given to an answer that seems to address another question


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
    reason: str | None  # why there is no level
    evidence: Evidence
    note: str | None = None  # said beside a level: NOTE_OFF_TOPIC


@dataclass(frozen=True)
class Item:
    """One answer to suggest a level for, with its question."""

    answer: str
    prompt: str
    kind: str
    language: str
    anchors: tuple[AnchorSpec, ...]
    exemplars: tuple[ExemplarSpec, ...] = ()
    scale: tuple[float, float] = (1, 5)


def text_decline(answer: str) -> str | None:
    """The rules that need no model: too short to judge, or one passage pasted again and again."""
    if len(answer.split()) < MIN_WORDS:
        return REASON_TOO_SHORT
    if repetition(answer) >= REPETITIVE_SHARE:  # no level, whatever it says
        return REASON_REPETITIVE
    return None


@dataclass(frozen=True)
class Decision:
    level: float | None  # normalised 0-1; None when declined
    confidence: float
    reason: str | None
    note: str | None = None


def decide(model: SuggestModel, x: np.ndarray, vecs: np.ndarray, kinds: Sequence[str],
           scales: Sequence[Scale] | None = None) -> list[Decision]:
    """Feature rows (and answer vectors) that passed the text rules: out of domain, off-topic or a level.

    An answer the off-topic classifier flags is declined only when its level would give it credit (above the
    lowest step of its scale): the two readings disagree, and the level is not to be trusted. When the level is
    already the lowest, both say what raters give an answer to another question, so the level stands, with a
    note saying why. On the nine spent check sets each of the 14 answers the off-topic rule caught was at the
    lowest level already and rated 1 by both raters; declining them (counted at the midpoint) only lowered
    agreement, the reason the low-confidence decline was removed."""
    level, conf, p_off = model.scores(x, vecs, kinds)
    domain = x[:, model.feature_names.index("domain")]
    out = []
    for j in range(len(x)):
        sc = scales[j] if scales is not None else Scale(1, 5)
        off_topic = bool(p_off[j] >= model.offtopic_threshold)
        if domain[j] < model.domain_threshold:
            out.append(Decision(None, float(conf[j]), REASON_OUT_OF_DOMAIN))
        elif off_topic and sc.level(float(level[j])) != sc.low:
            out.append(Decision(None, float(conf[j]), REASON_OFF_TOPIC))
        else:
            out.append(Decision(float(level[j]), float(conf[j]), None, NOTE_OFF_TOPIC if off_topic else None))
    return out


def _question(item: Item) -> Question:
    """The item's question as the featuriser reads it (anchors and own exemplars on the 0-1 scale)."""
    sc = Scale(float(item.scale[0]), float(item.scale[1]))
    own = tuple(ExemplarSpec(sc.norm(e.level), e.text) for e in item.exemplars)
    return Question(item.prompt, item.kind, item.language, anchor_docs(item.anchors, sc), own)


def featurise(items: Sequence[Item], model: SuggestModel, embedder: Embedder | None = None
              ) -> tuple[list[Question], list[Embedded], list[Row]]:
    """Each item's question, its answer embedded (every answer in ONE embedder call) and its feature row
    against that question; EmbedderMissingError when the embedder cannot load."""
    vecs = embed_texts([it.answer for it in items], embedder or get_embedder())
    questions = [_question(it) for it in items]
    rows = [feature_row(it.answer, v, q, model.index, model.detectors, embedder)
            for it, v, q in zip(items, vecs, questions, strict=True)]
    return questions, vecs, rows


def suggest_levels(items: Sequence[Item], model: SuggestModel | None = None,
                   embedder: Embedder | None = None) -> list[Suggestion]:
    """Suggestions for many answers: every answer with anchors embedded in ONE call, featurised and scored
    together (an answer the text rules decline keeps its reason, with its closest anchor as evidence).
    Declines, in order: no anchors, too short, repetitive, no embedder, not about the work (out of domain),
    off the question (off-topic)."""
    out: dict[int, Suggestion] = {}
    evid: dict[int, Evidence] = {}
    declined: dict[int, str] = {}
    for k, it in enumerate(items):
        c = cues(it.answer, it.language)
        matched = indicators_matched(it.answer, anchor_docs(it.anchors, Scale(*it.scale))) if it.anchors else ()
        evid[k] = Evidence(matched, c.star_parts, c.past_example, c.ownership, None)
        if not it.anchors:
            out[k] = Suggestion(None, 0.0, REASON_NO_ANCHORS, evid[k])
        elif reason := text_decline(it.answer):
            declined[k] = reason
    # answers declined on their text alone are still embedded: the closest anchor is shown as evidence
    todo = [k for k in range(len(items)) if k not in out]
    if not todo:
        return [out[k] for k in range(len(items))]
    m = model or load_model()
    try:
        questions, vecs, rows = featurise([items[k] for k in todo], m, embedder)
    except EmbedderMissingError:
        log.exception("sentence embedder unavailable: suggestions declined")
        for k in todo:
            out[k] = Suggestion(None, 0.0, declined.get(k, REASON_NO_EMBEDDER), evid[k])
        return [out[k] for k in range(len(items))]
    x = np.array([r.values for r in rows])
    scales = [Scale(float(items[k].scale[0]), float(items[k].scale[1])) for k in todo]
    decisions = decide(m, x, np.stack([v.mean for v in vecs]), [q.kind for q in questions], scales)
    for j, k in enumerate(todo):
        q, sc = questions[j], scales[j]
        closest = sc.level(q.anchors[int(np.argmax(rows[j].anchor_sims))].level)
        ev = Evidence(evid[k].indicators_matched, evid[k].star_parts, evid[k].past_example, evid[k].ownership,
                      closest)
        d = decisions[j]
        if k in declined:
            out[k] = Suggestion(None, 0.0, declined[k], ev)
        else:
            out[k] = Suggestion(None if d.level is None else sc.level(d.level), round(d.confidence, 3), d.reason, ev,
                                d.note)
    return [out[k] for k in range(len(items))]


def suggest_level(answer: str, *, prompt: str, kind: str, language: str, anchors: Sequence[AnchorSpec],
                  exemplars: Sequence[ExemplarSpec] = (), scale: tuple[float, float] = (1, 5),
                  model: SuggestModel | None = None, embedder: Embedder | None = None) -> Suggestion:
    """Propose a level for `answer` on `scale`, or None with a reason when it should not nudge."""
    item = Item(answer, prompt, kind, language, tuple(anchors), tuple(exemplars), scale)
    return suggest_levels([item], model, embedder)[0]


def specs_for_question(question: InterviewQuestion, language: str) -> tuple[list[AnchorSpec], list[ExemplarSpec]]:
    anchors = [AnchorSpec(a.level, a.text.get(language), tuple(a.indicators.get(language))) for a in question.anchors]
    exemplars = [ExemplarSpec(e.level, e.text) for e in question.exemplars_in(language)]
    return anchors, exemplars


def suggest_for_question(question: InterviewQuestion, answer: str, language: str) -> Suggestion:
    anchors, exemplars = specs_for_question(question, language)
    return suggest_level(answer, prompt=question.prompt.get(language), kind=question.kind, language=language,
                         anchors=anchors, exemplars=exemplars)
