"""Item statistics, key reviews, blind key rating and adverse impact pages, per role, through AppTest."""

from __future__ import annotations

from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import adverse_impact, attempts, campaigns, key_reviews, profiles
from screening.store.engine import get_database
from screening.store.models import AuditEvent
from tests.app.conftest import page
from tests.factories import answer_everything

FORBIDDEN = "You do not have access to this."


def _submitted(w) -> None:
    db = get_database()
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))


def test_lead_and_admin_see_item_statistics_with_chance_levels_and_too_few_statements(app_world):
    _submitted(app_world)
    for who, role in ((app_world.lead, "lead"), (app_world.admin, "admin")):
        at = page("psychometrics", "render", who.user_id, role)
        at.run()
        assert not at.exception and not at.error
        text = " ".join(m.value for m in at.markdown)
        assert "Most and least effective: someone answering at random scores 50 out of 100." \
            in text
        assert "Rate each response: someone answering at random scores" in text
        campaign = campaigns.get_campaign(get_database(), app_world.admin, app_world.campaign_id)
        assert len(at.dataframe[0].value) == len(campaign.sjt_item_ids)
        notes = set(at.dataframe[2].value["Note"])
        assert notes == {"Not given: fewer than 30 candidates answered these items."}
        assert "1 submitted tests." in at.caption[0].value


def test_recruiter_is_refused_item_statistics_impact_and_key_reviews(app_world):
    for module, function in (("psychometrics", "render"), ("impact", "render"), ("key_reviews", "render_admin")):
        at = page(module, function, app_world.recruiter.user_id, "recruiter")
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == [FORBIDDEN], module
        assert not at.dataframe


def test_lead_dashboard_states_the_chance_level_of_each_format(app_world):
    at = page("dashboard", "render", app_world.lead.user_id, "lead")
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("SJT scores run from 0 to 100; answering at random scores about most and least "
                            "effective 50; rate each response ") for c in captions), captions


def test_admin_opens_a_review_and_the_invited_recruiter_rates_blind(app_world):
    db = get_database()
    at = page("key_reviews", "render_admin", app_world.admin.user_id, "admin")
    at.run()
    assert [i.value for i in at.info] == ["No key review yet."]
    item = campaigns.get_campaign(db, app_world.admin, app_world.campaign_id).sjt_item_ids[0]
    at.multiselect(key="review_items").select(item)
    at.multiselect(key="review_experts").select(app_world.recruiter.user_id)
    at.button[0].click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Review opened."]
    (review,) = key_reviews.list_key_reviews(db, app_world.admin)

    outsider = page("key_reviews", "render_reviewer", app_world.other_recruiter.user_id, "recruiter")
    outsider.run()
    assert [i.value for i in outsider.info] == ["You have not been invited to any key review."]

    rater = page("key_reviews", "render_reviewer", app_world.recruiter.user_id, "recruiter")
    rater.run()
    assert not rater.exception
    shown = " ".join([*(m.value for m in rater.markdown), *(r.label for r in rater.radio)])
    catalog_item = campaigns.reference_catalog(db, app_world.admin).bank.sjt_by_id[item]
    assert all(o.rationale.en not in shown for o in catalog_item.options)     # no rationale, so no key
    assert len(rater.radio) == len(catalog_item.options)
    for radio, option in zip(rater.radio, catalog_item.options, strict=True):
        radio.set_value(6 - option.key)
    rater.button[0].click().run()
    assert [s.value for s in rater.success] == ["Your ratings are saved."]
    (mine,) = key_reviews.my_review_items(db, app_world.recruiter, review.review_id)
    assert [o.my_level for o in mine.options] == [6 - o.key for o in catalog_item.options]

    at.run()
    assert "Agreement over the whole key" in " ".join(c.value for c in at.caption)
    assert at.dataframe[0].value["Shipped key"].tolist() == list(catalog_item.keys)


def test_admin_reads_an_audited_impact_report_and_exports_it(app_world):
    db = get_database()
    _submitted(app_world)
    profiles.record_decision(db, app_world.lead, app_world.candidate_id, "advance", "Strong.")
    adverse_impact.import_groups(db, app_world.admin, f"{app_world.candidate_id},age_band,=40-49".encode())
    at = page("impact", "render", app_world.admin.user_id, "admin")
    at.run()
    assert not at.exception and not at.dataframe        # nothing shown (or audited) before the click
    at.selectbox(key="impact_field").select("age_band")
    at.button(key="impact_show").click().run()
    assert not at.exception
    assert at.dataframe[0].value["Group"].tolist() == ["=40-49"]       # shown as plain text
    assert at.dataframe[0].value["Rate"].tolist() == ["1.00"]
    at.button(key="impact_export").click().run()
    assert not at.exception
    with db.read() as s:
        actions = [e.action for e in s.exec(select(AuditEvent)).all()]
    assert actions.count("impact.view") == 1 and actions.count("impact.export") == 1
