"""Staff accounts: argon2 password hashes and server-side sessions that survive a reload."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from screening.config import get_settings
from screening.services.actors import Staff, require_role
from screening.services.audit import record
from screening.services.errors import InvalidInput, ServiceError
from screening.services.text import clean
from screening.store.engine import Database
from screening.store.models import ROLES, StaffSession, User, utcnow

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so both failures take the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class LoginFailed(ServiceError):
    key = "error.login_failed"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(db: Database, *, email: str, name: str, role: str, password: str,
                actor: Staff | None = None) -> int:
    """Create a staff account. `actor` is None only for the system (demo, first admin)."""
    if actor is not None:
        require_role(actor, "admin")
    if role not in ROLES:
        raise InvalidInput("error.unknown_role")
    if len(password) < 8:
        raise InvalidInput("error.password_short")
    email = clean(email).strip().lower()
    with db.write() as s:
        if s.exec(select(User).where(User.email == email)).first():
            raise InvalidInput("error.email_taken")
        user = User(email=email, name=clean(name).strip(), role=role, password_hash=_hasher.hash(password))
        s.add(user)
        s.flush()
        record(s, actor, "user.create", "user", user.id, role=role)
        return int(user.id)  # type: ignore[arg-type]


def login(db: Database, email: str, password: str) -> tuple[Staff, str]:
    """Check the password and open a session; returns the actor and the session token."""
    with db.read() as s:
        user = s.exec(select(User).where(User.email == clean(email).strip().lower())).first()
    stored = user.password_hash if user and user.active else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed() from None
    if user is None or not user.active:
        raise LoginFailed()
    return _open_session(db, user, "password")


def sso_login(db: Database, email: str | None) -> tuple[Staff, str]:
    """Open a session for someone the organisation's identity provider has signed in.

    The provider vouches for the e-mail; access and role still come from the staff table, so an
    identity with no active staff account gets nothing."""
    with db.read() as s:
        user = s.exec(select(User).where(User.email == clean(email).strip().lower())).first() if email else None
    if user is None or not user.active:
        raise LoginFailed("error.sso_unknown")
    return _open_session(db, user, "sso")


def _open_session(db: Database, user: User, method: str) -> tuple[Staff, str]:
    token = secrets.token_urlsafe(32)
    hours = get_settings().staff_session_hours
    with db.write() as s:
        s.add(StaffSession(token_hash=token_hash(token), user_id=user.id,  # type: ignore[arg-type]
                           expires_at=utcnow() + timedelta(hours=hours)))
        record(s, Staff(user.id, user.role), "session.start", "user", user.id, method=method)  # type: ignore[arg-type]
    return Staff(int(user.id), user.role, user.name), token  # type: ignore[arg-type]


def resume(db: Database, token: str | None) -> Staff | None:
    if not token:
        return None
    with db.read() as s:
        row = s.get(StaffSession, token_hash(token))
        if row is None or row.expires_at <= utcnow():
            return None
        user = s.get(User, row.user_id)
    if user is None or not user.active:
        return None
    return Staff(int(user.id), user.role, user.name)  # type: ignore[arg-type]


def logout(db: Database, token: str | None) -> None:
    if not token:
        return
    with db.write() as s:
        row = s.get(StaffSession, token_hash(token))
        if row is not None:
            s.delete(row)


def list_users(db: Database, actor: Staff) -> list[User]:
    require_role(actor, "admin")
    with db.read() as s:
        return list(s.exec(select(User).order_by(User.id)).all())


def set_role(db: Database, actor: Staff, user_id: int, role: str, active: bool = True) -> None:
    require_role(actor, "admin")
    if role not in ROLES:
        raise InvalidInput("error.unknown_role")
    with db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise InvalidInput("error.not_found")
        user.role, user.active = role, active
        s.add(user)
        record(s, actor, "user.role", "user", user_id, role=role, active=active)


def user_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {u.id: u.name for u in session.exec(select(User).where(User.id.in_(ids))).all()}  # type: ignore[union-attr,misc]
