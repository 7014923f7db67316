"""Human oversight: an admin switches suggested levels off (or on) for one campaign or the whole installation."""

from __future__ import annotations

from dataclasses import dataclass

from screening.domain import policy
from screening.domain.actors import Actor
from screening.services._access import campaign_for, require
from screening.services._audit import record
from screening.services._settings import SUGGESTIONS, installation_suggestions
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Setting, utcnow


@dataclass(frozen=True)
class CampaignSwitch:
    campaign_id: int
    name: str
    enabled: bool                # the campaign's own switch; the installation's switch overrides it when off


@dataclass(frozen=True)
class SuggestionSwitches:
    installation: bool
    campaigns: tuple[CampaignSwitch, ...]


def suggestion_switches(db: Database, actor: Actor) -> SuggestionSwitches:
    require(policy.can_manage_oversight(actor))
    with db.read() as s:
        return SuggestionSwitches(installation_suggestions(s), tuple(
            CampaignSwitch(int(c.id or 0), c.name, bool(c.suggestions_enabled))
            for c in queries.campaigns_for(session=s, user_id=None)))


def set_installation_suggestions(db: Database, actor: Actor, enabled: bool) -> None:
    require(policy.can_manage_oversight(actor))
    with db.write() as s:
        row = queries.setting(session=s, key=SUGGESTIONS)
        previous = installation_suggestions(s)
        if row is None:
            row = Setting(key=SUGGESTIONS)
        row.value, row.updated_at = bool(enabled), utcnow()
        s.add(row)
        record(s, actor, "settings.suggestions", "installation", "-", previous=previous, enabled=bool(enabled))


def set_campaign_suggestions(db: Database, actor: Actor, campaign_id: int, enabled: bool) -> None:
    require(policy.can_manage_oversight(actor))
    with db.write() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        previous = bool(campaign.suggestions_enabled)
        campaign.suggestions_enabled = bool(enabled)
        s.add(campaign)
        record(s, actor, "campaign.suggestions", "campaign", campaign_id, previous=previous, enabled=bool(enabled))
