"""append-only audit log: triggers refuse UPDATE, and DELETE of events younger than 183 days

Revision ID: c3f1a7e5d920
Revises: a9d4e2c71b05
Create Date: 2026-12-06 02:10:00

The SQL is frozen here on purpose (a migration must do tomorrow what it did today). The same
triggers, with the configured retention floor, are re-created after every upgrade by
screening.store.audit_guard.install(), called from screening.store.migrate.upgrade().
"""
from alembic import op

revision = 'c3f1a7e5d920'
down_revision = 'a9d4e2c71b05'
branch_labels = None
depends_on = None

DAYS = 183

SQLITE_UP = [
    "DROP TRIGGER IF EXISTS auditevent_no_update",
    "DROP TRIGGER IF EXISTS auditevent_no_early_delete",
    "DROP TRIGGER IF EXISTS auditevent_no_replace",
    """CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON auditevent
BEGIN
    SELECT RAISE(ABORT, 'auditevent is append-only: UPDATE refused');
END""",
    f"""CREATE TRIGGER auditevent_no_early_delete BEFORE DELETE ON auditevent
WHEN OLD.at IS NULL OR julianday(OLD.at) IS NULL OR julianday(OLD.at) > julianday('now', '-{DAYS} days')
BEGIN
    SELECT RAISE(ABORT, 'auditevent is append-only: events younger than {DAYS} days cannot be deleted');
END""",
    """CREATE TRIGGER auditevent_no_replace BEFORE INSERT ON auditevent
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM auditevent WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'auditevent is append-only: an event cannot be replaced');
END""",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS auditevent_no_update",
    "DROP TRIGGER IF EXISTS auditevent_no_early_delete",
    "DROP TRIGGER IF EXISTS auditevent_no_replace",
]

POSTGRESQL_UP = [
    f"""CREATE OR REPLACE FUNCTION auditevent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.at IS NOT NULL AND OLD.at <= now() - make_interval(days => {DAYS}) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'auditevent is append-only: events younger than {DAYS} days cannot be deleted'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'auditevent is append-only: ' || TG_OP || ' refused',
        ERRCODE = 'restrict_violation';
END
$$""",
    "DROP TRIGGER IF EXISTS auditevent_append_only ON auditevent",
    "DROP TRIGGER IF EXISTS auditevent_no_truncate ON auditevent",
    """CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent
FOR EACH ROW EXECUTE FUNCTION auditevent_append_only()""",
    """CREATE TRIGGER auditevent_no_truncate BEFORE TRUNCATE ON auditevent
FOR EACH STATEMENT EXECUTE FUNCTION auditevent_append_only()""",
]

POSTGRESQL_DOWN = [
    "DROP TRIGGER IF EXISTS auditevent_append_only ON auditevent",
    "DROP TRIGGER IF EXISTS auditevent_no_truncate ON auditevent",
    "DROP FUNCTION IF EXISTS auditevent_append_only()",
]


def _run(statements: dict[str, list[str]]) -> None:
    conn = op.get_bind()
    for sql in statements.get(conn.dialect.name, []):
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRESQL_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRESQL_DOWN})
