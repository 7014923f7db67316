"""The campaign pipeline's pages through AppTest: campaigns (estimate, preview, edit, close, export button),
candidates (status board, filter, raters, invite), the users page, and the lost-link form."""

from __future__ import annotations

import pytest

from screening.domain.actors import CandidateActor
from screening.services import attempts, audit_log, auth, campaigns, candidates, staff_invites
from screening.store.engine import get_database
from tests.app.conftest import app, page
from tests.factories import staff

FORBIDDEN = "You do not have access to this."


def test_the_estimate_follows_the_choices_before_creating(app_world):
    at = page("campaigns", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    at.text_input(key="new_name").input("Night shift")
    at.multiselect(key="new_skills_").select("patience").run()
    at.number_input(key="new_draw").set_value(4).run()
    at.number_input(key="new_written").set_value(1).run()
    assert "Each candidate answers 4 SJT items and 1 written questions: about 12 minutes." in \
        [i.value for i in at.info]
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Within-person: each candidate's ratings are first put on their own scale") for c in
               captions) or any("Within-person" in str(r.proto) for r in at.radio)
    at.button(key="new_create").click().run()
    assert [s.value for s in at.success] == ["Campaign created."]
    assert not at.exception


def test_edit_until_the_first_invite_then_the_items_are_fixed(app_world):
    db = get_database()
    cid = campaigns.create_campaign(db, app_world.recruiter, campaigns.CampaignDraft(name="Draft", skills=["patience"]))
    at = page("campaigns", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    at.text_input(key=f"edit_{cid}_name").input("Draft v2")
    at.button(key=f"edit_{cid}_save").click().run()
    assert [s.value for s in at.success] == ["Campaign saved."]
    assert campaigns.get_campaign(db, app_world.recruiter, cid).name == "Draft v2"
    # the world's campaign already invited someone: no edit form, a plain sentence instead
    assert not [w for w in at.text_input if w.key == f"edit_{app_world.campaign_id}_name"]
    assert any("the items are fixed" in c.value for c in at.caption)
    at.button(key=f"close_{cid}").click().run()
    assert [s.value for s in at.success] == ["Campaign closed."]


def test_the_preview_shows_scenarios_and_options_without_keys(app_world):
    at = page("campaigns", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    catalog = campaigns.reference_catalog(get_database(), app_world.admin)  # an admin's view holds the keys
    item = catalog.bank.sjt_by_id[campaigns.get_campaign(get_database(), app_world.recruiter,
                                                          app_world.campaign_id).sjt_item_ids[0]]
    text = "\n".join(m.value for m in at.markdown)
    assert "One candidate's draw, options shuffled; the keys are not shown." in [c.value for c in at.caption]
    rationale = item.options[0].rationale.get("en")
    assert rationale and rationale not in text.replace("\\", "")


def test_a_lead_gets_the_export_and_no_campaign_form(app_world):
    at = page("campaigns", "render", app_world.lead.user_id, "lead")
    at.run()
    assert not at.exception and not at.error
    assert not [w for w in at.text_input if w.key == "new_name"]
    assert any(getattr(e, "proto", None) is not None and "Download results (CSV)" in str(e.proto)
               for e in at.get("download_button"))
    rec = page("campaigns", "render", app_world.recruiter.user_id, "recruiter")
    rec.run()
    assert not rec.get("download_button")   # recruiters never get scores


def test_the_status_board_counts_filters_and_assigns_raters(app_world):
    db = get_database()
    shared = staff(db, "shared@example.org", "recruiter")
    campaigns.share_campaign(db, app_world.recruiter, app_world.campaign_id, "shared@example.org")
    candidates.add_candidate(db, app_world.recruiter, app_world.campaign_id, "Zed <b>Added</b>", "zed@example.org")
    attempts.open_attempt(db, CandidateActor(app_world.token))
    at = page("candidates", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    assert not at.exception
    assert any(m.value == "added: **1** · invited: **0** · opened: **1** · started: **0** · submitted: **0** · "
                          "rated: **0** · decided: **0**" for m in at.markdown)
    assert any("First opened: 20" in c.value and "E-mailed: not yet" in c.value for c in at.caption)
    at.selectbox(key="board_filter").set_value("added").run()
    names = [m.value for m in at.markdown if "Zed" in m.value or "Amina" in m.value]
    assert len(names) == 1 and "Zed \\<b\\>Added\\<\\/b\\>" in names[0]
    at.selectbox(key="board_filter").set_value("").run()
    at.selectbox(key="raters_candidate").set_value(app_world.candidate_id)
    at.multiselect(key="raters_chosen").select(shared.user_id)
    at.button(key="FormSubmitter:assign_raters-Save raters").click().run()
    assert "Raters saved." in [s.value for s in at.success]
    assert candidates.status_board(db, app_world.recruiter, app_world.campaign_id).rows[0].raters == (shared.user_id,)


def test_a_new_link_says_the_old_one_stops_working(app_world):
    at = page("candidates", "render", app_world.recruiter.user_id, "recruiter")
    at.run()
    at.button(key=f"inv_{app_world.candidate_id}").click().run()
    assert [w.value for w in at.warning] == ["The earlier link no longer works: only this new one does."]
    assert "/?invite=" in at.code[0].value


def test_the_lost_link_form_answers_the_same_for_any_address(app_world):
    for address in ("amina@example.org", "nobody@example.org"):
        at = app()
        at.run()
        at.text_input(key="lost_email").input(address)
        at.button(key="FormSubmitter:lost_link-Send me a new link").click().run()
        assert [s.value for s in at.success] == [
            "If this address belongs to a candidate with a test still open, a new link is on its way. "
            "Any earlier link stops working."]
        assert not at.exception


def test_users_page_invites_changes_role_deactivates_resets_and_keeps_the_last_admin(app_world):
    db = get_database()
    at = page("admin", "render_users", app_world.admin.user_id, "admin")
    at.run()
    at.text_input(key="user_name").input("Nadia")
    at.text_input(key="user_email").input("nadia@example.org")
    at.button(key="FormSubmitter:new_user-Send the invitation").click().run()
    assert [e.value for e in at.error] == ["Unknown role."]   # no default role: one must be chosen
    at.selectbox(key="user_role").set_value("recruiter")
    at.text_input(key="user_name").input("Nadia")
    at.text_input(key="user_email").input("nadia@example.org")
    at.radio(key="user_language").set_value("fr")
    at.button(key="FormSubmitter:new_user-Send the invitation").click().run()
    assert [w.value for w in at.warning] == ["E-mail is not set up: copy this one-time link to the person yourself "
                                             "(it works once, for 72 hours)."]    # no SMTP in this test
    link = at.code[0].value
    assert "/auth/set-password?token=" in link
    assert "nadia@example.org" in at.dataframe[0].value.iloc[:, 1].tolist()   # listed at once
    token = link.split("token=")[1]
    assert staff_invites.link_language(db, None, token) == "fr"
    staff_invites.set_password_with_link(db, None, token, "a long enough secret")
    auth.login(db, None, email="nadia@example.org", password="a long enough secret", client="t")
    nadia = auth.find_user_id(db, app_world.admin, "nadia@example.org")
    at.run()
    at.selectbox(key="change_user").set_value(nadia).run()
    at.selectbox(key=f"change_role_{nadia}").set_value("lead")
    at.text_input(key=f"change_password_{nadia}").input("another long secret")
    at.button(key=f"FormSubmitter:change_user_{nadia}-Apply").click().run()
    assert "Account updated. Its open sessions have ended if the role or password changed." in \
        [s.value for s in at.success]
    auth.login(db, None, email="nadia@example.org", password="another long secret", client="t")
    (role_event,) = audit_log.search(db, app_world.admin, action="user.role").rows
    assert role_event.details == {"previous": "recruiter", "role": "lead"}
    at.checkbox(key=f"change_link_{nadia}").check()
    at.button(key=f"FormSubmitter:change_user_{nadia}-Apply").click().run()
    new_link = at.code[0].value
    assert new_link != link and "/auth/set-password?token=" in new_link   # a new one-time link to copy
    at.radio(key=f"change_active_{nadia}").set_value(False)
    at.button(key=f"FormSubmitter:change_user_{nadia}-Apply").click().run()
    with pytest.raises(staff_invites.InvalidStaffLink):   # a deactivated account's link is dead
        staff_invites.link_language(db, None, new_link.split("token=")[1])
    assert not next(u for u in auth.list_users(db, app_world.admin) if u.user_id == nadia).active
    admin = app_world.admin.user_id
    at.selectbox(key="change_user").set_value(admin).run()
    at.radio(key=f"change_active_{admin}").set_value(False)
    at.button(key=f"FormSubmitter:change_user_{admin}-Apply").click().run()
    assert [e.value for e in at.error] == [
        "This is the last active administrator: make someone else an administrator first."]
    assert next(u for u in auth.list_users(db, app_world.admin) if u.user_id == admin).active
