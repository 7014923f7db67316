"""Plain types and rules: who acts, what each role may do. Imports neither streamlit nor the database."""
