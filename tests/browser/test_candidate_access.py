"""The candidate side in a real browser: accessible (axe-core on every screen, 375 px wide, keyboard alone,
focus on the new question, `lang` and title in the campaign's language), and robust (a killed server, two tabs).
Screenshots of the journey in EN and FR at 375 px go to docs/screenshots/."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from screening import REPO_DIR
from screening.services import campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import get_database
from screening.store.models import Attempt, utcnow
from tests.browser.conftest import _free_port, new_page, press_for_rerun, serious_violations, server_command, settle
from tests.factories import staff

SHOTS = REPO_DIR / "docs" / "screenshots"
WIDTH = 375


def _campaign(language: str = "en", *, feedback: bool = True, time_limit: int | None = 30) -> str:
    db = get_database()
    recruiter = staff(db, f"rec-{language}@example.org", "recruiter")
    cid = campaigns.create_campaign(db, recruiter, CampaignDraft(
        name="Chat advisors", skills=["empathy"], language=language, sjt_items_per_candidate=2,
        written_questions=1, time_limit_minutes=time_limit, candidate_feedback=feedback))
    candidate = candidates.add_candidate(db, recruiter, cid, "Amina Diallo")
    return invitations.issue_invite(db, recruiter, candidate).token


def _axe(page: Page, screen: str) -> None:
    bad = serious_violations(page)
    assert bad == [], f"axe on the {screen} screen: {bad}"


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


# the focused element, looking inside components' shadow roots (the autosave box lives in one)
DEEP_ACTIVE = ("(() => { let el = document.activeElement;"
               " while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;"
               " return el; })()")


def _press_until_focused(page: Page, predicate: str, *, limit: int = 40) -> None:
    """Tab until the focused element matches (a JS expression over `el`); keyboard only."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = {DEEP_ACTIVE}; return !!el && ({predicate}); }}"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def _button(name: str) -> str:
    return f"el.tagName === 'BUTTON' && el.innerText.trim() === {json.dumps(name)}"


def _radio_in_group(n: int) -> str:
    return (f"el.type === 'radio' && [...document.querySelectorAll('[data-testid=\"stRadio\"]')]"
            f".indexOf(el.closest('[data-testid=\"stRadio\"]')) === {n}")


def _pick_by_keyboard(page: Page, groups: int) -> None:
    """Tab into each radio group in turn: Space picks the first option of the first group, the down arrow the
    second option of every other group, so that a best-and-worst item gets two different answers."""
    for group in range(groups):
        _press_until_focused(page, _radio_in_group(group))
        press_for_rerun(page, "Space" if group == 0 else "ArrowDown")


WORDS = {
    "en": {"agree": "I have read this and agree to take part.", "start": "Start", "practice": "Practice question",
           "go": "Start the test", "next": "Next", "confirm": "I understand that I cannot change my answers after "
           "submitting.", "submit": "Submit my answers", "answer": "Your answer", "feedback": "Your feedback",
           "title": "Your assessment", "question": "Question {n} of {total}", "saved": "Saved",
           "same": "Pick two different responses."},
    "fr": {"agree": "J'ai lu ces informations et j'accepte de participer.", "start": "Commencer",
           "practice": "Question d'entraînement", "go": "Commencer le questionnaire", "next": "Suivant",
           "confirm": "Je comprends que je ne pourrai plus modifier mes réponses après l'envoi.",
           "submit": "Envoyer mes réponses", "answer": "Votre réponse", "feedback": "Votre retour",
           "title": "Votre évaluation", "question": "Question {n} sur {total}", "saved": "Enregistré",
           "same": "Choisissez deux réponses différentes."},
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_journey_by_keyboard_alone_at_375px_is_accessible_in_the_campaigns_language(server, browser, watch,
                                                                                    language):
    words = WORDS[language]
    token = _campaign(language)
    page = new_page(browser, server, watch, width=WIDTH, height=800)
    page.goto(f"{server}/?invite={token}")
    expect(page.get_by_text(re.compile("Amina Diallo"))).to_be_visible()
    settle(page)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page).to_have_title(words["title"])
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTH  # nothing wider than the phone
    _axe(page, "welcome")
    _shot(page, f"{language}-1-welcome")

    # keyboard alone: Tab to the consent box, Space; Tab to Start, Enter
    _press_until_focused(page, "el.type === 'checkbox' && el.closest('label').innerText.includes("
                         f"{json.dumps(words['agree'][:20])})")
    press_for_rerun(page, "Space")
    _press_until_focused(page, _button(words["start"]))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=words["practice"])).to_be_visible()
    settle(page)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'cand-practice'")
    expect(page.locator('[data-testid="stRadio"] label').first).to_be_visible()
    targets = page.evaluate("() => [...document.querySelectorAll('[data-testid=\"stRadio\"] label')]"
                            ".map(l => l.getBoundingClientRect().height)")
    assert targets and min(targets) >= 24, targets
    _axe(page, "practice")
    _shot(page, f"{language}-2-practice")
    _pick_by_keyboard(page, 2)
    _press_until_focused(page, _button(words["go"]))
    page.keyboard.press("Enter")

    total = 3
    for step in range(1, total + 1):
        heading = words["question"].format(n=step, total=total)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        settle(page)
        # focus moved to the new question's heading
        page.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'cand-q-{step}'")
        if step <= 2:
            _pick_by_keyboard(page, page.locator('[data-testid="stRadio"]').count())
            expect(page.get_by_text(words["same"])).to_have_count(0)
            if step == 1:
                _axe(page, "SJT item")
                _shot(page, f"{language}-3-sjt")
        else:
            _press_until_focused(page, "el.tagName === 'TEXTAREA'")
            page.keyboard.type("I listened, said sorry once, and fixed the date.")
            expect(page.locator(".st-autosave-status")).to_have_text(words["saved"])
            _axe(page, "written question")
            _shot(page, f"{language}-4-written")
        _press_until_focused(page, _button(words["next"]))
        page.keyboard.press("Enter")
        settle(page)

    expect(page.get_by_role("checkbox", name=words["confirm"])).to_be_attached()
    _axe(page, "review")
    _shot(page, f"{language}-5-review")
    _press_until_focused(page, "el.type === 'checkbox' && el.closest('label').innerText.includes("
                         f"{json.dumps(words['confirm'][:20])})")
    press_for_rerun(page, "Space")
    _press_until_focused(page, _button(words["submit"]))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=words["feedback"])).to_be_visible()
    settle(page)
    _axe(page, "thank-you and feedback")
    _shot(page, f"{language}-6-feedback")
    page.context.close()


def test_time_left_is_announced_only_at_10_5_and_1_minutes(server, browser, watch):

    token = _campaign("en", time_limit=30)
    page = new_page(browser, server, watch)
    page.clock.install()
    page.goto(f"{server}/?invite={token}")
    page.get_by_text(WORDS["en"]["agree"]).click()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Practice question")).to_be_visible()
    with get_database().write() as s:  # 11 minutes left
        attempt = s.exec(select(Attempt)).one()
        attempt.deadline_at = utcnow() + timedelta(minutes=11)
        s.add(attempt)
    page.reload()
    settle(page)
    live = page.locator("#cand-time-live")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(page.locator(".cand-time-left")).to_have_text("Time left: about 11 min")
    expect(live).to_have_text("")
    page.evaluate("""() => {
        window.__said = [];
        const live = [...document.querySelectorAll('*')]  // inside the component's shadow root
            .map((e) => e.shadowRoot && e.shadowRoot.getElementById('cand-time-live')).find(Boolean);
        new MutationObserver(() => window.__said.push(live.textContent))
            .observe(live, {childList: true, characterData: true, subtree: true});
    }""")
    page.clock.run_for(90_000)      # 9.5 min left: the 10-minute mark passed
    page.clock.run_for(5 * 60_000)  # 4.5 min left
    page.clock.run_for(4 * 60_000)  # 30 s left
    changes = page.evaluate("() => window.__said")
    assert changes == ["10 minute(s) left.", "5 minute(s) left.", "1 minute(s) left."]
    page.context.close()


# --- faults: a killed server, two tabs ---------------------------------------------------------------------

def _start(app_env: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": app_env, "SCREENING_PUBLIC_BASE_URL": base}
    proc = subprocess.Popen(server_command(port), cwd=REPO_DIR, env=env, stdout=log.open("a"),
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.3)


@pytest.fixture
def killable(app_env, tmp_path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]], int, Path]]:
    port = _free_port()
    procs = [_start(app_env, port, tmp_path / "server.log")]
    yield app_env, procs, port, tmp_path / "server.log"
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=20)


def test_a_killed_server_loses_nothing_the_candidate_gave(killable, browser):
    app_env, procs, port, log = killable
    base = f"http://127.0.0.1:{port}"
    token = _campaign("en", time_limit=None)
    page = browser.new_context(viewport={"width": WIDTH, "height": 800}).new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{base}/?invite={token}")
    page.get_by_text(WORDS["en"]["agree"]).click()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Start the test").click()
    expect(page.get_by_role("heading", name="Question 1 of 3")).to_be_visible()
    settle(page)  # a click during the rerun that draws the question is lost with the stale radio
    choice = page.locator('[data-testid="stRadio"]').first.locator('[data-testid="stRadioOption"]').nth(1)
    choice.click()
    expect(choice).to_have_attribute("data-selected", "true")
    settle(page)
    for step in (2, 3):
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_role("heading", name=f"Question {step} of 3")).to_be_visible()
        settle(page)
    box = page.get_by_label("Your answer")
    box.click()
    text = "Typed before the crash: I called the customer back within the hour."
    page.keyboard.type(text)
    expect(page.locator(".st-autosave-status")).to_have_text("Saved")
    assert page.evaluate(f"() => {DEEP_ACTIVE}.tagName") == "TEXTAREA"  # still focused, still typing

    procs[0].send_signal(signal.SIGKILL)
    procs[0].wait(timeout=10)
    procs.append(_start(app_env, port, log))  # the same port, the same database

    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="Question 3 of 3")).to_be_visible()
    expect(page.get_by_label("Your answer")).to_have_value(text)
    for step in (2, 1):
        page.get_by_role("button", name="Back").click()
        expect(page.get_by_role("heading", name=f"Question {step} of 3")).to_be_visible()
        settle(page)
    expect(page.locator('[data-testid="stRadioOption"][data-selected="true"]')).to_have_count(1)
    page.context.close()


def test_two_tabs_later_save_wins_and_the_other_tab_is_told(server, browser, watch):
    token = _campaign("en", time_limit=None)
    first = new_page(browser, server, watch)
    first.goto(f"{server}/?invite={token}")
    first.get_by_text(WORDS["en"]["agree"]).click()
    first.get_by_role("button", name="Start").click()
    first.get_by_role("button", name="Start the test").click()
    expect(first.get_by_role("heading", name="Question 1 of 3")).to_be_visible()
    settle(first)
    second = first.context.new_page()  # the same browser, a second tab
    watch.attach(second, server)
    second.goto(f"{server}/?invite={token}")
    expect(second.get_by_role("heading", name="Question 1 of 3")).to_be_visible()
    settle(second)

    def pick(page: Page, n: int) -> None:
        option = page.locator('[data-testid="stRadio"]').first.locator('[data-testid="stRadioOption"]').nth(n)
        option.click()
        settle(page)

    pick(second, 0)
    pick(first, 2)  # drawn before the second tab's save: saved, and told
    expect(first.get_by_text(re.compile("changed in another tab or window"))).to_be_visible()
    first_selected = first.locator('[data-testid="stRadio"]').first.locator(
        '[data-testid="stRadioOption"][data-selected="true"]')
    expect(first_selected).to_have_count(1)
    second.reload()
    settle(second)
    chosen = second.locator('[data-testid="stRadio"]').first.locator('[data-testid="stRadioOption"]').nth(2)
    expect(chosen).to_have_attribute("data-selected", "true")  # the later save won
    first.context.close()
