"""Two candidates with the same name in a real browser: the recruiter picks the second in the interview
console, rates, and the rating is stored on her record, not the first one's."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlmodel import select

from screening.services import interviews
from screening.store.engine import get_database
from screening.store.models import Rating
from tests.browser.conftest import settle, sign_in
from tests.factories import second_namesake, world


def test_rating_the_second_namesake_in_the_console_lands_on_her_record(server, browser_page):
    db = get_database()
    w = world(db)
    twin = second_namesake(db, w)
    page = browser_page
    sign_in(page, server, "rec@example.org")
    page.get_by_role("link", name="Interview console").click()
    settle(page)
    page.get_by_role("combobox", name="Candidate").click()
    options = page.get_by_role("option")
    expect(options).to_have_count(2)
    labels = options.all_inner_texts()
    assert len(set(labels)) == 2 and all(label.startswith("Amina Diallo · ") for label in labels)
    page.get_by_role("option", name=re.compile(r"a\.diallo@example\.net")).click()
    settle(page)
    expect(page.get_by_role("combobox", name="Candidate")).to_have_value(
        re.compile(rf"a\.diallo@example\.net .* no\. {twin}$"))
    first_form = page.locator('[data-testid="stForm"]').filter(has_text="Your rating (1-5)").first
    first_form.locator('[data-testid="stRadioOption"]').nth(1).click()
    first_form.get_by_label("Evidence for your level (required)").fill("Gave no example of her own.")
    first_form.get_by_role("button", name="Submit my rating").click()
    settle(page)
    expect(page.get_by_text("Your first rating: 2. Your final rating: 2.")).to_be_visible()
    question = interviews.console(db, w.recruiter, twin).questions[0].question.id
    with db.read() as s:
        stored = [(r.candidate_id, r.question_id, r.first_level) for r in s.exec(select(Rating)).all()]
    assert stored == [(twin, question, 2)]  # the second candidate's, nothing on the first
