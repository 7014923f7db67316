"""`screening model sets-out`: each spent set is scored by a second stage fitted on the other sets alone, through
the product's own path. Three spent sets keep it quick; the command runs on all of them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from screening import cli
from screening.banks import STYLES
from screening.suggest import check_set, sets_out
from screening.suggest import model as model_module
from screening.suggest.check_set import outcomes, spent_sets
from screening.suggest.evaluate import EvalLine, summarise
from screening.suggest.model import HEAD_NAMES, SuggestModel, load_model
from screening.suggest.train import SECOND_STAGE_ALPHAS, RatedAnswers, fit_stage, rated_answers

NAMES = ("recheck", "recheck2", "recheck3")


@pytest.fixture(scope="module")
def three_sets() -> dict[str, list[EvalLine]]:
    every = spent_sets()
    return {name: every[name] for name in NAMES}


@pytest.fixture(scope="module")
def model() -> SuggestModel:
    return load_model()


@pytest.fixture(scope="module")
def left_out(model, three_sets) -> tuple[dict[str, Any], list[set[str]]]:
    """The three sets left out in turn, with the sets each fold's second stage was fitted on."""
    seen: list[set[str]] = []

    def recording(d: RatedAnswers, names, style_cs):  # type: ignore[no-untyped-def]
        seen.append(set(d.group.tolist()))
        return fit_stage(d, names, style_cs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sets_out, "fit_stage", recording)
        return sets_out.sets_left_out(model, three_sets), seen


def test_each_fold_is_fitted_on_the_other_sets_alone(left_out):
    result, seen = left_out
    assert seen == [{"recheck2", "recheck3"}, {"recheck", "recheck3"}, {"recheck", "recheck2"}]
    assert {name: r["answers"] for name, r in result["sets"].items()} == {name: 128 for name in NAMES}
    assert result["overall"]["n"] == 384 and result["with_styles"] is True
    assert "qwk_95ci" in result["overall"] and "style_mean_error" in result


def test_a_left_out_set_is_scored_as_a_model_fitted_without_it_would_score_it(model, three_sets, left_out):
    others = {name: lines for name, lines in three_sets.items() if name != "recheck2"}
    fit = fit_stage(rated_answers(model, others), model.names)
    alone = summarise(outcomes(three_sets["recheck2"], fit.into(model)))
    got = left_out[0]["sets"]["recheck2"]
    assert (got["style_c"], got["alpha"]) == (fit.style_c, fit.alpha)
    assert got["qwk"] == alone["qwk"] and got["qwk_declines_at_midpoint"] == alone["all_lines"]["qwk"]
    assert got["declined"] == alone["n"] - alone["answered"]


def test_without_styles_the_stage_reads_no_style_classifier(model, three_sets):
    answers = rated_answers(model, three_sets)
    rest = answers.without("recheck3")  # every other answer, in order
    keep = answers.group != "recheck3"
    assert len(rest.y) == 256 and set(rest.group.tolist()) == {"recheck", "recheck2"}
    assert (rest.vecs == answers.vecs[keep]).all() and (rest.styles == answers.styles[keep]).all()
    fit = fit_stage(rest, model.names, ())
    assert fit.style_c is None and fit.answer_styles is None and fit.into(model).answer_styles is None
    assert set(fit.loso_qwk) == {(None, a) for a in SECOND_STAGE_ALPHAS}
    assert fit.second_stage[-1].coef_.shape == (1 + len(HEAD_NAMES),)  # the learners' mean and the heads
    assert model.second_stage[-1].coef_.shape == (1 + len(HEAD_NAMES) + len(STYLES),)
    result = sets_out.sets_left_out(model, three_sets, with_styles=False)
    assert result["with_styles"] is False and {r["style_c"] for r in result["sets"].values()} == {None}


def test_the_command_prints_the_report_and_says_plainly_when_there_is_no_model(monkeypatch, capsys, three_sets):
    monkeypatch.setattr(check_set, "spent_sets", lambda: three_sets)
    assert cli.main(["model", "sets-out", "--without-styles"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["with_styles"] is False and list(printed["sets"]) == list(NAMES)
    assert printed["overall"]["n"] == 384

    def missing() -> SuggestModel:
        raise model_module.ModelMissingError("no suggestion model at /nowhere; run `screening model train`")

    monkeypatch.setattr(model_module, "load_model", missing)
    assert cli.main(["model", "sets-out"]) == 1
    assert capsys.readouterr().err == "error: no suggestion model at /nowhere; run `screening model train`\n"
