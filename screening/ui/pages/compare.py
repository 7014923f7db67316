"""Hiring-lead page: two to four candidates of one campaign on one radar and one table."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import profiles
from screening.services.campaigns import reference_catalog
from screening.ui import charts
from screening.ui.components import db, lang
from screening.ui.pages.dashboard import family_levels, ranked
from screening.ui.pickers import pick_campaign

MAX_COMPARED = 4


def render(actor: Staff) -> None:
    st.header(t("page.compare", lang()))
    campaign_id = pick_campaign(actor, "compare_campaign")
    if campaign_id is None:
        return
    rows = ranked(profiles.campaign_overview(db(), actor, campaign_id), ["invited", "in_progress", "submitted"],
                  ["none", "advance", "hold", "reject"], 0)
    labels = {r.candidate_id: t("pickers.candidate_short", lang(), name=r.name, id=r.candidate_id) for r in rows}
    chosen = st.multiselect(t("compare.pick", lang()), list(labels), format_func=labels.__getitem__,
                            max_selections=MAX_COMPARED, key=f"compare_{campaign_id}")
    if not 2 <= len(chosen) <= MAX_COMPARED:
        st.info(t("compare.need", lang()))
        return
    framework = reference_catalog(db(), actor).framework
    people = [profiles.candidate_profile(db(), actor, cid) for cid in chosen]
    series = {labels[p.meta.candidate_id]: family_levels(p, framework, lang()) for p in people}
    axes = sorted({axis for levels in series.values() for axis in levels})
    if axes:
        st.vega_lite_chart(spec=charts.radar(axes, series, size=380))
    table = []
    for p in people:
        row: dict[str, str] = {t("candidates.name", lang()): labels[p.meta.candidate_id],
                               t("dashboard.fit", lang()): "-" if p.fit is None else f"{p.fit.score:.0f}"}
        for s in p.skills:
            row[framework.skill_by_id[s.skill_id].name.get(lang())] = "-" if s.level is None else f"{s.level:.1f}"
        table.append(row)
    st.dataframe(table, hide_index=True, width="stretch")  # plain text cells: names stay inert
