"""Pure scoring functions: no streamlit, no database."""
