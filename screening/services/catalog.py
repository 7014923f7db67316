"""The framework, banks and target profiles, loaded and validated once per process."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from screening.banks import Bank, load_banks
from screening.config import get_settings
from screening.framework import Framework, load_framework
from screening.targets import TargetProfile, load_targets


@dataclass(frozen=True)
class Catalog:
    framework: Framework
    bank: Bank
    targets: dict[str, TargetProfile]
    version: str        # short hash of every bank item id and version, printed on each PDF


@cache
def get_catalog() -> Catalog:
    settings = get_settings()
    framework = load_framework(settings.banks_dir / "framework.yaml")
    bank = load_banks(settings.bank_roots, framework)
    targets = load_targets(settings.banks_dir / "profiles", framework)
    ids = sorted(f"{i.id}@{i.version}" for i in [*bank.sjt_items, *bank.questions])
    version = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:10]
    return Catalog(framework, bank, targets, version)
