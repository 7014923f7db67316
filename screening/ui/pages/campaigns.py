"""Recruiter page: the campaigns I own or that are shared with me, and a new one."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import campaigns
from screening.services.campaigns import CampaignDraft, reference_catalog
from screening.services.errors import ServiceError
from screening.ui.components import db, demo_badge, inert, lang, run_action, show_error


def render(actor: Staff) -> None:
    st.header(t("page.campaigns", lang()))
    st.caption(t("campaigns.keys_note", lang()))
    with st.expander(t("campaigns.new", lang()), expanded=not campaigns.list_campaigns(db(), actor)):
        _new_campaign_form(actor)
    rows = campaigns.list_campaigns(db(), actor)
    if not rows:
        st.info(t("campaigns.none", lang()))
    for c in rows:
        with st.container(border=True):
            st.markdown(f"**{inert(c.name)}** · {c.language.upper()} · {inert(c.job_title)}")
            demo_badge(c.is_demo)
            st.caption(t("campaigns.items", lang(), sjt=len(c.sjt_item_ids), written=len(c.written_question_ids),
                         live=len(c.live_question_ids)))
            if (c.owner_id == actor.user_id or actor.is_admin) and c.closed_at is None:  # the services ask again
                with st.form(f"share_{c.id}", border=False):
                    email = st.text_input(t("campaigns.share", lang()), key=f"share_email_{c.id}")
                    if st.form_submit_button(t("campaigns.share_button", lang())):
                        try:
                            campaigns.share_campaign(db(), actor, int(c.id), email)  # type: ignore[arg-type]
                            st.success(t("campaigns.shared", lang()))
                        except ServiceError as exc:
                            show_error(exc)
                _close_form(actor, int(c.id or 0))
            if c.closed_at is not None:
                st.caption(t("campaigns.closed_on", lang(), day=c.closed_at.date().isoformat()))


def _close_form(actor: Staff, campaign_id: int) -> None:
    """Closing starts the retention period: after it, candidates' personal data is erased by the purge."""
    with st.form(f"close_{campaign_id}", border=False):
        sure = st.checkbox(t("campaigns.close_confirm", lang()), key=f"close_sure_{campaign_id}")
        if st.form_submit_button(t("campaigns.close", lang())) and sure:
            run_action(lambda: campaigns.close_campaign(db(), actor, campaign_id), "campaigns.closed")


def _new_campaign_form(actor: Staff) -> None:
    catalog = reference_catalog(db(), actor)
    skill_name = {s.id: s.name.get(lang()) for s in catalog.framework.skills}
    targets = {"": t("campaigns.target_none", lang())} | {k: v.name.get(lang()) for k, v in catalog.targets.items()}
    target = st.selectbox(t("campaigns.target", lang()), list(targets), format_func=targets.get, key="new_target")
    default = list(catalog.targets[target].weight_by_skill) if target else []
    with st.form("new_campaign"):
        name = st.text_input(t("campaigns.name", lang()), key="new_name")
        job = st.text_input(t("campaigns.job", lang()), key="new_job")
        language = st.radio(t("campaigns.language", lang()), ["en", "fr"], horizontal=True, key="new_lang",
                            format_func=lambda c: {"en": "English", "fr": "Français"}[c])
        skills = st.multiselect(t("campaigns.skills", lang()), list(skill_name), default=default,
                                format_func=skill_name.get, key=f"new_skills_{target}")
        written = st.number_input(t("campaigns.written", lang()), 0, 10, 2, key="new_written")
        method = st.radio(t("campaigns.method", lang()), ["within_person", "raw"], key="new_method",
                          format_func=lambda m: t(f"campaigns.method.{m}", lang()))
        draw = st.number_input(t("campaigns.draw", lang()), 0, 60, 12, key="new_draw")
        if st.form_submit_button(t("campaigns.create", lang()), type="primary"):
            try:
                campaigns.create_campaign(db(), actor, CampaignDraft(
                    name=name, skills=skills, language=language, job_title=job, target_profile_id=target or None,
                    written_questions=int(written), sjt_method=method, sjt_items_per_candidate=int(draw)))
                st.success(t("campaigns.created", lang()))
            except ServiceError as exc:
                show_error(exc)
