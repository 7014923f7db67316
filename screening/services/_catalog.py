"""The framework, banks and target profiles: shipped files loaded once per process, plus the banks
admins uploaded, re-read whenever a new upload appears (so every app server sees it)."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, replace
from functools import cache

from sqlalchemy import func
from sqlmodel import select

from screening.banks import Bank, apply_upload, load_banks, parse_bank_text
from screening.config import get_settings
from screening.framework import Framework, load_framework
from screening.store.engine import Database
from screening.store.models import BankUpload
from screening.targets import TargetProfile, load_targets


@dataclass(frozen=True)
class Catalog:
    framework: Framework
    bank: Bank
    targets: dict[str, TargetProfile]
    version: str        # short hash of every bank item id and version, printed on each PDF


def _version(bank: Bank) -> str:
    ids = sorted(f"{i.id}@{i.version}" for i in [*bank.sjt_items, *bank.questions])
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:10]


@cache
def shipped_catalog() -> Catalog:
    settings = get_settings()
    framework = load_framework(settings.banks_dir / "framework.yaml")
    bank = load_banks(settings.bank_roots, framework)
    targets = load_targets(settings.banks_dir / "profiles", framework)
    return Catalog(framework, bank, targets, _version(bank))


_with_uploads: dict[str, tuple[int, Catalog]] = {}  # database url -> (last upload id, catalog)
_lock = threading.Lock()


def get_catalog(db: Database | None = None) -> Catalog:
    """The shipped catalog, with every uploaded bank applied in upload order when `db` is given."""
    base = shipped_catalog()
    if db is None:
        return base
    with db.read() as s:
        last = s.exec(select(func.max(BankUpload.id))).one() or 0
    if not last:
        return base
    url = str(db.engine.url)
    with _lock:
        cached = _with_uploads.get(url)
        if cached is None or cached[0] != last:
            with db.read() as s:
                uploads = s.exec(select(BankUpload).where(BankUpload.id <= last).order_by(BankUpload.id)).all()
            bank = base.bank
            for upload in uploads:
                parsed, _ = parse_bank_text(upload.content, upload.file_name, base.framework)
                bank = apply_upload(bank, parsed).bank
            cached = (int(last), replace(base, bank=bank, version=_version(bank)))
            _with_uploads[url] = cached
        return cached[1]
