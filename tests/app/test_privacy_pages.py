"""Privacy, audit and oversight pages through AppTest: the audit log's filters, pages and export, subject access,
the suggestions switch, the about page for every role, and the plain message for an uncaught error."""

from __future__ import annotations

import tomllib

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from screening import REPO_DIR
from screening.domain.actors import CandidateActor
from screening.services import attempts, candidates, interviews, oversight
from screening.store.engine import get_database
from screening.store.models import AuditEvent
from tests.app.conftest import TIMEOUT, app, page
from tests.factories import answer_everything

FORBIDDEN = "You do not have access to this."


def _events(action: str) -> list[AuditEvent]:
    with get_database().read() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


def test_audit_page_filters_pages_and_exports(app_world):
    db = get_database()
    for n in range(55):
        candidates.add_candidate(db, app_world.recruiter, app_world.campaign_id, f"Person {n}")
    at = page("admin", "render_audit", app_world.admin.user_id, "admin")
    at.run()
    assert not at.exception
    assert at.caption[0].value.startswith("6") and "Page 1 of 2" in at.caption[0].value  # newest first, 50 a page
    assert len(at.dataframe[0].value) == 50
    at.selectbox(key="audit_action").set_value("candidate.create").run()
    assert at.caption[0].value == "56 event(s), newest first. Page 1 of 2."
    at.number_input(key="audit_page").set_value(2).run()
    assert at.caption[0].value == "56 event(s), newest first. Page 2 of 2." and len(at.dataframe[0].value) == 6
    table = at.dataframe[0].value
    assert set(table["Who"]) == {f"Rec (#{app_world.recruiter.user_id})"}  # names resolved, not "staff:2"
    at.selectbox(key="audit_actor").set_value("system:test").run()  # made the accounts, no candidate
    assert at.caption[0].value.startswith("0 event(s)") and at.number_input(key="audit_page").value == 1
    at.selectbox(key="audit_actor").set_value("").run()
    at.text_input(key="audit_entity_id").input(str(app_world.candidate_id)).run()
    at.selectbox(key="audit_entity").set_value("candidate").run()
    assert at.caption[0].value.startswith("1 event(s)")
    next(b for b in at.button if b.label == "Export these events (JSON lines)").click().run()
    assert not at.exception and at.get("download_button")
    (export,) = _events("audit.export")
    assert (export.details["events"], export.details["filter_action"], export.details["filter_entity_id"]) == (
        1, "candidate.create", str(app_world.candidate_id))
    at.run()
    assert not at.get("download_button")  # the export is offered once, then leaves session memory


def test_retention_page_prepares_a_subject_access_export(app_world):
    at = page("admin", "render_retention", app_world.admin.user_id, "admin")
    at.run()
    at.selectbox(key="export_candidate").set_value(app_world.candidate_id)
    next(b for b in at.button if b.label == "Prepare the export").click().run()
    assert not at.exception and at.get("download_button")
    (event,) = _events("candidate.export")
    assert (event.actor_id, event.entity_id) == (app_world.admin.user_id, str(app_world.candidate_id))


def test_oversight_page_switches_suggestions_off_and_the_console_says_so(app_world):
    db = get_database()
    at = page("oversight", "render", app_world.admin.user_id, "admin")
    at.run()
    assert not at.exception and at.radio(key="oversight_all").value is True
    at.radio(key="oversight_all").set_value(False)
    next(b for b in at.button if b.label == "Apply").click().run()
    assert [s.value for s in at.success] == ["Saved."]
    assert oversight.suggestion_switches(db, app_world.admin).installation is False
    assert any("off everywhere" in w.value for w in at.warning)
    answer_everything(db, app_world.token)
    attempts.submit(db, CandidateActor(app_world.token))
    qid = interviews.console(db, app_world.recruiter, app_world.candidate_id).questions[0].question.id
    interviews.rate(db, app_world.recruiter, app_world.candidate_id, qid, 3, "Evidence noted.")
    console = page("console", "render", app_world.recruiter.user_id, "recruiter")
    console.run()
    assert not console.exception
    assert "Suggested levels are switched off by an administrator." in [c.value for c in console.caption]
    assert not any("Software suggestion" in i.value for i in console.info)
    refused = page("oversight", "render", app_world.recruiter.user_id, "recruiter")
    refused.run()
    assert [e.value for e in refused.error] == [FORBIDDEN]


@pytest.mark.parametrize("role", ["recruiter", "lead", "admin"])
def test_about_page_for_every_role(app_world, role):
    user = {"recruiter": app_world.recruiter, "lead": app_world.lead, "admin": app_world.admin}[role]
    at = page("about", "render", user.user_id, role)
    at.run()
    assert not at.exception
    assert at.header[0].value == "What this tool does, and what it never does"
    text = " ".join(m.value for m in at.markdown)
    assert "never analyses faces, voices or emotions" in text and "only after giving their own rating" in text
    assert "`docs/model-card.md`" in text and "visages" in text  # the French statement beside it


def test_about_page_is_public_in_french_and_linked_from_the_welcome_screen(app_world):
    at = app()
    at.query_params["about"] = "fr"
    at.run()
    assert not at.exception and at.header[0].value == "Ce que fait cet outil, et ce qu'il ne fait jamais"
    assert not at.text_input and not at.button  # no sign-in form, nothing else
    welcome = app()
    welcome.query_params["invite"] = app_world.token
    welcome.run()
    assert "[What this assessment does and never does](?about=en)" in [m.value for m in welcome.markdown]


def _failing_script() -> None:
    import streamlit as st

    from screening.web.logs import on_script_error

    st.session_state["cand_lang"] = "fr"
    try:
        raise RuntimeError("Amina Diallo typed: 0612345678")
    except RuntimeError as exc:
        on_script_error(exc)


def test_an_uncaught_error_shows_a_plain_message_with_its_id_and_no_text(app_env):
    at = AppTest.from_function(_failing_script, default_timeout=TIMEOUT)
    at.run()
    (message,) = [e.value for e in at.error]
    assert message.startswith("Un problème est survenu de notre côté.")
    assert len(message.rsplit(": ", 1)[1]) == 8  # the short error id
    assert "Amina" not in message and "0612345678" not in message and not at.exception


def test_streamlit_never_shows_error_details():
    config = tomllib.loads((REPO_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_the_dashboard_logs_the_pdf_on_download_not_on_render(app_world, monkeypatch):
    import screening.report
    from screening.ui.pages import dashboard

    built: list[int] = []
    real = screening.report.render_profile_pdf
    monkeypatch.setattr(screening.report, "render_profile_pdf", lambda *a: built.append(1) or real(*a))
    db = get_database()
    answer_everything(db, app_world.token)
    attempts.submit(db, CandidateActor(app_world.token))
    at = page("dashboard", "render", app_world.lead.user_id, "lead")
    at.run()
    at.run()
    assert at.get("download_button") and not _events("profile.pdf")
    assert built == []  # the PDF is built when the button is clicked, not each time the page runs
    pdf = dashboard._pdf_for_download(app_world.lead, app_world.candidate_id)  # the button's data, on click
    assert (pdf[:5], built) == (b"%PDF-", [1])
    (event,) = _events("profile.pdf")
    assert (event.actor_id, event.details) == (app_world.lead.user_id, {"via": "download"})
