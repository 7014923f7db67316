"""Campaigns: a job, the skills it measures, the items drawn for them, who may see it."""

from __future__ import annotations

from dataclasses import dataclass

from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.services._access import campaign_for, require
from screening.services._audit import record
from screening.services._catalog import Catalog, get_catalog
from screening.services._text import clean
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Campaign, CampaignShare, utcnow


@dataclass(frozen=True)
class CampaignDraft:
    name: str
    skills: list[str]
    language: str = "en"
    job_title: str = ""
    target_profile_id: str | None = None
    written_questions: int = 2           # in all, answered from the invite link; the rest are asked live
    sjt_method: str = "raw"
    sjt_items_per_candidate: int = 0     # 0 = all items for the skills


def create_campaign(db: Database, actor: Actor, draft: CampaignDraft, *, is_demo: bool = False,
                    owner_id: int | None = None) -> int:
    """`owner_id` lets the command line (demo data) create a campaign on a staff member's behalf."""
    require(policy.can_create_campaign(actor))
    owner = actor.user_id if isinstance(actor, Staff) else owner_id
    if owner is None:
        raise InvalidInput()
    catalog = get_catalog(db)
    name = clean(draft.name).strip()
    if not name:
        raise InvalidInput("error.campaign_name")
    unknown = [s for s in draft.skills if s not in catalog.framework.skill_by_id]
    if not draft.skills or unknown:
        raise InvalidInput("error.campaign_skills")
    if draft.language not in ("en", "fr") or draft.sjt_method not in ("raw", "within_person"):
        raise InvalidInput()
    if draft.target_profile_id and draft.target_profile_id not in catalog.targets:
        raise InvalidInput()
    skills = set(draft.skills)
    sjt = [i.id for i in catalog.bank.sjt_for_skills(skills)]
    # Every question for the skills is used. The first question of each skill, in the order the skills
    # were chosen, is answered in writing until the campaign's count is reached; the rest are live.
    chosen: list[str] = []
    firsts: list[str] = []
    for sid in draft.skills:
        mine = [q.id for q in catalog.bank.questions if q.skills[0] == sid] or \
            [q.id for q in catalog.bank.questions if sid in q.skills]
        new = [q for q in mine if q not in chosen]
        chosen += new
        firsts += new[:1]
    written = firsts[:max(0, draft.written_questions)]
    live = [q for q in chosen if q not in written]
    with db.write() as s:
        campaign = Campaign(name=name, job_title=clean(draft.job_title), language=draft.language,
                            target_profile_id=draft.target_profile_id, skills=list(draft.skills),
                            sjt_item_ids=sjt, written_question_ids=written, live_question_ids=live,
                            sjt_method=draft.sjt_method, sjt_items_per_candidate=draft.sjt_items_per_candidate,
                            owner_id=owner, is_demo=is_demo)
        s.add(campaign)
        s.flush()
        record(s, actor, "campaign.create", "campaign", campaign.id, skills=list(draft.skills))
        return int(campaign.id or 0)


def list_campaigns(db: Database, actor: Actor) -> list[Campaign]:
    require(policy.can_list_campaigns(actor))
    with db.read() as s:
        user_id = None if policy.sees_every_campaign(actor) or not isinstance(actor, Staff) else actor.user_id
        return list(queries.campaigns_for(session=s, user_id=user_id))


def get_campaign(db: Database, actor: Actor, campaign_id: int) -> Campaign:
    with db.read() as s:
        return campaign_for(s, actor, campaign_id, policy.can_view_campaign)


def reference_catalog(db: Database, actor: Actor) -> Catalog:
    """The framework, banks and target profiles staff choose from (no candidate data)."""
    require(policy.can_list_campaigns(actor))
    return get_catalog(db)


def share_campaign(db: Database, actor: Actor, campaign_id: int, email: str) -> None:
    """The owner (or an admin) shares a campaign with another recruiter or a hiring lead."""
    with db.write() as s:
        campaign_for(s, actor, campaign_id, policy.can_share_campaign)
        user = queries.user_by_email(session=s, email=clean(email).strip().lower())
        if user is None or user.role == "admin" or user.id is None:
            raise InvalidInput("error.share_unknown")
        if not queries.share_exists(session=s, campaign_id=campaign_id, user_id=user.id):
            s.add(CampaignShare(campaign_id=campaign_id, user_id=user.id))
            record(s, actor, "campaign.share", "campaign", campaign_id, user_id=user.id)


def close_campaign(db: Database, actor: Actor, campaign_id: int) -> None:
    """Close a campaign: retention counts from this moment. Closing twice keeps the first date."""
    with db.write() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_close_campaign)
        if campaign.closed_at is None:
            campaign.closed_at = utcnow()
            s.add(campaign)
            record(s, actor, "campaign.close", "campaign", campaign_id)
