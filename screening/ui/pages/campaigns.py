"""Campaigns page: my campaigns (new, edit until the first invite, close, archive, share, preview, export)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.services import campaigns, exports
from screening.services.campaigns import CampaignCard, CampaignDraft, reference_catalog
from screening.store.models import Campaign
from screening.text import Medium, inert
from screening.ui.components import db, demo_badge, lang, run_action, utc_time

METHODS = ("within_person", "raw")


def render(actor: Staff) -> None:
    st.header(t("page.campaigns", lang()))
    st.caption(t("campaigns.keys_note", lang()))
    archived = st.toggle(t("campaigns.show_archived", lang()), key="show_archived")
    listing = campaigns.campaign_cards(db(), actor, include_archived=archived)
    if listing.can_create:
        with st.expander(t("campaigns.new", lang()), expanded=not listing.cards):
            _campaign_form(actor, "new", None)
        listing = campaigns.campaign_cards(db(), actor, include_archived=archived)  # with the one just created
    if not listing.cards:
        st.info(t("campaigns.none", lang()))
    for card in listing.cards:
        _card(actor, card)


def _state(c: Campaign) -> str:
    return "archived" if c.archived_at else "closed" if c.closed_at else "open"


def _card(actor: Staff, card: CampaignCard) -> None:
    c, cid = card.campaign, int(card.campaign.id or 0)
    with st.container(border=True):
        st.markdown(f"**{inert(c.name, Medium.MARKDOWN)}** · {c.language.upper()} · "
                    f"{inert(c.job_title, Medium.MARKDOWN)} · {t('campaigns.state.' + _state(c), lang())}")
        demo_badge(c.is_demo)
        st.caption(t("campaigns.items", lang(), sjt=len(c.sjt_item_ids), written=len(c.written_question_ids),
                     live=len(c.live_question_ids)))
        st.caption(t("campaigns.estimate", lang(), sjt=card.estimate.sjt_items,
                     written=card.estimate.written_questions, minutes=card.estimate.minutes))
        if c.deadline_at:
            st.caption(t("campaigns.deadline_shown", lang(), date=utc_time(c.deadline_at)))
        with st.expander(t("campaigns.preview", lang())):
            _preview(actor, cid)
        if card.can_edit:
            with st.expander(t("campaigns.edit", lang())):
                _campaign_form(actor, f"edit_{cid}", c)
        elif card.can_close and c.first_invite_at:
            st.caption(t("campaigns.fixed", lang()))
        cols = st.columns(3)
        if card.can_close and cols[0].button(t("campaigns.close", lang()), key=f"close_{cid}"):
            run_action(lambda: campaigns.close_campaign(db(), actor, cid), "campaigns.closed")
        if card.can_archive and cols[1].button(t("campaigns.archive", lang()), key=f"archive_{cid}"):
            run_action(lambda: campaigns.archive_campaign(db(), actor, cid), "campaigns.archived")
        if card.can_export:
            # built only when clicked (the export is audited), with no rerun: a rerun would revoke the
            # callable before the browser fetched it
            cols[2].download_button(t("campaigns.export", lang()), key=f"export_{cid}", mime="text/csv",
                                    file_name=f"campaign-{cid}-results.csv", on_click="ignore",
                                    data=lambda: exports.campaign_results_csv(db(), actor, cid))
        if card.can_share:
            with st.form(f"share_{cid}", border=False):
                email = st.text_input(t("campaigns.share", lang()), key=f"share_email_{cid}")
                if st.form_submit_button(t("campaigns.share_button", lang())):
                    run_action(lambda: campaigns.share_campaign(db(), actor, cid, email), "campaigns.shared")


def _preview(actor: Staff, campaign_id: int) -> None:
    preview = campaigns.preview_items(db(), actor, campaign_id)
    st.caption(t("campaigns.preview_note", lang()))
    for n, item in enumerate(preview.sjt, start=1):
        st.markdown(f"**{n}.** {inert(item.scenario, Medium.MARKDOWN)}")
        st.markdown("\n".join(f"- {inert(option, Medium.MARKDOWN)}" for option in item.options))
    for prompt in preview.written:
        st.markdown(f"**{t('campaigns.preview_written', lang())}** · {inert(prompt, Medium.MARKDOWN)}")


def _campaign_form(actor: Staff, key: str, current: Campaign | None) -> None:
    """Not an st.form: the estimate follows each choice as it is made."""
    catalog = reference_catalog(db(), actor)
    skill_name = {s.id: s.name.get(lang()) for s in catalog.framework.skills}
    targets = {"": t("campaigns.target_none", lang())} | {k: v.name.get(lang()) for k, v in catalog.targets.items()}
    target_now = current.target_profile_id or "" if current else ""
    target = st.selectbox(t("campaigns.target", lang()), list(targets), format_func=targets.__getitem__,
                          index=list(targets).index(target_now) if target_now in targets else 0, key=f"{key}_target")
    default = list(current.skills) if current else list(catalog.targets[target].weight_by_skill) if target else []
    name = st.text_input(t("campaigns.name", lang()), value=current.name if current else "", key=f"{key}_name")
    job = st.text_input(t("campaigns.job", lang()), value=current.job_title if current else "", key=f"{key}_job")
    language = st.radio(t("campaigns.language", lang()), ["en", "fr"], horizontal=True, key=f"{key}_lang",
                        index=1 if current and current.language == "fr" else 0,
                        format_func=lambda c: t("language." + c, lang()))
    skills = st.multiselect(t("campaigns.skills", lang()), list(skill_name), default=default,
                            format_func=skill_name.__getitem__, key=f"{key}_skills_{target}")
    written = st.number_input(t("campaigns.written", lang()), 0, 10,
                              len(current.written_question_ids) if current else 2, key=f"{key}_written")
    draw = st.number_input(t("campaigns.draw", lang()), 0, 60, current.sjt_items_per_candidate if current else 12,
                           key=f"{key}_draw")
    method = st.radio(t("campaigns.method", lang()), METHODS, key=f"{key}_method",
                      index=METHODS.index(current.sjt_method) if current else 0,
                      format_func=lambda m: t(f"campaigns.method.{m}", lang()),
                      captions=[t(f"campaigns.method.{m}.help", lang()) for m in METHODS])
    deadline_day = st.date_input(t("campaigns.deadline", lang()), key=f"{key}_deadline", min_value=date.today(),
                                 value=current.deadline_at.date() if current and current.deadline_at else None)
    limit = st.number_input(t("campaigns.time_limit", lang()), 0, 24 * 60,
                            (current.time_limit_minutes or 0) if current else 0, step=5, key=f"{key}_time_limit")
    feedback = st.checkbox(t("campaigns.feedback", lang()),
                           value=bool(current.candidate_feedback) if current else False,
                           key=f"{key}_feedback")
    guess = campaigns.estimate(db(), actor, skills, sjt_items_per_candidate=int(draw), written_questions=int(written))
    st.info(t("campaigns.estimate", lang(), sjt=guess.sjt_items, written=guess.written_questions,
              minutes=guess.minutes))
    deadline = datetime.combine(deadline_day, time(23, 59), tzinfo=UTC) if deadline_day else None
    draft = CampaignDraft(name=name, skills=skills, language=language, job_title=job,
                          target_profile_id=target or None, written_questions=int(written), sjt_method=method,
                          sjt_items_per_candidate=int(draw), deadline_at=deadline,
                          time_limit_minutes=int(limit) or None, candidate_feedback=feedback)
    if current is None:
        if st.button(t("campaigns.create", lang()), type="primary", key=f"{key}_create"):
            run_action(lambda: campaigns.create_campaign(db(), actor, draft), "campaigns.created")
    elif st.button(t("campaigns.save", lang()), type="primary", key=f"{key}_save"):
        run_action(lambda: campaigns.update_campaign(db(), actor, int(current.id or 0), draft), "campaigns.saved")
