"""Two app servers behind one PostgreSQL schema and one cookie secret, as behind a load balancer.

Both servers start together on an EMPTY schema, each running `screening db upgrade` first (the advisory
lock lets one migrate and the other wait). A candidate who starts on one resumes on the other where they
were; a staff member signed in on one is signed in on the other (staff sessions live in the database)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from screening import REPO_DIR
from screening.services import campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import Database, build_engine
from screening.store.models import Answer
from screening.web.paths import SESSION_COOKIE
from tests.browser.conftest import _free_port, new_page, server_command, settle, sign_in
from tests.browser.test_candidate_journey import SELECTED, _answer_sjt_screen
from tests.conftest import _pg_schema_url
from tests.factories import staff

COOKIE_SECRET = "two-servers-share-this-long-random-cookie-secret-0123456789"


def _wait_healthy(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.3)


@pytest.fixture
def two_servers(tmp_path) -> Iterator[tuple[str, str, str]]:
    """(url of server A, url of server B, database url). Each server is `screening db upgrade` then
    uvicorn, as `make run` does; both are started at the same moment on an empty schema."""
    for url in _pg_schema_url():
        ports = [_free_port(), _free_port()]
        procs, logs = [], []
        for n, port in enumerate(ports):
            base = f"http://127.0.0.1:{port}"
            env = {**os.environ, "DATABASE_URL": url, "SCREENING_PUBLIC_BASE_URL": base,
                   "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET}
            log = tmp_path / f"server{n}.log"
            logs.append(log)
            serve = " ".join(server_command(port))
            upgrade = f"{sys.executable} -m screening.cli db upgrade"
            procs.append(subprocess.Popen(["sh", "-c", f"{upgrade} && exec {serve}"], cwd=REPO_DIR, env=env,
                                          stdout=log.open("w"), stderr=subprocess.STDOUT))
        try:
            for port, proc, log in zip(ports, procs, logs, strict=True):
                _wait_healthy(f"http://127.0.0.1:{port}", proc, log)
            yield f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}", url
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=20)


def test_a_candidate_and_a_staff_member_move_between_two_servers(two_servers, browser, watch_two):
    a, b, url = two_servers
    engine = build_engine(url)
    db = Database(engine)
    recruiter = staff(db, "rec@example.org", "recruiter")
    cid = campaigns.create_campaign(db, recruiter, CampaignDraft(name="Shared", skills=["empathy"],
                                                                 sjt_items_per_candidate=3, written_questions=1))
    token = invitations.issue_invite(db, recruiter, candidates.add_candidate(db, recruiter, cid, "Amina")).token

    # the candidate starts on server A: consent, first screen, on to the second
    first = new_page(browser, a, watch_two)
    first.goto(f"{a}/?invite={token}")
    first.get_by_text("I have read this and agree to take part.").click()
    first.get_by_role("button", name="Start").click()
    settle(first)
    first.get_by_role("button", name="Start the test").click()  # after the unscored practice question
    expect(first.get_by_text("Step 1 of 4")).to_be_visible()
    _answer_sjt_screen(first)
    checked_on_a = first.locator(SELECTED).count()
    assert checked_on_a >= 2
    first.get_by_role("button", name="Next").click()
    settle(first)
    expect(first.get_by_text("Step 2 of 4")).to_be_visible()
    first.context.close()

    # ... and resumes on server B, from the same link, where they were
    second = new_page(browser, b, watch_two)
    second.goto(f"{b}/?invite={token}")
    settle(second)
    expect(second.get_by_text("Step 2 of 4")).to_be_visible()
    _answer_sjt_screen(second)
    second.get_by_role("button", name="Back").click()
    settle(second)
    expect(second.get_by_text("Step 1 of 4")).to_be_visible()
    expect(second.locator(SELECTED)).to_have_count(checked_on_a)  # the answer given on server A
    second.context.close()
    with db.read() as s:
        assert len(s.exec(select(Answer)).all()) == 2  # one answer per screen, both servers' saves

    # a recruiter signs in on A; the session cookie, copied to B's origin, signs them in there
    desk = new_page(browser, a, watch_two, width=1280, height=900)
    sign_in(desk, a, "rec@example.org")
    expect(desk.get_by_role("heading", name="Campaigns")).to_be_visible()
    cookie = next(c for c in desk.context.cookies() if c["name"] == SESSION_COOKIE)
    desk.context.add_cookies([{"name": SESSION_COOKIE, "value": cookie["value"], "url": b}])
    desk.goto(b)
    settle(desk)
    expect(desk.get_by_role("heading", name="Campaigns")).to_be_visible()
    expect(desk.get_by_role("heading", name="Staff sign-in")).to_have_count(0)
    desk.context.close()
    engine.dispose()


@pytest.fixture
def watch_two(two_servers):  # type: ignore[no-untyped-def]
    """The `watch` fixture's checks, for pages on either server."""
    from tests.browser.conftest import Watch

    class Either(Watch):
        def attach(self, page, base: str) -> None:  # type: ignore[no-untyped-def]
            a, b, _ = two_servers
            page.on("console", lambda m: self.refused.append(m.text) if "Refused to" in m.text else None)
            page.on("request", lambda r: None if r.url.startswith((a, b, "data:", "blob:", "about:"))
                    else self.outside.append(r.url))

    seen = Either()
    yield seen
    assert seen.refused == [], seen.refused
    assert seen.outside == [], seen.outside
