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
from bidi.mirror import MIRRORED
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
_LEVELS = re.compile(r"\blevels: \[(.*?)\]", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")

Wrap = tuple[str, float, float]  # font name, font size, column width in points


def clean(text: object, *, limit: int | None = None, keep_newlines: bool = False) -> str:
    """Plain text fit to draw: no control characters, NFC, collapsed spaces, trimmed, drawable."""
    s = "" if text is None else str(text)
    if limit is not None:
        s = s[: 2 * limit + 64]  # a 100 kB answer: only the part that can be shown is worked on
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    s = "".join(ch for ch in s if ch == "\n" or ch.isprintable() or unicodedata.category(ch) not in _DROP)
    s = unicodedata.normalize("NFC", s)
    s = _BLANK_LINES.sub("\n", _SPACES.sub(" ", s)).strip() if keep_newlines else _ANY_SPACE.sub(" ", s).strip()
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


def inert(text: object, *, limit: int | None = None, keep_newlines: bool = False,
          wrap: Wrap | None = None) -> str:
    """Paragraph markup that shows `text` literally (see the module docstring)."""
    s = visual_order(clean(text, limit=limit, keep_newlines=keep_newlines), wrap)
    return escape(s).replace("\n", "<br/>")
