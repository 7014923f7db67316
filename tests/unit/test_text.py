"""The one text toolkit: the same hostile strings through `inert(text, medium)` for every medium, and `clean()`."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from screening.text import (
    FORMULA_STARTS,
    LINE_CHARS,
    STORED_CHARS,
    Layout,
    Medium,
    clean,
    inert,
)

HOSTILE = {
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "markdown": "**bold** [link](http://evil.example) # h\n- item",
    "streamlit": ":red[x] :material/home: $x^2$",
    "reportlab": '<font color="red" size="40">big</font><br/>&amp;',
    "emoji": "\U0001f469\u200d\U0001f4bb ok \U0001f600",
    "rtl": "שלום (עולם) abc",
    "nul": "a\x00b\x1bc\u202ed",
    "formula": '=HYPERLINK("http://e")',
    "big": "<b>" + "x" * 100_000,
}

# What each medium shows, exactly. Markdown escapes every ASCII punctuation mark; a PDF paragraph
# escapes XML; the PDF puts right-to-left runs in visual order; e-mail text is one line without
# invisible characters; a CSV cell keeps the stored text and only defuses a leading formula.
EXPECTED: dict[tuple[str, Medium], str] = {
    ("html", Medium.MARKDOWN): r"\<script\>alert\(1\)\<\/script\>\<img src\=x onerror\=alert\(2\)\>",
    ("html", Medium.PDF_PARAGRAPH): "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;",
    ("html", Medium.PDF_STRING): HOSTILE["html"],
    ("html", Medium.EMAIL): HOSTILE["html"],
    ("html", Medium.CSV): HOSTILE["html"],
    ("markdown", Medium.MARKDOWN): r"\*\*bold\*\* \[link\]\(http\:\/\/evil\.example\) \# h" + "  \n" + r"\- item",
    ("markdown", Medium.PDF_PARAGRAPH): "**bold** [link](http://evil.example) # h - item",
    ("markdown", Medium.PDF_STRING): "**bold** [link](http://evil.example) # h - item",
    ("markdown", Medium.EMAIL): "**bold** [link](http://evil.example) # h - item",
    ("markdown", Medium.CSV): HOSTILE["markdown"],
    ("streamlit", Medium.MARKDOWN): r"\:red\[x\] \:material\/home\: \$x\^2\$",
    ("streamlit", Medium.PDF_PARAGRAPH): HOSTILE["streamlit"],
    ("streamlit", Medium.PDF_STRING): HOSTILE["streamlit"],
    ("streamlit", Medium.EMAIL): HOSTILE["streamlit"],
    ("streamlit", Medium.CSV): HOSTILE["streamlit"],
    ("reportlab", Medium.MARKDOWN): r"\<font color\=\"red\" size\=\"40\"\>big\<\/font\>\<br\/\>\&amp\;",
    ("reportlab", Medium.PDF_PARAGRAPH): "&lt;font color=\"red\" size=\"40\"&gt;big&lt;/font&gt;&lt;br/&gt;&amp;amp;",
    ("reportlab", Medium.PDF_STRING): HOSTILE["reportlab"],
    ("reportlab", Medium.EMAIL): HOSTILE["reportlab"],
    ("reportlab", Medium.CSV): HOSTILE["reportlab"],
    ("emoji", Medium.MARKDOWN): HOSTILE["emoji"],                      # the joiner holds the emoji together
    ("emoji", Medium.PDF_PARAGRAPH): "\U0001f469\U0001f4bb ok \U0001f600",
    ("emoji", Medium.PDF_STRING): "\U0001f469\U0001f4bb ok \U0001f600",
    ("emoji", Medium.EMAIL): "\U0001f469\U0001f4bb ok \U0001f600",
    ("emoji", Medium.CSV): HOSTILE["emoji"],
    ("rtl", Medium.MARKDOWN): r"שלום \(עולם\) abc",                  # the browser orders it
    ("rtl", Medium.PDF_PARAGRAPH): "abc (םלוע) םולש",                 # reportlab does not: visual order, mirrored
    ("rtl", Medium.PDF_STRING): "abc (םלוע) םולש",
    ("rtl", Medium.EMAIL): HOSTILE["rtl"],
    ("rtl", Medium.CSV): HOSTILE["rtl"],
    ("nul", Medium.MARKDOWN): "abcd",
    ("nul", Medium.PDF_PARAGRAPH): "abcd",
    ("nul", Medium.PDF_STRING): "abcd",
    ("nul", Medium.EMAIL): "abcd",
    ("nul", Medium.CSV): HOSTILE["nul"],                                # the csv writer quotes; nothing is lost
    ("formula", Medium.MARKDOWN): r"\=HYPERLINK\(\"http\:\/\/e\"\)",
    ("formula", Medium.PDF_PARAGRAPH): HOSTILE["formula"],
    ("formula", Medium.PDF_STRING): HOSTILE["formula"],
    ("formula", Medium.EMAIL): HOSTILE["formula"],
    ("formula", Medium.CSV): "'" + HOSTILE["formula"],
}
_MD_PUNCTUATION = r"""\`*_{}[]()#+-.!|~<>$:&="'^%@/;?,"""


@pytest.mark.parametrize("medium", list(Medium))
@pytest.mark.parametrize("name", [n for n in HOSTILE if n != "big"])
def test_each_hostile_string_in_each_medium(name: str, medium: Medium) -> None:
    shown = inert(HOSTILE[name], medium)
    assert shown == EXPECTED[name, medium]
    _reads_as_typed(shown, medium, HOSTILE[name])


@pytest.mark.parametrize("medium", list(Medium))
def test_100_kb_is_shown_whole_where_stored_text_is_shown_and_cut_where_a_line_is(medium: Medium) -> None:
    big = HOSTILE["big"]
    whole = inert(big, medium)
    cut = inert(big, medium, limit=LINE_CHARS)
    if medium in (Medium.MARKDOWN, Medium.CSV):
        assert len(whole) == len(big) + (2 if medium is Medium.MARKDOWN else 0)  # "<b>" escaped as "\<b\>"
        assert len(cut) == LINE_CHARS + (2 if medium is Medium.MARKDOWN else 0)
    else:
        assert cut.endswith("\u2026")
        assert len(cut) == LINE_CHARS + (6 if medium is Medium.PDF_PARAGRAPH else 0)  # "<" -> "&lt;"
    _reads_as_typed(whole, medium, big)


def _reads_as_typed(shown: str, medium: Medium, typed: str) -> None:
    """The medium's own reading of `shown` gives back the text (as cleaned), and no markup."""
    if medium is Medium.MARKDOWN:
        # every punctuation mark is escaped, so nothing is a markdown or Streamlit token
        assert not [ch for ch in re.sub(r"\\.", "", shown, flags=re.S) if ch in _MD_PUNCTUATION]
        unescaped = re.sub(r"\\(.)", r"\1", shown).replace("  \n", "\n")
        assert unescaped == clean(typed).replace("\u202e", "")
    elif medium is Medium.PDF_PARAGRAPH:
        para = Paragraph(shown, ParagraphStyle("body", fontName="Helvetica", fontSize=9))
        assert {(f.fontName, f.fontSize) for f in para.frags} <= {("Helvetica", 9)}  # no <font>, <b>, size
        assert "".join(f.text for f in para.frags) == inert(typed, Medium.PDF_STRING)
    elif medium in (Medium.PDF_STRING, Medium.EMAIL):
        assert "\n" not in shown and "\r" not in shown
        assert not [ch for ch in shown if unicodedata.category(ch) in ("Cc", "Cf")]
    else:
        (row,) = list(csv.reader(io.StringIO(_one_cell_csv(shown), newline="")))
        assert row == [shown] and not shown.startswith(FORMULA_STARTS) and shown.removeprefix("'") == typed


def _one_cell_csv(cell: str) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([cell])
    return out.getvalue()


def test_clean_keeps_stored_text_as_typed_but_for_control_characters() -> None:
    typed = "Line one\r\n\tline two  \u202e\u200d\U0001f600 e\u0301"
    assert clean(typed + "\x00\x1b\x7f") == typed
    assert clean("x" * (STORED_CHARS + 5)) == "x" * STORED_CHARS
    assert clean("abcdef", limit=3) == "abc"
    assert clean(None) == ""


def test_clean_for_display_folds_space_composes_accents_and_marks_a_cut() -> None:
    assert clean("  a\n\n\n b\t\u200bc e\u0301 ", layout=Layout.PARAGRAPHS) == "a\nb c é"
    assert clean("  a\n\n\n b\t\u200bc e\u0301 ", layout=Layout.ONE_LINE) == "a b c é"
    assert clean("one two three four five", limit=10, layout=Layout.ONE_LINE) == "one two\u2026"
    assert clean("x" * 500, limit=10, layout=Layout.ONE_LINE) == "x" * 9 + "\u2026"
