"""Audit events, written in the same transaction as the change they record."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlmodel import Session

from screening.domain.actors import Actor, Staff, SystemActor
from screening.store import queries
from screening.store.models import utcnow


def record(session: Session, actor: Actor | int, action: str, entity: str, entity_id: Any,
           **details: Any) -> None:
    """Write the event of `event(...)` now, in the session's transaction."""
    queries.add_audit_event(session=session, event=event(actor, action, entity, entity_id, **details))


def event(actor: Actor | int, action: str, entity: str, entity_id: Any, **details: Any) -> queries.NewEvent:
    """`actor`: a staff member, a candidate id, the system (command line), or None for an anonymous visitor.
    Ids and non-personal values only, never names or free text."""
    actor_id: int | None
    if isinstance(actor, Staff):
        kind, actor_id = "staff", actor.user_id
    elif isinstance(actor, SystemActor):
        kind, actor_id = f"system:{actor.name}", None
    elif isinstance(actor, int):
        kind, actor_id = "candidate", actor
    elif actor is None:
        kind, actor_id = "anonymous", None
    else:  # a link's holder not yet resolved to a candidate
        kind, actor_id = "candidate", None
    return queries.NewEvent(actor_kind=kind, actor_id=actor_id, action=action, entity=entity,
                            entity_id=str(entity_id), details=details, at=utcnow())


def text_fingerprint(field: str, text: str) -> dict[str, Any]:
    """What an audit event keeps of free text: its hash and length, never the words (erasure leaves the log whole)."""
    return {f"{field}_sha256": hashlib.sha256(text.encode()).hexdigest(), f"{field}_length": len(text)}
