"""Human oversight: an admin switches suggested levels off for a campaign or the installation; audited."""

from __future__ import annotations

import pytest
from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import attempts, interviews, oversight
from screening.services.errors import PermissionDenied
from screening.store.engine import Database
from screening.store.models import AuditEvent, Rating
from tests.factories import World, answer_everything, world


def _submitted(db: Database) -> tuple[World, list[str]]:
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    written = [q.question.id for q in interviews.console(db, w.recruiter, w.candidate_id).questions
               if q.mode == "written"]
    return w, written


def _stored(db: Database, question_id: str) -> Rating:
    with db.read() as s:
        return s.exec(select(Rating).where(Rating.question_id == question_id)).one()


def test_suggestions_on_by_default_then_off_for_the_installation(db):
    w, written = _submitted(db)
    assert oversight.suggestion_switches(db, w.admin).installation is True
    assert interviews.rate(db, w.recruiter, w.candidate_id, written[0], 3, "Evidence noted.") is not None
    assert _stored(db, written[0]).suggested_level is not None
    assert interviews.suggestion_for(db, w.recruiter, w.candidate_id, written[0]).switched_off is False

    oversight.set_installation_suggestions(db, w.admin, False)
    assert interviews.rate(db, w.recruiter, w.candidate_id, written[1], 2, "Evidence noted.") is None
    row = _stored(db, written[1])
    assert (row.first_level, row.suggested_level, row.suggestion_confidence) == (2, None, None)
    for qid in written[:2]:  # even the suggestion computed before is no longer shown
        result = interviews.suggestion_for(db, w.recruiter, w.candidate_id, qid)
        assert (result.suggestion, result.switched_off) == (None, True)

    oversight.set_installation_suggestions(db, w.admin, True)
    assert interviews.suggestion_for(db, w.recruiter, w.candidate_id, written[0]).suggestion is not None
    with db.read() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "settings.suggestions")
                        .order_by(AuditEvent.id)).all()
    assert [(e.actor_id, e.details) for e in events] == [(w.admin.user_id, {"previous": True, "enabled": False}),
                                                          (w.admin.user_id, {"previous": False, "enabled": True})]


def test_suggestions_off_for_one_campaign_only(db):
    w, written = _submitted(db)
    oversight.set_campaign_suggestions(db, w.admin, w.campaign_id, False)
    switches = oversight.suggestion_switches(db, w.admin)
    assert switches.installation is True
    assert [(c.campaign_id, c.enabled) for c in switches.campaigns] == [(w.campaign_id, False)]
    assert interviews.rate(db, w.recruiter, w.candidate_id, written[0], 4, "Evidence noted.") is None
    assert _stored(db, written[0]).suggested_level is None
    assert interviews.suggestion_for(db, w.recruiter, w.candidate_id, written[0]).switched_off is True
    with db.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "campaign.suggestions")).one()
    assert (event.entity_id, event.details) == (str(w.campaign_id), {"previous": True, "enabled": False})
    with pytest.raises(PermissionDenied):
        oversight.set_campaign_suggestions(db, w.recruiter, w.campaign_id, True)
