"""Staff pages: who is signed in (from the session cookie, checked on every rerun) and the menu of their role.

Signing in and out happen in the web layer (`screening.web.sessions`): a real form posts to a route that
sets or clears an HttpOnly cookie. This script only reads that cookie, and hands the signed-in staff
member to each page as an argument; nothing here trusts session state or the address bar.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from screening.config import get_settings
from screening.domain import policy
from screening.domain.actors import Staff
from screening.domain.policy import Page
from screening.domain.vocab import LANGUAGE_NAMES, LANGUAGES
from screening.i18n import t
from screening.services import auth, invitations
from screening.services.errors import ServiceError
from screening.text import Medium, inert
from screening.ui.components import db, guarded, lang, run_action
from screening.ui.page_helpers import page_helpers
from screening.ui.pages import (
    about,
    admin,
    calibration,
    campaigns,
    candidates,
    compare,
    console,
    dashboard,
    debrief,
    impact,
    key_reviews,
    oversight,
    psychometrics,
)
from screening.web.paths import SESSION_COOKIE, SIGN_IN_PATH, SIGN_OUT_PATH

# page id -> (title key, render function)
PAGES: dict[str, tuple[str, Callable[[Staff], None]]] = {
    Page.CAMPAIGNS: ("page.campaigns", campaigns.render),
    Page.CANDIDATES: ("page.candidates", candidates.render),
    Page.CONSOLE: ("page.console", console.render),
    Page.DEBRIEF: ("page.debrief", debrief.render),
    Page.CALIBRATION: ("page.calibration", calibration.render),
    Page.PROFILES: ("page.dashboard", dashboard.render),
    Page.COMPARE: ("page.compare", compare.render),
    Page.RATERS: ("page.raters", calibration.render_raters),
    Page.USERS: ("page.users", admin.render_users),
    Page.BANKS: ("page.banks", admin.render_banks),
    Page.RETENTION: ("page.retention", admin.render_retention),
    Page.AUDIT: ("page.audit", admin.render_audit),
    Page.PSYCHOMETRICS: ("page.psychometrics", psychometrics.render),
    Page.KEY_REVIEWS: ("page.key_reviews", key_reviews.render_admin),
    Page.KEY_RATING: ("page.key_rating", key_reviews.render_reviewer),
    Page.IMPACT: ("page.impact", impact.render),
    Page.OVERSIGHT: ("page.oversight", oversight.render),
    Page.ABOUT: ("page.about", about.render),
}


# The sign-out form is plain HTML (it posts to the web layer), styled like Streamlit's secondary buttons.
_SIGN_OUT_STYLE = (".signout-button{font:inherit;font-size:.95rem;padding:.4rem .9rem;min-height:2.5rem;"
                   "border:1px solid #8a949e;border-radius:.5rem;background:#fff;color:#1b1f24;cursor:pointer}"
                   ".signout-button:hover{border-color:#1f5f8b;color:#1f5f8b}"
                   ".signout-button:focus-visible{outline:3px solid #0b3d61;outline-offset:2px}")


def current_actor() -> Staff | None:
    """The staff member behind this browser's session cookie, or the organisation's sign-in."""
    actor = auth.resume(db(), None, st.context.cookies.get(SESSION_COOKIE))
    if actor is None and get_settings().sso_enabled and st.user.get("is_logged_in"):
        done = run_action(lambda: auth.sso_actor(db(), None, str(st.user.get("email") or "")))
        actor = done.value if done else None
    return actor


def signed_out_page() -> None:
    st.title(t("app.title", lang()))
    st.subheader(t("login.title", lang()))
    # A full page load to the sign-in form: the cookie it sets reaches this script on the next load.
    st.html(f'<p><a href="{SIGN_IN_PATH}?lang={lang()}" target="_self" class="signin-link">'
            f'{t("login.submit", lang())}</a></p>')
    if get_settings().sso_enabled:
        st.button(t("login.sso", lang()), on_click=st.login, key="sso_login")
    st.caption(t("login.candidate_hint", lang()))
    _lost_link_form()


def _lost_link_form() -> None:
    """A candidate who lost their link asks for a new one; the answer is the same whether the address is known."""
    with st.form("lost_link", clear_on_submit=True):
        st.markdown(f"**{t('lost.title', lang())}**")
        email = st.text_input(t("lost.email", lang()), key="lost_email", max_chars=320)
        if st.form_submit_button(t("lost.submit", lang())):
            with contextlib.suppress(ServiceError):  # the same answer whatever happened
                invitations.request_lost_link(db(), None, email)
            st.success(t("lost.done", lang()))


def _sidebar(actor: Staff) -> None:
    with st.sidebar:
        st.selectbox(t("shell.language", lang()), LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.__getitem__,
                     on_change=_save_language, args=(actor,))
        st.caption(f"{t('shell.signed_in_as', lang())} {inert(actor.name, Medium.MARKDOWN)} "
                   f"({t('role.' + actor.role, lang())})")
        st.html(f'<style>{_SIGN_OUT_STYLE}</style><form method="post" action="{SIGN_OUT_PATH}">'
                f'<button type="submit" class="signout-button">{t("shell.logout", lang())}</button></form>')
        if get_settings().sso_enabled and st.user.get("is_logged_in"):
            st.button(t("login.sso_logout", lang()), on_click=st.logout, key="sso_logout")


def _own_language(actor: Staff) -> None:
    """A new browser session (a sign-in, a reload, another server) opens in the language last chosen."""
    if st.session_state.get("lang_of") != actor.user_id:
        st.session_state["lang"], st.session_state["lang_of"] = actor.language, actor.user_id


def _save_language(actor: Staff) -> None:
    run_action(lambda: auth.set_language(db(), actor, st.session_state["lang"]))


def _page(render: Callable[[Staff], None], actor: Staff) -> Callable[[], None]:
    def page() -> None:
        render(actor)

    page.__name__ = render.__name__  # Streamlit derives a page's identity from its function name
    return guarded(page)


def _in_language(current: StreamlitPage) -> StreamlitPage:
    """The document's `lang` attribute and the tab's title follow the staff member's language."""
    title = t("shell.tab_title", lang(), page=current.title, app=t("app.title", lang()))
    st.set_page_config(page_title=title)
    page_helpers(key="staff_helpers", language=lang(), title=title)
    return current


def run() -> None:
    st.session_state.setdefault("lang", "en")
    actor = current_actor()
    if actor is None:
        _in_language(st.navigation([st.Page(signed_out_page, title=t("login.title", lang()), url_path="login")],
                                   position="hidden")).run()
        return
    _own_language(actor)
    _sidebar(actor)
    pages = [st.Page(_page(PAGES[pid][1], actor), title=t(PAGES[pid][0], lang()), url_path=pid)
             for pid in policy.pages_for(actor)]
    _in_language(st.navigation(pages)).run()
