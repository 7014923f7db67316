"""The one catalog of the product's words, English and French: `t(key, lang, **values)` for pages, the PDF
(`pdf.*` keys) and e-mails (`mail.*` keys)."""

from __future__ import annotations

from screening.i18n.mail_strings import MAIL_STRINGS
from screening.i18n.pdf_strings import PDF_STRINGS
from screening.i18n.strings import STRINGS

CATALOG: dict[str, dict[str, str]] = {**STRINGS, **PDF_STRINGS, **MAIL_STRINGS}


def t(key: str, lang: str = "en", **values: object) -> str:
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
