"""The one embedded font family of the report (DejaVu Sans) and what it can draw."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
REPLACEMENT = "\ufffd"


@cache
def register_fonts() -> frozenset[int]:
    """Register DejaVu Sans once per process; return the code points both weights can draw.

    The shipped family has no oblique: <i> maps to the regular face, so markup never
    asks for a font that is not there.
    """
    faces = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
    for name, file in faces.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    # Text may be set in either weight, so only what both can draw counts as covered.
    maps = [pdfmetrics.getFont(name).face.charToGlyph for name in faces]
    return frozenset(maps[0]).intersection(*maps[1:]) | {ord("\n")}  # line breaks are layout, not glyphs


def replace_missing(text: str) -> str:
    """Swap every character the font cannot draw for U+FFFD, so it shows as a visible mark."""
    cover = register_fonts()
    if cover.issuperset(map(ord, text)):
        return text
    return "".join(ch if ord(ch) in cover else REPLACEMENT for ch in text)
