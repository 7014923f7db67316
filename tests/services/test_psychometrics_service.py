"""Item analysis of a campaign from its submitted answers, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from screening.domain.actors import SystemActor
from screening.services import campaigns, interviews, psychometrics
from screening.services._catalog import get_catalog
from screening.services.errors import PermissionDenied
from tests.factories import staff
from tests.services.psy_helpers import patience_campaign, take_test


def test_item_analysis_from_submitted_answers(db):
    owner = staff(db, "owner@example.org", "recruiter")
    other = staff(db, "rater2@example.org", "recruiter")
    lead = staff(db, "lead@example.org", "lead")
    cid = patience_campaign(db, owner, "lead@example.org")
    campaigns.share_campaign(db, owner, cid, "rater2@example.org")
    bank = get_catalog(db).bank
    ids = campaigns.get_campaign(db, owner, cid).sjt_item_ids
    bw = [i for i in ids if bank.sjt_by_id[i].response_format == "best_worst"]
    first = bw[0]
    a = take_test(db, owner, cid, "A", True)
    take_test(db, owner, cid, "B", False)
    take_test(db, owner, cid, "C", {first})
    question = campaigns.get_campaign(db, owner, cid).live_question_ids[0]
    interviews.rate(db, owner, a, question, 4, "Evidence noted.")
    interviews.rate(db, other, a, question, 2, "Evidence noted.")

    result = psychometrics.item_analysis(db, lead, cid)
    assert result.candidates == 3
    rows = {r.item_id: r for r in result.items}
    assert set(rows) == set(ids)
    assert rows[first].n == 3 and rows[first].difficulty == pytest.approx(2 / 3)
    assert rows[bw[1]].difficulty == pytest.approx(1 / 3)
    assert not rows[first].enough_data                      # 3 < 30 answers: a flag would be noise
    assert rows[first].chance == pytest.approx(50.0)        # best/worst: a guesser scores exactly half
    assert result.chance_per_format["best_worst"] == pytest.approx(50.0)
    assert psychometrics.chance_levels(db, lead, cid) == pytest.approx(result.chance_per_format)
    assert set(result.chance_per_format) == {"best_worst", "rate_each"}
    keyed_best = max(bank.sjt_by_id[first].options, key=lambda o: o.key).id
    shares = {o.option_id: o for o in result.options if o.item_id == first}
    assert shares[keyed_best].best_share == pytest.approx(2 / 3) and shares[keyed_best].key == 5
    (patience,) = result.reliability
    assert patience.skill == "patience" and patience.alpha.value is None
    assert patience.alpha.reason == "reason.too_few_candidates"
    assert (patience.alpha.n_items, patience.alpha.n_candidates) == (len(ids), 3)
    assert [(q.question_id, q.pairable, q.alpha) for q in result.questions] == [(question, 1, None)]
    by_rater = {r.rater_id: r for r in result.raters}
    assert by_rater[owner.user_id].mean_signed_diff == 2.0 and by_rater[other.user_id].mean_signed_diff == -2.0
    assert by_rater[owner.user_id].name == "Owner"
    as_json = result.as_dict()
    assert as_json["reliability"][0]["alpha"]["reason"] == "reason.too_few_candidates"
    # the command line acts as the system
    assert psychometrics.item_analysis(db, SystemActor("psychometrics"), cid).candidates == 3


def test_item_analysis_is_for_the_campaigns_leads_and_admins(db):
    owner = staff(db, "owner@example.org", "recruiter")
    staff(db, "lead@example.org", "lead")
    lead_off = staff(db, "leadoff@example.org", "lead")
    admin = staff(db, "admin@example.org", "admin")
    cid = patience_campaign(db, owner, "lead@example.org")
    assert psychometrics.item_analysis(db, admin, cid).candidates == 0
    for who in (owner, lead_off, None):
        with pytest.raises(PermissionDenied):
            psychometrics.item_analysis(db, who, cid)


def test_the_command_line_prints_the_analysis_as_json(app_env, capsys):
    import json

    from screening.cli import main
    from screening.store.engine import get_database

    db = get_database()
    owner = staff(db, "owner@example.org", "recruiter")
    cid = patience_campaign(db, owner)
    take_test(db, owner, cid, "A", True)
    assert main(["psychometrics", "--campaign", str(cid), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["candidates"] == 1 and printed["chance_per_format"]["best_worst"] == 50.0
    assert printed["reliability"][0]["alpha"]["reason"] == "reason.too_few_candidates"
    assert main(["psychometrics", "--campaign", str(cid)]) == 0
    text = capsys.readouterr().out
    assert "Not given: fewer than 30 candidates answered these items.  (6 items, 1 candidates)" in text
    assert main(["psychometrics", "--campaign", "999999"]) == 1
    assert capsys.readouterr().err.strip() == "Not found."
