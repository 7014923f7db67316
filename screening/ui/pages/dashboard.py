"""Hiring-lead page: a campaign's candidates with their scores, the profile PDF, and the decision."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.scoring.profile import NORM_GROUP_MINIMUM
from screening.services import interviews, profiles
from screening.services.campaigns import reference_catalog
from screening.services.errors import ServiceError
from screening.store.models import DECISIONS
from screening.ui.pickers import pick_campaign
from screening.ui.components import db, demo_badge, inert, lang, show_error


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def render(actor: Staff) -> None:
    st.header(t("page.dashboard", lang()))
    campaign_id = pick_campaign(actor, "dash_campaign")
    if campaign_id is None:
        return
    rows = profiles.campaign_overview(db(), actor, campaign_id)
    if not rows:
        st.info(t("candidates.none", lang()))
        return
    # a dataframe shows cell text as plain text: candidate names stay inert
    st.dataframe([{t("candidates.name", lang()): r.name,
                   t("dashboard.status", lang()): t("status." + r.status, lang()),
                   t("dashboard.sjt", lang()): _fmt(r.sjt_mean),
                   t("dashboard.interview", lang()): _fmt(r.interview_mean, 1),
                   t("dashboard.fit", lang()): _fmt(r.fit),
                   t("dashboard.percentile", lang()): _fmt(r.fit_percentile),
                   t("dashboard.flag", lang()): "⚠" if r.disagreement else "",
                   t("dashboard.decision", lang()): t("decision." + r.decision, lang()) if r.decision else ""}
                  for r in rows], hide_index=True, width="stretch")
    if all(r.fit_percentile is None for r in rows):
        st.caption(t("dashboard.no_percentiles", lang(), n=NORM_GROUP_MINIMUM))
    alpha, pairable = interviews.campaign_agreement(db(), actor, campaign_id)
    if alpha is None:
        st.caption(t("console.agreement_pending", lang(), n=pairable))
    else:
        st.caption(t("console.agreement", lang(), alpha=f"{alpha:.2f}", n=pairable))
    names = {r.candidate_id: r.name for r in rows}
    candidate_id = st.selectbox(t("console.candidate", lang()), list(names), format_func=names.get, key="dash_cand")
    _candidate(actor, candidate_id)


def _log_download(actor: Staff, candidate_id: int) -> None:
    """The download button's click: the PDF is logged when it is handed out, not each time it is drawn."""
    try:
        profiles.log_pdf_handed_out(db(), actor, [candidate_id], via="download")
    except ServiceError as exc:
        show_error(exc)


def _candidate(actor: Staff, candidate_id: int) -> None:
    profile = profiles.candidate_profile(db(), actor, candidate_id)
    demo_badge(profile.meta.is_demo)
    framework = reference_catalog(db(), actor).framework
    st.markdown(f"**{t('dashboard.skills', lang())}**")
    st.dataframe([{t("dashboard.skills", lang()): framework.skill_by_id[s.skill_id].name.get(lang()),
                   t("dashboard.sjt", lang()): _fmt(s.sjt_score), t("dashboard.items", lang()): s.sjt_items,
                   t("dashboard.interview", lang()): _fmt(s.interview_level, 1),
                   t("dashboard.flag", lang()): "⚠" if s.disagreement else "",
                   t("dashboard.level", lang()): _fmt(s.level, 1)} for s in profile.skills], hide_index=True, width="stretch")
    pdf = profiles.profile_pdf(db(), actor, candidate_id)
    st.download_button(t("dashboard.download", lang()), pdf, file_name=f"profile-{candidate_id}.pdf",
                       mime="application/pdf", key=f"pdf_{candidate_id}", on_click=_log_download,
                       args=(actor, candidate_id))
    flash = st.session_state.pop("decision_flash", None)
    if flash == candidate_id:
        st.success(t("dashboard.recorded", lang()))
    with st.form(f"decide_{candidate_id}", clear_on_submit=True):
        st.markdown(f"**{t('dashboard.record', lang())}**")
        outcome = st.radio(t("dashboard.decision", lang()), list(DECISIONS), horizontal=True, index=None,
                           format_func=lambda d: t("decision." + d, lang()), key=f"outcome_{candidate_id}")
        note = st.text_area(t("dashboard.note", lang()), key=f"note_{candidate_id}", height=80)
        if st.form_submit_button(t("dashboard.record", lang()), type="primary"):
            try:
                profiles.record_decision(db(), actor, candidate_id, outcome or "", note)
            except ServiceError as exc:
                show_error(exc)
            else:
                st.session_state["decision_flash"] = candidate_id
                st.rerun()  # the recorded outcome shows at once, and the form starts empty
    if profile.meta.decision:
        st.caption(f"{t('dashboard.decision', lang())}: {t('decision.' + profile.meta.decision, lang())} — "
                   f"{inert(profile.meta.decision_note or '')}")
