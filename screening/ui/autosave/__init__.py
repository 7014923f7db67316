"""A written-answer box that saves while the candidate types: `autosave_text(...)`.

A Streamlit v2 component (`streamlit.components.v2`) whose JavaScript and CSS are files in `frontend/`,
served by Streamlit from `/_stcore/bidi-components/screening.autosave_text/...`, so the page's
Content-Security-Policy (script-src 'self', no blob: scripts) is enough.
"""

from __future__ import annotations

from screening.ui.autosave.widget import COMPONENT_NAME, MESSAGES, autosave_text

__all__ = ["COMPONENT_NAME", "MESSAGES", "autosave_text"]
