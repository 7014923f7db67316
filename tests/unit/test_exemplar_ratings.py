"""Exemplars rated blind: the bank keeps the raters' levels beside its own, the suggester learns their mean,
and only exemplars whose raters agree with the bank's level key a rater's calibration."""

from __future__ import annotations

from dataclasses import replace

import pytest

from screening import REPO_DIR
from screening.banks import Bank, parse_bank_text
from screening.framework import load_framework
from screening.services.calibration import _pool
from tests.unit.bank_yaml import question_block, questions_yaml

BANKS = REPO_DIR / "question_banks"
WORDS = "word " * 40


@pytest.fixture(scope="module")
def framework():
    return load_framework(BANKS / "framework.yaml")


def _question(first: str, qid: str = "iq.test", prompt: tuple[str, str] = ("Tell me", "Racontez")) -> str:
    """The question's block: five EN exemplars covering the levels (the first one's fields come from the test)
    and five FR ones."""
    others = [f'{{id: e{n}, language: en, level: {n}, style: partial, author: t, text: "{WORDS}"}}'
              for n in range(2, 6)]
    french = [f'{{id: f{n}, language: fr, level: {n}, style: partial, author: t, text: "{WORDS}"}}'
              for n in range(1, 6)]
    return question_block([first, *others, *french], qid=qid, prompt=prompt)


def _parse(first: str, framework):
    bank, errors = parse_bank_text(questions_yaml(_question(first)), "interview/test.yaml", framework)
    return bank, [str(e) for e in errors]


def test_blind_ratings_are_kept_beside_the_level_and_the_suggester_learns_their_mean(framework):
    bank, errors = _parse(f'{{id: e1, language: en, level: 1, style: vague, author: t, ratings: [2, 3], '
                          f'text: "{WORDS}"}}', framework)
    assert errors == []
    rated, plain = bank.questions[0].exemplars[0], bank.questions[0].exemplars[1]
    assert (rated.level, rated.ratings, rated.reference_level, rated.raters_agree) == (1, (2, 3), 2.5, False)
    assert (plain.ratings, plain.reference_level, plain.raters_agree) == ((), 2.0, True)
    assert replace(rated, ratings=(1, 2)).raters_agree          # mean 1.5: within half a level of 1
    assert replace(rated, ratings=(2, 4, 3)).reference_level == 3.0


@pytest.mark.parametrize("ratings, message", [
    ("[3]", "interview/test.yaml: iq.test/e1: ratings: needs at least 2, has 1"),
    ("[1, 2, 3, 4]", "interview/test.yaml: iq.test/e1: ratings: allows at most 3, has 4"),
    ("[3, 6]", "interview/test.yaml: iq.test/e1: ratings: 6 must be a whole number from 1 to 5"),
    ("[1, 3]", "interview/test.yaml: iq.test/e1: ratings: [1, 3] are 2 or more apart: add a third rater's level"),
])
def test_malformed_ratings_name_the_file_the_exemplar_and_the_field(framework, ratings, message):
    _, errors = _parse(f'{{id: e1, language: en, level: 1, style: vague, author: t, ratings: {ratings}, '
                       f'text: "{WORDS}"}}', framework)
    assert errors == [message]


def test_three_ratings_settle_a_gap_of_two(framework):
    _, errors = _parse(f'{{id: e1, language: en, level: 1, style: vague, author: t, ratings: [1, 3, 2], '
                       f'text: "{WORDS}"}}', framework)
    assert errors == []


def test_an_exemplar_its_raters_dispute_never_keys_a_calibration_set(framework):
    bank, _ = _parse(f'{{id: e1, language: en, level: 1, style: vague, author: t, ratings: [3, 4], '
                     f'text: "{WORDS}"}}', framework)
    pool = [e.id for _, e in _pool(bank, "en")]
    assert pool == ["e2", "e3", "e4", "e5"]
    agreed = bank.questions[0]
    fixed = replace(agreed, exemplars=(replace(agreed.exemplars[0], ratings=(1, 2)), *agreed.exemplars[1:]))
    assert [e.id for _, e in _pool(Bank(questions=(fixed,)), "en")] == ["e1", "e2", "e3", "e4", "e5"]


def test_changing_a_blind_rating_makes_the_model_stale(framework):
    from screening.suggest.model import training_hash

    bank, _ = _parse(f'{{id: e1, language: en, level: 1, style: vague, author: t, ratings: [1, 2], '
                     f'text: "{WORDS}"}}', framework)
    q = bank.questions[0]
    changed = replace(q, exemplars=(replace(q.exemplars[0], ratings=(1, 1)), *q.exemplars[1:]))
    assert training_hash(bank) != training_hash(Bank(questions=(changed,)))


def test_the_training_rows_carry_the_raters_mean(framework):
    from screening.suggest.train import build_dataset

    rated = _question(f'{{id: e1, language: en, level: 1, style: vague, author: t, ratings: [2, 3], text: "{WORDS}"}}')
    other = _question(f'{{id: e1, language: en, level: 1, style: vague, author: t, text: "{WORDS}"}}',
                      qid="iq.other", prompt=("Tell us", "Dites"))
    bank, errors = parse_bank_text(questions_yaml(rated, other), "interview/test.yaml", framework)
    assert errors == []
    data = build_dataset(bank)  # an answer is featurised against the other question's exemplars
    rows = [(str(q), float(v)) for q, v, lang, real in zip(data.qid, data.level, data.lang, data.real, strict=True)
            if real and lang == "en"]
    assert rows == [("iq.other", 1.0), ("iq.other", 2.0), ("iq.other", 3.0), ("iq.other", 4.0), ("iq.other", 5.0),
                    ("iq.test", 2.5), ("iq.test", 2.0), ("iq.test", 3.0), ("iq.test", 4.0), ("iq.test", 5.0)]
    assert data.y[[str(q) == "iq.test" for q in data.qid].index(True)] == pytest.approx((2.5 - 1) / 4)
