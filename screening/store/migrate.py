"""Run Alembic migrations from code (the `screening db upgrade` command and the tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from screening import PACKAGE_DIR

MIGRATIONS_DIR = PACKAGE_DIR / "store" / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolation
    return cfg


def upgrade(url: str | None = None) -> None:
    """Migrate to the latest schema, then re-create the audit log's append-only triggers.

    Alembic's batch mode on SQLite rebuilds a table to alter it and the rebuilt table has no
    triggers; and the migration creates them with the default retention floor, not the configured one.
    """
    command.upgrade(alembic_config(url), "head")
    from screening.store import audit_guard
    from screening.store.engine import build_engine, get_engine

    engine = build_engine(url) if url else get_engine()
    try:
        audit_guard.install(engine)
    finally:
        if url:
            engine.dispose()


def revision(message: str, url: str | None = None) -> None:
    command.revision(alembic_config(url), message=message, autogenerate=True)
