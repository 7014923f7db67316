"""Admin pages: staff accounts, question banks, audit log, retention, erasure and subject access."""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

from screening.config import get_settings
from screening.domain.actors import ROLES, Staff
from screening.domain.vocab import LANGUAGE_NAMES, LANGUAGES
from screening.i18n import t
from screening.services import audit_log, auth, bank_uploads, candidates, privacy, staff_invites
from screening.services.campaigns import reference_catalog
from screening.ui.components import db, lang, run_action


def render_users(actor: Staff) -> None:
    st.header(t("page.users", lang()))
    users = auth.list_users(db(), actor)
    with st.form("new_user", clear_on_submit=True):
        st.markdown(f"**{t('users.invite', lang())}**")
        name = st.text_input(t("users.name", lang()), key="user_name")
        email = st.text_input(t("login.email", lang()), key="user_email")
        role = st.selectbox(t("users.role", lang()), ROLES, index=None, format_func=lambda r: t("role." + r, lang()),
                            placeholder=t("users.choose_role", lang()), key="user_role")
        language = _language_choice("user_language")
        if st.form_submit_button(t("users.invite_button", lang()), type="primary"):
            _link_sent(lambda: staff_invites.invite_user(db(), actor, email=email, name=name, role=role or "",
                                                         language=language))
            users = auth.list_users(db(), actor)   # with the account just invited
    st.dataframe([{t("users.id", lang()): u.user_id, t("login.email", lang()): u.email,
                   t("users.name", lang()): u.name, t("users.role", lang()): t("role." + u.role, lang()),
                   t("users.active", lang()): t("yes" if u.active else "no", lang())} for u in users],
                 hide_index=True, width="stretch")
    labels = {u.user_id: f"#{u.user_id} {u.email}" for u in users}
    st.markdown(f"**{t('users.change', lang())}**")
    # chosen outside the form, so the form opens on that account's current state
    user_id = st.selectbox(t("users.account", lang()), list(labels), format_func=labels.__getitem__, key="change_user")
    current = next((u for u in users if u.user_id == user_id), None)
    if current is None:
        return
    with st.form(f"change_user_{user_id}"):
        new_role = st.selectbox(t("users.role", lang()), ROLES, index=None, key=f"change_role_{user_id}",
                                format_func=lambda r: t("role." + r, lang()),
                                placeholder=t("users.keep_role", lang()))
        active = st.radio(t("users.active", lang()), [True, False], horizontal=True, key=f"change_active_{user_id}",
                          index=0 if current.active else 1, format_func=lambda a: t("yes" if a else "no", lang()))
        new_password = st.text_input(t("users.new_password", lang()), type="password",
                                     key=f"change_password_{user_id}")
        send_link = st.checkbox(t("users.send_link", lang()), key=f"change_link_{user_id}",
                                help=t("users.send_link_help", lang()))
        link_language = _language_choice(f"change_link_language_{user_id}")
        if st.form_submit_button(t("users.apply", lang())):
            def apply() -> None:
                if new_role:
                    auth.set_role(db(), actor, int(user_id), new_role)
                if bool(active) != current.active:
                    auth.set_active(db(), actor, int(user_id), bool(active))
                if new_password:
                    auth.set_password(db(), actor, int(user_id), new_password)

            if run_action(apply, "users.changed") and send_link:
                _link_sent(lambda: staff_invites.send_password_link(db(), actor, int(user_id), link_language))


def _language_choice(key: str) -> str:
    return str(st.radio(t("users.invite_language", lang()), LANGUAGES, horizontal=True, key=key,
                        format_func=LANGUAGE_NAMES.__getitem__))


def _link_sent(issue: Callable[[], staff_invites.IssuedStaffLink]) -> None:
    """E-mailed: say so. Otherwise the admin copies the one-time link (shown once, never stored)."""
    done = run_action(issue)
    if done is None:
        return
    issued = done.value
    hours = get_settings().staff_invite_ttl_hours
    if issued.emailed:
        st.success(t("users.invite_emailed", lang(), hours=hours))
        return
    st.warning(t("users.invite_failed" if issued.mail_failed else "users.invite_copy", lang(), hours=hours))
    st.code(issued.url, language=None)


def render_banks(actor: Staff) -> None:
    st.header(t("page.banks", lang()))
    catalog = reference_catalog(db(), actor)
    st.success(t("banks.valid", lang(), sjt=len(catalog.bank.sjt_items), questions=len(catalog.bank.questions)))
    st.caption(t("banks.version", lang(), version=catalog.version))
    st.caption(t("campaigns.keys_note", lang()))
    upload = st.file_uploader(t("banks.upload", lang()), type=["yaml", "yml"], key="bank_upload")
    if upload is not None and st.button(t("banks.upload_button", lang()), type="primary", key="bank_upload_go") and (
            done := run_action(lambda: bank_uploads.upload_bank(db(), actor, upload.name, upload.getvalue()))):
        outcome = done.value
        st.success(t("banks.accepted", lang(), added=len(outcome.added), versions=len(outcome.new_versions),
                     unchanged=len(outcome.unchanged)))


def render_audit(actor: Staff) -> None:
    st.header(t("page.audit", lang()))
    vocab = audit_log.vocabulary(db(), actor)
    actors: dict[str, tuple[str, int | None]] = {"": ("", None), "candidate": ("candidate", None)}
    actors |= {_actor_key(kind, aid): (kind, aid) for kind, aid, _ in vocab.actors}
    labels = {"": t("audit.any", lang()), "candidate": t("audit.candidates", lang())}
    labels |= {_actor_key(kind, aid): _who(kind, aid, label) for kind, aid, label in vocab.actors}
    left, middle, right = st.columns(3)
    with left:
        who = st.selectbox(t("audit.actor", lang()), list(actors), format_func=labels.__getitem__, key="audit_actor")
        since = st.date_input(t("audit.since", lang()), value=None, key="audit_since")
    with middle:
        action = st.selectbox(t("audit.action", lang()), ["", *vocab.actions], key="audit_action",
                              format_func=lambda a: t("audit.do." + a, lang()) if a else t("audit.any", lang()))
        until = st.date_input(t("audit.until", lang()), value=None, key="audit_until")
    with right:
        entity = st.selectbox(t("audit.entity", lang()), ["", *vocab.entities], key="audit_entity",
                              format_func=lambda e: t("audit.kind." + e, lang()) if e else t("audit.any", lang()))
        entity_id = st.text_input(t("audit.entity_id", lang()), key="audit_entity_id", max_chars=40).strip()
    kind, actor_id = actors[who or ""]
    filters = {"actor_kind": kind or None, "actor_id": actor_id, "action": action or None,
               "entity": entity or None, "entity_id": entity_id or None, "since": since, "until": until}
    page_no = int(st.session_state.get("audit_page", 1))
    result = audit_log.search(db(), actor, page=page_no - 1, **filters)  # type: ignore[arg-type]
    st.caption(t("audit.count", lang(), total=result.total, page=result.page + 1, pages=result.pages))
    st.dataframe([{t("audit.at", lang()): e.at, t("audit.actor", lang()): _who(e.actor_kind, e.actor_id, e.actor),
                   t("audit.action", lang()): t("audit.do." + e.action, lang()),
                   t("audit.entity", lang()): f"{t('audit.kind.' + e.entity, lang())} {e.entity_id}",
                   t("audit.details", lang()): json.dumps(e.details, ensure_ascii=False, sort_keys=True)}
                  for e in result.rows], hide_index=True, width="stretch")
    if st.session_state.get("audit_page") != result.page + 1:
        st.session_state["audit_page"] = result.page + 1  # clamped when the filters leave fewer pages
    st.number_input(t("audit.page", lang()), min_value=1, max_value=result.pages, key="audit_page")
    if st.button(t("audit.export", lang()), key="audit_export"):
        st.session_state["audit_export_data"] = audit_log.export_jsonl(db(), actor, **filters)  # type: ignore[arg-type]
    _offer_download("audit_export_data", "audit.download", "audit-log.jsonl", "application/jsonl")


def _who(kind: str, actor_id: int | None, label: str) -> str:
    """Who acted, in the page's language: staff by the name the log resolved, everyone else by kind."""
    if kind == "candidate":
        return (t("audit.who.candidate", lang(), id=actor_id) if actor_id is not None
                else t("audit.who.candidate_link", lang()))
    if kind == "anonymous":
        return t("audit.who.anonymous", lang())
    if kind.startswith("system:"):
        return t("audit.who.system", lang(), name=kind.removeprefix("system:"))
    return label


def _actor_key(kind: str, actor_id: int | None) -> str:
    return kind if actor_id is None else f"{kind}:{actor_id}"


def _offer_download(state_key: str, label_key: str, file_name: str, mime: str) -> None:
    """Offer an export prepared (and audited) by a button, once: the data leaves session memory at once."""
    data = st.session_state.pop(state_key, None)
    if data is not None:
        st.download_button(t(label_key, lang()), data, file_name=file_name, mime=mime, on_click="ignore",
                           key=f"{state_key}_download", type="primary")


def render_retention(actor: Staff) -> None:
    st.header(t("page.retention", lang()))
    people = {c.id: f"#{c.id} {c.name}" for c in candidates.erasable_candidates(db(), actor)}
    if people:
        with st.form("export_person"):
            chosen = st.selectbox(t("retention.export_candidate", lang()), list(people), format_func=people.__getitem__,
                                  key="export_candidate")
            if st.form_submit_button(t("retention.export", lang())) and chosen is not None:
                data = privacy.export_candidate(db(), actor, int(chosen))
                st.session_state["subject_export"] = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)
                st.session_state["subject_export_id"] = int(chosen)
        _offer_download("subject_export", "retention.download",
                        f"candidate-{st.session_state.pop('subject_export_id', 0)}.json", "application/json")
        with st.form("erase"):
            chosen = st.selectbox(t("retention.candidate", lang()), list(people), format_func=people.__getitem__,
                                  key="erase_candidate")
            sure = st.checkbox(t("retention.confirm", lang()), key="erase_sure")
            if st.form_submit_button(t("retention.erase", lang()), type="primary") and sure:
                candidates.erase_candidate(db(), actor, int(chosen))  # type: ignore[arg-type]
                st.success(t("retention.erased", lang()))
    with st.form("purge"):
        days = st.number_input(t("retention.days", lang()), 1, 3650, 365, key="purge_days")
        sure = st.checkbox(t("retention.confirm", lang()), key="purge_sure")
        if st.form_submit_button(t("retention.purge", lang())) and sure:
            erased = candidates.purge_older_than(db(), actor, int(days))
            st.success(t("retention.purged", lang(), n=len(erased)))
