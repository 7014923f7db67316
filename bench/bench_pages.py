"""What a page waits for with 200 candidates in a campaign (SQLite): the lead's scored overview
and the recruiter's status list, run side by side."""

from __future__ import annotations

import tempfile

from bench.stats import entry, median, p95, timings
from screening.domain.actors import CandidateActor, Staff
from screening.services import attempts, campaigns, candidates, invitations, profiles
from screening.services.auth import create_user
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database, build_engine
from screening.store.migrate import upgrade

CANDIDATES = 200


def _seed(db: Database) -> tuple[Staff, int]:
    rec = Staff(create_user(db, email="rec@bench.local", name="r", role="recruiter", password="bench-password"),
                "recruiter")
    cid = campaigns.create_campaign(db, rec, CampaignDraft(
        name="bench", skills=["empathy", "patience", "active_listening"], sjt_items_per_candidate=6))
    for n in range(CANDIDATES):
        token = invitations.issue_invite(db, rec, candidates.add_candidate(db, rec, cid, f"C{n}")).token
        view = attempts.open_attempt(db, CandidateActor(token))
        attempts.give_consent(db, CandidateActor(token))
        for planned in view.sjt:
            options = planned.item.options
            attempts.save_sjt_answer(db, CandidateActor(token), planned.item.id,
                                     {"best": options[n % 2].id, "worst": options[2].id, "ratings":
                                      {o.id: 1 + (n + k) % 5 for k, o in enumerate(options)}})
        attempts.submit(db, CandidateActor(token))
    return rec, cid


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/pages.db"
        upgrade(url)
        db = Database(build_engine(url))
        rec, cid = _seed(db)
        overview = timings(lambda: profiles.campaign_overview(db, rec, cid), repeat=7)
        statuses = timings(lambda: candidates.candidate_statuses(db, rec, cid), repeat=15)
        db.engine.dispose()
    return [entry("pages.lead_overview_200.median", median(overview) * 1000, "ms", 1000, "lower", "sqlite"),
            entry("pages.lead_overview_200.p95", p95(overview) * 1000, "ms", None, "lower", "sqlite"),
            entry("pages.recruiter_statuses_200.median", median(statuses) * 1000, "ms", 100, "lower", "sqlite"),
            entry("pages.overview_over_statuses", median(overview) / median(statuses), "ratio", None, "lower",
                  "sqlite")]
