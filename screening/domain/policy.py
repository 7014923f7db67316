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


# --- candidates -------------------------------------------------------------------------------

def can_answer(actor: Actor) -> bool:
    """Only an invite link reaches an attempt; which attempt is decided by the token itself."""
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


# --- one campaign -----------------------------------------------------------------------------

def can_view_campaign(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or _on(actor, campaign)


def can_share_campaign(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or (_staff(actor, Role.RECRUITER) and actor.user_id == campaign.owner_id)  # type: ignore[union-attr]


def can_close_campaign(actor: Actor, campaign: CampaignAccess) -> bool:
    """Closing starts the retention clock; the owner or an admin does it."""
    return can_share_campaign(actor, campaign)


def can_manage_candidates(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or (_staff(actor, Role.RECRUITER) and _on(actor, campaign))


def can_rate(actor: Actor, campaign: CampaignAccess) -> bool:
    return _administers(actor) or (_staff(actor, Role.RECRUITER) and _on(actor, campaign))


def can_see_rating_results(actor: Actor, campaign: CampaignAccess, *, has_rated: bool) -> bool:
    """The suggestion and other raters' levels for one answer: only after the rater's own rating."""
    return can_rate(actor, campaign) and has_rated


def can_view_profiles(actor: Actor, campaign: CampaignAccess) -> bool:
    """Profiles, PDFs, dashboards and campaign-wide agreement hold every rater's level: leads and admins."""
    return _administers(actor) or (_staff(actor, Role.LEAD) and _on(actor, campaign))


def can_decide(actor: Actor, campaign: CampaignAccess) -> bool:
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
        pages.append(Page.PROFILES)
    if can_manage_users(actor):
        pages.append(Page.USERS)
    if can_manage_banks(actor):
        pages.append(Page.BANKS)
    if can_manage_retention(actor):
        pages.append(Page.RETENTION)
    if can_read_audit(actor):
        pages.append(Page.AUDIT)
    if can_manage_oversight(actor):
        pages.append(Page.OVERSIGHT)
    if can_read_about(actor):
        pages.append(Page.ABOUT)
    return tuple(pages)
