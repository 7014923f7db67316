"""Reading the audit log (admin only): filtered, newest first, one page at a time, and exported as JSON lines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session

from screening.domain import policy
from screening.domain.actors import Actor
from screening.services._access import require
from screening.services._audit import record
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import AuditEvent
from screening.store.queries import AuditFilter

PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditRow:
    event_id: int
    at: datetime
    actor_kind: str
    actor_id: int | None
    actor: str                  # resolved: a staff member's name, "system:cli", "candidate #12", "anonymous"
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.event_id, "at": self.at.isoformat(), "actor_kind": self.actor_kind,
                "actor_id": self.actor_id, "actor": self.actor, "action": self.action, "entity": self.entity,
                "entity_id": self.entity_id, "details": self.details}


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class AuditVocabulary:
    """What the filters offer: the actions, entity kinds and actors found in the log."""

    actions: tuple[str, ...]
    entities: tuple[str, ...]
    actors: tuple[tuple[str, int | None, str], ...]     # (kind, id, label); candidates are found by entity


def _start(day: date | datetime | None, *, next_day: bool = False) -> datetime | None:
    """A date filter as a UTC instant: `since` from the day's start, `until` up to the end of that day."""
    if day is None:
        return None
    if isinstance(day, datetime):
        return day if day.tzinfo else day.replace(tzinfo=UTC)
    moment = datetime.combine(day, time.min, tzinfo=UTC)
    return moment + timedelta(days=1) if next_day else moment


def _filter(actor_kind: str | None, actor_id: int | None, action: str | None, entity: str | None,
            entity_id: str | int | None, since: date | datetime | None, until: date | datetime | None) -> AuditFilter:
    return AuditFilter(actor_kind=actor_kind or None, actor_id=actor_id, action=action or None,
                       entity=entity or None, entity_id=str(entity_id) if entity_id not in (None, "") else None,
                       since=_start(since), until=_start(until, next_day=True))


def _label(kind: str, actor_id: int | None, names: dict[int, str]) -> str:
    if kind == "staff" and actor_id is not None:
        return f"{names.get(actor_id, '?')} (#{actor_id})"
    if kind == "candidate":
        return f"candidate #{actor_id}" if actor_id is not None else "candidate (link)"
    return kind  # "system:cli", "anonymous"


def _rows(s: Session, events: list[AuditEvent]) -> tuple[AuditRow, ...]:
    names = queries.user_names(session=s, ids={e.actor_id for e in events
                                               if e.actor_kind == "staff" and e.actor_id is not None})
    return tuple(AuditRow(int(e.id or 0), e.at, e.actor_kind, e.actor_id, _label(e.actor_kind, e.actor_id, names),
                          e.action, e.entity, e.entity_id, dict(e.details)) for e in events)


def search(db: Database, actor: Actor, *, actor_kind: str | None = None, actor_id: int | None = None,
           action: str | None = None, entity: str | None = None, entity_id: str | int | None = None,
           since: date | datetime | None = None, until: date | datetime | None = None, page: int = 0,
           page_size: int | None = None) -> AuditPage:
    """One page of matching events, newest first; `until` includes the whole of that day."""
    require(policy.can_read_audit(actor))
    size = page_size or PAGE_SIZE
    where = _filter(actor_kind, actor_id, action, entity, entity_id, since, until)
    with db.read() as s:
        total = queries.count_audit_events(session=s, where=where)
        pages = max(1, -(-total // size))
        page = min(max(0, page), pages - 1)
        rows = _rows(s, list(queries.audit_events(session=s, where=where, offset=page * size, limit=size)))
    return AuditPage(rows, total, page, pages)


def export_jsonl(db: Database, actor: Actor, *, actor_kind: str | None = None, actor_id: int | None = None,
                 action: str | None = None, entity: str | None = None, entity_id: str | int | None = None,
                 since: date | datetime | None = None, until: date | datetime | None = None) -> str:
    """Every matching event as one JSON object per line, newest first; the export itself is audited."""
    require(policy.can_read_audit(actor))
    where = _filter(actor_kind, actor_id, action, entity, entity_id, since, until)
    with db.write() as s:
        rows = _rows(s, list(queries.audit_events(session=s, where=where)))
        record(s, actor, "audit.export", "audit", "-", events=len(rows), filter_actor_kind=where.actor_kind,
               filter_actor_id=where.actor_id, filter_action=where.action, filter_entity=where.entity,
               filter_entity_id=where.entity_id, filter_since=where.since.isoformat() if where.since else None,
               filter_until=where.until.isoformat() if where.until else None)
    return "".join(json.dumps(r.as_json(), ensure_ascii=False, sort_keys=True) + "\n" for r in rows)


def vocabulary(db: Database, actor: Actor) -> AuditVocabulary:
    require(policy.can_read_audit(actor))
    with db.read() as s:
        actions, entities, actors = queries.audit_vocabulary(session=s)
        names = queries.user_names(session=s, ids={i for k, i in actors if k == "staff" and i is not None})
    return AuditVocabulary(tuple(actions), tuple(entities),
                           tuple((k, i, _label(k, i, names)) for k, i in actors))
