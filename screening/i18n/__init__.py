"""Interface text in English and French: `t(key, lang, **values)`."""

from __future__ import annotations

from screening.i18n.strings import STRINGS


def t(key: str, lang: str = "en", **values: object) -> str:
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
