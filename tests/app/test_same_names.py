"""Two records with the same name never mix up: the pickers key on ids and label each record apart."""

from __future__ import annotations

from sqlmodel import select

from screening.services import campaigns, candidates, interviews
from screening.services.campaigns import CampaignDraft
from screening.store.engine import get_database
from screening.store.models import Rating
from tests.app.conftest import page
from tests.factories import SKILLS, second_namesake


def test_rating_the_second_of_two_namesakes_lands_on_her_record(app_world):
    db = get_database()
    twin = second_namesake(db, app_world)
    at = page("console", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    picker = at.selectbox(key=f"console_candidate_{app_world.campaign_id}")
    labels = picker.options
    assert len(labels) == 2 and len(set(labels)) == 2  # told apart
    assert any("a.diallo@example.net" in label and f"no. {twin}" in label for label in labels)
    picker.set_value(twin).run()
    assert not at.exception
    question = interviews.console(db, app_world.recruiter, twin).questions[0].question.id
    at.radio(key=f"rate_level_{question}").set_value(2)
    at.text_area(key=f"rate_note_{question}").input("Gave no example of her own.")
    next(b for b in at.button if b.label == "Submit my rating").click().run()
    assert not at.exception and not at.error
    with db.read() as s:
        stored = [(r.candidate_id, r.question_id, r.first_level) for r in s.exec(select(Rating)).all()]
    assert stored == [(twin, question, 2)]  # on the second candidate, nothing on the first
    assert interviews.console(db, app_world.recruiter, app_world.candidate_id).questions[0].my_rating is None
    assert at.selectbox(key=f"console_candidate_{app_world.campaign_id}").value == twin  # still on her


def test_the_newer_of_two_campaigns_with_the_same_name_can_be_opened(app_world):
    db = get_database()
    newer = campaigns.create_campaign(db, app_world.recruiter, CampaignDraft(name="Chat advisors", skills=SKILLS))
    candidates.add_candidate(db, app_world.recruiter, newer, "Kofi Mensah", "kofi@example.org")
    at = page("candidates", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    picker = at.selectbox(key="cand_campaign")
    assert len(picker.options) == 2 and len(set(picker.options)) == 2  # the same name, two labels
    assert any(label.startswith("Chat advisors (no. ") and f"no. {newer}," in label for label in picker.options)
    picker.set_value(newer).run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "Kofi Mensah" in shown and "Amina Diallo" not in shown  # the newer campaign's own candidates
    assert at.query_params["campaign"] == str(newer)  # remembered by id
