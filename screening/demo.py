"""Demo data, clearly labelled: every demo campaign and candidate carries is_demo, and names say DEMO.

Loaded through the same services the app uses, so the demo exercises the real paths.
Candidates' answers are simulated from a seeded random generator (SJT) and taken from the
banks' exemplar answers (written and live interview answers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlmodel import col, select

from screening.domain.actors import CandidateActor, Staff, SystemActor
from screening.services import attempts, auth, campaigns, candidates, interviews, invitations, profiles
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database
from screening.store.models import Candidate, User

DEMO_PASSWORD = "demo-password"
DEMO_DOMAIN = "@demo.example"
SYSTEM = SystemActor("demo")
ACCOUNTS = (("admin@demo.example", "Demo Admin", "admin"),
            ("recruiter@demo.example", "Ana Ruiz (demo recruiter)", "recruiter"),
            ("recruiter2@demo.example", "Kofi Mensah (demo recruiter)", "recruiter"),
            ("lead@demo.example", "Mei Tanaka (demo hiring lead)", "lead"))
HOSTILE = ("<b>bold</b> <font color=red>red</font> & [click me](http://example.com) :red[alert] $x^2$ "
           "**markdown** <script>alert(1)</script> 😀 שלום مرحبا")


@dataclass(frozen=True)
class DemoResult:
    accounts: tuple[tuple[str, str, str], ...]
    invite_url: str
    created: bool


def load_demo(db: Database) -> DemoResult:
    """Create the demo once; on later runs only issue a fresh invite link for the waiting candidate."""
    with db.read() as s:
        existing = s.exec(select(User).where(User.email == ACCOUNTS[0][0])).first()
    if existing is None:
        ids = {email: auth.create_user(db, SYSTEM, email=email, name=name, role=role, password=DEMO_PASSWORD)
               for email, name, role in ACCOUNTS}
        created = True
    else:
        with db.read() as s:
            ids = {u.email: int(u.id) for u in s.exec(select(User)).all()}  # type: ignore[arg-type]
        created = False
    recruiter = Staff(ids["recruiter@demo.example"], "recruiter")
    second = Staff(ids["recruiter2@demo.example"], "recruiter")
    if created:
        _campaign(db, recruiter, second, "DEMO – Customer advisor, phone and chat", "en", "customer_advisor",  # noqa: RUF001 (a typographic dash)
                  [("DEMO Jonas Berg", False), ("DEMO Amina Diallo", False), ("DEMO Lucía Torres <b>&</b>", True)])
        _campaign(db, recruiter, second, "DÉMO – Conseiller réclamations et fidélisation", "fr",  # noqa: RUF001
                  "complaints_retention", [("DÉMO Théo Marchand", False), ("DÉMO Inès Haddad", False)])
        decide_first(db)
    with db.read() as s:
        waiting = s.exec(select(Candidate).where(Candidate.name == "DEMO Rahul Iyer")).first()
    if waiting is None:
        en_campaign = next(c for c in campaigns.list_campaigns(db, recruiter) if c.language == "en")
        waiting_id = candidates.add_candidate(db, recruiter, int(en_campaign.id),  # type: ignore[arg-type]
                                              "DEMO Rahul Iyer", is_demo=True)
    else:
        waiting_id = int(waiting.id)  # type: ignore[arg-type]
    invite = invitations.issue_invite(db, recruiter, waiting_id)
    accounts = tuple((email, DEMO_PASSWORD, role) for email, _, role in ACCOUNTS)
    return DemoResult(accounts, invite.url, created)


def _campaign(db: Database, recruiter: Staff, second: Staff, name: str, lang: str, target: str,
              people: list[tuple[str, bool]]) -> None:
    """A campaign measuring every skill of its target profile, as a recruiter would set it up."""
    skills = list(campaigns.reference_catalog(db, recruiter).targets[target].weight_by_skill)
    campaign_id = campaigns.create_campaign(db, recruiter, CampaignDraft(
        name=name, skills=skills, language=lang, job_title=name.split("–")[-1].strip(),  # noqa: RUF001
        target_profile_id=target, written_questions=2, sjt_items_per_candidate=12,
        sjt_method="within_person"), is_demo=True)
    campaigns.share_campaign(db, recruiter, campaign_id, "lead@demo.example")
    campaigns.share_campaign(db, recruiter, campaign_id, "recruiter2@demo.example")
    for n, (person, hostile) in enumerate(people):
        rng = random.Random(f"{name}-{n}")
        candidate_id = candidates.add_candidate(db, recruiter, campaign_id, person, is_demo=True)
        token = invitations.issue_invite(db, recruiter, candidate_id).token
        _take_test(db, CandidateActor(token), rng, hostile, skill_bias=0.55 + 0.15 * n)
        _interview(db, recruiter, second, candidate_id, rng, hostile)


def _take_test(db: Database, token: CandidateActor, rng: random.Random, hostile: bool, skill_bias: float) -> None:
    view = attempts.open_attempt(db, token)
    attempts.give_consent(db, token)
    for planned in view.sjt:
        item = planned.item
        ranked = sorted(item.options, key=lambda o: o.key)
        if item.response_format == "best_worst":
            best = ranked[-1] if rng.random() < skill_bias else rng.choice(ranked[1:-1] or ranked)
            worst = ranked[0] if rng.random() < skill_bias else rng.choice([o for o in ranked if o != best])
            attempts.save_sjt_answer(db, token, item.id, {"best": best.id, "worst": worst.id})
        else:
            ratings = {o.id: max(1, min(5, o.key + rng.choice([-1, 0, 0, 1]))) for o in item.options}
            attempts.save_sjt_answer(db, token, item.id, {"ratings": ratings})
    for question in view.written:
        exemplars = question.exemplars_in(view.language)
        text = rng.choice(exemplars).text if exemplars else ""
        attempts.save_written_answer(db, token, question.id, f"{HOSTILE}\n\n{text}" if hostile else text)
    attempts.submit(db, token)


def _interview(db: Database, first: Staff, second: Staff, candidate_id: int, rng: random.Random,
               hostile: bool) -> None:
    view = interviews.console(db, first, candidate_id)
    for qv in view.questions:
        if qv.mode == "live":
            exemplars = qv.question.exemplars_in(view.language)
            exemplar = rng.choice(exemplars)
            answer = f"{HOSTILE} {exemplar.text}" if hostile else exemplar.text
            for rater in (first, second):
                interviews.save_live_answer(db, rater, candidate_id, qv.question.id, answer,
                                            "Demo notes: asked two probes.")
            base = exemplar.level
        else:
            base = 3
        for rater, offset in ((first, 0), (second, rng.choice([-1, 0, 0, 1, 2]))):
            interviews.rate(db, rater, candidate_id, qv.question.id, max(1, min(5, base + offset)),
                            "Demo rating: anchors read against the answer.")


def decide_first(db: Database, lead_email: str = "lead@demo.example") -> None:
    """Record one demo decision so the PDF shows a decision status."""
    with db.read() as s:
        lead = s.exec(select(User).where(User.email == lead_email)).one()
        first = s.exec(select(Candidate).where(col(Candidate.is_demo).is_(True)).order_by(col(Candidate.id))).first()
    if first is not None:
        profiles.record_decision(db, Staff(int(lead.id or 0), "lead"), int(first.id or 0), "advance",
                                 "Demo decision: strong de-escalation evidence.")
