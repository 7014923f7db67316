"""Refuse to serve production with demo accounts or shipped secrets; say exactly what is wrong."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import col, select

from screening.config import Settings
from screening.demo import DEMO_DOMAIN, DEMO_PASSWORD
from screening.store.engine import Database
from screening.store.models import User

PRODUCTION = "production"
# Placeholders that example files carry; a real deployment replaces them.
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "secret", "demo", "xxx"})


def _has_demo_password(password_hash: str) -> bool:
    try:
        return PasswordHasher().verify(password_hash, DEMO_PASSWORD)
    except (VerificationError, InvalidHashError):
        return False


def production_problems(db: Database, settings: Settings, cookie_secret_source: str,
                        auth_cookie_secret: str | None) -> list[str]:
    """Every reason not to start. `cookie_secret_source` is where Streamlit found server.cookieSecret
    ("<default>" when nobody set it: a random secret per process, so two servers disagree)."""
    if settings.env != PRODUCTION:
        return []
    problems = []
    with db.read() as s:
        users = s.exec(select(User).where(col(User.active).is_(True))).all()
    for user in users:
        if user.email.endswith(DEMO_DOMAIN):
            problems.append(f"staff account #{user.id} has a demo address ({DEMO_DOMAIN}); deactivate it")
        if _has_demo_password(user.password_hash):
            problems.append(f"staff account #{user.id} still has the demo password; reset it")
    if cookie_secret_source == "<default>":
        problems.append("server.cookieSecret is not set: set STREAMLIT_SERVER_COOKIE_SECRET to a long random "
                        "value, the same on every app server")
    if settings.sso_enabled and (auth_cookie_secret or "").strip().lower() in PLACEHOLDER_SECRETS:
        problems.append("[auth] cookie_secret in .streamlit/secrets.toml is missing or a placeholder")
    return problems
