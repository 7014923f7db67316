"""Every public service function, called as every kind of actor: allowed, or refused with nothing returned.

The functions are discovered, not listed by hand: a public function (no leading underscore) of a service
module (no leading underscore) without a row in EXPECTED fails `test_every_public_service_function_has_a_row`.
Each row names the actors that succeed; the others must be refused with PermissionDenied, except the
few cells marked "refused" where the actor is allowed in but the request itself is invalid for them
(rating twice, revising a rating they never gave, answering an item that is not in their own test).
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import screening.services
from screening.domain.actors import Actor, CandidateActor, Staff
from screening.services import (
    adverse_impact,
    attempts,
    audit_log,
    auth,
    bank_uploads,
    calibration,
    campaigns,
    candidate_requests,
    candidates,
    debriefs,
    exports,
    interviews,
    invitations,
    key_reviews,
    oversight,
    privacy,
    profiles,
    psychometrics,
    staff_invites,
)
from screening.services.campaigns import CampaignDraft
from screening.services.errors import PermissionDenied, ServiceError
from screening.store.engine import Database
from screening.store.models import CandidateRater
from tests.factories import PASSWORD, staff

ACTORS = ("anonymous", "candidate", "candidate_other", "recruiter_off", "recruiter_owner_unrated",
          "recruiter_shared_rated", "lead", "lead_off", "admin")
STAFF = ("recruiter_off", "recruiter_owner_unrated", "recruiter_shared_rated", "lead", "lead_off", "admin")
ON_CAMPAIGN = ("recruiter_owner_unrated", "recruiter_shared_rated", "lead", "admin")
RATERS = ("recruiter_owner_unrated", "recruiter_shared_rated", "admin")
LEADS = ("lead", "admin")
CALIBRATORS = ("recruiter_off", *RATERS)
CANDIDATES = ("candidate", "candidate_other")

BANK = b"""family: collaboration
items:
  - id: sjt.patience.matrix_probe
    version: 1
    skills: [patience]
    channel: phone
    moment: routine
    response_format: best_worst
    scenario: {en: "A caller repeats the same question.", fr: "Un appelant repose la meme question."}
    options:
      - {id: a, key: 5, text: {en: "Answer again", fr: "Repondre"}, rationale: {en: "r", fr: "r"}}
      - {id: b, key: 3, text: {en: "Send a link", fr: "Lien"}, rationale: {en: "r", fr: "r"}}
      - {id: c, key: 2, text: {en: "Transfer", fr: "Transferer"}, rationale: {en: "r", fr: "r"}}
      - {id: d, key: 1, text: {en: "Hang up", fr: "Raccrocher"}, rationale: {en: "r", fr: "r"}}
"""


CSV = b"name,email\nBo,bo-csv@example.org\n"


@dataclass
class Ctx:
    db: Database
    actors: dict[str, Actor]
    campaign_id: int
    candidate_id: int          # campaign A's candidate, who is taking the test
    spare_candidate_id: int    # another of campaign A's candidates, for invites and erasure
    spare_user_id: int
    live_question: str
    rated_question: str
    sjt_item: str
    written_question: str
    session_id: str
    spare_campaign_id: int     # campaign A's twin with no invite yet, for edits
    shared_user_id: int
    request_id: int            # a review request from campaign A's candidate


def _ctx(db: Database) -> Ctx:
    owner = staff(db, "owner@example.org", "recruiter")
    shared = staff(db, "shared@example.org", "recruiter")
    off = staff(db, "off@example.org", "recruiter")
    lead = staff(db, "lead@example.org", "lead")
    lead_off = staff(db, "leadoff@example.org", "lead")
    admin = staff(db, "admin@example.org", "admin")
    spare = staff(db, "spare@example.org", "recruiter")
    cid = campaigns.create_campaign(db, owner, CampaignDraft(
        name="A", skills=["empathy", "de_escalating_language"], written_questions=1))
    for email in ("shared@example.org", "lead@example.org"):
        campaigns.share_campaign(db, owner, cid, email)
    other_cid = campaigns.create_campaign(db, off, CampaignDraft(name="B", skills=["time_management"],
                                                                 written_questions=1))
    candidate_id = candidates.add_candidate(db, owner, cid, "Amina", "amina@example.org")
    spare_candidate = candidates.add_candidate(db, owner, cid, "Spare", "spare@example.org")
    other_candidate = candidates.add_candidate(db, off, other_cid, "Bo", "bo@example.org")
    link = CandidateActor(invitations.issue_invite(db, owner, candidate_id).token)
    other_link = CandidateActor(invitations.issue_invite(db, off, other_candidate).token)
    view = attempts.open_attempt(db, link)
    for who in (link, other_link):
        attempts.open_attempt(db, who)
        attempts.give_consent(db, who)
    written = view.written[0].id
    attempts.save_written_answer(db, link, written, "I listened, apologised once and fixed the delivery date.")
    campaign = campaigns.get_campaign(db, owner, cid)
    rated = campaign.written_question_ids[0]
    interviews.rate(db, shared, candidate_id, rated, 4, "Clear steps, owned.")
    with db.write() as s:  # the candidate's panel: the owner (not rated yet) and the shared recruiter
        s.add_all([CandidateRater(candidate_id=candidate_id, rater_id=owner.user_id),
                   CandidateRater(candidate_id=candidate_id, rater_id=shared.user_id)])
    debriefs.open_debrief(db, lead, candidate_id, rated)
    _, session_id = auth.login(db, None, email="spare@example.org", password=PASSWORD, client="127.0.0.1")
    spare_cid = campaigns.create_campaign(db, owner, CampaignDraft(name="A2", skills=["patience"]))
    for email in ("shared@example.org", "lead@example.org"):
        campaigns.share_campaign(db, owner, spare_cid, email)
    attempts.request_review(db, link, "Please look again.")
    request_id = candidate_requests.campaign_requests(db, owner, cid)[0].request_id
    return Ctx(db, {"anonymous": None, "candidate": link, "candidate_other": other_link, "recruiter_off": off,
                    "recruiter_owner_unrated": owner, "recruiter_shared_rated": shared, "lead": lead,
                    "lead_off": lead_off, "admin": admin},
               cid, candidate_id, spare_candidate, spare.user_id, campaign.live_question_ids[0], rated,
               view.sjt[0].item.id, written, session_id, spare_cid, shared.user_id, request_id)


Call = Callable[[Ctx, Actor, str], Any]
INVITED = ("recruiter_shared_rated", "lead")


_LINK_IDS = itertools.count(1)


def _staff_link(c: Ctx, n: str) -> str:
    """A fresh one-time link of a newly invited account (a new address each call, so each has its own)."""
    return staff_invites.invite_user(c.db, c.actors["admin"], email=f"link-{n}-{next(_LINK_IDS)}@example.org",
                                     name="Link",
                                     role="lead").token   # the experts `_review` invites to a key review


def _review(c: Ctx, rated: bool = False) -> int:
    """A key review of the candidate's first SJT item, opened by the admin for INVITED (rated: the invited
    experts reversed the key, so an adoptable consensus exists)."""
    admin = c.actors["admin"]
    experts = [c.actors[w] for w in INVITED]
    review = key_reviews.open_key_review(c.db, admin, [c.sjt_item],
                                         [e.user_id for e in experts if isinstance(e, Staff)])
    if rated:
        item = campaigns.reference_catalog(c.db, admin).bank.sjt_by_id[c.sjt_item]
        for expert in experts:
            for o in item.options:
                key_reviews.rate_option(c.db, expert, review, item.id, o.id, 6 - o.key)
    return review



@dataclass(frozen=True)
class Row:
    call: Call
    ok: tuple[str, ...]
    refused: tuple[str, ...] = ()   # let in, but the request is invalid for them (a ServiceError)


EXPECTED: dict[str, Row] = {
    # --- the candidate's link -------------------------------------------------------------------
    "attempts.open_attempt": Row(lambda c, a, n: attempts.open_attempt(c.db, a), CANDIDATES),
    "attempts.give_consent": Row(lambda c, a, n: attempts.give_consent(c.db, a), CANDIDATES),
    "attempts.go_to_step": Row(lambda c, a, n: attempts.go_to_step(c.db, a, 2), CANDIDATES),
    "attempts.save_sjt_answer": Row(lambda c, a, n: attempts.save_sjt_answer(c.db, a, c.sjt_item, {"best": "a"}),
                                    ("candidate",), refused=("candidate_other",)),
    "attempts.save_written_answer": Row(lambda c, a, n: attempts.save_written_answer(c.db, a, c.written_question,
                                                                                     "More detail."),
                                        ("candidate",), refused=("candidate_other",)),
    "attempts.submit": Row(lambda c, a, n: attempts.submit(c.db, a), CANDIDATES),
    "attempts.request_review": Row(lambda c, a, n: attempts.request_review(c.db, a, "Please review."), CANDIDATES),
    "attempts.withdraw": Row(lambda c, a, n: attempts.withdraw(c.db, a), CANDIDATES),
    "attempts.candidate_feedback": Row(lambda c, a, n: attempts.candidate_feedback(c.db, a), CANDIDATES),
    "attempts.extend_time": Row(lambda c, a, n: attempts.extend_time(c.db, a, c.candidate_id, 10), RATERS),
    "candidate_requests.campaign_requests": Row(lambda c, a, n: candidate_requests.campaign_requests(
        c.db, a, c.campaign_id), RATERS),
    "candidate_requests.mark_handled": Row(lambda c, a, n: candidate_requests.mark_handled(c.db, a, c.request_id),
                                          RATERS),
    # --- accounts and sessions ----------------------------------------------------------------
    "auth.login": Row(lambda c, a, n: auth.login(c.db, a, email="spare@example.org", password=PASSWORD,
                                                 client="127.0.0.1"), ("anonymous", *STAFF)),
    "auth.sso_actor": Row(lambda c, a, n: auth.sso_actor(c.db, a, "spare@example.org"), ("anonymous", *STAFF)),
    "auth.resume": Row(lambda c, a, n: auth.resume(c.db, a, c.session_id), ("anonymous", *STAFF)),
    "auth.logout": Row(lambda c, a, n: auth.logout(c.db, a, "no-such-session"), ("anonymous", *STAFF)),
    "auth.create_user": Row(lambda c, a, n: auth.create_user(c.db, a, email=f"new-{n}@example.org", name="New",
                                                             role="lead", password=PASSWORD), ("admin",)),
    "auth.list_users": Row(lambda c, a, n: auth.list_users(c.db, a), ("admin",)),
    "auth.set_role": Row(lambda c, a, n: auth.set_role(c.db, a, c.spare_user_id, "lead"), ("admin",)),
    "auth.set_active": Row(lambda c, a, n: auth.set_active(c.db, a, c.spare_user_id, False), ("admin",)),
    "auth.set_password": Row(lambda c, a, n: auth.set_password(c.db, a, c.spare_user_id, "another long secret"),
                             ("admin",)),
    "auth.set_language": Row(lambda c, a, n: auth.set_language(c.db, a, "fr"), STAFF),
    "auth.find_user_id": Row(lambda c, a, n: auth.find_user_id(c.db, a, "spare@example.org"), ("admin",)),
    "staff_invites.invite_user": Row(lambda c, a, n: staff_invites.invite_user(
        c.db, a, email=f"invited-{n}@example.org", name="Invited", role="recruiter"), ("admin",)),
    "staff_invites.send_password_link": Row(lambda c, a, n: staff_invites.send_password_link(c.db, a, c.spare_user_id),
                                            ("admin",)),
    "staff_invites.link_language": Row(lambda c, a, n: staff_invites.link_language(c.db, a, _staff_link(c, n)),
                                       ("anonymous",)),
    "staff_invites.set_password_with_link": Row(lambda c, a, n: staff_invites.set_password_with_link(
        c.db, a, _staff_link(c, n), "another long secret"), ("anonymous",)),
    # --- campaigns, candidates, invitations ---------------------------------------------------
    "campaigns.create_campaign": Row(lambda c, a, n: campaigns.create_campaign(
        c.db, a, CampaignDraft(name=f"New {n}", skills=["patience"])),
        ("recruiter_off", "recruiter_owner_unrated", "recruiter_shared_rated", "admin")),
    "campaigns.list_campaigns": Row(lambda c, a, n: campaigns.list_campaigns(c.db, a), STAFF),
    "campaigns.reference_catalog": Row(lambda c, a, n: campaigns.reference_catalog(c.db, a), STAFF),
    "campaigns.get_campaign": Row(lambda c, a, n: campaigns.get_campaign(c.db, a, c.campaign_id), ON_CAMPAIGN),
    "campaigns.close_campaign": Row(lambda c, a, n: campaigns.close_campaign(c.db, a, c.campaign_id),
                                    ("recruiter_owner_unrated", "admin")),
    "campaigns.share_campaign": Row(lambda c, a, n: campaigns.share_campaign(c.db, a, c.campaign_id,
                                                                             "leadoff@example.org"),
                                    ("recruiter_owner_unrated", "admin")),
    "campaigns.update_campaign": Row(lambda c, a, n: campaigns.update_campaign(
        c.db, a, c.spare_campaign_id, CampaignDraft(name=f"Edited {n}", skills=["patience"])),
        ("recruiter_owner_unrated", "admin")),
    "campaigns.archive_campaign": Row(lambda c, a, n: campaigns.archive_campaign(c.db, a, c.campaign_id),
                                      ("recruiter_owner_unrated", "admin")),
    "campaigns.estimate": Row(lambda c, a, n: campaigns.estimate(c.db, a, ["patience"]),
                              ("recruiter_off", "recruiter_owner_unrated", "recruiter_shared_rated", "admin")),
    "campaigns.preview_items": Row(lambda c, a, n: campaigns.preview_items(c.db, a, c.campaign_id), ON_CAMPAIGN),
    "campaigns.campaign_cards": Row(lambda c, a, n: campaigns.campaign_cards(c.db, a), STAFF),
    "candidates.preview_import": Row(lambda c, a, n: candidates.preview_import(c.db, a, c.campaign_id, CSV), RATERS),
    "candidates.import_candidates": Row(lambda c, a, n: candidates.import_candidates(
        c.db, a, c.campaign_id, f"Name,{n}@example.org".encode()), RATERS),
    "candidates.status_board": Row(lambda c, a, n: candidates.status_board(c.db, a, c.campaign_id), ON_CAMPAIGN),
    "candidates.rater_choices": Row(lambda c, a, n: candidates.rater_choices(c.db, a, c.campaign_id), RATERS),
    "candidates.assign_raters": Row(lambda c, a, n: candidates.assign_raters(c.db, a, c.candidate_id,
                                                                             [c.shared_user_id]), RATERS),
    "invitations.send_reminders": Row(lambda c, a, n: invitations.send_reminders(c.db, a), ("admin",)),
    "invitations.request_lost_link": Row(lambda c, a, n: invitations.request_lost_link(c.db, a, "amina@example.org"),
                                         ("anonymous",)),
    "exports.campaign_results_csv": Row(lambda c, a, n: exports.campaign_results_csv(c.db, a, c.campaign_id), LEADS),
    "candidates.add_candidate": Row(lambda c, a, n: candidates.add_candidate(c.db, a, c.campaign_id, f"New {n}"),
                                    RATERS),
    "candidates.list_candidates": Row(lambda c, a, n: candidates.list_candidates(c.db, a, c.campaign_id),
                                      ON_CAMPAIGN),
    "candidates.candidate_statuses": Row(lambda c, a, n: candidates.candidate_statuses(c.db, a, c.campaign_id),
                                         ON_CAMPAIGN),
    "candidates.get_candidate": Row(lambda c, a, n: candidates.get_candidate(c.db, a, c.candidate_id), ON_CAMPAIGN),
    "candidates.erasable_candidates": Row(lambda c, a, n: candidates.erasable_candidates(c.db, a), ("admin",)),
    "candidates.erase_candidate": Row(lambda c, a, n: candidates.erase_candidate(c.db, a, c.spare_candidate_id),
                                      ("admin",)),
    "candidates.purge_older_than": Row(lambda c, a, n: candidates.purge_older_than(c.db, a, 3650), ("admin",)),
    "invitations.issue_invite": Row(lambda c, a, n: invitations.issue_invite(c.db, a, c.spare_candidate_id),
                                    RATERS),
    # --- the interview console: rate first, then see -------------------------------------------
    "interviews.console": Row(lambda c, a, n: interviews.console(c.db, a, c.candidate_id), RATERS),
    "interviews.save_live_answer": Row(lambda c, a, n: interviews.save_live_answer(
        c.db, a, c.candidate_id, c.live_question, "She said she would call back.", "probe 1"), RATERS),
    "interviews.rate": Row(lambda c, a, n: interviews.rate(c.db, a, c.candidate_id, c.rated_question, 3,
                                                                                "Some evidence."),
                           ("recruiter_owner_unrated", "admin"), refused=("recruiter_shared_rated",)),
    "interviews.suggestion_for": Row(lambda c, a, n: interviews.suggestion_for(c.db, a, c.candidate_id,
                                                                               c.rated_question),
                                     ("recruiter_shared_rated",)),
    "interviews.revise": Row(lambda c, a, n: interviews.revise(c.db, a, c.candidate_id, c.rated_question, 5,
                                                                                    "After the debrief."),
                             ("recruiter_shared_rated",), refused=("recruiter_owner_unrated", "admin")),
    "interviews.confirm": Row(lambda c, a, n: interviews.confirm(c.db, a, c.candidate_id, c.rated_question),
                              ("recruiter_shared_rated",), refused=("recruiter_owner_unrated", "admin")),
    "interviews.campaign_agreement": Row(lambda c, a, n: interviews.campaign_agreement(c.db, a, c.campaign_id),
                                         LEADS),
    # --- the panel debrief: the panel once open (never before one's own rating), leads and admins --------
    "debriefs.debrief": Row(lambda c, a, n: debriefs.debrief(c.db, a, c.candidate_id, c.rated_question),
                            ("recruiter_shared_rated", *LEADS)),
    "debriefs.panel_questions": Row(lambda c, a, n: debriefs.panel_questions(c.db, a, c.candidate_id), ON_CAMPAIGN),
    "debriefs.open_debrief": Row(lambda c, a, n: debriefs.open_debrief(c.db, a, c.candidate_id, c.rated_question),
                                 LEADS),
    "debriefs.record_consensus": Row(lambda c, a, n: debriefs.record_consensus(
        c.db, a, c.candidate_id, c.rated_question, 4, "Agreed in the debrief."), ("recruiter_shared_rated", "admin")),
    # --- rater calibration: whoever rates practises; leads and admins review ------------------------------
    "calibration.start_set": Row(lambda c, a, n: calibration.start_set(c.db, a, "en"), CALIBRATORS),
    "calibration.my_sets": Row(lambda c, a, n: calibration.my_sets(c.db, a), CALIBRATORS),
    "calibration.rate_exemplar": Row(lambda c, a, n: calibration.rate_exemplar(
        c.db, a, calibration.start_set(c.db, a, "en"), 0, 3), CALIBRATORS),
    "calibration.rater_review": Row(lambda c, a, n: calibration.rater_review(c.db, a), ("lead", "lead_off", "admin")),
    # --- profiles and decisions: leads and admins --------------------------------------------------
    "profiles.candidate_profile": Row(lambda c, a, n: profiles.candidate_profile(c.db, a, c.candidate_id), LEADS),
    "profiles.campaign_profiles": Row(lambda c, a, n: profiles.campaign_profiles(c.db, a, c.campaign_id), LEADS),
    "profiles.campaign_overview": Row(lambda c, a, n: profiles.campaign_overview(c.db, a, c.campaign_id), LEADS),
    "profiles.candidate_evidence": Row(lambda c, a, n: profiles.candidate_evidence(c.db, a, c.candidate_id),
                                       LEADS),
    "profiles.profile_pdf": Row(lambda c, a, n: profiles.profile_pdf(c.db, a, c.candidate_id), LEADS),
    "profiles.log_pdf_handed_out": Row(lambda c, a, n: profiles.log_pdf_handed_out(c.db, a, [c.candidate_id],
                                                                                   via="download"), LEADS),
    "profiles.record_decision": Row(lambda c, a, n: profiles.record_decision(c.db, a, c.candidate_id, "hold",
                                                                             "Needs a second interview."), LEADS),
    # --- administration --------------------------------------------------------------------------
    "audit_log.search": Row(lambda c, a, n: audit_log.search(c.db, a, action="candidate.create"), ("admin",)),
    "audit_log.export_jsonl": Row(lambda c, a, n: audit_log.export_jsonl(c.db, a, entity="candidate"), ("admin",)),
    "audit_log.vocabulary": Row(lambda c, a, n: audit_log.vocabulary(c.db, a), ("admin",)),
    "privacy.export_candidate": Row(lambda c, a, n: privacy.export_candidate(c.db, a, c.candidate_id), ("admin",)),
    "oversight.suggestion_switches": Row(lambda c, a, n: oversight.suggestion_switches(c.db, a), ("admin",)),
    "oversight.set_installation_suggestions": Row(lambda c, a, n: oversight.set_installation_suggestions(
        c.db, a, False), ("admin",)),
    "oversight.set_campaign_suggestions": Row(lambda c, a, n: oversight.set_campaign_suggestions(
        c.db, a, c.campaign_id, False), ("admin",)),
    "bank_uploads.upload_bank": Row(lambda c, a, n: bank_uploads.upload_bank(c.db, a, "probe.yaml", BANK),
                                    ("admin",)),
    # --- measurement: item statistics for leads, key reviews and adverse impact for admins -------
    "psychometrics.item_analysis": Row(lambda c, a, n: psychometrics.item_analysis(c.db, a, c.campaign_id), LEADS),
    "psychometrics.chance_levels": Row(lambda c, a, n: psychometrics.chance_levels(c.db, a, c.campaign_id), LEADS),
    "key_reviews.open_key_review": Row(lambda c, a, n: key_reviews.open_key_review(c.db, a, [c.sjt_item],
                                                                                   [c.spare_user_id]), ("admin",)),
    "key_reviews.list_key_reviews": Row(lambda c, a, n: key_reviews.list_key_reviews(c.db, a), ("admin",)),
    "key_reviews.close_key_review": Row(lambda c, a, n: key_reviews.close_key_review(c.db, a, _review(c)),
                                        ("admin",)),
    "key_reviews.my_key_reviews": Row(lambda c, a, n: key_reviews.my_key_reviews(c.db, a), STAFF),
    "key_reviews.my_review_items": Row(lambda c, a, n: key_reviews.my_review_items(c.db, a, _review(c)), INVITED),
    "key_reviews.rate_option": Row(lambda c, a, n: key_reviews.rate_option(c.db, a, _review(c), c.sjt_item, "a", 3),
                                   INVITED),
    "key_reviews.review_results": Row(lambda c, a, n: key_reviews.review_results(c.db, a, _review(c)), ("admin",)),
    "key_reviews.adopt_consensus": Row(lambda c, a, n: key_reviews.adopt_consensus(c.db, a, _review(c, rated=True),
                                                                                   c.sjt_item), ("admin",)),
    "key_reviews.rescore_campaign": Row(lambda c, a, n: key_reviews.rescore_campaign(c.db, a, c.campaign_id),
                                        ("admin",)),
    "adverse_impact.group_fields": Row(lambda c, a, n: adverse_impact.group_fields(c.db, a), ("admin",)),
    "adverse_impact.enable_group_field": Row(lambda c, a, n: adverse_impact.enable_group_field(
        c.db, a, "disability", "Art. 9(2)(b) GDPR, works agreement"), ("admin",)),
    "adverse_impact.import_groups": Row(lambda c, a, n: adverse_impact.import_groups(
        c.db, a, f"{c.candidate_id},age_band,30-39".encode()), ("admin",)),
    "adverse_impact.impact_report": Row(lambda c, a, n: adverse_impact.impact_report(c.db, a, c.campaign_id,
                                                                                     "age_band"), ("admin",)),
    "adverse_impact.impact_csv": Row(lambda c, a, n: adverse_impact.impact_csv(c.db, a, c.campaign_id, "age_band"),
                                     ("admin",)),
}


def public_service_functions() -> list[str]:
    found = []
    for info in pkgutil.iter_modules(screening.services.__path__):
        if info.name.startswith("_") or info.name == "errors":
            continue
        module = importlib.import_module(f"screening.services.{info.name}")
        found += [f"{info.name}.{name}" for name, obj in vars(module).items()
                  if inspect.isfunction(obj) and obj.__module__ == module.__name__ and not name.startswith("_")]
    return sorted(found)


def test_every_public_service_function_has_a_row():
    assert public_service_functions() == sorted(EXPECTED)


def test_the_matrix_covers_every_actor_for_every_function():
    assert len(EXPECTED) * len(ACTORS) == 900  # the cells the test below runs (100 functions x 9 actors)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_actor_is_allowed_or_refused_with_nothing_returned(sqlite_url, name):
    from screening.store.engine import build_engine

    engine = build_engine(sqlite_url)
    ctx = _ctx(Database(engine))
    row = EXPECTED[name]
    # refusals first, so an allowed call's side effect (a submitted test, a new link) cannot mask one
    order = sorted(ACTORS, key=lambda who: who in row.ok)
    for who in order:
        actor = ctx.actors[who]
        if who in row.ok:
            row.call(ctx, actor, who)
            continue
        expected = ServiceError if who in row.refused else PermissionDenied
        with pytest.raises(expected) as refused:
            result = row.call(ctx, actor, who)
            pytest.fail(f"{name} as {who} returned {type(result).__name__} instead of being refused")
        if who not in row.refused:
            assert type(refused.value) is PermissionDenied, f"{name} as {who}: {refused.value!r}"
    engine.dispose()


def test_a_staff_object_naming_an_unknown_role_gets_nothing(db):
    ctx = _ctx(db)
    ghost = Staff(ctx.spare_user_id, "superuser")
    with pytest.raises(PermissionDenied):
        campaigns.get_campaign(db, ghost, ctx.campaign_id)
    with pytest.raises(PermissionDenied):
        auth.list_users(db, ghost)
