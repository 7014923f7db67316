"""Hostile candidate text shows as typed in the browser: no markup, link, colour or maths is rendered."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from screening.domain.actors import CandidateActor
from screening.services import attempts, candidates, invitations
from screening.store.engine import get_database
from tests.browser.conftest import settle, sign_in
from tests.factories import answer_everything, world

NAME = "Zoë :red[Boom] **bold** <b>tag</b> [link](http://evil.example) $x^2$"
ANSWER = "I said <i>sorry</i> & :blue[calm] then [click](javascript:alert(1)) 😀 שלום"


def test_hostile_name_and_answer_stay_inert_for_recruiter_and_lead(server, browser_page):
    db = get_database()
    w = world(db)
    hostile_id = candidates.add_candidate(db, w.recruiter, w.campaign_id, NAME)
    token = invitations.issue_invite(db, w.recruiter, hostile_id).token
    answer_everything(db, token, text=ANSWER)
    attempts.submit(db, CandidateActor(token))
    page = browser_page

    sign_in(page, server, "rec@example.org")
    page.get_by_role("link", name="Interview console").click()
    settle(page)
    candidate_box = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').nth(1)
    candidate_box.click()
    label = f"{NAME} · no e-mail · added {date.today():%Y-%m-%d} · no. {hostile_id}"
    page.get_by_role("option", name=label, exact=True).click()  # the name shows as typed
    settle(page)
    expect(page.get_by_text(ANSWER).first).to_be_visible()
    main = page.locator('[data-testid="stMain"]')
    assert main.locator("a[href^='javascript'], a[href*='evil.example']").count() == 0
    assert main.locator("main b, main i, .katex").count() == 0
    expect(candidate_box.get_by_role("combobox")).to_have_value(label)  # the chosen value, as typed
