"""The ASGI app: Streamlit's st.App under uvicorn, with sign-in routes, cookie sessions and security headers."""
