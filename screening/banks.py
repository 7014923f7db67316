"""Question-bank items (SJT and interview), their loader and validator.

Every problem is reported as `file: item id: field: problem`; a bank with any
error is rejected whole, so nothing is ever half-loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from screening.framework import Framework
from screening.text import LANGUAGES, Text, TextList
from screening.yaml_errors import BankError, BankValidationError, localised, parse_yaml

CHANNELS = ("phone", "live_chat", "chatbot_handover", "email", "messaging", "social_media",
            "click_to_call", "brand_app")
MOMENTS = ("first_time", "stress", "high_stakes", "cancellation", "last_contact", "routine")
RESPONSE_FORMATS = ("best_worst", "rate_each")
KINDS = ("behavioural", "situational")
STYLES = ("star_complete", "partial", "vague", "hypothetical", "blaming", "rubric_echo", "off_topic",
          "rambling", "terse", "plain_strong", "generic",
          # the hard cases: strong told by a second-language writer; contrastive flaws
          "second_language", "we_not_i", "no_result", "over_promising", "policy_shield", "borrowed_story")
ANCHOR_LEVELS = (1, 3, 5)
CORE_SKILLS = ("empathy", "active_listening", "de_escalating_language", "effective_apology",
               "understanding_conflict_escalation", "emotional_self_regulation", "patience",
               "adaptability", "resilience", "situational_awareness", "written_communication",
               "oral_communication", "problem_solving", "benevolence", "authenticity")
SCENARIO_MAX_WORDS = 120
EXEMPLAR_WORDS = (40, 220)
MIN_EXEMPLARS_PER_LANGUAGE = 5
MIN_INDICATORS = 3


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
    current: dict[str, Item] = {i.id: i for i in [*base.sjt_items, *base.questions]}
    archive = list(base.archive)
    added, versioned, unchanged = [], [], []
    for item in [*upload.sjt_items, *upload.questions]:
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


# --- parsing ---------------------------------------------------------------

class _Reader:
    """Reads one YAML file's items, recording errors with file and item id."""

    def __init__(self, source: str, framework: Framework):
        self.source = source
        self.framework = framework
        self.errors: list[BankError] = []

    def error(self, item: str, fld: str, problem: str) -> None:
        self.errors.append(BankError(self.source, item, fld, problem))

    def text(self, node: dict, fld: str, item: str) -> Text:
        return localised(node, fld, self.source, item, self.errors)

    def text_list(self, node: dict, fld: str, item: str, minimum: int = 1) -> TextList:
        value = node.get(fld)
        if not isinstance(value, dict):
            self.error(item, fld, "missing (needs en and fr lists)")
            return TextList((), ())
        out: dict[str, tuple[str, ...]] = {}
        for lang in LANGUAGES:
            seq = value.get(lang)
            if not isinstance(seq, list) or not all(isinstance(s, str) and s.strip() for s in seq):
                self.error(item, f"{fld}.{lang}", "missing translation (a list of strings)")
                seq = []
            elif len(seq) < minimum:
                self.error(item, f"{fld}.{lang}", f"needs at least {minimum}, has {len(seq)}")
            out[lang] = tuple(seq)
        return TextList(out["en"], out["fr"])

    def choice(self, node: dict, fld: str, item: str, allowed: tuple[str, ...]) -> str:
        value = node.get(fld)
        if value not in allowed:
            self.error(item, fld, f"{value!r} is not one of {', '.join(allowed)}")
        return str(value)

    def integer(self, node: dict, fld: str, item: str, low: int, high: int) -> int:
        value = node.get(fld)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.error(item, fld, f"{value!r} must be a whole number from {low} to {high}")
            return low
        return value

    def skills(self, node: dict, item: str) -> tuple[str, ...]:
        value = node.get("skills")
        if not isinstance(value, list) or not value:
            self.error(item, "skills", "needs at least one skill id")
            return ()
        for sid in value:
            if sid not in self.framework.skill_by_id:
                self.error(item, "skills", f"unknown skill id {sid!r}")
        return tuple(str(s) for s in value)

    def version(self, node: dict, item: str) -> int:
        return self.integer(node, "version", item, 1, 10_000)


def _words(text: str) -> int:
    return len(text.split())


def _parse_sjt(node: dict, r: _Reader) -> SjtItem | None:
    iid = str(node.get("id") or "?")
    if iid == "?":
        r.error(iid, "id", "missing")
    scenario = r.text(node, "scenario", iid)
    for lang in LANGUAGES:
        n = _words(scenario.get(lang))
        if n > SCENARIO_MAX_WORDS:
            r.error(iid, f"scenario.{lang}", f"{n} words; keep it under {SCENARIO_MAX_WORDS}")
    options: list[SjtOption] = []
    raw = node.get("options")
    if not isinstance(raw, list) or not 4 <= len(raw) <= 5:
        r.error(iid, "options", "needs 4 or 5 options")
        raw = raw if isinstance(raw, list) else []
    for k, opt in enumerate(raw):
        oid = str(opt.get("id") or f"#{k + 1}") if isinstance(opt, dict) else f"#{k + 1}"
        if not isinstance(opt, dict):
            r.error(iid, f"options.{oid}", "must be a mapping")
            continue
        options.append(SjtOption(oid, r.text(opt, "text", f"{iid}/{oid}"),
                                 r.integer(opt, "key", f"{iid}/{oid}", 1, 5),
                                 r.text(opt, "rationale", f"{iid}/{oid}")))
    if len({o.id for o in options}) != len(options):
        r.error(iid, "options", "option ids must be unique")
    keys = [o.key for o in options]
    if keys and (keys.count(max(keys)) != 1 or keys.count(min(keys)) != 1 or max(keys) == min(keys)):
        r.error(iid, "options.key", "needs exactly one clear best (highest key) and one clear worst (lowest key)")
    return SjtItem(iid, r.version(node, iid), r.skills(node, iid),
                   r.choice(node, "channel", iid, CHANNELS), r.choice(node, "moment", iid, MOMENTS),
                   r.choice(node, "response_format", iid, RESPONSE_FORMATS), scenario, tuple(options),
                   r.source)


def _parse_question(node: dict, r: _Reader) -> InterviewQuestion:
    qid = str(node.get("id") or "?")
    if qid == "?":
        r.error(qid, "id", "missing")
    anchors: list[Anchor] = []
    for a in node.get("anchors") or []:
        if not isinstance(a, dict):
            r.error(qid, "anchors", "each anchor must be a mapping")
            continue
        level = r.integer(a, "level", qid, 1, 5)
        anchors.append(Anchor(level, r.text(a, "text", f"{qid}/anchor {level}"),
                              r.text_list(a, "indicators", f"{qid}/anchor {level}", MIN_INDICATORS)))
    levels = sorted(a.level for a in anchors)
    if not set(ANCHOR_LEVELS).issubset(levels) or len(levels) != len(set(levels)):
        r.error(qid, "anchors", f"needs one anchor for each of levels 1, 3 and 5 (has {levels})")
    exemplars = [_parse_exemplar(e, qid, r) for e in node.get("exemplars") or []]
    if len({e.id for e in exemplars}) != len(exemplars):
        r.error(qid, "exemplars", "exemplar ids must be unique within the question")
    for lang in LANGUAGES:
        mine = [e for e in exemplars if e.language == lang]
        if len(mine) < MIN_EXEMPLARS_PER_LANGUAGE:
            r.error(qid, f"exemplars.{lang}", f"needs at least {MIN_EXEMPLARS_PER_LANGUAGE}, has {len(mine)}")
        missing = sorted({1, 2, 3, 4, 5} - {e.level for e in mine})
        if missing:
            r.error(qid, f"exemplars.{lang}", f"no exemplar at level(s) {missing}")
    return InterviewQuestion(qid, r.version(node, qid), r.skills(node, qid),
                             r.choice(node, "kind", qid, KINDS), r.text(node, "prompt", qid),
                             r.text_list(node, "probes", qid), tuple(sorted(anchors, key=lambda a: a.level)),
                             tuple(exemplars), r.source)


def _parse_exemplar(node: Any, qid: str, r: _Reader) -> Exemplar:
    if not isinstance(node, dict):
        r.error(qid, "exemplars", "each exemplar must be a mapping")
        return Exemplar("?", "en", 1, "vague", "?", "")
    eid = str(node.get("id") or "?")
    where = f"{qid}/{eid}"
    text = node.get("text")
    if not isinstance(text, str) or not text.strip():
        r.error(where, "text", "missing")
        text = ""
    n = _words(text)
    if text and not EXEMPLAR_WORDS[0] <= n <= EXEMPLAR_WORDS[1]:
        r.error(where, "text", f"{n} words; keep exemplars between {EXEMPLAR_WORDS[0]} and {EXEMPLAR_WORDS[1]}")
    style = r.choice(node, "style", where, STYLES)
    level = r.integer(node, "level", where, 1, 5)
    if style == "off_topic" and level != 1:
        r.error(where, "level", "an off_topic exemplar is level 1")
    author = node.get("author")
    if not isinstance(author, str) or not author.strip():
        r.error(where, "author", "missing author tag")
    return Exemplar(eid, r.choice(node, "language", where, LANGUAGES), level, style, str(author or ""), text)


# --- loading ---------------------------------------------------------------

def parse_bank_text(text: str, name: str, framework: Framework) -> tuple[Bank, list[BankError]]:
    """Parse one bank file's text (an SJT file, an interview file, or both sections)."""
    data, err = parse_yaml(text, name)
    if err:
        return Bank(), [err]
    r = _Reader(name, framework)
    if not isinstance(data, dict) or not ({"items", "questions"} & set(data)):
        r.error("-", "items/questions", "a bank file needs an `items` (SJT) or `questions` (interview) list")
        return Bank(), r.errors
    sjt = [_parse_sjt(n, r) for n in _list(data, "items", r) if n is not None]
    questions = [_parse_question(n, r) for n in _list(data, "questions", r)]
    return Bank(tuple(i for i in sjt if i), tuple(questions), (name,)), r.errors


def _list(data: dict, key: str, r: _Reader) -> list[dict]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        r.error("-", key, "must be a list of mappings")
        return []
    return value


def merge_banks(banks: list[Bank], errors: list[BankError]) -> Bank:
    """Join banks, reporting an id used twice (in any file) as an error."""
    seen: dict[str, str] = {}
    for bank in banks:
        for item in [*bank.sjt_items, *bank.questions]:
            if item.id in seen:
                errors.append(BankError(item.source, item.id, "id", f"duplicate id (also in {seen[item.id]})"))
            seen[item.id] = item.source
    return Bank(tuple(i for b in banks for i in b.sjt_items), tuple(q for b in banks for q in b.questions),
                tuple(s for b in banks for s in b.sources))


def bank_files(root: Path) -> list[Path]:
    return sorted([*root.glob("sjt/*.yaml"), *root.glob("interview/*.yaml")])


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


def coverage_gaps(bank: Bank, framework: Framework) -> list[str]:
    """What `banks validate --strict` requires and the banks do not yet hold."""
    gaps: list[str] = []
    counts = coverage(bank, framework)
    for sid, c in counts.items():
        need_sjt, need_iq = (3, 2) if sid in CORE_SKILLS else (1, 1)
        for lang in LANGUAGES:
            if c["sjt"][lang] < need_sjt:
                gaps.append(f"{sid}: sjt.{lang}: has {c['sjt'][lang]}, needs {need_sjt}")
            if c["interview"][lang] < need_iq:
                gaps.append(f"{sid}: interview.{lang}: has {c['interview'][lang]}, needs {need_iq}")
        if sid in CORE_SKILLS:
            kinds = {q.kind for q in bank.questions if sid in q.skills}
            for kind in KINDS:
                if kind not in kinds:
                    gaps.append(f"{sid}: interview.kind: no {kind} question")
    return gaps
