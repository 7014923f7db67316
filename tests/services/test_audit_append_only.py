"""The audit log is append-only in the database: after `screening db upgrade`, on SQLite and PostgreSQL,
no UPDATE, no DELETE of an event younger than the retention floor (183 days unless configured longer),
while inserting still works and old events may be deleted. A floor below 183 days is refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from pydantic import ValidationError
from sqlalchemy import String, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from screening.cli import main
from screening.config import Settings, get_settings
from screening.store import audit_guard
from screening.store import engine as engine_module
from screening.store.engine import Database, build_engine
from screening.store.migrate import upgrade
from screening.store.models import AuditEvent, utcnow


def _clear_caches() -> None:
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_database.cache_clear()


def _db_upgrade_command(monkeypatch: pytest.MonkeyPatch, url: str, retention: int | None = None) -> None:
    """Run `screening db upgrade` as an operator would: the database and the floor come from the environment."""
    monkeypatch.setenv("DATABASE_URL", url)
    if retention is None:
        monkeypatch.delenv("SCREENING_AUDIT_RETENTION_DAYS", raising=False)
    else:
        monkeypatch.setenv("SCREENING_AUDIT_RETENTION_DAYS", str(retention))
    _clear_caches()
    try:
        assert main(["db", "upgrade"]) == 0
    finally:
        engine_module.get_engine().dispose()
        _clear_caches()


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, monkeypatch) -> Iterator[str]:
    """A database the fixtures migrated, then `screening db upgrade` run on it once more."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    _db_upgrade_command(monkeypatch, url)
    yield url
    _clear_caches()


@pytest.fixture
def db(url) -> Iterator[Database]:
    engine = build_engine(url)
    yield Database(engine)
    engine.dispose()


def add_event(db: Database, *, age_days: float = 0, action: str = "test.event") -> int:
    with db.write() as s:
        event = AuditEvent(at=utcnow() - timedelta(days=age_days), actor_kind="system", actor_id=None,
                           action=action, entity="candidate", entity_id="1", details={"n": 1})
        s.add(event)
        s.flush()
        return int(event.id)  # type: ignore[arg-type]


def run(db: Database, sql: str, **params: object) -> int:
    with db.write() as s:
        return s.connection().execute(text(sql), params).rowcount


def actions(db: Database) -> dict[int, str]:
    with db.read() as s:
        return {int(e.id): e.action for e in s.exec(select(AuditEvent)).all()}  # type: ignore[arg-type]


def test_guard_is_installed_by_db_upgrade(db):
    expected = set(audit_guard.SQLITE_TRIGGERS) if db.engine.dialect.name == "sqlite" else set(audit_guard.PG_TRIGGERS)
    assert audit_guard.installed(db.engine) == expected


def test_inserting_still_works(db):
    first, second = add_event(db), add_event(db, action="second")
    assert actions(db) == {first: "test.event", second: "second"}


def test_update_is_refused(db):
    event_id = add_event(db)
    with pytest.raises(DBAPIError, match="append-only"):
        run(db, "UPDATE auditevent SET action = 'forged' WHERE id = :id", id=event_id)
    with pytest.raises(DBAPIError, match="append-only"):  # every column, old events too
        run(db, "UPDATE auditevent SET details = '{}'")
    old_id = add_event(db, age_days=400)
    with pytest.raises(DBAPIError, match="append-only"):
        run(db, "UPDATE auditevent SET actor_id = 99 WHERE id = :id", id=old_id)
    with pytest.raises(DBAPIError, match="append-only"), db.write() as s:  # through the ORM as well
        event = s.get(AuditEvent, event_id)
        event.action = "forged"  # type: ignore[union-attr]
        s.add(event)
    assert actions(db) == {event_id: "test.event", old_id: "test.event"}


def test_upsert_over_an_event_is_refused(db):
    event_id = add_event(db)
    with pytest.raises(DBAPIError, match="append-only"):
        run(db, "INSERT INTO auditevent (id, at, actor_kind, action, entity, entity_id, details) "
                "VALUES (:id, CURRENT_TIMESTAMP, 'system', 'forged', 'x', '1', '{}') "
                "ON CONFLICT (id) DO UPDATE SET action = excluded.action", id=event_id)
    if db.engine.dialect.name == "sqlite":  # REPLACE deletes the old row without firing DELETE triggers
        with pytest.raises(DBAPIError, match="append-only"):
            run(db, "INSERT OR REPLACE INTO auditevent (id, at, actor_kind, action, entity, entity_id, details) "
                    "VALUES (:id, CURRENT_TIMESTAMP, 'system', 'forged', 'x', '1', '{}')", id=event_id)
    else:
        with pytest.raises(DBAPIError, match="append-only"):
            run(db, "TRUNCATE auditevent")
    assert actions(db) == {event_id: "test.event"}


def test_delete_of_a_recent_event_is_refused(db):
    recent, almost = add_event(db), add_event(db, age_days=182)
    for event_id in (recent, almost):
        with pytest.raises(DBAPIError, match="younger than 183 days"):
            run(db, "DELETE FROM auditevent WHERE id = :id", id=event_id)
    with pytest.raises(DBAPIError, match="append-only"):
        run(db, "DELETE FROM auditevent")
    assert set(actions(db)) == {recent, almost}


def test_delete_of_an_event_older_than_the_floor_succeeds(db):
    old, recent = add_event(db, age_days=200), add_event(db)
    assert run(db, "DELETE FROM auditevent WHERE id = :id", id=old) == 1
    assert set(actions(db)) == {recent}
    # A retention purge deletes what is past the floor and nothing else, in one statement.
    past = [add_event(db, age_days=days) for days in (184, 365, 3000)]
    cutoff = utcnow() - timedelta(days=183)
    with db.write() as s:
        for event_id in past:
            event = s.get(AuditEvent, event_id)
            assert event is not None and event.at < cutoff
            s.delete(event)
    assert set(actions(db)) == {recent}


@pytest.mark.parametrize("url", ["sqlite"], indirect=True)  # batch mode rebuilds tables on SQLite only
def test_a_batch_rebuild_drops_the_triggers_and_db_upgrade_puts_them_back(url, db, monkeypatch):
    """Why upgrade() re-creates the triggers: Alembic's batch mode on SQLite copies the table into a new one."""
    with db.engine.begin() as conn:
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("auditevent", recreate="always") as batch:
            batch.alter_column("entity_id", existing_type=String(), type_=String())
    assert audit_guard.installed(db.engine) == set()
    _db_upgrade_command(monkeypatch, url)  # already at head: Alembic does nothing, the guard is re-created
    assert audit_guard.installed(db.engine) == set(audit_guard.SQLITE_TRIGGERS)
    event_id = add_event(db)
    with pytest.raises(DBAPIError, match="append-only"):
        run(db, "UPDATE auditevent SET action = 'forged' WHERE id = :id", id=event_id)


def test_a_longer_configured_floor_is_applied_by_db_upgrade(url, db, monkeypatch):
    _db_upgrade_command(monkeypatch, url, retention=365)
    at_200, at_400 = add_event(db, age_days=200), add_event(db, age_days=400)
    with pytest.raises(DBAPIError, match="younger than 365 days"):
        run(db, "DELETE FROM auditevent WHERE id = :id", id=at_200)
    assert run(db, "DELETE FROM auditevent WHERE id = :id", id=at_400) == 1
    _db_upgrade_command(monkeypatch, url)  # back to the default floor
    assert run(db, "DELETE FROM auditevent WHERE id = :id", id=at_200) == 1


# --- the setting ----------------------------------------------------------------------------------

def test_the_default_floor_is_six_months(monkeypatch):
    monkeypatch.delenv("SCREENING_AUDIT_RETENTION_DAYS", raising=False)
    assert Settings().audit_retention_days == audit_guard.RETENTION_FLOOR_DAYS == 183


@pytest.mark.parametrize("days", [0, 30, 182, -1])
def test_a_floor_below_183_days_is_rejected_not_clamped(monkeypatch, days):
    monkeypatch.setenv("SCREENING_AUDIT_RETENTION_DAYS", str(days))
    with pytest.raises(ValidationError, match="audit_retention_days"):
        Settings()
    with pytest.raises(audit_guard.RetentionTooShortError, match="at least 183 days"):
        audit_guard.check_retention(days)
    with pytest.raises(audit_guard.RetentionTooShortError):
        audit_guard.sqlite_statements(days)
    with pytest.raises(audit_guard.RetentionTooShortError):
        audit_guard.postgresql_statements(days)


def test_install_refuses_a_short_floor_and_leaves_the_guard_as_it_was(sqlite_url):
    engine = build_engine(sqlite_url)
    try:
        with pytest.raises(audit_guard.RetentionTooShortError):
            audit_guard.install(engine, 30)
        assert audit_guard.installed(engine) == set(audit_guard.SQLITE_TRIGGERS)
        db = Database(engine)
        event_id = add_event(db, age_days=100)
        with pytest.raises(DBAPIError, match="younger than 183 days"):
            run(db, "DELETE FROM auditevent WHERE id = :id", id=event_id)
    finally:
        engine.dispose()


def test_db_upgrade_refuses_to_run_with_a_short_floor(sqlite_url, monkeypatch):
    with pytest.raises(ValidationError):
        _db_upgrade_command(monkeypatch, sqlite_url, retention=90)


def test_upgrade_with_an_explicit_url_installs_the_guard(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    upgrade(url)
    engine = build_engine(url)
    try:
        assert audit_guard.installed(engine) == set(audit_guard.SQLITE_TRIGGERS)
    finally:
        engine.dispose()
