"""The lead's dashboard is computed for the whole campaign at once: it must give each candidate exactly the
numbers of their own profile."""

from __future__ import annotations

import random

import pytest

from screening.domain.actors import CandidateActor
from screening.services import attempts, candidates, interviews, invitations, profiles
from tests.factories import world


def _take(db, token: str, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    link = CandidateActor(token)
    view = attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    for planned in view.sjt:
        item = planned.item
        ids = [o.id for o in item.options]
        if item.response_format == "best_worst":
            best, worst = rng.sample(ids, 2)
            attempts.save_sjt_answer(db, link, item.id, {"best": best, "worst": worst})
        else:
            attempts.save_sjt_answer(db, link, item.id, {"ratings": {o: rng.randint(1, 5) for o in ids}})
    attempts.submit(db, link)


def test_overview_rows_equal_each_candidates_profile(db):
    w = world(db)
    rng = random.Random(7)
    ids = [w.candidate_id]
    _take(db, w.token, rng)
    for n in range(4):
        cid = candidates.add_candidate(db, w.recruiter, w.campaign_id, f"Candidate {n}")
        ids.append(cid)
        if n < 3:  # one candidate never starts
            _take(db, invitations.issue_invite(db, w.recruiter, cid).token, rng)
    question = interviews.console(db, w.recruiter, ids[1]).questions[0].question.id
    for rater, level in ((w.recruiter, 2), (w.admin, 5)):
        interviews.rate(db, rater, ids[1], question, level, "Evidence noted.")
    rows = {r.candidate_id: r for r in profiles.campaign_overview(db, w.lead, w.campaign_id)}
    assert sorted(rows) == sorted(ids)
    for cid in ids:
        profile = profiles.candidate_profile(db, w.lead, cid)
        sjt = [s.sjt_score for s in profile.skills if s.sjt_score is not None]
        interview = [s.interview_level for s in profile.skills if s.interview_level is not None]
        row = rows[cid]
        assert row.sjt_mean == (pytest.approx(sum(sjt) / len(sjt)) if sjt else None)
        assert row.interview_mean == (pytest.approx(sum(interview) / len(interview)) if interview else None)
        assert row.fit == (pytest.approx(profile.fit.score) if profile.fit else None)
        assert row.disagreement == any(s.disagreement for s in profile.skills)
    assert rows[ids[1]].disagreement and rows[ids[-1]].status == "invited" and rows[ids[-1]].sjt_mean is None


def test_the_profile_states_what_guessing_would_score_on_the_candidates_own_items(db):
    from screening.scoring.sjt import chance_score
    from screening.services._catalog import get_catalog
    from screening.store import queries

    w = world(db)
    _take(db, w.token, random.Random(3))
    profile = profiles.candidate_profile(db, w.lead, w.candidate_id)
    with db.read() as s:
        attempt = queries.attempt_of(session=s, candidate_id=w.candidate_id)
        answers = queries.answers_of(session=s, attempt_id=int(attempt.id or 0))
    bank = get_catalog(db).bank
    given = [bank.sjt_at(a.item_id, a.item_version) for a in answers if a.kind == "sjt"]
    assert profile.meta.sjt_chance == pytest.approx(100 * sum(chance_score(i) for i in given) / len(given))
    assert profile.meta.sjt_chance >= 50  # guessing scores one half on most-and-least items, more on rate-each


def test_within_person_rows_equal_profiles_when_candidates_draw_different_items(db):
    """Rate-each answers standardised within the person are put on the key's mean and spread over the
    candidate's own items, in the dashboard's batch as in the profile."""
    from screening.services import campaigns
    from screening.services.campaigns import CampaignDraft
    from tests.factories import SKILLS

    w = world(db)
    cid = campaigns.create_campaign(db, w.recruiter, CampaignDraft(
        name="Drawn", skills=SKILLS, sjt_method="within_person", sjt_items_per_candidate=4,
        target_profile_id="customer_advisor"))
    campaigns.share_campaign(db, w.recruiter, cid, "lead@example.org")
    rng = random.Random(11)
    ids = [candidates.add_candidate(db, w.recruiter, cid, f"Candidate {n}") for n in range(6)]
    for candidate_id in ids:
        _take(db, invitations.issue_invite(db, w.recruiter, candidate_id).token, rng)
    rows = {r.candidate_id: r for r in profiles.campaign_overview(db, w.lead, cid)}
    for candidate_id in ids:
        profile = profiles.candidate_profile(db, w.lead, candidate_id)
        sjt = [s.sjt_score for s in profile.skills if s.sjt_score is not None]
        assert rows[candidate_id].sjt_mean == pytest.approx(sum(sjt) / len(sjt))
        assert rows[candidate_id].fit == (pytest.approx(profile.fit.score) if profile.fit else None)
