"""Rater calibration: blind sets of ten exemplars, rotation, kappa against scikit-learn, the lead's review."""

from __future__ import annotations

import pytest
from sklearn.metrics import cohen_kappa_score
from sqlmodel import select

from screening.services import calibration, interviews
from screening.services.calibration import SET_SIZE
from screening.services.errors import NotFound, PermissionDenied
from screening.store.models import CalibrationRating
from tests.factories import world
from tests.services.test_panel import _taken


def test_a_set_is_rated_blind_then_scored_against_the_key_as_sklearn_does(db):
    w = world(db)
    set_id = calibration.start_set(db, w.recruiter, "fr")
    view = calibration.my_sets(db, w.recruiter)[0]
    assert view.set_id == set_id and len(view.items) == SET_SIZE
    assert all(i.keyed_level is None for i in view.items) and view.result is None
    assert len({i.question.id for i in view.items}) == SET_SIZE        # spread over ten questions
    with db.read() as s:
        keyed = [r.keyed_level for r in s.exec(select(CalibrationRating).order_by(CalibrationRating.position))]
    given = [max(1, min(5, k - 1 if n % 3 == 0 else k)) for n, k in enumerate(keyed)]
    for n, level in enumerate(given):
        calibration.rate_exemplar(db, w.recruiter, set_id, n, level)
        if n < SET_SIZE - 1:
            assert calibration.my_sets(db, w.recruiter)[0].items[n].keyed_level is None
    done = calibration.my_sets(db, w.recruiter)[0]
    assert [i.keyed_level for i in done.items] == keyed and done.next_item is None
    assert done.result is not None and done.result.n == SET_SIZE
    expected = cohen_kappa_score(given, keyed, weights="quadratic", labels=[1, 2, 3, 4, 5])
    assert done.result.kappa == pytest.approx(expected)
    assert done.result.ci_low <= done.result.kappa <= done.result.ci_high  # type: ignore[operator]
    lowered = sum(1 for g, k in zip(given, keyed, strict=True) if g < k)
    assert done.result.mean_signed_diff == pytest.approx(-lowered / SET_SIZE)


def test_each_new_set_brings_other_exemplars_and_nobody_rates_anothers_set(db):
    w = world(db)
    first = calibration.start_set(db, w.recruiter, "en")
    second = calibration.start_set(db, w.recruiter, "en")
    with db.read() as s:
        rows = s.exec(select(CalibrationRating)).all()
    a = {(r.question_id, r.exemplar_id) for r in rows if r.set_id == first}
    b = {(r.question_id, r.exemplar_id) for r in rows if r.set_id == second}
    assert len(a) == len(b) == SET_SIZE and not a & b
    with pytest.raises(NotFound):
        calibration.rate_exemplar(db, w.other_recruiter, first, 0, 3)
    with pytest.raises(PermissionDenied):
        calibration.start_set(db, w.lead, "en")


def test_the_lead_reviews_sets_and_live_agreement_with_co_raters(db):
    w, qid = _taken(db)
    set_id = calibration.start_set(db, w.recruiter, "en")
    for n in range(SET_SIZE):
        calibration.rate_exemplar(db, w.recruiter, set_id, n, 3)
    calibration.start_set(db, w.other_recruiter, "en")               # unfinished: not reviewed
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "Vague.")
    interviews.rate(db, w.other_recruiter, w.candidate_id, qid, 4, "Specific.")
    review = calibration.rater_review(db, w.lead)
    assert [(s.rater_name, s.result.n) for s in review.sets] == [("Rec", SET_SIZE)]
    signed = {p.rater_name: (p.agreement.n, p.agreement.mean_signed_diff) for p in review.agreement}
    assert signed == {"Rec": (1, -2.0), "Other": (1, 2.0)}
    with pytest.raises(PermissionDenied):
        calibration.rater_review(db, w.recruiter)
