"""The policy's menus per role and the sign-in throttle's exact schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest

from screening.domain import policy
from screening.domain.actors import CandidateActor, Staff, SystemActor
from screening.domain.credentials import CredentialError, check_password, normalise_email
from screening.domain.throttle import delay_after, required_delay


@pytest.mark.parametrize("actor, pages", [
    (Staff(1, "recruiter"), ("campaigns", "candidates", "console", "debrief", "calibration", "key_rating", "about")),
    (Staff(1, "lead"), ("profiles", "compare", "psychometrics", "campaigns", "debrief", "raters", "key_rating",
                        "about")),
    (Staff(1, "admin"), ("campaigns", "candidates", "console", "profiles", "compare", "psychometrics", "debrief",
                         "calibration", "raters", "users", "banks", "retention", "key_reviews", "impact", "audit",
                         "key_rating", "oversight", "about")),
    (Staff(1, "superuser"), ()),
    (CandidateActor("t"), ()),
    (SystemActor(), ()),
    (None, ()),
])
def test_each_role_gets_the_pages_the_policy_allows(actor, pages):
    assert policy.pages_for(actor) == pages


def test_recruiters_never_get_profiles_and_leads_never_rate():
    access = policy.CampaignAccess(1, owner_id=1, shared_with=frozenset({2}))
    recruiter, lead = Staff(1, "recruiter"), Staff(2, "lead")
    assert not policy.can_view_profiles(recruiter, access) and policy.can_view_profiles(lead, access)
    assert policy.can_rate(recruiter, access) and not policy.can_rate(lead, access)
    assert not policy.can_see_rating_results(recruiter, access, has_rated=False)
    assert policy.can_see_rating_results(recruiter, access, has_rated=True)


@pytest.mark.parametrize("who, assigned, all_rated, opened, sees, records", [
    ("recruiter", True, False, False, False, False),   # the panel has not all rated, nobody opened it
    ("recruiter", True, True, False, True, True),      # every assigned rater has rated
    ("recruiter", True, False, True, True, True),      # the lead opened it
    ("recruiter", False, True, True, False, False),    # not on this candidate's panel
    ("outsider", True, True, True, False, False),      # not on the campaign
    ("lead", False, False, False, True, False),        # leads see it, never record a level
    ("admin", False, False, False, True, True),
])
def test_the_debrief_opens_to_the_panel_and_leads(who, assigned, all_rated, opened, sees, records):
    access = policy.CampaignAccess(1, owner_id=1, shared_with=frozenset({2}))
    actor = {"recruiter": Staff(1, "recruiter"), "outsider": Staff(9, "recruiter"), "lead": Staff(2, "lead"),
             "admin": Staff(3, "admin")}[who]
    flags = {"assigned": assigned, "all_rated": all_rated, "opened": opened}
    assert policy.can_see_debrief(actor, access, **flags) is sees
    assert policy.can_record_consensus(actor, access, **flags) is records
    assert policy.can_open_debrief(actor, access) is (who in ("lead", "admin"))


@pytest.mark.parametrize("failures, seconds", [(0, 0), (1, 0), (5, 0), (6, 1), (7, 2), (8, 4), (9, 8), (10, 16),
                                               (11, 32), (12, 64), (13, 128), (14, 256), (15, 300), (40, 300)])
def test_the_throttle_schedule_is_exact(failures, seconds):
    assert required_delay(failures) == timedelta(seconds=seconds)


def test_a_delay_counts_down_and_old_failures_are_forgotten():
    assert delay_after(9, timedelta(seconds=3)) == 5
    assert delay_after(9, timedelta(seconds=7.5)) == 1
    assert delay_after(9, timedelta(seconds=8)) == 0
    assert delay_after(40, timedelta(hours=24)) == 0


@pytest.mark.parametrize("password, key", [("short-pass", "error.password_short"),
                                           ("Password1234", "error.password_common"),
                                           ("qwertyuiop", "error.password_short"),
                                           ("motdepasse123", "error.password_common")])
def test_weak_passwords_are_refused(password, key):
    with pytest.raises(CredentialError) as refused:
        check_password(password)
    assert refused.value.key == key


def test_addresses_are_validated_and_lower_cased():
    assert normalise_email(" Ana.Ruiz@Example.ORG ") == "ana.ruiz@example.org"
    for bad in ("ana", "ana@", "@example.org", "ana ruiz@example.org", "<b>@x.y"):
        with pytest.raises(CredentialError):
            normalise_email(bad)
