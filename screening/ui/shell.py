"""Staff sign-in, the session that survives a reload, and the pages each role may reach."""

from __future__ import annotations

import streamlit as st

from screening.config import get_settings
from screening.i18n import t
from screening.services import auth
from screening.services.actors import Staff
from screening.services.errors import ServiceError
from screening.ui import admin, campaigns, candidates, console, dashboard
from screening.ui.components import db, guarded, inert, lang

SESSION_PARAM = "session"

# role -> pages (key of the title string, render function, url path)
PAGES: dict[str, list[tuple[str, object, str]]] = {
    "recruiter": [("page.campaigns", campaigns.render, "campaigns"),
                  ("page.candidates", candidates.render, "candidates"),
                  ("page.console", console.render, "console")],
    # Recruiters rate blind, so they do not see the profiles, which hold other raters' levels.
    "lead": [("page.dashboard", dashboard.render, "profiles")],
    "admin": [("page.campaigns", campaigns.render, "campaigns"),
              ("page.candidates", candidates.render, "candidates"),
              ("page.console", console.render, "console"),
              ("page.dashboard", dashboard.render, "profiles"),
              ("page.users", admin.render_users, "users"),
              ("page.banks", admin.render_banks, "banks"),
              ("page.retention", admin.render_retention, "retention"),
              ("page.audit", admin.render_audit, "audit")],
}


def current_actor() -> Staff | None:
    """From this browser session, or from the session token in the URL after a reload."""
    token = st.session_state.get("staff_token") or st.query_params.get(SESSION_PARAM)
    actor = auth.resume(db(), token)
    if actor is None and get_settings().sso_enabled and st.user.get("is_logged_in"):
        try:
            actor, token = auth.sso_login(db(), st.user.get("email"))
        except ServiceError as exc:
            st.session_state["sso_error"] = exc.key
    if actor is None:
        st.session_state.pop("actor", None)
        st.session_state.pop("staff_token", None)
        return None
    st.session_state["actor"], st.session_state["staff_token"] = actor, token
    st.query_params[SESSION_PARAM] = token  # page changes drop query parameters: put it back
    return actor


def login_page() -> None:
    st.title(t("app.title", lang()))
    st.subheader(t("login.title", lang()))
    with st.form("login"):
        email = st.text_input(t("login.email", lang()), key="login_email")
        password = st.text_input(t("login.password", lang()), type="password", key="login_password")
        submitted = st.form_submit_button(t("login.submit", lang()), type="primary")
    if submitted:
        try:
            actor, token = auth.login(db(), email, password)
        except ServiceError as exc:
            st.error(t(exc.key, lang()))
        else:
            st.session_state["actor"], st.session_state["staff_token"] = actor, token
            st.query_params[SESSION_PARAM] = token
            st.rerun()
    if get_settings().sso_enabled:
        error = st.session_state.pop("sso_error", None)
        if error:
            st.error(t(error, lang()))
        st.button(t("login.sso", lang()), on_click=st.login, key="sso_login")
    st.caption(t("login.candidate_hint", lang()))


def _sidebar(actor: Staff) -> None:
    with st.sidebar:
        st.selectbox(t("shell.language", lang()), ["en", "fr"], key="lang",
                     format_func=lambda code: {"en": "English", "fr": "Français"}[code])
        st.caption(f"{t('shell.signed_in_as', lang())} {inert(actor.name)} ({t('role.' + actor.role, lang())})")
        if st.button(t("shell.logout", lang()), key="logout"):
            auth.logout(db(), st.session_state.get("staff_token"))
            for key in ("actor", "staff_token"):
                st.session_state.pop(key, None)
            st.query_params.clear()
            if get_settings().sso_enabled and st.user.get("is_logged_in"):
                st.logout()
            st.rerun()


def run() -> None:
    st.session_state.setdefault("lang", "en")
    actor = current_actor()
    if actor is None:
        st.navigation([st.Page(login_page, title=t("login.title", lang()), url_path="login")],
                      position="hidden").run()
        return
    _sidebar(actor)
    pages = [st.Page(guarded(fn), title=t(key, lang()), url_path=path)  # type: ignore[arg-type]
             for key, fn, path in PAGES.get(actor.role, [])]
    st.navigation(pages).run()
