"""SJT scoring, rater agreement and the profile: pure functions, checked against hand-worked values."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from screening import REPO_DIR
from screening.framework import load_framework
from screening.scoring.profile import ProfileMeta, RaterLevel, build_profile
from screening.scoring.ratings import krippendorff_alpha_interval, summarise
from screening.scoring.sjt import SkillScore, score_best_worst, score_rate_each, skill_scores

KEYS = np.array([[5, 3, 2, 1], [1, 4, 5, 2]], dtype=float)


def test_best_worst_rules():
    best = np.array([[0, 2], [3, 0], [1, 1]])
    worst = np.array([[3, 0], [0, 2], [2, -1]])
    scores = score_best_worst(KEYS, best, worst)
    assert scores[0].tolist() == [1.0, 1.0]        # both hits: raw +2
    assert scores[1].tolist() == [0.0, 0.0]        # both reversed: raw -2
    assert scores[2, 0] == 0.5 and np.isnan(scores[2, 1])  # neither; missing worst


def test_rate_each_distance_and_within_person():
    keys = KEYS[:1]
    exact = np.array([[[5, 3, 2, 1]]], dtype=float)
    shifted = exact - 1 + 0.0  # same order, uses the low end of the scale
    shifted[shifted < 1] = 1
    assert score_rate_each(keys, exact)[0, 0] == 1.0
    raw = score_rate_each(keys, shifted)[0, 0]
    standardised = score_rate_each(keys, shifted, "within_person")[0, 0]
    assert raw < standardised <= 1.0
    missing = np.array([[[5, np.nan, 2, 1]]])
    assert np.isnan(score_rate_each(keys, missing)[0, 0])


def test_vectorised_over_many_attempts_and_skill_rescaling():
    rng = np.random.default_rng(0)
    keys = rng.integers(1, 6, size=(30, 5)).astype(float)
    keys[:, 0], keys[:, 1] = 6, 0  # a clear best and worst
    best = rng.integers(0, 5, size=(10_000, 30))
    worst = (best + 1) % 5
    scores = score_best_worst(keys, best, worst)
    per_skill, counts = skill_scores(scores, [["a"] if i % 2 else ["a", "b"] for i in range(30)], ["a", "b"])
    assert per_skill.shape == (10_000, 2) and counts[0].tolist() == [30, 15]
    assert np.nanmin(per_skill) >= 0 and np.nanmax(per_skill) <= 100


def test_rating_summary_flags_a_gap_of_two():
    assert summarise([3, 4]).disagreement is False
    flagged = summarise([2, 4, 3])
    assert flagged.disagreement and flagged.spread == 2 and flagged.mean == 3


def test_krippendorff_alpha_interval():
    assert krippendorff_alpha_interval([[1, 1]] * 19) is None      # fewer than 20 pairable answers
    perfect = [[v, v] for v in [1, 2, 3, 4, 5] * 4]
    assert krippendorff_alpha_interval(perfect) == pytest.approx(1.0)
    # two coders, one a level above the other on 20 answers, agreeing on a 21st: compared exactly with the
    # reference implementation (the `krippendorff` package, raters x units, NaN where not rated)
    noisy = [[v, v + 1] for v in [1, 2, 3, 4] * 5] + [[5, 5]]
    reference = krippendorff.alpha(reliability_data=np.array(noisy, dtype=float).T, level_of_measurement="interval")
    assert krippendorff_alpha_interval(noisy) == pytest.approx(reference, abs=1e-12)
    assert reference == pytest.approx(0.7113, abs=1e-4)
    with_skips = [*perfect, [3]]                                   # a unit one rater skipped
    assert krippendorff_alpha_interval(with_skips) == pytest.approx(1.0)


def test_profile_leaves_unmeasured_groups_out_and_uses_final_ratings():
    framework = load_framework(REPO_DIR / "question_banks" / "framework.yaml")
    meta = ProfileMeta(candidate_id=1, candidate_name="A", campaign_id=1, campaign_name="C", language="en")
    profile = build_profile(
        framework=framework, meta=meta, skills=["empathy", "patience", "logical_thinking"],
        sjt={"empathy": SkillScore(75.0, 3)},
        ratings=[("empathy", RaterLevel("r1", "q1", 5)), ("empathy", RaterLevel("r2", "q1", 3)),
                 ("patience", RaterLevel("r1", "q2", 2))],
        target_weights={"empathy": 3, "patience": 1, "hospitality": 1})
    empathy = next(s for s in profile.skills if s.skill_id == "empathy")
    assert empathy.interview_level == 4.0 and empathy.disagreement
    assert empathy.level == pytest.approx((4.0 * 1 + 4.0 * 2) / 3)
    logical = next(s for s in profile.skills if s.skill_id == "logical_thinking")
    assert logical.level is None
    assert {f.id for f in profile.families} == {"interpersonal_skills", "collaboration"}
    assert {i.id for i in profile.intelligences} == {"interpersonal"}
    assert profile.fit is not None and profile.fit.coverage == pytest.approx(4 / 5)
    assert profile.strengths[0].skill_id == "empathy" and profile.development[0].skill_id == "patience"


def test_percentile_rank_counts_ties_half():
    from screening.scoring.profile import percentile_rank
    assert percentile_rank(50, [10, 50, 50, 90]) == 50.0
    assert percentile_rank(95, [10, 50, 90]) == 100.0


def test_percentile_ranks_of_a_campaign_equal_each_percentile_rank():
    import numpy as np

    from screening.scoring.overview import percentile_ranks
    from screening.scoring.profile import percentile_rank

    group = [10.0, 50.0, 50.0, 90.0, 72.5]
    values = np.array([50.0, 95.0, 10.0, np.nan, 72.5, 0.0])
    ranks = percentile_ranks(values, np.array(group))
    assert ranks[:3].tolist() + ranks[4:].tolist() == [percentile_rank(v, group) for v in (50, 95, 10, 72.5, 0)]
    assert np.isnan(ranks[3])
