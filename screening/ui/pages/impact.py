"""Admins: adverse impact in aggregate, from voluntary self-declared group data (never next to a name)."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import adverse_impact
from screening.services.adverse_impact import ImpactReport
from screening.ui.components import db, lang, run_action
from screening.ui.pickers import pick_campaign


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render(actor: Staff) -> None:
    st.header(t("page.impact", lang()))
    st.caption(t("impact.intro", lang()))
    fields = [f.name for f in adverse_impact.group_fields(db(), actor) if f.enabled]
    campaign_id = pick_campaign(actor, "impact_campaign")
    if campaign_id is not None:
        field = st.selectbox(t("impact.field", lang()), fields, key="impact_field")
        cut = float(st.number_input(t("impact.cut", lang()), 0.0, 100.0, adverse_impact.DEFAULT_CUT, 5.0,
                                    key="impact_cut"))
        wanted = (campaign_id, field, cut)
        # each view is audited: the report is asked for on a click, then kept for this choice
        if st.button(t("impact.show", lang()), key="impact_show", type="primary") and (
                asked := run_action(lambda: adverse_impact.impact_report(db(), actor, *wanted))):
            st.session_state["impact_report"] = (wanted, asked.value)
        shown = st.session_state.get("impact_report")
        if shown and shown[0] == wanted:
            _report(shown[1])
            if st.button(t("impact.export", lang()), key="impact_export"):
                st.session_state["impact_csv"] = (wanted, adverse_impact.impact_csv(db(), actor, *wanted))
            exported = st.session_state.get("impact_csv")
            if exported and exported[0] == wanted:
                st.download_button(t("impact.download", lang()), exported[1], key="impact_download",
                                   file_name=f"adverse-impact-{campaign_id}-{field}.csv", mime="text/csv")
    st.divider()
    _import(actor)


def _report(report: ImpactReport) -> None:
    st.caption(t("impact.declared", lang(), declared=report.declared, undeclared=report.undeclared))
    score = t("score." + report.score, lang())
    for section in report.sections:
        st.markdown(f"**{t('impact.measure.' + section.measure, lang(), score=score)}**")
        # group values are admin-imported text: a dataframe shows them as plain text
        st.dataframe([{t("impact.group", lang()): str(g.group), t("impact.n", lang()): g.n,
                       t("impact.selected", lang()): g.selected, t("impact.rate", lang()): _f(g.rate),
                       t("impact.ratio", lang()): _f(g.impact_ratio),
                       t("impact.four_fifths", lang()): "⚠" if g.four_fifths else "",
                       t("impact.fisher", lang()): _f(g.fisher_p, 3),
                       t("impact.small", lang()): "⚠" if g.small_sample else ""} for g in section.rows],
                     hide_index=True, width="stretch")


def _import(actor: Staff) -> None:
    upload = st.file_uploader(t("impact.import", lang()), type=["csv"], key="groups_csv")
    if upload is not None and st.button(t("impact.import", lang()), key="groups_import") and (
            done := run_action(lambda: adverse_impact.import_groups(db(), actor, upload.getvalue()))):
        result = done.value
        st.success(t("impact.imported", lang(), n=result.imported))
        if result.errors:
            st.dataframe([{t("impact.line", lang()): e.line, t("impact.problem", lang()): t(e.key, lang())}
                          for e in result.errors], hide_index=True, width="stretch")
    with st.form("enable_field", clear_on_submit=True):
        st.markdown(f"**{t('impact.enable', lang())}**")
        name = st.text_input(t("impact.field_name", lang()), key="field_name")
        basis = st.text_area(t("impact.legal_basis", lang()), key="field_basis", height=80)
        if st.form_submit_button(t("impact.enable", lang())):
            run_action(lambda: adverse_impact.enable_group_field(db(), actor, name, basis), "impact.enabled")
