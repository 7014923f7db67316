"""Loading what the policy needs (a campaign's owner and shares) and refusing when it says no.

Infrastructure for the service modules: no entry point lives here.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.policy import CampaignAccess
from screening.services.errors import NotFound, PermissionDenied
from screening.store import queries
from screening.store.models import Campaign, Candidate


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied()


def access_of(s: Session, campaign: Campaign) -> CampaignAccess:
    campaign_id = int(campaign.id or 0)
    return CampaignAccess(campaign_id, campaign.owner_id, queries.shared_user_ids(session=s, campaign_id=campaign_id))


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
