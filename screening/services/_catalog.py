"""The framework, banks and target profiles: shipped files loaded once per process, plus the banks
admins uploaded, re-read whenever a new upload appears (so every app server sees it)."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, replace
from functools import cache

from screening.banks import Bank, SjtItem, apply_upload, load_banks, parse_bank_text
from screening.config import get_settings
from screening.framework import Framework, load_framework
from screening.store import queries
from screening.store.engine import Database
from screening.targets import TargetProfile, load_targets
from screening.text import Text


@dataclass(frozen=True)
class Catalog:
    framework: Framework
    bank: Bank
    targets: dict[str, TargetProfile]
    version: str        # short hash of every bank item id and version, printed on each PDF


def _version(bank: Bank) -> str:
    ids = sorted([f"{i.id}@{i.version}" for i in bank.sjt_items] + [f"{q.id}@{q.version}" for q in bank.questions])
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:10]


@cache
def shipped_catalog() -> Catalog:
    settings = get_settings()
    framework = load_framework(settings.banks_dir / "framework.yaml")
    bank = load_banks(settings.bank_roots, framework)
    targets = load_targets(settings.banks_dir / "profiles", framework)
    return Catalog(framework, bank, targets, _version(bank))


# How long a server trusts that no bank was uploaded since it last asked: an upload reaches every
# server within this time, and a candidate's save does not pay a query for it.
UPLOAD_CHECK_SECONDS = 5.0

_with_uploads: dict[str, tuple[int, Catalog]] = {}  # database url -> (last upload id, catalog)
_checked_at: dict[str, float] = {}
_lock = threading.Lock()


def get_catalog(db: Database | None = None) -> Catalog:
    """The shipped catalog, with every uploaded bank applied in upload order when `db` is given.

    Opens its own short read, so never call it inside a write transaction (a second connection)."""
    base = shipped_catalog()
    if db is None:
        return base
    url = str(db.engine.url)
    now = time.monotonic()
    with _lock:
        cached = _with_uploads.get(url)
        if cached is not None and now - _checked_at.get(url, 0.0) < UPLOAD_CHECK_SECONDS:
            return cached[1]
    with db.read() as s:
        last = queries.last_upload_id(session=s)
    with _lock:
        _checked_at[url] = now
        cached = _with_uploads.get(url)
        if cached is not None and cached[0] == last:
            return cached[1]
    if not last:
        catalog = base
    else:
        with db.read() as s:
            uploads = queries.uploads_up_to(session=s, last=last)
        bank = base.bank
        for upload in uploads:
            parsed, _ = parse_bank_text(upload.content, upload.file_name, base.framework)
            bank = apply_upload(bank, parsed).bank
        catalog = replace(base, bank=bank, version=_version(bank))
    with _lock:
        _with_uploads[url] = (last, catalog)
    return catalog


def forget_uploads_check(db: Database) -> None:
    """After an upload on this server, look again at once."""
    with _lock:
        _checked_at.pop(str(db.engine.url), None)


_blind: dict[str, tuple[Catalog, Catalog]] = {}


def without_keys(catalog: Catalog) -> Catalog:
    """The catalog with every SJT key and rationale blanked: what staff who do not manage banks may read,
    so an expert invited to a key review cannot read the key through any page."""
    with _lock:
        cached = _blind.get(catalog.version)
    if cached is not None and cached[0] is catalog:
        return cached[1]

    def blank(item: SjtItem) -> SjtItem:
        return replace(item, options=tuple(replace(o, key=0, rationale=Text("", "")) for o in item.options))

    bank = catalog.bank
    archive = tuple(blank(i) if isinstance(i, SjtItem) else i for i in bank.archive)
    blind = replace(catalog, bank=Bank(tuple(blank(i) for i in bank.sjt_items), bank.questions, bank.sources,
                                       archive))
    with _lock:
        _blind[catalog.version] = (catalog, blind)
    return blind
