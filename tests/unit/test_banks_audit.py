"""The bank audit on small synthetic banks whose answers are known exactly, and the chance level of
guessing against brute-force enumeration."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from screening import REPO_DIR
from screening.banks import (
    MIN_SJT_CORE_SKILL,
    MIN_SJT_WEIGHTED_SKILL,
    Bank,
    Exemplar,
    InterviewQuestion,
    SjtItem,
    SjtOption,
    coverage_gaps,
)
from screening.banks_audit import (
    EXEMPLAR_LENGTH_MAX_R,
    OPTION_LENGTH_MAX_R,
    STRATEGY_MAX_GAIN,
    audit_bank,
    exemplar_length_r,
    length_strategy,
    load_names,
    misses,
    name_spread,
    names_in,
    near_duplicates,
    off_length_options,
    option_length_r,
    rank_ratings,
    text_classifier_strategy,
    to_json,
)
from screening.framework import load_framework
from screening.scoring.sjt import chance_score, score_best_worst, score_rate_each
from screening.targets import TargetProfile, TargetWeight
from screening.text import Text, TextList

BANKS = REPO_DIR / "question_banks"


def T(s: str) -> Text:  # noqa: N802 (reads like the type it builds)
    return Text(s, s)


def item(iid: str, texts: list[str], keys: list[int], fmt: str = "best_worst", skills: tuple[str, ...] = ("empathy",),
         scenario: str = "A customer calls about a parcel.") -> SjtItem:
    options = tuple(SjtOption(chr(97 + k), T(t), key, T("r")) for k, (t, key) in enumerate(zip(texts, keys,
                                                                                                  strict=True)))
    return SjtItem(iid, 1, skills, "phone", "stress", fmt, T(scenario), options, "sjt/test.yaml")


# --- the chance level -------------------------------------------------------------------------------------

@pytest.mark.parametrize("keys", [[5, 3, 2, 1], [1, 4, 2, 5, 3], [2, 5, 4, 1]])
def test_chance_of_best_worst_equals_brute_force_over_every_pair(keys):
    n = len(keys)
    pairs = [(b, w) for b, w in itertools.product(range(n), repeat=2) if b != w]
    key_matrix = np.array([keys], dtype=float)
    scores = score_best_worst(key_matrix, np.array([[b] for b, _ in pairs]), np.array([[w] for _, w in pairs]))
    brute = float(np.mean(scores))
    assert chance_score(item("x", ["t"] * n, keys)) == pytest.approx(brute, abs=1e-12)


@pytest.mark.parametrize("keys", [[5, 3, 2, 1], [1, 4, 2, 5, 3], [5, 5, 1, 1], [3, 3, 3, 3, 3]])
def test_chance_of_rate_each_equals_brute_force_over_every_rating(keys):
    n = len(keys)
    every = np.array(list(itertools.product(range(1, 6), repeat=n)), dtype=float)  # 5**n rating patterns
    scores = score_rate_each(np.array([keys], dtype=float), every[:, None, :])
    assert chance_score(item("x", ["t"] * n, keys, "rate_each")) == pytest.approx(float(np.mean(scores)), abs=1e-12)


def test_rank_ratings_spread_lengths_over_the_scale():
    assert rank_ratings([10, 40, 20, 30]) == [1, 5, 2, 4]
    assert rank_ratings([1, 2, 3, 4, 5]) == [1, 2, 3, 4, 5]


# --- (a) the length strategy --------------------------------------------------------------------------------

def _longest_is_best(n_items: int = 12) -> list[SjtItem]:
    """The keyed best is always the longest option and the keyed worst the shortest."""
    out = []
    for n in range(n_items):
        texts = ["Reply briefly.", "Ask what happened and note it.", "Check the account and reply today.",
                 "Apologise, check the account, fix the charge and call back tomorrow to confirm."]
        keys = [1, 2, 3, 5]
        rot = n % 4  # the best moves position from item to item
        out.append(item(f"sjt.t{n}", texts[rot:] + texts[:rot], keys[rot:] + keys[:rot],
                        "rate_each" if n % 3 == 0 else "best_worst"))
    return out


def test_a_bank_whose_best_is_always_the_longest_is_beaten_by_length():
    result = length_strategy(_longest_is_best(), "en")
    assert result.gain > STRATEGY_MAX_GAIN * 3
    assert result.score == pytest.approx(100.0 * np.mean([1.0 if i % 3 else 1 - 0.25 / 4 * 1 for i in range(12)]),
                                         abs=3)
    assert misses({"en": audit_bank(Bank(tuple(_longest_is_best())), classifier=False)["en"]})


def test_a_bank_whose_length_says_nothing_scores_at_chance():
    """Lengths equal within each item: the strategy is a fixed guess; over items whose keys rotate through
    every position, a fixed guess scores exactly the chance level."""
    items = []
    for b, w in itertools.permutations(range(4), 2):
        keys = [3, 3, 3, 3]
        keys[b], keys[w] = 5, 1
        others = [k for k in range(4) if k not in (b, w)]
        keys[others[0]] = 2
        items.append(item(f"sjt.p{b}{w}", ["Same length A.", "Same length B.", "Same length C.", "Same length D."],
                          keys))
    result = length_strategy(items, "en")
    assert result.score == pytest.approx(result.chance, abs=1e-9)
    assert option_length_r(items, "en") is None and off_length_options(items, "en") == []


# --- (b) the text classifier --------------------------------------------------------------------------------

def test_the_text_classifier_finds_a_wording_that_gives_the_key_away():
    fillers = ["the parcel", "the invoice", "the refund", "the booking", "the router", "the contract",
               "the delivery slot", "the warranty", "the top-up", "the subscription", "the meter", "the ticket"]
    items = []
    for n, thing in enumerate(fillers):
        texts = [f"Promise the customer you personally own {thing} until it is solved.",  # always best
                 f"Explain the rules about {thing} and move on quickly.",
                 f"Ask a colleague about {thing} when there is time.",
                 f"Tell the customer {thing} is simply not your department."]  # always worst
        keys = [5, 3, 2, 1]
        rot = n % 4
        items.append(item(f"sjt.w{n}", texts[rot:] + texts[:rot], keys[rot:] + keys[:rot]))
    result = text_classifier_strategy(items, "en")
    assert result.items == 12 and result.chance == 50.0
    assert result.gain > STRATEGY_MAX_GAIN * 3


# --- (c), (d) option lengths; (e) exemplar lengths -----------------------------------------------------------

def test_option_length_correlation_and_the_off_length_list():
    items = _longest_is_best(4)
    assert option_length_r(items, "en") > OPTION_LENGTH_MAX_R
    flagged = {(o.item, o.option) for o in off_length_options(items, "en")}
    assert ("sjt.t0", "a") in flagged and ("sjt.t0", "d") in flagged


def _question(qid: str, pairs: list[tuple[int, int]]) -> InterviewQuestion:
    """pairs: (level, word count) of the English exemplars."""
    ex = tuple(Exemplar(f"e{k}", "en", level, "partial", "t", "word " * n) for k, (level, n) in enumerate(pairs))
    return InterviewQuestion(qid, 1, ("empathy",), "behavioural", T("p"), TextList(("?",), ("?",)), (), ex, "x")


def test_exemplar_length_r_per_question_and_pooled_within_question():
    longer_is_better = _question("q1", [(1, 40), (2, 60), (3, 80), (4, 100), (5, 120)])
    per_q, pooled = exemplar_length_r([longer_is_better], "en")
    assert per_q["q1"] == pytest.approx(1.0) and pooled == pytest.approx(1.0)
    # Within each question length says nothing; only the question's overall length differs.
    flat_a = _question("qa", [(1, 50), (5, 50), (2, 60), (4, 60), (3, 55)])
    flat_b = _question("qb", [(1, 150), (5, 150), (2, 160), (4, 160), (3, 155)])
    per_q, pooled = exemplar_length_r([flat_a, flat_b], "en")
    assert abs(pooled) <= EXEMPLAR_LENGTH_MAX_R and abs(pooled) < 1e-9


# --- (f), (g) scenarios ----------------------------------------------------------------------------------------

def test_near_duplicate_scenarios_are_listed_and_long_ones_missed():
    same = "Amina calls: her parcel with the birthday cake never arrived and the party starts at six tonight."
    items = [item("sjt.a", ["x"] * 4, [5, 3, 2, 1], scenario=same),
             item("sjt.b", ["x"] * 4, [5, 3, 2, 1], scenario=same.replace("Amina", "Ingrid")),
             item("sjt.c", ["x"] * 4, [5, 3, 2, 1], scenario="A colleague asks you to cover a chat queue " * 2),
             item("sjt.d", ["x"] * 4, [5, 3, 2, 1], scenario="word " * 130)]
    dups, top = near_duplicates(items, "en")
    assert [(d.first, d.second) for d in dups] == [("sjt.a", "sjt.b")] and top == dups[0].cosine
    audit = audit_bank(Bank(tuple(items)), classifier=False)
    assert audit["en"].scenarios_over_limit == [("sjt.d", 130)] and audit["en"].scenario_words_max == 130
    assert any("sjt.d: scenario has 130 words" in m for m in misses(audit))


# --- (h) names ---------------------------------------------------------------------------------------------------

def test_the_shipped_names_list_loads_with_twenty_to_forty_first_names_per_origin():
    import yaml

    names = load_names(BANKS / "names_by_origin.yaml")
    data = yaml.safe_load((BANKS / "names_by_origin.yaml").read_text(encoding="utf-8"))["origins"]
    assert len(names) == 12
    assert all(20 <= len(v["first_names"]) <= 40 for v in data.values())


def test_a_name_under_two_origins_is_refused(tmp_path):
    from screening.yaml_errors import BankValidationError

    path = tmp_path / "names.yaml"
    path.write_text("origins:\n  a: {first_names: [Sam]}\n  b: {first_names: [Sam]}\n")
    with pytest.raises(BankValidationError, match="'Sam' is also under a"):
        load_names(path)


def test_names_are_counted_by_origin_overall_and_for_hostile_customers():
    names = {"nordic": frozenset({"Ingrid"}), "maghrebi": frozenset({"Amina", "Benali"})}
    assert names_in("Ingrid's order; Mme Benali and Amina call. Ingrid again.", names) == [
        ("Amina", "maghrebi"), ("Benali", "maghrebi"), ("Ingrid", "nordic")]
    items = [item("sjt.a", ["x"] * 4, [5, 3, 2, 1], skills=("de_escalating_language",), scenario="Amina shouts."),
             item("sjt.b", ["x"] * 4, [5, 3, 2, 1], scenario="Ingrid asks politely."),
             item("sjt.c", ["x"] * 4, [5, 3, 2, 1], scenario="Someone writes.")]
    assert name_spread(items, "en", names) == {"items": 3, "items_without_a_listed_name": 1,
                                               "by_origin": {"nordic": 1, "maghrebi": 1}}
    audit = audit_bank(Bank(tuple(items)), names, classifier=False)
    assert audit["en"].names_hostile["by_origin"] == {"nordic": 0, "maghrebi": 1}
    json.dumps(to_json(audit))  # the --json output is plain JSON


# --- the depth rules --------------------------------------------------------------------------------------------

def test_coverage_gaps_apply_the_depth_rules():
    framework = load_framework(BANKS / "framework.yaml")
    items = tuple(item(f"sjt.h{n}", ["x"] * 4, [5, 3, 2, 1], skills=("humour",)) for n in range(3))
    items += tuple(item(f"sjt.e{n}", ["x"] * 4, [5, 3, 2, 1], skills=("empathy",)) for n in range(5))
    bank = Bank(items, (_question("iq.e", [(1, 50)]),))
    profile = TargetProfile("p", T("p"), T("p"), "be", (TargetWeight("humour", 2.0, T("r")),))
    gaps = coverage_gaps(bank, framework)
    assert "humour: sjt.en: has 3, needs 3" not in " ".join(gaps)
    assert f"empathy: sjt.en: has 5, needs {MIN_SJT_CORE_SKILL}" in gaps
    assert "empathy: interview.situational: has 0, needs 1" in gaps
    assert "empathy: interview.behavioural: has 1, needs 1" not in gaps
    assert "logical_thinking: sjt.fr: has 0, needs 3" in gaps
    assert f"humour: sjt.en: has 3, needs {MIN_SJT_WEIGHTED_SKILL}" in coverage_gaps(bank, framework, [profile])


# --- the command line ---------------------------------------------------------------------------------------------

def test_banks_audit_and_strict_validate_on_a_small_bank(tmp_path: Path, monkeypatch, capsys):
    from screening import cli
    from screening.config import get_settings

    root = tmp_path / "question_banks"
    root.mkdir()
    for name in ("framework.yaml", "names_by_origin.yaml"):
        shutil.copy(BANKS / name, root / name)
    shutil.copytree(BANKS / "profiles", root / "profiles")
    (root / "sjt").mkdir()
    lines = ["family: interpersonal_skills", "items:"]
    for it in _longest_is_best(6):
        lines += [f"  - id: {it.id}", "    version: 1", "    skills: [empathy]", "    channel: phone",
                  "    moment: stress", f"    response_format: {it.response_format}",
                  "    scenario: {en: 'Amina calls.', fr: 'Amina appelle.'}", "    options:"]
        lines += [f"      - {{id: {o.id}, text: {{en: '{o.text.en}', fr: '{o.text.fr}'}}, key: {o.key}, "
                  "rationale: {en: r, fr: r}}" for o in it.options]
    (root / "sjt" / "empathy.yaml").write_text("\n".join(lines) + "\n")
    monkeypatch.setenv("SCREENING_BANKS_DIR", str(root))
    get_settings.cache_clear()
    try:
        assert cli.main(["banks", "audit", "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["en"]["length_strategy"]["gain"] > STRATEGY_MAX_GAIN
        assert out["en"]["names"]["by_origin"]["maghrebi"] == 6
        assert cli.main(["banks", "validate"]) == 0
        capsys.readouterr()
        assert cli.main(["banks", "audit", "--strict"]) == 1  # a missed target fails the strict audit
        assert "audit: en: length strategy: scores" in capsys.readouterr().err
        assert cli.main(["banks", "validate", "--strict"]) == 1  # coverage gaps and missed targets fail it
        err = capsys.readouterr().err
        assert "coverage: " in err
        assert "audit: en: length strategy: scores" in err
    finally:
        get_settings.cache_clear()
