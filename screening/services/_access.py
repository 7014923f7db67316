"""Loading what the policy needs (a campaign's owner and shares) and refusing when it says no.

Infrastructure for the service modules: no entry point lives here.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from screening.domain import policy
from screening.domain.actors import Actor, CandidateActor, Staff
from screening.domain.policy import CampaignAccess
from screening.domain.tokens import token_hash
from screening.services.errors import InvalidInvite, NotFound, PermissionDenied
from screening.store.models import Attempt, Campaign, CampaignShare, Candidate, Invitation, User, utcnow


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied()


def access_of(s: Session, campaign: Campaign) -> CampaignAccess:
    shared = s.exec(select(CampaignShare.user_id).where(CampaignShare.campaign_id == campaign.id)).all()
    return CampaignAccess(int(campaign.id or 0), campaign.owner_id, frozenset(int(u) for u in shared))


CampaignRule = Callable[[Actor, CampaignAccess], bool]


def campaign_for(s: Session, actor: Actor, campaign_id: int, rule: CampaignRule) -> Campaign:
    """The campaign, once `rule` allows this actor on it. Unknown and forbidden look alike to outsiders."""
    require(isinstance(actor, Staff) or policy.sees_every_campaign(actor))
    campaign = s.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound()
    require(rule(actor, access_of(s, campaign)))
    return campaign


def candidate_for(s: Session, actor: Actor, candidate_id: int, rule: CampaignRule) -> tuple[Candidate, Campaign]:
    require(isinstance(actor, Staff) or policy.sees_every_campaign(actor))
    candidate = s.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound()
    return candidate, campaign_for(s, actor, candidate.campaign_id, rule)


def visible_campaign_ids(s: Session, actor: Actor) -> set[int] | None:
    """None means every campaign."""
    if policy.sees_every_campaign(actor):
        return None
    if not isinstance(actor, Staff):
        return set()
    owned = s.exec(select(Campaign.id).where(Campaign.owner_id == actor.user_id)).all()
    shared = s.exec(select(CampaignShare.campaign_id).where(CampaignShare.user_id == actor.user_id)).all()
    return {int(i) for i in [*owned, *shared] if i is not None}


def user_names(s: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {int(u.id or 0): u.name for u in s.exec(select(User).where(col(User.id).in_(ids))).all()}


def live_invitation(s: Session, actor: Actor) -> Invitation:
    """The live invitation behind a candidate's link, or InvalidInvite (one message for every failure)."""
    require(policy.can_answer(actor))
    token = actor.token if isinstance(actor, CandidateActor) else ""
    if not token or len(token) > 200:
        raise InvalidInvite()
    invite = s.exec(select(Invitation).where(Invitation.token_hash == token_hash(token))).first()
    if invite is None or invite.revoked_at is not None or invite.expires_at <= utcnow():
        raise InvalidInvite()
    attempt = s.exec(select(Attempt).where(Attempt.candidate_id == invite.candidate_id)).first()
    if attempt is not None and attempt.submitted_at is not None:
        raise InvalidInvite("error.invite_used")
    return invite
