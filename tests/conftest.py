"""Databases for the tests: a fresh SQLite file, and a fresh schema on the real PostgreSQL server.

In CI (CI=true) an unreachable PostgreSQL server fails the run instead of skipping its tests.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from screening.config import get_settings
from screening.services import _passwords
from screening.store import engine as engine_module
from screening.store.engine import Database, build_engine, normalise_url
from screening.store.migrate import upgrade

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PG_URL = os.environ.get("DATABASE_URL_TEST", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_schema_url() -> Iterator[str]:
    admin = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {PG_URL} is unreachable in CI: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{normalise_url(PG_URL)}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch) -> None:
    """The same argon2id at its smallest cost: a hash at the product's cost takes ~0.1 s, and the tests make
    over a thousand accounts. What they check is that a password is hashed and verified, not the hash's cost
    (servers the browser tests start keep the product's cost; they verify whatever cost a hash names)."""
    monkeypatch.setattr(_passwords, "hasher", CHEAP_HASHER)


@pytest.fixture(scope="session")
def _sqlite_migrated(tmp_path_factory) -> Path:
    """One migrated SQLite file per test process; each test gets a copy (a migration run costs ~0.2 s)."""
    path = tmp_path_factory.mktemp("migrated") / "screening.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(tmp_path, _sqlite_migrated) -> str:
    target = tmp_path / "screening.db"
    with closing(sqlite3.connect(_sqlite_migrated)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # SQLite's online backup: the pages of the file and of its write-ahead log
    return f"sqlite:///{target}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    for url in _pg_schema_url():
        upgrade(url)
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db(request) -> Iterator[Database]:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    engine = build_engine(url)
    yield Database(engine)
    engine.dispose()


@pytest.fixture
def app_env(monkeypatch, sqlite_url) -> Iterator[str]:
    """Point the process-wide settings and engine at a fresh database, for AppTest and browser tests."""
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    _clear_caches()
    yield sqlite_url
    engine_module.get_engine().dispose()
    monkeypatch.delenv("DATABASE_URL")
    _clear_caches()


def _clear_caches() -> None:
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_database.cache_clear()
