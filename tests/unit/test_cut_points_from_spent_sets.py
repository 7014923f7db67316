"""The suggester's second stage and cut-points come from the spent check sets' rated answers, never from a sealed
set, and a change to a spent set makes the shipped model stale."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np

from screening import REPO_DIR
from screening.banks import HELD_OUT_DIRS, SPENT_DIRS, Bank, EvalAnswer, load_eval_set
from screening.suggest import model as model_module
from screening.suggest.check_set import spent_sets
from screening.suggest.model import ensemble, load_model, training_hash
from screening.suggest.train import SECOND_STAGE_ALPHAS, fit_on_answers, kind_cuts

ROOT = REPO_DIR / "question_banks"


def _answers(name: str) -> tuple[EvalAnswer, ...]:
    return load_eval_set(ROOT / name)[0].answers


def test_the_spent_sets_are_every_held_out_set_but_the_sealed_ones():
    assert set(HELD_OUT_DIRS) - set(SPENT_DIRS) == {"recheck8", "recheck9", "recheck10"}


def test_spent_sets_hold_every_rated_answer_of_each_spent_set_with_the_raters_mean():
    sets = spent_sets()
    assert list(sets) == list(SPENT_DIRS)
    assert {name: len(lines) for name, lines in sets.items()} == {"eval": 256, "recheck": 128, "recheck2": 128,
                                                                  "recheck3": 128, "recheck4": 128, "recheck5": 128,
                                                                  "recheck6": 128, "recheck7": 128}
    answers = {line.answer for lines in sets.values() for line in lines}
    assert not answers & {a.text for name in ("recheck8", "recheck9", "recheck10") for a in _answers(name)}
    assert {line.human for lines in sets.values() for line in lines} <= {1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0}


def test_the_shipped_second_stage_and_cut_points_are_the_ones_the_spent_answers_give():
    model = load_model()
    assert model.meta["cuts_fitted_on"] == "1152 answers of the spent check sets"
    again = fit_on_answers(model, spent_sets())
    assert again.n_answers == 1152  # none of the spent answers is too short or repetitive
    assert set(again.loso_qwk) == set(SECOND_STAGE_ALPHAS)
    assert again.alpha == model.meta["second_stage"]["alpha"] == max(again.loso_qwk, key=again.loso_qwk.__getitem__)
    assert set(again.cuts) == set(model.cuts) == {"all", "behavioural", "situational"}
    # 1e-3: the shipped exemplar memory is float16 (training used float32), and a cut-point is one of the
    # predictions' quantiles, so it moves with them by a few 1e-4
    for kind, cuts in again.cuts.items():
        np.testing.assert_allclose(cuts, model.cuts[kind], rtol=0, atol=1e-3)
    ridge = model.second_stage[-1]
    np.testing.assert_allclose(again.second_stage[-1].coef_, ridge.coef_, rtol=0, atol=1e-3)


def test_without_a_second_stage_the_level_is_the_learners_mean_through_the_cut_points():
    model = load_model()
    f = np.random.default_rng(0).uniform(0, 1, (5, len(model.names)))
    with_stage = model.raw_level(f)[0]
    model_without = dataclasses.replace(model, second_stage=None)
    assert not np.allclose(model_without.raw_level(f)[0], with_stage)
    np.testing.assert_allclose(model_without.raw_level(f)[0], ensemble(model.regressors, f)[0])


def test_kind_cuts_fit_a_kind_only_with_twenty_rows():
    rng = np.random.default_rng(0)
    raw = rng.uniform(0, 1, 60)
    y = np.round(raw * 4) / 4
    kinds = np.array(["behavioural"] * 40 + ["situational"] * 19 + ["other"])
    cuts = kind_cuts(raw, y, kinds)
    assert set(cuts) == {"all", "behavioural"}
    assert list(cuts["all"]) == sorted(cuts["all"]) and len(cuts["all"]) == 4


def test_a_changed_spent_set_makes_the_model_stale(tmp_path, monkeypatch):
    for name in SPENT_DIRS:
        (tmp_path / name).mkdir()
        shutil.copy(ROOT / name / "FROZEN.sha256", tmp_path / name / "FROZEN.sha256")
    monkeypatch.setattr(model_module, "SPENT_ROOT", tmp_path)
    before = training_hash(Bank())
    (tmp_path / "recheck4" / "FROZEN.sha256").write_text("0" * 64 + "\n")
    assert training_hash(Bank()) != before
