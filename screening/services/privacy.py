"""Subject access: everything held about one candidate, as plain JSON-ready data (admin only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from screening.domain import policy
from screening.domain.actors import Actor
from screening.services._access import candidate_for, require
from screening.services._audit import record
from screening.store import queries
from screening.store.engine import Database

EXPORT_FORMAT = 1


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_candidate(db: Database, actor: Actor, candidate_id: int) -> dict[str, Any]:
    """The candidate, their invitations (times only: a token hash is a credential, never exported), attempt,
    answers with their text, ratings, live answers, decisions with notes, and every audit event about them."""
    require(policy.can_export_personal_data(actor))
    with db.write() as s:
        candidate, campaign = candidate_for(s, actor, candidate_id, policy.can_view_campaign)
        attempt = queries.attempt_of(session=s, candidate_id=candidate_id)
        attempt_id = int(attempt.id or 0) if attempt else None
        answers = queries.answers_of(session=s, attempt_id=attempt_id) if attempt_id else []
        data: dict[str, Any] = {
            "format": EXPORT_FORMAT,
            "candidate": {"id": candidate_id, "name": candidate.name, "email": candidate.email,
                          "campaign_id": candidate.campaign_id, "campaign_name": campaign.name,
                          "is_demo": candidate.is_demo, "created_at": _when(candidate.created_at),
                          "erased_at": _when(candidate.erased_at)},
            "invitations": [{"id": i.id, "created_at": _when(i.created_at), "expires_at": _when(i.expires_at),
                             "revoked_at": _when(i.revoked_at)}
                            for i in queries.invitations_of(session=s, candidate_id=candidate_id)],
            "attempt": None if attempt is None else {
                "id": attempt_id, "started_at": _when(attempt.started_at), "consent_at": _when(attempt.consent_at),
                "step": attempt.step, "submitted_at": _when(attempt.submitted_at), "plan": attempt.plan},
            "answers": [{"item_id": a.item_id, "item_version": a.item_version, "kind": a.kind,
                         "response": a.response, "text": a.text, "updated_at": _when(a.updated_at)}
                        for a in sorted(answers, key=lambda a: (a.kind, a.item_id))],
            "ratings": [{"question_id": r.question_id, "question_version": r.question_version,
                         "rater_id": r.rater_id, "first_level": r.first_level,
                         "suggested_level": r.suggested_level, "suggestion_confidence": r.suggestion_confidence,
                         "final_level": r.final_level, "created_at": _when(r.created_at),
                         "updated_at": _when(r.updated_at)}
                        for r in sorted(queries.ratings_of(session=s, candidate_id=candidate_id),
                                        key=lambda r: (r.question_id, r.rater_id))],
            "live_answers": [{"question_id": la.question_id, "question_version": la.question_version,
                              "rater_id": la.rater_id, "answer_text": la.answer_text, "rater_notes": la.rater_notes,
                              "updated_at": _when(la.updated_at)}
                             for la in sorted(queries.live_answers(session=s, candidate_id=candidate_id),
                                              key=lambda la: (la.question_id, la.rater_id))],
            "decisions": [{"id": d.id, "outcome": d.outcome, "note": d.note, "decided_by": d.decided_by,
                           "created_at": _when(d.created_at)}
                          for d in sorted(queries.decisions_of(session=s, candidate_id=candidate_id),
                                          key=lambda d: d.id or 0)],
            "audit_events": [{"id": e.id, "at": _when(e.at), "actor_kind": e.actor_kind, "actor_id": e.actor_id,
                              "action": e.action, "entity": e.entity, "entity_id": e.entity_id,
                              "details": e.details}
                             for e in queries.audit_events_about(session=s, candidate_id=candidate_id,
                                                                 attempt_id=attempt_id)],
        }
        record(s, actor, "candidate.export", "candidate", candidate_id)
    return data
