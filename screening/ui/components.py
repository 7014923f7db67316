"""Small pieces shared by the pages: inert text, errors, the staff language, the database."""

from __future__ import annotations

import re

import streamlit as st

from screening.i18n import t
from screening.services.actors import Staff
from screening.services.errors import ServiceError
from screening.store.engine import Database, get_database

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# makes markdown, links, `:red[...]` directives and `$...$` maths show as typed.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=\"'^%@/;?,])")


def inert(text: str) -> str:
    """Candidate (or any untrusted) text made safe for st.markdown and widget labels."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text.replace("\x00", ""))
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def db() -> Database:
    return get_database()


def lang() -> str:
    return st.session_state.get("lang", "en")


def actor() -> Staff:
    return st.session_state["actor"]


def show_error(exc: ServiceError, language: str | None = None) -> None:
    st.error(t(exc.key, language or lang()))


def demo_badge(is_demo: bool) -> None:
    if is_demo:
        st.caption(f":orange-badge[{t('demo.badge', lang())}]")
