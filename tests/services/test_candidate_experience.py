"""The candidate's rights and the fairness rules, on SQLite and PostgreSQL: human review and withdrawal
requests, the server-enforced time limit and extra time, two tabs (the later save wins, the older view is told),
feedback without keys or scores, and a dropped database connection mid-test."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import attempts, campaigns, candidate_requests, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.services.errors import InvalidInput, InvalidInvite, PermissionDenied
from screening.store.engine import Database
from screening.store.models import Answer, Attempt, AuditEvent, Candidate, CandidateRequest, utcnow
from tests.factories import World, answer_everything, world

HOSTILE = "<script>alert(1)</script> :red[x] **bold** \u202eRTL 😀"


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


def test_a_review_request_is_recorded_for_the_recruiter_and_audited_without_its_words(db):
    w = world(db)
    link = CandidateActor(w.token)
    answer_everything(db, w.token)
    attempts.submit(db, link)
    attempts.request_review(db, link, HOSTILE)  # after submitting: the link still reaches one's own record
    rows = candidate_requests.campaign_requests(db, w.recruiter, w.campaign_id)
    assert [(r.candidate_id, r.kind, r.message, r.handled_at) for r in rows] == [
        (w.candidate_id, "review", HOSTILE, None)]
    event = _events(db, "candidate.request_review")[0]
    assert event.actor_kind == "candidate" and event.actor_id == w.candidate_id
    assert HOSTILE not in str(event.details) and event.details["message_length"] == len(HOSTILE)
    with pytest.raises(PermissionDenied):
        candidate_requests.campaign_requests(db, w.other_recruiter, w.campaign_id)
    candidate_requests.mark_handled(db, w.recruiter, rows[0].request_id)
    assert candidate_requests.campaign_requests(db, w.recruiter, w.campaign_id)[0].handled_at is not None
    assert len(_events(db, "candidate_request.handled")) == 1


def test_withdrawal_erases_the_person_and_their_answers_and_revokes_the_link(db):
    w = world(db)
    link = CandidateActor(w.token)
    answer_everything(db, w.token, text="My own story about a refund, with my name Amina in it.")
    attempts.request_review(db, link, "Please look again")
    attempts.withdraw(db, link)  # before submitting
    with db.read() as s:
        candidate = s.get(Candidate, w.candidate_id)
        answers = s.exec(select(Answer)).all()
        requests = s.exec(select(CandidateRequest).order_by(CandidateRequest.id)).all()
    assert candidate.name == f"erased #{w.candidate_id}" and candidate.email == "" and candidate.erased_at
    assert answers and all(a.text == "" and a.response == {} for a in answers)
    assert [(r.kind, r.message) for r in requests] == [("review", ""), ("withdrawal", "")]
    with pytest.raises(InvalidInvite):
        attempts.open_attempt(db, link)
    rows = candidate_requests.campaign_requests(db, w.recruiter, w.campaign_id)
    assert rows[0].kind == "withdrawal" and rows[0].candidate_name == f"erased #{w.candidate_id}"
    assert len(_events(db, "candidate.withdraw")) == 1


def _timed(db: Database, minutes: int = 30) -> tuple[World, CandidateActor, int]:
    w = world(db)
    cid = campaigns.create_campaign(db, w.recruiter, CampaignDraft(
        name="Timed", skills=["empathy"], written_questions=1, time_limit_minutes=minutes))
    candidate_id = candidates.add_candidate(db, w.recruiter, cid, "Lea Martin")
    link = CandidateActor(invitations.issue_invite(db, w.recruiter, candidate_id).token)
    attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    return w, link, candidate_id


def _move_deadline(db: Database, candidate_id: int, delta: timedelta) -> None:
    with db.write() as s:
        attempt = s.exec(select(Attempt).where(Attempt.candidate_id == candidate_id)).one()
        attempt.deadline_at = utcnow() + delta
        s.add(attempt)


def test_time_limit_starts_at_consent_and_the_server_submits_when_it_runs_out(db):
    _, link, candidate_id = _timed(db, 30)
    view = attempts.open_attempt(db, link)
    assert view.time_limit == 30 and view.step == 0  # the practice item comes first
    assert timedelta(minutes=29) < view.deadline - utcnow() <= timedelta(minutes=30)
    item = view.sjt[0].item
    attempts.save_sjt_answer(db, link, item.id, {"best": item.options[0].id})
    _move_deadline(db, candidate_id, timedelta(seconds=-1))
    with pytest.raises(attempts.TimeUp):
        attempts.save_sjt_answer(db, link, item.id, {"best": item.options[1].id})
    after = attempts.open_attempt(db, link)
    assert after.submitted and after.timed_out
    assert after.answers[item.id] == {"best": item.options[0].id}  # the answer given in time is kept
    assert len(_events(db, "attempt.time_up")) == 1
    attempts.submit(db, link)  # harmless


def test_a_page_load_after_the_deadline_submits_and_extra_time_moves_the_deadline(db):
    w, link, candidate_id = _timed(db, 30)
    _move_deadline(db, candidate_id, timedelta(seconds=-5))
    attempts.extend_time(db, w.recruiter, candidate_id, 15)  # an accommodation before it was noticed
    view = attempts.open_attempt(db, link)
    assert not view.submitted and timedelta(minutes=14) < view.deadline - utcnow() <= timedelta(minutes=15)
    event = _events(db, "attempt.extra_time")[0]
    assert (event.details["before"], event.details["after"]) == (0, 15)
    with pytest.raises(PermissionDenied):
        attempts.extend_time(db, w.other_recruiter, candidate_id, 30)
    with pytest.raises(InvalidInput):
        attempts.extend_time(db, w.recruiter, candidate_id, -5)
    attempts.extend_time(db, w.recruiter, candidate_id, 0)
    assert attempts.open_attempt(db, link).submitted  # back to the plain limit: already over
    with pytest.raises(InvalidInput):
        attempts.extend_time(db, w.recruiter, candidate_id, 10)  # too late once submitted


def test_two_tabs_the_later_save_wins_and_the_older_view_is_told(db):
    w = world(db)
    link = CandidateActor(w.token)
    attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    tab_a = attempts.open_attempt(db, link)
    tab_b = attempts.open_attempt(db, link)
    item = tab_a.sjt[0].item
    first = attempts.save_sjt_answer(db, link, item.id, {"best": item.options[0].id}, tab_a.version)
    assert first == attempts.Saved(tab_a.version + 1, False)
    late = attempts.save_sjt_answer(db, link, item.id, {"best": item.options[1].id}, tab_b.version)
    assert late.stale and late.version == tab_a.version + 2
    assert attempts.open_attempt(db, link).answers[item.id] == {"best": item.options[1].id}  # later wins
    question = tab_a.written[0].id
    again = attempts.save_written_answer(db, link, question, "From tab A", first.version)
    assert again.stale  # tab A had not seen tab B's save


def test_feedback_names_strengths_and_one_tip_per_family_without_keys_or_scores(db):
    w = world(db, language="fr")
    with db.write() as s:
        from screening.store.models import Campaign
        campaign = s.get(Campaign, w.campaign_id)
        campaign.candidate_feedback = True
        s.add(campaign)
    link = CandidateActor(w.token)
    answer_everything(db, w.token)
    assert attempts.candidate_feedback(db, link) is None  # not before submitting
    attempts.submit(db, link)
    feedback = attempts.candidate_feedback(db, link)
    assert feedback is not None and feedback.strengths and feedback.tips
    from screening.services._catalog import get_catalog
    from screening.services._plans import get_plans
    catalog = get_catalog(db)
    skills = catalog.framework.skill_by_id
    assert set(feedback.strengths) <= {skills[sid].name.fr for sid in ("empathy", "de_escalating_language",
                                                                       "written_communication")}
    families = {catalog.framework.skill_by_id[sid].family_id for sid in ("empathy", "de_escalating_language",
                                                                        "written_communication")}
    assert len(feedback.tips) <= len(families) and len({tip.family for tip in feedback.tips}) == len(feedback.tips)
    all_tips = {tip for sid in catalog.framework.skill_by_id for tip in get_plans().for_skill(sid, "fr")}
    assert all(tip.tip in all_tips for tip in feedback.tips)
    shown = [*feedback.strengths, *(tip.family for tip in feedback.tips)]
    assert not any(sid in " ".join(shown) for sid in skills)  # names, never keys
    assert not any(ch.isdigit() for ch in " ".join(shown))    # no scores or levels


def test_feedback_is_off_unless_the_campaign_allows_it(db):
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    assert attempts.candidate_feedback(db, CandidateActor(w.token)) is None


def test_the_next_answer_saves_after_the_database_drops_the_apps_connections(pg_url):
    from screening.store.engine import build_engine

    # a name of its own, so only this app's connections are cut (never the fixture's, nor another test's)
    name = f"cand_{uuid.uuid4().hex[:10]}"
    engine = build_engine(f"{pg_url}&application_name={name}")
    db = Database(engine)
    w = world(db)
    link = CandidateActor(w.token)
    view = attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    item = view.sjt[0].item
    attempts.save_sjt_answer(db, link, item.id, {"best": item.options[0].id})
    killer = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with killer.connect() as conn:
        killed = conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND pid <> pg_backend_pid() AND application_name = :name"),
                              {"name": name}).all()
    killer.dispose()
    assert killed  # the app's pooled connection was among them
    attempts.save_written_answer(db, link, view.written[0].id, "Saved after the connection dropped.")
    assert attempts.open_attempt(db, link).texts[view.written[0].id] == "Saved after the connection dropped."
    engine.dispose()
