"""The demo loads once, is labelled as demo everywhere, and leaves a candidate ready to take the test."""

from __future__ import annotations

from sqlmodel import select

from screening.demo import load_demo
from screening.domain.actors import CandidateActor, Staff
from screening.services import attempts, profiles
from screening.store.engine import Database, build_engine
from screening.store.models import Campaign, Candidate, Rating


def test_demo_is_labelled_idempotent_and_rated_by_two_interviewers(sqlite_url):
    db = Database(build_engine(sqlite_url))
    first = load_demo(db)
    second = load_demo(db)
    assert first.created and not second.created
    with db.read() as s:
        people = s.exec(select(Candidate)).all()
        campaigns = s.exec(select(Campaign)).all()
        raters = {r.rater_id for r in s.exec(select(Rating)).all()}
    assert len(people) == 6 and all(c.is_demo and c.name.startswith(("DEMO", "DÉMO")) for c in people)
    assert {c.language for c in campaigns} == {"en", "fr"} and all(c.is_demo for c in campaigns)
    assert len(raters) == 2
    token = second.invite_url.split("invite=")[1]
    assert attempts.open_attempt(db, CandidateActor(token)).candidate_name == "DEMO Rahul Iyer"
    hostile = next(c for c in people if "<b>" in c.name)
    profile = profiles.candidate_profile(db, Staff(0, "admin"), int(hostile.id))
    assert profile.meta.is_demo and any(s.quote and "<script>" in s.quote.text for s in profile.skills)
