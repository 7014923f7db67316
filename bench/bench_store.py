"""Saving candidate answers: median and p95 latency per save on SQLite (WAL) and PostgreSQL."""

from __future__ import annotations

import os
import tempfile
import uuid

from sqlalchemy import create_engine, text

from bench.stats import entry, median, p95, timings
from screening.domain.actors import CandidateActor, Staff, SystemActor
from screening.services import attempts, campaigns, candidates, invitations
from screening.services.auth import create_user
from screening.services.campaigns import CampaignDraft
from screening.store import queries
from screening.store.engine import Database, build_engine, normalise_url
from screening.store.migrate import upgrade
from screening.store.models import utcnow

PG_URL = os.environ.get("DATABASE_URL_TEST", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _measure(url: str, backend: str) -> list[dict]:
    upgrade(url)
    db = Database(build_engine(url))
    uid = create_user(db, SystemActor("bench"), email=f"{uuid.uuid4().hex}@bench.example.org", name="bench",
                      role="recruiter", password="bench-password-long")
    rec = Staff(uid, "recruiter")
    cid = campaigns.create_campaign(db, rec, CampaignDraft(name="bench", skills=["empathy", "patience"]))
    token = invitations.issue_invite(db, rec, candidates.add_candidate(db, rec, cid, "Bench")).token
    view = attempts.open_attempt(db, CandidateActor(token))
    attempts.give_consent(db, CandidateActor(token))
    item = view.sjt[0].item
    counter = iter(range(10**6))

    def save() -> None:
        n = next(counter)
        attempts.save_sjt_answer(db, CandidateActor(token), item.id,
                                 {"best": item.options[n % 2].id, "worst": item.options[2].id})

    def bare() -> None:  # the upsert alone in its own transaction: no link, no audit, no version
        n = next(counter)
        with db.write() as s:
            queries.upsert_answer(session=s, attempt_id=view.attempt_id, item_id=item.id, version=item.version,
                                  kind="sjt", response={"best": item.options[n % 2].id, "worst": item.options[2].id},
                                  text="", now=utcnow())

    runs, bare_runs = timings(save, repeat=200, warmup=5), timings(bare, repeat=200, warmup=5)
    db.engine.dispose()
    return [entry(f"store.save_answer.median.{backend}", median(runs) * 1000, "ms", 50, "lower", backend),
            entry(f"store.save_answer.p95.{backend}", p95(runs) * 1000, "ms", None, "lower", backend),
            entry(f"store.bare_upsert.median.{backend}", median(bare_runs) * 1000, "ms", None, "lower", backend),
            entry(f"store.save_over_bare.median.{backend}", median(runs) / median(bare_runs), "ratio", None,
                  "lower", backend)]


def run() -> list[dict]:
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        results += _measure(f"sqlite:///{tmp}/bench.db", "sqlite")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        results += _measure(f"{normalise_url(PG_URL)}?options=-csearch_path%3D{schema}", "postgresql")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return results
