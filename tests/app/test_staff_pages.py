"""Every staff page, for every role, through Streamlit's AppTest."""

from __future__ import annotations

import pytest

from screening.domain.actors import CandidateActor
from screening.services import attempts, interviews
from screening.store.engine import get_database
from screening.suggest.predict import NOTE_OFF_TOPIC, Evidence, Suggestion
from tests.app.conftest import app, page
from tests.factories import PASSWORD, answer_everything

FORBIDDEN = "You do not have access to this."


def test_signed_out_visitor_gets_the_sign_in_link_and_no_staff_page(app_world):
    at = app()
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "Staff sign-in"
    assert any('/auth/sign-in?lang=en' in h.proto.body for h in at.get("html"))
    assert [w.key for w in at.text_input] == ["lost_email"] and not at.dataframe  # only "I lost my link"


def test_no_actor_is_taken_from_session_state_or_the_address(app_world):
    """A planted session-state actor or an old `?session=` link signs nobody in: only the cookie does."""
    from screening.domain.actors import Staff
    from screening.services import auth

    _, session_id = auth.login(get_database(), None, email="admin@example.org", password=PASSWORD, client="t")
    at = app()
    at.session_state["actor"] = Staff(app_world.admin.user_id, "admin", "Planted")
    at.session_state["staff_token"] = session_id
    at.query_params["session"] = session_id
    at.run()
    assert at.subheader[0].value == "Staff sign-in"
    assert not at.dataframe and "Campaigns" not in [h.value for h in at.header]


def test_recruiter_creates_a_campaign(app_world):
    at = page("campaigns", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    at.text_input(key="new_name").input("Night shift chat")
    at.multiselect(key="new_skills_").select("patience")
    at.button[0].click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Campaign created."]
    assert any("Night shift chat" in m.value for m in at.markdown)


def test_recruiter_adds_a_candidate_and_gets_an_invite_link(app_world):
    at = page("candidates", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    at.text_input(key="cand_name").input("Olek <b>Nowak</b> [x](y)")
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Candidate added."]
    assert any("Olek \\<b\\>Nowak" in m.value for m in at.markdown)  # escaped, shown as typed
    invite_buttons = [b for b in at.button if b.label == "Issue invite link"]
    invite_buttons[-1].click().run()
    assert at.code and "/?invite=" in at.code[0].value


def test_other_recruiter_does_not_see_an_unshared_campaign(app_world):
    at = page("candidates", "render", app_world.other_recruiter.user_id, "recruiter")
    at.run()
    assert [i.value for i in at.info] == ["No campaign yet."]


def test_interview_console_rates_blind_then_shows_the_suggestion(app_world):
    db = get_database()
    answer_everything(db, app_world.token)
    attempts.submit(db, CandidateActor(app_world.token))
    interviews.rate(db, app_world.admin, app_world.candidate_id,
                    interviews.console(db, app_world.recruiter, app_world.candidate_id).questions[0].question.id, 1,
                    "No example given.")
    at = page("console", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    assert not at.exception
    text = " ".join(c.value for c in at.caption)
    assert "All raters" not in text and "Software suggestion" not in " ".join(i.value for i in at.info)
    first_q = interviews.console(db, app_world.recruiter, app_world.candidate_id).questions[0].question.id
    at.radio(key=f"rate_level_{first_q}").set_value(5)
    next(b for b in at.button if b.label == "Submit my rating").click().run()
    assert [e.value for e in at.error] == ["Write the evidence your level rests on: what the candidate said or did."]
    assert "All raters" not in " ".join(c.value for c in at.caption)   # refused: still blind
    at.text_area(key=f"rate_note_{first_q}").input("Named the customer's worry, then fixed the date.")
    next(b for b in at.button if b.label == "Submit my rating").click().run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "All raters: mean 3.0, spread 4, 2 rating(s)" in captions
    assert any("Raters disagree" in w.value for w in at.warning)
    assert "Evidence:" in captions


def test_console_says_why_the_lowest_level_is_suggested_for_an_answer_to_another_question(app_world, monkeypatch):
    db = get_database()
    answer_everything(db, app_world.token)
    attempts.submit(db, CandidateActor(app_world.token))
    flagged = Suggestion(1, 0.8, None, Evidence((), (), False, "unclear", 1), NOTE_OFF_TOPIC)
    monkeypatch.setattr(interviews, "suggest_for_question", lambda *_args: flagged)
    qid = interviews.console(db, app_world.recruiter, app_world.candidate_id).questions[0].question.id
    interviews.rate(db, app_world.recruiter, app_world.candidate_id, qid, 2, "Told a story about another case.")
    at = page("console", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    assert not at.exception
    assert [i.value for i in at.info] == ["Software suggestion (an aid only; you decide): level 1, confidence 80%"]
    assert ("The answer does not seem to address the question: raters give such an answer the lowest level."
            in [c.value for c in at.caption])


def test_hiring_lead_sees_scores_downloads_pdf_and_decides(app_world):
    db = get_database()
    answer_everything(db, app_world.token)
    attempts.submit(db, CandidateActor(app_world.token))
    at = page("dashboard", "render", app_world.lead.user_id, "lead")
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert (table.iloc[0, 0], table.iloc[0, 1], table.iloc[0, 3]) == (1, "Amina Diallo", "100")
    assert at.get("download_button")
    decide = f"outcome_{app_world.candidate_id}"
    assert at.radio(key=decide).value is None  # the form starts empty
    at.radio(key=decide).set_value("hold")
    next(b for b in at.button if b.label == "Record a decision").click().run()
    assert [e.value for e in at.error] == ["Give the reason for this decision."]
    at.radio(key=decide).set_value("advance")
    at.text_area(key=f"note_{app_world.candidate_id}").input("Strong de-escalation evidence.")
    next(b for b in at.button if b.label == "Record a decision").click().run()
    assert [s.value for s in at.success] == ["Decision recorded."]
    assert "Decision: advance — Strong de\\-escalation evidence\\." in [c.value for c in at.caption]  # inert
    assert at.session_state[f"note_{app_world.candidate_id}"] == ""  # the form cleared itself for the next one


@pytest.mark.parametrize("module, function", [("admin", "render_users"), ("admin", "render_audit"),
                                               ("admin", "render_banks"), ("admin", "render_retention")])
def test_admin_pages_work_for_admin_and_refuse_a_recruiter(app_world, module, function):
    at = page(module, function, app_world.admin.user_id, "admin")
    at.run()
    assert not at.exception and not at.error
    refused = page(module, function, app_world.recruiter.user_id, "recruiter")
    refused.run()
    if function == "render_banks":  # bank status holds no personal data, but only admins reach it via navigation
        return
    assert [e.value for e in refused.error] == [FORBIDDEN]


@pytest.mark.parametrize("module, function", [("campaigns", "render"), ("candidates", "render"),
                                               ("console", "render"), ("dashboard", "render"),
                                               ("admin", "render_users")])
def test_a_page_reached_without_a_signed_in_actor_is_refused_by_the_services(app_world, module, function):
    at = page(module, function, None)
    at.run()
    assert FORBIDDEN in [e.value for e in at.error]


def test_lead_cannot_rate_from_the_console(app_world):
    at = page("console", "render", app_world.lead.user_id, "lead")
    at.run()
    assert FORBIDDEN in [e.value for e in at.error]


def test_admin_erases_a_candidate_from_the_retention_page(app_world):
    at = page("admin", "render_retention", app_world.admin.user_id, "admin")
    at.run()
    at.checkbox(key="erase_sure").check()
    next(b for b in at.button if b.label == "Erase personal data").click().run()
    assert [s.value for s in at.success] == ["Personal data erased."]
    from screening.services.candidates import get_candidate
    assert get_candidate(get_database(), app_world.admin, app_world.candidate_id).name.startswith("erased #")


def test_organisation_sign_in_takes_the_role_from_the_staff_table(app_world, monkeypatch):
    from screening.config import get_settings
    monkeypatch.setenv("SCREENING_SSO_ENABLED", "true")
    get_settings.cache_clear()
    at = app()
    at.run()
    assert "Sign in with your organisation's account" in [b.label for b in at.button]
    at = app()
    at.user = {"is_logged_in": True, "email": "lead@example.org"}
    at.run()
    assert at.header[0].value == "Profiles and decisions"  # the lead's page, from the staff table
    stranger = app()
    stranger.user = {"is_logged_in": True, "email": "stranger@example.org"}
    stranger.run()
    assert stranger.error[0].value.startswith("Your organisation's account is not linked")
    get_settings.cache_clear()
