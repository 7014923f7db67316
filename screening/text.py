"""Text, typed and shown: localised values (`Text`, `TextList`) and the one toolkit for untrusted text.

Every string that comes from people (candidates, staff, bank authors, imported files) goes through this
module twice: `clean()` when it arrives, and `inert(text, medium)` where it is shown, so it displays as
typed and is never read as markup, a formula, a header or a layout command. Plain functions: no streamlit,
no database, no reportlab (a PDF caller that wants bidi lines wrapped passes its own line splitter).

Right-to-left text (Hebrew, Arabic) is put in visual order with python-bidi for the PDF, line by line
when the caller splits the lines (reportlab wraps left to right). Limit: there is no Arabic shaping, so
Arabic letters show in their isolated forms, readable but not joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from xml.sax.saxutils import escape

from bidi import get_display
from bidi.mirror import MIRRORED

# --- limits -------------------------------------------------------------------------------------------
STORED_CHARS = 200_000  # the most a free-text field keeps (answers are refused long before: ANSWER_MAX_CHARS)
LINE_CHARS = 120        # a name or title shown on one line: PDF headings, e-mail display names
QUOTE_CHARS = 300       # an answer quoted as evidence in a profile
ELLIPSIS = "\u2026"

# --- localised values ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One piece of reader-facing text in every supported language."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class TextList:
    en: tuple[str, ...]
    fr: tuple[str, ...]

    def get(self, lang: str) -> tuple[str, ...]:
        return self.fr if lang == "fr" else self.en


# --- clean: what is kept ------------------------------------------------------------------------------

class Layout(Enum):
    """How much of the typed layout survives `clean()`."""

    AS_TYPED = "as_typed"      # stored text: line breaks and spaces kept, cut hard at the limit
    PARAGRAPHS = "paragraphs"  # shown: spaces collapsed, blank lines folded, line breaks kept, "…" when cut
    ONE_LINE = "one_line"      # shown on one line: every run of white space is one space, "…" when cut


# Cc: control characters (NUL, ESC, ...); Cf: invisible format characters (zero-width, bidi overrides,
# soft hyphen); Cs: lone surrogates, which cannot even be encoded. White space among them is kept for
# the layout step to fold.
_STORED_DROP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # Cc but tab, LF, CR; Cs
_SHOWN_DROP = frozenset({"Cc", "Cf", "Cs"})
# No-break spaces are kept: they hold French "45\u00a0€" or "«\u00a0oui\u00a0»" together on a line.
_SPACES = re.compile(r"[^\S\n\u00a0\u202f\u2007]+")
_BLANK_LINES = re.compile(r" *\n\s*")
_ANY_SPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def clean(text: object, *, limit: int | None = STORED_CHARS, layout: Layout = Layout.AS_TYPED) -> str:
    """Untrusted text made safe to keep or to lay out.

    AS_TYPED (text about to be stored): only control characters go (NUL, which PostgreSQL cannot hold,
    ESC, ...; tabs and line breaks stay) and the text is cut at `limit`; nothing is normalised, so what
    the candidate typed is what is kept. The shown layouts also drop invisible format characters
    (bidi overrides, zero-width), compose accents (NFC), fold white space as the layout says, trim, and
    end with "…" when cut at `limit` (at a word boundary when one is near).
    """
    s = "" if text is None else str(text)
    if layout is Layout.AS_TYPED:
        kept = _STORED_DROP.sub("", s)
        return kept if limit is None else kept[:limit]
    if limit is not None:
        s = s[: 2 * limit + 64]  # a 100 kB answer: only the part that can be shown is worked on
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = "".join(ch for ch in s if ch.isspace() or unicodedata.category(ch) not in _SHOWN_DROP)
    s = unicodedata.normalize("NFC", s)
    if layout is Layout.PARAGRAPHS:
        s = _BLANK_LINES.sub("\n", _SPACES.sub(" ", s)).strip()
    else:
        s = _ANY_SPACE.sub(" ", s).strip()
    if limit is not None and len(s) > limit:
        cut = s[: limit - 1]
        space = cut.rfind(" ")
        s = (cut[:space] if space > limit * 0.6 else cut).rstrip() + ELLIPSIS
    return s


# --- inert: how it is shown ---------------------------------------------------------------------------

class Medium(StrEnum):
    """Where untrusted text is shown; each has its own way of being read as something else."""

    MARKDOWN = "markdown"            # st.markdown, st.caption, widget labels: CommonMark and Streamlit directives
    PDF_PARAGRAPH = "pdf_paragraph"  # a reportlab Paragraph: its XML-like markup
    PDF_STRING = "pdf_string"        # a string reportlab draws as is (canvas, charts): one line, visual order
    EMAIL = "email"                  # e-mail plain text and header display names: one line, no line breaks
    CSV = "csv"                      # a spreadsheet cell: a leading = + - @ would run as a formula


# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# makes markdown, links, `:red[...]` directives and `$...$` maths show as typed.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=\"'^%@/;?,])")
# Embeddings, overrides and isolates would turn the rest of a line around on screen; other invisible
# characters (the joiner inside an emoji such as 👩‍💻) stay.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: object, medium: Medium, *, limit: int | None = None, keep_newlines: bool = False,
          split: Callable[[str], list[str]] | None = None) -> str:
    """`text` made to show literally in `medium`.

    `limit` cuts what is shown (with "…" except in MARKDOWN and CSV, which show the text as stored);
    `keep_newlines` keeps line breaks in a PDF paragraph; `split` breaks a PDF line into the lines
    reportlab will draw, so right-to-left runs are reordered line by line.
    """
    if medium is Medium.MARKDOWN:
        escaped = _MD_SPECIAL.sub(r"\\\1", _BIDI_CONTROLS.sub("", clean(text, limit=limit)))
        return escaped.replace("\r\n", "\n").replace("\n", "  \n")
    if medium is Medium.CSV:  # kept whole, as stored: the csv writer quotes separators, quotes and line breaks
        cell = "" if text is None else str(text)[:limit]
        return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
    if medium is Medium.EMAIL:
        return clean(text, limit=limit, layout=Layout.ONE_LINE)
    layout = Layout.PARAGRAPHS if keep_newlines and medium is Medium.PDF_PARAGRAPH else Layout.ONE_LINE
    shown = visual_order(clean(text, limit=limit, layout=layout), split)
    return escape(shown).replace("\n", "<br/>") if medium is Medium.PDF_PARAGRAPH else shown


# --- right-to-left text in the PDF --------------------------------------------------------------------

_RTL = frozenset({"R", "AL"})
_LEVELS = re.compile(r"\blevels: \[(.*?)\]", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def has_rtl(text: str) -> bool:
    return max(text, default="") >= "\u0590" and any(unicodedata.bidirectional(ch) in _RTL for ch in text)


def is_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left: the paragraph reads from the right."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in _RTL:
            return True
    return False


def visual_order(text: str, split: Callable[[str], list[str]] | None = None) -> str:
    """Logical -> visual order for text holding RTL runs; each line (as `split` breaks it) reordered on its own."""
    if not has_rtl(text):
        return text
    base = "R" if is_rtl(text) else "L"
    lines: list[str] = []
    for line in text.split("\n"):
        parts = split(line) if split else [line]
        lines.extend(_display_line(part, base) for part in parts or [""])
    return "\n".join(lines)


def _display_line(line: str, base: str) -> str:
    """python-bidi's levels, reordered (rule L2) and mirrored (rule L4).

    python-bidi 0.6 reorders but does not mirror, so a Hebrew "(4471)" would print as ")4471(".
    Its levels are only reachable through the debug dump; if that ever changes shape, fall back
    to its plain display (right order, unmirrored brackets) rather than fail.
    """
    levels = _levels(line, base)
    if levels is None:
        return get_display(line, base_dir=base)
    items = list(zip(line, levels, strict=False))
    paragraph = 1 if base == "R" else 0
    end = len(items)
    while end and items[end - 1][0].isspace():  # rule L1: trailing spaces take the paragraph level
        end -= 1
        items[end] = (items[end][0], paragraph)
    odd = [lv for _, lv in items if lv % 2]
    for level in range(max(lv for _, lv in items), min(odd, default=0) - 1, -1) if odd else ():
        i = 0
        while i < len(items):
            if items[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(items) and items[j][1] >= level:
                j += 1
            items[i:j] = items[i:j][::-1]
            i = j
    return "".join(MIRRORED.get(ch, ch) if lv % 2 else ch for ch, lv in items)


def _levels(line: str, base: str) -> list[int] | None:
    match = _LEVELS.search(str(get_display(line, base_dir=base, debug=True)))
    per_byte = [int(v) for v in _LEVEL.findall(match.group(1))] if match else []
    if len(per_byte) != len(line.encode("utf-8")):
        return None
    levels, pos = [], 0
    for ch in line:
        levels.append(per_byte[pos])
        pos += len(ch.encode("utf-8"))
    return levels
