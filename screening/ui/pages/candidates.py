"""Candidates page: add one or import a CSV (preview first), the status board, invites by e-mail or link, raters."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import streamlit as st

from screening.config import get_settings
from screening.domain.actors import Staff
from screening.domain.statuses import BOARD_STATUSES
from screening.i18n import t
from screening.services import attempts, campaigns, candidate_requests, candidates, invitations
from screening.services.candidates import BoardRow, StatusBoard
from screening.services.errors import ServiceError
from screening.text import Medium, inert
from screening.ui.components import db, lang, run_action, utc_time
from screening.ui.pickers import pick_campaign


def render(actor: Staff) -> None:
    st.header(t("page.candidates", lang()))
    campaign_id = pick_campaign(actor, "cand_campaign")
    if campaign_id is None:
        return
    with st.form("add_candidate", clear_on_submit=True):
        st.markdown(f"**{t('candidates.add', lang())}**")
        name = st.text_input(t("candidates.name", lang()), key="cand_name")
        email = st.text_input(t("candidates.email", lang()), key="cand_email")
        reference = st.text_input(t("candidates.reference", lang()), key="cand_reference")
        if st.form_submit_button(t("candidates.add_button", lang()), type="primary"):
            run_action(lambda: candidates.add_candidate(db(), actor, campaign_id, name, email, reference=reference),
                       "candidates.added")
    _requests(actor, campaign_id)
    with st.expander(t("candidates.import", lang())):
        _import(actor, campaign_id)
    board = _board(actor, campaign_id)
    if board.rows:
        _raters(actor, campaign_id, board)


def _import(actor: Staff, campaign_id: int) -> None:
    st.caption(t("candidates.import_help", lang()))
    upload = st.file_uploader(t("candidates.import", lang()), type=["csv", "txt"], key=f"csv_{campaign_id}",
                              label_visibility="collapsed")
    if upload is None:
        return
    data = upload.getvalue()
    parsed = candidates.preview_import(db(), actor, campaign_id, data)
    st.markdown(t("candidates.import_preview", lang(), ok=len(parsed.rows), bad=len(parsed.errors)))
    if parsed.rows:  # dataframes show cells as plain text
        st.dataframe([{t("candidates.line", lang()): r.line, t("candidates.name", lang()): r.name,
                       t("login.email", lang()): r.email, t("candidates.reference", lang()): r.reference}
                      for r in parsed.rows],
                     hide_index=True, width="stretch", key="csv_rows")
    if parsed.errors:
        st.dataframe([{t("candidates.line", lang()): e.line or "-", t("candidates.problem", lang()): t(e.key, lang())}
                      for e in parsed.errors], hide_index=True, width="stretch", key="csv_errors")
    if parsed.rows and st.button(t("candidates.import_confirm", lang(), ok=len(parsed.rows)), type="primary",
                                 key="csv_confirm") and (
            done := run_action(lambda: candidates.import_candidates(db(), actor, campaign_id, data))):
        st.success(t("candidates.imported", lang(), n=len(done.value.rows)))


def _when(moment: datetime | None) -> str:
    return utc_time(moment) if moment else t("candidates.not_yet", lang())


def _board(actor: Staff, campaign_id: int) -> StatusBoard:
    st.subheader(t("candidates.status", lang()))
    counts = st.empty()  # filled once the board is read: the counts cover everyone, whatever the filter
    left, right = st.columns(2)
    status = left.selectbox(t("candidates.filter", lang()), ["", *BOARD_STATUSES], key="board_filter",
                            format_func=lambda s: t("board." + s, lang()) if s else t("candidates.filter_all", lang()))
    search = right.text_input(t("pickers.search", lang()), key="cand_search")
    page_number = int(st.session_state.get("cand_page", 0))
    board = candidates.status_board(db(), actor, campaign_id, status=status or None, search=search, page=page_number)
    counts.markdown(" · ".join(f"{t('board.' + name, lang())}: **{board.counts[name]}**" for name in BOARD_STATUSES))
    if not board.rows:
        st.info(t("candidates.none", lang()))
    timed = bool(campaigns.get_campaign(db(), actor, campaign_id).time_limit_minutes)
    for row in board.rows:
        _row(actor, row, timed)
    if board.pages > 1:
        st.number_input(t("candidates.page", lang(), pages=board.pages, total=board.total), min_value=1,
                        max_value=board.pages, value=board.page + 1, key="cand_page_input",
                        on_change=lambda: st.session_state.update(cand_page=st.session_state["cand_page_input"] - 1))
    return board


def _row(actor: Staff, row: BoardRow, timed: bool) -> None:
    with st.container(border=True):
        email = f" · {inert(row.email, Medium.MARKDOWN)}" if row.email else ""
        reference = f" · {inert(row.reference, Medium.MARKDOWN)}" if row.reference else ""
        st.markdown(f"**{inert(row.name, Medium.MARKDOWN)}**{email}{reference} · #{row.candidate_id} · "
                    f"**{t('board.' + row.status, lang())}**")
        if row.invited_at:
            st.caption(f"{t('candidates.sent_at', lang())}: {_when(row.sent_at)} · "
                       f"{t('candidates.opened_at', lang())}: {_when(row.opened_at)}")
        if row.status in ("submitted", "rated", "decided"):
            return
        if timed and row.status == "started":
            _extra_time(actor, row.candidate_id)
        label = t("candidates.resend" if row.invited_at else "candidates.invite", lang())
        if st.button(label, key=f"inv_{row.candidate_id}"):
            done = run_action(lambda: invitations.issue_invite(db(), actor, row.candidate_id))
            if done is None:
                return
            issued = done.value
            if issued.replaced:
                st.warning(t("candidates.invite_replaced", lang()))
            if issued.emailed:
                st.success(t("candidates.invite_emailed", lang()))
                return
            st.caption(t("candidates.mail_failed" if issued.mail_failed else "candidates.invite_ready", lang(),
                         days=get_settings().invite_ttl_days))
            st.code(issued.url, language=None)


def _raters(actor: Staff, campaign_id: int, board: StatusBoard) -> None:
    try:
        choices = {c.user_id: c.name for c in candidates.rater_choices(db(), actor, campaign_id)}
    except ServiceError:
        return
    people = {r.candidate_id: r for r in board.rows}
    with st.form("assign_raters"):
        st.markdown(f"**{t('candidates.raters', lang())}**")
        chosen = st.selectbox(t("console.candidate", lang()), list(people), key="raters_candidate",
                              format_func=lambda cid: f"#{cid} {people[cid].name}")
        raters = st.multiselect(t("candidates.raters", lang()), list(choices), key="raters_chosen",
                                format_func=lambda uid: f"#{uid} {choices.get(uid, '')}")
        if st.form_submit_button(t("candidates.raters_save", lang())) and chosen is not None:
            run_action(lambda: candidates.assign_raters(db(), actor, int(chosen), list(raters)),
                       "candidates.raters_saved")
    assigned = [f"#{r.candidate_id} {r.name}: " + ", ".join(choices.get(u, f"#{u}") for u in r.raters)
                for r in board.rows if r.raters]
    for line in assigned:
        st.caption(inert(line, Medium.MARKDOWN))


def _requests(actor: Staff, campaign_id: int) -> None:
    """Candidates asking for a human review, and withdrawals (their data already erased)."""
    rows = candidate_requests.campaign_requests(db(), actor, campaign_id)
    if not rows:
        return
    with st.expander(t("candidates.requests", lang()), expanded=any(r.handled_at is None for r in rows)):
        for r in rows:
            state = t("candidates.request_handled" if r.handled_at else "candidates.request_open", lang())
            name = inert(r.candidate_name, Medium.MARKDOWN)
            st.markdown(f"**{name}** · {t('candidates.request_' + r.kind, lang())} · "
                        f"{utc_time(r.created_at)} · {state}")
            if r.message:
                st.text(r.message)
            if r.handled_at is None and st.button(t("candidates.mark_handled", lang()), key=f"req_{r.request_id}"):
                run_action(partial(candidate_requests.mark_handled, db(), actor, r.request_id),
                           "candidates.request_handled")


def _extra_time(actor: Staff, candidate_id: int) -> None:
    """An accommodation: minutes on top of the campaign's time limit, for this candidate only."""
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    minutes = left.number_input(t("candidates.extra_time", lang()), min_value=0, max_value=24 * 60, step=5,
                                key=f"extra_{candidate_id}")
    if right.button(t("candidates.extra_time_save", lang()), key=f"extra_go_{candidate_id}"):
        run_action(lambda: attempts.extend_time(db(), actor, candidate_id, int(minutes)), "candidates.extra_time_saved")
