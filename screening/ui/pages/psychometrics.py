"""Leads and admins: how well a campaign's items and raters measure (item flags, option choices,
reliability with its counts, chance level of each format, agreement between raters)."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import psychometrics
from screening.services.psychometrics import CampaignPsychometrics, ItemRow
from screening.ui.components import db, lang
from screening.ui.pickers import pick_campaign


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _flags(r: ItemRow) -> str:
    flags = []
    if not r.enough_data:
        flags.append(t("psy.flag_few", lang()))
    elif r.low_discrimination:
        flags.append("⚠ " + t("psy.flag_low", lang()))
    if r.distractor is not None:
        flags.append("⚠ " + t("psy.flag_distractor", lang(), option=r.distractor))
    return "; ".join(flags)


def render(actor: Staff) -> None:
    st.header(t("page.psychometrics", lang()))
    campaign_id = pick_campaign(actor, "psy_campaign")
    if campaign_id is None:
        return
    result = psychometrics.item_analysis(db(), actor, campaign_id)
    st.caption(t("psy.candidates", lang(), n=result.candidates))
    _chance(result)
    if not result.candidates:
        st.info(t("psy.none", lang()))
    st.subheader(t("psy.items", lang()))
    st.dataframe([{t("psy.item", lang()): r.item_id, t("psy.format", lang()): t("format." + r.response_format, lang()),
                   t("psy.n", lang()): r.n, t("psy.difficulty", lang()): _f(r.difficulty),
                   t("psy.item_rest", lang()): _f(r.item_rest), t("psy.chance_col", lang()): _f(r.chance, 1),
                   t("psy.flags", lang()): _flags(r)} for r in result.items], hide_index=True, width="stretch")
    if result.options:
        st.subheader(t("psy.options", lang()))
        st.dataframe([{t("psy.item", lang()): o.item_id, t("psy.option", lang()): o.option_id,
                       t("psy.key", lang()): "-" if o.key is None else o.key,
                       t("psy.best_share", lang()): _f(o.best_share), t("psy.worst_share", lang()): _f(o.worst_share),
                       t("psy.top_best_share", lang()): _f(o.top_best_share)} for o in result.options],
                     hide_index=True, width="stretch")
    st.subheader(t("psy.reliability", lang()))
    st.dataframe([{t("psy.skill", lang()): r.skill, t("psy.alpha", lang()): _f(r.alpha.value),
                   t("psy.split_half", lang()): _f(r.split_half.value), t("psy.n_items", lang()): r.alpha.n_items,
                   t("psy.n_candidates", lang()): r.alpha.n_candidates,
                   t("psy.statement", lang()): t(r.alpha.reason, lang()) if r.alpha.reason else ""}
                  for r in result.reliability], hide_index=True, width="stretch")
    _agreement(result)


def _chance(result: CampaignPsychometrics) -> None:
    st.subheader(t("psy.chance", lang()))
    for fmt, value in result.chance_per_format.items():
        st.markdown(t("psy.chance_line", lang(), format=t("format." + fmt, lang()), value=f"{value:.0f}"))


def _agreement(result: CampaignPsychometrics) -> None:
    st.subheader(t("psy.agreement", lang()))
    if result.questions:
        st.dataframe([{t("psy.question", lang()): q.question_id, t("psy.pairable", lang()): q.pairable,
                       t("psy.kalpha", lang()): _f(q.alpha)} for q in result.questions],
                     hide_index=True, width="stretch")
    if result.raters:
        # a dataframe shows names as plain text
        st.dataframe([{t("psy.rater", lang()): r.name, t("psy.n", lang()): r.n,
                       t("psy.mad", lang()): _f(r.mean_abs_diff), t("psy.signed", lang()): _f(r.mean_signed_diff),
                       t("psy.correlation", lang()): _f(r.correlation)} for r in result.raters],
                     hide_index=True, width="stretch")
