"""The audit log is append-only in the database itself, not only by the code's good manners.

Triggers on `auditevent` refuse every UPDATE, and every DELETE of an event younger than the
retention floor (six months by default; `SCREENING_AUDIT_RETENTION_DAYS`, never below 183).
Older events may be deleted, so a retention policy can be applied to the log too.

The migration `c3f1a7e5d920` creates the triggers with the default floor; `install()` drops and
re-creates them with the configured floor. `screening.store.migrate.upgrade()` calls it after every
`alembic upgrade`, because Alembic's batch mode on SQLite rebuilds a table to alter it, and the
rebuilt table has no triggers.

What the triggers stop: the application, a script or a person using the application's database
account by mistake. What they cannot stop: whoever may drop a trigger (the table's owner on
PostgreSQL, anyone who can write the file on SQLite). See docs/operations.md.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

RETENTION_FLOOR_DAYS = 183      # six months: an audit event cannot be deleted younger than this
RETENTION_MAX_DAYS = 36_500     # a hundred years: large enough for "never", small enough for date arithmetic
TABLE = "auditevent"
SQLITE_TRIGGERS = ("auditevent_no_update", "auditevent_no_early_delete", "auditevent_no_replace")
PG_FUNCTION = "auditevent_append_only"
PG_TRIGGERS = ("auditevent_append_only", "auditevent_no_truncate")


class RetentionTooShortError(ValueError):
    """A retention below the floor was asked for: refused, never silently raised to the floor."""


def check_retention(days: int) -> int:
    """The retention in whole days, or RetentionTooShortError / ValueError when it is out of bounds."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValueError(f"the audit retention must be a whole number of days, not {days!r}")
    if days < RETENTION_FLOOR_DAYS:
        raise RetentionTooShortError(f"the audit retention must be at least {RETENTION_FLOOR_DAYS} days "
                                f"(six months), not {days}")
    if days > RETENTION_MAX_DAYS:
        raise ValueError(f"the audit retention must be at most {RETENTION_MAX_DAYS} days, not {days}")
    return days


def sqlite_statements(days: int = RETENTION_FLOOR_DAYS) -> list[str]:
    """DROP and CREATE statements of the SQLite triggers.

    `at` is stored by SQLAlchemy as UTC text ('YYYY-MM-DD HH:MM:SS.ffffff'); julianday() reads it
    (and would read an ISO form with 'T' or an offset too). An `at` it cannot read counts as young:
    the trigger fails closed. INSERT OR REPLACE deletes the row it replaces without firing DELETE
    triggers (unless recursive_triggers is on), so inserting over an existing id is refused as well.
    """
    days = check_retention(days)
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
        f"""CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON {TABLE}
BEGIN
    SELECT RAISE(ABORT, 'auditevent is append-only: UPDATE refused');
END""",
        f"""CREATE TRIGGER auditevent_no_early_delete BEFORE DELETE ON {TABLE}
WHEN OLD.at IS NULL OR julianday(OLD.at) IS NULL OR julianday(OLD.at) > julianday('now', '-{days} days')
BEGIN
    SELECT RAISE(ABORT, 'auditevent is append-only: events younger than {days} days cannot be deleted');
END""",
        f"""CREATE TRIGGER auditevent_no_replace BEFORE INSERT ON {TABLE}
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'auditevent is append-only: an event cannot be replaced');
END""",
    ]


def postgresql_statements(days: int = RETENTION_FLOOR_DAYS) -> list[str]:
    """The plpgsql function and the triggers on PostgreSQL (in the first schema of the search path).

    A row trigger refuses UPDATE (ON CONFLICT DO UPDATE included) and a DELETE of a young event;
    a statement trigger refuses TRUNCATE, which row triggers never see.
    """
    days = check_retention(days)
    return [
        f"""CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.at IS NOT NULL AND OLD.at <= now() - make_interval(days => {days}) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'auditevent is append-only: events younger than {days} days cannot be deleted'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'auditevent is append-only: ' || TG_OP || ' refused',
        ERRCODE = 'restrict_violation';
END
$$""",
        *(f"DROP TRIGGER IF EXISTS {name} ON {TABLE}" for name in PG_TRIGGERS),
        f"""CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON {TABLE}
FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()""",
        f"""CREATE TRIGGER auditevent_no_truncate BEFORE TRUNCATE ON {TABLE}
FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()""",
    ]


def statements(dialect: str, days: int = RETENTION_FLOOR_DAYS) -> list[str]:
    if dialect == "sqlite":
        return sqlite_statements(days)
    if dialect == "postgresql":
        return postgresql_statements(days)
    raise NotImplementedError(f"no audit-log triggers for the {dialect} dialect")


def install_on(conn: Connection, days: int = RETENTION_FLOOR_DAYS) -> None:
    """(Re-)create the triggers in the caller's transaction."""
    for sql in statements(conn.dialect.name, days):
        conn.exec_driver_sql(sql)


def install(engine: Engine, days: int | None = None) -> int:
    """(Re-)create the triggers with `days` (default: the configured floor) in one transaction; return the floor."""
    if days is None:
        from screening.config import get_settings

        days = get_settings().audit_retention_days
    days = check_retention(days)
    with engine.begin() as conn:
        install_on(conn, days)
    return days


def installed(engine: Engine) -> set[str]:
    """The names of the guard's triggers present on `auditevent`."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                                {"t": TABLE})
        else:
            rows = conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                                     "AND tgrelid = to_regclass(:t)"), {"t": TABLE})
        return {str(r[0]) for r in rows}
