"""What people wait for on the two busiest staff pages, on the scale seed (SQLite, 100,000 candidates and
3 million answers; see bench_scale): the lead's dashboard and the recruiter's candidates page, for campaigns
of 200, 1,000 and 5,000 candidates, as AppTest runs of the real pages and through their services.

Every figure comes with its bare baseline, run in the same bench so a loaded machine shows in both:
- an AppTest run of a one-line script (the harness itself), for the pages' AppTest runs;
- one SQL query returning the campaign's SJT answer rows (sqlite3, no ORM), for the dashboard's first,
  cold computation (nothing kept from an earlier run);
and the 1-minute load average when the figures were taken (other processes share the cores).
"""

from __future__ import annotations

import os
import sqlite3
import time

from bench import bench_scale as scale
from bench.stats import entry, median, p95
from screening.domain.actors import Staff
from screening.services import candidates, profiles
from screening.store.engine import Database

SIZES = scale.PAGE_SIZES


def _bare_answers(path: str, campaign_id: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("select t.candidate_id, a.item_id, a.item_version, a.response from answer a "
                     "join attempt t on t.id = a.attempt_id join candidate c on c.id = t.candidate_id "
                     "where c.campaign_id = ? and t.submitted_at is not null and a.kind = 'sjt'",
                     (campaign_id,)).fetchall()
    conn.close()


def _services(db: Database) -> list[dict]:
    out: list[dict] = []
    for size in SIZES:
        cid, lead, rec = scale._campaign_id(db, size), scale._lead(db, size), scale._recruiter(db, size)
        cold, bare = [], []
        for _ in range(2 if size >= 5_000 else 3):
            profiles._sjt_kept.clear()  # cold: no score kept from an earlier run
            t0 = time.perf_counter()
            profiles.campaign_overview(db, lead, cid)
            cold.append((time.perf_counter() - t0) * 1000)
            bare += scale.timed_ms(lambda c=cid: _bare_answers(str(scale.SQLITE_FILE), c), 1, warmup=0)
        warm = scale.timed_ms(lambda c=cid, a=lead: profiles.campaign_overview(db, a, c), 5)
        statuses = scale.timed_ms(lambda c=cid, a=rec: candidates.candidate_statuses(db, a, c, page=0), 7)
        out += [entry(f"pages.overview_cold_{size}.p50", median(cold), "ms", None, "lower", "sqlite"),
                entry(f"pages.overview_cold_{size}.bare_sql_p50", median(bare), "ms", None, "lower", "sqlite"),
                entry(f"pages.overview_cold_{size}.over_bare_sql", median(cold) / median(bare), "ratio", None,
                      "lower", "sqlite"),
                entry(f"pages.overview_{size}.p50", median(warm), "ms", None, "lower", "sqlite"),
                entry(f"pages.candidates_{size}.p50", median(statuses), "ms", None, "lower", "sqlite")]
        if size == 200:  # the names this module reported before the scale seed
            out += [entry("pages.lead_overview_200.median", median(warm), "ms", 1000, "lower", "sqlite"),
                    entry("pages.lead_overview_200.p95", p95(warm), "ms", None, "lower", "sqlite"),
                    entry("pages.recruiter_statuses_200.median", median(statuses), "ms", 100, "lower", "sqlite"),
                    entry("pages.overview_over_statuses", median(warm) / median(statuses), "ratio", None,
                          "lower", "sqlite")]
    return out


def _apptest(db: Database) -> list[dict]:
    """The real pages as AppTest runs them, as each campaign's own lead and recruiter."""
    from streamlit.testing.v1 import AppTest

    from screening.config import get_settings
    from screening.store import engine as engine_module

    os.environ["DATABASE_URL"] = str(db.engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_database.cache_clear()
    out: list[dict] = []
    p50: dict[tuple[str, int], float] = {}
    try:
        bare = scale.timed_ms(lambda: AppTest.from_function(_bare_script).run(), 5, warmup=2)
        out.append(entry("pages.apptest_bare.p50", median(bare), "ms", None, "lower", "sqlite"))
        for size in SIZES:
            for module, who, name in (("dashboard", scale._lead(db, size), "dashboard"),
                                      ("candidates", scale._recruiter(db, size), "candidates")):
                def run(module: str = module, who: Staff = who) -> None:
                    at = AppTest.from_function(scale._page_script, args=(module, who.user_id, who.role),
                                               default_timeout=300).run()
                    assert not at.exception, at.exception
                runs = scale.timed_ms(run, 7)  # the median of seven: one slow run in three moved it
                p50[name, size] = median(runs)
                out += [entry(f"pages.apptest_{name}_{size}.p50", median(runs), "ms", 300 if size == 5_000 else None,
                              "lower", "sqlite"),
                        entry(f"pages.apptest_{name}_{size}.over_bare", median(runs) / median(bare), "ratio", None,
                              "lower", "sqlite")]
    finally:
        os.environ.pop("DATABASE_URL", None)
        get_settings.cache_clear()
        engine_module.get_engine.cache_clear()
        engine_module.get_database.cache_clear()
    # growth: the paginated list within 2x from 200 to 5,000; the dashboard no worse than linear (time per
    # candidate at 5,000 over time per candidate at 200: linear gives 1.0)
    out += [entry("pages.apptest_candidates_5000_over_200", p50["candidates", 5_000] / p50["candidates", 200],
                  "ratio", 2, "lower", "sqlite"),
            entry("pages.apptest_dashboard_5000_over_200", p50["dashboard", 5_000] / p50["dashboard", 200],
                  "ratio", None, "lower", "sqlite"),
            entry("pages.apptest_dashboard_per_candidate_5000_over_200",
                  (p50["dashboard", 5_000] / 5_000) / (p50["dashboard", 200] / 200), "ratio", 1, "lower", "sqlite")]
    return out


def _bare_script() -> None:
    import streamlit as st

    st.write("bare")


def run() -> list[dict]:
    db = scale._open("sqlite")
    try:
        results = _services(db)
        results.append(entry("pages.load_average_1m.services", os.getloadavg()[0], "load", None, "lower"))
        results += _apptest(db)
        results.append(entry("pages.load_average_1m.apptest", os.getloadavg()[0], "load", None, "lower"))
    finally:
        db.engine.dispose()
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
