"""Recruiter page: a campaign's candidates, page by page, adding one, and issuing the invite link."""

from __future__ import annotations

import streamlit as st

from screening.config import get_settings
from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import attempts, campaigns, candidate_requests, candidates, invitations
from screening.services.errors import ServiceError
from screening.ui.components import db, inert, lang, run_action, show_error
from screening.ui.pickers import candidate_label, pick_campaign


def render(actor: Staff) -> None:
    st.header(t("page.candidates", lang()))
    campaign_id = pick_campaign(actor, "cand_campaign")
    if campaign_id is None:
        return
    with st.form("add_candidate", clear_on_submit=True):
        st.markdown(f"**{t('candidates.add', lang())}**")
        name = st.text_input(t("candidates.name", lang()), key="cand_name")
        email = st.text_input(t("candidates.email", lang()), key="cand_email")
        if st.form_submit_button(t("candidates.add_button", lang()), type="primary"):
            run_action(lambda: candidates.add_candidate(db(), actor, campaign_id, name, email), "candidates.added")
    _requests(actor, campaign_id)
    timed = bool(campaigns.get_campaign(db(), actor, campaign_id).time_limit_minutes)
    search = st.text_input(t("pickers.search", lang()), key="cand_search")
    page_number = int(st.session_state.get("cand_page", 0))
    page = candidates.candidate_statuses(db(), actor, campaign_id, page=page_number, search=search)
    if not page.rows:
        st.info(t("candidates.none", lang()))
    for row in page.rows:
        with st.container(border=True):
            st.markdown(f"**{inert(candidate_label(row))}** · {t('status.' + row.status, lang())}")
            if row.status != "submitted" and st.button(t("candidates.invite", lang()), key=f"inv_{row.candidate_id}"):
                try:
                    issued = invitations.issue_invite(db(), actor, row.candidate_id)
                    st.caption(t("candidates.invite_ready", lang(), days=get_settings().invite_ttl_days))
                    st.code(issued.url, language=None)
                except ServiceError as exc:
                    show_error(exc)
            if timed and row.status == "in_progress":
                _extra_time(actor, row.candidate_id)
    if page.pages > 1:
        st.number_input(t("candidates.page", lang(), pages=page.pages, total=page.total), min_value=1,
                        max_value=page.pages, value=page.page + 1, key="cand_page_input",
                        on_change=lambda: st.session_state.update(cand_page=st.session_state["cand_page_input"] - 1))


def _requests(actor: Staff, campaign_id: int) -> None:
    """Candidates asking for a human review, and withdrawals (their data already erased)."""
    rows = candidate_requests.campaign_requests(db(), actor, campaign_id)
    if not rows:
        return
    with st.expander(t("candidates.requests", lang()), expanded=any(r.handled_at is None for r in rows)):
        for r in rows:
            state = t("candidates.request_handled" if r.handled_at else "candidates.request_open", lang())
            st.markdown(f"**{inert(r.candidate_name)}** · {t('candidates.request_' + r.kind, lang())} · "
                        f"{r.created_at:%Y-%m-%d %H:%M} UTC · {state}")
            if r.message:
                st.text(r.message)
            if r.handled_at is None and st.button(t("candidates.mark_handled", lang()), key=f"req_{r.request_id}"):
                run_action(lambda rid=r.request_id: candidate_requests.mark_handled(db(), actor, rid),
                           "candidates.request_handled")


def _extra_time(actor: Staff, candidate_id: int) -> None:
    """An accommodation: minutes on top of the campaign's time limit, for this candidate only."""
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    minutes = left.number_input(t("candidates.extra_time", lang()), min_value=0, max_value=24 * 60, step=5,
                                key=f"extra_{candidate_id}")
    if right.button(t("candidates.extra_time_save", lang()), key=f"extra_go_{candidate_id}"):
        run_action(lambda: attempts.extend_time(db(), actor, candidate_id, int(minutes)), "candidates.extra_time_saved")
