"""Candidates arriving together on the real server, measured on the server's side.

The server is started as `make run` starts it (uvicorn screening.web.asgi:app, on a free port, over a fresh
SQLite database with a seeded campaign); one headless Debian Chromium opens every invite link at once (one
context per person), and each person gives consent, passes the practice question and answers ten SJT screens.
On two cores Chromium takes most of the time, so latency is read from the server's own log: app.py logs each
script run with its duration (`screening.web.logs.timed_script_run`). Reported: script-run p50/p95 and count,
the server's resident memory growth per open session, completions, answers stored, wall time; 20 people, then
50 people within a time cap (how many finished in it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import func, select

from bench.stats import entry, median, p95
from screening import REPO_DIR
from screening.domain.actors import Staff, SystemActor
from screening.services import auth, campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database, build_engine
from screening.store.migrate import upgrade
from screening.store.models import Answer
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Watch, _free_port, new_page, server_command, settle

SCREENS = 10
SKILLS = ["active_listening", "adaptability", "effective_apology", "resilience"]
RUNS = ((20, 480.0), (50, 240.0))  # (people, time cap in seconds, from the first context opened)


def _seed(db: Database, people: int) -> list[str]:
    recruiter = Staff(auth.create_user(db, SystemActor("bench"), email="arrival@bench.example.org", name="arrival",
                                       role="recruiter", password="bench-password-long"), "recruiter")
    cid = campaigns.create_campaign(db, recruiter, CampaignDraft(
        name="Arrival", skills=SKILLS, sjt_items_per_candidate=SCREENS, written_questions=1))
    return [invitations.issue_invite(db, recruiter, candidates.add_candidate(db, recruiter, cid, f"P{n}")).token
            for n in range(people)]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _start(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": url, "SCREENING_PUBLIC_BASE_URL": base}
    proc = subprocess.Popen(server_command(port), cwd=REPO_DIR, env=env, stdout=subprocess.DEVNULL,
                            stderr=log.open("w"))
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.terminate()
                raise RuntimeError("the server did not start") from None
            time.sleep(0.3)


def _script_runs(log: Path) -> list[float]:
    out = []
    for line in log.read_text().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("event") == "script run" and record.get("page") == "invite":
            out.append(float(record["duration_ms"]))
    return out


def _journey(browser: Any, base: str, tokens: list[str], cap: float) -> tuple[int, int]:
    """Everyone opens their link before anyone answers; then each step is taken by all, in turn, as long as
    the time cap allows. Returns (people who reached the last screen, people whose browser failed)."""
    from playwright.sync_api import expect

    deadline = time.monotonic() + cap  # opening the contexts counts: on two cores it takes minutes for fifty
    watch = Watch()
    pages = [new_page(browser, base, watch) for _ in tokens]
    for page, token in zip(pages, tokens, strict=True):
        page.goto(f"{base}/?invite={token}", wait_until="commit")
    total = SCREENS + 1
    alive = list(pages)
    failed = 0

    reasons: dict[str, int] = {}

    def each(action: Callable[[Any], None]) -> None:
        nonlocal alive, failed
        kept = []
        for page in alive:
            if time.monotonic() > deadline:
                return
            try:
                action(page)
                kept.append(page)
            except Exception as error:  # a timeout in one browser context: that person is counted as not finished
                failed += 1
                reason = f"{type(error).__name__} at {getattr(action, 'step', '?')}"
                reasons[reason] = reasons.get(reason, 0) + 1
        alive = kept

    def named(step: str, act: Callable[[Any], object]) -> Callable[[Any], None]:
        def run(page: Any) -> None:
            act(page)
        run.step = step  # type: ignore[attr-defined]
        return run

    def click(name: str) -> Callable[[Any], None]:
        return named(f"button {name}", lambda page: (settle(page), page.get_by_role("button", name=name).click()))

    def choose(step: int) -> Callable[[Any], None]:
        def act(page: Any) -> None:
            expect(page.get_by_text(f"Step {step} of {total}")).to_be_visible()
            option = page.locator('[data-testid="stRadio"]').first.locator('[data-testid="stRadioOption"]').nth(1)
            option.click()
            expect(option).to_have_attribute("data-selected", "true")
        return named(f"screen {step}", act)

    each(named("consent", lambda page: (settle(page),
                                        page.get_by_text("I have read this and agree to take part.").click())))
    each(click("Start"))
    each(click("Start the test"))
    each(named("settle", settle))
    for step in range(1, SCREENS + 1):
        each(choose(step))
        each(click("Next"))
        each(named("settle", settle))
    done = sum(1 for page in alive if page.get_by_text(f"Step {total} of {total}").is_visible())  # no waiting
    print(f"  [arrival] {len(tokens)} people: {done} finished; failures {reasons}", file=sys.stderr, flush=True)
    for page in pages:
        page.context.close()
    return done, failed


def _measure(browser: Any, people: int, cap: float) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/arrival.db"
        upgrade(url)
        db = Database(build_engine(url))
        tokens = _seed(db, people)
        log = Path(tmp) / "server.log"
        proc, base = _start(url, log)
        try:
            rss_before = _rss_mb(proc.pid)
            began = time.perf_counter()
            done, failed = _journey(browser, base, tokens, cap)
            wall = time.perf_counter() - began
            rss_after = _rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        runs = _script_runs(log)
        with db.read() as s:
            stored = int(s.exec(select(func.count()).select_from(Answer)).one())
        db.engine.dispose()
    name = f"arrival.server_{people}"
    return [entry(f"{name}.script_run_p50", median(runs) if runs else None, "ms", None, "lower", "sqlite"),
            entry(f"{name}.script_run_p95", p95(runs) if runs else None, "ms", None, "lower", "sqlite"),
            entry(f"{name}.script_runs", len(runs), "count", None, "higher", "sqlite"),
            entry(f"{name}.rss_growth_per_session", (rss_after - rss_before) / people, "MB", None, "lower",
                  "sqlite"),
            entry(f"{name}.rss_after", rss_after, "MB", None, "lower", "sqlite"),
            entry(f"{name}.completed", done, "count", people, "higher", "sqlite"),
            entry(f"{name}.browser_failures", failed, "count", 0, "lower", "sqlite"),
            entry(f"{name}.answers_stored", stored, "count", people * SCREENS if people == 20 else None, "higher",
                  "sqlite"),
            entry(f"{name}.wall", wall, "s", cap, "lower", "sqlite"),
            entry(f"{name}.load_average_1m", os.getloadavg()[0], "load", None, "lower")]


def run() -> list[dict]:
    from playwright.sync_api import sync_playwright

    results: list[dict] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for people, cap in RUNS:
                results += _measure(browser, people, cap)
        finally:
            browser.close()
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
