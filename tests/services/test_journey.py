"""The whole journey through the services, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import attempts, interviews, profiles
from screening.services.errors import InvalidInput
from screening.store.models import Answer, AuditEvent, Rating
from tests.factories import answer_everything, world


def test_candidate_answers_are_saved_as_given_and_resume(db):
    w = world(db)
    view = attempts.open_attempt(db, CandidateActor(w.token))
    assert view.sjt and view.written and not view.consented
    attempts.give_consent(db, CandidateActor(w.token))
    first = view.sjt[0].item
    attempts.save_sjt_answer(db, CandidateActor(w.token), first.id, {"best": first.options[0].id})
    attempts.go_to_step(db, CandidateActor(w.token), 2)

    resumed = attempts.open_attempt(db, CandidateActor(w.token))  # a closed tab, a new visit
    assert resumed.step == 2
    assert resumed.answers[first.id] == {"best": first.options[0].id}
    assert [p.item.id for p in resumed.sjt] == [p.item.id for p in view.sjt]  # same shuffled plan
    assert [p.option_order for p in resumed.sjt] == [p.option_order for p in view.sjt]


def test_saving_twice_is_an_upsert_and_submitting_twice_is_harmless(db):
    w = world(db)
    answer_everything(db, w.token)
    view = attempts.open_attempt(db, CandidateActor(w.token))
    item = view.sjt[0].item
    answer = {"best": item.options[1].id, "worst": item.options[2].id}
    attempts.save_sjt_answer(db, CandidateActor(w.token), item.id, answer)
    attempts.save_sjt_answer(db, CandidateActor(w.token), item.id, answer)
    with db.read() as s:
        rows = s.exec(select(Answer).where(Answer.item_id == item.id)).all()
    assert len(rows) == 1 and rows[0].item_version == item.version
    attempts.submit(db, CandidateActor(w.token))
    attempts.submit(db, CandidateActor(w.token))
    with db.read() as s:
        submits = s.exec(select(AuditEvent).where(AuditEvent.action == "attempt.submit")).all()
    assert len(submits) == 1


def test_ratings_keep_first_suggested_and_final_and_profile_uses_final(db):
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    console = interviews.console(db, w.recruiter, w.candidate_id)
    written = next(q for q in console.questions if q.mode == "written")
    assert written.written_answer and written.summary is None
    interviews.rate(db, w.recruiter, w.candidate_id, written.question.id, 2, "Vague on actions.")
    interviews.revise(db, w.recruiter, w.candidate_id, written.question.id, 4, "Reread: clear actions.")
    interviews.rate(db, w.admin, w.candidate_id, written.question.id, 4, "Owns the fix.")
    with db.read() as s:
        mine = s.exec(select(Rating).where(Rating.rater_id == w.recruiter.user_id)).one()
    assert (mine.first_level, mine.final_level) == (2, 4)
    profile = profiles.candidate_profile(db, w.lead, w.candidate_id)
    skill = written.question.skills[0]
    result = next(r for r in profile.skills if r.skill_id == skill)
    assert result.interview_level == 4.0  # final ratings only, never the first or the suggestion
    assert result.sjt_score == 100.0       # keyed answers everywhere
    assert profile.fit is not None and profile.families


def test_every_change_writes_an_audit_event_with_ids_only(db):
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    q = interviews.console(db, w.recruiter, w.candidate_id).questions[0]
    interviews.rate(db, w.recruiter, w.candidate_id, q.question.id, 3, "Some detail.")
    profiles.record_decision(db, w.lead, w.candidate_id, "advance", "clear evidence")
    with db.read() as s:
        events = s.exec(select(AuditEvent)).all()
    actions = {e.action for e in events}
    assert {"campaign.create", "candidate.create", "invite.issue", "attempt.consent", "answer.save",
            "attempt.submit", "rating.create", "decision.record"} <= actions
    assert not any("Amina" in str(e.details) for e in events)


def test_hostile_text_is_stored_as_typed_but_nul(db):
    w = world(db)
    link = CandidateActor(w.token)
    attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    qid = attempts.open_attempt(db, link).written[0].id
    hostile = "<b>x</b> [a](http://e.x) :red[y] $z$ <para>&amp; 😀 שלום\x00end" + "é" * 19_900
    attempts.save_written_answer(db, link, qid, hostile)
    assert attempts.open_attempt(db, link).texts[qid] == hostile.replace("\x00", "")
    # past the written-answer limit the whole text is refused with a message; what was saved stays
    with pytest.raises(InvalidInput) as refused:
        attempts.save_written_answer(db, link, qid, hostile + "é" * 100_000)
    assert refused.value.key == "error.answer_too_long"
    assert attempts.open_attempt(db, link).texts[qid] == hostile.replace("\x00", "")
    # a rater's record of a live answer has no such limit: 100 kB is kept as typed
    live = interviews.console(db, w.recruiter, w.candidate_id)
    question = next(q for q in live.questions if q.mode == "live").question.id
    long_text = "<script>x</script> " + "ß" * 100_000
    interviews.save_live_answer(db, w.recruiter, w.candidate_id, question, long_text, "notes")
    again = next(q for q in interviews.console(db, w.recruiter, w.candidate_id).questions if q.question.id == question)
    assert again.live_answer == long_text


def test_within_person_method_is_recorded_on_the_campaign(db):
    from screening.services import campaigns
    from screening.services.campaigns import CampaignDraft
    w = world(db)
    cid = campaigns.create_campaign(db, w.recruiter, CampaignDraft(name="Z", skills=["patience"],
                                                                   sjt_method="within_person"))
    assert campaigns.get_campaign(db, w.recruiter, cid).sjt_method == "within_person"


def test_drawn_items_differ_between_candidates_and_cover_every_skill(db):
    from screening.services import campaigns, candidates, invitations
    from screening.services.campaigns import CampaignDraft
    w = world(db)
    skills = ["empathy", "patience", "resilience", "hospitality"]
    cid = campaigns.create_campaign(db, w.recruiter, CampaignDraft(name="Pool", skills=skills,
                                                                   sjt_items_per_candidate=5))
    plans = []
    for n in range(4):
        token = invitations.issue_invite(db, w.recruiter,
                                         candidates.add_candidate(db, w.recruiter, cid, f"P{n}")).token
        view = attempts.open_attempt(db, CandidateActor(token))
        assert len(view.sjt) == 5
        assert {s for p in view.sjt for s in p.item.skills} >= set(skills)
        plans.append(tuple(sorted(p.item.id for p in view.sjt)))
    assert len(set(plans)) > 1


def test_fit_percentiles_appear_only_with_a_norm_group_of_thirty(db):
    from screening.services import candidates, invitations
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    rows = profiles.campaign_overview(db, w.lead, w.campaign_id)
    assert rows[0].fit is not None and rows[0].fit_percentile is None
    for n in range(29):
        token = invitations.issue_invite(db, w.recruiter,
                                         candidates.add_candidate(db, w.recruiter, w.campaign_id, f"C{n}")).token
        answer_everything(db, token)
        attempts.submit(db, CandidateActor(token))
    rows = profiles.campaign_overview(db, w.lead, w.campaign_id)
    assert len(rows) == 30 and all(r.fit_percentile == 50.0 for r in rows)  # identical answers: all tied


def test_live_answer_is_kept_apart_from_the_raters_notes_and_feeds_the_suggestion(db):
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    live = next(q for q in interviews.console(db, w.recruiter, w.candidate_id).questions if q.mode == "live")
    words = live.question.exemplars_in("en")[-1].text
    interviews.save_live_answer(db, w.recruiter, w.candidate_id, live.question.id, words, "calm voice, two probes")
    view = next(q for q in interviews.console(db, w.recruiter, w.candidate_id).questions
                if q.question.id == live.question.id)
    assert (view.live_answer, view.notes) == (words, "calm voice, two probes")
    other_view = next(q for q in interviews.console(db, w.admin, w.candidate_id).questions
                      if q.question.id == live.question.id)
    assert other_view.notes == ""  # one rater's notes are their own
    suggestion = interviews.rate(db, w.recruiter, w.candidate_id, live.question.id, 3, "Some detail.")
    assert suggestion is not None  # computed from the recorded answer, after the human rating
    with db.read() as s:
        row = s.exec(select(Rating).where(Rating.question_id == live.question.id)).one()
    assert row.first_level == 3 and row.suggestion_confidence is not None
