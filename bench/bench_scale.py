"""Scale: 100,000 candidates and 3 million answers on SQLite and PostgreSQL, then what people wait for.

Seeds its own data in bulk (executemany on SQLite, COPY on PostgreSQL, ANALYZE after), caching the SQLite
file under var/bench/ and the PostgreSQL schema `bench_scale` so a second run reuses them. Measures:
- a save through the service (two round trips) against a bare upsert, side by side, and their ratio;
- the arrival load: 50 candidates open their links within 5 s, each saves 30 answers 1-3 s apart, on
  threads through the services (p50/p95/max per save, errors), and the same load without pauses (stress);
- the lead's dashboard (`profiles.campaign_overview`) and the recruiter's candidates page
  (`candidates.candidate_statuses`) for campaigns of 200, 1,000 and 5,000 candidates, through the services
  (the AppTest runs of the pages are in bench_pages, on this module's SQLite seed);
- the 1-minute load average after each backend's figures.
Set BENCH_SCALE_QUICK=1 for a short run (no pauses in the arrival load, fewer repeats).
"""

from __future__ import annotations

import os
import random
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from sqlalchemy import create_engine, func, insert, text
from sqlmodel import select

from bench.stats import entry, median, p95
from screening import REPO_DIR
from screening.domain.actors import CandidateActor, Staff, SystemActor
from screening.domain.tokens import token_hash
from screening.services import attempts, auth, campaigns, candidates, invitations, profiles
from screening.services.campaigns import CampaignDraft
from screening.store import queries
from screening.store.engine import Database, build_engine, normalise_url
from screening.store.migrate import upgrade
from screening.store.models import Answer, Attempt, Candidate, Invitation, utcnow

PG_URL = os.environ.get("DATABASE_URL_TEST", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
QUICK = os.environ.get("BENCH_SCALE_QUICK") == "1"

TOTAL_CANDIDATES = int(os.environ.get("BENCH_SCALE_CANDIDATES", "100000"))  # smaller only to try the bench
ANSWERS_EACH = 30
PAGE_SIZES = (200, 1_000, 5_000)
SKILLS = ["active_listening", "adaptability", "effective_apology", "resilience", "oral_communication",
          "emotional_self_regulation"]
TARGET = "complaints_retention"  # weighs every skill above: the dashboard computes fits and percentiles
PASSWORD = "bench-password-long"
SEED_VERSION = "v2"  # bump when the seeded shape changes: the cached file/schema is rebuilt
SQLITE_FILE = REPO_DIR / "var" / "bench" / f"scale_{TOTAL_CANDIDATES}.db"
PG_SCHEMA = f"bench_scale_{TOTAL_CANDIDATES}"


def _say(message: str) -> None:
    print(f"  [scale] {message}", file=sys.stderr, flush=True)


# --- seeding --------------------------------------------------------------------------------------


def _staff(db: Database, email: str, role: str) -> Staff:
    return Staff(auth.create_user(db, SystemActor("bench"), email=email, name=email.split("@")[0], role=role,
                                  password=PASSWORD), role)


def _campaign(db: Database, size: int) -> tuple[int, list[dict[str, Any]]]:
    """A campaign owned by its own recruiter and shared with its own lead (so each page's campaign picker
    opens on it), with one candidate taken through the services to draw a real 30-item plan."""
    owner = _staff(db, f"rec{size}@bench.example.org", "recruiter")
    _staff(db, f"lead{size}@bench.example.org", "lead")
    cid = campaigns.create_campaign(db, owner, CampaignDraft(name=f"Bench {size}", skills=SKILLS,
                                                             sjt_items_per_candidate=ANSWERS_EACH,
                                                             target_profile_id=TARGET))
    campaigns.share_campaign(db, owner, cid, f"lead{size}@bench.example.org")
    token = invitations.issue_invite(db, owner, candidates.add_candidate(db, owner, cid, "Template")).token
    view = attempts.open_attempt(db, CandidateActor(token))
    with db.read() as s:
        plan = s.exec(select(Attempt.plan).where(Attempt.id == view.attempt_id)).one()
    return cid, plan


def _rows(campaign_id: int, plan: dict[str, Any], first_id: int, count: int,
          only: str | None = None) -> Iterator[tuple[str, dict]]:
    """(table, row) for `count` submitted candidates, ids from `first_id` (candidate = invitation = attempt);
    `only` keeps one table's rows."""
    now = utcnow()
    sjt = plan["sjt"][:ANSWERS_EACH]
    for n in range(first_id, first_id + count):
        if only in (None, "candidate"):
            yield "candidate", {"id": n, "campaign_id": campaign_id, "name": f"Candidate {n}", "email": "",
                                "is_demo": False, "created_at": now}
        if only in (None, "invitation"):
            yield "invitation", {"id": n, "candidate_id": n, "token_hash": token_hash(f"bench-{n}"),
                                 "created_at": now, "expires_at": now + timedelta(days=365)}
        if only in (None, "attempt"):
            yield "attempt", {"id": n, "candidate_id": n, "plan": plan, "step": ANSWERS_EACH + 1,
                              "started_at": now, "consent_at": now, "submitted_at": now}
        if only in (None, "answer"):
            for k, p in enumerate(sjt):
                yield "answer", {"attempt_id": n, "item_id": p["id"], "item_version": p["version"], "kind": "sjt",
                                 "response": {"best": p["order"][(n + k) % 2], "worst": p["order"][-1]},
                                 "text": "", "updated_at": now}


def _bulk_sqlite(db: Database, chunks: list[tuple[int, dict, int, int]]) -> None:
    tables = {t.name: t for t in (Candidate.__table__, Invitation.__table__, Attempt.__table__,  # type: ignore[attr-defined]
                                  Answer.__table__)}  # type: ignore[attr-defined]
    for cid, plan, first, count in chunks:
        for start in range(first, first + count, 5_000):
            batch: dict[str, list[dict]] = {name: [] for name in tables}
            for table, row in _rows(cid, plan, start, min(5_000, first + count - start)):
                batch[table].append(row)
            with db.write() as s:
                for name in ("candidate", "invitation", "attempt", "answer"):
                    s.execute(insert(tables[name]), batch[name])


def _bulk_postgres(db: Database, chunks: list[tuple[int, dict, int, int]]) -> None:
    import json

    columns = {"candidate": ("id", "campaign_id", "name", "email", "is_demo", "created_at"),
               "invitation": ("id", "candidate_id", "token_hash", "created_at", "expires_at"),
               "attempt": ("id", "candidate_id", "plan", "step", "started_at", "consent_at", "submitted_at"),
               "answer": ("attempt_id", "item_id", "item_version", "kind", "response", "text", "updated_at")}
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:
            for table in ("candidate", "invitation", "attempt", "answer"):
                with cur.copy(f'COPY "{table}" ({", ".join(columns[table])}) FROM STDIN') as copy:
                    for cid, plan, first, count in chunks:
                        for _, row in _rows(cid, plan, first, count, only=table):
                                copy.write_row([json.dumps(v) if isinstance(v, dict) else v
                                                for v in (row[c] for c in columns[table])])
            for table in ("candidate", "invitation", "attempt", "answer"):
                cur.execute(f"select setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                            f"(select max(id) from \"{table}\"))")
        conn.commit()
    finally:
        raw.close()


def _seeded(db: Database) -> bool:
    with db.read() as s:
        # each page-size campaign holds one candidate taken through the services (no answers) beside its bulk
        seeded = (TOTAL_CANDIDATES - len(PAGE_SIZES)) * ANSWERS_EACH
        return s.exec(select(func.count()).select_from(Answer)).one() >= seeded


def _seed(db: Database, backend: str) -> None:
    started = time.perf_counter()
    chunks = []
    with db.read() as s:
        next_id = int(s.exec(select(func.max(Candidate.id))).one() or 0) + 1_000
    big = TOTAL_CANDIDATES - sum(PAGE_SIZES)
    for size in (*PAGE_SIZES, big):
        cid, plan = _campaign(db, size)
        chunks.append((cid, plan, next_id, size - 1 if size in PAGE_SIZES else big))
        next_id += size + 10
    (_bulk_postgres if backend == "postgresql" else _bulk_sqlite)(db, chunks)
    with db.engine.connect() as conn:  # fresh planner statistics after the bulk load
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    _say(f"seeded {backend} in {time.perf_counter() - started:.0f} s")


def _open(backend: str) -> Database:
    if backend == "sqlite":
        marker = SQLITE_FILE.with_suffix(f".{SEED_VERSION}.ok")
        if not marker.exists():
            for stale in SQLITE_FILE.parent.glob(SQLITE_FILE.name + "*"):
                stale.unlink()
        url = f"sqlite:///{SQLITE_FILE}"
        upgrade(url)
        db = Database(build_engine(url, pool_size=20, max_overflow=40))
        if not marker.exists() or not _seeded(db):
            _seed(db, backend)
            marker.write_text("seeded\n")
        return db
    admin = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    schema = f"{PG_SCHEMA}_{SEED_VERSION}"
    with admin.connect() as conn:
        for old in conn.execute(text("select nspname from pg_namespace where nspname like :p"),
                               {"p": f"{PG_SCHEMA}_%"}).scalars():
            if old != schema:
                conn.execute(text(f'DROP SCHEMA "{old}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    url = f"{normalise_url(PG_URL)}?options=-csearch_path%3D{schema}"
    upgrade(url)
    db = Database(build_engine(url, pool_size=20, max_overflow=40))
    if not _seeded(db):
        _seed(db, backend)
    return db


# --- measurements ---------------------------------------------------------------------------------


def _recruiter(db: Database, size: int) -> Staff:
    with db.read() as s:
        from screening.store.models import User
        user_id = s.exec(select(User.id).where(User.email == f"rec{size}@bench.example.org")).one()
        return Staff(int(user_id), "recruiter")


def _lead(db: Database, size: int) -> Staff:
    with db.read() as s:
        from screening.store.models import User
        return Staff(int(s.exec(select(User.id).where(User.email == f"lead{size}@bench.example.org")).one()), "lead")


def _campaign_id(db: Database, size: int) -> int:
    with db.read() as s:
        from screening.store.models import Campaign
        return int(s.exec(select(Campaign.id).where(Campaign.name == f"Bench {size}")).one())


def _fresh_candidate(db: Database, rec: Staff, cid: int, name: str) -> tuple[CandidateActor, Any]:
    link = CandidateActor(invitations.issue_invite(db, rec, candidates.add_candidate(db, rec, cid, name)).token)
    view = attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    return link, view


def _save_vs_upsert(db: Database, backend: str) -> list[dict]:
    """Side by side, interleaved: the service's save and a bare upsert (one transaction, no link, no audit)."""
    rec = _recruiter(db, 200)
    link, view = _fresh_candidate(db, rec, _campaign_id(db, 200), "Save bench")
    items = [p.item for p in view.sjt]
    service, bare = [], []
    repeat = 100 if QUICK else 400
    for n in range(repeat + 10):
        item = items[n % len(items)]
        response = {"best": item.options[n % 2].id, "worst": item.options[-1].id}
        t0 = time.perf_counter()
        attempts.save_sjt_answer(db, link, item.id, response)
        t1 = time.perf_counter()
        with db.write() as s:
            queries.upsert_answer(session=s, attempt_id=view.attempt_id, item_id=item.id, version=item.version,
                                  kind="sjt", response=response, text="", now=utcnow())
        t2 = time.perf_counter()
        if n >= 10:
            service.append((t1 - t0) * 1000)
            bare.append((t2 - t1) * 1000)
    target = 5 if backend == "sqlite" else 12
    return [entry(f"scale.save_service.p50.{backend}", median(service), "ms", None, "lower", backend),
            entry(f"scale.save_service.p95.{backend}", p95(service), "ms", target, "lower", backend),
            entry(f"scale.save_bare_upsert.p50.{backend}", median(bare), "ms", None, "lower", backend),
            entry(f"scale.save_bare_upsert.p95.{backend}", p95(bare), "ms", None, "lower", backend),
            entry(f"scale.save_service_over_bare.p50.{backend}", median(service) / median(bare), "ratio", None,
                  "lower", backend)]


def _arrival(db: Database, backend: str, pause: tuple[float, float], label: str) -> list[dict]:
    rec = _recruiter(db, 1_000)
    cid = _campaign_id(db, 1_000)
    tokens = [invitations.issue_invite(db, rec, candidates.add_candidate(db, rec, cid, f"{label} {n}")).token
              for n in range(50)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.monotonic()

    def candidate(n: int) -> None:
        rng = random.Random(n)
        time.sleep(max(0.0, start + rng.uniform(0, 5) - time.monotonic()))
        link = CandidateActor(tokens[n])
        mine = []
        try:
            view = attempts.open_attempt(db, link)
            attempts.give_consent(db, link)
            for k in range(ANSWERS_EACH):
                item = view.sjt[k % len(view.sjt)].item
                t0 = time.perf_counter()
                attempts.save_sjt_answer(db, link, item.id, {"best": item.options[k % 2].id,
                                                             "worst": item.options[-1].id})
                mine.append((time.perf_counter() - t0) * 1000)
                if pause[1]:
                    time.sleep(rng.uniform(*pause))
            attempts.submit(db, link)
        except Exception as error:
            with lock:
                errors.append(type(error).__name__)
        with lock:
            latencies.extend(mine)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(candidate, range(50)))
    wall = time.perf_counter() - began
    _say(f"{label} {backend}: {len(latencies)} saves in {wall:.0f} s, errors {errors[:3]}")
    stress = label == "stress"
    return [entry(f"scale.arrival{'_stress' if stress else ''}.save_p50.{backend}", median(latencies), "ms", None,
                  "lower", backend),
            entry(f"scale.arrival{'_stress' if stress else ''}.save_p95.{backend}", p95(latencies), "ms",
                  None if stress else 50, "lower", backend),
            entry(f"scale.arrival{'_stress' if stress else ''}.save_max.{backend}", max(latencies), "ms",
                  None if stress else 1000, "lower", backend),
            entry(f"scale.arrival{'_stress' if stress else ''}.errors.{backend}", len(errors), "count", 0, "lower",
                  backend),
            entry(f"scale.arrival{'_stress' if stress else ''}.saves_stored.{backend}", len(latencies), "count",
                  50 * ANSWERS_EACH, "higher", backend)]


def _pages(db: Database, backend: str) -> list[dict]:
    out = []
    medians: dict[str, dict[int, float]] = {"overview": {}, "statuses": {}}
    for size in PAGE_SIZES:
        cid, lead, rec = _campaign_id(db, size), _lead(db, size), _recruiter(db, size)
        repeat = 3 if QUICK or size >= 5_000 else 5
        # warm: each attempt's scores kept from the first call (the cold figure is bench_pages' overview_cold)
        overview = timed_ms(lambda c=cid, a=lead: profiles.campaign_overview(db, a, c), repeat)
        statuses = timed_ms(lambda c=cid, a=rec: candidates.candidate_statuses(db, a, c, page=0), repeat * 3)
        medians["overview"][size], medians["statuses"][size] = median(overview), median(statuses)
        out += [entry(f"scale.overview_{size}.p50.{backend}", median(overview), "ms",
                      300 if size == 5_000 else None, "lower", backend),
                entry(f"scale.overview_{size}.p95.{backend}", p95(overview), "ms", None, "lower", backend),
                entry(f"scale.candidates_page_{size}.p50.{backend}", median(statuses), "ms",
                      300 if size == 5_000 else None, "lower", backend),
                entry(f"scale.candidates_page_{size}.p95.{backend}", p95(statuses), "ms", None, "lower", backend)]
    out += [entry(f"scale.candidates_page_5000_over_200.{backend}",
                  medians["statuses"][5_000] / medians["statuses"][200], "ratio", 2, "lower", backend),
            # linear growth gives 1.0: time per candidate at 5,000 over time per candidate at 200
            entry(f"scale.overview_per_candidate_5000_over_200.{backend}",
                  (medians["overview"][5_000] / 5_000) / (medians["overview"][200] / 200), "ratio", 1, "lower",
                  backend)]
    return out


def timed_ms(fn: Any, repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds of each of `repeat` calls, after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _page_script(module: str, user_id: int, role: str) -> None:
    import importlib

    from screening.domain.actors import Staff as StaffActor
    from screening.ui.components import guarded

    render = importlib.import_module(f"screening.ui.pages.{module}").render
    guarded(lambda: render(StaffActor(user_id, role, "Bench")))()


def run() -> list[dict]:
    results: list[dict] = []
    began = time.perf_counter()
    for backend in ("sqlite", "postgresql"):
        db = _open(backend)
        results += _save_vs_upsert(db, backend)
        results += _pages(db, backend)
        if not QUICK:
            results += _arrival(db, backend, (1.0, 3.0), "arrival")
        results += _arrival(db, backend, (0.0, 0.0), "stress")
        results.append(entry(f"scale.load_average_1m.{backend}", os.getloadavg()[0], "load", None, "lower", backend))
        db.engine.dispose()
    results.append(entry("scale.bench_wall_time", (time.perf_counter() - began) / 60, "min", 20, "lower", "python"))
    return results


if __name__ == "__main__":
    import json
    print(json.dumps(run(), indent=1))
