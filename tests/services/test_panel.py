"""Evidence notes, the blind rule, the panel debrief and its consensus, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import attempts, campaigns, debriefs, interviews, profiles
from screening.services.errors import InvalidInput, PermissionDenied
from screening.store.engine import Database
from screening.store.models import AuditEvent, CandidateRater, Rating
from tests.factories import World, answer_everything, staff, world


def _taken(db: Database) -> tuple[World, str]:
    w = world(db)
    campaigns.share_campaign(db, w.recruiter, w.campaign_id, "other@example.org")
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    qid = next(q for q in interviews.console(db, w.recruiter, w.candidate_id).questions if q.mode == "written")
    return w, qid.question.id


def _assign(db: Database, candidate_id: int, *rater_ids: int) -> None:
    with db.write() as s:
        for rid in rater_ids:
            s.add(CandidateRater(candidate_id=candidate_id, rater_id=rid))


def test_a_rating_needs_an_evidence_note_and_the_audit_keeps_only_its_fingerprint(db):
    w, qid = _taken(db)
    for blank in ("", "   \n"):
        with pytest.raises(InvalidInput) as refused:
            interviews.rate(db, w.recruiter, w.candidate_id, qid, 4, blank)
        assert refused.value.key == "error.evidence_note"
    note = "Named the customer's worry <b>first</b>, then fixed the date."
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 4, note)
    with pytest.raises(InvalidInput):
        interviews.revise(db, w.recruiter, w.candidate_id, qid, 3, " ")
    interviews.revise(db, w.recruiter, w.candidate_id, qid, 3, "The fix was the team's, not hers.")
    with db.read() as s:
        row = s.exec(select(Rating)).one()
        events = {e.action: e.details for e in s.exec(select(AuditEvent)).all()}
    assert (row.first_level, row.final_level, row.evidence_note) == (4, 3, note)
    assert row.revision_note == "The fix was the team's, not hers."
    assert events["rating.create"]["evidence_note_length"] == len(note)
    assert len(events["rating.create"]["evidence_note_sha256"]) == 64
    assert events["rating.revise"]["revision_note_length"] == len("The fix was the team's, not hers.")
    assert "worry" not in str(events) and "team's" not in str(events)


def test_before_their_own_rating_a_rater_sees_no_level_no_suggestion_and_no_debrief(db):
    w, qid = _taken(db)
    _assign(db, w.candidate_id, w.recruiter.user_id, w.other_recruiter.user_id)
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "Little detail.")
    debriefs.open_debrief(db, w.lead, w.candidate_id, qid)       # opened, yet the unrated rater stays blind
    view = next(q for q in interviews.console(db, w.other_recruiter, w.candidate_id).questions
                if q.question.id == qid)
    assert view.my_rating is None and view.others == () and view.summary is None
    with pytest.raises(PermissionDenied):
        interviews.suggestion_for(db, w.other_recruiter, w.candidate_id, qid)
    with pytest.raises(PermissionDenied):
        debriefs.debrief(db, w.other_recruiter, w.candidate_id, qid)
    with pytest.raises(PermissionDenied):
        debriefs.record_consensus(db, w.other_recruiter, w.candidate_id, qid, 3, "Agreed.")
    interviews.rate(db, w.other_recruiter, w.candidate_id, qid, 4, "Clear actions, owned.")
    after = next(q for q in interviews.console(db, w.other_recruiter, w.candidate_id).questions
                 if q.question.id == qid)
    assert after.others == (2,) and after.summary is not None and after.summary.mean == 3.0


def test_the_debrief_opens_when_the_whole_panel_has_rated_or_a_lead_opens_it(db):
    w, qid = _taken(db)
    third = staff(db, "third@example.org", "recruiter")
    campaigns.share_campaign(db, w.recruiter, w.campaign_id, "third@example.org")
    _assign(db, w.candidate_id, w.recruiter.user_id, w.other_recruiter.user_id)
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "Vague.")
    with pytest.raises(PermissionDenied):      # rated, but the panel has not all rated
        debriefs.debrief(db, w.recruiter, w.candidate_id, qid)
    interviews.rate(db, third, w.candidate_id, qid, 3, "Some steps.")
    with pytest.raises(PermissionDenied):      # rated, but not on the candidate's panel
        debriefs.debrief(db, third, w.candidate_id, qid)
    with pytest.raises(PermissionDenied):      # only a lead or an admin opens it
        debriefs.open_debrief(db, w.recruiter, w.candidate_id, qid)
    lead_view = debriefs.debrief(db, w.lead, w.candidate_id, qid)   # leads see it at any time
    assert lead_view.waiting_for == ("Other",) and not lead_view.opened and not lead_view.can_record
    debriefs.open_debrief(db, w.lead, w.candidate_id, qid)
    opened = debriefs.debrief(db, w.recruiter, w.candidate_id, qid)
    assert opened.opened and [(r.rater_name, r.level, r.evidence_note) for r in opened.ratings] == [
        ("Rec", 2, "Vague."), ("Third", 3, "Some steps.")]
    interviews.rate(db, w.other_recruiter, w.candidate_id, qid, 5, "Owned the fix.")
    full = debriefs.debrief(db, w.other_recruiter, w.candidate_id, qid)
    assert full.waiting_for == () and full.summary is not None
    assert (full.summary.mean, full.summary.spread, full.summary.n) == (pytest.approx(10 / 3), 3.0, 3)
    assert full.can_record
    with db.read() as s:
        assert [e.details["rated"] for e in s.exec(select(AuditEvent).where(AuditEvent.action == "debrief.open"))
                ] == [2]


def test_without_an_assigned_panel_the_debrief_opens_after_two_raters(db):
    w, qid = _taken(db)
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "Vague.")
    with pytest.raises(PermissionDenied):
        debriefs.debrief(db, w.recruiter, w.candidate_id, qid)
    interviews.rate(db, w.other_recruiter, w.candidate_id, qid, 4, "Specific.")
    assert [r.level for r in debriefs.debrief(db, w.recruiter, w.candidate_id, qid).ratings] == [2, 4]


def test_a_consensus_replaces_the_mean_in_the_profile_and_the_dashboard(db):
    w, qid = _taken(db)
    _assign(db, w.candidate_id, w.recruiter.user_id, w.other_recruiter.user_id)
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "Vague.")
    interviews.rate(db, w.other_recruiter, w.candidate_id, qid, 4, "Specific.")
    skills = next(q for q in interviews.console(db, w.recruiter, w.candidate_id).questions
                  if q.question.id == qid).question.skills
    before = profiles.candidate_profile(db, w.lead, w.candidate_id)
    assert {s.skill_id: s.interview_level for s in before.skills if s.skill_id in skills} == dict.fromkeys(
        [s for s in skills if s in {r.skill_id for r in before.skills}], 3.0)
    with pytest.raises(InvalidInput) as refused:
        debriefs.record_consensus(db, w.recruiter, w.candidate_id, qid, 5, "  ")
    assert refused.value.key == "error.consensus_reason"
    with pytest.raises(PermissionDenied):       # leads never record a level
        debriefs.record_consensus(db, w.lead, w.candidate_id, qid, 5, "Lead's view.")
    debriefs.record_consensus(db, w.recruiter, w.candidate_id, qid, 4, "Specific example after discussion.")
    debriefs.record_consensus(db, w.other_recruiter, w.candidate_id, qid, 5, "Owned the fix end to end.")
    after = profiles.candidate_profile(db, w.lead, w.candidate_id)
    measured = [s for s in after.skills if s.skill_id in skills]
    assert measured and all(s.interview_level == 5.0 and not s.disagreement for s in measured)
    row = next(r for r in profiles.campaign_overview(db, w.lead, w.campaign_id) if r.candidate_id == w.candidate_id)
    levels = [s.interview_level for s in after.skills if s.interview_level is not None]
    assert row.interview_mean == pytest.approx(sum(levels) / len(levels))
    assert row.fit == pytest.approx(after.fit.score)  # type: ignore[union-attr]
    view = debriefs.debrief(db, w.lead, w.candidate_id, qid)
    assert view.consensus is not None and (view.consensus.level, view.consensus.decided_by) == (5, "Other")
    with db.read() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "consensus.record")
                        .order_by(AuditEvent.id)).all()
    assert [(e.details["before"], e.details["after"], e.details["raters_mean"]) for e in events] == [
        (None, 4, 3.0), (4, 5, 3.0)]
    assert "Owned" not in str([e.details for e in events])
