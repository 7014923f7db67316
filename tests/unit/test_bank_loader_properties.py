"""Property-based tests of the bank loader: whatever an author (or an upload) feeds it, the loader answers
with errors in the `file: item: field: problem` form, never with an exception or a traceback."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from collections.abc import Iterator
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")  # needs hypothesis in the test extra
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from screening import REPO_DIR  # noqa: E402
from screening.banks import parse_bank_text  # noqa: E402
from screening.framework import Framework, load_framework  # noqa: E402
from screening.yaml_errors import BankError  # noqa: E402

NAME = "sjt/prop.yaml"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

@functools.cache
def framework() -> Framework:
    return load_framework(REPO_DIR / "question_banks" / "framework.yaml")


def good_bank() -> dict[str, Any]:
    """One valid SJT item and one valid interview question."""
    options = [{"id": oid, "text": {"en": f"Option {oid}", "fr": f"Option {oid}"}, "key": key,
                "rationale": {"en": "r", "fr": "r"}} for oid, key in zip("abcd", (5, 3, 2, 1), strict=True)]
    item = {"id": "sjt.prop.one", "version": 1, "skills": ["empathy"], "channel": "phone", "moment": "stress",
            "response_format": "best_worst",
            "scenario": {"en": "A worried customer calls.", "fr": "Un client appelle."},
            "options": options}
    exemplars = [{"id": f"{lang}{level}", "language": lang, "level": level, "style": "star_complete",
                  "author": "t", "text": ("word " if lang == "en" else "mot ") * 45}
                 for lang in ("en", "fr") for level in range(1, 6)]
    question = {"id": "iq.prop.one", "version": 1, "skills": ["empathy"], "kind": "behavioural",
                "prompt": {"en": "Tell me", "fr": "Racontez"}, "probes": {"en": ["What?"], "fr": ["Quoi ?"]},
                "anchors": [{"level": lv, "text": {"en": "a", "fr": "a"},
                             "indicators": {"en": ["x", "y", "z"], "fr": ["x", "y", "z"]}} for lv in (1, 3, 5)],
                "exemplars": exemplars}
    return {"items": [item], "questions": [question]}


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside the document (the root excluded)."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield (*prefix, k)
            yield from paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield (*prefix, i)
            yield from paths(v, (*prefix, i))


GOOD = good_bank()
PATHS = sorted(paths(GOOD), key=repr)


def get(node: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        node = node[p]
    return node


def put(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    get(doc, path[:-1])[path[-1]] = value
    return doc


def drop(doc: Any, path: tuple[Any, ...]) -> Any:
    doc = copy.deepcopy(doc)
    parent = get(doc, path[:-1])
    del parent[path[-1]]
    return doc


def dump(doc: Any) -> str:
    import yaml

    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def check_form(errors: list[BankError]) -> None:
    for e in errors:
        assert isinstance(e, BankError)
        assert e.file == NAME
        assert e.item and e.field and e.problem, e
        assert str(e).split(": ", 3) == [e.file, e.item, e.field, e.problem], str(e)  # parseable back
        assert "\n" not in f"{e.item}{e.field}", e


def load(text: str) -> list[BankError]:
    _, errors = parse_bank_text(text, NAME, framework())
    check_form(errors)
    return errors


# Scalars YAML can hold, of every type the format meets.
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=30), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=8)


def kind(value: Any) -> str:
    """The type that matters to the format: bool and int apart, text apart from everything else."""
    if isinstance(value, bool):
        return "bool"
    return {int: "int", str: "str", list: "list", dict: "dict"}.get(type(value), type(value).__name__)


def test_the_document_the_properties_start_from_is_valid():
    assert load(dump(GOOD)) == []


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_gives_errors_in_form_never_an_exception(text):
    load(text)


YAML_BITS = st.sampled_from(["items:", "questions:", "- ", "  ", "\n", "id: x", "{", "}", "[", "]", ": ", "&a ", "*a",
                             "!!python/object:os.system", "key: 7", "options:", "'", '"', "\t", "? ", "---", "...",
                             "%YAML 1.1", "!!binary", "|", ">", "#", "en: ", "fr: ", "level: 9", ",", "~", "0x1F"])


@SETTINGS
@given(st.lists(YAML_BITS, max_size=40).map("".join))
def test_any_yaml_like_text_gives_errors_in_form_never_an_exception(text):
    load(text)


@SETTINGS
@given(st.integers(0, len(dump(GOOD)) - 1), st.integers(1, 40), st.text(max_size=5))
def test_a_mangled_good_file_gives_errors_in_form(start, length, insert):
    text = dump(GOOD)
    load(text[:start] + insert + text[start + length:])


@SETTINGS
@given(st.sampled_from(PATHS), VALUES)
def test_any_field_replaced_by_a_value_of_another_type_is_an_error(path, value):
    original = get(GOOD, path)
    errors = load(dump(put(GOOD, path, value)))
    if kind(value) != kind(original):
        assert errors, (path, value)
        if path[0] in ("items", "questions") and len(path) > 2 and path[2] != "id":
            owner = get(GOOD, path[:2])["id"]
            assert any(e.item.startswith(owner) for e in errors), errors


@SETTINGS
@given(st.sampled_from(PATHS), st.sampled_from([0, -1, 6, 10**9, "", " ", "x" * 500, "pigeon", [], {}, None]))
def test_any_field_given_a_wrong_value_gives_errors_in_form(path, value):
    load(dump(put(GOOD, path, value)))


@SETTINGS
@given(st.sampled_from([p for p in PATHS if len(p) > 1 and not isinstance(p[-1], int)]))
def test_any_required_field_removed_is_an_error(path):
    """Every field inside an item is required (a file needs only one of `items` and `questions`)."""
    errors = load(dump(drop(GOOD, path)))
    assert errors, path


@SETTINGS
@given(st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), VALUES, max_size=5))
def test_any_mapping_as_a_whole_file_gives_errors_in_form(doc):
    load(dump(doc))


def test_self_referencing_and_deep_yaml_is_an_error_not_a_crash():
    load("items: &a [*a]\n")
    load("items:\n  - &b {id: x, options: [*b]}\n")
    load("[" * 5000 + "]" * 5000)
    load("items: " + "[" * 5000 + "]" * 5000)


# --- the eval set's files ------------------------------------------------------------------------------

JSON_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                           max_leaves=8)
ANSWER_FIELDS = st.fixed_dictionaries({}, optional={k: JSON_VALUES for k in (
    "id", "question_id", "language", "style", "author", "text", "level", "note")})


@SETTINGS
@given(st.lists(st.one_of(st.text(max_size=60), ANSWER_FIELDS.map(json.dumps), JSON_VALUES.map(json.dumps)),
                max_size=6),
       st.one_of(st.text(max_size=200), st.sampled_from(["questions: 5\n", "family: eval\nquestions: [1, {id: q}]\n"])))
def test_any_eval_files_give_errors_in_form_never_an_exception(tmp_path_factory, lines, questions):
    from screening.banks import load_eval_set

    root = tmp_path_factory.mktemp("eval")
    (root / "ratings").mkdir()
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    (root / "questions_x.yaml").write_text(questions, encoding="utf-8")
    (root / "answers_x.jsonl").write_text(text, encoding="utf-8")
    (root / "ratings" / "r.jsonl").write_text(text, encoding="utf-8")
    _, errors = load_eval_set(root, framework())
    for e in errors:
        assert str(e).split(": ", 3) == [e.file, e.item, e.field, e.problem], str(e)
