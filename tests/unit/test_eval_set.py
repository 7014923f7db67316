"""The eval set format (question_banks/eval/): questions without exemplars, answers and ratings as JSON lines,
validated by the same models with the same `file: line/item: field: problem` messages, and never loaded
into the app's bank."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from screening import REPO_DIR
from screening.banks import load_bank_dirs, load_eval_set
from screening.framework import Framework, load_framework

FIXTURE = Path(__file__).parent / "fixtures" / "eval"


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework(REPO_DIR / "question_banks" / "framework.yaml")


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    """A copy of the good fixture to break."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "eval"))


def _messages(path: Path, framework: Framework) -> list[str]:
    return [str(e) for e in load_eval_set(path, framework)[1]]


def test_the_fixture_eval_set_loads(framework):
    evals, errors = load_eval_set(FIXTURE, framework)
    assert errors == []
    assert [q.id for q in evals.questions] == ["eval.empathy.late_parcel"]
    assert evals.questions[0].exemplars == ()
    assert [a.id for a in evals.answers] == ["ans.1", "ans.2", "ans.3"]
    assert evals.answers[2].line == 4  # blank lines are skipped but counted
    assert evals.levels("ans.1") == {"rater_a": 4, "rater_b": 5}
    assert evals.levels("ans.2") == {"rater_a": 3}


def test_eval_questions_carry_no_exemplars(eval_dir, framework):
    q = eval_dir / "questions_sample.yaml"
    q.write_text(q.read_text() + """    exemplars:
      - {id: e1, language: en, level: 3, style: vague, author: t, text: "some words"}
""")
    assert _messages(eval_dir, framework) == [
        "eval/questions_sample.yaml: eval.empathy.late_parcel: exemplars: "
        "eval questions carry no exemplars (answers go in answers_*.jsonl)"]


def test_eval_questions_follow_the_interview_rules(eval_dir, framework):
    q = eval_dir / "questions_sample.yaml"
    q.write_text(q.read_text().replace("skills: [empathy]", "skills: [telepathy]").replace("family: eval",
                                                                                       "family: empathy"))
    assert _messages(eval_dir, framework) == [
        "eval/questions_sample.yaml: -: family: eval files say family: eval",
        "eval/questions_sample.yaml: eval.empathy.late_parcel: skills: unknown skill id 'telepathy'"]


def _answers(eval_dir: Path, *records: object) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (eval_dir / "answers_zz.jsonl").write_text("\n".join(lines) + "\n")


GOOD_ANSWER = {"id": "ans.9", "question_id": "eval.empathy.late_parcel", "language": "fr", "style": "terse",
               "author": "nadia", "text": "Je m'excuse et je vérifie le colis tout de suite."}


@pytest.mark.parametrize("record, expected", [
    ("{not json", "eval/answers_zz.jsonl: line 1: json: not valid JSON"),
    ("[1, 2]", "eval/answers_zz.jsonl: line 1: json: must be a JSON object"),
    ({**GOOD_ANSWER, "language": "de"}, "eval/answers_zz.jsonl: line 1: language: 'de' is not one of en, fr"),
    ({**GOOD_ANSWER, "style": "weird"}, "eval/answers_zz.jsonl: line 1: style: 'weird' is not one of"),
    ({**GOOD_ANSWER, "text": "  "}, "eval/answers_zz.jsonl: line 1: text: missing"),
    ({k: v for k, v in GOOD_ANSWER.items() if k != "author"}, "eval/answers_zz.jsonl: line 1: author: missing"),
    ({**GOOD_ANSWER, "rating": 3}, "eval/answers_zz.jsonl: line 1: rating: unknown field"),
    ({**GOOD_ANSWER, "question_id": "eval.nope"}, "eval/answers_zz.jsonl: line 1: question_id: unknown question"),
    ({**GOOD_ANSWER, "id": "ans.1"}, "eval/answers_zz.jsonl: line 1: id: duplicate answer id 'ans.1'"),
])
def test_each_answer_error_names_file_line_and_field(eval_dir, framework, record, expected):
    _answers(eval_dir, record)
    messages = _messages(eval_dir, framework)
    assert any(m.startswith(expected) for m in messages), messages


@pytest.mark.parametrize("line, expected", [
    ({"id": "ans.1", "level": 6}, "eval/ratings/rater_c.jsonl: line 1: level: 6 must be a whole number from 1 to 5"),
    ({"id": "ans.1", "level": "4"}, "eval/ratings/rater_c.jsonl: line 1: level: '4' must be a whole number"),
    ({"id": "ans.404", "level": 3}, "eval/ratings/rater_c.jsonl: line 1: id: unknown answer 'ans.404'"),
    ({"level": 3}, "eval/ratings/rater_c.jsonl: line 1: id: missing"),
    ({"id": "ans.1", "level": 3, "note": 7}, "eval/ratings/rater_c.jsonl: line 1: note: "),
])
def test_each_rating_error_names_file_line_and_field(eval_dir, framework, line, expected):
    (eval_dir / "ratings" / "rater_c.jsonl").write_text(json.dumps(line) + "\n")
    messages = _messages(eval_dir, framework)
    assert any(m.startswith(expected) for m in messages), messages


def test_a_rater_rating_one_answer_twice_is_reported(eval_dir, framework):
    (eval_dir / "ratings" / "rater_c.jsonl").write_text('{"id": "ans.1", "level": 3}\n{"id": "ans.1", "level": 4}\n')
    assert _messages(eval_dir, framework) == [
        "eval/ratings/rater_c.jsonl: line 2: id: answer 'ans.1' rated twice in this file"]


def test_the_app_never_loads_the_eval_folder(framework, tmp_path):
    root = tmp_path / "question_banks"
    shutil.copytree(FIXTURE, root / "eval")
    (root / "eval" / "interview").mkdir()
    shutil.copy(FIXTURE / "questions_sample.yaml", root / "eval" / "interview" / "questions_sample.yaml")
    bank, errors = load_bank_dirs([root, root / "eval"], framework)
    assert errors == [] and bank.questions == () and bank.sjt_items == ()


def test_banks_validate_checks_the_eval_folder(tmp_path, monkeypatch, capsys):
    from screening import cli
    from screening.config import get_settings

    root = tmp_path / "question_banks"
    shutil.copytree(REPO_DIR / "question_banks", root, ignore=shutil.ignore_patterns("eval"))
    shutil.copytree(FIXTURE, root / "eval")
    (root / "eval" / "ratings" / "rater_c.jsonl").write_text('{"id": "ans.1", "level": 9}\n')
    monkeypatch.setenv("SCREENING_BANKS_DIR", str(root))
    get_settings.cache_clear()
    try:
        assert cli.main(["banks", "validate"]) == 1
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert "eval/ratings/rater_c.jsonl: line 1: level: 9 must be a whole number from 1 to 5" in err
