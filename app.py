"""Streamlit entry point: the candidate's invite link, or staff sign-in and the pages of their role."""

import streamlit as st

from screening.ui import shell

st.set_page_config(page_title="Soft-skill screening", page_icon=":material/psychology:", layout="centered")

invite = st.query_params.get("invite")
if invite:
    from screening.ui import candidate

    candidate.render(invite)
else:
    shell.run()
