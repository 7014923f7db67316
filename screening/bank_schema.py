"""The bank file format, defined once: pydantic models that validate bank files and give the JSON Schema.

`screening banks validate` runs these models; `screening banks schema` writes their JSON Schema to
question_banks/bank.schema.json so editors check a file as it is typed. What a JSON Schema cannot say
(known skill ids, a clear best and worst, word counts, exemplar levels covering 1-5, contrastive pairs)
is checked by the models' validators, which report every problem of an item at once.

Validation context (`model_validate(data, context=...)`), all optional:
- `skills`: the framework's skill ids (unknown ids are errors; without it ids are not checked)
- `families`: the framework's family ids (the file's `family` must be one)
- `eval`: True for question_banks/eval/ files (family `eval`, questions carry no exemplars)
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from screening.domain.scale import RATING_LEVELS
from screening.domain.vocab import LANGUAGES
from screening.yaml_errors import RULES_ERROR, show

CHANNELS = ("phone", "live_chat", "chatbot_handover", "email", "messaging", "social_media",
            "click_to_call", "brand_app")
MOMENTS = ("first_time", "stress", "high_stakes", "cancellation", "last_contact", "routine")
RESPONSE_FORMATS = ("best_worst", "rate_each")
KINDS = ("behavioural", "situational")
STYLES = ("star_complete", "partial", "vague", "hypothetical", "blaming", "rubric_echo", "off_topic",
          "rambling", "terse", "plain_strong", "generic",
          # the hard cases: strong told by a second-language writer; contrastive flaws
          "second_language", "we_not_i", "no_result", "over_promising", "policy_shield", "borrowed_story",
          # a strong, concrete plan answering a situational question (used by the evaluation set)
          "situational_plan")
ANCHOR_LEVELS = (1, 3, 5)
LEVELS = RATING_LEVELS
CORE_SKILLS = ("empathy", "active_listening", "de_escalating_language", "effective_apology",
               "understanding_conflict_escalation", "emotional_self_regulation", "patience",
               "adaptability", "resilience", "situational_awareness", "written_communication",
               "oral_communication", "problem_solving", "benevolence", "authenticity")
SCENARIO_MAX_WORDS = 120
EXEMPLAR_WORDS = (30, 400)  # a terse answer can be strong in 30 words; a rambling one runs to 400
MIN_EXEMPLARS_PER_LANGUAGE = 5
RATING_GAP = 2  # two blind ratings this far apart need a third, as in the check sets
MIN_INDICATORS = 3
PARAGRAPH_ANCHOR_WORDS = 25  # an anchor text this long (in each language) may carry its indicators inside
OPTIONS_PER_ITEM = (4, 5)
SKILLS_PER_ITEM = (1, 2)
EVAL_FAMILY = "eval"


Problem = tuple[str, str, str]  # (item suffix: "" for the item itself, else "b", "e1", "anchor 3"; field; problem)


def words(text: str) -> int:
    return len(text.split())


# --- field types ----------------------------------------------------------------------------------

def _nonblank(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", "must be text, not {value}", {"value": show(value)})
    if not value.strip():
        raise PydanticCustomError("blank", "missing")
    return value


def _whole(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise PydanticCustomError("whole_number", "{value} must be a whole number from {low} to {high}",
                                      {"value": show(value), "low": low, "high": high})
        return value
    return check


def _one_of(allowed: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise PydanticCustomError("one_of", "{value} is not one of {allowed}",
                                      {"value": show(value), "allowed": ", ".join(allowed)})
        return value
    return check


NonBlank = Annotated[str, PlainValidator(_nonblank), WithJsonSchema({"type": "string", "minLength": 1})]
Version = Annotated[int, PlainValidator(_whole(1, 10_000)),
                    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 10_000})]
Level = Annotated[int, PlainValidator(_whole(1, 5)), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 5})]
SkillId = Annotated[NonBlank, WithJsonSchema({"type": "string", "pattern": "^[a-z_]+$"})]
Channel = Annotated[str, PlainValidator(_one_of(CHANNELS)), WithJsonSchema({"enum": list(CHANNELS)})]
Moment = Annotated[str, PlainValidator(_one_of(MOMENTS)), WithJsonSchema({"enum": list(MOMENTS)})]
ResponseFormat = Annotated[str, PlainValidator(_one_of(RESPONSE_FORMATS)),
                           WithJsonSchema({"enum": list(RESPONSE_FORMATS)})]
Kind = Annotated[str, PlainValidator(_one_of(KINDS)), WithJsonSchema({"enum": list(KINDS)})]
Style = Annotated[str, PlainValidator(_one_of(STYLES)), WithJsonSchema({"enum": list(STYLES)})]
Language = Annotated[str, PlainValidator(_one_of(LANGUAGES)), WithJsonSchema({"enum": list(LANGUAGES)})]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _rules(problems: list[Problem]) -> None:
    if problems:
        raise PydanticCustomError(RULES_ERROR, "{count} rule(s) broken", {"count": len(problems), "problems": problems})


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def _check_skills(value: list[str], info: ValidationInfo) -> list[str]:
    known: Collection[str] | None = _context(info).get("skills")
    if known:
        unknown = [s for s in value if s not in known]
        if unknown:
            raise PydanticCustomError("unknown_skill", "unknown skill id {skill}", {"skill": show(unknown[0])})
    return value


# --- localised text -------------------------------------------------------------------------------

class LocalText(_Model):
    """Reader-facing text in every supported language."""

    en: NonBlank
    fr: NonBlank


class LocalTextList(_Model):
    """A list of reader-facing strings per language (at least one each)."""

    en: list[NonBlank] = Field(min_length=1)
    fr: list[NonBlank] = Field(min_length=1)


class Indicators(_Model):
    """An anchor's observable indicators per language (see Anchor for how many)."""

    en: list[NonBlank]
    fr: list[NonBlank]


# --- SJT ------------------------------------------------------------------------------------------

class SjtOptionModel(_Model):
    id: NonBlank
    text: LocalText
    key: Level = Field(description="expert effectiveness, 1 (harmful) to 5 (best)")
    rationale: LocalText


class SjtItemModel(_Model):
    id: NonBlank = Field(description="unique across all banks; never reuse one")
    version: Version
    skills: list[SkillId] = Field(min_length=SKILLS_PER_ITEM[0], max_length=SKILLS_PER_ITEM[1],
                                  description="the first is the main skill")
    channel: Channel
    moment: Moment
    response_format: ResponseFormat
    scenario: LocalText
    options: list[SjtOptionModel] = Field(min_length=OPTIONS_PER_ITEM[0], max_length=OPTIONS_PER_ITEM[1])

    check_skills = field_validator("skills")(_check_skills)

    @model_validator(mode="after")
    def _item_rules(self) -> SjtItemModel:
        problems: list[Problem] = []
        for lang in LANGUAGES:
            n = words(getattr(self.scenario, lang))
            if n > SCENARIO_MAX_WORDS:
                problems.append(("", f"scenario.{lang}", f"{n} words; keep it under {SCENARIO_MAX_WORDS}"))
        if len({o.id for o in self.options}) != len(self.options):
            problems.append(("", "options", "option ids must be unique"))
        keys = [o.key for o in self.options]
        if keys.count(max(keys)) != 1 or keys.count(min(keys)) != 1 or max(keys) == min(keys):
            problems.append(("", "options.key",
                             "needs exactly one clear best (highest key) and one clear worst (lowest key)"))
        _rules(problems)
        return self


# --- interview ------------------------------------------------------------------------------------

class AnchorModel(_Model):
    level: Level
    text: LocalText = Field(description=f"a one-line summary with >= {MIN_INDICATORS} indicators, or a paragraph of "
                                        f">= {PARAGRAPH_ANCHOR_WORDS} words per language holding the indicators")
    indicators: Indicators | None = None

    def is_paragraph(self) -> bool:
        return all(words(getattr(self.text, lang)) >= PARAGRAPH_ANCHOR_WORDS for lang in LANGUAGES)


class ExemplarModel(_Model):
    id: NonBlank
    language: Language
    level: Level
    style: Style
    author: NonBlank = Field(description="who wrote it (a voice tag)")
    text: NonBlank
    pair: NonBlank | None = Field(default=None, description="id of a contrastive exemplar in the same question and "
                                                            "language that names this one back")
    ratings: list[Level] | None = Field(default=None, min_length=2, max_length=3,
                                        description="the levels two raters gave it blind (a third when they were 2 "
                                                    "or more apart); the suggester learns their mean")


class QuestionModel(_Model):
    id: NonBlank = Field(description="unique across all banks; never reuse one")
    version: Version
    skills: list[SkillId] = Field(min_length=SKILLS_PER_ITEM[0], max_length=SKILLS_PER_ITEM[1])
    kind: Kind
    prompt: LocalText
    probes: LocalTextList
    anchors: list[AnchorModel]
    exemplars: list[ExemplarModel] = Field(default_factory=list, description="none in eval question files")

    check_skills = field_validator("skills")(_check_skills)

    @model_validator(mode="after")
    def _question_rules(self, info: ValidationInfo) -> QuestionModel:
        problems = _anchor_problems(self.anchors)
        if _context(info).get("eval"):
            if self.exemplars:
                problems.append(("", "exemplars", "eval questions carry no exemplars (answers go in answers_*.jsonl)"))
        else:
            problems += _exemplar_problems(self.exemplars)
        _rules(problems)
        return self


def _anchor_problems(anchors: list[AnchorModel]) -> list[Problem]:
    problems: list[Problem] = []
    levels = sorted(a.level for a in anchors)
    if not set(ANCHOR_LEVELS).issubset(levels) or len(levels) != len(set(levels)):
        problems.append(("", "anchors", f"needs one anchor for each of levels 1, 3 and 5 (has {levels})"))
    for a in anchors:
        if a.is_paragraph():
            continue
        for lang in LANGUAGES:
            n = len(getattr(a.indicators, lang)) if a.indicators else 0
            if n < MIN_INDICATORS:
                problems.append((f"anchor {a.level}", f"indicators.{lang}",
                                 f"needs at least {MIN_INDICATORS}, has {n} (or write the anchor text as a "
                                 f"paragraph of at least {PARAGRAPH_ANCHOR_WORDS} words in each language)"))
    return problems


def _exemplar_problems(exemplars: list[ExemplarModel]) -> list[Problem]:
    problems: list[Problem] = []
    by_id = {e.id: e for e in exemplars}
    if len(by_id) != len(exemplars):
        problems.append(("", "exemplars", "exemplar ids must be unique within the question"))
    for lang in LANGUAGES:
        mine = [e for e in exemplars if e.language == lang]
        if len(mine) < MIN_EXEMPLARS_PER_LANGUAGE:
            problems.append(("", f"exemplars.{lang}", f"needs at least {MIN_EXEMPLARS_PER_LANGUAGE}, has {len(mine)}"))
        missing = sorted(set(LEVELS) - {e.level for e in mine})
        if missing:
            problems.append(("", f"exemplars.{lang}", f"no exemplar at level(s) {missing}"))
    low, high = EXEMPLAR_WORDS
    for e in exemplars:
        n = words(e.text)
        if not low <= n <= high:
            problems.append((e.id, "text", f"{n} words; keep exemplars between {low} and {high}"))
        if e.style == "off_topic" and e.level != 1:
            problems.append((e.id, "level", "an off_topic exemplar is level 1"))
        if e.ratings and len(e.ratings) == 2 and abs(e.ratings[0] - e.ratings[1]) >= RATING_GAP:
            problems.append((e.id, "ratings", f"{e.ratings} are {RATING_GAP} or more apart: add a third rater's level"))
        if e.pair is None:
            continue
        partner = by_id.get(e.pair)
        if partner is None or partner.id == e.id:
            problems.append((e.id, "pair", f"{e.pair!r} is not another exemplar of this question"))
        elif partner.language != e.language:
            problems.append((e.id, "pair", f"{e.pair!r} is in {partner.language}, this one in {e.language}"))
        elif partner.pair != e.id:
            problems.append((e.id, "pair", f"{e.pair!r} does not name {e.id!r} back as its pair"))
    return problems


# --- files ----------------------------------------------------------------------------------------

def _check_family(value: str | None, info: ValidationInfo) -> str | None:
    ctx = _context(info)
    if value is None:
        return value
    if ctx.get("eval"):
        if value != EVAL_FAMILY:
            raise PydanticCustomError("family", "eval files say family: {expected}", {"expected": EVAL_FAMILY})
        return value
    known: Collection[str] | None = ctx.get("families")
    if value == EVAL_FAMILY:
        raise PydanticCustomError("family", "family eval is only for question_banks/eval/")
    if known and value not in known:
        raise PydanticCustomError("family", "unknown family id {family}", {"family": show(value)})
    return value


Family = Annotated[str | None, Field(default=None, description="the skill family id (or `eval` in eval files)")]


class SjtFile(_Model):
    """An SJT bank file: `sjt/<family_id>.yaml`."""

    family: Family
    items: list[SjtItemModel]

    check_family = field_validator("family")(_check_family)


class InterviewFile(_Model):
    """An interview bank file (`interview/<family_id>.yaml`) or an eval question file (`eval/questions_*.yaml`)."""

    family: Family
    questions: list[QuestionModel]

    check_family = field_validator("family")(_check_family)


class BankFile(_Model):
    """Any bank file: an `items` (SJT) list, a `questions` (interview) list, or both."""

    model_config = ConfigDict(title="Soft-skill screening question bank",
                              json_schema_extra={"anyOf": [{"required": ["items"]}, {"required": ["questions"]}]})

    family: Family
    items: list[SjtItemModel] = Field(default_factory=list)
    questions: list[QuestionModel] = Field(default_factory=list)

    check_family = field_validator("family")(_check_family)

    @model_validator(mode="before")
    @classmethod
    def _needs_a_list(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not ({"items", "questions"} & set(data)):
            raise PydanticCustomError(RULES_ERROR, "needs items or questions", {"count": 1, "problems": [
                ("", "items/questions", "a bank file needs an `items` (SJT) or `questions` (interview) list")]})
        return data


# --- the eval set (question_banks/eval/) ----------------------------------------------------------

class EvalAnswerModel(_Model):
    """One line of `eval/answers_*.jsonl`: an answer to an eval question, to be rated by people."""

    id: NonBlank
    question_id: NonBlank
    language: Language
    style: Style
    author: NonBlank
    text: NonBlank


class EvalRatingModel(_Model):
    """One line of `eval/ratings/<rater>.jsonl`: one person's level for one answer."""

    id: NonBlank = Field(description="the answer id")
    level: Level
    note: str = ""


# --- JSON Schema ----------------------------------------------------------------------------------

def bank_json_schema() -> dict[str, Any]:
    """The JSON Schema of a bank file, generated from BankFile."""
    schema = BankFile.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
