"""Candidates' requests (a human review of their result, a withdrawal), as the recruiter sees and handles them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from screening.domain import policy
from screening.domain.actors import Actor
from screening.services._access import campaign_for, candidate_for
from screening.services._audit import record
from screening.services.errors import NotFound
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import CandidateRequest, utcnow


@dataclass(frozen=True)
class RequestRow:
    request_id: int
    candidate_id: int
    candidate_name: str         # "erased #id" once withdrawn
    kind: str                   # review | withdrawal
    message: str                # the candidate's words: show inert
    created_at: datetime
    handled_at: datetime | None


def campaign_requests(db: Database, actor: Actor, campaign_id: int) -> list[RequestRow]:
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_manage_candidates)
        rows = queries.campaign_requests(session=s, campaign_id=campaign_id)
    return [RequestRow(int(r.id or 0), int(c.id or 0), c.name, r.kind, r.message, r.created_at, r.handled_at)
            for r, c in rows]


def mark_handled(db: Database, actor: Actor, request_id: int) -> None:
    with db.write() as s:
        request = s.get(CandidateRequest, request_id)
        if request is None:
            raise NotFound()
        candidate_for(s, actor, request.candidate_id, policy.can_manage_candidates)
        if request.handled_at is None:
            request.handled_at = utcnow()
            s.add(request)
            record(s, actor, "candidate_request.handled", "candidate_request", request_id,
                   candidate_id=request.candidate_id, kind=request.kind)
