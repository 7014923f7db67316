"""The candidate's journey in a real browser: invite link, consent, SJT, reload, written answer, submit."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlmodel import select

from screening.services import campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import get_database
from screening.store.models import Answer, Attempt
from tests.browser.conftest import settle
from tests.factories import staff

SELECTED = '[data-testid="stRadioOption"][data-selected="true"]'


def _small_campaign() -> str:
    db = get_database()
    recruiter = staff(db, "rec@example.org", "recruiter")
    cid = campaigns.create_campaign(db, recruiter, CampaignDraft(
        name="Chat advisors", skills=["empathy"], sjt_items_per_candidate=3, written_questions=1))
    candidate = candidates.add_candidate(db, recruiter, cid, "Amina Diallo")
    return invitations.issue_invite(db, recruiter, candidate).token


def _answer_sjt_screen(page) -> None:
    groups = page.locator('[data-testid="stRadio"]')
    expect(groups.first).to_be_visible()
    count = groups.count()
    for n in range(count):
        options = groups.nth(n).locator('[data-testid="stRadioOption"]')
        # best/worst: two groups, pick different responses; rate-each: one group per option
        choice = options.nth(n % options.count() if count == 2 else 2)
        choice.click()
        expect(choice).to_have_attribute("data-selected", "true")
        settle(page)


def test_candidate_journey_with_a_reload_loses_nothing(server, browser_page):
    token = _small_campaign()
    page = browser_page
    page.goto(f"{server}/?invite={token}")
    expect(page.get_by_text("Hello Amina")).to_be_visible()
    page.get_by_text("I have read this and agree to take part.").click()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Practice question")).to_be_visible()
    page.get_by_role("button", name="Start the test").click()
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()

    _answer_sjt_screen(page)
    checked_before = page.locator(SELECTED).count()
    assert checked_before >= 2
    page.reload()  # mid-test: a refresh, a closed tab, a flaky phone connection
    settle(page)
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    expect(page.locator(SELECTED)).to_have_count(checked_before)

    for step in (2, 3):
        page.get_by_role("button", name="Next").click()
        settle(page)
        expect(page.get_by_text(f"Step {step} of 4")).to_be_visible()
        _answer_sjt_screen(page)
    page.get_by_role("button", name="Next").click()
    settle(page)  # until the run ends, the Next button on screen is still step 3's (stale), and leads to step 4
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    answer = "Last winter a customer called in tears about a missed delivery. I listened first, then..."
    page.get_by_label("Your answer").fill(answer)
    page.get_by_role("button", name="Next").click()

    settle(page)
    expect(page.get_by_text("You answered 4 of 4 questions.")).to_be_visible()
    page.get_by_text("I understand that I cannot change my answers after submitting.").click()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text(re.compile("Thank you! Your answers have been sent"))).to_be_visible()

    with get_database().read() as s:
        attempt = s.exec(select(Attempt)).one()
        rows = s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all()
    assert attempt.submitted_at is not None
    assert len(rows) == 4 and any(r.text == answer for r in rows)

    page.goto(f"{server}/?invite={token}")  # the used link answers no more: it shows the thank-you screen
    expect(page.get_by_text(re.compile("Thank you! Your answers have been sent"))).to_be_visible()
    expect(page.locator('[data-testid="stRadio"]')).to_have_count(0)


def test_forged_link_shows_a_plain_message(server, browser_page):
    _small_campaign()
    browser_page.goto(f"{server}/?invite=not-a-real-token")
    expect(browser_page.get_by_text(re.compile("This link is not valid"))).to_be_visible()
    expect(browser_page.get_by_text("Amina")).to_have_count(0)
