"""Reading a CSV of candidates (name, e-mail, optional reference) into rows and per-row errors.

Pure: bytes in, a `ParsedImport` out, never an exception. Nothing is saved here; the service shows the
preview and saves only when asked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from screening.domain.credentials import CredentialError, normalise_email
from screening.text import Layout, clean

MAX_BYTES = 2_000_000
MAX_ROWS = 5_000
MAX_NAME = 300
MAX_REFERENCE = 100

_NAME_HEADERS = {"name", "nom", "full name", "nom complet", "candidate", "candidat"}
_EMAIL_HEADERS = {"email", "e-mail", "mail", "courriel", "adresse e-mail", "email address"}
_REFERENCE_HEADERS = {"reference", "référence", "ref", "id", "applicant id"}


@dataclass(frozen=True)
class ImportRow:
    line: int           # the line in the file (1 = the first line)
    name: str
    email: str
    reference: str = ""


@dataclass(frozen=True)
class RowError:
    line: int           # 0: the whole file
    key: str            # an i18n message key: error.csv_*


@dataclass(frozen=True)
class ParsedImport:
    rows: tuple[ImportRow, ...]
    errors: tuple[RowError, ...]


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _columns(first: list[str]) -> tuple[int, int, int | None] | None:
    """The positions of name, e-mail and reference when the first line is a header; None otherwise."""
    labels = [c.strip().lower() for c in first]
    name = next((i for i, c in enumerate(labels) if c in _NAME_HEADERS), None)
    email = next((i for i, c in enumerate(labels) if c in _EMAIL_HEADERS), None)
    if name is None or email is None:
        return None
    return name, email, next((i for i, c in enumerate(labels) if c in _REFERENCE_HEADERS), None)


def parse_candidates(data: bytes, existing_emails: frozenset[str] = frozenset()) -> ParsedImport:
    """Rows to add and per-row errors. Columns: name, e-mail, reference (optional), with or without a
    header line; comma, semicolon or tab separated. An e-mail seen earlier in the file or already in the
    campaign (`existing_emails`, lower case) is an error on its row."""
    if len(data) > MAX_BYTES:
        return ParsedImport((), (RowError(0, "error.csv_too_large"),))
    text = _decode(data.replace(b"\x00", b""))
    if text is None:
        return ParsedImport((), (RowError(0, "error.csv_encoding"),))
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)   # the separator the first line uses most (ties: the comma)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        records = [line.split(delimiter) for line in text.splitlines()]
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    seen = set(existing_emails)
    columns = _columns(records[0]) if records else None
    start = 1 if columns else 0
    name_at, email_at, ref_at = columns or (0, 1, 2)
    for index, record in enumerate(records[start:], start=start + 1):
        if not any(cell.strip() for cell in record):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(index, "error.csv_too_many_rows"))
            break
        if len(record) <= max(name_at, email_at):
            errors.append(RowError(index, "error.csv_columns"))
            continue
        name = clean(record[name_at], limit=MAX_NAME, layout=Layout.ONE_LINE)
        reference = clean(record[ref_at], limit=MAX_REFERENCE, layout=Layout.ONE_LINE) \
            if ref_at is not None and len(record) > ref_at else ""
        if not name:
            errors.append(RowError(index, "error.csv_name"))
            continue
        try:
            email = normalise_email(record[email_at].strip())
        except (CredentialError, ValueError):
            errors.append(RowError(index, "error.csv_email"))
            continue
        if email in seen:
            key = "error.csv_email_in_campaign" if email in existing_emails else "error.csv_email_repeated"
            errors.append(RowError(index, key))
            continue
        seen.add(email)
        rows.append(ImportRow(index, name, email, reference))
    if not rows and not errors:
        errors.append(RowError(0, "error.csv_empty"))
    return ParsedImport(tuple(rows), tuple(errors))
