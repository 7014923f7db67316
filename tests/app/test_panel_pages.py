"""The panel pages through AppTest, per role: debrief, calibration, raters, dashboard filters, comparison."""

from __future__ import annotations

from screening.domain.actors import CandidateActor
from screening.services import attempts, calibration, campaigns, candidates, interviews, invitations
from screening.services.calibration import SET_SIZE
from screening.store.engine import get_database
from tests.app.conftest import page
from tests.factories import World, answer_everything

FORBIDDEN = "You do not have access to this."


def _rated_twice(w: World) -> str:
    db = get_database()
    campaigns.share_campaign(db, w.recruiter, w.campaign_id, "other@example.org")
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    qid = interviews.console(db, w.recruiter, w.candidate_id).questions[0].question.id
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "Only **general** talk, <i>no</i> example.")
    return qid


def test_debrief_is_closed_to_a_rater_until_the_panel_has_rated_then_records_a_consensus(app_world):
    qid = _rated_twice(app_world)
    at = page("debrief", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    assert not at.exception and not at.dataframe
    assert any(c.value.startswith("The debrief opens once every rater") for c in at.caption)
    interviews.rate(get_database(), app_world.other_recruiter, app_world.candidate_id, qid, 4, "Specific steps.")
    at.run()
    table = at.dataframe[0].value
    assert list(table["Final level"]) == [2, 4]
    assert list(table["Evidence note"]) == ["Only **general** talk, <i>no</i> example.", "Specific steps."]
    assert "Mean 3.0, spread 2 over 2 rater(s)" in [c.value for c in at.caption]
    at.radio(key=f"consensus_level_{qid}").set_value(3)
    next(b for b in at.button if b.label == "Record the consensus").click().run()
    assert [e.value for e in at.error] == ["Give the reason the panel agreed on this level."]
    at.radio(key=f"consensus_level_{qid}").set_value(3)
    at.text_area(key=f"consensus_reason_{qid}").input("One real example, thin on actions.")
    next(b for b in at.button if b.label == "Record the consensus").click().run()
    assert any(s.value.startswith("Consensus: level 3, recorded by Rec") for s in at.success)


def test_the_lead_opens_a_debrief_early_and_cannot_record_a_level(app_world):
    qid = _rated_twice(app_world)
    at = page("debrief", "render", app_world.lead.user_id, "lead")
    at.run()
    assert not at.exception
    opener = [b for b in at.button if b.key == f"open_{qid}"]
    assert opener and not [b for b in at.button if b.label == "Record the consensus"]
    opener[0].click().run()
    assert not [b for b in at.button if b.key == f"open_{qid}"]
    assert list(at.dataframe[0].value["Final level"]) == [2]


def test_a_recruiter_calibrates_on_ten_exemplars_and_sees_the_kappa(app_world):
    at = page("calibration", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    next(b for b in at.button if b.label == "Start a set of ten").click().run()
    assert not at.exception
    for n in range(SET_SIZE):
        assert at.get("progress")[0].proto.text == f"Answer {n + 1} of {SET_SIZE}"
        assert "Keyed level" not in str([d.value.columns.tolist() for d in at.dataframe])
        at.radio(key=f"calibrate_level_1_{n}").set_value(3)
        next(b for b in at.button if b.label == "Save and go on").click().run()
    result = calibration.my_sets(get_database(), app_world.recruiter)[0].result
    assert result is not None
    assert at.subheader[0].value.startswith("Agreement with the keyed levels (quadratic-weighted kappa)")
    assert list(at.dataframe[0].value["Your level"]) == [3] * SET_SIZE
    assert "Start a set of ten" in [b.label for b in at.button]    # another set is offered


def test_raters_page_for_leads_and_admins_only(app_world):
    _rated_twice(app_world)
    interviews.rate(get_database(), app_world.other_recruiter, app_world.candidate_id,
                    interviews.console(get_database(), app_world.recruiter, app_world.candidate_id)
                    .questions[0].question.id, 5, "Owned it.")
    for who, role in ((app_world.lead, "lead"), (app_world.admin, "admin")):
        at = page("calibration", "render_raters", who.user_id, role)
        at.run()
        assert not at.exception
        agreement = at.dataframe[-1].value
        assert sorted(agreement["Rater"]) == ["Other", "Rec"] and sorted(agreement["Mean signed gap"]) == [
            "-3.00", "3.00"]
    refused = page("calibration", "render_raters", app_world.recruiter.user_id, "recruiter")
    refused.run()
    assert [e.value for e in refused.error] == [FORBIDDEN]
    lead_calibrating = page("calibration", "render", app_world.lead.user_id, "lead")
    lead_calibrating.run()
    assert [e.value for e in lead_calibrating.error] == [FORBIDDEN]


def _three(w: World) -> list[int]:
    db = get_database()
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    ids = [w.candidate_id]
    for name, worst in (("Bo Chen", True), ("Cy Dupont", False)):
        cid = candidates.add_candidate(db, w.recruiter, w.campaign_id, name)
        token = invitations.issue_invite(db, w.recruiter, cid).token
        view = attempts.open_attempt(db, CandidateActor(token))
        attempts.give_consent(db, CandidateActor(token))
        for planned in view.sjt:
            ranked = sorted(planned.item.options, key=lambda o: o.key)
            if planned.item.response_format == "best_worst":
                best, worst_o = (ranked[0], ranked[-1]) if worst else (ranked[-1], ranked[1])
                attempts.save_sjt_answer(db, CandidateActor(token), planned.item.id,
                                         {"best": best.id, "worst": worst_o.id})
            else:
                attempts.save_sjt_answer(db, CandidateActor(token), planned.item.id,
                                         {"ratings": {o.id: (6 - o.key if worst else o.key)
                                                      for o in planned.item.options}})
        attempts.submit(db, CandidateActor(token))
        ids.append(cid)
    return ids


def test_dashboard_ranks_by_fit_and_filters(app_world):
    _three(app_world)
    at = page("dashboard", "render", app_world.lead.user_id, "lead")
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Full name"]) == ["Amina Diallo", "Cy Dupont", "Bo Chen"]     # best fit first
    fits = [float(f) for f in table["Fit (0-100)"]]
    assert fits == sorted(fits, reverse=True)
    at.slider(key="dash_min_fit").set_value(int(fits[1]) + 1).run()
    assert list(at.dataframe[0].value["Full name"]) == ["Amina Diallo"]
    assert at.get("vega_lite_chart")                    # the radar and the skill bars
    at.slider(key="dash_min_fit").set_value(0).run()
    at.multiselect(key="dash_decision").unselect("none").run()
    assert at.dataframe[0].value.empty


def test_compare_puts_three_candidates_on_one_radar_and_one_table(app_world):
    ids = _three(app_world)
    at = page("compare", "render", app_world.lead.user_id, "lead")
    at.run()
    assert [i.value for i in at.info] == ["Choose two to four candidates."]
    at.multiselect(key=f"compare_{app_world.campaign_id}").set_value(ids).run()
    assert not at.exception and len(at.get("vega_lite_chart")) == 1
    table = at.dataframe[0].value
    assert len(table) == 3 and table.iloc[0, 0] == f"Amina Diallo · no. {ids[0]}"
    refused = page("compare", "render", app_world.recruiter.user_id, "recruiter")
    refused.run()
    assert [e.value for e in refused.error] == [FORBIDDEN]
