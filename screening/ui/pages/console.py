"""Recruiter page: the interview console. Rate first; then the suggestion and other raters appear."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import interviews
from screening.services.campaigns import reference_catalog
from screening.services.interviews import QuestionView
from screening.text import Medium, inert
from screening.ui.components import db, lang, run_action
from screening.ui.pickers import pick_campaign, pick_candidate


def render(actor: Staff) -> None:
    st.header(t("page.console", lang()))
    campaign_id = pick_campaign(actor, "console_campaign")
    if campaign_id is None:
        return
    candidate_id = pick_candidate(actor, campaign_id, "console_candidate")
    if candidate_id is None:
        return
    view = interviews.console(db(), actor, candidate_id)
    skills = reference_catalog(db(), actor).framework.skill_by_id
    for n, qv in enumerate(view.questions, start=1):
        with st.container(border=True):
            names = ", ".join(skills[s].name.get(lang()) for s in qv.question.skills if s in skills)
            _question(actor, candidate_id, view.language, n, qv, names)


def _question(actor: Staff, candidate_id: int, qlang: str, n: int, qv: QuestionView, skill_names: str) -> None:
    q = qv.question
    mode = t("console.written" if qv.mode == "written" else "console.live", lang())
    st.markdown(f"**{n}. {inert(q.prompt.get(qlang), Medium.MARKDOWN)}**")
    st.caption(f"{mode} · {t('kind.' + q.kind, lang())} · {skill_names}")
    probes = q.probes.get(qlang)
    if probes:
        st.markdown(f"*{t('console.probes', lang())}*  \n"
                    + "  \n".join(f"- {inert(p, Medium.MARKDOWN)}" for p in probes))
    # on a desk-width screen the anchors sit beside the scale; on a phone the columns stack
    work, anchors = st.columns([3, 2], gap="medium")
    with anchors:
        _anchors(qv, qlang)
    with work:
        if qv.mode == "written":
            st.markdown(inert(qv.written_answer, Medium.MARKDOWN) if qv.written_answer.strip()
                        else f"_{t('console.no_written', lang())}_")
        else:
            _live_form(actor, candidate_id, qv)
        if qv.my_rating is None:
            _rate_form(actor, candidate_id, qv)
        else:
            _after_rating(actor, candidate_id, qv)


def _anchors(qv: QuestionView, qlang: str) -> None:
    st.markdown(f"**{t('console.anchors', lang())}**")
    for anchor in qv.question.anchors:
        indicators = "".join(f"  \n· {inert(i, Medium.MARKDOWN)}" for i in anchor.indicators.get(qlang))
        st.markdown(f"**{anchor.level}** — {inert(anchor.text.get(qlang), Medium.MARKDOWN)}{indicators}")


def _live_form(actor: Staff, candidate_id: int, qv: QuestionView) -> None:
    qid = qv.question.id
    with st.form(f"live_{qid}"):
        answer = st.text_area(t("console.answer_box", lang()), value=qv.live_answer, key=f"live_answer_{qid}")
        notes = st.text_area(t("console.notes_box", lang()), value=qv.notes, key=f"live_notes_{qid}", height=90)
        if st.form_submit_button(t("console.save_live", lang())):
            run_action(lambda: interviews.save_live_answer(db(), actor, candidate_id, qid, answer, notes),
                       "console.saved")


def _rate_form(actor: Staff, candidate_id: int, qv: QuestionView) -> None:
    qid = qv.question.id
    with st.form(f"rate_{qid}"):
        level = st.radio(t("console.rate", lang()), [1, 2, 3, 4, 5], horizontal=True, index=None,
                         key=f"rate_level_{qid}")
        note = st.text_area(t("console.evidence_note", lang()), key=f"rate_note_{qid}", height=90,
                            placeholder=t("console.evidence_hint", lang()))
        if st.form_submit_button(t("console.submit_rating", lang()), type="primary"):
            if level is None:
                st.error(t("console.pick_level", lang()))
                return
            run_action(lambda: interviews.rate(db(), actor, candidate_id, qid, int(level), note), rerun=True)


def _after_rating(actor: Staff, candidate_id: int, qv: QuestionView) -> None:
    qid = qv.question.id
    mine = qv.my_rating
    assert mine is not None
    st.write(t("console.your_rating", lang(), first=mine.first_level, final=mine.final_level))
    st.caption(f"{t('console.your_note', lang())} {inert(mine.evidence_note, Medium.MARKDOWN)}")
    result = interviews.suggestion_for(db(), actor, candidate_id, qid)
    suggestion = result.suggestion
    if result.switched_off:
        st.caption(t("console.suggestions_off", lang()))
    if suggestion is not None:
        if suggestion.level is None:
            st.caption(t("console.suggestion_declined", lang(), reason=t(f"reason.{suggestion.reason}", lang())))
        else:
            st.info(t("console.suggestion", lang(), level=suggestion.level, conf=f"{suggestion.confidence:.0%}"))
            if suggestion.note:
                st.caption(t(f"note.{suggestion.note}", lang()))
        ev = suggestion.evidence
        st.caption(t("console.evidence", lang(), star=", ".join(ev.star_parts) or "-",
                     past=t("yes" if ev.past_example else "no", lang()), own=t(f"own.{ev.ownership}", lang()),
                     ind=len(ev.indicators_matched)))
    if qv.summary is not None:
        st.caption(t("console.others", lang(), mean=f"{qv.summary.mean:.1f}", spread=f"{qv.summary.spread:.0f}",
                     n=qv.summary.n))
        if qv.summary.disagreement:
            st.warning(t("console.disagreement", lang()))
    if mine.confirmed_at is None:
        if st.button(t("console.confirm", lang(), level=mine.final_level), key=f"confirm_{qid}"):
            run_action(lambda: interviews.confirm(db(), actor, candidate_id, qid), rerun=True)
    else:
        st.caption(t("console.confirmed", lang(), level=mine.final_level))
    with st.form(f"revise_{qid}"):
        level = st.radio(t("console.revise", lang()), [1, 2, 3, 4, 5], horizontal=True,
                         index=(mine.final_level or 1) - 1, key=f"revise_level_{qid}")
        note = st.text_area(t("console.revise_note", lang()), key=f"revise_note_{qid}", height=70)
        if st.form_submit_button(t("console.revise", lang())):
            run_action(lambda: interviews.revise(db(), actor, candidate_id, qid, int(level), note), rerun=True)
