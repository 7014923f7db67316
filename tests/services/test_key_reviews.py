"""Expert key review: blind rating, results, adoption as a new item version, explicit rescoring."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import campaigns, key_reviews, profiles, psychometrics
from screening.services._catalog import get_catalog
from screening.services.errors import InvalidInput, PermissionDenied
from screening.store.models import Answer, AuditEvent
from tests.factories import staff
from tests.services.psy_helpers import patience_campaign, take_test


def _setup(db):
    admin = staff(db, "admin@example.org", "admin")
    owner = staff(db, "owner@example.org", "recruiter")
    expert = staff(db, "expert@example.org", "recruiter")
    lead = staff(db, "lead@example.org", "lead")
    outsider = staff(db, "outsider@example.org", "recruiter")
    cid = patience_campaign(db, owner, "lead@example.org")
    bank = get_catalog(db).bank
    item = next(bank.sjt_by_id[i] for i in campaigns.get_campaign(db, owner, cid).sjt_item_ids
                if bank.sjt_by_id[i].response_format == "best_worst")
    review = key_reviews.open_key_review(db, admin, [item.id], [expert.user_id, lead.user_id])
    return admin, owner, expert, lead, outsider, cid, item, review


def _reverse(db, review, item, *experts):
    for who in experts:
        for o in item.options:
            key_reviews.rate_option(db, who, review, item.id, o.id, 6 - o.key)


def test_a_reviewer_rates_blind_and_reads_neither_the_key_nor_the_others(db):
    admin, owner, expert, lead, _outsider, cid, item, review = _setup(db)
    key_reviews.rate_option(db, lead, review, item.id, item.options[0].id, 1)
    (blind,) = key_reviews.my_review_items(db, expert, review)
    fields = {f.name for f in dataclasses.fields(blind.options[0])}
    assert fields == {"option_id", "text", "my_level"}          # no key, no rationale
    assert [o.my_level for o in blind.options] == [None] * len(item.options)   # not the lead's level
    key_reviews.rate_option(db, expert, review, item.id, item.options[0].id, 4)
    key_reviews.rate_option(db, expert, review, item.id, item.options[0].id, 3)  # their own, again
    (blind,) = key_reviews.my_review_items(db, expert, review)
    assert blind.options[0].my_level == 3
    # no other service hands the key to an invited reviewer
    ref = campaigns.reference_catalog(db, expert).bank.sjt_by_id[item.id]
    assert {o.key for o in ref.options} == {0} and {o.rationale.en for o in ref.options} == {""}
    take_test(db, owner, cid, "A", True)
    options = [o for o in psychometrics.item_analysis(db, lead, cid).options if o.item_id == item.id]
    assert options and {o.key for o in options} == {None}
    with pytest.raises(PermissionDenied):
        key_reviews.review_results(db, expert, review)
    with pytest.raises(PermissionDenied):
        key_reviews.list_key_reviews(db, lead)
    # an admin still reads the real key
    assert campaigns.reference_catalog(db, admin).bank.sjt_by_id[item.id].keys == item.keys


def test_a_user_not_invited_is_refused(db):
    admin, _owner, expert, _lead, outsider, _cid, item, review = _setup(db)
    for who in (outsider, admin, None, CandidateActor("x")):
        with pytest.raises(PermissionDenied):
            key_reviews.my_review_items(db, who, review)
        with pytest.raises(PermissionDenied):
            key_reviews.rate_option(db, who, review, item.id, item.options[0].id, 3)
    with pytest.raises(PermissionDenied):
        key_reviews.my_review_items(db, outsider, review + 999)   # unknown looks like forbidden
    assert key_reviews.my_key_reviews(db, outsider) == []
    assert [r.review_id for r in key_reviews.my_key_reviews(db, expert)] == [review]
    with pytest.raises(InvalidInput):
        key_reviews.rate_option(db, expert, review, item.id, item.options[0].id, 6)
    with pytest.raises(InvalidInput):
        key_reviews.rate_option(db, expert, review, "sjt.not.in.review", "a", 3)


def test_results_adoption_and_explicit_rescoring(db):
    admin, owner, expert, lead, _outsider, cid, item, review = _setup(db)
    candidate = take_test(db, owner, cid, "A", True)
    before = profiles.candidate_profile(db, admin, candidate)
    _reverse(db, review, item, expert, lead)
    results = key_reviews.review_results(db, admin, review)
    (row,) = results.items
    assert row.n_experts == 2 and row.version == item.version
    assert row.best_differs and row.worst_differs and row.departs_from_key
    assert [o.consensus for o in row.options] == [6.0 - k for k in item.keys]
    assert [o.rwg for o in row.options] == [1.0] * len(item.options)   # the two experts agree exactly
    assert row.proposed_key == tuple(6 - k for k in item.keys)
    assert row.icc == pytest.approx(1.0)

    new_version = key_reviews.adopt_consensus(db, admin, review, item.id)
    assert new_version == item.version + 1
    bank = get_catalog(db).bank
    assert bank.sjt_by_id[item.id].keys == tuple(6 - k for k in item.keys)
    assert bank.sjt_at(item.id, item.version).keys == item.keys          # version n kept for old attempts
    with db.read() as s:
        answer = s.exec(select(Answer).where(Answer.item_id == item.id)).one()
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "key_review.adopt")).one()
    assert answer.item_version == item.version                          # the attempt keeps version n
    assert event.details["key_before"] == {o.id: o.key for o in item.options}
    assert event.details["key_after"] == {o.id: 6 - o.key for o in item.options}
    assert profiles.candidate_profile(db, admin, candidate).skills == before.skills   # same scores
    with pytest.raises(InvalidInput):
        key_reviews.adopt_consensus(db, admin, review, item.id)          # rated an older version now

    kept = {r.candidate_id: r for r in profiles.campaign_overview(db, admin, cid)}[candidate]  # scores kept
    outcome = key_reviews.rescore_campaign(db, admin, cid)
    assert outcome.answers_repointed == 1 and len(outcome.attempts_changed) == 1
    # the rescore bumps the attempt's version, so the dashboard scores it again rather than reusing its scores
    row = {r.candidate_id: r for r in profiles.campaign_overview(db, admin, cid)}[candidate]
    after = [s.sjt_score for s in profiles.candidate_profile(db, admin, candidate).skills if s.sjt_score is not None]
    assert row.sjt_mean == pytest.approx(sum(after) / len(after)) and row.sjt_mean != kept.sjt_mean
    with db.read() as s:
        assert s.exec(select(Answer).where(Answer.item_id == item.id)).one().item_version == item.version + 1
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "campaign.rescore")).one()
    assert event.details["answers_repointed"] == 1 and event.details["attempts_changed"] == list(
        outcome.attempts_changed)
    assert profiles.candidate_profile(db, admin, candidate).skills != before.skills
    for who in (owner, lead, expert):
        with pytest.raises(PermissionDenied):
            key_reviews.rescore_campaign(db, who, cid)
        with pytest.raises(PermissionDenied):
            key_reviews.adopt_consensus(db, who, review, item.id)


def test_a_closed_review_takes_no_more_ratings(db):
    admin, _owner, expert, _lead, _outsider, _cid, item, review = _setup(db)
    key_reviews.close_key_review(db, admin, review)
    with pytest.raises(InvalidInput) as refused:
        key_reviews.rate_option(db, expert, review, item.id, item.options[0].id, 3)
    assert refused.value.key == "error.review_closed"
    assert key_reviews.list_key_reviews(db, admin)[0].status == "closed"
