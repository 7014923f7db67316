"""Streamlit script: the candidate's invite link, or the staff pages of whoever is signed in.

Served by `uvicorn screening.web.asgi:app` (see the Makefile), never by `streamlit run`: the sign-in
routes and the security headers live in the ASGI app around this script.
"""

import streamlit as st

from screening.i18n import t
from screening.ui import shell
from screening.ui.components import app_styles
from screening.web.logs import timed_script_run
from screening.web.paths import ICON_FILE

invite = st.query_params.get("invite")
about = st.query_params.get("about")
with timed_script_run("invite" if invite else "about" if about else "staff"):
    # the candidate page and the staff shell set the title again in their own language
    st.set_page_config(page_title=t("app.title", st.session_state.get("lang", "en")), page_icon=str(ICON_FILE),
                       layout="centered")
    app_styles()
    if invite:
        from screening.ui.pages import candidate

        candidate.render(invite)
    elif about:  # the public statement linked from the candidate's welcome screen
        from screening.ui.pages import about as about_page

        about_page.render_public(about)
    else:
        shell.run()
