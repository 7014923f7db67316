"""Inviting staff: an account with no usable password, and a one-time link to choose one.

The link carries a random token; the database keeps only its hash (`domain.tokens`), as for candidates'
invite links and staff sessions. A link expires (`staff_invite_ttl_hours`, 72 by default), works once,
and a newer link for the same account revokes the older ones. An unknown, expired, revoked, used or
forged link, or one whose account was deactivated, gets one and the same refusal. With SMTP configured
the link is e-mailed in the invitee's language; otherwise (or when sending fails) the admin gets it to copy.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from screening.config import get_settings
from screening.domain import policy
from screening.domain.actors import ROLES, Actor, Staff
from screening.domain.credentials import CredentialError, check_password, normalise_email
from screening.domain.tokens import token_hash
from screening.domain.vocab import LANGUAGES
from screening.mail import MailError, Recipient, SenderIdentity, mail_enabled, send
from screening.mail.formatting import as_utc
from screening.mail.staff import staff_invitation_message
from screening.services import _passwords
from screening.services._access import require
from screening.services._audit import record
from screening.services.errors import InvalidInput, NotFound, ServiceError
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import StaffInvitation, User, utcnow
from screening.text import clean

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


class InvalidStaffLink(ServiceError):  # noqa: N818  (a refusal named for what happened)
    """Unknown, expired, revoked, used, forged, or its account deactivated: one message for all."""

    key = "error.staff_link_invalid"


@dataclass(frozen=True)
class IssuedStaffLink:
    user_id: int
    token: str
    url: str
    emailed: bool = False        # sent to the staff member (sent_at recorded)
    mail_failed: bool = False    # SMTP is configured but the message could not be built or sent


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise InvalidInput()
    return value


def _new_link(s: Session, user: User, language: str, created_by: int | None, now: datetime) -> tuple[str, int]:
    """Revoke the account's live links and add a new one, in the caller's transaction."""
    queries.revoke_live_staff_invitations(session=s, user_id=int(user.id or 0), now=now)
    token = secrets.token_urlsafe(32)
    row = StaffInvitation(user_id=int(user.id or 0), token_hash=token_hash(token), language=language,
                          created_by=created_by, created_at=now,
                          expires_at=now + timedelta(hours=get_settings().staff_invite_ttl_hours))
    s.add(row)
    s.flush()
    return token, int(row.id or 0)


def _deliver(db: Database, actor: Actor, user: User, token: str, invitation_id: int, language: str,
             expires: datetime) -> IssuedStaffLink:
    settings = get_settings()
    url = settings.set_password_url(token)
    user_id = int(user.id or 0)
    if not mail_enabled(settings):
        return IssuedStaffLink(user_id, token, url)
    try:
        message = staff_invitation_message(SenderIdentity.from_settings(settings),
                                           Recipient(user.name, user.email, language), role=user.role, link=url,
                                           expires=expires)
        send(message, settings)
    except (MailError, ValueError) as exc:
        log.warning("staff invitation %s not sent: %s", invitation_id, exc)
        return IssuedStaffLink(user_id, token, url, mail_failed=True)
    with db.write() as s:
        row = s.get(StaffInvitation, invitation_id)
        if row is not None:
            row.sent_at = utcnow()
            s.add(row)
        record(s, actor, "user.invite_email", "user", user_id, invitation_id=invitation_id)
    return IssuedStaffLink(user_id, token, url, emailed=True)


def invite_user(db: Database, actor: Actor, *, email: str, name: str, role: str, language: str = "en",
                clock: Clock = utcnow) -> IssuedStaffLink:
    """A new staff account (the role is always chosen: there is no default) that cannot sign in until its
    holder sets a password through the one-time link, which is e-mailed when SMTP is set up."""
    require(policy.can_invite_staff(actor))
    if role not in ROLES:
        raise InvalidInput("error.unknown_role")
    language = _language(language)
    try:
        address = normalise_email(clean(email))
    except CredentialError as exc:
        raise InvalidInput(exc.key) from None
    now = clock()
    with db.write() as s:
        if queries.user_by_email(session=s, email=address):
            raise InvalidInput("error.email_taken")
        # a hash of a secret nobody holds: signing in fails, and takes as long as a wrong password
        user = User(email=address, name=clean(name, limit=300).strip(), role=role, language=language,
                    password_hash=_passwords.hash_password(secrets.token_urlsafe(32)))
        s.add(user)
        s.flush()
        token, invitation_id = _new_link(s, user, language, actor.user_id if isinstance(actor, Staff) else None, now)
        record(s, actor, "user.invite", "user", user.id, role=role, invitation_id=invitation_id, language=language)
        expires = now + timedelta(hours=get_settings().staff_invite_ttl_hours)
    return _deliver(db, actor, user, token, invitation_id, language, expires)


def send_password_link(db: Database, actor: Actor, user_id: int, language: str = "en",
                       clock: Clock = utcnow) -> IssuedStaffLink:
    """A new one-time link for an existing active account (a lost or expired invitation, a forgotten
    password); earlier links stop working, and the current password stays until the new one is set."""
    require(policy.can_invite_staff(actor))
    language = _language(language)
    now = clock()
    with db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound()
        if not user.active:
            raise InvalidInput()
        token, invitation_id = _new_link(s, user, language, actor.user_id if isinstance(actor, Staff) else None, now)
        record(s, actor, "user.password_link", "user", user_id, invitation_id=invitation_id, language=language)
        expires = now + timedelta(hours=get_settings().staff_invite_ttl_hours)
    return _deliver(db, actor, user, token, invitation_id, language, expires)


def _live(s: Session, token: str, now: datetime) -> tuple[StaffInvitation, User]:
    if not isinstance(token, str) or not 20 <= len(token) <= 200:
        raise InvalidStaffLink()
    row = queries.staff_invitation_by_token_hash(session=s, token_hash=token_hash(token))
    user = s.get(User, row.user_id) if row is not None else None
    if (row is None or user is None or not user.active or row.used_at is not None or row.revoked_at is not None
            or as_utc(row.expires_at) <= now):
        raise InvalidStaffLink()
    return row, user


def link_language(db: Database, actor: Actor, token: str, clock: Clock = utcnow) -> str:
    """The language of a usable link (its page is shown in it); InvalidStaffLink otherwise."""
    require(policy.can_use_staff_invite(actor))
    with db.read() as s:
        row, _ = _live(s, token, clock())
        return row.language


def set_password_with_link(db: Database, actor: Actor, token: str, password: str, clock: Clock = utcnow) -> None:
    """Set the account's password through its one-time link; the link is spent in the same transaction, so
    two tabs sending it at once set the password once."""
    require(policy.can_use_staff_invite(actor))
    now = clock()
    with db.read() as s:
        _live(s, token, now)      # a dead link is refused before the password is even looked at
    try:
        check_password(password)
    except CredentialError as exc:
        raise InvalidInput(exc.key) from None
    with db.write() as s:
        row, user = _live(s, token, now)
        if not queries.spend_staff_invitation(session=s, invitation_id=int(row.id or 0), now=now):
            raise InvalidStaffLink()
        user.password_hash = _passwords.hash_password(password)
        s.add(user)
        queries.end_sessions(session=s, user_id=int(user.id or 0))
        record(s, Staff(int(user.id or 0), user.role), "user.password_set", "user", user.id, invitation_id=row.id)
