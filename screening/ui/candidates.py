"""Recruiter page: a campaign's candidates, adding one, and issuing the invite link."""

from __future__ import annotations

import streamlit as st

from screening.config import get_settings
from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import campaigns, candidates, invitations
from screening.services.errors import ServiceError
from screening.ui.components import db, inert, lang, show_error


def pick_campaign(actor: Staff, key: str) -> int | None:
    rows = campaigns.list_campaigns(db(), actor)
    if not rows:
        st.info(t("campaigns.none", lang()))
        return None
    names = {int(c.id): c.name for c in rows}  # type: ignore[arg-type]
    # selectbox options render as plain text, so a hostile campaign name stays inert
    return st.selectbox(t("candidates.campaign", lang()), list(names), format_func=names.get, key=key)


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
            try:
                candidates.add_candidate(db(), actor, campaign_id, name, email)
                st.success(t("candidates.added", lang()))
            except ServiceError as exc:
                show_error(exc)
    rows = candidates.candidate_statuses(db(), actor, campaign_id)
    if not rows:
        st.info(t("candidates.none", lang()))
    for row in rows:
        with st.container(border=True):
            st.markdown(f"**{inert(row.name)}** · {t('status.' + row.status, lang())}")
            if row.status != "submitted" and st.button(t("candidates.invite", lang()), key=f"inv_{row.candidate_id}"):
                try:
                    issued = invitations.issue_invite(db(), actor, row.candidate_id)
                    st.caption(t("candidates.invite_ready", lang(), days=get_settings().invite_ttl_days))
                    st.code(issued.url, language=None)
                except ServiceError as exc:
                    show_error(exc)
