"""Installation-wide settings read inside the caller's session (infrastructure: no entry point here)."""

from __future__ import annotations

from sqlmodel import Session

from screening.store import queries
from screening.store.models import Campaign

SUGGESTIONS = "suggestions_enabled"


def installation_suggestions(s: Session) -> bool:
    row = queries.setting(session=s, key=SUGGESTIONS)
    return True if row is None or row.value is None else bool(row.value)


def suggestions_enabled(s: Session, campaign: Campaign) -> bool:
    """Suggested levels are shown only when neither the installation nor the campaign has them switched off."""
    return bool(campaign.suggestions_enabled) and installation_suggestions(s)
