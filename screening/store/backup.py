"""Backups and restores of the SQLite database, and the erasure list that outlives every backup.

A backup is a consistent copy taken while the app keeps writing: SQLite's online backup API copies
the whole database in one step inside one read transaction, so the copy is the database as it was
when the step began, whatever is still in the WAL file. (A plain copy of the main file misses
everything not yet checkpointed from `<db>-wal`, and may catch a checkpoint half-written.)

A backup holds personal data that was erased after it was taken. So every erasure is also written,
by candidate id and time only, to a small append-only file beside the database,
`<db>.erasures.jsonl` (see `erasure_log_path`), which no backup contains and no restore replaces.
A restore re-applies every erasure in that file before the restored data goes live.

PostgreSQL is backed up and restored with pg_dump and pg_restore (docs/operations.md);
`reapply_erasures` works on both, for the step after a pg_restore.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import JSON, bindparam, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel.sql.sqltypes import UTCDateTime

from screening import REPO_DIR
from screening.store.engine import is_sqlite, normalise_url

ERASURE_LOG_SUFFIX = ".erasures.jsonl"
OPERATIONS_DOC = "docs/operations.md"


class BackupError(RuntimeError):
    """A backup or restore that cannot be done as asked; nothing was changed."""


class NotSQLiteError(BackupError):
    """The command is for SQLite; PostgreSQL has pg_dump and pg_restore."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _url(url: str | None) -> str:
    if url is None:
        from screening.config import get_settings

        url = get_settings().database_url
    return normalise_url(url)


def sqlite_file(url: str | None = None) -> Path:
    """The database file of a SQLite URL; NotSQLiteError for any other database."""
    url = _url(url)
    if not is_sqlite(url):
        raise NotSQLiteError(postgresql_hint())
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(f"not a SQLite database file: {database or '(in memory)'}")
    return Path(database)


def postgresql_hint() -> str:
    return ("This database is PostgreSQL: back it up with pg_dump and restore it with pg_restore, "
            "then run `screening db reapply-erasures` before the app starts again. "
            f"See {OPERATIONS_DOC} for the exact commands and the restore drill.")


# --- the erasure list -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Erasure:
    candidate_id: int
    at: datetime


def erasure_log_path(url: str | None = None) -> Path:
    """Where the erasure list lives: beside the SQLite file (`<db>.erasures.jsonl`); for PostgreSQL,
    in the app's `var/` directory, named after the server and database (it must sit on storage that
    survives the app and that the restore is run from)."""
    url = _url(url)
    if is_sqlite(url):
        return sqlite_file(url).with_name(sqlite_file(url).name + ERASURE_LOG_SUFFIX)
    u = make_url(url)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{u.host or 'localhost'}-{u.port or 5432}-{u.database or 'postgres'}")
    return REPO_DIR / "var" / f"postgresql-{name}{ERASURE_LOG_SUFFIX}"


def record_erasure(candidate_id: int, *, url: str | None = None, path: Path | None = None,
                   at: datetime | None = None) -> Path:
    """Append one erasure (candidate id and time, nothing personal) to the erasure list, durably.

    The erasure service calls this inside its write transaction, before the commit: if the commit
    then fails, a later restore re-erases someone an admin did ask to erase; the other order could
    lose an erasure to a crash between the commit and the write. One `write()` on a file opened
    with O_APPEND, then fsync: concurrent writers never interleave a line, and lines are never rewritten.
    """
    if isinstance(candidate_id, bool) or not isinstance(candidate_id, int) or candidate_id < 1:
        raise ValueError(f"not a candidate id: {candidate_id!r}")
    when = (at or _utcnow()).astimezone(UTC)
    target = path if path is not None else erasure_log_path(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"candidate_id": candidate_id, "at": when.isoformat()}, separators=(",", ":")) + "\n"
    created = not target.exists()
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, line.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        _fsync_dir(target.parent)
    return target


def read_erasures(path: Path) -> tuple[list[Erasure], list[int]]:
    """(every erasure in the file, the numbers of lines that could not be read). No file: none yet."""
    if not path.exists():
        return [], []
    erasures: list[Erasure] = []
    unreadable: list[int] = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            candidate_id, at = data["candidate_id"], datetime.fromisoformat(data["at"])
            if isinstance(candidate_id, bool) or not isinstance(candidate_id, int) or candidate_id < 1:
                raise ValueError(candidate_id)
            erasures.append(Erasure(candidate_id, at if at.tzinfo else at.replace(tzinfo=UTC)))
        except (ValueError, KeyError, TypeError):
            unreadable.append(number)
    return erasures, unreadable


# --- re-applying erasures (plain SQL, both databases) -------------------------------------------------

# The same fields `screening.services.candidates` erases: the name and e-mail, every free text the
# candidate wrote or said (written answers, live answers), the raters' notes and evidence on them, consensus
# reasons, the decision notes, the candidate's own requests; and every invitation still open is revoked.
# Scores, levels and the audit log stay.
# Only a candidate created before the erasure is touched: after a restore, ids the restored data
# never reached are given to new candidates again, and they are other people.
_WHERE = "candidate_id = :cid AND EXISTS (SELECT 1 FROM candidate WHERE id = :cid AND created_at <= :at)"
ERASE_SQL = (
    "UPDATE candidate SET name = :name, email = '', erased_at = COALESCE(erased_at, :at) "
    "WHERE id = :cid AND created_at <= :at",
    f"UPDATE answer SET text = '' WHERE attempt_id IN (SELECT id FROM attempt WHERE {_WHERE})",
    f"UPDATE liveanswer SET answer_text = '', rater_notes = '' WHERE {_WHERE}",
    f"UPDATE decision SET note = '' WHERE {_WHERE}",
    f"UPDATE rating SET evidence_note = '', revision_note = '' WHERE {_WHERE}",
    f"UPDATE consensusrating SET reason = '' WHERE {_WHERE}",
    f"UPDATE candidaterequest SET message = '' WHERE {_WHERE}",
    f"UPDATE invitation SET revoked_at = :at WHERE revoked_at IS NULL AND {_WHERE}",
)
_AUDIT_SQL = text("INSERT INTO auditevent (at, actor_kind, actor_id, action, entity, entity_id, details) "
                  "VALUES (:now, 'system', NULL, :action, :entity, :entity_id, :details)"
                  ).bindparams(bindparam("now", type_=UTCDateTime()), bindparam("details", type_=JSON()))


@dataclass
class ReapplyReport:
    erasures: int = 0                     # lines read from the erasure list
    reerased: list[int] = field(default_factory=list)   # candidates the restored data held un-erased
    already_erased: int = 0
    not_in_database: list[int] = field(default_factory=list)  # erased after the backup was taken, or newer
    unreadable_lines: list[int] = field(default_factory=list)


def _stmt(sql: str):
    return text(sql).bindparams(bindparam("at", type_=UTCDateTime()))


def erase_in(conn: Connection, candidate_id: int, at: datetime) -> bool | None:
    """Blank one candidate in the caller's transaction. True if it was not erased yet, False if it
    was, None if no such candidate (created before `at`) exists here."""
    row = conn.execute(_stmt("SELECT erased_at FROM candidate WHERE id = :cid AND created_at <= :at"),
                       {"cid": candidate_id, "at": at}).first()
    if row is None:
        return None
    params = {"cid": candidate_id, "at": at, "name": f"erased #{candidate_id}"}
    for sql in ERASE_SQL:
        conn.execute(_stmt(sql), params)
    return row[0] is None


def reapply_erasures(engine: Engine, erasures: Sequence[Erasure], *, source: str = "restore") -> ReapplyReport:
    """Re-apply every erasure, in one transaction, each re-erasure written to the audit log.

    Erasures already in the data change nothing; re-applying the whole list is safe and needs no
    knowledge of when the backup was taken.
    """
    report = ReapplyReport(erasures=len(erasures))
    first_at: dict[int, datetime] = {}
    for e in erasures:  # the first time a candidate was erased is when they were erased
        first_at[e.candidate_id] = min(e.at, first_at.get(e.candidate_id, e.at))
    with engine.begin() as conn:
        for candidate_id, at in sorted(first_at.items()):
            outcome = erase_in(conn, candidate_id, at)
            if outcome is None:
                report.not_in_database.append(candidate_id)
            elif outcome:
                report.reerased.append(candidate_id)
                conn.execute(_AUDIT_SQL, {"now": _utcnow(), "action": "candidate.erase.reapply", "entity": "candidate",
                                          "entity_id": str(candidate_id),
                                          "details": {"erased_at": at.isoformat(), "source": source}})
            else:
                report.already_erased += 1
        conn.execute(_AUDIT_SQL, {"now": _utcnow(), "action": "db.erasures.reapply", "entity": "database",
                                  "entity_id": conn.dialect.name,
                                  "details": {"source": source, "erasures": report.erasures,
                                              "reerased": len(report.reerased),
                                              "already_erased": report.already_erased,
                                              "not_in_database": len(report.not_in_database)}})
    return report


def reapply_from_log(url: str | None = None, *, log: Path | None = None, source: str = "manual") -> ReapplyReport:
    """Read the erasure list of `url`'s database (or `log`) and re-apply it there."""
    from screening.store.engine import build_engine

    url = _url(url)
    erasures, unreadable = read_erasures(log if log is not None else erasure_log_path(url))
    engine = build_engine(url)
    try:
        report = reapply_erasures(engine, erasures, source=source)
    finally:
        engine.dispose()
    report.unreadable_lines = unreadable
    return report


# --- SQLite backup ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupReport:
    path: Path
    bytes: int
    taken_at: datetime
    revision: str | None


def _connect(path: Path, timeout_s: float = 30.0) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=timeout_s, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={int(timeout_s * 1000)}")
    return conn


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover (platforms without directory handles)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _remove_with_sidecars(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)


def check_sqlite_file(path: Path) -> str | None:
    """Raise BackupError unless `path` is a sound SQLite database of this app; return its schema revision."""
    if not path.is_file():
        raise BackupError(f"no such file: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() \
                if "alembic_version" in tables else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc
    if result != ["ok"]:
        raise BackupError(f"{path} fails PRAGMA integrity_check: {'; '.join(result[:5])}")
    if not {"candidate", "auditevent"} <= tables:
        raise BackupError(f"{path} is not a database of this app (no candidate or auditevent table)")
    return str(revision[0]) if revision else None


def _copy(source: Path, dest: Path) -> None:
    """Copy a live database with the online backup API, in one step (one read transaction)."""
    src = _connect(source)
    try:
        dst = _connect(dest)
        try:
            src.backup(dst)  # pages=-1: everything in one step, a snapshot of one moment
        finally:
            dst.close()
    finally:
        src.close()


def backup_sqlite(dest: Path, url: str | None = None) -> BackupReport:
    """Write a consistent copy of the SQLite database to `dest` (which must not exist yet).

    The copy is a single self-contained file (rollback journal mode, no -wal beside it), checked
    with PRAGMA integrity_check, fsynced, and renamed into place only when complete.
    """
    source = sqlite_file(url)
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} exists already; a backup never overwrites a file")
    if dest.resolve() == source.resolve():
        raise BackupError("the backup cannot be the database itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    _remove_with_sidecars(partial)
    taken_at = _utcnow()
    try:
        _copy(source, partial)
        conn = _connect(partial)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # one file, whatever mode the source is in
        finally:
            conn.close()
        revision = check_sqlite_file(partial)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, dest)
        _fsync_dir(dest.parent)
    finally:
        _remove_with_sidecars(partial)
    return BackupReport(dest, dest.stat().st_size, taken_at, revision)


# --- SQLite restore ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class RestoreReport:
    database: Path
    backup_revision: str | None
    reapplied: ReapplyReport
    previous: Path | None  # the database as it was before the restore, kept aside


def restore_sqlite(backup: Path, url: str | None = None, *, log: Path | None = None,
                   keep_previous: bool = True) -> RestoreReport:
    """Bring a backup back as the live database, with every recorded erasure re-applied first.

    The app must be stopped. Steps: check the backup; copy it to a staging file beside the database;
    migrate the staging copy to the latest schema (which re-creates the audit-log triggers);
    re-apply the erasure list to it; check it; keep the current database aside
    (`<db>.before-restore-<time>`) unless told not to; then copy the staging database over the live
    one with the backup API (never a file copy over a WAL database). The live database never holds
    the un-erased data, not even for a moment.
    """
    from screening.store.engine import build_engine
    from screening.store.migrate import upgrade

    database = sqlite_file(url)
    backup = Path(backup)
    revision = check_sqlite_file(backup)
    erasures, unreadable = read_erasures(log if log is not None else erasure_log_path(f"sqlite:///{database}"))
    if unreadable:
        raise BackupError(f"the erasure list has {len(unreadable)} unreadable line(s) ({unreadable[:10]}); "
                          "fix or confirm them before restoring (see docs/operations.md)")
    database.parent.mkdir(parents=True, exist_ok=True)
    staging = database.with_name(database.name + ".restoring")
    _remove_with_sidecars(staging)
    previous: Path | None = None
    try:
        _copy(backup, staging)
        staging_url = f"sqlite:///{staging}"
        upgrade(staging_url)
        engine = build_engine(staging_url)
        try:
            report = reapply_erasures(engine, erasures, source="restore")
        finally:
            engine.dispose()
        check_sqlite_file(staging)
        if keep_previous and database.exists():
            stamp = _utcnow().strftime("%Y%m%dT%H%M%SZ")
            previous = database.with_name(f"{database.name}.before-restore-{stamp}")
            _remove_with_sidecars(previous)
            _copy(database, previous)
        _copy(staging, database)
    finally:
        _remove_with_sidecars(staging)
    return RestoreReport(database, revision, report, previous)


def erased_ids(engine: Engine) -> set[int]:
    """Candidates marked erased (for checks and tests)."""
    with engine.connect() as conn:
        return {int(r[0]) for r in conn.execute(text("SELECT id FROM candidate WHERE erased_at IS NOT NULL"))}
