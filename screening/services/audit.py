"""Audit events, written in the same transaction as the change they record."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from screening.services.actors import Staff
from screening.store.models import AuditEvent


def record(session: Session, actor: Staff | int | None, action: str, entity: str, entity_id: Any,
           **details: Any) -> None:
    """`actor`: a Staff member, a candidate id (int) or None for the system. Ids only, never names."""
    if isinstance(actor, Staff):
        kind, actor_id = "staff", actor.user_id
    elif isinstance(actor, int):
        kind, actor_id = "candidate", actor
    else:
        kind, actor_id = "system", None
    session.add(AuditEvent(actor_kind=kind, actor_id=actor_id, action=action, entity=entity,
                           entity_id=str(entity_id), details=details))
