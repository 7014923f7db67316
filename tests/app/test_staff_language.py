"""The staff pages in French: table headers, role names and audit labels come from the catalog."""

from __future__ import annotations

from screening.domain.actors import CandidateActor
from screening.services import attempts, audit_log, auth
from screening.store.engine import get_database
from tests.app.conftest import app, page
from tests.factories import PASSWORD


def test_the_audit_log_reads_in_french(app_world):
    attempts.open_attempt(get_database(), CandidateActor(app_world.token))
    attempts.give_consent(get_database(), CandidateActor(app_world.token))
    at = page("admin", "render_audit", app_world.admin.user_id, "admin")
    at.session_state["lang"] = "fr"
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["Quand (UTC)", "Qui", "Action", "Enregistrement",
                                   "Détails (identifiants et valeurs seulement)"]
    rows = set(zip(table["Qui"], table["Action"], table["Enregistrement"], strict=True))
    (consent,) = audit_log.search(get_database(), app_world.admin, action="attempt.consent").rows
    assert (f"candidat n° {app_world.candidate_id}", "Consentement du candidat donné",
            f"passation {consent.entity_id}") in rows
    assert ("système (test)", "Compte créé", f"compte de l'équipe {app_world.admin.user_id}") in rows
    assert (f"Rec (#{app_world.recruiter.user_id})", "Campagne créée", f"campagne {app_world.campaign_id}") in rows
    action_filter = at.selectbox(key="audit_action")
    assert action_filter.options[0] == "(tous)" and "Lien d'invitation créé" in action_filter.options
    assert "candidat" in at.selectbox(key="audit_entity").options


def test_the_users_table_names_roles_in_french(app_world):
    at = page("admin", "render_users", app_world.admin.user_id, "admin")
    at.session_state["lang"] = "fr"
    at.run()
    table = at.dataframe[0].value
    assert list(table.columns) == ["N°", "E-mail", "Nom", "Rôle", "Actif"]
    assert set(table["Rôle"]) == {"administrateur", "recruteur", "responsable du recrutement"}


def test_the_shell_opens_in_the_language_last_chosen(app_world, monkeypatch):
    """AppTest cannot send the session cookie: the shell's own lookup is pointed at a real session instead.
    Choosing another language in the menu, and finding it after a reload, is the browser's test
    (tests/browser/test_staff_access.py::test_staff_page_lang_and_tab_title_follow_the_language)."""
    from screening.ui import shell

    db = get_database()
    _, session_id = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="test")
    auth.set_language(db, auth.resume(db, None, session_id), "fr")  # type: ignore[arg-type]
    monkeypatch.setattr(shell, "current_actor", lambda: auth.resume(db, None, session_id))
    at = app()
    at.run()
    assert not at.exception
    assert (at.selectbox(key="lang").value, at.header[0].value) == ("fr", "Campagnes")
