"""Choosing a campaign, then a candidate: keyed on ids, labelled so that two of the same name differ.

The chosen campaign is kept in the address (`?campaign=ID`, an id, never a credential) and in the session,
so it survives a reload and a change of page.
"""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import campaigns, candidates
from screening.services.candidates import CandidateStatus
from screening.ui.components import db, lang

_CAMPAIGN = "campaign"


def _remembered() -> int | None:
    value = st.query_params.get(_CAMPAIGN) or st.session_state.get("chosen_campaign")
    return int(value) if value and str(value).isdigit() else None


def pick_campaign(actor: Staff, key: str) -> int | None:
    rows = campaigns.list_campaigns(db(), actor)
    if not rows:
        st.info(t("campaigns.none", lang()))
        return None
    labels = {int(c.id or 0): t("pickers.campaign_label", lang(), name=c.name, id=int(c.id or 0),
                                 date=c.created_at.strftime("%Y-%m-%d")) for c in rows}
    ids = list(labels)
    remembered = _remembered()
    if key not in st.session_state and remembered in labels:
        st.session_state[key] = remembered
    # selectbox options render as plain text, so a hostile campaign name stays inert
    chosen = st.selectbox(t("candidates.campaign", lang()), ids, format_func=labels.__getitem__, key=key)
    st.session_state["chosen_campaign"] = chosen
    st.query_params[_CAMPAIGN] = str(chosen)
    return chosen


def candidate_label(row: CandidateStatus) -> str:
    """Name, e-mail and date added: two candidates called the same are still told apart."""
    email = row.email or t("pickers.no_email", lang())
    return t("pickers.candidate_label", lang(), name=row.name, email=email, date=row.added_at.strftime("%Y-%m-%d"),
             id=row.candidate_id)


def pick_candidate(actor: Staff, campaign_id: int, key: str) -> int | None:
    search = st.text_input(t("pickers.search", lang()), key=f"{key}_search")
    page = candidates.candidate_statuses(db(), actor, campaign_id, search=search, page_size=200)
    if not page.rows:
        st.info(t("console.no_candidates", lang()))
        return None
    labels = {r.candidate_id: candidate_label(r) for r in page.rows}
    return st.selectbox(t("console.candidate", lang()), list(labels), format_func=labels.__getitem__,
                        key=f"{key}_{campaign_id}")
