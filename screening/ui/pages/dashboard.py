"""Hiring-lead page: a campaign's candidates ranked by fit, with filters; one candidate's profile with charts,
answers and raters' evidence; the PDF; and the decision (optionally e-mailed to the candidate)."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.domain.vocab import DECISIONS
from screening.framework import Framework
from screening.i18n import t
from screening.mail import mail_enabled
from screening.scoring.profile import NORM_GROUP_MINIMUM, Profile
from screening.services import interviews, profiles, psychometrics
from screening.services.campaigns import reference_catalog
from screening.services.errors import ServiceError
from screening.services.profiles import CandidateRow
from screening.text import Medium, inert
from screening.ui import charts
from screening.ui.components import db, demo_badge, lang
from screening.ui.pickers import pick_campaign

STATUSES = ("invited", "in_progress", "submitted")
NO_DECISION = "none"


def _fmt(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def ranked(rows: list[CandidateRow], statuses: list[str], decisions: list[str], min_fit: int) -> list[CandidateRow]:
    """Best fit first (unmeasured last), keeping the rows the filters let through."""
    kept = [r for r in rows if r.status in statuses and (r.decision or NO_DECISION) in decisions
            and (min_fit == 0 or (r.fit is not None and r.fit >= min_fit))]
    return sorted(kept, key=lambda r: (r.fit is None, -(r.fit or 0.0), r.name, r.candidate_id))


def _table(shown: list[CandidateRow], language: str) -> dict[str, list[object]]:
    """The ranked rows as columns (labels translated once, not once per cell: a campaign has thousands)."""
    status = {s: t("status." + s, language) for s in STATUSES}
    decision = {d: t("decision." + d, language) for d in DECISIONS}
    return {t("dashboard.rank", language): list(range(1, len(shown) + 1)),
            t("candidates.name", language): [r.name for r in shown],
            t("dashboard.status", language): [status[r.status] for r in shown],
            t("dashboard.sjt", language): [_fmt(r.sjt_mean) for r in shown],
            t("dashboard.interview", language): [_fmt(r.interview_mean, 1) for r in shown],
            t("dashboard.fit", language): [_fmt(r.fit) for r in shown],
            t("dashboard.percentile", language): [_fmt(r.fit_percentile) for r in shown],
            t("dashboard.flag", language): ["⚠" if r.disagreement else "" for r in shown],
            t("dashboard.decision", language): [decision.get(r.decision) or t("decision." + r.decision, language)
                                                  if r.decision else "" for r in shown]}


def render(actor: Staff) -> None:
    st.header(t("page.dashboard", lang()))
    campaign_id = pick_campaign(actor, "dash_campaign")
    if campaign_id is None:
        return
    rows = profiles.campaign_overview(db(), actor, campaign_id)
    if not rows:
        st.info(t("candidates.none", lang()))
        return
    f1, f2, f3 = st.columns(3)
    statuses = f1.multiselect(t("dashboard.filter_status", lang()), list(STATUSES), default=list(STATUSES),
                              format_func=lambda s: t("status." + s, lang()), key="dash_status")
    decisions = f2.multiselect(t("dashboard.filter_decision", lang()), [NO_DECISION, *DECISIONS],
                               default=[NO_DECISION, *DECISIONS], key="dash_decision",
                               format_func=lambda d: t("dashboard.no_decision" if d == NO_DECISION
                                                       else "decision." + d, lang()))
    min_fit = f3.slider(t("dashboard.min_fit", lang()), 0, 100, 0, step=5, key="dash_min_fit")
    shown = ranked(rows, statuses, decisions, min_fit)
    # a dataframe shows cell text as plain text: candidate names stay inert
    st.dataframe(_table(shown, lang()), hide_index=True, width="stretch")
    chance = psychometrics.chance_levels(db(), actor, campaign_id)
    if chance:
        st.caption(t("dashboard.chance", lang(), levels="; ".join(
            f"{t('format.' + fmt, lang()).lower()} {value:.0f}" for fmt, value in chance.items())))
    if all(r.fit_percentile is None for r in rows):
        st.caption(t("dashboard.no_percentiles", lang(), n=NORM_GROUP_MINIMUM))
    alpha, pairable = interviews.campaign_agreement(db(), actor, campaign_id)
    if alpha is None:
        st.caption(t("console.agreement_pending", lang(), n=pairable))
    else:
        st.caption(t("console.agreement", lang(), alpha=f"{alpha:.2f}", n=pairable))
    if not shown:
        return
    language = lang()  # read once: the session-state lookup costs more than the label, 5,000 times over
    names = {r.candidate_id: t("pickers.candidate_short", language, name=r.name, id=r.candidate_id) for r in shown}
    candidate_id = st.selectbox(t("console.candidate", lang()), list(names), format_func=names.__getitem__,
                                key="dash_cand")
    _candidate(actor, candidate_id)


def family_levels(profile: Profile, framework: Framework, language: str) -> dict[str, float]:
    return {framework.family_by_id[f.id].name.get(language): f.level for f in profile.families}


def _decide(actor: Staff, candidate_id: int) -> None:
    """The form's callback: record the decision, then empty the form for the next one (a callback runs
    before the page, so the recorded outcome shows at once)."""
    state = st.session_state
    try:
        mailed = profiles.record_decision(db(), actor, candidate_id, state.get(f"outcome_{candidate_id}") or "",
                                          state.get(f"note_{candidate_id}", ""),
                                          notify=bool(state.get(f"notify_{candidate_id}", False)))
    except ServiceError as exc:
        state["decision_error"] = exc.key
        return
    state["decision_flash"], state["decision_mailed"] = candidate_id, mailed
    state[f"outcome_{candidate_id}"], state[f"note_{candidate_id}"] = None, ""


def _pdf_for_download(actor: Staff, candidate_id: int) -> bytes:
    """The download button's data, built when it is clicked and logged as handed out then, not each time the
    page is drawn. The click starts no rerun: a rerun would revoke this callable before the browser fetched
    it, and the download would fail on a busy server."""
    pdf = profiles.profile_pdf(db(), actor, candidate_id)
    profiles.log_pdf_handed_out(db(), actor, [candidate_id], via="download")
    return pdf


def _candidate(actor: Staff, candidate_id: int) -> None:
    profile = profiles.candidate_profile(db(), actor, candidate_id)
    demo_badge(profile.meta.is_demo)
    framework = reference_catalog(db(), actor).framework
    families = family_levels(profile, framework, lang())
    skills = {framework.skill_by_id[s.skill_id].name.get(lang()): s.level for s in profile.skills
              if s.level is not None}
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('dashboard.families', lang())}**")
        if families:
            st.vega_lite_chart(spec=charts.radar(list(families), {profile.meta.candidate_name: families}, size=300))
    with right:
        st.markdown(f"**{t('dashboard.skills', lang())}**")
        if skills:
            st.vega_lite_chart(spec=charts.skill_bars(skills), width="stretch")
    st.dataframe([{t("dashboard.skills", lang()): framework.skill_by_id[s.skill_id].name.get(lang()),
                   t("dashboard.sjt", lang()): _fmt(s.sjt_score), t("dashboard.items", lang()): s.sjt_items,
                   t("dashboard.interview", lang()): _fmt(s.interview_level, 1),
                   t("dashboard.flag", lang()): "⚠" if s.disagreement else "",
                   t("dashboard.level", lang()): _fmt(s.level, 1)} for s in profile.skills],
                 hide_index=True, width="stretch")
    _evidence(actor, candidate_id)
    st.download_button(t("dashboard.download", lang()), lambda: _pdf_for_download(actor, candidate_id),
                       file_name=f"profile-{candidate_id}.pdf", mime="application/pdf", key=f"pdf_{candidate_id}",
                       on_click="ignore")
    _decision(actor, candidate_id, profile)


def _evidence(actor: Staff, candidate_id: int) -> None:
    with st.expander(t("dashboard.answers", lang())):
        for item in profiles.candidate_evidence(db(), actor, candidate_id):
            st.markdown(f"**{inert(item.prompt, Medium.MARKDOWN)}**")
            st.markdown(inert(item.answer, Medium.MARKDOWN) if item.answer.strip()
                        else f"_{t('dashboard.no_answer', lang())}_")
            for note in item.notes:
                revised = f" — {t('debrief.revision', lang())}: {inert(note.revision_note, Medium.MARKDOWN)}" \
                    if note.revision_note else ""
                st.caption(f"{inert(note.rater, Medium.MARKDOWN)} · {note.level}: "
                           f"{inert(note.evidence_note, Medium.MARKDOWN)}{revised}")
            if item.consensus is not None:
                st.caption(f"{t('debrief.level', lang())}: {item.consensus}")
            st.divider()


def _decision(actor: Staff, candidate_id: int, profile: Profile) -> None:
    flash = st.session_state.pop("decision_flash", None)
    if flash == candidate_id:
        st.success(t("dashboard.recorded", lang()))
        if st.session_state.pop("decision_mailed", False):
            st.success(t("dashboard.mail_sent", lang()))
    with st.form(f"decide_{candidate_id}"):
        st.markdown(f"**{t('dashboard.record', lang())}**")
        st.radio(t("dashboard.decision", lang()), list(DECISIONS), horizontal=True, index=None,
                 format_func=lambda d: t("decision." + d, lang()), key=f"outcome_{candidate_id}")
        st.text_area(t("dashboard.note", lang()), key=f"note_{candidate_id}", height=80)
        if mail_enabled():
            st.checkbox(t("dashboard.send_mail", lang()), key=f"notify_{candidate_id}")
        st.form_submit_button(t("dashboard.record", lang()), type="primary", on_click=_decide,
                              args=(actor, candidate_id))
    error = st.session_state.pop("decision_error", None)
    if error:
        st.error(t(error, lang()))
    if profile.meta.decision:
        st.caption(f"{t('dashboard.decision', lang())}: {t('decision.' + profile.meta.decision, lang())} — "
                   f"{inert(profile.meta.decision_note or '', Medium.MARKDOWN)}")
