"""CSV files the app produces: a cell a spreadsheet would read as a formula is neutralised.

A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which spreadsheets
show as plain text (OWASP "CSV injection"; the rule is `inert(text, Medium.CSV)` in screening/text.py).
Every CSV the app writes goes through `csv_text` or `csv_bytes`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from screening.text import Medium, inert


def neutralise(value: object) -> str:
    """The cell's text, safe to open in a spreadsheet. Numbers are written as they are (a negative number
    is not a formula); None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return inert(value, Medium.CSV)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (RFC 4180 line ends), every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return out.getvalue()


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A UTF-8 CSV file (with a byte-order mark, so spreadsheets read accents right), every cell neutralised."""
    return ("\ufeff" + csv_text(header, rows)).encode("utf-8")
