"""Admin pages: staff accounts, question banks, audit log."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from screening.domain.actors import ROLES, Staff
from screening.i18n import t
from screening.services import audit_log, auth, bank_uploads, candidates
from screening.services.campaigns import reference_catalog
from screening.services.errors import ServiceError
from screening.ui.components import db, lang, show_error


def render_users(actor: Staff) -> None:
    st.header(t("page.users", lang()))
    users = auth.list_users(db(), actor)
    st.dataframe([{t("users.id", lang()): u.user_id, t("login.email", lang()): u.email,
                   t("users.name", lang()): u.name, t("users.role", lang()): t("role." + u.role, lang()),
                   t("users.active", lang()): t("yes" if u.active else "no", lang())} for u in users],
                 hide_index=True, width="stretch")
    with st.form("new_user", clear_on_submit=True):
        st.markdown(f"**{t('users.new', lang())}**")
        name = st.text_input(t("users.name", lang()), key="user_name")
        email = st.text_input(t("login.email", lang()), key="user_email")
        role = st.selectbox(t("users.role", lang()), ROLES, index=None, format_func=lambda r: t("role." + r, lang()),
                            placeholder=t("users.choose_role", lang()), key="user_role")
        password = st.text_input(t("login.password", lang()), type="password", key="user_password",
                                 help=t("users.password_rule", lang()))
        if st.form_submit_button(t("users.create", lang()), type="primary"):
            _call(lambda: auth.create_user(db(), actor, email=email, name=name, role=role or "", password=password),
                  "users.created")
    labels = {u.user_id: f"#{u.user_id} {u.email}" for u in users}
    st.markdown(f"**{t('users.change', lang())}**")
    # chosen outside the form, so the form opens on that account's current state
    user_id = st.selectbox(t("users.account", lang()), list(labels), format_func=labels.get, key="change_user")
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
        if st.form_submit_button(t("users.apply", lang())):
            def apply() -> None:
                if new_role:
                    auth.set_role(db(), actor, int(user_id), new_role)
                if bool(active) != current.active:
                    auth.set_active(db(), actor, int(user_id), bool(active))
                if new_password:
                    auth.set_password(db(), actor, int(user_id), new_password)

            _call(apply, "users.changed")


def _call(action: Callable[[], object], success_key: str) -> None:
    try:
        action()
    except ServiceError as exc:
        show_error(exc)
    else:
        st.success(t(success_key, lang()))


def render_banks(actor: Staff) -> None:
    st.header(t("page.banks", lang()))
    catalog = reference_catalog(db(), actor)
    st.success(t("banks.valid", lang(), sjt=len(catalog.bank.sjt_items), questions=len(catalog.bank.questions)))
    st.caption(t("banks.version", lang(), version=catalog.version))
    st.caption(t("campaigns.keys_note", lang()))
    upload = st.file_uploader(t("banks.upload", lang()), type=["yaml", "yml"], key="bank_upload")
    if upload is not None and st.button(t("banks.upload_button", lang()), type="primary", key="bank_upload_go"):
        try:
            outcome = bank_uploads.upload_bank(db(), actor, upload.name, upload.getvalue())
        except bank_uploads.BankRejected as exc:
            st.error(t("banks.rejected", lang()))
            st.code("\n".join(exc.problems), language=None)  # names file, item and field
        except ServiceError as exc:
            show_error(exc)
        else:
            st.success(t("banks.accepted", lang(), added=len(outcome.added), versions=len(outcome.new_versions),
                         unchanged=len(outcome.unchanged)))


def render_audit(actor: Staff) -> None:
    st.header(t("page.audit", lang()))
    events = audit_log.recent_events(db(), actor)
    st.dataframe([{"at": e.at, "actor": f"{e.actor_kind}:{e.actor_id}", "action": e.action,
                   "entity": f"{e.entity}:{e.entity_id}", "details": e.details} for e in events],
                 hide_index=True, width="stretch")


def render_retention(actor: Staff) -> None:
    st.header(t("page.retention", lang()))
    people = {c.id: f"#{c.id} {c.name}" for c in candidates.erasable_candidates(db(), actor)}
    if people:
        with st.form("erase"):
            chosen = st.selectbox(t("retention.candidate", lang()), list(people), format_func=people.get,
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
