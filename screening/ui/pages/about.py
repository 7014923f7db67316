"""What the product does and never does, in the reader's language: for every signed-in role, and public
(linked from the candidate's welcome screen as `/?about=en|fr`). Static text only: no data is read."""

from __future__ import annotations

import streamlit as st

from screening.domain.actors import Staff
from screening.i18n import t
from screening.ui.components import lang

MODEL_CARD = "docs/model-card.md"
SECTIONS = ("does", "never", "people", "suggestions", "retention", "rights")
LANGUAGES = ("en", "fr")


def render(actor: Staff) -> None:
    statement(lang())


def render_public(language: str) -> None:
    statement(language if language in LANGUAGES else "en")


def statement(language: str) -> None:
    st.header(t("about.title", language))
    for section in SECTIONS:
        st.subheader(t(f"about.{section}_h", language))
        st.markdown(t(f"about.{section}", language))
    st.markdown(t("about.model_card", language, path=MODEL_CARD))
    other = "fr" if language == "en" else "en"
    with st.expander(t("about.other_language", language)):
        st.markdown(f"**{t('about.title', other)}**")
        for section in SECTIONS:
            st.markdown(f"**{t(f'about.{section}_h', other)}** {t(f'about.{section}', other)}")
        st.markdown(t("about.model_card", other, path=MODEL_CARD))
