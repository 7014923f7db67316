"""Run Alembic migrations from code (the `screening db upgrade` command and the tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from screening import PACKAGE_DIR
from screening.config import get_settings
from screening.store.engine import build_engine, is_sqlite, normalise_url

MIGRATIONS_DIR = PACKAGE_DIR / "store" / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolation
    return cfg


# Any fixed number: the PostgreSQL advisory lock two servers starting together take around the upgrade.
MIGRATION_LOCK_ID = 727_274_310


def upgrade(url: str | None = None) -> None:
    """Migrate to head, then re-create the audit log's append-only triggers.

    Safe to run from several servers at once: on PostgreSQL the upgrade runs under a session advisory lock
    (the second waits, then finds nothing to do). Alembic's batch mode on SQLite rebuilds a table to alter
    it, and the rebuilt table has no triggers; the migration also creates them with the default retention
    floor, not the configured one. SQLite then runs ANALYZE for fresh planner statistics."""
    from screening.store import audit_guard

    target = normalise_url(url or get_settings().database_url)
    if is_sqlite(target):
        command.upgrade(alembic_config(url), "head")
        engine = build_engine(target, pool_size=1, max_overflow=0)
        try:
            audit_guard.install(engine)
            with engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        finally:
            engine.dispose()
        return
    engine = create_engine(target, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("select pg_advisory_lock(:id)"), {"id": MIGRATION_LOCK_ID})
            conn.commit()
            try:
                command.upgrade(alembic_config(url), "head")
                audit_guard.install(engine)
            finally:
                conn.execute(text("select pg_advisory_unlock(:id)"), {"id": MIGRATION_LOCK_ID})
                conn.commit()
    finally:
        engine.dispose()

