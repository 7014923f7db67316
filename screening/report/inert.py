"""Candidate text made inert for reportlab Paragraph markup: shown as typed, never interpreted.

`inert()` turns any string into markup that displays it literally: control and format
characters removed, whitespace collapsed, long text trimmed, characters DejaVu Sans
lacks replaced by U+FFFD, then XML-escaped, so `<b>`, `<para>`, `&amp;` and markdown
show as the characters the candidate typed.

Right-to-left text (Hebrew, Arabic) is put in visual order with python-bidi, line by
line when the caller gives the column width (reportlab wraps left to right, so the
lines are broken in logical order first). Limit: there is no Arabic shaping, so Arabic
letters show in their isolated forms, readable but not joined.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from bidi import get_display
from reportlab.lib.utils import simpleSplit

from screening.report.fonts import replace_missing

ELLIPSIS = "\u2026"
# Cc: control characters (NUL, ESC, ...); Cf: invisible format characters (zero-width,
# bidi overrides, soft hyphen); Cs: lone surrogates, which cannot even be encoded.
_DROP = frozenset({"Cc", "Cf", "Cs"})
# No-break spaces are kept: they hold French "45\u00a0€" or "«\u00a0oui\u00a0»" together on a line.
_SPACES = re.compile(r"[^\S\n\u00a0\u202f\u2007]+")
_BLANK_LINES = re.compile(r" *\n\s*")
_ANY_SPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
_RTL = frozenset({"R", "AL"})

Wrap = tuple[str, float, float]  # font name, font size, column width in points


def clean(text: object, *, limit: int | None = None, keep_newlines: bool = False) -> str:
    """Plain text fit to draw: no control characters, NFC, collapsed spaces, trimmed, drawable."""
    s = "" if text is None else str(text)
    if limit is not None:
        s = s[: 2 * limit + 64]  # a 100 kB answer: only the part that can be shown is worked on
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    s = "".join(ch for ch in s if ch == "\n" or ch.isprintable() or unicodedata.category(ch) not in _DROP)
    s = unicodedata.normalize("NFC", s)
    if keep_newlines:
        s = _BLANK_LINES.sub("\n", _SPACES.sub(" ", s)).strip()
    else:
        s = _ANY_SPACE.sub(" ", s).strip()
    if limit is not None and len(s) > limit:
        cut = s[:limit]
        space = cut.rfind(" ")
        s = (cut[:space] if space > limit * 0.6 else cut).rstrip() + ELLIPSIS
    return replace_missing(s)


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


def visual_order(text: str, wrap: Wrap | None = None) -> str:
    """Logical -> visual order for text holding RTL runs; each line reordered on its own."""
    if not has_rtl(text):
        return text
    base = "R" if is_rtl(text) else "L"
    lines: list[str] = []
    for line in text.split("\n"):
        parts = simpleSplit(line, *wrap) if wrap else [line]
        lines.extend(get_display(part, base_dir=base) for part in parts or [""])
    return "\n".join(lines)


def inert(text: object, *, limit: int | None = None, keep_newlines: bool = False,
          wrap: Wrap | None = None) -> str:
    """Paragraph markup that shows `text` literally (see the module docstring)."""
    s = visual_order(clean(text, limit=limit, keep_newlines=keep_newlines), wrap)
    return escape(s).replace("\n", "<br/>")
