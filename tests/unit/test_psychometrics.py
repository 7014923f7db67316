"""Psychometrics: invariants (property-based) and known values against reference implementations.

References run in the test: the `krippendorff` package, scipy's fisher_exact and a hypergeometric sum
written out here, scikit-learn's cohen_kappa_score, the Shrout & Fleiss (1979) table and a sums-of-squares
ANOVA written out here for ICC(2,k), a hand-computed Cronbach's alpha, brute-force enumeration of
guessers for chance levels.

Property tests run a fixed (derandomised) set of 60 examples each, so CI is repeatable; for a deeper random
search run them with PSY_EXAMPLES=1500 (about three minutes).
"""

from __future__ import annotations

import itertools
import math
import os

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.stats import fisher_exact  # type: ignore[import-untyped]
from sklearn.metrics import cohen_kappa_score  # type: ignore[import-untyped]

from screening.banks import SjtItem, SjtOption
from screening.scoring import psychometrics as psy
from screening.scoring.ratings import (
    calibration,
    krippendorff_alpha_interval,
    rater_agreement,
    weighted_kappa,
)
from screening.scoring.sjt import score_best_worst, score_rate_each, skill_scores
from screening.text import Text

pytestmark = pytest.mark.filterwarnings("error")   # no numpy warning spam on NaN or constant data

SETTINGS = settings(deadline=None, max_examples=int(os.environ.get("PSY_EXAMPLES", "60")),
                    derandomize=os.environ.get("PSY_EXAMPLES") is None)  # fixed examples in CI
LEVEL = st.integers(1, 5)


def _latent(n: int, k: int, seed: int = 0, missing: float = 0.0) -> np.ndarray:
    """Item scores driven by one latent trait, in [0, 1], with a share missing at random."""
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=(n, 1))
    x = 1.0 / (1.0 + np.exp(-(theta + rng.normal(size=(n, k)))))
    x[rng.random(x.shape) < missing] = np.nan
    return x


score_matrices = st.integers(0, 10_000).flatmap(lambda seed: st.builds(
    _latent, n=st.integers(30, 80), k=st.integers(3, 8), seed=st.just(seed),
    missing=st.sampled_from([0.0, 0.1, 0.3])))


# --- item analysis -----------------------------------------------------------------------------------

def test_item_analysis_matches_direct_formulas_on_complete_data():
    x = _latent(120, 6, seed=3)
    a = psy.item_analysis(x)
    assert a.n.tolist() == [120] * 6 and a.enough_data.all()
    np.testing.assert_allclose(a.difficulty, x.mean(axis=0))
    for j in range(6):
        rest = np.delete(x, j, axis=1).mean(axis=1)
        assert a.item_rest[j] == pytest.approx(np.corrcoef(x[:, j], rest)[0, 1])
    assert not a.low_discrimination.any()


def test_item_analysis_missing_data_is_pairwise():
    x = _latent(100, 5, seed=4, missing=0.2)
    a = psy.item_analysis(x)
    j = 2
    rest = np.array([np.nan if np.isnan(row[j]) or np.isfinite(np.delete(row, j)).sum() == 0
                     else np.nanmean(np.delete(row, j)) for row in x])
    ok = np.isfinite(x[:, j]) & np.isfinite(rest)
    assert a.n[j] == np.isfinite(x[:, j]).sum()
    assert a.difficulty[j] == pytest.approx(np.nanmean(x[:, j]))
    assert a.item_rest[j] == pytest.approx(np.corrcoef(x[ok, j], rest[ok])[0, 1])


def test_item_analysis_flags_a_weak_item_and_a_constant_one():
    x = _latent(200, 5, seed=5)
    rng = np.random.default_rng(0)
    x[:, 3] = rng.random(200)          # noise: no relation to the rest
    x[:, 4] = 0.5                      # everybody the same
    a = psy.item_analysis(x)
    assert a.low_discrimination.tolist() == [False, False, False, True, True]
    assert np.isnan(a.item_rest[4]) and a.difficulty[4] == 0.5


def test_an_item_without_a_rest_score_is_not_flagged():
    x = np.array([[1.0], [0.0], [1.0], [0.5]])       # one item: no rest to correlate with
    a = psy.item_analysis(x)
    assert np.isnan(a.item_rest[0]) and not a.low_discrimination[0]


def test_item_analysis_handles_empty_and_single_answers():
    x = np.full((10, 3), np.nan)
    x[0, 0] = 1.0
    a = psy.item_analysis(x)
    assert a.n.tolist() == [1, 0, 0] and np.isnan(a.difficulty[1]) and np.isnan(a.item_rest).all()
    assert not a.low_discrimination.any()          # too few answers to say anything


@SETTINGS
@given(score_matrices, st.randoms(use_true_random=False))
def test_item_analysis_invariant_to_candidate_order(x, rnd):
    order = list(range(x.shape[0]))
    rnd.shuffle(order)
    a, b = psy.item_analysis(x), psy.item_analysis(x[order])
    np.testing.assert_allclose(a.difficulty, b.difficulty)
    np.testing.assert_allclose(a.item_rest, b.item_rest, atol=1e-12)
    assert (a.n == b.n).all() and (a.low_discrimination == b.low_discrimination).all()
    assert np.all((a.item_rest >= -1) & (a.item_rest <= 1) | np.isnan(a.item_rest))
    assert np.all((a.difficulty >= 0) & (a.difficulty <= 1))


def test_option_analysis_counts_choices_and_flags_a_distractor_the_top_third_prefer():
    keys = np.array([[5, 3, 2, 1], [1, 4, 5, np.nan]])
    n = 90
    rest = np.repeat(np.linspace(0, 1, n)[:, None], 2, axis=1)
    best = np.zeros((n, 2), dtype=int)
    worst = np.full((n, 2), 3, dtype=int)
    best[60:, 0] = 1                   # item 0: the top third choose option 1, keyed 3, over the keyed 5
    best[:, 1], worst[:, 1] = 2, 0     # item 1: everybody picks the key
    best[0, 1] = -1                    # one missing answer
    a = psy.option_analysis(keys, best, worst, rest)
    assert a.n.tolist() == [90, 89] and a.top_n.tolist() == [30, 30]
    assert a.key_best.tolist() == [0, 2] and a.key_worst.tolist() == [3, 0]
    np.testing.assert_allclose(a.best_share[0], [60 / 90, 30 / 90, 0, 0])
    np.testing.assert_allclose(a.worst_share[0], [0, 0, 0, 1])
    np.testing.assert_allclose(a.top_best_share[0], [0, 1, 0, 0])
    assert np.isnan(a.best_share[1, 3])
    assert a.distractor_flag.tolist() == [True, False] and a.distractor.tolist() == [1, -1]
    np.testing.assert_allclose(np.nansum(a.best_share, axis=1), 1.0)


def test_option_indices_maps_ids():
    items = [_item("a", "best_worst", (5, 3, 1)), _item("b", "best_worst", (1, 5, 3))]
    idx = psy.option_indices(items, [["o2", "o0"], [None, "zz"]])
    assert idx.tolist() == [[2, 0], [-1, -1]]


# --- reliability -------------------------------------------------------------------------------------

def test_cronbach_alpha_hand_computed():
    # Four candidates, three items. Item variances (ddof 1): 5/3, 4/3, 4.75/3; totals 5, 7, 10, 13 with
    # variance 36.75/3. alpha = 3/2 * (1 - 13.75 / 36.75) = 46/49. Repeating the rows ten times (to pass
    # MIN_CANDIDATES) scales every variance by the same factor, so alpha is unchanged.
    small = np.array([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5]], dtype=float)
    x = np.tile(small, (10, 1))
    for missing in ("pairwise", "complete"):
        alpha = psy.cronbach_alpha(x, missing)
        assert alpha.value == pytest.approx(46 / 49) and alpha.n_items == 3 and alpha.n_candidates == 40


def test_cronbach_alpha_matches_textbook_formula_and_pairwise_equals_complete_without_gaps():
    x = _latent(200, 7, seed=8)
    k = 7
    textbook = k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))
    assert psy.cronbach_alpha(x).value == pytest.approx(textbook)
    assert psy.cronbach_alpha(x, "complete").value == pytest.approx(textbook)


def test_split_half_is_odd_even_with_spearman_brown():
    x = _latent(150, 6, seed=9)
    r = np.corrcoef(x[:, 0::2].sum(axis=1), x[:, 1::2].sum(axis=1))[0, 1]
    sh = psy.split_half(x)
    assert sh.raw == pytest.approx(r) and sh.value == pytest.approx(2 * r / (1 + r))
    assert sh.n_candidates == 150 and sh.n_items == 6


def test_reliability_per_skill_with_too_few_flags():
    x = _latent(40, 7, seed=10)
    skills = [["a"], ["a"], ["a"], ["a", "b"], ["b"], ["c"], ["c"]]
    rel = psy.reliability(x, skills, ["a", "b", "c", "d"])
    assert rel["a"].alpha.value is not None and rel["a"].alpha.n_items == 4 and not rel["a"].alpha.too_few
    for s in ("b", "c", "d"):
        assert rel[s].alpha.value is None and rel[s].alpha.too_few
        assert rel[s].alpha.reason == "reason.too_few_items" and rel[s].alpha.reason in psy.REASONS
        assert rel[s].split_half.reason == "reason.too_few_items"
    few = psy.reliability(x[:29], skills, ["a"])["a"]
    assert few.alpha.value is None and few.alpha.reason == "reason.too_few_candidates"
    assert few.alpha.n_candidates == 29 and few.split_half.too_few


def test_reliability_counts_the_candidates_behind_each_figure():
    x = _latent(60, 4, seed=11)
    x[:20, 0] = np.nan                 # 20 candidates not given item 0
    alpha = psy.cronbach_alpha(x)
    assert alpha.n_candidates == 40    # the smallest pairwise count
    assert psy.cronbach_alpha(x, "complete").n_candidates == 40
    assert psy.split_half(x).n_candidates == 60      # each half still has an item for all of them
    assert psy.split_half(x, "complete").n_candidates == 40


def test_constant_columns_give_a_defined_result():
    x = np.full((50, 4), 0.75)
    assert psy.cronbach_alpha(x).reason == "reason.no_variance"
    assert psy.split_half(x).reason == "reason.no_variance"
    y = _latent(50, 4, seed=12)
    y[:, 1] = 0.5                      # one constant item among varying ones
    assert psy.cronbach_alpha(y).value is not None
    assert psy.reliability(y, [["s"]] * 4, ["s"])["s"].split_half.value is not None
    empty = np.full((50, 4), np.nan)
    assert psy.cronbach_alpha(empty).reason == "reason.too_few_candidates"
    assert psy.split_half(empty).reason == "reason.too_few_candidates"


@SETTINGS
@given(score_matrices, st.sampled_from(["pairwise", "complete"]))
def test_alpha_and_split_half_at_most_one(x, missing):
    for coef in (psy.cronbach_alpha(x, missing), psy.split_half(x, missing)):
        assert (coef.value is None) == (coef.reason is not None)
        assert coef.value is None or coef.value <= 1.0
        assert coef.reason is None or coef.reason in psy.REASONS


@SETTINGS
@given(score_matrices, st.randoms(use_true_random=False))
def test_reliability_invariant_to_candidate_order(x, rnd):
    order = list(range(x.shape[0]))
    rnd.shuffle(order)
    for fn in (psy.cronbach_alpha, psy.split_half):
        a, b = fn(x), fn(x[order])
        assert a.reason == b.reason and a.n_candidates == b.n_candidates
        assert a.value == pytest.approx(b.value) if a.value is not None else b.value is None


@SETTINGS
@given(score_matrices, st.randoms(use_true_random=False))
def test_alpha_invariant_to_item_order(x, rnd):
    cols = list(range(x.shape[1]))
    rnd.shuffle(cols)
    a, b = psy.cronbach_alpha(x, "complete"), psy.cronbach_alpha(x[:, cols], "complete")
    assert a.value == pytest.approx(b.value) if a.value is not None else b.value is None


# --- chance levels -----------------------------------------------------------------------------------

def _item(item_id: str, fmt: str, keys: tuple[int, ...], skills: tuple[str, ...] = ("empathy",)) -> SjtItem:
    text = Text("x", "x")
    return SjtItem(id=item_id, version=1, skills=skills, channel="phone", moment="routine", response_format=fmt,
                   scenario=text, options=tuple(SjtOption(f"o{k}", text, key, text) for k, key in enumerate(keys)),
                   source="test")


def _brute_rate_each(keys: tuple[int, ...], method: str = "raw") -> float:
    answers = np.array(list(itertools.product(range(1, 6), repeat=len(keys))), dtype=float)
    return float(score_rate_each(np.array([keys], float), answers[:, None, :], method).mean())  # type: ignore[arg-type]


@SETTINGS
@given(st.lists(LEVEL, min_size=3, max_size=5))
def test_chance_best_worst_is_one_half_by_brute_force(keys):
    n = len(keys)
    pairs = [(b, w) for b in range(n) for w in range(n) if b != w]
    brute = np.mean([score_best_worst(np.array([keys], float), np.array([[b]]), np.array([[w]]))[0, 0]
                     for b, w in pairs])
    assert psy.chance_best_worst(np.array([keys], float))[0] == pytest.approx(brute) == pytest.approx(0.5)


@SETTINGS
@given(st.lists(LEVEL, min_size=3, max_size=5))
def test_chance_rate_each_exact_against_brute_force(keys):
    assert psy.chance_rate_each(np.array([keys], float))[0] == pytest.approx(_brute_rate_each(tuple(keys)))


def test_chance_rate_each_within_person_simulated_close_to_brute_force():
    keys = (5, 3, 2, 1)
    simulated = psy.chance_rate_each(np.array([keys], float), "within_person", draws=20_000)[0]
    assert simulated == pytest.approx(_brute_rate_each(keys, "within_person"), abs=0.01)


def test_chance_levels_on_the_product_scale():
    items = [_item("bw1", "best_worst", (5, 3, 2, 1)), _item("bw2", "best_worst", (1, 4, 5, 2, 3), ("patience",)),
             _item("re1", "rate_each", (5, 3, 2, 1)), _item("re2", "rate_each", (3, 3, 3, 3), ("patience",))]
    chance = psy.chance_levels(items)
    assert chance.per_item["bw1"] == chance.per_item["bw2"] == 50.0
    assert chance.per_item["re1"] == pytest.approx(100 * (1 - (2 + 1.2 + 1.4 + 2) / 4 / 4))
    assert chance.per_item["re2"] == pytest.approx(100 * (1 - 1.2 / 4))
    assert chance.per_format == pytest.approx({"best_worst": 50.0,
                                               "rate_each": (chance.per_item["re1"] + chance.per_item["re2"]) / 2})
    assert chance.per_skill["empathy"] == pytest.approx((50 + chance.per_item["re1"]) / 2)


@SETTINGS
@given(st.lists(st.lists(LEVEL, min_size=4, max_size=4).filter(lambda k: len(set(k)) > 1), min_size=1, max_size=6))
def test_a_perfect_answer_scores_100(key_rows):
    keys = np.array(key_rows, dtype=float)
    best = np.nanargmax(keys, axis=1)[None, :]
    worst = np.nanargmin(keys, axis=1)[None, :]     # the keyed best and worst, as sjt reads the key
    skills = [["s"]] * len(key_rows)
    for item_scores in (score_best_worst(keys, best, worst), score_rate_each(keys, keys[None, :, :])):
        assert skill_scores(item_scores, skills, ["s"])[0][0, 0] == 100.0


# --- expert key review -------------------------------------------------------------------------------

SHROUT_FLEISS = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]],
                         dtype=float)


def _icc2k_anova(x: np.ndarray) -> float:
    n, k = x.shape
    grand = x.mean()
    ss_total = ((x - grand) ** 2).sum()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    bms, jms = ss_rows / (n - 1), ss_cols / (k - 1)
    ems = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    return (bms - ems) / (bms + (jms - ems) / n)


def test_icc2k_shrout_fleiss_table():
    assert round(psy.icc2k(SHROUT_FLEISS), 2) == 0.62     # Shrout & Fleiss (1979), table 4
    assert psy.icc2k(SHROUT_FLEISS) == pytest.approx(_icc2k_anova(SHROUT_FLEISS))


def test_key_icc_stacks_items_and_options_as_targets():
    # three items of two options each, four experts: the same data as the table, arranged per item
    per_item = [SHROUT_FLEISS[2 * i: 2 * i + 2].T for i in range(3)]
    assert psy.key_icc(per_item) == pytest.approx(psy.icc2k(SHROUT_FLEISS))
    with_gap = [r.copy() for r in per_item]
    with_gap[0][1, 0] = np.nan                          # an expert skipped one option: that target drops
    assert psy.key_icc(with_gap) == pytest.approx(_icc2k_anova(SHROUT_FLEISS[1:]))
    assert psy.icc2k(np.full((5, 3), 4.0)) is None and psy.key_icc([]) is None


@SETTINGS
@given(arrays(float, st.tuples(st.integers(2, 8), st.integers(2, 5)), elements=st.integers(1, 5).map(float)),
       st.randoms(use_true_random=False))
def test_icc2k_invariant_to_rater_and_target_order(x, rnd):
    rows, cols = list(range(x.shape[0])), list(range(x.shape[1]))
    rnd.shuffle(rows)
    rnd.shuffle(cols)
    a, b = psy.icc2k(x), psy.icc2k(x[rows][:, cols])
    assert a == pytest.approx(b) if a is not None else b is None
    assert a is None or a <= 1.0 + 1e-12


def test_rwg_known_values():
    ratings = np.array([[5, 3, 1, 5], [4, 3, 5, np.nan], [5, 3, 1, np.nan]])
    got = psy.rwg(ratings)
    # var(5,4,5) = 1/3, null variance (25-1)/12 = 2: 1 - 1/6; no spread: 1; var(1,5,1) = 16/3 > 2: 0
    np.testing.assert_allclose(got[:3], [5 / 6, 1.0, 0.0])
    assert np.isnan(got[3])                              # one expert only


@SETTINGS
@given(arrays(float, st.tuples(st.integers(1, 6), st.integers(3, 5)), elements=st.integers(1, 5).map(float)))
def test_rwg_bounds_and_expert_order(x):
    got = psy.rwg(x)
    assert np.all(np.isnan(got) | ((got >= 0) & (got <= 1)))
    np.testing.assert_allclose(got, psy.rwg(x[::-1]))


def test_review_key_consensus_is_the_mean_and_departures_are_flagged():
    key = [5, 3, 2, 1]
    agree = psy.review_key(np.array([[5, 3, 2, 1], [5, 3, 2, 1], [4, 3, 2, 1]]), key)
    assert agree.consensus.tolist() == pytest.approx([14 / 3, 3, 2, 1]) and not agree.departs_from_key
    assert agree.rwg.tolist() == pytest.approx([5 / 6, 1, 1, 1])
    swapped = psy.review_key(np.array([[2, 3, 5, 1], [1, 3, 5, 2], [2, 4, 4, 1]]), key)
    assert swapped.departs.tolist() == [True, False, True, False]
    assert swapped.best_differs and swapped.consensus_best == 2 and not swapped.worst_differs
    assert swapped.departs_from_key
    worst = psy.review_key(np.array([[5, 1, 2, 3], [5, 1, 2, 2]]), key)
    assert worst.worst_differs and worst.consensus_worst == 1 and not worst.best_differs


def test_a_key_reviewed_by_experts_who_agree_with_it_departs_nowhere():
    key = np.array([5, 3, 2, 1], dtype=float)
    review = psy.review_key(np.tile(key, (4, 1)), key)
    assert not review.departs_from_key and not review.tied and (review.rwg == 1).all()


# --- adverse impact ----------------------------------------------------------------------------------

def _hypergeometric_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Fisher's exact test for [[a, b], [c, d]], two-sided: sum of tables no more likely than the one seen."""
    row1, col1, n = a + b, a + c, a + b + c + d

    def prob(x: int) -> float:
        return math.comb(col1, x) * math.comb(n - col1, row1 - x) / math.comb(n, row1)

    seen = prob(a)
    lo, hi = max(0, row1 + col1 - n), min(row1, col1)
    return min(1.0, sum(prob(x) for x in range(lo, hi + 1) if prob(x) <= seen * (1 + 1e-7)))


def test_selection_impact_known_values():
    groups = ["men"] * 60 + ["women"] * 40 + ["x"] * 5
    selected = [True] * 30 + [False] * 30 + [True] * 12 + [False] * 28 + [True] * 1 + [False] * 4
    rows = {r.group: r for r in psy.selection_impact(groups, selected, categories=["men", "women", "x", "empty"])}
    men, women, x, empty = rows["men"], rows["women"], rows["x"], rows["empty"]
    assert men.reference and men.rate == 0.5 and men.impact_ratio == 1.0 and men.fisher_p is None
    assert women.rate == 0.3 and women.impact_ratio == pytest.approx(0.6) and women.four_fifths
    assert women.fisher_p == pytest.approx(fisher_exact([[12, 28], [30, 30]])[1])
    assert women.fisher_p == pytest.approx(_hypergeometric_two_sided(12, 28, 30, 30))
    assert x.small_sample and x.impact_ratio == pytest.approx(0.4) and not women.small_sample
    assert empty.n == 0 and empty.rate is None and empty.impact_ratio is None and empty.fisher_p is None


def test_nobody_selected_and_nobody_scored():
    rows = psy.selection_impact(["a", "a", "b"], [False, False, False])
    assert [r.rate for r in rows] == [0.0, 0.0] and all(r.impact_ratio is None and not r.four_fifths for r in rows)
    assert psy.selection_impact([], [], categories=["a"])[0].rate is None
    assert psy.scoring_rate_impact(["a", "b"], [np.nan, np.nan], categories=["a", "b"])[0].n == 0


def test_intersectional_labels_and_mismatched_lengths():
    groups = [("f", "x"), ("m", "y"), ("f", "x"), ("f", "y")]
    rows = {r.group: r for r in psy.selection_impact(groups, [True, False, True, False])}
    assert rows[("f", "x")].rate == 1.0 and rows[("m", "y")].n == 1 and len(rows) == 3
    with pytest.raises(ValueError):
        psy.selection_impact(["a", "b"], [True])
    with pytest.raises(ValueError):
        psy.cut_impact(["a"], [1.0, 2.0], cut=1.0)


def test_cut_and_scoring_rate():
    groups = ["a"] * 4 + ["b"] * 4
    scores = [10, 20, 30, 40, 10, 10, 20, np.nan]
    cut = {r.group: r for r in psy.cut_impact(groups, scores, cut=20)}
    assert cut["a"].rate == 0.75 and cut["b"].n == 3 and cut["b"].rate == pytest.approx(1 / 3)
    # LL144 scoring rate: share scoring strictly above the median of all scores (20 here)
    rate = {r.group: r for r in psy.scoring_rate_impact(groups, scores)}
    assert rate["a"].rate == 0.5 and rate["b"].rate == 0.0 and rate["b"].impact_ratio == 0.0


group_data = st.integers(1, 120).flatmap(lambda n: st.tuples(
    st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=n, max_size=n),
    st.lists(st.booleans(), min_size=n, max_size=n)))


@SETTINGS
@given(group_data, st.randoms(use_true_random=False))
def test_impact_bounds_and_candidate_order(data, rnd):
    groups, selected = data
    rows = psy.selection_impact(groups, selected)
    for r in rows:
        assert r.rate is None or 0.0 <= r.rate <= 1.0
        assert r.impact_ratio is None or 0.0 <= r.impact_ratio <= 1.0
        assert r.fisher_p is None or 0.0 <= r.fisher_p <= 1.0
        assert r.four_fifths == (r.impact_ratio is not None and r.impact_ratio < 0.8)
    ref = [r for r in rows if r.reference]
    assert len(ref) == 1
    assert ref[0].impact_ratio == 1.0 if ref[0].rate else ref[0].impact_ratio is None
    order = list(range(len(groups)))
    rnd.shuffle(order)
    again = psy.selection_impact([groups[i] for i in order], [selected[i] for i in order])
    assert again == rows


@SETTINGS
@given(st.integers(0, 30), st.integers(1, 30), st.integers(0, 30), st.integers(1, 30))
def test_fisher_p_matches_hypergeometric(sel_a, n_a, sel_b, n_b):
    sel_a, sel_b = min(sel_a, n_a), min(sel_b, n_b)
    groups = ["a"] * n_a + ["b"] * n_b
    selected = [True] * sel_a + [False] * (n_a - sel_a) + [True] * sel_b + [False] * (n_b - sel_b)
    rows = psy.selection_impact(groups, selected)
    other = next(r for r in rows if not r.reference)
    ref = next(r for r in rows if r.reference)
    if ref.rate == 0:
        return
    expected = _hypergeometric_two_sided(other.selected, other.n - other.selected, ref.selected, ref.n - ref.selected)
    assert other.fisher_p == pytest.approx(expected, rel=1e-6, abs=1e-12)


# --- inter-rater agreement ---------------------------------------------------------------------------

def _krippendorff_reference(units: list[list[float]]) -> float:
    width = max(len(u) for u in units)
    data = np.full((width, len(units)), np.nan)
    for j, u in enumerate(units):
        data[: len(u), j] = u
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))


@SETTINGS
@given(st.lists(st.lists(LEVEL.map(float), min_size=2, max_size=4), min_size=20, max_size=40))
def test_krippendorff_alpha_matches_the_package(units):
    values = [v for u in units for v in u]
    assume(len(set(values)) > 1)
    assert krippendorff_alpha_interval(units) == pytest.approx(_krippendorff_reference(units), abs=1e-9)


@SETTINGS
@given(st.lists(st.lists(LEVEL.map(float), min_size=2, max_size=4), min_size=20, max_size=30))
def test_krippendorff_alpha_symmetric_in_raters(units):
    a, b = krippendorff_alpha_interval(units), krippendorff_alpha_interval([u[::-1] for u in units])
    assert a == pytest.approx(b) if a is not None else b is None
    assert a is None or a <= 1.0 + 1e-12


def test_krippendorff_alpha_ignores_skipped_ratings_given_as_none_or_nan():
    units = [[1.0, 2.0], [3.0, 3.0], [4.0, 5.0], [2.0, 2.0]] * 5
    padded = [[*u, None] for u in units[:10]] + [[*u, float("nan")] for u in units[10:]]
    assert krippendorff_alpha_interval(padded) == pytest.approx(krippendorff_alpha_interval(units))


def test_rater_agreement_with_co_raters():
    levels = np.array([[1, 2, np.nan], [3, 3, 4], [5, 4, 5], [2, np.nan, 2], [4, 4, 3], [3, np.nan, np.nan]])
    first, second, third = rater_agreement(levels)
    # rater 1 against the mean of the others: 2, 3.5, 4.5, 2, 3.5 (answer 6 has no co-rater)
    diffs = np.array([1, 3, 5, 2, 4]) - np.array([2, 3.5, 4.5, 2, 3.5])
    assert first.n == 5 and first.mean_abs_diff == pytest.approx(np.abs(diffs).mean())
    assert first.mean_signed_diff == pytest.approx(diffs.mean())
    assert first.correlation == pytest.approx(np.corrcoef([1, 3, 5, 2, 4], [2, 3.5, 4.5, 2, 3.5])[0, 1])
    assert second.n == 4 and third.n == 4
    assert rater_agreement(np.array([[3.0, np.nan], [np.nan, 4.0]]))[0].n == 0


@SETTINGS
@given(st.lists(st.tuples(LEVEL, LEVEL), min_size=3, max_size=30))
def test_two_raters_agreement_is_symmetric(pairs):
    levels = np.array(pairs, dtype=float)
    a, b = rater_agreement(levels)
    assert a.mean_abs_diff == pytest.approx(b.mean_abs_diff)
    assert a.mean_signed_diff == pytest.approx(-b.mean_signed_diff)
    assert a.correlation == pytest.approx(b.correlation) if a.correlation is not None else b.correlation is None


@SETTINGS
@given(st.lists(st.tuples(LEVEL, LEVEL), min_size=1, max_size=40))
def test_weighted_kappa_matches_sklearn_and_is_symmetric(pairs):
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    got = weighted_kappa(a, b)
    assert got == pytest.approx(weighted_kappa(b, a)) if got is not None else weighted_kappa(b, a) is None
    if got is not None:
        assert got == pytest.approx(cohen_kappa_score(a, b, weights="quadratic", labels=[1, 2, 3, 4, 5]))
        assert -1.0 - 1e-12 <= got <= 1.0 + 1e-12


def test_calibration_interval_and_tendency():
    keyed = [1, 2, 3, 4, 5, 3, 2, 4, 5, 1]
    exact = calibration(keyed, keyed)
    assert exact.kappa == pytest.approx(1.0) and exact.ci_low == pytest.approx(1.0) and exact.tendency == "on_key"
    harsh = calibration([max(1, k - 1) for k in keyed], keyed)
    assert harsh.tendency == "harsh" and harsh.mean_signed_diff == pytest.approx(-0.8)
    assert harsh.ci_low is not None and harsh.ci_high is not None and harsh.ci_low <= harsh.ci_high
    assert harsh.kappa == pytest.approx(cohen_kappa_score([max(1, k - 1) for k in keyed], keyed,
                                                          weights="quadratic", labels=[1, 2, 3, 4, 5]))
    lenient = calibration([min(5, k + 1) for k in keyed], keyed)
    assert lenient.tendency == "lenient"
    assert calibration(keyed, keyed, seed=1) == calibration(keyed, keyed, seed=1)
    assert calibration([], []).kappa is None
    assert calibration([3] * 10, [3] * 10).kappa is None
    with pytest.raises(ValueError):
        calibration([0, 3], [3, 3])
