"""Admins add banks from the app: validated with the command line's messages, rejected whole if
anything is wrong, versioned item by item, and usable in new campaigns at once."""

from __future__ import annotations

from screening.banks import UploadOutcome, apply_upload, merge_banks, parse_bank_text
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.services._access import require
from screening.services._audit import record
from screening.services._catalog import forget_uploads_check, get_catalog
from screening.services.errors import ServiceError
from screening.store.engine import Database
from screening.store.models import BankUpload
from screening.text import clean

MAX_BYTES = 2_000_000


class BankRejected(ServiceError):  # noqa: N818  (a refusal named for what happened)
    key = "banks.rejected"

    def __init__(self, problems: list[str]):
        super().__init__()
        self.problems = problems

    @property
    def details(self) -> tuple[str, ...]:
        return tuple(self.problems)  # each names file, item and field


def upload_bank(db: Database, actor: Actor, file_name: str, content: bytes) -> UploadOutcome:
    require(policy.can_manage_banks(actor) and isinstance(actor, Staff))  # an upload names its uploader
    name = f"upload/{clean(file_name, limit=200)}"
    if len(content) > MAX_BYTES:
        raise BankRejected([f"{name}: -: file: larger than {MAX_BYTES // 1_000_000} MB"])
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise BankRejected([f"{name}: -: file: not UTF-8 text"]) from None
    catalog = get_catalog(db)
    parsed, errors = parse_bank_text(clean(text), name, catalog.framework)
    merge_banks([parsed], errors)  # an id used twice inside the upload
    if errors:
        raise BankRejected([str(e) for e in errors])
    outcome = apply_upload(catalog.bank, parsed)
    with db.write() as s:
        uploader = actor.user_id if isinstance(actor, Staff) else 0
        row = BankUpload(file_name=name, content=clean(text), uploaded_by=uploader)
        s.add(row)
        s.flush()
        record(s, actor, "bank.upload", "bank_upload", row.id, added=list(outcome.added),
               new_versions=list(outcome.new_versions))
    forget_uploads_check(db)
    return outcome
