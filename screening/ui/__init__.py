"""Streamlit pages: thin, they call services and show what comes back."""
