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
    assert "Step 1 of" in at.get("progress")[0].proto.text
    radios = at.radio
    assert radios and all(r.value is None for r in radios)  # nothing pre-selected
    view = attempts.open_attempt(get_database(), CandidateActor(app_world.token))
    first = view.sjt[0]
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
    resumed.checkbox(key="cand_confirm").check().run()
    next(b for b in resumed.button if b.label == "Submit my answers").click().run()
    assert "Thank you!" in resumed.success[0].value
    again = open_link(app_world.token)
    assert "already been submitted" in again.info[0].value


def test_french_campaign_speaks_french_to_the_candidate(app_env):
    from tests.factories import world
    w = world(get_database(), language="fr")
    at = open_link(w.token)
    assert at.title[0].value == "Bonjour Amina Diallo"
    assert at.checkbox(key="cand_consent").label == "J'ai lu ces informations et j'accepte de participer."
