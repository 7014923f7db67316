"""Calibration pages: a rater rates ten bank exemplars blind and sees their agreement with the keyed levels;
leads and admins review every rater's sets and agreement with co-raters over time."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.scoring.ratings import Calibration
from screening.services import calibration
from screening.services.calibration import CalibrationSetView
from screening.text import Medium, inert
from screening.ui.components import db, lang, run_action


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render(actor: Staff) -> None:
    st.header(t("page.calibration", lang()))
    st.caption(t("calibration.intro", lang()))
    sets = calibration.my_sets(db(), actor)
    current = sets[0] if sets and sets[0].next_item is not None else None
    if current is not None:
        _rate(actor, current)
        return
    if sets:
        _result(sets[0])
    language = st.radio(t("calibration.language", lang()), ["en", "fr"], horizontal=True, key="calibration_lang",
                        format_func=lambda code: t("language." + code, lang()))
    if st.button(t("calibration.start", lang()), type="primary", key="calibration_start"):
        run_action(lambda: calibration.start_set(db(), actor, language), rerun=True)
    finished = [s for s in sets[1:] if s.result is not None]
    if finished:
        st.markdown(f"**{t('calibration.history', lang())}**")
        st.dataframe([{t("raters.date", lang()): s.created_at.strftime("%Y-%m-%d"),
                       t("raters.kappa", lang()): _fmt(s.result.kappa),
                       t("raters.interval", lang()): f"{_fmt(s.result.ci_low)} - {_fmt(s.result.ci_high)}",
                       t("raters.tendency", lang()): t(f"tendency.{s.result.tendency}", lang())}
                      for s in finished if s.result], hide_index=True, width="stretch")


def _rate(actor: Staff, view: CalibrationSetView) -> None:
    item = view.next_item
    assert item is not None
    st.progress(item.position / len(view.items),
                text=t("calibration.progress", lang(), n=item.position + 1, total=len(view.items)))
    q = item.question
    st.markdown(f"**{inert(q.prompt.get(view.language), Medium.MARKDOWN)}**")
    work, anchors = st.columns([3, 2], gap="medium")
    with anchors:
        st.markdown(f"**{t('console.anchors', lang())}**")
        for anchor in q.anchors:
            st.markdown(f"**{anchor.level}** — {inert(anchor.text.get(view.language), Medium.MARKDOWN)}")
    with work:
        st.markdown(f"*{t('calibration.answer', lang())}*")
        st.markdown(inert(item.exemplar_text, Medium.MARKDOWN))
        with st.form(f"calibrate_{view.set_id}_{item.position}"):
            level = st.radio(t("calibration.level", lang()), [1, 2, 3, 4, 5], horizontal=True, index=None,
                             key=f"calibrate_level_{view.set_id}_{item.position}")
            if st.form_submit_button(t("calibration.submit", lang()), type="primary") and level is not None:
                run_action(lambda: calibration.rate_exemplar(db(), actor, view.set_id, item.position, int(level)),
                           rerun=True)


def result_line(result: Calibration) -> str:
    return t("calibration.result", lang(), kappa=_fmt(result.kappa), low=_fmt(result.ci_low),
             high=_fmt(result.ci_high), n=result.n)


def _result(view: CalibrationSetView) -> None:
    result = view.result
    if result is None:
        return
    st.subheader(result_line(result))
    signed = result.mean_signed_diff
    # "lower/higher than the key by {diff}" carries the sign in its words; "close to the key ({diff})" keeps it
    diff = abs(signed) if signed is not None and result.tendency != "on_key" else signed
    st.info(t(f"calibration.tendency.{result.tendency}", lang(), diff=_fmt(diff, 1)))
    st.dataframe([{t("debrief.question", lang()): i.question.prompt.get(view.language)[:80],
                   t("calibration.yours", lang()): i.level, t("calibration.keyed", lang()): i.keyed_level,
                   t("calibration.gap", lang()): (i.level or 0) - (i.keyed_level or 0)} for i in view.items],
                 hide_index=True, width="stretch")


def render_raters(actor: Staff) -> None:
    st.header(t("page.raters", lang()))
    review = calibration.rater_review(db(), actor)
    if not review.sets and not review.agreement:
        st.info(t("raters.none", lang()))
        return
    st.subheader(t("raters.sets", lang()))
    st.dataframe([{t("raters.rater", lang()): s.rater_name, t("raters.date", lang()): s.created_at.strftime("%Y-%m-%d"),
                   t("raters.kappa", lang()): _fmt(s.result.kappa),
                   t("raters.interval", lang()): f"{_fmt(s.result.ci_low)} - {_fmt(s.result.ci_high)}",
                   t("raters.tendency", lang()): t(f"tendency.{s.result.tendency}", lang()) if s.result.tendency
                   else ""} for s in review.sets], hide_index=True, width="stretch")
    st.subheader(t("raters.agreement", lang()))
    st.dataframe([{t("raters.rater", lang()): p.rater_name, t("raters.month", lang()): p.month,
                   t("raters.shared", lang()): p.agreement.n, t("raters.mad", lang()): _fmt(p.agreement.mean_abs_diff),
                   t("raters.signed", lang()): _fmt(p.agreement.mean_signed_diff)} for p in review.agreement],
                 hide_index=True, width="stretch")
