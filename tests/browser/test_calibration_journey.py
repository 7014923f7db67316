"""Rater calibration in a real browser: a recruiter rates ten bank exemplars blind, sees the weighted kappa with
its 95 % interval and that they were harsh, starts another set; the lead then sees that rater's set.
Screenshots of the key steps go to docs/screenshots/."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlmodel import select

from screening.i18n import t
from screening.scoring.ratings import calibration
from screening.store.engine import get_database
from screening.store.models import CalibrationRating, CalibrationSet
from tests.browser.conftest import new_page, settle, sign_in
from tests.browser.test_campaign_pipeline import shot
from tests.factories import world

SLOW = 20_000   # ms: a rerun that writes can take seconds on a loaded 2-core machine


def grid_rows(grid) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The cells of a Streamlit dataframe, from the table Glide keeps inside its canvas for assistive tech."""
    grid.locator("tbody tr").first.wait_for(state="attached")
    return grid.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent))")


def _sets(db, rater_id: int) -> list[tuple[CalibrationSet, list[CalibrationRating]]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        sets = list(s.exec(select(CalibrationSet).where(CalibrationSet.rater_id == rater_id)
                           .order_by(CalibrationSet.id)).all())
        return [(c, list(s.exec(select(CalibrationRating).where(CalibrationRating.set_id == c.id)
                                .order_by(CalibrationRating.position)).all())) for c in sets]


def test_a_recruiter_calibrates_blind_sees_kappa_and_harshness_and_the_lead_sees_the_set(server, browser, watch):
    db = get_database()
    w = world(db)
    page = new_page(browser, server, watch)
    sign_in(page, server, "rec@example.org")
    page.get_by_role("link", name="Calibration").click()
    settle(page)
    page.get_by_role("button", name="Start a set of ten").click()
    settle(page)
    expect(page.get_by_text("Answer 1 of 10")).to_be_visible(timeout=SLOW)
    [(started, items)] = _sets(db, w.recruiter.user_id)
    assert started.language == "en" and len(items) == 10 and started.completed_at is None
    harsh = [max(1, r.keyed_level - 1) for r in items]    # this rater sits one level under the key

    for n, level in enumerate(harsh, start=1):
        expect(page.get_by_text(f"Answer {n} of 10")).to_be_visible(timeout=SLOW)
        settle(page)   # the rerun that drew this answer has finished: a click now is not lost
        expect(page.get_by_text("Keyed level", exact=True)).to_have_count(0)         # blind until all ten are rated
        if n == 1:
            expect(page.get_by_text("Rating anchors").first).to_be_visible(timeout=SLOW)
            shot(page, "calibration-1-rating-blind")
        form = page.locator('[data-testid="stForm"]').filter(has_text="Your level (1-5)")
        form.locator('[data-testid="stRadioOption"]').nth(level - 1).click()
        expect(form.get_by_role("radio", name=str(level), exact=True)).to_be_checked()
        form.get_by_role("button", name="Save and go on").click()
        settle(page)

    table = page.locator('[data-testid="stDataFrame"]').first
    expect(table.locator("th")).to_have_text(["Question", "Your level", "Keyed level", "Gap"], timeout=SLOW)
    [(done, rated)] = _sets(db, w.recruiter.user_id)
    assert done.completed_at is not None and [r.level for r in rated] == harsh
    result = calibration([float(x) for x in harsh], [r.keyed_level for r in rated])
    assert result.tendency == "harsh" and result.kappa is not None
    assert result.ci_low is not None and result.ci_high is not None and result.mean_signed_diff is not None
    line = t("calibration.result", "en", kappa=f"{result.kappa:.2f}", low=f"{result.ci_low:.2f}",
             high=f"{result.ci_high:.2f}", n=10)
    expect(page.get_by_role("heading", name=line)).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(f"You rated lower than the key by {-result.mean_signed_diff:.1f} level(s) on "
                            "average: harsh.")).to_be_visible(timeout=SLOW)
    # the keys, now shown beside the rater's levels (the grid draws on a canvas; its cells are in a table inside)
    assert [row[1:] for row in grid_rows(table)] == [[str(x), str(r.keyed_level), str(x - r.keyed_level)]
                                                     for x, r in zip(harsh, rated, strict=True)]
    shot(page, "calibration-2-kappa-and-harsh")

    page.get_by_role("button", name="Start a set of ten").click()
    settle(page)
    expect(page.get_by_text("Answer 1 of 10")).to_be_visible(timeout=SLOW)
    sets = _sets(db, w.recruiter.user_id)
    assert len(sets) == 2 and sets[1][0].completed_at is None
    # least seen first: the second set does not repeat the first one's exemplars while others remain
    assert {(r.question_id, r.exemplar_id) for r in sets[1][1]}.isdisjoint(
        {(r.question_id, r.exemplar_id) for r in rated})
    page.context.close()

    lead = new_page(browser, server, watch)
    sign_in(lead, server, "lead@example.org")
    lead.get_by_role("link", name="Raters").click()
    settle(lead)
    expect(lead.get_by_role("heading", name="Calibration sets")).to_be_visible(timeout=SLOW)
    sets_grid = lead.locator('[data-testid="stDataFrame"]').first
    expect(sets_grid.locator("th")).to_have_text(["Rater", "Date", "Kappa", "95% interval", "Tendency"], timeout=SLOW)
    [row] = grid_rows(sets_grid)     # the one finished set; the unfinished one is not shown
    assert row[0] == "Rec" and row[1] == done.created_at.strftime("%Y-%m-%d")
    assert row[2:] == [f"{result.kappa:.2f}", f"{result.ci_low:.2f} - {result.ci_high:.2f}", "harsh"]
    shot(lead, "calibration-3-lead-sees-the-rater")
    lead.context.close()
