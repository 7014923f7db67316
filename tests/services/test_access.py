"""Invite links and roles: a bad token reveals nothing; no role reaches another's data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import attempts, auth, candidates, interviews, invitations, profiles
from screening.services.errors import InvalidInvite, PermissionDenied
from screening.store.models import Invitation, utcnow
from tests.factories import PASSWORD, answer_everything, world


@pytest.mark.parametrize("token", ["", "forged-token", "x" * 5000])
def test_forged_tokens_are_refused_with_one_plain_message(db, token):
    world(db)
    with pytest.raises(InvalidInvite) as exc:
        attempts.open_attempt(db, CandidateActor(token))
    assert exc.value.key == "error.invite_invalid"


def test_expired_reissued_and_submitted_links_stop_working(db):
    w = world(db)
    with db.write() as s:
        inv = s.exec(select(Invitation)).one()
        inv.expires_at = utcnow() - timedelta(minutes=1)
        s.add(inv)
    with pytest.raises(InvalidInvite):
        attempts.open_attempt(db, CandidateActor(w.token))
    fresh = invitations.issue_invite(db, w.recruiter, w.candidate_id).token
    second = invitations.issue_invite(db, w.recruiter, w.candidate_id).token
    with pytest.raises(InvalidInvite):
        attempts.open_attempt(db, CandidateActor(fresh))  # replaced by the newer link
    answer_everything(db, second)
    attempts.submit(db, CandidateActor(second))
    with pytest.raises(InvalidInvite) as exc:
        attempts.save_written_answer(db, CandidateActor(second), "any", "late answer")
    assert exc.value.key == "error.invite_used"


def test_tokens_are_stored_hashed(db):
    w = world(db)
    with db.read() as s:
        stored = [i.token_hash for i in s.exec(select(Invitation)).all()]
    assert w.token not in stored and len(stored[0]) == 64


def test_recruiter_does_not_reach_an_unshared_campaign(db):
    w = world(db)
    with pytest.raises(PermissionDenied):
        candidates.list_candidates(db, w.other_recruiter, w.campaign_id)
    with pytest.raises(PermissionDenied):
        interviews.console(db, w.other_recruiter, w.candidate_id)
    with pytest.raises(PermissionDenied):
        auth.list_users(db, w.recruiter)


def test_hiring_lead_reads_profiles_but_cannot_rate(db):
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    assert profiles.candidate_profile(db, w.lead, w.candidate_id).meta.candidate_name == "Amina Diallo"
    qid = interviews.console(db, w.recruiter, w.candidate_id).questions[0].question.id
    with pytest.raises(PermissionDenied):
        interviews.rate(db, w.lead, w.candidate_id, qid, 5, "note")
    with pytest.raises(PermissionDenied):
        profiles.record_decision(db, w.recruiter, w.candidate_id, "advance", "reason")


def test_wrong_password_and_unknown_email_fail_alike(db):
    world(db)
    with pytest.raises(auth.LoginFailed) as wrong:
        auth.login(db, None, email="rec@example.org", password="not the password", client="10.0.0.1")
    with pytest.raises(auth.LoginFailed) as unknown:
        auth.login(db, None, email="nobody@example.org", password=PASSWORD, client="10.0.0.1")
    assert wrong.value.key == unknown.value.key == "error.login_failed"
    actor, session_id = auth.login(db, None, email="REC@example.org ", password=PASSWORD, client="10.0.0.1")
    assert auth.resume(db, None, session_id) == actor
    auth.logout(db, None, session_id)
    assert auth.resume(db, None, session_id) is None


def test_erasure_removes_personal_data_and_keeps_the_log(db):
    w = world(db)
    answer_everything(db, w.token, text="My phone number is 0612345678")
    attempts.submit(db, CandidateActor(w.token))
    candidates.erase_candidate(db, w.admin, w.candidate_id)
    profile = profiles.candidate_profile(db, w.admin, w.candidate_id)
    assert "Amina" not in profile.meta.candidate_name
    assert all(s.quote is None for s in profile.skills)
    assert profile.skills[0].sjt_score is not None


def test_retention_purge_erases_only_candidates_past_the_period(db):
    """Retention counts from the campaign's close (see tests/services/test_privacy.py for every case)."""
    w = world(db)
    recent = candidates.add_candidate(db, w.recruiter, w.campaign_id, "Recent Person")
    with db.write() as s:
        from screening.store.models import Candidate
        old = s.get(Candidate, recent)
        old.created_at = utcnow() - timedelta(days=400)  # added long ago, campaign still open: kept
        s.add(old)
    assert candidates.purge_older_than(db, w.admin, 365) == []
    with db.write() as s:
        from screening.store.models import Campaign
        campaign = s.get(Campaign, w.campaign_id)
        campaign.closed_at = utcnow() - timedelta(days=400)
        s.add(campaign)
    assert candidates.purge_older_than(db, w.admin, 365) == [w.candidate_id, recent]
    names = {c.id: c.name for c in candidates.list_candidates(db, w.admin, w.campaign_id)}
    assert names == {w.candidate_id: f"erased #{w.candidate_id}", recent: f"erased #{recent}"}
    with pytest.raises(PermissionDenied):
        candidates.purge_older_than(db, w.recruiter, 1)


def test_sso_sign_in_maps_the_providers_email_to_a_staff_account(db):
    w = world(db)
    assert auth.sso_actor(db, None, "Lead@Example.org") == w.lead
    with pytest.raises(auth.LoginFailed) as unknown:
        auth.sso_actor(db, None, "stranger@example.org")
    assert unknown.value.key == "error.sso_unknown"
    auth.set_active(db, w.admin, w.lead.user_id, False)
    with pytest.raises(auth.LoginFailed):
        auth.sso_actor(db, None, "lead@example.org")
