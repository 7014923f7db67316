"""Twenty candidates arrive together on the real server (uvicorn + st.App, as `make run` serves it): one
headless Chromium, twenty contexts (twenty separate people, twenty websockets open at once), each giving
consent and answering the first three of their ten SJT screens. All twenty get through and every answer is
in the database. The whole ten-screen journey for twenty and for fifty people, with the server's times and
memory, runs in `make bench` (bench/bench_arrival.py): four minutes of two cores, too long for every test run."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlmodel import select

from screening.services import campaigns, candidates, invitations
from screening.services.campaigns import CampaignDraft
from screening.store.engine import get_database
from screening.store.models import Answer, Attempt
from tests.browser.conftest import new_page, settle
from tests.factories import staff

PEOPLE = 20
SCREENS = 10
ANSWERED = 3
SKILLS = ["active_listening", "adaptability", "effective_apology", "resilience"]


def test_twenty_candidates_arriving_together_all_get_through(server, browser, watch):
    db = get_database()
    recruiter = staff(db, "rec@example.org", "recruiter")
    cid = campaigns.create_campaign(db, recruiter, CampaignDraft(
        name="Arrival", skills=SKILLS, sjt_items_per_candidate=SCREENS, written_questions=1))
    tokens = [invitations.issue_invite(db, recruiter, candidates.add_candidate(db, recruiter, cid, f"P{n}")).token
              for n in range(PEOPLE)]
    total = SCREENS + 1
    pages = [new_page(browser, server, watch) for _ in range(PEOPLE)]
    for page, token in zip(pages, tokens, strict=True):  # every link opened before anyone answers
        page.goto(f"{server}/?invite={token}", wait_until="commit")
    for page in pages:
        settle(page)
        page.get_by_text("I have read this and agree to take part.").click()
    for page in pages:
        settle(page)
        page.get_by_role("button", name="Start").click()
    for page in pages:  # the unscored practice question comes first
        settle(page)
        page.get_by_role("button", name="Start the test").click()
    for page in pages:
        settle(page)
    for step in range(1, ANSWERED + 1):
        for page in pages:  # all twenty sessions stay open while each answers in turn
            expect(page.get_by_text(f"Step {step} of {total}")).to_be_visible()
            choice = page.locator('[data-testid="stRadio"]').first.locator('[data-testid="stRadioOption"]').nth(1)
            choice.click()  # one radio per screen keeps twenty people lean; a partial answer is saved too
            expect(choice).to_have_attribute("data-selected", "true")
        for page in pages:
            settle(page)
            page.get_by_role("button", name="Next").click()
        for page in pages:
            settle(page)
    for page in pages:
        expect(page.get_by_text(f"Step {ANSWERED + 1} of {total}")).to_be_visible()
        page.context.close()

    with db.read() as s:
        attempts = s.exec(select(Attempt)).all()
        rows = s.exec(select(Answer)).all()
    assert len(attempts) == PEOPLE and all(a.consent_at is not None for a in attempts)
    per_attempt = {a.id: sum(1 for r in rows if r.attempt_id == a.id) for a in attempts}
    assert per_attempt == {a.id: ANSWERED for a in attempts}  # every screen's answer, once
    assert all(r.kind == "sjt" and r.response for r in rows)
