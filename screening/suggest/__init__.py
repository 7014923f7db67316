"""Suggested levels for interview answers: lexicons -> cues -> features -> model, fitted by train,
used by predict (the one decline pipeline), measured by evaluate. No streamlit, no database."""
