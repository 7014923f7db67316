"""How the PDF reads its words from the one catalog (`pdf.*` keys) and writes numbers and dates (Babel)."""

from __future__ import annotations

import re
from datetime import datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from screening.domain.vocab import DECISIONS, LANGUAGES
from screening.i18n import t as catalog_t

LANGS = LANGUAGES
BANDS = ("strong", "proficient", "developing", "limited")

def lang_of(language: str | None) -> str:
    return language if language in LANGS else "en"


_FRENCH_SPACE = re.compile(r"(?<=\S) ([:;?!»])|(«) (?=\S)")


def t(key: str, lang: str, **values: object) -> str:
    """The catalog's `pdf.<key>` in `lang`, typeset (French no-break spaces)."""
    return typeset(catalog_t(f"pdf.{key}", lang_of(lang), **values), lang)


def typeset(text: str, lang: str) -> str:
    """French puts a space before : ; ? ! and inside « »; make it a no-break space, so a line
    never starts with the punctuation."""
    if lang_of(lang) != "fr":
        return text
    return _FRENCH_SPACE.sub(lambda m: f"\u00a0{m.group(1)}" if m.group(1) else f"{m.group(2)}\u00a0", text)


def colon(lang: str) -> str:
    return "\u00a0: " if lang_of(lang) == "fr" else ": "


def quoted(text: str, lang: str) -> str:
    return f"«\u00a0{text}\u00a0»" if lang_of(lang) == "fr" else f"\u201c{text}\u201d"


def band(lang: str, name: str | None) -> str:
    return catalog_t(f"pdf.band.{name}", lang_of(lang)) if name in BANDS else (name or "")


def decision(lang: str, name: str) -> str | None:
    """The label of a known decision status, or None when the value is free text."""
    key = name.strip().lower()
    return catalog_t(f"pdf.decision.{key}", lang_of(lang)) if key in DECISIONS else None


def number(value: float, lang: str, digits: int = 1) -> str:
    return format_decimal(round(value, digits), format=f"0.{'0' * digits}" if digits else "0",
                          locale=lang_of(lang))


def percent(share: float, lang: str) -> str:
    return format_percent(share, format="#,##0%", locale=lang_of(lang))


def items(n: int, lang: str) -> str:
    return t("item", lang) if n == 1 else t("items", lang, n=n)


def date(value: datetime, lang: str) -> str:
    return format_date(value, format="d MMM y", locale=lang_of(lang))


def date_time(value: datetime, lang: str) -> str:
    pattern = "d MMM y, HH:mm" if lang_of(lang) == "en" else "d MMM y 'à' HH:mm"
    return format_datetime(value, format=pattern, locale=lang_of(lang))
