"""The product's small closed vocabularies: languages, decisions and SJT scoring methods."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    FR = "fr"


LANGUAGES: tuple[str, ...] = tuple(lang.value for lang in Language)
LANGUAGE_NAMES = {Language.EN: "English", Language.FR: "Français"}


class Outcome(StrEnum):
    """A hiring lead's decision."""

    ADVANCE = "advance"
    HOLD = "hold"
    REJECT = "reject"


DECISIONS: tuple[str, ...] = tuple(o.value for o in Outcome)


class SjtMethod(StrEnum):
    """How rate-each SJT answers are scored: against the key as given, or after removing each candidate's own
    habit of rating high or low."""

    RAW = "raw"
    WITHIN_PERSON = "within_person"


SJT_METHODS: tuple[str, ...] = tuple(m.value for m in SjtMethod)
