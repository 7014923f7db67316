"""The campaign pipeline's pure rules: the candidate CSV parser, CSV cell safety, board statuses, estimates."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from screening.domain.candidate_import import ImportRow, RowError, parse_candidates
from screening.domain.csv_safety import csv_bytes, neutralise
from screening.domain.estimates import estimated_minutes, items_per_candidate
from screening.domain.statuses import BOARD_STATUSES, board_status
from screening.text import FORMULA_STARTS

# --- the candidate CSV ----------------------------------------------------------------------------


def test_a_file_with_a_header_gives_rows_and_one_error_per_bad_row():
    data = (b"name,email,reference\n"
            b"Ana Lima,ANA@example.com,A-1\n"
            b"Bo,not-an-address,\n"
            b",empty@example.com,\n"
            b"Ana again,ana@example.com,\n"
            b"Chen Wei,chen@example.com\n"
            b"Taken,taken@example.com,\n"
            b"only-one-column\n")
    parsed = parse_candidates(data, frozenset({"taken@example.com"}))
    assert parsed.rows == (ImportRow(2, "Ana Lima", "ana@example.com", "A-1"),
                           ImportRow(6, "Chen Wei", "chen@example.com", ""))
    assert parsed.errors == (RowError(3, "error.csv_email"), RowError(4, "error.csv_name"),
                             RowError(5, "error.csv_email_repeated"), RowError(7, "error.csv_email_in_campaign"),
                             RowError(8, "error.csv_columns"))


def test_no_header_semicolons_and_a_windows_encoding():
    data = "Zoé Martin;zoe@example.fr;R7\r\nÉlise Roy;elise@example.fr\r\n".encode("cp1252")
    parsed = parse_candidates(data)
    assert [(r.name, r.email, r.reference) for r in parsed.rows] == [("Zoé Martin", "zoe@example.fr", "R7"),
                                                                    ("Élise Roy", "elise@example.fr", "")]
    assert parsed.errors == ()


def test_a_french_header_in_another_order():
    parsed = parse_candidates("courriel,nom\nzoe@example.fr,Zoé\n".encode())
    assert parsed.rows == (ImportRow(2, "Zoé", "zoe@example.fr", ""),)


def test_empty_binary_and_huge_files_are_file_errors():
    assert parse_candidates(b"").errors == (RowError(0, "error.csv_empty"),)
    assert parse_candidates(b"\xff\xfe\x00\x81" * 3).rows == ()
    assert parse_candidates(b"a" * 2_000_001).errors == (RowError(0, "error.csv_too_large"),)


def test_hostile_text_is_kept_as_typed_but_control_characters_go():
    parsed = parse_candidates(b'"=HYPERLINK(""x"")\x07 <b>Eve</b>",eve@example.com,@ref\n')
    assert parsed.rows == (ImportRow(1, '=HYPERLINK("x") <b>Eve</b>', "eve@example.com", "@ref"),)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_rows_and_errors_never_a_traceback(data):
    parsed = parse_candidates(data)
    lines = {r.line for r in parsed.rows}
    assert not lines & {e.line for e in parsed.errors if e.line}
    assert all(e.key.startswith("error.csv_") for e in parsed.errors)
    assert len({r.email for r in parsed.rows}) == len(parsed.rows)


_cell = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_cell, max_size=5), max_size=20), st.sampled_from([",", ";", "\t"]))
def test_any_table_of_text_gives_rows_and_errors_never_a_traceback(table, delimiter):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(table)
    parsed = parse_candidates(out.getvalue().encode())
    emails = [r.email for r in parsed.rows]
    assert len(emails) == len(set(emails))   # duplicates never pass
    lines = [r.line for r in parsed.rows] + [e.line for e in parsed.errors if e.line]
    assert len(lines) == len(set(lines))     # one outcome per record: added, or its error


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a@example.com", "b@example.com", "A@EXAMPLE.COM"]), min_size=1, max_size=8))
def test_a_repeated_address_is_an_error_on_every_repeat(addresses):
    data = "".join(f"Person {n},{a}\n" for n, a in enumerate(addresses)).encode()
    parsed = parse_candidates(data, frozenset({"b@example.com"}))
    distinct_new = {a.lower() for a in addresses} - {"b@example.com"}
    assert {r.email for r in parsed.rows} == distinct_new
    assert len(parsed.rows) + len(parsed.errors) == len(addresses)


# --- CSV cells a spreadsheet would run ------------------------------------------------------------


def test_each_formula_start_is_neutralised_and_numbers_are_not():
    assert [neutralise(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain", None, -2.5, 3)] == \
        ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "plain", "", "-2.5", "3"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.text(max_size=30), st.integers(), st.none()), min_size=1, max_size=4),
                max_size=10))
def test_no_text_cell_of_a_produced_csv_starts_a_formula(rows):
    width = max((len(r) for r in rows), default=1)
    header = [f"h{n}" for n in range(width)]
    data = csv_bytes(header, rows).decode("utf-8-sig")
    read = list(csv.reader(io.StringIO(data, newline="")))
    assert read[0] == header
    for written, original in zip(read[1:], rows, strict=True):
        for cell, value in zip(written, original, strict=False):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)
                assert cell in (value, "'" + value)


# --- statuses and estimates -----------------------------------------------------------------------


def test_the_board_status_is_the_furthest_step():
    none = dict.fromkeys(("invited", "opened", "started", "submitted", "rated", "decided"), False)
    assert board_status(**none) == "added"
    assert board_status(**(none | {"invited": True, "opened": True})) == "opened"
    assert board_status(**(none | {"invited": True, "decided": True})) == "decided"
    assert BOARD_STATUSES == ("added", "invited", "opened", "started", "submitted", "rated", "decided")


def test_estimates():
    assert estimated_minutes(12, 2) == 30
    assert estimated_minutes(0, 0) == 0
    assert estimated_minutes(3, 0) == 4   # 4.5 rounds to even
    assert items_per_candidate(20, 12) == 12 and items_per_candidate(20, 0) == 20 and items_per_candidate(5, 12) == 5
