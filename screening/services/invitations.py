"""Invite links: a random token, stored hashed, bound to one candidate, expiring, revocable."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from screening.config import get_settings
from screening.services.actors import Staff, candidate_for, require_role
from screening.services.audit import record
from screening.services.auth import token_hash
from screening.services.errors import InvalidInvite
from screening.store.engine import Database
from screening.store.models import Attempt, Invitation, utcnow


@dataclass(frozen=True)
class IssuedInvite:
    token: str
    url: str


def issue_invite(db: Database, actor: Staff, candidate_id: int, ttl_days: int | None = None) -> IssuedInvite:
    """Issue a new link; any earlier link of this candidate stops working."""
    require_role(actor, "recruiter", "admin")
    settings = get_settings()
    token = secrets.token_urlsafe(24)
    days = settings.invite_ttl_days if ttl_days is None else ttl_days
    with db.write() as s:
        candidate_for(s, actor, candidate_id)
        now = utcnow()
        for old in s.exec(select(Invitation).where(Invitation.candidate_id == candidate_id,
                                                   Invitation.revoked_at.is_(None))).all():  # type: ignore[union-attr]
            old.revoked_at = now
            s.add(old)
        invite = Invitation(candidate_id=candidate_id, token_hash=token_hash(token), created_by=actor.user_id,
                            expires_at=now + timedelta(days=days))
        s.add(invite)
        s.flush()
        record(s, actor, "invite.issue", "candidate", candidate_id, invitation_id=invite.id)
    return IssuedInvite(token, settings.invite_url(token))


def revoke_invites(db: Database, actor: Staff, candidate_id: int) -> None:
    require_role(actor, "recruiter", "admin")
    with db.write() as s:
        candidate_for(s, actor, candidate_id)
        for inv in s.exec(select(Invitation).where(Invitation.candidate_id == candidate_id,
                                                   Invitation.revoked_at.is_(None))).all():  # type: ignore[union-attr]
            inv.revoked_at = utcnow()
            s.add(inv)
        record(s, actor, "invite.revoke", "candidate", candidate_id)


def invitation_for_token(s: Session, token: str | None) -> Invitation:
    """The live invitation for a token, or InvalidInvite (same message for every failure)."""
    if not token or len(token) > 200:
        raise InvalidInvite()
    invite = s.exec(select(Invitation).where(Invitation.token_hash == token_hash(token))).first()
    if invite is None or invite.revoked_at is not None or invite.expires_at <= utcnow():
        raise InvalidInvite()
    attempt = s.exec(select(Attempt).where(Attempt.candidate_id == invite.candidate_id)).first()
    if attempt is not None and attempt.submitted_at is not None:
        raise InvalidInvite("error.invite_used")
    return invite
