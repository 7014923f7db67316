"""Admin page: human oversight. Switch suggested levels off (or on) for the installation or one campaign."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import oversight
from screening.ui.components import db, lang, run_action


def render(actor: Staff) -> None:
    st.header(t("page.oversight", lang()))
    st.caption(t("oversight.intro", lang()))
    switches = oversight.suggestion_switches(db(), actor)
    with st.form("oversight_installation"):
        on = st.radio(t("oversight.installation", lang()), [True, False], horizontal=True, key="oversight_all",
                      index=0 if switches.installation else 1, format_func=_on_off)
        if st.form_submit_button(t("oversight.apply", lang())) and run_action(
                lambda: oversight.set_installation_suggestions(db(), actor, bool(on)), "oversight.saved"):
            switches = oversight.suggestion_switches(db(), actor)
    if not switches.installation:
        st.warning(t("oversight.all_off", lang()))
    if not switches.campaigns:
        return
    # a dataframe shows campaign names as plain text
    st.dataframe([{t("oversight.campaign", lang()): c.name, t("oversight.state", lang()): _on_off(c.enabled)}
                  for c in switches.campaigns], hide_index=True, width="stretch")
    names = {c.campaign_id: f"#{c.campaign_id} {c.name}" for c in switches.campaigns}
    with st.form("oversight_campaign"):
        ids: list[int] = list(names)
        campaign_id = st.selectbox(t("oversight.campaign", lang()), ids, format_func=lambda i: names[i],
                                   key="oversight_campaign_id")
        on = st.radio(t("oversight.for_campaign", lang()), [True, False], horizontal=True,
                      key="oversight_campaign_on", format_func=_on_off)
        if st.form_submit_button(t("oversight.apply", lang())) and campaign_id is not None:
            run_action(lambda: oversight.set_campaign_suggestions(db(), actor, int(campaign_id), bool(on)),
                       "oversight.saved")


def _on_off(enabled: bool) -> str:
    return t("oversight.on" if enabled else "oversight.off", lang())
