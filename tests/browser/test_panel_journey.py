"""The panel in a real browser: rating with an evidence note then the suggestion, the debrief after two
raters, and the lead comparing three candidates. Each saves a screenshot to docs/screenshots/."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from screening import REPO_DIR
from screening.domain.actors import CandidateActor
from screening.services import attempts, campaigns, interviews
from screening.store.engine import get_database
from tests.app.test_panel_pages import _three
from tests.browser.conftest import in_the_console, new_page, settle, sign_in
from tests.factories import answer_everything, world

SHOTS = REPO_DIR / "docs" / "screenshots"


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


def test_a_rater_writes_evidence_then_sees_the_suggestion(server, browser_page):
    page = browser_page
    in_the_console(page, server)
    expect(page.get_by_text("Rating anchors").first).to_be_visible()       # anchors shown, not folded away
    expect(page.get_by_text("Software suggestion")).to_have_count(0)
    form = page.locator('[data-testid="stForm"]').filter(has_text="Your rating (1-5)").first
    form.locator('[data-testid="stRadioOption"]').nth(3).click()
    form.get_by_role("button", name="Submit my rating").click()
    settle(page)
    expect(page.get_by_text("Write the evidence your level rests on").first).to_be_visible()
    expect(page.get_by_text("Software suggestion")).to_have_count(0)
    form.locator('[data-testid="stRadioOption"]').nth(3).click()
    form.get_by_label("Evidence for your level (required)").fill("Named the customer's worry, then fixed the date.")
    form.get_by_role("button", name="Submit my rating").click()
    settle(page)
    expect(page.get_by_text("Your first rating: 4. Your final rating: 4.")).to_be_visible()
    expect(page.get_by_text(re.compile("Software suggestion|No suggestion")).first).to_be_visible()
    expect(page.get_by_role("button", name="Keep my level (4)")).to_be_visible()
    _shot(page, "console-rated-with-evidence.png")


def test_the_panel_debrief_after_two_raters(server, browser, watch):
    db = get_database()
    w = world(db)
    campaigns.share_campaign(db, w.recruiter, w.campaign_id, "other@example.org")
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    qid = interviews.console(db, w.recruiter, w.candidate_id).questions[0].question.id
    interviews.rate(db, w.recruiter, w.candidate_id, qid, 2, "General talk, no example of her own.")
    interviews.rate(db, w.other_recruiter, w.candidate_id, qid, 4, "A real case: <b>owned</b> the refund.")
    page = new_page(browser, server, watch)
    sign_in(page, server, "rec@example.org")
    page.get_by_role("link", name="Panel debrief").click()
    settle(page)
    expect(page.get_by_text("Mean 3.0, spread 2 over 2 rater(s)")).to_be_visible()
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid).to_be_visible()
    form = page.locator('[data-testid="stForm"]').filter(has_text="Consensus level").first
    form.locator('[data-testid="stRadioOption"]').nth(2).click()
    form.get_by_label("Reason (required)").fill("One real example, thin on her own actions.")
    form.get_by_role("button", name="Record the consensus").click()
    settle(page)
    expect(page.get_by_text(re.compile("Consensus: level 3, recorded by Rec"))).to_be_visible()
    _shot(page, "panel-debrief.png")
    page.context.close()


def test_the_lead_compares_three_candidates(server, browser, watch):
    db = get_database()
    w = world(db)
    _three(w)
    page = new_page(browser, server, watch)
    sign_in(page, server, "lead@example.org")
    page.get_by_role("link", name="Compare candidates").click()
    settle(page)
    picker = page.get_by_label("Two to four candidates")
    for name in ("Amina Diallo", "Bo Chen", "Cy Dupont"):
        picker.click()
        page.get_by_role("option", name=re.compile(name)).click()
        settle(page)
    page.keyboard.press("Escape")
    settle(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1)
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible()
    page.wait_for_timeout(800)   # let Vega finish drawing before the picture
    _shot(page, "lead-compare-three.png")
    page.context.close()
