"""The app served as `make run` serves it (uvicorn and st.App) on a free local port, and Debian's Chromium
driven by Playwright. Every page a test opens is watched: a Content-Security-Policy refusal ("Refused
to ...") or a request to any other host fails the test."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from screening import REPO_DIR
from screening.config import get_settings
from screening.domain.actors import CandidateActor
from screening.services import attempts
from screening.store.engine import get_database
from screening.web.paths import SIGN_IN_PATH
from tests.factories import PASSWORD, World, answer_everything, world
from tests.services.test_mail_smtp import Inbox, _server

# Every browser test, whichever module is imported first: a first load on a busy 2-core machine can take
# well over the default 5 s.
expect.set_options(timeout=20_000)

CHROMIUM = "/usr/bin/chromium"
# This machine's network is closed: without these flags Chromium keeps trying to reach Google.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(port: int) -> list[str]:
    """The same command as `make run` (see the Makefile's SERVE)."""
    return [sys.executable, "-m", "uvicorn", "screening.web.asgi:app", "--host", "127.0.0.1", "--port", str(port)]


@pytest.fixture
def server(app_env, tmp_path) -> Iterator[str]:
    with serving(app_env, tmp_path / "streamlit.log") as base:
        yield base


@contextlib.contextmanager
def serving(database_url: str, log_path: Path) -> Iterator[str]:
    """The app on a free port over this database, until the block ends; yields its base address."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": database_url, "SCREENING_PUBLIC_BASE_URL": base}
    log = log_path.open("w")
    proc = subprocess.Popen(server_command(port), cwd=REPO_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(Path(log.name).read_text()) from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


class Watch:
    """What a page said on its console and which hosts it asked, across every page of a test."""

    def __init__(self) -> None:
        self.refused: list[str] = []
        self.outside: list[str] = []

    def attach(self, page, base: str) -> None:  # type: ignore[no-untyped-def]
        page.on("console", lambda m: self.refused.append(m.text) if "Refused to" in m.text else None)
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:", "about:"))
                else self.outside.append(r.url))


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    with chromium() as launched:
        yield launched


@contextlib.contextmanager
def chromium():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `make test` installs it"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=CHROMIUM_ARGS)  # Playwright gives it a new empty profile
        yield launched
        launched.close()


@pytest.fixture
def watch(server) -> Iterator[Watch]:  # type: ignore[no-untyped-def]
    seen = Watch()
    yield seen
    assert seen.refused == [], f"the page refused something under its Content-Security-Policy: {seen.refused}"
    assert seen.outside == [], f"the page asked another host: {seen.outside}"


class ScriptRuns:
    """How many full script runs the app has finished for one page, read from the page's websocket: the
    `data-test-script-state` attribute can go from "notRunning" back to "notRunning" in one render when a run is
    quick, and then shows no run at all."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.finished = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            msg = ForwardMsg.FromString(payload)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                self.finished += 1


_RUNS: weakref.WeakKeyDictionary[Any, ScriptRuns] = weakref.WeakKeyDictionary()


def new_page(browser, server: str, watch: Watch, width: int = 390, height: int = 844):  # type: ignore[no-untyped-def]
    """A fresh browser context (no cookies), watched; a phone-sized window unless told otherwise."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    watch.attach(page, server)
    _RUNS[page] = ScriptRuns(page)
    return page


@pytest.fixture
def browser_page(browser, server, watch):  # type: ignore[no-untyped-def]
    page = new_page(browser, server, watch)
    yield page
    page.context.close()


ALLOWLIST = Path(__file__).with_name("axe_allowlist.json")


def _allowed() -> dict[str, str]:
    return {entry["id"]: entry["reason"] for entry in json.loads(ALLOWLIST.read_text())["allowed"]}


def axe_violations(page) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Every axe-core violation on the page as it stands."""
    from axe_playwright_python.sync_playwright import Axe

    return list(Axe().run(page).response["violations"])


def serious_violations(page, violations: list[dict[str, Any]] | None = None  # type: ignore[no-untyped-def]
                       ) -> list[tuple[str, str, list[tuple[object, str]]]]:
    """axe-core's critical and serious violations (of the page as it stands, or of a run already made), except
    the rules listed in axe_allowlist.json (inside Streamlit's own widgets, with the reason):
    (rule, impact, first nodes)."""
    allowed = _allowed()
    return [(v["id"], v["impact"], [(n["target"], n.get("failureSummary", "")) for n in v["nodes"]][:3])
            for v in (axe_violations(page) if violations is None else violations)
            if v["impact"] in ("critical", "serious") and v["id"] not in allowed]


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the rerun a click started (stale elements are gone)."""
    page.wait_for_timeout(150)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached")
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def press_for_rerun(page, key: str) -> None:  # type: ignore[no-untyped-def]
    """Press a key that changes a widget's value, wait for the script run it starts to end, then settle.

    `settle` alone can return before a slow machine has even started that run: a key pressed next (Enter on
    a button) then lands on an element the run is about to redraw, and is lost. Needs a page from `new_page`."""
    runs = _RUNS[page]
    before = runs.finished
    page.keyboard.press(key)
    deadline = time.monotonic() + 30
    while runs.finished <= before:
        assert time.monotonic() < deadline, f"no script run ended after {key}"
        page.wait_for_timeout(50)
    settle(page)


def fill_sign_in_form(page, server, email, password):  # type: ignore[no-untyped-def]
    """From the signed-out page, through its sign-in link, to the form, filled in (not yet sent)."""
    page.goto(server)
    settle(page)  # a click on the link while Streamlit still redraws it can be lost
    page.get_by_role("link", name="Sign in").click()
    page.wait_for_url(f"{server}{SIGN_IN_PATH}**")
    # exact: the signed-out page's lost-link box ("The e-mail address you applied with") also holds "e-mail"
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)


def sign_in(page, server, email, password=PASSWORD):  # type: ignore[no-untyped-def]
    """Through the real form: the app's sign-in link, the form page, then a full page load."""
    page.set_viewport_size({"width": 1280, "height": 900})  # recruiters work at a desk
    fill_sign_in_form(page, server, email, password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server}/**")
    settle(page)


def in_the_console(page, server) -> World:  # type: ignore[no-untyped-def]
    """A candidate who answered everything and submitted, and the recruiter signed in on the interview console."""
    db = get_database()
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    sign_in(page, server, "rec@example.org")
    page.get_by_role("link", name="Interview console").click()
    settle(page)
    return w


@pytest.fixture
def smtp_env(monkeypatch) -> Iterator[Inbox]:
    """Set before the server starts (it reads the environment), so the app e-mails to this inbox."""
    for inbox, port in _server():
        for name, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_TLS": "none",
                            "MAIL_FROM": "Acme Recruiting <jobs@acme.example>"}.items():
            monkeypatch.setenv(f"SCREENING_{name}", value)
        get_settings.cache_clear()
        yield inbox
    get_settings.cache_clear()
