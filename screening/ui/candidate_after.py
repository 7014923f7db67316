"""The candidate page's screens about their rights and their result: thanks, feedback, a human review, withdrawal."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import CandidateActor
from screening.i18n import t
from screening.services import attempts
from screening.services.attempts import AttemptView
from screening.text import Medium, inert
from screening.ui.components import db, run_action


def thanks(view: AttemptView, link: CandidateActor) -> None:
    lang = view.language
    st.subheader(t("cand.feedback_title" if view.feedback else "cand.page_title", lang), anchor="cand-done")
    if view.timed_out:
        st.info(t("error.time_up", lang))
    st.success(t("cand.thanks", lang))
    if view.feedback:
        _feedback(lang, link)
    rights(view, link)


def _feedback(lang: str, link: CandidateActor) -> None:
    done = run_action(lambda: attempts.candidate_feedback(db(), link), language=lang)
    if done is None:
        return
    feedback = done.value
    if feedback is None or not (feedback.strengths or feedback.tips):
        st.info(t("cand.feedback_none", lang))
        return
    st.caption(t("cand.feedback_intro", lang))
    if feedback.strengths:
        st.markdown(f"**{t('cand.feedback_strengths', lang)}**")
        st.markdown("\n".join(f"- {inert(name, Medium.MARKDOWN)}" for name in feedback.strengths))
    if feedback.tips:
        st.markdown(f"**{t('cand.feedback_tips', lang)}**")
        st.markdown("\n".join(f"- **{inert(tip.family, Medium.MARKDOWN)}:** {inert(tip.tip, Medium.MARKDOWN)}"
                               for tip in feedback.tips))


def rights(view: AttemptView, link: CandidateActor) -> None:
    """Before and after submitting: ask for a human review (optional message) or withdraw (erases)."""
    lang = view.language
    with st.expander(t("cand.rights", lang)):
        if st.session_state.get("cand_review_sent") == link:
            st.success(t("cand.review_sent", lang))
        else:
            st.markdown(t("cand.review_request", lang))
            message = st.text_area(t("cand.review_message", lang), key="cand_review_message", max_chars=2000)
            if st.button(t("cand.review_send", lang), key="cand_review_send") and run_action(
                    lambda: attempts.request_review(db(), link, message), language=lang):
                st.session_state["cand_review_sent"] = link
                st.rerun()
        st.divider()
        st.markdown(t("cand.withdraw_explain", lang))
        sure = st.checkbox(t("cand.withdraw_confirm", lang), key="cand_withdraw_sure")
        if st.button(t("cand.withdraw", lang), disabled=not sure, key="cand_withdraw") and run_action(
                lambda: attempts.withdraw(db(), link), language=lang):
            st.session_state["cand_withdrawn"] = link
            st.rerun()
