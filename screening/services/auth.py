"""Staff accounts and sessions: argon2 hashes, a throttled sign-in, and server-side sessions behind a cookie.

The browser holds only a random session id in an HttpOnly cookie; the database holds its hash, the role at
sign-in, and when it was last used. A session ends after the idle time, at its absolute end, at sign-out,
and when the account is deactivated or its role changes.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from screening.config import get_settings
from screening.domain import policy
from screening.domain.actors import ROLES, Actor, Role, Staff
from screening.domain.credentials import CredentialError, check_password, normalise_email
from screening.domain.throttle import delay_after
from screening.domain.tokens import token_hash
from screening.domain.vocab import LANGUAGES
from screening.services import _passwords
from screening.services._access import require
from screening.services._audit import record
from screening.services.errors import InvalidInput, NotFound, ServiceError
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import SignInFailure, StaffSession, User, utcnow
from screening.text import clean

# Re-stamping a session's last use on every rerun would make every click a write.
_TOUCH_EVERY = timedelta(seconds=60)

Clock = Callable[[], datetime]


class LoginFailed(ServiceError):  # noqa: N818  (a refusal named for what happened)
    key = "error.login_failed"


class SignInDelayed(ServiceError):  # noqa: N818  (a refusal named for what happened)
    """Too many recent failures: try again after `seconds`. A delay, never a lock-out."""

    key = "error.signin_delayed"

    def __init__(self, seconds: int):
        super().__init__()
        self.seconds = seconds


@dataclass(frozen=True)
class UserRow:
    """What the users page shows of an account (never the password hash)."""

    user_id: int
    email: str
    name: str
    role: str
    active: bool


# --- accounts ---------------------------------------------------------------------------------

def create_user(db: Database, actor: Actor, *, email: str, name: str, role: str, password: str) -> int:
    """Create a staff account. The role is always chosen: there is no default."""
    require(policy.can_manage_users(actor))
    if role not in ROLES:
        raise InvalidInput("error.unknown_role")
    try:
        address = normalise_email(clean(email))
        check_password(password)
    except CredentialError as exc:
        raise InvalidInput(exc.key) from None
    with db.write() as s:
        if queries.user_by_email(session=s, email=address):
            raise InvalidInput("error.email_taken")
        user = User(email=address, name=clean(name, limit=300).strip(), role=role,
                    password_hash=_passwords.hash_password(password))
        s.add(user)
        s.flush()
        record(s, actor, "user.create", "user", user.id, role=role)
        return int(user.id or 0)


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    require(policy.can_manage_users(actor))
    with db.read() as s:
        return [UserRow(int(u.id or 0), u.email, u.name, u.role, u.active)
                for u in queries.users(session=s)]


def set_role(db: Database, actor: Actor, user_id: int, role: str) -> None:
    """Change a role; the account's sessions end, and the last active admin keeps theirs."""
    require(policy.can_manage_users(actor))
    if role not in ROLES:
        raise InvalidInput("error.unknown_role")
    with db.write() as s:
        user = _user(s, user_id)
        previous = user.role
        if previous == role:
            return
        _keep_an_admin(s, user)
        user.role = role
        s.add(user)
        _end_sessions(s, user_id)
        record(s, actor, "user.role", "user", user_id, previous=previous, role=role)


def set_active(db: Database, actor: Actor, user_id: int, active: bool) -> None:
    require(policy.can_manage_users(actor))
    with db.write() as s:
        user = _user(s, user_id)
        if user.active == active:
            return
        if not active:
            _keep_an_admin(s, user)
            _end_sessions(s, user_id)
        user.active = active
        s.add(user)
        record(s, actor, "user.active", "user", user_id, previous=not active, active=active)


def set_password(db: Database, actor: Actor, user_id: int, password: str) -> None:
    require(policy.can_manage_users(actor))
    try:
        check_password(password)
    except CredentialError as exc:
        raise InvalidInput(exc.key) from None
    with db.write() as s:
        user = _user(s, user_id)
        user.password_hash = _passwords.hash_password(password)
        s.add(user)
        _end_sessions(s, user_id)
        # a pending link to set a password would otherwise still replace the one the admin just set
        revoked = queries.revoke_live_staff_invitations(session=s, user_id=user_id, now=utcnow())
        record(s, actor, "user.password", "user", user_id, links_revoked=revoked)


def find_user_id(db: Database, actor: Actor, email: str) -> int:
    require(policy.can_manage_users(actor))
    with db.read() as s:
        user = queries.user_by_email(session=s, email=clean(email).strip().lower())
    if user is None:
        raise NotFound()
    return int(user.id or 0)


def set_language(db: Database, actor: Actor, language: str) -> None:
    """The signed-in staff member's own language for the pages, kept with their account so it follows them
    to their next sign-in, on any server."""
    require(policy.can_set_own_language(actor))
    if not isinstance(actor, Staff) or language not in LANGUAGES:
        raise InvalidInput()
    with db.write() as s:
        user = _user(s, actor.user_id)
        if user.language != language:
            user.language = language
            s.add(user)
            record(s, actor, "user.language", "user", user.id, language=language)


def _staff(user: User) -> Staff:
    return Staff(int(user.id or 0), user.role, user.name, user.language)


def _user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def _keep_an_admin(s: Session, user: User) -> None:
    """Refuse a change that would leave no active admin."""
    if user.role != Role.ADMIN or not user.active:
        return
    if not queries.another_active_admin(session=s, user_id=int(user.id or 0)):
        raise InvalidInput("error.last_admin")


def _end_sessions(s: Session, user_id: int) -> None:
    queries.end_sessions(session=s, user_id=user_id)


# --- signing in -------------------------------------------------------------------------------

def _throttle_keys(email: str, client: str) -> tuple[str, str]:
    def digest(value: str) -> str:
        return hashlib.sha256(value.encode()).hexdigest()[:32]

    return f"account:{digest(email)}", f"client:{digest(client)}"


def login(db: Database, actor: Actor, *, email: str, password: str, client: str,
          clock: Clock = utcnow) -> tuple[Staff, str]:
    """Check the password and open a session; returns the staff member and the session id for the cookie.

    Failures per account and per client address are counted in the database (shared by every server)
    and each further try waits as `domain.throttle` says; a success clears the account's count."""
    require(policy.can_try_sign_in(actor))
    now = clock()
    address = clean(email, limit=320).strip().lower()
    keys = _throttle_keys(address, client)
    with db.read() as s:
        waits = [delay_after(row.failures, now - row.last_failed_at)
                 for row in queries.sign_in_failures(session=s, keys=keys)]
        user = queries.user_by_email(session=s, email=address)
    wait = max(waits, default=0)
    if wait > 0:
        raise SignInDelayed(wait)
    stored = user.password_hash if user and user.active else _passwords.DUMMY_HASH
    ok = _passwords.matches(stored, password) and user is not None and user.active
    if not ok or user is None:
        _count_failure(db, keys, user, now)
        raise LoginFailed()
    with db.write() as s:
        queries.clear_sign_in_failures(session=s, key=keys[0])
    return _open_session(db, user, "password", now)


def _count_failure(db: Database, keys: tuple[str, str], user: User | None, now: datetime) -> None:
    with db.write() as s:
        for key in keys:
            row = s.get(SignInFailure, key) or SignInFailure(key=key)
            row.failures, row.last_failed_at = row.failures + 1, now
            s.add(row)
        record(s, None, "signin.failed", "user", user.id if user else None)


def sso_actor(db: Database, actor: Actor, email: str | None) -> Staff:
    """The staff member the organisation's identity provider has signed in, checked on every rerun.

    The provider vouches for the e-mail (Streamlit keeps its own cookie for that); access and role still
    come from the staff table, so an identity with no active staff account gets nothing, and a
    deactivation or a role change takes effect on the next rerun."""
    require(policy.can_try_sign_in(actor))
    with db.read() as s:
        user = queries.user_by_email(session=s, email=clean(email).strip().lower()) if email else None
    if user is None or not user.active:
        raise LoginFailed("error.sso_unknown")
    return _staff(user)


def _open_session(db: Database, user: User, method: str, now: datetime) -> tuple[Staff, str]:
    session_id = secrets.token_urlsafe(32)
    staff = _staff(user)
    with db.write() as s:
        s.add(StaffSession(token_hash=token_hash(session_id), user_id=staff.user_id, role=user.role,
                           created_at=now, last_seen_at=now,
                           expires_at=now + timedelta(hours=get_settings().staff_session_hours)))
        record(s, staff, "session.start", "user", staff.user_id, method=method)
    return staff, session_id


def resume(db: Database, actor: Actor, session_id: str | None, clock: Clock = utcnow) -> Staff | None:
    """The staff member behind a session cookie, or None once it has ended for any reason."""
    require(policy.can_use_session(actor))
    if not isinstance(session_id, str) or not session_id or len(session_id) > 200:
        return None
    now = clock()
    idle = timedelta(minutes=get_settings().staff_session_idle_minutes)
    key = token_hash(session_id)
    with db.read() as s:
        row = s.get(StaffSession, key)
        user = s.get(User, row.user_id) if row else None
    if row is None or user is None:
        return None
    if row.expires_at <= now or row.last_seen_at + idle <= now or not user.active or user.role != row.role:
        with db.write() as s:
            queries.end_session(session=s, key=key)
        return None
    if now - row.last_seen_at >= _TOUCH_EVERY:
        with db.write() as s:
            live = s.get(StaffSession, key)
            if live is not None:
                live.last_seen_at = now
                s.add(live)
    return _staff(user)


def logout(db: Database, actor: Actor, session_id: str | None) -> None:
    """End the session server-side: the cookie, even if kept, opens nothing afterwards."""
    require(policy.can_use_session(actor))
    if not session_id:
        return
    with db.write() as s:
        row = s.get(StaffSession, token_hash(session_id))
        if row is not None:
            s.delete(row)
            record(s, Staff(row.user_id, row.role), "session.end", "user", row.user_id)
