"""The suggester's cut-points come from the spent check sets' rated answers, never from a sealed set, and a
change to a spent set makes the shipped model stale."""

from __future__ import annotations

import shutil

import numpy as np

from screening import REPO_DIR
from screening.banks import HELD_OUT_DIRS, SPENT_DIRS, Bank, EvalAnswer, load_eval_set
from screening.suggest import model as model_module
from screening.suggest.check_set import spent_answers
from screening.suggest.model import load_model, training_hash
from screening.suggest.train import answer_cuts, kind_cuts

ROOT = REPO_DIR / "question_banks"


def _answers(name: str) -> tuple[EvalAnswer, ...]:
    return load_eval_set(ROOT / name)[0].answers


def test_the_spent_sets_are_every_held_out_set_but_the_sealed_ones():
    assert set(HELD_OUT_DIRS) - set(SPENT_DIRS) == {"recheck5", "recheck6"}


def test_spent_answers_are_every_rated_answer_of_the_spent_sets_with_the_raters_mean():
    lines = spent_answers()
    assert len(lines) == 768  # eval 256 (both parts), recheck to recheck4 128 each
    assert not {line.answer for line in lines} & {a.text for a in _answers("recheck5")}
    assert sum(len(_answers(name)) for name in SPENT_DIRS) == 768
    assert {line.human for line in lines} <= {1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0}


def test_the_shipped_cut_points_are_the_ones_the_spent_answers_give():
    model = load_model()
    assert model.meta["cuts_fitted_on"] == "768 answers of the spent check sets"
    again = answer_cuts(model, spent_answers())
    assert set(again) == set(model.cuts) == {"all", "behavioural", "situational"}
    # 1e-4: the shipped exemplar memory is float16 (training used float32); cut-points fitted on the bank's
    # exemplars instead differ from these by 0.002-0.123
    for kind, cuts in again.items():
        np.testing.assert_allclose(cuts, model.cuts[kind], rtol=0, atol=1e-4)


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
