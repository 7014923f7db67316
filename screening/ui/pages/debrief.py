"""Panel page: per question, who gave which level with their evidence notes, the spread, and the consensus.

The service decides what is open: a rater sees a question's debrief once the whole panel has rated it (or a
lead opened it) and never before their own rating; leads and admins see it and may open it early."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import debriefs
from screening.services.debriefs import DebriefView
from screening.services.errors import PermissionDenied
from screening.text import Medium, inert
from screening.ui.components import db, lang, run_action
from screening.ui.pickers import pick_campaign, pick_candidate


def render(actor: Staff) -> None:
    st.header(t("page.debrief", lang()))
    campaign_id = pick_campaign(actor, "debrief_campaign")
    if campaign_id is None:
        return
    candidate_id = pick_candidate(actor, campaign_id, "debrief_candidate")
    if candidate_id is None:
        return
    for n, (qid, prompt) in enumerate(debriefs.panel_questions(db(), actor, candidate_id), start=1):
        with st.container(border=True):
            st.markdown(f"**{n}. {inert(prompt, Medium.MARKDOWN)}**")
            _question(actor, candidate_id, qid)


def _question(actor: Staff, candidate_id: int, qid: str) -> None:
    try:
        view = debriefs.debrief(db(), actor, candidate_id, qid)
    except PermissionDenied:
        st.caption(t("debrief.closed", lang()))
        return
    if view.waiting_for:
        st.caption(t("debrief.waiting", lang(), names=", ".join(view.waiting_for)))
    if (view.can_open and st.button(t("debrief.open", lang()), key=f"open_{qid}")
            and run_action(lambda: debriefs.open_debrief(db(), actor, candidate_id, qid), "debrief.opened")):
        st.rerun()
    _table(view)
    if view.consensus is not None:
        st.success(t("debrief.consensus", lang(), level=view.consensus.level,
                     who=inert(view.consensus.decided_by, Medium.MARKDOWN),
                     reason=inert(view.consensus.reason, Medium.MARKDOWN)))
    if view.can_record and view.ratings:
        _consensus_form(actor, candidate_id, view)


def _table(view: DebriefView) -> None:
    if not view.ratings:
        return
    # dataframe cells are plain text: evidence notes stay inert
    st.dataframe([{t("debrief.rater", lang()): r.rater_name, t("debrief.first", lang()): r.first_level,
                   t("debrief.final", lang()): r.level, t("debrief.note", lang()): r.evidence_note,
                   t("debrief.revision", lang()): r.revision_note} for r in view.ratings],
                 hide_index=True, width="stretch")
    if view.summary is not None:
        st.caption(t("debrief.spread", lang(), mean=f"{view.summary.mean:.1f}", spread=f"{view.summary.spread:.0f}",
                     n=view.summary.n))
        if view.summary.disagreement:
            st.warning(t("console.disagreement", lang()))


def _consensus_form(actor: Staff, candidate_id: int, view: DebriefView) -> None:
    qid = view.question_id
    with st.form(f"consensus_{qid}", clear_on_submit=True):
        level = st.radio(t("debrief.level", lang()), [1, 2, 3, 4, 5], horizontal=True, index=None,
                         key=f"consensus_level_{qid}")
        reason = st.text_area(t("debrief.reason", lang()), key=f"consensus_reason_{qid}", height=70)
        if st.form_submit_button(t("debrief.record", lang())):
            run_action(lambda: debriefs.record_consensus(db(), actor, candidate_id, qid, int(level or 0), reason),
                       rerun=True)


