"""Small pieces shared by the pages: inert text, errors, the staff language, the database."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime

import streamlit as st

from screening.i18n import t
from screening.services.errors import ServiceError
from screening.store.engine import Database, get_database

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# makes markdown, links, `:red[...]` directives and `$...$` maths show as typed.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=\"'^%@/;?,])")


def inert(text: str) -> str:
    """Candidate (or any untrusted) text made safe for st.markdown and widget labels."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text.replace("\x00", ""))
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


# Every page, staff and candidate. Streamlit's radio circles and checkboxes are about 16 px; the whole option
# row is the target: 24 px at least. Captions are faded (opacity 0.6: #76797c on white, 4.37:1), below the
# 4.5:1 contrast text needs, and so was the DEMO badge drawn inside one: a solid dark grey instead (8.7:1).
APP_CSS = """<style>
[data-testid="stRadio"] label, [data-testid="stCheckbox"] label { min-height: 24px; align-items: center; }
[data-testid="stCaptionContainer"] { opacity: 1; color: #474b57; }
</style>"""


def app_styles() -> None:
    st.html(APP_CSS)


def db() -> Database:
    return get_database()


def lang() -> str:
    return st.session_state.get("lang", "en")


def guarded(render: Callable[[], None]) -> Callable[[], None]:
    """Wrap a page so a refusal from a service shows as a plain message, never a traceback."""

    @functools.wraps(render)
    def page() -> None:
        try:
            render()
        except ServiceError as exc:
            show_error(exc)

    return page


def show_error(exc: ServiceError, language: str | None = None) -> None:
    st.error(t(exc.key, language or lang()))


def utc_time(moment: datetime) -> str:
    """A staff-facing instant: staff pages show times in UTC, and say so."""
    return t("time.utc", lang(), when=f"{moment:%Y-%m-%d %H:%M}")


def demo_badge(is_demo: bool) -> None:
    if is_demo:
        st.caption(f":orange-badge[{t('demo.badge', lang())}]")


def run_action(action: Callable[[], object], success_key: str, language: str | None = None) -> bool:
    """Call a service from a form; show its success message or its refusal, never a traceback."""
    try:
        action()
    except ServiceError as exc:
        show_error(exc, language)
        return False
    st.success(t(success_key, language or lang()))
    return True
