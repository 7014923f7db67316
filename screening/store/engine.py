"""Engines and sessions: SQLite (WAL) by default, PostgreSQL when DATABASE_URL says so.

On SQLite, write transactions start with BEGIN IMMEDIATE: WAL and a busy timeout alone
still fail a read-then-write transaction when another writer got in first, because a
deferred transaction cannot upgrade its read lock. Reads use plain deferred BEGIN.

Retries (`Database.write`): the opening of a write transaction is retried up to WRITE_TRIES times with a
short backoff when SQLite answers "database is locked" (the busy timeout ran out), when PostgreSQL reports a
serialization failure, a deadlock or a dropped connection, or when the pool had no connection in time.
Only the opening is retried: the transaction is started (BEGIN IMMEDIATE on SQLite; on PostgreSQL the first
round trip, the pool's pre-ping at checkout) BEFORE the caller's body runs, so nothing of the body has
happened yet and re-running the opening is always safe. A failure after the body started is never retried
here (the body may have side effects outside the database, such as a sent e-mail): it rolls back and reaches
the caller. Bodies known to be safe to re-run as a whole (an upsert and its audit event) can use
`Database.write_retrying`.
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TypeVar

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from screening.config import get_settings

log = logging.getLogger(__name__)
T = TypeVar("T")

WRITE_TRIES = 3
BACKOFF_SECONDS = (0.05, 0.2)  # before the 2nd and 3rd try, each with up to 50 % random jitter
# SQLSTATE classes PostgreSQL uses for "try again": serialization failure, deadlock, connection exceptions
_PG_RETRY_CODES = {"40001", "40P01", "08000", "08003", "08006", "08001", "08004", "57P01"}


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def build_engine(url: str, busy_timeout_ms: int = 15_000, *, pool_size: int = 5, max_overflow: int = 10,
                 pool_timeout: float = 30) -> Engine:
    """One engine per process. `pool_size` + `max_overflow` bound the connections this process holds;
    a request waits up to `pool_timeout` seconds for one (see docs/deployment.md for sizing)."""
    url = normalise_url(url)
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, **pool)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    else:
        pool = {}  # an in-memory database lives in one connection per thread (SingletonThreadPool)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
                           **pool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@cache
def get_engine() -> Engine:
    """The process's engine. DB_POOL_SIZE and DB_MAX_OVERFLOW size its pool (docs/deployment.md)."""
    settings = get_settings()
    return build_engine(settings.database_url, settings.sqlite_busy_timeout_ms,
                        pool_size=int(os.environ.get("DB_POOL_SIZE", "5")),
                        max_overflow=int(os.environ.get("DB_MAX_OVERFLOW", "10")))


class Database:
    """Opens read and write sessions on one engine."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE") if engine.dialect.name == "sqlite" \
            else engine

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: commit on success, roll back on any error.

        The transaction is opened before the body runs, and only that opening is retried (see the module
        docstring): a locked SQLite file or a dropped PostgreSQL connection does not reach the caller."""
        for attempt in range(1, WRITE_TRIES + 1):
            session = Session(self._writer, expire_on_commit=False)
            try:
                self._open(session)
                break
            except (exc.OperationalError, exc.TimeoutError, exc.InterfaceError) as error:
                session.close()
                if attempt == WRITE_TRIES or not is_retryable(error):
                    raise
                _pause(attempt, error)
        with session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def write_retrying(self, body: Callable[[Session], T]) -> T:
        """Run `body` in a write transaction, re-running it whole (up to WRITE_TRIES) on a retryable error
        at any point, commit included. Only for bodies that are safe to re-run: database work alone,
        idempotent (an upsert and its audit event), nothing sent outside."""
        for attempt in range(1, WRITE_TRIES + 1):
            try:
                with self.write() as session:
                    return body(session)
            except (exc.OperationalError, exc.TimeoutError, exc.InterfaceError) as error:
                if attempt == WRITE_TRIES or not is_retryable(error):
                    raise
                _pause(attempt, error)
        raise AssertionError("unreachable")

    def _open(self, session: Session) -> None:
        # checks a connection out: on SQLite that runs BEGIN IMMEDIATE (takes the write lock); on PostgreSQL
        # the pool's pre-ping is the round trip that finds a dead connection here, before the body runs
        session.connection()


def is_retryable(error: Exception) -> bool:
    """Locked SQLite file, PostgreSQL serialization failure / deadlock / lost connection, pool timeout."""
    if isinstance(error, exc.TimeoutError):
        return True
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    original = getattr(error, "orig", None)
    if "database is locked" in str(original or error) or "database is busy" in str(original or error):
        return True
    return getattr(original, "sqlstate", None) in _PG_RETRY_CODES


def _pause(attempt: int, error: Exception) -> None:
    delay = BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS)) - 1]
    log.warning("write transaction retried (try %d of %d): %s", attempt + 1, WRITE_TRIES,
                type(getattr(error, "orig", None) or error).__name__)
    time.sleep(delay * (1 + random.random() / 2))


@cache
def get_database() -> Database:
    return Database(get_engine())
