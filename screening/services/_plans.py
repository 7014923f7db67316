"""Development-plan suggestions per skill, loaded once per process."""

from __future__ import annotations

from functools import cache

from screening.config import get_settings
from screening.development import DevelopmentPlans, load_development_plans


@cache
def get_plans() -> DevelopmentPlans:
    return load_development_plans(get_settings().banks_dir / "development.yaml")
