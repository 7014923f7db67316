"""Names the web layer and the Streamlit script share."""

from pathlib import Path

SESSION_COOKIE = "screening_session"
SIGN_IN_PATH = "/auth/sign-in"
SIGN_OUT_PATH = "/auth/sign-out"
SET_PASSWORD_PATH = "/auth/set-password"   # a staff invitation's one-time link

# Shipped with the app: a page icon from an outside font host would leak every visit to it.
ICON_FILE = Path(__file__).with_name("static") / "icon.png"
