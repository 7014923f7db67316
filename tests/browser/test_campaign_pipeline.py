"""The recruiter runs a real campaign in a browser: create it, import a CSV of three candidates with one bad
row, invite by e-mail to an SMTP server started here, and see "sent" on the status board. Screenshots of the
key steps go to docs/screenshots/."""

from __future__ import annotations

from playwright.sync_api import expect

from screening import REPO_DIR
from screening.store.engine import get_database
from tests.browser.conftest import settle, sign_in
from tests.factories import staff
from tests.services.test_mail_smtp import body_text

SHOTS = REPO_DIR / "docs" / "screenshots"
CSV = "name,email,reference\nBo Chen,bo@example.org,R-1\nNo Address,not-an-email,R-2\nCy Diaz,cy@example.org,R-3\n"



def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Streamlit scrolls inside its own container, so a tall window shows the whole page."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 2000})
    settle(page)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def test_recruiter_creates_imports_invites_by_e_mail_and_sees_sent(smtp_env, server, browser_page, tmp_path):
    staff(get_database(), "rec@example.org", "recruiter")
    page = browser_page
    sign_in(page, server, "rec@example.org")

    page.get_by_label("Campaign name").fill("Night chat advisors")
    page.get_by_label("Job title").fill("Live chat advisor")
    page.get_by_label("Job title").press("Tab")
    settle(page)
    page.locator('[data-testid="stMultiSelect"]').first.locator("input").click()
    page.keyboard.type("Patience")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)
    expect(page.get_by_text("Each candidate answers").first).to_be_visible()
    expect(page.get_by_text("Each candidate answers 0 SJT")).to_have_count(0)
    shot(page, "1-new-campaign-with-estimate")
    page.get_by_role("button", name="Create campaign").click()
    settle(page)
    expect(page.get_by_text("Campaign created.")).to_be_visible()

    page.get_by_role("link", name="Candidates").click()
    settle(page)
    page.get_by_text("Import a CSV file").first.click()
    upload = tmp_path / "candidates.csv"
    upload.write_text(CSV)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    settle(page)
    expect(page.get_by_text("2 row(s) ready to add, 1 row(s) with an error.")).to_be_visible()
    shot(page, "2-csv-preview-with-a-bad-row")
    page.get_by_role("button", name="Add the 2 valid row(s)").click()
    settle(page)
    expect(page.get_by_text("2 candidate(s) added.")).to_be_visible()

    page.get_by_role("button", name="Issue invite link").first.click()
    settle(page)
    expect(page.get_by_text("Invitation e-mailed to the candidate.")).to_be_visible()
    [received] = smtp_env.received
    assert received.rcpt_tos == ["bo@example.org"]
    assert "/?invite=" in body_text(received.message)
    page.reload()
    settle(page)
    expect(page.get_by_text("invited: **1**".replace("**", ""), exact=False)).to_be_visible()
    expect(page.get_by_text("E-mailed: 20", exact=False)).to_be_visible()
    shot(page, "3-status-board-sent")
