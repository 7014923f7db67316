"""The candidate's page through AppTest: the invite link, consent, one item per screen, resume, submit."""

from __future__ import annotations

from screening.domain.actors import CandidateActor
from screening.services import attempts
from screening.store.engine import get_database
from tests.app.conftest import app


def open_link(token: str):  # type: ignore[no-untyped-def]
    at = app()
    at.query_params["invite"] = token
    at.run()
    return at


def test_a_forged_link_shows_a_plain_message_and_no_staff_page(app_world):
    at = open_link("forged")
    assert not at.exception
    assert "This link is not valid" in at.info[0].value and "Ce lien n'est pas valide" in at.info[0].value
    assert not at.text_input and not at.button  # no login form, no navigation, nothing else
    assert "actor" not in at.session_state


def test_candidate_consents_answers_without_preselection_resumes_and_submits(app_world):
    at = open_link(app_world.token)
    assert at.title[0].value == "Hello Amina Diallo"
    start = next(b for b in at.button if b.label == "Start")
    assert start.disabled  # consent first
    at.checkbox(key="cand_consent").check().run()
    next(b for b in at.button if b.label == "Start").click().run()
    assert at.subheader[0].value == "Practice question"  # first a practice item, never stored
    practice = at.radio(key="practice_best")
    assert practice.options[0].startswith("A. Tell the customer")  # the letter sits with its text
    practice.set_value("a").run()
    at.radio(key="practice_worst").set_value("b").run()
    assert "Well done" in at.success[0].value
    assert attempts.open_attempt(get_database(), CandidateActor(app_world.token)).answers == {}
    next(b for b in at.button if b.label == "Start the test").click().run()
    assert "Step 1 of" in at.get("progress")[0].proto.text
    radios = at.radio
    assert radios and all(r.value is None for r in radios)  # nothing pre-selected
    view = attempts.open_attempt(get_database(), CandidateActor(app_world.token))
    first = view.sjt[0]
    letters = "ABCDE"
    if first.item.response_format == "best_worst":
        texts = {o.id: o.text.en for o in first.item.options}
        for n, (label, oid) in enumerate(zip(radios[0].options, first.option_order, strict=True)):
            assert label.replace("\\", "") == f"{letters[n]}. {texts[oid]}"  # the letter sits with its text
    else:
        assert [r.label[:3] for r in radios] == [f"{letters[n]}. " for n in range(len(radios))]
    if first.item.response_format == "best_worst":
        radios[0].set_value(first.option_order[0]).run()
        radios = at.radio
        radios[1].set_value(first.option_order[1]).run()
    else:
        for radio in radios:
            radio.set_value(3).run()
    saved = attempts.open_attempt(get_database(), CandidateActor(app_world.token)).answers[first.item.id]
    assert saved  # saved the moment it was given, before any Next

    resumed = open_link(app_world.token)  # a new visit with the same link
    assert "Step 1 of" in resumed.get("progress")[0].proto.text
    assert any(r.value is not None for r in resumed.radio)

    total = view.total_steps
    for _ in range(total):
        next(b for b in resumed.button if b.label == "Next").click().run()
    assert f"You answered 1 of {total} questions." in [m.value for m in resumed.markdown]
    assert resumed.warning[0].value.startswith("Some questions have no answer yet")
    # the review names each unanswered item, with a button to go to it
    second = view.sjt[1].item.scenario.en
    named = [m.value for m in resumed.markdown if m.value.startswith("Question 2")]
    assert named and named[0].replace("\\", "")[:30] == f"Question 2: {second}"[:30]
    assert [b.label for b in resumed.button if b.label.startswith("Go to")] == \
        [f"Go to question {n}" for n in range(2, total + 1)]
    next(b for b in resumed.button if b.label == "Go to question 2").click().run()
    assert f"Step 2 of {total}" in resumed.get("progress")[0].proto.text
    resumed.session_state["cand_confirm"] = False
    resumed.run()
    next(b for b in resumed.button if b.label == "Next").click().run()
    for _ in range(total - 2):
        next(b for b in resumed.button if b.label == "Next").click().run()
    resumed.checkbox(key="cand_confirm").check().run()
    next(b for b in resumed.button if b.label == "Submit my answers").click().run()
    assert "Thank you!" in resumed.success[0].value
    again = open_link(app_world.token)  # the link now shows the thank-you screen, and answers nothing more
    assert "Thank you!" in again.success[0].value and not again.radio


def test_french_campaign_speaks_french_to_the_candidate(app_env):
    from tests.factories import world
    w = world(get_database(), language="fr")
    at = open_link(w.token)
    assert at.title[0].value == "Bonjour Amina Diallo"
    assert at.checkbox(key="cand_consent").label == "J'ai lu ces informations et j'accepte de participer."
    assert any("Qui détient vos données" in m.value for m in at.markdown)
    at.checkbox(key="cand_consent").check().run()
    next(b for b in at.button if b.label == "Commencer").click().run()
    assert at.subheader[0].value == "Question d'entraînement"
    assert at.radio(key="practice_best").options[0].startswith("A. Donner au client")


def test_welcome_screen_states_the_privacy_notice_and_a_review_request_reaches_the_recruiter(app_world, monkeypatch):
    from screening.config import get_settings
    from screening.services import candidate_requests

    monkeypatch.setenv("SCREENING_ORGANISATION_NAME", "Acme Care Ltd")
    monkeypatch.setenv("SCREENING_CONTACT_EMAIL", "privacy@acme.example")
    monkeypatch.setenv("SCREENING_RETENTION_DAYS", "180")
    get_settings.cache_clear()
    at = open_link(app_world.token)
    notice = next(m.value for m in at.markdown if "Who holds your data" in m.value).replace("\\", "")
    for part in ("Acme Care Ltd", "privacy@acme.example", "erased 180 days after", "A person makes every decision",
                 "software may suggest levels"):
        assert part in notice, part
    at.text_area(key="cand_review_message").input("Please have someone look again").run()
    next(b for b in at.button if b.label == "Ask for a human review").click().run()
    assert "Your request has been sent" in at.success[0].value
    rows = candidate_requests.campaign_requests(get_database(), app_world.recruiter, app_world.campaign_id)
    assert [(r.kind, r.message) for r in rows] == [("review", "Please have someone look again")]
    get_settings.cache_clear()


def test_withdrawing_erases_and_says_so(app_world):
    at = open_link(app_world.token)
    at.checkbox(key="cand_withdraw_sure").check().run()
    next(b for b in at.button if b.label == "Withdraw").click().run()
    assert "You have withdrawn" in at.success[0].value
    assert "This link is not valid" in open_link(app_world.token).info[0].value
