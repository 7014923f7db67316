"""Reading the audit log (admin only)."""

from __future__ import annotations

from sqlmodel import select

from screening.services.actors import Staff, require_role
from screening.store.engine import Database
from screening.store.models import AuditEvent


def recent_events(db: Database, actor: Staff, limit: int = 500) -> list[AuditEvent]:
    require_role(actor, "admin")
    with db.read() as s:
        return list(s.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)).all())  # type: ignore[union-attr]
