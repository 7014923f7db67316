"""Who is acting, and what each role may reach."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from screening.services.errors import NotFound, PermissionDenied
from screening.store.models import Campaign, CampaignShare, Candidate


@dataclass(frozen=True)
class Staff:
    user_id: int
    role: str
    name: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def require_role(actor: Staff, *roles: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied()


def visible_campaign_ids(session: Session, actor: Staff) -> set[int] | None:
    """None means every campaign (admin)."""
    if actor.is_admin:
        return None
    owned = session.exec(select(Campaign.id).where(Campaign.owner_id == actor.user_id)).all()
    shared = session.exec(select(CampaignShare.campaign_id).where(CampaignShare.user_id == actor.user_id)).all()
    return {int(i) for i in [*owned, *shared] if i is not None}


def campaign_for(session: Session, actor: Staff, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound()
    allowed = visible_campaign_ids(session, actor)
    if allowed is not None and campaign_id not in allowed:
        raise PermissionDenied()
    return campaign


def candidate_for(session: Session, actor: Staff, candidate_id: int) -> tuple[Candidate, Campaign]:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound()
    return candidate, campaign_for(session, actor, candidate.campaign_id)
