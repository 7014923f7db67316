"""Expert key review: admins open a review and read its results; invited staff rate options blind."""

from __future__ import annotations

from functools import partial

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import auth, key_reviews
from screening.services.campaigns import reference_catalog
from screening.services.key_reviews import ReviewSummary
from screening.text import Medium, inert
from screening.ui.components import db, lang, run_action
from screening.ui.pickers import pick_campaign


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _label(r: ReviewSummary) -> str:
    return t("keys.review_label", lang(), id=r.review_id, status=t("status." + r.status, lang()),
             items=len(r.item_ids), experts=len(r.reviewer_ids))


def render_admin(actor: Staff) -> None:
    st.header(t("page.key_reviews", lang()))
    items = [i.id for i in reference_catalog(db(), actor).bank.sjt_items]
    users = {u.user_id: f"#{u.user_id} {u.email}" for u in auth.list_users(db(), actor) if u.active}
    with st.form("open_review", clear_on_submit=True):
        st.markdown(f"**{t('keys.open', lang())}**")
        chosen = st.multiselect(t("keys.items", lang()), items, key="review_items")
        experts = st.multiselect(t("keys.experts", lang()), list(users), format_func=users.__getitem__,
                                 key="review_experts")
        if st.form_submit_button(t("keys.open", lang()), type="primary"):
            run_action(lambda: key_reviews.open_key_review(db(), actor, chosen, experts), "keys.opened")
    reviews = {r.review_id: r for r in key_reviews.list_key_reviews(db(), actor)}
    if not reviews:
        st.info(t("keys.none", lang()))
    else:
        review_id = st.selectbox(t("keys.review", lang()), list(reviews), key="review_pick",
                                 format_func=lambda r: _label(reviews[r]))
        _results(actor, int(review_id))
    st.divider()
    campaign_id = pick_campaign(actor, "rescore_campaign")
    if campaign_id is not None and st.button(t("keys.rescore", lang()), key="rescore"):
        run_action(lambda: key_reviews.rescore_campaign(db(), actor, campaign_id), "keys.rescored")


def _results(actor: Staff, review_id: int) -> None:
    results = key_reviews.review_results(db(), actor, review_id)
    st.caption(t("keys.key_icc", lang(), value=_f(results.key_icc)))
    for item in results.items:
        version = t("keys.version", lang(), version=item.version)
        st.markdown(f"**{inert(item.item_id, Medium.MARKDOWN)}** {version} — " + t(
            "keys.item_line", lang(), experts=item.n_experts, icc=_f(item.icc),
            proposed=", ".join(str(k) for k in item.proposed_key) if item.proposed_key else "-"))
        st.dataframe([{t("psy.option", lang()): o.option_id, t("keys.shipped", lang()): o.shipped_key,
                       t("keys.consensus", lang()): _f(o.consensus), t("keys.rwg", lang()): _f(o.rwg),
                       t("keys.departs", lang()): "⚠" if o.departs else ""} for o in item.options],
                     hide_index=True, width="stretch")
        if item.proposed_key and st.button(t("keys.adopt", lang()), key=f"adopt_{review_id}_{item.item_id}"):
            run_action(partial(key_reviews.adopt_consensus, db(), actor, review_id, item.item_id), "keys.adopted")
    if results.status == "open" and st.button(t("keys.close", lang()), key=f"close_{review_id}"):
        run_action(lambda: key_reviews.close_key_review(db(), actor, review_id), "keys.closed")


def render_reviewer(actor: Staff) -> None:
    st.header(t("page.key_rating", lang()))
    reviews = {r.review_id: r for r in key_reviews.my_key_reviews(db(), actor) if r.status == "open"}
    if not reviews:
        st.info(t("keys.not_invited", lang()))
        return
    review_id = st.selectbox(t("keys.review", lang()), list(reviews), key="my_review",
                             format_func=lambda r: _label(reviews[r]))
    st.caption(t("keys.rate_intro", lang()))
    for item in key_reviews.my_review_items(db(), actor, int(review_id)):
        with st.form(f"rate_{review_id}_{item.item_id}"):
            st.markdown(inert(item.scenario.get(lang()), Medium.MARKDOWN))
            levels = {}
            for option in item.options:
                levels[option.option_id] = st.radio(
                    inert(f"{option.option_id}. {option.text.get(lang())}", Medium.MARKDOWN), [1, 2, 3, 4, 5],
                    horizontal=True,
                    index=None if option.my_level is None else option.my_level - 1,
                    key=f"lvl_{review_id}_{item.item_id}_{option.option_id}")
            if st.form_submit_button(t("keys.save", lang())):
                def save(i: str = item.item_id, chosen: dict = levels) -> None:
                    for option_id, level in chosen.items():
                        if level is not None:
                            key_reviews.rate_option(db(), actor, int(review_id), i, option_id, int(level))

                run_action(save, "keys.saved")
