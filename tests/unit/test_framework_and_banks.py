"""The framework and the bank validator: every error names the file, the item and the field."""

from __future__ import annotations

import re
import textwrap

import pytest

from screening import REPO_DIR
from screening.bank_schema import bank_json_schema
from screening.banks import CORE_SKILLS, coverage, coverage_gaps, load_bank_dirs, parse_bank_text
from screening.framework import load_framework
from tests.unit.bank_yaml import question_block, questions_yaml

BANKS = REPO_DIR / "question_banks"


@pytest.fixture(scope="module")
def framework():
    return load_framework(BANKS / "framework.yaml")


def test_framework_holds_the_whole_taxonomy(framework):
    assert [i.id for i in framework.intelligences] == ["cognitive", "intrapersonal", "interpersonal"]
    assert len(framework.families) == 9
    assert len(framework.skills) == 49
    collaboration = framework.family_by_id["collaboration"].skill_ids
    assert {"critical_thinking", "conflict_management", "problem_solving", "leadership"} <= set(collaboration)
    assert set(CORE_SKILLS) <= set(framework.skill_by_id)
    for skill in framework.skills:
        assert skill.name.en and skill.name.fr and skill.definition.en and skill.definition.fr


def test_shipped_banks_are_valid(framework):
    bank, errors = load_bank_dirs([BANKS], framework)
    assert errors == []
    table = coverage(bank, framework)
    assert all(table[s]["exemplars"]["fr"] >= 5 for s in CORE_SKILLS)


def test_shipped_banks_meet_the_depth_rules(framework):
    from screening.targets import load_targets

    bank, _ = load_bank_dirs([BANKS], framework)
    assert coverage_gaps(bank, framework, load_targets(BANKS / "profiles", framework)) == []


GOOD_ITEM = """
items:
  - id: sjt.test.one
    version: 1
    skills: [empathy]
    channel: phone
    moment: stress
    response_format: best_worst
    scenario: {en: "A worried customer calls.", fr: "Un client inquiet appelle."}
    options:
      - {id: a, text: {en: A, fr: A}, key: 5, rationale: {en: r, fr: r}}
      - {id: b, text: {en: B, fr: B}, key: 3, rationale: {en: r, fr: r}}
      - {id: c, text: {en: C, fr: C}, key: 2, rationale: {en: r, fr: r}}
      - {id: d, text: {en: D, fr: D}, key: 1, rationale: {en: r, fr: r}}
"""


def _errors(text, framework, name="sjt/test.yaml"):
    return [str(e) for e in parse_bank_text(textwrap.dedent(text), name, framework)[1]]


def test_a_good_item_passes(framework):
    assert _errors(GOOD_ITEM, framework) == []


@pytest.mark.parametrize("change, expected", [
    (("skills: [empathy]", "skills: [telepathy]"), "sjt/test.yaml: sjt.test.one: skills: unknown skill id 'telepathy'"),
    (('fr: "Un client inquiet appelle."', 'de: "x"'), "sjt/test.yaml: sjt.test.one: scenario.fr: missing translation"),
    (("key: 3", "key: 7"), "sjt/test.yaml: sjt.test.one/b: key: 7 must be a whole number from 1 to 5"),
    (("key: 2", "key: 5"), "sjt/test.yaml: sjt.test.one: options.key: needs exactly one clear best"),
    (("channel: phone", "channel: pigeon"), "sjt/test.yaml: sjt.test.one: channel: 'pigeon' is not one of"),
])
def test_each_error_names_file_item_and_field(framework, change, expected):
    errors = _errors(GOOD_ITEM.replace(*change), framework)
    assert any(e.startswith(expected) for e in errors), errors


def test_yaml_syntax_error_gives_the_line(framework):
    errors = _errors(GOOD_ITEM.replace("    version: 1", "    version: [1"), framework)
    assert len(errors) == 1 and "sjt/test.yaml: -: yaml: syntax error at line" in errors[0]


def test_duplicate_ids_across_files_are_reported(framework, tmp_path):
    (tmp_path / "sjt").mkdir()
    (tmp_path / "sjt" / "a.yaml").write_text(textwrap.dedent(GOOD_ITEM))
    (tmp_path / "sjt" / "b.yaml").write_text(textwrap.dedent(GOOD_ITEM))
    _, errors = load_bank_dirs([tmp_path], framework)
    assert any("duplicate id" in str(e) and "sjt.test.one" in str(e) for e in errors)


def test_question_rules_off_topic_is_level_one_and_levels_are_covered(framework):
    off_topic = '{id: e1, language: en, level: 4, style: off_topic, author: t, text: "%s"}' % ("word " * 50)
    question = questions_yaml(question_block([off_topic], anchor_levels=(1, 5)))
    errors = _errors(question, framework, "interview/test.yaml")
    assert ("interview/test.yaml: iq.test: anchors: needs one anchor for each of levels 1, 3 and 5 (has [1, 5])"
            in errors)
    assert "interview/test.yaml: iq.test/e1: level: an off_topic exemplar is level 1" in errors
    assert any(e.startswith("interview/test.yaml: iq.test: exemplars.fr: needs at least 5") for e in errors)


def test_json_schema_accepts_the_shipped_banks():
    import jsonschema
    import yaml

    schema = bank_json_schema()
    for path in sorted(BANKS.glob("*/*.yaml")):
        if path.parent.name in ("sjt", "interview"):
            jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"items": [{"id": "x"}]}, schema)


def test_every_interface_string_exists_in_english_and_french():
    from screening.i18n.strings import STRINGS

    missing = [k for k, v in STRINGS.items() if not (v.get("en") and v.get("fr"))]
    assert missing == []
    fields = re.compile(r"{(\w+)}")
    placeholders = [k for k, v in STRINGS.items() if set(fields.findall(v["en"])) != set(fields.findall(v["fr"]))]
    assert placeholders == []


def test_committed_model_was_trained_on_the_shipped_exemplars(framework):
    """Change an exemplar or an anchor and forget `screening model train`: this fails."""
    from screening.suggest.model import model_is_stale

    bank, _ = load_bank_dirs([BANKS], framework)
    assert not model_is_stale(bank)


def test_committed_json_schema_matches_the_code():
    """Editors validate against question_banks/bank.schema.json; regenerate it with `screening banks schema`."""
    import json

    committed = json.loads((BANKS / "bank.schema.json").read_text())
    assert committed == bank_json_schema()


def test_every_reason_the_suggester_gives_has_interface_text():
    from screening.i18n.strings import STRINGS
    from screening.suggest import predict

    reasons = {v for k, v in vars(predict).items() if k.startswith("REASON_")}
    assert reasons and all(f"reason.{r}" in STRINGS for r in reasons)


# --- the format extensions: paragraph anchors, contrastive pairs, new styles ---------------------------

def good_question(**changes):
    """A valid interview question as a mapping (5 exemplars per language covering levels 1-5)."""
    exemplars = [{"id": f"{lang}{level}", "language": lang, "level": level, "style": "star_complete",
                  "author": "t", "text": ("word " if lang == "en" else "mot ") * 45}
                 for lang in ("en", "fr") for level in range(1, 6)]
    question = {"id": "iq.test", "version": 1, "skills": ["empathy"], "kind": "behavioural",
                "prompt": {"en": "Tell me", "fr": "Racontez"},
                "probes": {"en": ["What?"], "fr": ["Quoi ?"]},
                "anchors": [{"level": lv, "text": {"en": "a", "fr": "a"},
                             "indicators": {"en": ["x", "y", "z"], "fr": ["x", "y", "z"]}} for lv in (1, 3, 5)],
                "exemplars": exemplars}
    question.update(changes)
    return question


def _question_errors(question, framework):
    import yaml

    return _errors(yaml.safe_dump({"family": "interpersonal_skills", "questions": [question]}), framework,
                   "interview/test.yaml")


def test_a_good_question_passes_and_loads(framework):
    assert _question_errors(good_question(), framework) == []


def test_an_anchor_written_as_a_paragraph_needs_no_indicator_list(framework):
    paragraph = {"en": "The candidate " + "names what they did and why " * 5,
                 "fr": "La personne " + "dit ce qu'elle a fait et pourquoi " * 4}
    anchors = [{"level": 1, "text": paragraph}, *good_question()["anchors"][1:]]
    assert _question_errors(good_question(anchors=anchors), framework) == []
    short = {"en": "A short line.", "fr": "Une ligne courte, vraiment assez courte."}
    anchors = [{"level": 1, "text": short}, *good_question()["anchors"][1:]]
    errors = _question_errors(good_question(anchors=anchors), framework)
    assert any(e.startswith("interview/test.yaml: iq.test/anchor 1: indicators.en: needs at least 3, has 0")
               for e in errors), errors


def test_contrastive_pairs_exist_share_a_language_and_point_back(framework):
    def with_pairs(pairs):
        q = good_question()
        for e in q["exemplars"]:
            if e["id"] in pairs:
                e["pair"] = pairs[e["id"]]
        return q

    assert _question_errors(with_pairs({"en2": "en4", "en4": "en2"}), framework) == []
    errors = _question_errors(with_pairs({"en2": "en9"}), framework)
    assert "interview/test.yaml: iq.test/en2: pair: 'en9' is not another exemplar of this question" in errors
    errors = _question_errors(with_pairs({"en2": "fr4", "fr4": "en2"}), framework)
    assert "interview/test.yaml: iq.test/en2: pair: 'fr4' is in fr, this one in en" in errors
    errors = _question_errors(with_pairs({"en2": "en4"}), framework)
    assert "interview/test.yaml: iq.test/en2: pair: 'en4' does not name 'en2' back as its pair" in errors


@pytest.mark.parametrize("style", ["second_language", "we_not_i", "no_result", "over_promising", "policy_shield",
                                   "borrowed_story"])
def test_the_hard_case_styles_are_accepted(framework, style):
    q = good_question()
    q["exemplars"][1]["style"] = style
    assert _question_errors(q, framework) == []


def test_a_misspelt_field_is_reported_not_ignored(framework):
    q = good_question()
    q["anchors"][0]["indicator"] = q["anchors"][0].pop("indicators")
    errors = _question_errors(q, framework)
    assert "interview/test.yaml: iq.test/anchor 1: indicator: unknown field (check its spelling)" in errors


def test_family_eval_belongs_to_the_eval_folder_only(framework):
    errors = _errors(GOOD_ITEM.replace("items:", "family: eval\nitems:", 1), framework)
    assert errors == ["sjt/test.yaml: -: family: family eval is only for question_banks/eval/"]


def test_loaded_items_carry_the_new_fields(framework):
    import yaml

    q = good_question()
    q["exemplars"][1]["pair"], q["exemplars"][3]["pair"] = "en4", "en2"
    bank, errors = parse_bank_text(yaml.safe_dump({"questions": [q]}), "interview/t.yaml", framework)
    assert errors == []
    by_id = {e.id: e for e in bank.questions[0].exemplars}
    assert by_id["en2"].pair == "en4" and by_id["en1"].pair is None
    assert [a.level for a in bank.questions[0].anchors] == [1, 3, 5]


@pytest.mark.parametrize("held_out", ["eval", "recheck", "recheck2", "recheck3", "recheck4", "recheck5", "recheck6",
                                      "recheck7", "recheck8", "recheck9", "recheck10", "recheck11",
                                      "recheck12"])
def test_bank_files_never_include_a_held_out_folder(framework, tmp_path, held_out):
    (tmp_path / "sjt").mkdir()
    (tmp_path / "sjt" / "a.yaml").write_text(textwrap.dedent(GOOD_ITEM))
    for sub in (held_out, f"{held_out}/sjt", f"{held_out}/interview"):
        (tmp_path / sub).mkdir()
    (tmp_path / held_out / "sjt" / "x.yaml").write_text(textwrap.dedent(GOOD_ITEM))
    (tmp_path / held_out / "questions_x.yaml").write_text("family: eval\nquestions: []\n")
    bank, errors = load_bank_dirs([tmp_path, tmp_path / held_out], framework)
    assert errors == [] and [i.id for i in bank.sjt_items] == ["sjt.test.one"]
