"""Adverse impact in aggregate: voluntary group data imported by an admin, rates and ratios per group."""

from __future__ import annotations

import csv
import io

import pytest
from scipy.stats import fisher_exact
from sqlmodel import select

from screening.services import adverse_impact, candidates, profiles
from screening.services.errors import InvalidInput, PermissionDenied
from screening.store.models import AuditEvent, CandidateGroup
from tests.factories import staff
from tests.services.psy_helpers import patience_campaign, take_test


def _campaign(db):
    admin = staff(db, "admin@example.org", "admin")
    owner = staff(db, "owner@example.org", "recruiter")
    lead = staff(db, "lead@example.org", "lead")
    cid = patience_campaign(db, owner, "lead@example.org")
    return admin, owner, lead, cid


def test_import_reports_each_bad_line_and_stores_the_rest(db):
    admin, owner, lead, cid = _campaign(db)
    a = candidates.add_candidate(db, owner, cid, "A")
    b = candidates.add_candidate(db, owner, cid, "B")
    content = (f"candidate_id,field,value\n{a},sex_or_gender,woman\n{b},age_band,=cmd|' /C calc'!A0\n"
               f"999999,sex_or_gender,man\n{a},religion,x\n{a},sex_or_gender\nabc,age_band,30-39\n"
               f"{b},age_band,\n").encode()
    result = adverse_impact.import_groups(db, admin, content)
    assert result.imported == 2
    assert [(e.line, e.key) for e in result.errors] == [
        (4, "groups.row_candidate"), (5, "groups.row_field"), (6, "groups.row_columns"),
        (7, "groups.row_candidate"), (8, "groups.row_value")]
    # a further field only once an admin records a legal basis
    with pytest.raises(InvalidInput):
        adverse_impact.enable_group_field(db, admin, "religion", "short")
    adverse_impact.enable_group_field(db, admin, "religion", "Art. 9(2)(b) GDPR, works agreement of 2026")
    assert adverse_impact.import_groups(db, admin, f"{a},religion,none\n".encode()).imported == 1
    assert [f.name for f in adverse_impact.group_fields(db, admin)] == ["sex_or_gender", "age_band", "religion"]
    with db.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "groups.import")).first()
    assert event is not None and "woman" not in str(event.details)        # counts, never values
    for who in (owner, lead, None):
        with pytest.raises(PermissionDenied):
            adverse_impact.import_groups(db, who, content)
        with pytest.raises(PermissionDenied):
            adverse_impact.impact_report(db, who, cid, "sex_or_gender")
    # erased with the candidate
    candidates.erase_candidate(db, admin, a)
    with db.read() as s:
        assert [g.candidate_id for g in s.exec(select(CandidateGroup)).all()] == [b]


def test_impact_report_rates_ratios_fisher_and_export(db):
    admin, owner, lead, cid = _campaign(db)
    women = [take_test(db, owner, cid, f"W{n}", True) for n in range(3)]
    men = [take_test(db, owner, cid, f"M{n}", False) for n in range(3)]
    for n, c in enumerate(women):
        profiles.record_decision(db, lead, c, "advance" if n < 2 else "reject", "Reason.")
    for n, c in enumerate(men):
        profiles.record_decision(db, lead, c, "advance" if n < 1 else "hold", "Reason.")
    rows = "\n".join([*(f"{c},sex_or_gender,woman" for c in women), *(f"{c},sex_or_gender,+man" for c in men)])
    adverse_impact.import_groups(db, admin, rows.encode())

    report = adverse_impact.impact_report(db, admin, cid, "sex_or_gender", cut=50.0)
    assert (report.declared, report.undeclared, report.score) == (6, 0, "sjt")   # no target profile
    sections = {s.measure: {g.group: g for g in s.rows} for s in report.sections}
    advance = sections["outcome.advance"]
    assert advance["woman"].rate == pytest.approx(2 / 3) and advance["woman"].reference
    assert advance["+man"].rate == pytest.approx(1 / 3) and advance["+man"].impact_ratio == pytest.approx(0.5)
    assert advance["+man"].four_fifths and advance["+man"].small_sample
    assert advance["+man"].fisher_p == pytest.approx(fisher_exact([[1, 2], [2, 1]])[1])
    assert sections["outcome.hold"]["+man"].rate == pytest.approx(2 / 3)
    assert sections["cut"]["woman"].rate == 1.0 and sections["cut"]["+man"].rate == 0.0
    assert sections["scoring_rate"]["woman"].rate == 1.0 and sections["scoring_rate"]["+man"].impact_ratio == 0.0

    exported = adverse_impact.impact_csv(db, admin, cid, "sex_or_gender")
    table = list(csv.reader(io.StringIO(exported)))
    assert table[0] == list(adverse_impact.CSV_HEADER)
    assert len(table) == 1 + 5 * 2
    assert {r[3] for r in table[1:]} == {"woman", "'+man"}               # a formula-like cell neutralised
    assert "M0" not in exported and "W0" not in exported                  # aggregate only: no names
    with db.read() as s:
        actions = [e.action for e in s.exec(select(AuditEvent)).all()]
    assert actions.count("impact.view") == 1 and actions.count("impact.export") == 1
