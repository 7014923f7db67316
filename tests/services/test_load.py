"""Fifty candidates arriving together all get through, and no use case needs a second connection.

Both tests run on SQLite and on PostgreSQL (the `sqlite_url` / `pg_url` fixtures). They assert what is
stored and that no error reached anyone; they never assert timings (bench/bench_scale.py measures those).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import select

from screening.domain.actors import CandidateActor, Staff
from screening.services import attempts, campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database, build_engine
from screening.store.models import Answer, Attempt
from tests.factories import staff
from tests.services.test_policy_matrix import ACTORS, EXPECTED, _ctx

SKILLS = ["active_listening", "adaptability", "effective_apology", "resilience", "oral_communication",
          "emotional_self_regulation"]


@pytest.fixture(params=["sqlite", "postgres"])
def url(request) -> str:
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def one_connection_db(url) -> Iterator[Database]:
    """A pool of ONE connection: a use case that opens a second connection while holding the first waits
    for itself and fails with a pool timeout after 2 s (and every retry of it does too)."""
    engine = build_engine(url, pool_size=1, max_overflow=0, pool_timeout=2)
    yield Database(engine)
    engine.dispose()


# Calls whose side effects would refuse later rows (a disabled account, an erased candidate) go last.
LAST = ("campaigns.close_campaign", "campaigns.archive_campaign", "auth.set_active", "candidates.erase_candidate",
        "candidates.purge_older_than", "attempts.submit", "attempts.withdraw")


def test_every_use_case_runs_on_a_single_connection(one_connection_db):
    """Every public service function (the policy matrix's rows, so a new one is covered the day it is
    added), called as an actor allowed to: candidate answers and submits, recruiter adds, invites, rates
    and revises, lead reads the overview, profile and PDF and decides, admin lists users and the audit."""
    db = one_connection_db
    ctx = _ctx(db)
    names = sorted(EXPECTED, key=lambda n: (n in LAST, LAST.index(n) if n in LAST else 0))
    ran = []
    for name in names:
        row = EXPECTED[name]
        who = next(a for a in ACTORS if a in row.ok)
        row.call(ctx, ctx.actors[who], who)  # a pool timeout raises here
        ran.append(name)
    assert sorted(ran) == sorted(EXPECTED)
    assert db.engine.pool.checkedout() == 0  # every connection was given back
    # the journey really happened: the candidate's answers are stored and the attempt is closed
    with db.read() as s:
        attempt = s.exec(select(Attempt).where(Attempt.candidate_id == ctx.candidate_id)).one()
        stored = {a.item_id for a in s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all()}
    assert attempt.submitted_at is not None
    assert {ctx.sjt_item, ctx.written_question} <= stored


def _arrival(db: Database, recruiter: Staff, campaign_id: int, arrivals: int, answers_each: int,
             arrive_within: float, pause: tuple[float, float], seed: int) -> tuple[dict, list[BaseException]]:
    """`arrivals` candidates open their links within `arrive_within` seconds, each then saves
    `answers_each` answers `pause` seconds apart. Returns (what each attempt must hold, errors)."""
    tokens = [invitations.issue_invite(db, recruiter, candidates.add_candidate(db, recruiter, campaign_id,
                                                                              f"Arrival {n}")).token
              for n in range(arrivals)]
    expected: dict[int, dict[str, dict]] = {}
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = time.monotonic()

    def candidate(n: int) -> None:
        rng = random.Random(seed + n)
        time.sleep(max(0.0, start + rng.uniform(0, arrive_within) - time.monotonic()))
        link = CandidateActor(tokens[n])
        try:
            view = attempts.open_attempt(db, link)
            attempts.give_consent(db, link)
            last: dict[str, dict] = {}
            for k in range(answers_each):
                item = view.sjt[k % len(view.sjt)].item
                response = {"best": item.options[rng.randrange(2)].id, "worst": item.options[-1].id}
                attempts.save_sjt_answer(db, link, item.id, response)
                attempts.go_to_step(db, link, 1 + k % view.total_steps)
                last[item.id] = response
                time.sleep(rng.uniform(*pause))
            attempts.submit(db, link)
            with lock:
                expected[view.attempt_id] = last
        except BaseException as error:
            with lock:
                errors.append(error)

    with ThreadPoolExecutor(max_workers=arrivals) as pool:
        list(pool.map(candidate, range(arrivals)))
    return expected, errors


def test_fifty_candidates_arriving_together_all_get_through(url):
    engine = build_engine(url)  # the default pool (5 + 10 overflow): fewer connections than candidates
    db = Database(engine)
    recruiter = staff(db, "rec@example.org", "recruiter")
    cid = campaigns.create_campaign(db, recruiter, CampaignDraft(name="Arrival", skills=SKILLS))
    expected, errors = _arrival(db, recruiter, cid, arrivals=50, answers_each=30, arrive_within=5.0,
                                pause=(0.1, 0.3), seed=7)
    assert errors == []  # no "database is locked", no pool timeout, nothing reached a candidate
    assert len(expected) == 50
    with db.read() as s:
        rows = s.exec(select(Answer)).all()
        submitted = s.exec(select(Attempt).where(Attempt.submitted_at.is_not(None))).all()  # type: ignore[union-attr]
    stored: dict[int, dict[str, dict]] = {}
    for r in rows:
        assert r.item_id not in stored.setdefault(r.attempt_id, {}), "an answer stored twice"
        stored[r.attempt_id][r.item_id] = r.response
    assert stored == expected  # every answer exactly once, holding the last value the candidate gave
    assert sum(len(v) for v in stored.values()) == 50 * min(30, len(next(iter(expected.values()))))
    assert len(submitted) == 50
    engine.dispose()


def test_a_locked_sqlite_file_is_retried_at_the_opening_of_a_write(sqlite_url):
    """Another process holds the write lock longer than the busy timeout: the first BEGIN IMMEDIATE fails
    with "database is locked", the retry gets in once the lock is released; the body ran once."""
    import sqlite3

    engine = build_engine(sqlite_url, busy_timeout_ms=50)
    db = Database(engine)
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None,
                            check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.08, other.rollback).start()
    runs = []
    with db.write() as s:
        runs.append(s.exec(select(Answer)).all())
    assert runs == [[]]
    other.close()
    engine.dispose()


def test_two_servers_migrating_at_once_both_start():
    """`screening db upgrade` run by two servers starting together on one empty PostgreSQL schema: the
    advisory lock lets one migrate while the other waits and then finds nothing to do."""
    from screening.store.migrate import upgrade
    from tests.conftest import _pg_schema_url

    for empty in _pg_schema_url():
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(upgrade, [empty, empty]))  # re-raises either's error
        engine = build_engine(empty)
        with Database(engine).read() as s:
            assert s.exec(select(Answer)).all() == []
            version = s.connection().exec_driver_sql("select count(*) from alembic_version").scalar()
        assert version == 1
        engine.dispose()
