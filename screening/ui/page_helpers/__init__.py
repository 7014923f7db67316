"""The candidate page's browser helpers: document language and title, focus on a new question, the time left.

A Streamlit v2 component whose JavaScript and CSS are files in `frontend/` (the page's Content-Security-Policy
allows no inline or blob: script), registered as the autosave box registers its own.
"""

from __future__ import annotations

from screening.ui.page_helpers.widget import COMPONENT_NAME, page_helpers

__all__ = ["COMPONENT_NAME", "page_helpers"]
