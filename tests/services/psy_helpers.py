"""Campaigns whose candidates took the SJT with known answers, for the psychometrics service tests."""

from __future__ import annotations

from screening.banks import SjtItem
from screening.domain.actors import CandidateActor, Staff
from screening.services import attempts, campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database


def answer_for(item: SjtItem, good: bool) -> dict:
    """The keyed answer (good) or its exact opposite."""
    ranked = sorted(item.options, key=lambda o: o.key)
    if item.response_format == "best_worst":
        best, worst = (ranked[-1], ranked[0]) if good else (ranked[0], ranked[-1])
        return {"best": best.id, "worst": worst.id}
    return {"ratings": {o.id: (o.key if good else 6 - o.key) for o in item.options}}


def take_test(db: Database, recruiter: Staff, campaign_id: int, name: str, good: set[str] | bool) -> int:
    """Add a candidate who answers every SJT item (keyed, or the opposite: `good` is a bool for every item or
    the ids of the items answered as keyed) and submits."""
    cid = candidates.add_candidate(db, recruiter, campaign_id, name)
    link = CandidateActor(invitations.issue_invite(db, recruiter, cid).token)
    view = attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    for planned in view.sjt:
        flag = planned.item.id in good if isinstance(good, set) else good
        attempts.save_sjt_answer(db, link, planned.item.id, answer_for(planned.item, flag))
    attempts.submit(db, link)
    return cid


def patience_campaign(db: Database, owner: Staff, lead_email: str | None = None) -> int:
    campaign_id = campaigns.create_campaign(db, owner, CampaignDraft(name="Patience", skills=["patience"],
                                                                     written_questions=0))
    if lead_email:
        campaigns.share_campaign(db, owner, campaign_id, lead_email)
    return campaign_id
