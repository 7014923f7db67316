"""Reading the audit log (admin only)."""

from __future__ import annotations

from screening.domain import policy
from screening.domain.actors import Actor
from screening.services._access import require
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import AuditEvent


def recent_events(db: Database, actor: Actor, limit: int = 500) -> list[AuditEvent]:
    require(policy.can_read_audit(actor))
    with db.read() as s:
        return list(queries.recent_events(session=s, limit=limit))
