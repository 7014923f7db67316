"""Exports in a real browser: the lead downloads the campaign's results through the app's own button and the
file is read back (a formula-like name arrives neutralised); the tables offer no download of their own
(client.disableDataExport); the lead downloads a candidate's profile PDF, logged as handed out; a recruiter
gets no export. Screenshots go to docs/screenshots/."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader
from sqlmodel import select

from screening.services import candidates
from screening.services.exports import RESULT_COLUMNS
from screening.store.engine import get_database
from screening.store.models import AuditEvent
from tests.browser.conftest import new_page, settle, sign_in
from tests.browser.test_calibration_journey import SLOW, grid_rows
from tests.browser.test_campaign_pipeline import SHOTS, shot
from tests.factories import world

HOSTILE = '=HYPERLINK("http://x","y")'


def test_the_lead_exports_neutralised_results_and_tables_offer_no_download(server, browser, watch):
    db = get_database()
    w = world(db)
    hostile_id = candidates.add_candidate(db, w.recruiter, w.campaign_id, HOSTILE, "hyper@example.org")

    page = new_page(browser, server, watch)
    sign_in(page, server, "lead@example.org")
    page.get_by_role("link", name="Campaigns").click()
    settle(page)
    button = page.get_by_role("button", name="Download results (CSV)")
    expect(button).to_have_count(1, timeout=SLOW)
    shot(page, "export-1-lead-campaign-card")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == f"campaign-{w.campaign_id}-results.csv"
    data = Path(download.value.path()).read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(RESULT_COLUMNS)
    by_id = {row[0]: row for row in rows[1:]}
    assert set(by_id) == {str(w.candidate_id), str(hostile_id)}
    assert by_id[str(hostile_id)][1:3] == ["'" + HOSTILE, "hyper@example.org"]   # a leading quote: plain text
    assert by_id[str(w.candidate_id)][1:3] == ["Amina Diallo", "amina@example.org"]
    with db.read() as s:
        [event] = s.exec(select(AuditEvent).where(AuditEvent.action == "campaign.export")).all()
    assert (event.actor_id, event.entity_id, event.details) == (w.lead.user_id, str(w.campaign_id), {"rows": 2})

    page.get_by_role("link", name="Profiles and decisions").click()
    settle(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid).to_be_visible(timeout=SLOW)
    assert HOSTILE in [row[1] for row in grid_rows(grid)]     # shown as typed, as plain text
    page.set_viewport_size({"width": 1280, "height": 2000})   # the whole page in the picture, as `shot` does
    grid.hover()
    toolbar = grid.locator('[data-testid="stElementToolbar"]')
    expect(toolbar).to_have_css("opacity", "1", timeout=SLOW)
    expect(toolbar.get_by_role("button", name="Search")).to_be_visible(timeout=SLOW)     # the toolbar is open ...
    expect(toolbar.get_by_role("button", name="Fullscreen")).to_be_visible(timeout=SLOW)
    expect(toolbar.get_by_role("button", name="Download as CSV")).to_have_count(0)   # ... without a download
    page.screenshot(path=str(SHOTS / "export-2-table-toolbar-without-download.png"))

    page.set_viewport_size({"width": 1280, "height": 900})
    picker = page.get_by_label("Candidate", exact=True)
    picker.click()
    page.get_by_role("option", name=f"Amina Diallo · no. {w.candidate_id}").click()
    settle(page)
    with page.expect_download() as pdf:  # the profile a hiring lead decides from, built on the click
        page.get_by_role("button", name="Download profile (PDF)").click()
    assert pdf.value.suggested_filename == f"profile-{w.candidate_id}.pdf"
    text = "".join(p.extract_text() for p in PdfReader(pdf.value.path()).pages)
    assert "Amina Diallo" in text
    with db.read() as s:
        [handed] = s.exec(select(AuditEvent).where(AuditEvent.action == "profile.pdf")).all()
    assert (handed.actor_id, handed.entity_id, handed.details) == (w.lead.user_id, str(w.candidate_id),
                                                                   {"via": "download"})
    page.context.close()

    recruiter = new_page(browser, server, watch)
    sign_in(recruiter, server, "rec@example.org")
    expect(recruiter.get_by_text("Chat advisors").first).to_be_visible(timeout=SLOW)
    expect(recruiter.get_by_role("button", name="Download results (CSV)")).to_have_count(0)   # scores: leads only
    recruiter.context.close()
