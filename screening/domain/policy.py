"""Who may do what: every permission of the product, as plain functions.

Services ask these first; pages only read `pages_for` to build the menu. The rules follow DESIGN.md:
recruiters run campaigns they own or are shared on and rate blind; hiring leads see profiles and decide
for campaigns shared with them and never rate; admins reach everything, and the command line acts as an
admin that the audit log names as the system.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.domain.actors import Actor, CandidateActor, Role, Staff, SystemActor


@dataclass(frozen=True)
class CampaignAccess:
    """What the policy needs to know about a campaign: who owns it and who it is shared with."""

    campaign_id: int
    owner_id: int
    shared_with: frozenset[int]


class Page:
    CAMPAIGNS = "campaigns"
    CANDIDATES = "candidates"
    CONSOLE = "console"
    PROFILES = "profiles"
    USERS = "users"
    BANKS = "banks"
    RETENTION = "retention"
    AUDIT = "audit"
    DEBRIEF = "debrief"
    CALIBRATION = "calibration"
    RATERS = "raters"
    COMPARE = "compare"
    PSYCHOMETRICS = "psychometrics"
    KEY_REVIEWS = "key_reviews"
    KEY_RATING = "key_rating"
    IMPACT = "impact"
    OVERSIGHT = "oversight"
    ABOUT = "about"


def _staff(actor: Actor, *roles: Role) -> bool:
    return isinstance(actor, Staff) and actor.role in roles


def _administers(actor: Actor) -> bool:
    return isinstance(actor, SystemActor) or _staff(actor, Role.ADMIN)


def _on(actor: Actor, campaign: CampaignAccess) -> bool:
    return isinstance(actor, Staff) and (actor.user_id == campaign.owner_id or actor.user_id in campaign.shared_with)


# --- anyone -----------------------------------------------------------------------------------

def can_try_sign_in(actor: Actor) -> bool:
    """Signing in is open to anonymous visitors (the throttle limits guessing)."""
    return actor is None or isinstance(actor, Staff)


def can_use_session(actor: Actor) -> bool:
    """Resuming or ending a staff session needs no prior actor: the cookie is the credential."""
    return not isinstance(actor, CandidateActor)


def can_set_own_language(actor: Actor) -> bool:
    """Each staff member chooses the language of their own pages; nobody sets another's."""
    return isinstance(actor, Staff)


def can_use_staff_invite(actor: Actor) -> bool:
    """A staff invitation link is opened by a visitor who is not signed in: the link is the credential."""
    return actor is None


# --- candidates -------------------------------------------------------------------------------

def can_request_lost_link(actor: Actor) -> bool:
    """'I lost my link' is asked by an anonymous visitor; the answer never says whether the address is known."""
    return actor is None


def can_send_reminders(actor: Actor) -> bool:
    """Reminders go out from the scheduled command (the system) or an admin."""
    return _administers(actor)


def can_answer(actor: Actor) -> bool:
    """Only an invite link reaches an attempt; which attempt is decided by the token itself."""
    return isinstance(actor, CandidateActor)


def can_ask_about_own_result(actor: Actor) -> bool:
    """Asking for a human review, withdrawing and reading one's own feedback: the link's holder only,
    before and after submitting (the token decides whose record)."""
    return isinstance(actor, CandidateActor)


# --- roles, whatever the campaign (menus and role-wide lists) ----------------------------------

def can_create_campaign(actor: Actor) -> bool:
    return _staff(actor, Role.RECRUITER) or _administers(actor)


def may_rate(actor: Actor) -> bool:
    return _staff(actor, Role.RECRUITER) or _administers(actor)


def may_view_profiles(actor: Actor) -> bool:
    return _staff(actor, Role.LEAD) or _administers(actor)


def can_list_campaigns(actor: Actor) -> bool:
    return _staff(actor, *Role) or _administers(actor)


def can_manage_users(actor: Actor) -> bool:
    return _administers(actor)


def can_invite_staff(actor: Actor) -> bool:
    """Inviting a staff member (an account and a one-time link to set its password): admins."""
    return _administers(actor)


def can_manage_banks(actor: Actor) -> bool:
    return _administers(actor)


def can_manage_retention(actor: Actor) -> bool:
    return _administers(actor)


def can_read_audit(actor: Actor) -> bool:
    return _administers(actor)


def can_export_personal_data(actor: Actor) -> bool:
    """Subject access: everything held about one candidate, for the admin who answers the request."""
    return _administers(actor)


def can_manage_oversight(actor: Actor) -> bool:
    """Switching suggested levels off (or on) for a campaign or the whole installation."""
    return _administers(actor)


def can_read_about(actor: Actor) -> bool:
    """What the product does and never does: for every signed-in role."""
    return _staff(actor, *Role)


def sees_every_campaign(actor: Actor) -> bool:
    return _administers(actor)


def can_manage_key_reviews(actor: Actor) -> bool:
    """Opening an expert key review, reading its results and adopting a consensus key: admins."""
    return _administers(actor)


def can_rate_key(actor: Actor, *, invited: bool) -> bool:
    """Any staff member an admin invited to a review rates its options, blind to the key and to the others."""
    return isinstance(actor, Staff) and actor.role in tuple(Role) and invited


def may_review_keys(actor: Actor) -> bool:
    """Any staff member may be invited to a key review, so the reviewer's page is on every staff menu."""
    return isinstance(actor, Staff) and actor.role in tuple(Role)


def can_rescore(actor: Actor) -> bool:
    """Rescoring a campaign's answers under a newer key changes scores: an explicit admin action."""
    return _administers(actor)


def can_manage_group_data(actor: Actor) -> bool:
    """Voluntary group data (import, fields and their legal basis) is for admins only, never raters or leads."""
    return _administers(actor)


def can_view_adverse_impact(actor: Actor) -> bool:
    """Adverse-impact reports are aggregate, and admin-only: group data never reaches a rater or a lead."""
    return _administers(actor)


# --- one campaign -----------------------------------------------------------------------------

def can_view_campaign(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or _on(actor, campaign)


def can_share_campaign(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or (_staff(actor, Role.RECRUITER) and actor.user_id == campaign.owner_id)  # type: ignore[union-attr]


def can_edit_campaign(actor: Actor, campaign: CampaignAccess) -> bool:
    """Edit (until the first invite), close and archive: the owner, or an admin."""
    return can_share_campaign(actor, campaign)


def can_preview_items(actor: Actor, campaign: CampaignAccess) -> bool:
    """The items as a candidate sees them (no keys): any staff member on the campaign."""
    return can_view_campaign(actor, campaign)


def can_export_results(actor: Actor, campaign: CampaignAccess) -> bool:
    """The campaign's results as a file hold scores and decisions: leads and admins, like profiles."""
    return can_view_profiles(actor, campaign)


def can_assign_raters(actor: Actor, campaign: CampaignAccess) -> bool:
    return can_manage_candidates(actor, campaign)


def can_manage_candidates(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or (_staff(actor, Role.RECRUITER) and _on(actor, campaign))


def can_grant_extra_time(actor: Actor, campaign: CampaignAccess) -> bool:
    """A time accommodation for one candidate is part of running the campaign's candidates."""
    return can_manage_candidates(actor, campaign)


def can_rate(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or (_staff(actor, Role.RECRUITER) and _on(actor, campaign))


def can_see_rating_results(actor: Actor, campaign: CampaignAccess, *, has_rated: bool) -> bool:
    """The suggestion and other raters' levels for one answer: only after the rater's own rating."""
    return can_rate(actor, campaign) and has_rated


def can_open_debrief(actor: Actor, campaign: CampaignAccess) -> bool:
    """Opening a question's panel debrief before every assigned rater has rated: the lead's call."""
    return _administers(actor) or (_staff(actor, Role.LEAD) and _on(actor, campaign))


def can_see_debrief(actor: Actor, campaign: CampaignAccess, *, assigned: bool, all_rated: bool,
                    opened: bool) -> bool:
    """Who gave which level, with their evidence notes: leads and admins (they see profiles anyway), and
    the candidate's assigned raters once all of them have rated or a lead has opened it. The service
    still keeps a rater who has not rated blind (`can_see_rating_results`)."""
    if can_open_debrief(actor, campaign):
        return True
    return can_rate(actor, campaign) and assigned and (all_rated or opened)


def can_record_consensus(actor: Actor, campaign: CampaignAccess, *, assigned: bool, all_rated: bool,
                         opened: bool) -> bool:
    """The panel's agreed level is a rating: raters who see the debrief, and admins; leads never rate."""
    return (_administers(actor) or _staff(actor, Role.RECRUITER)) and can_see_debrief(
        actor, campaign, assigned=assigned, all_rated=all_rated, opened=opened)


def may_calibrate(actor: Actor) -> bool:
    """Rating bank exemplars blind to practise against their keyed levels: whoever rates candidates."""
    return isinstance(actor, Staff) and may_rate(actor)


def may_review_raters(actor: Actor) -> bool:
    """Each rater's calibration sets and agreement with co-raters: leads and admins."""
    return may_view_profiles(actor)


def can_view_profiles(actor: Actor, campaign: CampaignAccess) -> bool:
    """Profiles, PDFs, dashboards and campaign-wide agreement hold every rater's level: leads and admins."""
    return _administers(actor) or (_staff(actor, Role.LEAD) and _on(actor, campaign))


def can_decide(actor: Actor, campaign: CampaignAccess) -> bool:
    return can_view_profiles(actor, campaign)


def can_view_psychometrics(actor: Actor, campaign: CampaignAccess) -> bool:
    """Item statistics and rater agreement summarise every candidate and rater: the campaign's leads and admins."""
    return can_view_profiles(actor, campaign)


# --- the menu ---------------------------------------------------------------------------------

def pages_for(actor: Actor) -> tuple[str, ...]:
    """The staff pages an actor's menu shows, derived from the rules above."""
    if not isinstance(actor, Staff):
        return ()
    pages: list[str] = []
    if can_create_campaign(actor):
        pages.append(Page.CAMPAIGNS)
    if may_rate(actor):
        pages += [Page.CANDIDATES, Page.CONSOLE]
    if may_view_profiles(actor):
        pages += [Page.PROFILES, Page.COMPARE, Page.PSYCHOMETRICS]
        if Page.CAMPAIGNS not in pages:
            pages.append(Page.CAMPAIGNS)   # leads: their campaigns' preview and the results export
    if may_rate(actor) or may_view_profiles(actor):
        pages.append(Page.DEBRIEF)
    if may_calibrate(actor):
        pages.append(Page.CALIBRATION)
    if may_review_raters(actor):
        pages.append(Page.RATERS)
    if can_manage_users(actor):
        pages.append(Page.USERS)
    if can_manage_banks(actor):
        pages.append(Page.BANKS)
    if can_manage_retention(actor):
        pages.append(Page.RETENTION)
    if can_manage_key_reviews(actor):
        pages.append(Page.KEY_REVIEWS)
    if can_view_adverse_impact(actor):
        pages.append(Page.IMPACT)
    if can_read_audit(actor):
        pages.append(Page.AUDIT)
    if may_review_keys(actor):
        pages.append(Page.KEY_RATING)
    if can_manage_oversight(actor):
        pages.append(Page.OVERSIGHT)
    if can_read_about(actor):
        pages.append(Page.ABOUT)
    return tuple(pages)
