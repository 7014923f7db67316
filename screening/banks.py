"""Question-bank items (SJT and interview), their loader and validator.

Every problem is reported as `file: item id: field: problem`; a bank with any
error is rejected whole, so nothing is ever half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from screening.bank_schema import (
    ANCHOR_LEVELS,
    CHANNELS,
    CORE_SKILLS,
    EXEMPLAR_WORDS,
    KINDS,
    MIN_EXEMPLARS_PER_LANGUAGE,
    MIN_INDICATORS,
    MOMENTS,
    PARAGRAPH_ANCHOR_WORDS,
    RESPONSE_FORMATS,
    SCENARIO_MAX_WORDS,
    STYLES,
    BankFile,
    EvalAnswerModel,
    EvalRatingModel,
    InterviewFile,
    QuestionModel,
    SjtItemModel,
)
from screening.domain.vocab import LANGUAGES
from screening.framework import Framework
from screening.targets import TargetProfile
from screening.text import Text, TextList
from screening.yaml_errors import BankError, BankValidationError, parse_yaml, validation_errors

# --- depth rules (`screening banks validate --strict`), per skill and language ----------------------------
MIN_SJT_PER_SKILL = 3            # every skill
MIN_SJT_WEIGHTED_SKILL = 5       # a skill weighted >= WEIGHTED_SKILL_MIN_WEIGHT in any shipped target profile
WEIGHTED_SKILL_MIN_WEIGHT = 2
MIN_SJT_CORE_SKILL = 6           # the 15 CORE_SKILLS
MIN_QUESTIONS_PER_KIND = {"behavioural": 1, "situational": 1}  # interview questions per skill and kind

__all__ = ["ANCHOR_LEVELS", "CHANNELS", "CORE_SKILLS", "EXEMPLAR_WORDS", "HELD_OUT_DIRS", "KINDS",
           "MIN_EXEMPLARS_PER_LANGUAGE", "MIN_INDICATORS", "MOMENTS", "PARAGRAPH_ANCHOR_WORDS", "RESPONSE_FORMATS",
           "SCENARIO_MAX_WORDS", "STYLES", "Anchor", "Bank", "BankError", "EvalAnswer", "EvalSet", "Exemplar",
           "InterviewQuestion", "Item", "SjtItem",
           "SjtOption", "UploadOutcome", "apply_upload", "bank_files", "coverage", "coverage_gaps", "load_bank_dirs",
           "load_banks", "load_eval_set", "merge_banks", "parse_bank_text"]


# --- items -----------------------------------------------------------------

@dataclass(frozen=True)
class SjtOption:
    id: str
    text: Text
    key: int
    rationale: Text


@dataclass(frozen=True)
class SjtItem:
    id: str
    version: int
    skills: tuple[str, ...]
    channel: str
    moment: str
    response_format: str
    scenario: Text
    options: tuple[SjtOption, ...]
    source: str

    @property
    def keys(self) -> tuple[int, ...]:
        return tuple(o.key for o in self.options)


@dataclass(frozen=True)
class Anchor:
    level: int
    text: Text
    indicators: TextList


@dataclass(frozen=True)
class Exemplar:
    id: str
    language: str
    level: int
    style: str
    author: str
    text: str
    pair: str | None = None  # a contrastive partner in the same question and language
    ratings: tuple[int, ...] = ()  # levels blind raters gave it; `level` is the one the bank shows and keys

    @property
    def reference_level(self) -> float:
        """What the suggester learns: the blind raters' mean when it was rated blind, else the bank's level."""
        return sum(self.ratings) / len(self.ratings) if self.ratings else float(self.level)

    @property
    def raters_agree(self) -> bool:
        """Its blind raters' mean lies within half a level of its bank level (true when it was not rated
        blind): only such exemplars key a rater's calibration."""
        return abs(self.reference_level - self.level) <= 0.5


@dataclass(frozen=True)
class InterviewQuestion:
    id: str
    version: int
    skills: tuple[str, ...]
    kind: str
    prompt: Text
    probes: TextList
    anchors: tuple[Anchor, ...]
    exemplars: tuple[Exemplar, ...]
    source: str

    def exemplars_in(self, lang: str) -> tuple[Exemplar, ...]:
        return tuple(e for e in self.exemplars if e.language == lang)


Item = SjtItem | InterviewQuestion


@dataclass(frozen=True)
class Bank:
    """Every item the app may use (latest versions), plus earlier versions kept for old attempts."""

    sjt_items: tuple[SjtItem, ...] = ()
    questions: tuple[InterviewQuestion, ...] = ()
    sources: tuple[str, ...] = field(default=())
    archive: tuple[Item, ...] = ()

    @cached_property
    def sjt_by_id(self) -> dict[str, SjtItem]:
        return {i.id: i for i in self.sjt_items}

    @cached_property
    def question_by_id(self) -> dict[str, InterviewQuestion]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _by_version(self) -> dict[tuple[str, int], Item]:
        return {(i.id, i.version): i for i in [*self.archive, *self.sjt_items, *self.questions]}

    def sjt_at(self, item_id: str, version: int) -> SjtItem | None:
        """The item as it was at `version` (what an attempt was given), else its latest version."""
        item = self._by_version.get((item_id, version))
        return item if isinstance(item, SjtItem) else self.sjt_by_id.get(item_id)

    def question_at(self, question_id: str, version: int) -> InterviewQuestion | None:
        item = self._by_version.get((question_id, version))
        return item if isinstance(item, InterviewQuestion) else self.question_by_id.get(question_id)

    def sjt_for_skills(self, skills: set[str]) -> list[SjtItem]:
        return [i for i in self.sjt_items if skills.intersection(i.skills)]

    def questions_for_skills(self, skills: set[str]) -> list[InterviewQuestion]:
        return [q for q in self.questions if skills.intersection(q.skills)]


@dataclass(frozen=True)
class UploadOutcome:
    bank: Bank
    added: tuple[str, ...]
    new_versions: tuple[str, ...]
    unchanged: tuple[str, ...]


def _content(item: Item) -> Item:
    return replace(item, version=0, source="")


def apply_upload(base: Bank, upload: Bank) -> UploadOutcome:
    """Add an uploaded bank. New ids join; a changed item becomes the next version of the one it
    replaces (the old version stays in the archive for attempts that used it); unchanged items are
    left as they were."""
    existing: list[Item] = [*base.sjt_items, *base.questions]
    current: dict[str, Item] = {i.id: i for i in existing}
    archive = list(base.archive)
    added: list[str] = []
    versioned: list[str] = []
    unchanged: list[str] = []
    uploaded: list[Item] = [*upload.sjt_items, *upload.questions]
    for item in uploaded:
        old = current.get(item.id)
        if old is None:
            current[item.id] = item
            added.append(item.id)
        elif _content(old) == _content(item):
            unchanged.append(item.id)
        else:
            archive.append(old)
            current[item.id] = replace(item, version=old.version + 1)
            versioned.append(item.id)
    items = list(current.values())
    bank = Bank(tuple(i for i in items if isinstance(i, SjtItem)),
                tuple(i for i in items if isinstance(i, InterviewQuestion)),
                (*base.sources, *upload.sources), tuple(archive))
    return UploadOutcome(bank, tuple(added), tuple(versioned), tuple(unchanged))


# --- parsing (the models in screening.bank_schema validate; these build the app's items) -------

def _context(framework: Framework | None, eval_set: bool = False) -> dict[str, Any]:
    if framework is None:
        return {"eval": eval_set}
    return {"skills": frozenset(framework.skill_by_id), "families": frozenset(framework.family_by_id),
            "eval": eval_set}


def _text(t: Any) -> Text:
    return Text(t.en, t.fr)


def sjt_item_from(m: SjtItemModel, source: str) -> SjtItem:
    return SjtItem(m.id, m.version, tuple(m.skills), m.channel, m.moment, m.response_format, _text(m.scenario),
                   tuple(SjtOption(o.id, _text(o.text), o.key, _text(o.rationale)) for o in m.options), source)


def question_from(m: QuestionModel, source: str) -> InterviewQuestion:
    none = TextList((), ())
    anchors = tuple(Anchor(a.level, _text(a.text),
                           TextList(tuple(a.indicators.en), tuple(a.indicators.fr)) if a.indicators else none)
                    for a in sorted(m.anchors, key=lambda a: a.level))
    exemplars = tuple(Exemplar(e.id, e.language, e.level, e.style, e.author, e.text, e.pair, tuple(e.ratings or ()))
                      for e in m.exemplars)
    return InterviewQuestion(m.id, m.version, tuple(m.skills), m.kind, _text(m.prompt),
                             TextList(tuple(m.probes.en), tuple(m.probes.fr)), anchors, exemplars, source)


def _valid(model: type[BaseModel], nodes: Any, ctx: dict[str, Any]) -> Iterable[Any]:
    """The nodes that validate on their own (what loads from a file that has errors elsewhere)."""
    for node in nodes if isinstance(nodes, list) else []:
        try:
            yield model.model_validate(node, context=ctx)
        except ValidationError:
            continue


def parse_bank_data(data: Any, name: str, framework: Framework | None, *, eval_set: bool = False
                    ) -> tuple[Bank, list[BankError]]:
    """Validate one bank file's parsed YAML. On errors, the bank holds the items that are valid by themselves."""
    ctx = _context(framework, eval_set)
    try:
        parsed = BankFile.model_validate(data, context=ctx)
    except ValidationError as exc:
        errors = validation_errors(exc, data, name)
        items = data if isinstance(data, dict) else {}
        sjt = [sjt_item_from(m, name) for m in _valid(SjtItemModel, items.get("items"), ctx)]
        questions = [question_from(m, name) for m in _valid(QuestionModel, items.get("questions"), ctx)]
        return Bank(tuple(sjt), tuple(questions), (name,)), errors
    return Bank(tuple(sjt_item_from(m, name) for m in parsed.items or ()),
                tuple(question_from(m, name) for m in parsed.questions or ()), (name,)), []


def parse_bank_text(text: str, name: str, framework: Framework) -> tuple[Bank, list[BankError]]:
    """Parse one bank file's text (an SJT file, an interview file, or both sections)."""
    data, err = parse_yaml(text, name)
    if err:
        return Bank(), [err]
    return parse_bank_data(data, name, framework)


# --- loading ---------------------------------------------------------------

def merge_banks(banks: list[Bank], errors: list[BankError]) -> Bank:
    """Join banks, reporting an id used twice (in any file) as an error."""
    seen: dict[str, str] = {}
    for bank in banks:
        items: list[Item] = [*bank.sjt_items, *bank.questions]
        for item in items:
            if item.id in seen:
                errors.append(BankError(item.source, item.id, "id", f"duplicate id (also in {seen[item.id]})"))
            seen[item.id] = item.source
    return Bank(tuple(i for b in banks for i in b.sjt_items), tuple(q for b in banks for q in b.questions),
                tuple(s for b in banks for s in b.sources))


# question_banks/eval/ (the check set) and recheck*/ (later sealed sets, each scored once): held-out questions
# and answers, validated by `banks validate`, scored by `model check-set --set`, never loaded into the app
HELD_OUT_DIRS = ("eval", "recheck", "recheck2", "recheck3", "recheck4", "recheck5", "recheck6", "recheck7",
                 "recheck8", "recheck9", "recheck10", "recheck11", "recheck12")
# Those already scored once (spent): the trainer fits the suggester's second stage and cut-points on their rated
# answers (every part). A set still sealed is never read by the trainer; it is scored once, after the model is frozen.
SPENT_DIRS = ("eval", "recheck", "recheck2", "recheck3", "recheck4", "recheck5", "recheck6", "recheck7",
              "recheck8")


def bank_files(root: Path) -> list[Path]:
    """The bank files under a root: sjt/*.yaml and interview/*.yaml, never anything under a held-out folder."""
    root = Path(root)
    if root.name in HELD_OUT_DIRS:
        return []
    return sorted(p for p in [*root.glob("sjt/*.yaml"), *root.glob("interview/*.yaml")]
                  if not set(HELD_OUT_DIRS) & set(p.relative_to(root).parts))


def load_bank_dirs(roots: list[Path], framework: Framework) -> tuple[Bank, list[BankError]]:
    errors: list[BankError] = []
    banks: list[Bank] = []
    for root in roots:
        for path in bank_files(root):
            name = str(path.relative_to(root.parent)) if root.parent in path.parents else path.name
            bank, errs = parse_bank_text(path.read_text(encoding="utf-8"), name, framework)
            banks.append(bank)
            errors.extend(errs)
    return merge_banks(banks, errors), errors


def load_banks(roots: list[Path], framework: Framework) -> Bank:
    bank, errors = load_bank_dirs(roots, framework)
    if errors:
        raise BankValidationError(errors)
    return bank


# --- the eval set (question_banks/eval/) -------------------------------------------------------

@dataclass(frozen=True)
class EvalAnswer:
    id: str
    question_id: str
    language: str
    style: str
    author: str
    text: str
    source: str
    line: int


@dataclass(frozen=True)
class EvalSet:
    """Held-out interview questions (no exemplars), answers to them, and people's ratings of the answers."""

    questions: tuple[InterviewQuestion, ...] = ()
    answers: tuple[EvalAnswer, ...] = ()
    ratings: tuple[tuple[str, str, int, str], ...] = ()  # (rater: the ratings file's stem, answer id, level, note)

    def levels(self, answer_id: str) -> dict[str, int]:
        """Every rater's level for one answer."""
        return {rater: level for rater, aid, level, _ in self.ratings if aid == answer_id}


def _jsonl(path: Path, name: str, model: type[BaseModel], errors: list[BankError]) -> list[tuple[int, Any]]:
    """Validate each line of a JSON-lines file; return (line number, model) for the valid ones."""
    import json

    out: list[tuple[int, Any]] = []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        errors.append(BankError(name, "-", "file", "not UTF-8 text"))
        return out
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(BankError(name, f"line {n}", "json", f"not valid JSON: {exc.msg} at column {exc.colno}"))
            continue
        if not isinstance(record, dict):
            errors.append(BankError(name, f"line {n}", "json", "must be a JSON object"))
            continue
        try:
            out.append((n, model.model_validate(record)))
        except ValidationError as exc:
            errors.extend(validation_errors(exc, record, name, f"line {n}"))
    return out


def load_eval_set(path: Path, framework: Framework | None = None) -> tuple[EvalSet, list[BankError]]:
    """Read and validate question_banks/eval/: `questions_*.yaml` (interview questions without exemplars,
    family `eval`), `answers_*.jsonl` (id, question_id, language, style, author, text) and
    `ratings/*.jsonl` (id, level 1-5, note). Errors read `file: line N (or item id): field: problem`."""
    path = Path(path)
    errors: list[BankError] = []
    ctx = _context(framework, eval_set=True)
    banks: list[Bank] = []
    named: set[str] = set()  # question ids written, valid or not (an answer to an invalid question is not unknown)
    for file in sorted(path.glob("questions_*.yaml")):
        name = f"{path.name}/{file.name}"
        data, err = parse_yaml(file.read_text(encoding="utf-8"), name)
        if err:
            errors.append(err)
            continue
        nodes = data.get("questions") if isinstance(data, dict) else None
        named.update(str(n["id"]) for n in (nodes if isinstance(nodes, list) else [])
                     if isinstance(n, dict) and n.get("id"))
        try:
            parsed = InterviewFile.model_validate(data, context=ctx)
            questions = [question_from(m, name) for m in parsed.questions]
        except ValidationError as exc:
            errors.extend(validation_errors(exc, data, name))
            questions = [question_from(m, name) for m in _valid(QuestionModel, nodes, ctx)]
        banks.append(Bank((), tuple(questions), (name,)))
    bank = merge_banks(banks, errors)
    qids = named | {q.id for q in bank.questions}

    answers: list[EvalAnswer] = []
    seen: dict[str, str] = {}
    for file in sorted(path.glob("answers_*.jsonl")):
        name = f"{path.name}/{file.name}"
        for n, a in _jsonl(file, name, EvalAnswerModel, errors):
            where = f"line {n}"
            if a.id in seen:
                errors.append(BankError(name, where, "id", f"duplicate answer id {a.id!r} (also in {seen[a.id]})"))
            seen[a.id] = f"{name} line {n}"
            if a.question_id not in qids:
                errors.append(BankError(name, where, "question_id",
                                        f"unknown question {a.question_id!r} (not in {path.name}/questions_*.yaml)"))
            answers.append(EvalAnswer(a.id, a.question_id, a.language, a.style, a.author, a.text, name, n))

    ratings: list[tuple[str, str, int, str]] = []
    for file in sorted((path / "ratings").glob("*.jsonl")):
        name = f"{path.name}/ratings/{file.name}"
        rated: set[str] = set()
        for n, r in _jsonl(file, name, EvalRatingModel, errors):
            if r.id not in seen:
                errors.append(BankError(name, f"line {n}", "id", f"unknown answer {r.id!r}"))
            if r.id in rated:
                errors.append(BankError(name, f"line {n}", "id", f"answer {r.id!r} rated twice in this file"))
            rated.add(r.id)
            ratings.append((file.stem, r.id, r.level, r.note))
    return EvalSet(bank.questions, tuple(answers), tuple(ratings)), errors


# --- coverage --------------------------------------------------------------

def coverage(bank: Bank, framework: Framework) -> dict[str, dict[str, dict[str, int]]]:
    """Per skill id: counts of SJT items, interview questions and exemplars per language."""
    out = {s.id: {"sjt": {"en": 0, "fr": 0}, "interview": {"en": 0, "fr": 0}, "exemplars": {"en": 0, "fr": 0}}
           for s in framework.skills}
    for item in bank.sjt_items:
        for sid in item.skills:
            for lang in LANGUAGES:
                out.setdefault(sid, _empty())["sjt"][lang] += int(bool(item.scenario.get(lang)))
    for q in bank.questions:
        for sid in q.skills:
            for lang in LANGUAGES:
                out.setdefault(sid, _empty())["interview"][lang] += int(bool(q.prompt.get(lang)))
                out[sid]["exemplars"][lang] += len(q.exemplars_in(lang))
    return out


def _empty() -> dict[str, dict[str, int]]:
    return {"sjt": {"en": 0, "fr": 0}, "interview": {"en": 0, "fr": 0}, "exemplars": {"en": 0, "fr": 0}}


def sjt_needed(skill_id: str, targets: Iterable[TargetProfile] = ()) -> int:
    """How many SJT items `--strict` requires for a skill (per language)."""
    weighted = any(t.weight_by_skill.get(skill_id, 0) >= WEIGHTED_SKILL_MIN_WEIGHT for t in targets)
    return max(MIN_SJT_PER_SKILL, MIN_SJT_WEIGHTED_SKILL if weighted else 0,
               MIN_SJT_CORE_SKILL if skill_id in CORE_SKILLS else 0)


def coverage_gaps(bank: Bank, framework: Framework, targets: Iterable[TargetProfile] | Mapping[str, TargetProfile] = ()
                  ) -> list[str]:
    """What `banks validate --strict` requires and the banks do not yet hold (the depth rules at the top)."""
    profiles = list(targets.values()) if isinstance(targets, Mapping) else list(targets)
    gaps: list[str] = []
    counts = coverage(bank, framework)
    for sid, c in counts.items():
        need_sjt = sjt_needed(sid, profiles)
        for lang in LANGUAGES:
            if c["sjt"][lang] < need_sjt:
                gaps.append(f"{sid}: sjt.{lang}: has {c['sjt'][lang]}, needs {need_sjt}")
        for kind, need in MIN_QUESTIONS_PER_KIND.items():
            has = sum(1 for q in bank.questions if sid in q.skills and q.kind == kind)
            if has < need:
                gaps.append(f"{sid}: interview.{kind}: has {has}, needs {need}")
    return gaps
