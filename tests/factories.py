"""Small builders the service and app tests share: staff, a campaign with candidates, a taken test."""

from __future__ import annotations

from dataclasses import dataclass

from screening.domain.actors import CandidateActor, Staff, SystemActor
from screening.services import attempts, auth, campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database

PASSWORD = "correct horse battery"
SKILLS = ["empathy", "de_escalating_language", "written_communication"]


@dataclass(frozen=True)
class World:
    admin: Staff
    recruiter: Staff
    other_recruiter: Staff
    lead: Staff
    campaign_id: int
    candidate_id: int
    token: str


def staff(db: Database, email: str, role: str) -> Staff:
    user_id = auth.create_user(db, SystemActor("test"), email=email, name=email.split("@")[0].title(), role=role,
                               password=PASSWORD)
    return Staff(user_id, role, email.split("@")[0].title())


def world(db: Database, language: str = "en") -> World:
    admin = staff(db, "admin@example.org", "admin")
    recruiter = staff(db, "rec@example.org", "recruiter")
    other = staff(db, "other@example.org", "recruiter")
    lead = staff(db, "lead@example.org", "lead")
    campaign_id = campaigns.create_campaign(db, recruiter, CampaignDraft(
        name="Chat advisors", skills=SKILLS, language=language, target_profile_id="customer_advisor"))
    campaigns.share_campaign(db, recruiter, campaign_id, "lead@example.org")
    candidate_id = candidates.add_candidate(db, recruiter, campaign_id, "Amina Diallo", "amina@example.org")
    token = invitations.issue_invite(db, recruiter, candidate_id).token
    return World(admin, recruiter, other, lead, campaign_id, candidate_id, token)


def answer_everything(db: Database, token: str, text: str = "") -> None:
    """Answer every SJT item with the keyed best and worst (or the key itself) and every written question."""
    view = attempts.open_attempt(db, CandidateActor(token))
    attempts.give_consent(db, CandidateActor(token))
    for planned in view.sjt:
        item = planned.item
        ranked = sorted(item.options, key=lambda o: o.key)
        if item.response_format == "best_worst":
            attempts.save_sjt_answer(db, CandidateActor(token), item.id, {"best": ranked[-1].id, "worst": ranked[0].id})
        else:
            attempts.save_sjt_answer(db, CandidateActor(token), item.id,
                                     {"ratings": {o.id: o.key for o in item.options}})
    for question in view.written:
        attempts.save_written_answer(db, CandidateActor(token), question.id,
                                     text or question.exemplars_in(view.language)[0].text)


def second_namesake(db: Database, w: World) -> int:
    """A second "Amina Diallo" in the world's campaign, with her own e-mail; both have taken the test."""
    twin = candidates.add_candidate(db, w.recruiter, w.campaign_id, "Amina Diallo", "a.diallo@example.net")
    for candidate_id in (w.candidate_id, twin):
        token = invitations.issue_invite(db, w.recruiter, candidate_id).token
        answer_everything(db, token)
        attempts.submit(db, CandidateActor(token))
    return twin
