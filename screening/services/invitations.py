"""Invite links: a random token, stored hashed, bound to one candidate, expiring, revocable."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from screening.config import get_settings
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.tokens import token_hash
from screening.services._access import candidate_for
from screening.services._audit import record
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Invitation, utcnow


@dataclass(frozen=True)
class IssuedInvite:
    token: str
    url: str


def issue_invite(db: Database, actor: Actor, candidate_id: int, ttl_days: int | None = None) -> IssuedInvite:
    """Issue a new link; any earlier link of this candidate stops working."""
    settings = get_settings()
    token = secrets.token_urlsafe(24)
    days = settings.invite_ttl_days if ttl_days is None else ttl_days
    with db.write() as s:
        candidate_for(s, actor, candidate_id, policy.can_manage_candidates)
        now = utcnow()
        for old in queries.live_invitations(session=s, candidate_id=candidate_id):
            old.revoked_at = now
            s.add(old)
        invite = Invitation(candidate_id=candidate_id, token_hash=token_hash(token), created_by=actor.user_id if isinstance(actor, Staff) else None,
                            expires_at=now + timedelta(days=days))
        s.add(invite)
        s.flush()
        record(s, actor, "invite.issue", "candidate", candidate_id, invitation_id=invite.id)
    return IssuedInvite(token, settings.invite_url(token))
