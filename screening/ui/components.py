"""Small pieces shared by the pages: service calls and their errors, the staff language, the database."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

import streamlit as st

from screening.i18n import t
from screening.services.errors import ServiceError
from screening.store.engine import Database, get_database

T = TypeVar("T")


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
    if exc.details:
        st.code("\n".join(exc.details), language=None)


def utc_time(moment: datetime) -> str:
    """A staff-facing instant: staff pages show times in UTC, and say so."""
    return t("time.utc", lang(), when=f"{moment:%Y-%m-%d %H:%M}")


def demo_badge(is_demo: bool) -> None:
    if is_demo:
        st.caption(f":orange-badge[{t('demo.badge', lang())}]")


@dataclass(frozen=True)
class Done(Generic[T]):
    """What a service call that went through returned (always truthy, even when the value is not)."""

    value: T


def run_action(action: Callable[[], T], success_key: str | None = None, language: str | None = None, *,
                  rerun: bool = False) -> Done[T] | None:
    """Call a service from a page and show the outcome, never a traceback.

    Refused (ServiceError): its message is shown and None comes back. Done: the `success_key` message
    is shown if there is one, then the script reruns if asked (to draw the new state), else `Done(result)`.
    """
    try:
        result = action()
    except ServiceError as exc:
        show_error(exc, language)
        return None
    if success_key is not None:
        st.success(t(success_key, language or lang()))
    if rerun:
        st.rerun()
    return Done(result)
