"""Invite links: a random token, stored hashed, bound to one candidate, expiring, revocable; e-mailed when
SMTP is configured (otherwise the page shows the link to copy), reminded before the deadline, re-sent on request.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlmodel import Session

from screening.config import Settings, get_settings
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.credentials import CredentialError, normalise_email
from screening.domain.estimates import estimated_minutes, items_per_candidate
from screening.domain.throttle import delay_after
from screening.domain.tokens import token_hash
from screening.mail import (
    InvitationState,
    Job,
    MailError,
    Recipient,
    SenderIdentity,
    invitation_message,
    lost_link_message,
    mail_enabled,
    plan_reminders,
    reminder_message,
    resent_link_message,
    send,
)
from screening.mail.formatting import as_utc
from screening.services._access import candidate_for, require
from screening.services._audit import record
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Campaign, Candidate, Invitation, SignInFailure, utcnow
from screening.text import clean

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class IssuedInvite:
    token: str
    url: str
    replaced: bool = False       # an earlier link of this candidate stopped working
    emailed: bool = False        # sent to the candidate (sent_at recorded)
    mail_failed: bool = False    # SMTP is configured but the server refused or could not be reached


def _job(campaign: Campaign, sender: SenderIdentity) -> Job:
    sjt = items_per_candidate(len(campaign.sjt_item_ids), campaign.sjt_items_per_candidate)
    return Job(title=campaign.job_title or campaign.name,
               organisation=sender.mail_from.display_name or sender.mail_from.domain,
               test_minutes=estimated_minutes(sjt, len(campaign.written_question_ids)))


def _new_link(s: Session, candidate: Candidate, campaign: Campaign, created_by: int | None, days: int,
              now: datetime) -> tuple[str, Invitation, bool]:
    """Revoke the candidate's live links and create a new one, in the caller's transaction."""
    if campaign.closed_at is not None:
        raise InvalidInput("error.campaign_closed")
    expires = now + timedelta(days=days)
    if campaign.deadline_at is not None:
        deadline = as_utc(campaign.deadline_at)
        if deadline <= now:
            raise InvalidInput("error.campaign_deadline_passed")
        expires = min(expires, deadline)
    old = queries.live_invitations(session=s, candidate_id=int(candidate.id or 0))
    for row in old:
        row.revoked_at = now
        s.add(row)
    token = secrets.token_urlsafe(24)
    invite = Invitation(candidate_id=int(candidate.id or 0), token_hash=token_hash(token), created_by=created_by,
                        expires_at=expires)
    s.add(invite)
    if campaign.first_invite_at is None:
        campaign.first_invite_at = now
        s.add(campaign)
    s.flush()
    return token, invite, bool(old)


def _deliver(db: Database, settings: Settings, invitation_id: int, message: EmailMessage, action: str,
             actor: Actor) -> bool:
    """Send, then record when; a refusal is logged (without the address) and reported to the caller."""
    try:
        send(message, settings)
    except MailError as exc:
        log.warning("%s for invitation %s failed: %s", action, invitation_id, exc)
        return False
    with db.write() as s:
        invite = s.get(Invitation, invitation_id)
        if invite is not None:
            if action == "invite.remind":
                invite.last_reminder_at = utcnow()
            else:
                invite.sent_at = utcnow()
            s.add(invite)
            record(s, actor, action, "invitation", invitation_id, candidate_id=invite.candidate_id)
    return True


def issue_invite(db: Database, actor: Actor, candidate_id: int, ttl_days: int | None = None) -> IssuedInvite:
    """Issue a new link (any earlier link of this candidate stops working) and e-mail it when SMTP is set up."""
    settings = get_settings()
    days = settings.invite_ttl_days if ttl_days is None else ttl_days
    with db.write() as s:
        candidate, campaign = candidate_for(s, actor, candidate_id, policy.can_manage_candidates)
        if candidate.erased_at is not None:
            raise InvalidInput()
        token, invite, replaced = _new_link(s, candidate, campaign, actor.user_id if isinstance(actor, Staff)
                                            else None, days, utcnow())
        record(s, actor, "invite.issue", "candidate", candidate_id, invitation_id=invite.id, replaced=replaced)
        invitation_id, expires = int(invite.id or 0), invite.expires_at
    url = settings.invite_url(token)
    if not (mail_enabled(settings) and candidate.email):
        return IssuedInvite(token, url, replaced)
    try:
        sender = SenderIdentity.from_settings(settings)
        to = Recipient(candidate.name, candidate.email, campaign.language)
        build = resent_link_message if replaced else invitation_message
        message = build(sender, to, _job(campaign, sender), link=url, deadline=expires)
    except (MailError, ValueError) as exc:
        log.warning("invitation %s could not be built: %s", invitation_id, exc)
        return IssuedInvite(token, url, replaced, mail_failed=True)
    sent = _deliver(db, settings, invitation_id, message, "invite.email", actor)
    return IssuedInvite(token, url, replaced, emailed=sent, mail_failed=not sent)


# --- reminders --------------------------------------------------------------------------------

def send_reminders(db: Database, actor: Actor, *, clock: Clock = utcnow) -> int:
    """E-mail one reminder to each candidate whose deadline is near (see mail.reminders); returns how many
    were sent. `clock` is injected so tests run on a fake time."""
    require(policy.can_send_reminders(actor))
    settings = get_settings()
    if not mail_enabled(settings):
        return 0
    now = clock()
    with db.read() as s:
        rows = {r.invitation.id: r for r in queries.reminder_candidates(session=s)}
    states = [InvitationState(int(r.invitation.id or 0), r.candidate.id or 0, r.invitation.sent_at or now,
                              r.invitation.expires_at, r.invitation.opened_at,
                              r.attempt.submitted_at if r.attempt else None, r.invitation.last_reminder_at)
              for r in rows.values()]
    sender = SenderIdentity.from_settings(settings)
    help_url = settings.public_base_url.rstrip("/") + "/"   # the start page, where "I lost my link" is
    sent = 0
    for due in plan_reminders(states, now):
        row = rows[due.invitation_id]
        # The original link keeps working (tokens are stored hashed, so it cannot be repeated): the reminder
        # points to the first e-mail and to the start page for a new link.
        message = reminder_message(sender, Recipient(row.candidate.name, row.candidate.email, row.campaign.language),
                                   _job(row.campaign, sender), deadline=due.deadline,
                                   invited_at=row.invitation.sent_at, started=due.started, help_url=help_url)
        sent += _deliver(db, settings, due.invitation_id, message, "invite.remind", actor)
    return sent


# --- "I lost my link" -------------------------------------------------------------------------

def _lost_link_key(address: str) -> str:
    return "lostlink:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def request_lost_link(db: Database, actor: Actor, email: str, *, clock: Clock = utcnow) -> None:
    """E-mail a new link to every live candidate with this address. The caller learns nothing: the same
    (empty) answer whether the address is known, unknown, invalid or throttled. Requests per address are
    throttled like sign-in failures (domain.throttle): a few are free, then each waits longer."""
    require(policy.can_request_lost_link(actor))
    settings = get_settings()
    try:
        address = normalise_email(clean(email, limit=320))
    except (CredentialError, ValueError):
        return
    now = clock()
    key = _lost_link_key(address)
    with db.write() as s:
        row = s.get(SignInFailure, key) or SignInFailure(key=key, failures=0, last_failed_at=now)
        if delay_after(row.failures, now - as_utc(row.last_failed_at)) > 0:
            return
        if now - as_utc(row.last_failed_at) >= timedelta(hours=24):
            row.failures = 0
        row.failures, row.last_failed_at = row.failures + 1, now
        s.add(row)
        if not mail_enabled(settings):
            return
        issued: list[tuple[str, int, Candidate, Campaign, datetime]] = []
        for candidate, campaign in queries.live_candidates_with_email(session=s, email=address):
            attempt = queries.attempt_of(session=s, candidate_id=int(candidate.id or 0))
            if attempt is not None and attempt.submitted_at is not None:
                continue
            if campaign.deadline_at is not None and as_utc(campaign.deadline_at) <= now:
                continue
            token, invite, _ = _new_link(s, candidate, campaign, None, settings.invite_ttl_days, now)
            record(s, actor, "invite.lost_link", "candidate", candidate.id, invitation_id=invite.id)
            issued.append((token, int(invite.id or 0), candidate, campaign, invite.expires_at))
    if not issued:
        return
    try:
        sender = SenderIdentity.from_settings(settings)
    except MailError as exc:
        log.warning("lost-link e-mail not sent: %s", exc)
        return
    for token, invitation_id, candidate, campaign, expires in issued:
        message = lost_link_message(sender, Recipient(candidate.name, candidate.email, campaign.language),
                                    _job(campaign, sender), link=settings.invite_url(token), deadline=expires)
        _deliver(db, settings, invitation_id, message, "invite.email", actor)
