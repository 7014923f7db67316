"""Leave one spent set out, nested: what fitting the second stage on rated answers is worth on a set it never saw.

The shipped second stage, its answer-style classifier, the two settings chosen for them and the cut-points are
all fitted on the spent check sets (`train.fit_stage`). Each set in turn is left out here: all of that is
fitted again on the other sets alone, exactly as training fits it, and the left-out set is scored through the
product's own path, declines included. The learners themselves are the shipped ones: they are trained on the
bank's exemplars and never read a check set, so nothing of the left-out set reaches the fold's model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from screening.suggest.check_set import outcomes, report
from screening.suggest.embedder import Embedder
from screening.suggest.evaluate import EvalLine, Outcome, summarise
from screening.suggest.model import SuggestModel
from screening.suggest.train import ANSWER_STYLE_CS, fit_stage, rated_answers


def sets_left_out(model: SuggestModel, sets: Mapping[str, Sequence[EvalLine]], *, with_styles: bool = True,
                  embedder: Embedder | None = None) -> dict[str, Any]:
    """Every set of `sets` scored by a second stage fitted on the others; per set, the settings its fold chose
    and its agreement; pooled, the report `check-set` gives. Without styles, the stage reads no style
    classifier (the second stage as it was before one was added)."""
    answers = rated_answers(model, sets, embedder)
    pooled: list[Outcome] = []
    per_set: dict[str, Any] = {}
    for name in sets:
        fit = fit_stage(answers.without(name), model.names, ANSWER_STYLE_CS if with_styles else ())
        outs = outcomes(sets[name], fit.into(model))
        pooled += outs
        summary = summarise(outs)
        per_set[name] = {"answers": len(outs), "style_c": fit.style_c, "alpha": fit.alpha,
                         "qwk": summary["qwk"], "qwk_declines_at_midpoint": summary["all_lines"]["qwk"],
                         "declined": summary["n"] - summary["answered"]}
    return {"with_styles": with_styles, "sets": per_set, **report(pooled)}
