"""Campaigns: a job, the skills it measures, the items drawn for them, who may see it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.estimates import estimated_minutes, items_per_candidate
from screening.domain.test_plans import draw_plan
from screening.mail.formatting import as_utc
from screening.services._access import access_of, campaign_for, require
from screening.services._audit import record
from screening.services._catalog import Catalog, get_catalog, without_keys
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Campaign, CampaignShare, utcnow
from screening.text import clean

SJT_METHODS = ("raw", "within_person")


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
    deadline_at: datetime | None = None  # when answering ends (None: each link's own expiry)
    time_limit_minutes: int | None = None  # None: untimed
    candidate_feedback: bool = False     # candidates see their strengths and tips after submitting


@dataclass(frozen=True)
class _Items:
    sjt: list[str]
    written: list[str]
    live: list[str]


@dataclass(frozen=True)
class Estimate:
    """What one candidate is given, and the minutes to allow for it."""

    sjt_items: int
    written_questions: int
    minutes: int


def _items(catalog: Catalog, draft: CampaignDraft) -> _Items:
    """Check the draft and choose its items. Every question for the skills is used: the first question of
    each skill, in the order the skills were chosen, is answered in writing until the campaign's count is
    reached; the rest are asked live."""
    if not clean(draft.name).strip():
        raise InvalidInput("error.campaign_name")
    unknown = [s for s in draft.skills if s not in catalog.framework.skill_by_id]
    if not draft.skills or unknown:
        raise InvalidInput("error.campaign_skills")
    if (draft.language not in ("en", "fr") or draft.sjt_method not in SJT_METHODS
            or draft.sjt_items_per_candidate < 0 or draft.written_questions < 0):
        raise InvalidInput()
    if draft.target_profile_id and draft.target_profile_id not in catalog.targets:
        raise InvalidInput()
    if draft.time_limit_minutes is not None and not 1 <= draft.time_limit_minutes <= 24 * 60:
        raise InvalidInput()
    if draft.deadline_at is not None and as_utc(draft.deadline_at) <= utcnow():
        raise InvalidInput("error.campaign_deadline_past")
    sjt = [i.id for i in catalog.bank.sjt_for_skills(set(draft.skills))]
    chosen: list[str] = []
    firsts: list[str] = []
    for sid in draft.skills:
        mine = [q.id for q in catalog.bank.questions if q.skills[0] == sid] or \
            [q.id for q in catalog.bank.questions if sid in q.skills]
        new = [q for q in mine if q not in chosen]
        chosen += new
        firsts += new[:1]
    written = firsts[:draft.written_questions]
    return _Items(sjt, written, [q for q in chosen if q not in written])


def _apply(campaign: Campaign, draft: CampaignDraft, items: _Items) -> None:
    campaign.name = clean(draft.name, limit=300).strip()
    campaign.job_title = clean(draft.job_title, limit=300).strip()
    campaign.language = draft.language
    campaign.target_profile_id = draft.target_profile_id or None
    campaign.skills = list(draft.skills)
    campaign.sjt_item_ids, campaign.written_question_ids, campaign.live_question_ids = \
        items.sjt, items.written, items.live
    campaign.sjt_method = draft.sjt_method
    campaign.sjt_items_per_candidate = draft.sjt_items_per_candidate
    campaign.deadline_at = as_utc(draft.deadline_at) if draft.deadline_at else None
    campaign.time_limit_minutes = draft.time_limit_minutes
    campaign.candidate_feedback = draft.candidate_feedback


def create_campaign(db: Database, actor: Actor, draft: CampaignDraft, *, is_demo: bool = False,
                    owner_id: int | None = None) -> int:
    """`owner_id` lets the command line (demo data) create a campaign on a staff member's behalf."""
    require(policy.can_create_campaign(actor))
    owner = actor.user_id if isinstance(actor, Staff) else owner_id
    if owner is None:
        raise InvalidInput()
    items = _items(get_catalog(db), draft)
    with db.write() as s:
        campaign = Campaign(name="", owner_id=owner, is_demo=is_demo)
        _apply(campaign, draft, items)
        s.add(campaign)
        s.flush()
        record(s, actor, "campaign.create", "campaign", campaign.id, skills=list(draft.skills))
        return int(campaign.id or 0)


def update_campaign(db: Database, actor: Actor, campaign_id: int, draft: CampaignDraft) -> None:
    """Change a campaign until its first invite; after that its items are fixed (candidates are compared on them)."""
    items = _items(get_catalog(db), draft)
    with db.write() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_edit_campaign)
        if campaign.first_invite_at is not None:
            raise InvalidInput("error.campaign_fixed")
        if campaign.archived_at is not None or campaign.closed_at is not None:
            raise InvalidInput("error.campaign_closed")
        before = list(campaign.skills)
        _apply(campaign, draft, items)
        s.add(campaign)
        record(s, actor, "campaign.update", "campaign", campaign_id, previous_skills=before,
               skills=list(draft.skills))


def close_campaign(db: Database, actor: Actor, campaign_id: int) -> None:
    """No new invitations or links from now on, and the retention period counts from here; links already
    sent keep working until they expire. Closing twice keeps the first date."""
    with db.write() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_edit_campaign)
        if campaign.closed_at is None:
            campaign.closed_at = utcnow()
            s.add(campaign)
            record(s, actor, "campaign.close", "campaign", campaign_id)


def archive_campaign(db: Database, actor: Actor, campaign_id: int) -> None:
    """Closed and out of the working lists; its data stays (retention decides when it goes)."""
    with db.write() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_edit_campaign)
        if campaign.archived_at is None:
            now = utcnow()
            campaign.closed_at = campaign.closed_at or now
            campaign.archived_at = now
            s.add(campaign)
            record(s, actor, "campaign.archive", "campaign", campaign_id)


def estimate(db: Database, actor: Actor, skills: list[str], *, sjt_items_per_candidate: int = 0,
             written_questions: int = 2) -> Estimate:
    """What a candidate would be given for these choices, and how long it takes (shown while choosing)."""
    require(policy.can_create_campaign(actor))
    catalog = get_catalog(db)
    known = [s for s in skills if s in catalog.framework.skill_by_id]
    if not known:
        return Estimate(0, 0, 0)
    items = _items(catalog, CampaignDraft(name="estimate", skills=known, written_questions=max(0, written_questions),
                                          sjt_items_per_candidate=max(0, sjt_items_per_candidate)))
    sjt = items_per_candidate(len(items.sjt), sjt_items_per_candidate)
    return Estimate(sjt, len(items.written), estimated_minutes(sjt, len(items.written)))


def _campaign_estimate(campaign: Campaign) -> Estimate:
    """The estimate for a saved campaign (plain arithmetic over its stored items)."""
    sjt = items_per_candidate(len(campaign.sjt_item_ids), campaign.sjt_items_per_candidate)
    written = len(campaign.written_question_ids)
    return Estimate(sjt, written, estimated_minutes(sjt, written))


@dataclass(frozen=True)
class PreviewSjt:
    item_id: str
    scenario: str
    options: tuple[str, ...]        # in a shuffled order, as a candidate would see them
    response_format: str


@dataclass(frozen=True)
class Preview:
    sjt: tuple[PreviewSjt, ...]
    written: tuple[str, ...]        # the prompts
    minutes: int


def preview_items(db: Database, actor: Actor, campaign_id: int, *, seed: int | None = None) -> Preview:
    """One candidate's draw, as they would see it: scenarios and options shuffled, no keys or rationales."""
    catalog = get_catalog(db)
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_preview_items)
    plan = draw_plan(catalog.bank, sjt_item_ids=campaign.sjt_item_ids,
                     written_question_ids=campaign.written_question_ids, skills=campaign.skills,
                     per_candidate=campaign.sjt_items_per_candidate, rng=random.Random(seed))
    language = campaign.language
    sjt = []
    for planned in plan["sjt"]:
        item = catalog.bank.sjt_at(planned["id"], planned["version"])
        if item is None:
            continue
        text = {o.id: o.text.get(language) for o in item.options}
        sjt.append(PreviewSjt(item.id, item.scenario.get(language), tuple(text[o] for o in planned["order"]),
                              item.response_format))
    written = tuple(q.prompt.get(language) for p in plan["written"]
                    if (q := catalog.bank.question_at(p["id"], p["version"])) is not None)
    return Preview(tuple(sjt), written, estimated_minutes(len(sjt), len(written)))


def list_campaigns(db: Database, actor: Actor, *, include_archived: bool = False) -> list[Campaign]:
    require(policy.can_list_campaigns(actor))
    with db.read() as s:
        user_id = None if policy.sees_every_campaign(actor) or not isinstance(actor, Staff) else actor.user_id
        rows = queries.campaigns_for(session=s, user_id=user_id)
    return [c for c in rows if include_archived or c.archived_at is None]


@dataclass(frozen=True)
class CampaignCard:
    """A campaign as the campaigns page lists it, with what this actor may do with it (the policy's answers)."""

    campaign: Campaign
    estimate: Estimate
    can_edit: bool          # owner or admin, and no invite issued yet
    can_close: bool         # owner or admin, still open
    can_archive: bool
    can_share: bool
    can_export: bool        # leads and admins: the results file


@dataclass(frozen=True)
class CampaignList:
    cards: tuple[CampaignCard, ...]
    can_create: bool


def campaign_cards(db: Database, actor: Actor, *, include_archived: bool = False) -> CampaignList:
    require(policy.can_list_campaigns(actor))
    cards = []
    with db.read() as s:
        user_id = None if policy.sees_every_campaign(actor) or not isinstance(actor, Staff) else actor.user_id
        for c in queries.campaigns_for(session=s, user_id=user_id):
            if c.archived_at is not None and not include_archived:
                continue
            access = access_of(s, c)
            owns = policy.can_edit_campaign(actor, access)
            cards.append(CampaignCard(c, _campaign_estimate(c), owns and c.first_invite_at is None
                                      and c.closed_at is None, owns and c.closed_at is None,
                                      owns and c.archived_at is None, policy.can_share_campaign(actor, access),
                                      policy.can_export_results(actor, access)))
    return CampaignList(tuple(cards), policy.can_create_campaign(actor))


def get_campaign(db: Database, actor: Actor, campaign_id: int) -> Campaign:
    with db.read() as s:
        return campaign_for(s, actor, campaign_id, policy.can_view_campaign)


def reference_catalog(db: Database, actor: Actor) -> Catalog:
    """The framework, banks and target profiles staff choose from (no candidate data). SJT keys only for
    those who manage banks: any staff member may be an expert rating those keys blind."""
    require(policy.can_list_campaigns(actor))
    catalog = get_catalog(db)
    return catalog if policy.can_manage_banks(actor) else without_keys(catalog)


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


