"""The recruiter's journey in a real browser: sign in, add a candidate, copy the invite link, rate."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from screening.store.engine import get_database
from tests.browser.conftest import in_the_console, settle, sign_in
from tests.factories import world


def test_recruiter_adds_a_candidate_issues_a_link_and_the_session_survives_reload(server, browser_page):
    world(get_database())
    page = browser_page
    sign_in(page, server, "rec@example.org")
    expect(page.get_by_role("heading", name="Campaigns")).to_be_visible()
    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="Campaigns")).to_be_visible()  # still signed in

    page.get_by_role("link", name="Candidates").click()
    settle(page)
    page.get_by_label("Full name").fill("Kofi Mensah")
    page.get_by_role("button", name="Add candidate").click()
    settle(page)
    expect(page.get_by_text("Candidate added.")).to_be_visible()
    page.get_by_role("button", name="Issue invite link").last.click()
    settle(page)
    link = page.locator('[data-testid="stCode"]').inner_text()
    assert re.search(r"/\?invite=[\w-]{20,}", link)

    # the link works for the candidate, in a fresh page without the staff session
    token = link.strip().split("invite=")[1]
    page.goto(f"{server}/?invite={token}")
    expect(page.get_by_text("Hello Kofi")).to_be_visible()
    expect(page.get_by_text("Sign out")).to_have_count(0)


def test_recruiter_rates_in_the_console_before_seeing_the_suggestion(server, browser_page):
    page = browser_page
    in_the_console(page, server)
    expect(page.get_by_text("Software suggestion")).to_have_count(0)
    first_form = page.locator('[data-testid="stForm"]').filter(has_text="Your rating (1-5)").first
    first_form.locator('[data-testid="stRadioOption"]').nth(3).click()
    first_form.get_by_label("Evidence for your level (required)").fill("Named the worry, then fixed the date.")
    first_form.get_by_role("button", name="Submit my rating").click()
    settle(page)
    expect(page.get_by_text("Your first rating: 4. Your final rating: 4.")).to_be_visible()
    expect(page.get_by_text(re.compile("Software suggestion|No suggestion")).first).to_be_visible()
    page.screenshot(path=str(_shots() / "console.png"), full_page=True)


def _shots():  # type: ignore[no-untyped-def]
    from pathlib import Path
    path = Path("/tmp/screening-shots")
    path.mkdir(exist_ok=True)
    return path
