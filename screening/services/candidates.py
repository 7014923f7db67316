"""Candidates of a campaign, their progress, and the erasure of their personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from screening.domain import policy
from screening.domain.actors import Actor
from screening.domain.candidate_import import ParsedImport, parse_candidates
from screening.domain.credentials import CredentialError, normalise_email
from screening.domain.statuses import BOARD_STATUSES, attempt_status, board_status
from screening.services._access import campaign_for, candidate_for, require
from screening.services._audit import record
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.backup import record_erasure
from screening.store.engine import Database
from screening.store.models import Candidate, CandidateRater, utcnow
from screening.text import clean

PAGE_SIZE = 50


def add_candidate(db: Database, actor: Actor, campaign_id: int, name: str, email: str = "",
                  *, reference: str = "", is_demo: bool = False) -> int:
    """Add one candidate; an e-mail already used in this campaign is refused (two records, one person)."""
    with db.write() as s:
        campaign_for(s, actor, campaign_id, policy.can_manage_candidates)
        name = clean(name, limit=300).strip()
        if not name:
            raise InvalidInput("error.candidate_name")
        address = ""
        if email.strip():
            try:
                address = normalise_email(clean(email, limit=320))
            except CredentialError as exc:
                raise InvalidInput(exc.key) from None
        if address and queries.email_taken(session=s, campaign_id=campaign_id, email=address):
            raise InvalidInput("error.candidate_email_taken")
        candidate = Candidate(campaign_id=campaign_id, name=name, email=address, is_demo=is_demo,
                              reference=clean(reference, limit=100).strip())
        s.add(candidate)
        s.flush()
        record(s, actor, "candidate.create", "candidate", candidate.id, campaign_id=campaign_id)
        return int(candidate.id or 0)


def preview_import(db: Database, actor: Actor, campaign_id: int, data: bytes) -> ParsedImport:
    """What a CSV file would add, and the error of each row that would not be added; nothing is saved."""
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_manage_candidates)
        existing = queries.campaign_emails(session=s, campaign_id=campaign_id)
    return parse_candidates(data, existing)


def import_candidates(db: Database, actor: Actor, campaign_id: int, data: bytes) -> ParsedImport:
    """Add the valid rows of a CSV file (read again inside the write, so a row added meanwhile is an error)."""
    with db.write() as s:
        campaign_for(s, actor, campaign_id, policy.can_manage_candidates)
        parsed = parse_candidates(data, queries.campaign_emails(session=s, campaign_id=campaign_id))
        for row in parsed.rows:
            candidate = Candidate(campaign_id=campaign_id, name=clean(row.name, limit=300), email=row.email,
                                  reference=clean(row.reference, limit=100))
            s.add(candidate)
            s.flush()
            record(s, actor, "candidate.create", "candidate", candidate.id, campaign_id=campaign_id, source="csv")
    return parsed


@dataclass(frozen=True)
class BoardRow:
    candidate_id: int
    name: str
    email: str
    reference: str
    status: str                       # one of domain.statuses.BOARD_STATUSES
    invited_at: datetime | None
    sent_at: datetime | None          # e-mailed (None: no e-mail, the link was copied)
    opened_at: datetime | None        # the first time any of the candidate's links was opened
    raters: tuple[int, ...]


@dataclass(frozen=True)
class StatusBoard:
    rows: tuple[BoardRow, ...]        # this page, after the filter and the search
    counts: dict[str, int]            # every candidate of the campaign, per status
    total: int                        # rows matching the filter and the search
    page: int
    pages: int


def status_board(db: Database, actor: Actor, campaign_id: int, *, status: str | None = None, search: str = "",
                 page: int = 0, page_size: int | None = None) -> StatusBoard:
    """Each candidate's furthest step, from one id query per fact for the whole campaign (no per-candidate
    query), and the invitation dates of the page shown only."""
    size = page_size or PAGE_SIZE
    term = clean(search, limit=100).strip().lower()
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        facts = queries.board_facts(session=s, campaign_id=campaign_id)
        raters = queries.raters_of_campaign(session=s, campaign_id=campaign_id)
        placed = [(c, board_status(invited=c.id in facts.invited,
                                   opened=c.id in facts.opened or c.id in facts.attempted,
                                   started=c.id in facts.started, submitted=c.id in facts.submitted,
                                   rated=c.id in facts.rated, decided=c.id in facts.decided))
                  for c in facts.candidates]
        counts = {name: 0 for name in BOARD_STATUSES}
        for _, reached in placed:
            counts[reached] += 1
        shown = [(c, reached) for c, reached in placed if (not status or reached == status)
                 and (not term or term in c.name.lower() or term in c.email.lower() or term in c.reference.lower())]
        pages = max(1, -(-len(shown) // size))
        page = min(max(0, page), pages - 1)
        here = shown[page * size:(page + 1) * size]
        dates = queries.board_dates(session=s, candidate_ids=[c.id for c, _ in here])
    rows = []
    for c, status_now in here:
        when = dates.get(c.id)
        rows.append(BoardRow(c.id, c.name, c.email, c.reference, status_now, when.invited_at if when else None,
                             when.sent_at if when else None, when.opened_at if when else None,
                             tuple(raters.get(c.id, ()))))
    return StatusBoard(tuple(rows), counts, len(shown), page, pages)


@dataclass(frozen=True)
class RaterChoice:
    user_id: int
    name: str


def rater_choices(db: Database, actor: Actor, campaign_id: int) -> list[RaterChoice]:
    """The recruiters on the campaign (its owner and those it is shared with), who may be assigned."""
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_assign_raters)
        ids = set(queries.shared_user_ids(session=s, campaign_id=campaign_id)) | {campaign.owner_id}
        people = queries.users_by_ids(session=s, ids=ids)
    return [RaterChoice(int(u.id or 0), u.name) for u in people if u.role == "recruiter" and u.active]


def assign_raters(db: Database, actor: Actor, candidate_id: int, rater_ids: list[int]) -> None:
    """Set the candidate's raters to exactly these recruiters on the campaign (an empty list clears them)."""
    with db.write() as s:
        _, campaign = candidate_for(s, actor, candidate_id, policy.can_assign_raters)
        campaign_id = int(campaign.id or 0)
        allowed = set(queries.shared_user_ids(session=s, campaign_id=campaign_id)) | {campaign.owner_id}
        recruiters = {int(u.id or 0) for u in queries.users_by_ids(session=s, ids=allowed)
                      if u.role == "recruiter" and u.active}
        wanted = list(dict.fromkeys(int(r) for r in rater_ids))
        if any(r not in recruiters for r in wanted):
            raise InvalidInput("error.rater_not_on_campaign")
        current = queries.raters_of(session=s, candidate_id=candidate_id)
        previous = sorted(r.rater_id for r in current)
        for row in current:
            if row.rater_id not in wanted:
                s.delete(row)
        for rater_id in wanted:
            if rater_id not in previous:
                s.add(CandidateRater(candidate_id=candidate_id, rater_id=rater_id))
        if sorted(wanted) != previous:
            record(s, actor, "candidate.raters", "candidate", candidate_id, previous=previous, raters=sorted(wanted))


def list_candidates(db: Database, actor: Actor, campaign_id: int) -> list[Candidate]:
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        return list(queries.candidates_of(session=s, campaign_id=campaign_id))


@dataclass(frozen=True)
class CandidateStatus:
    candidate_id: int
    name: str
    email: str
    added_at: datetime
    status: str                 # added | in_progress | submitted (see domain.statuses)


@dataclass(frozen=True)
class StatusPage:
    rows: tuple[CandidateStatus, ...]
    total: int
    page: int
    pages: int


def candidate_statuses(db: Database, actor: Actor, campaign_id: int, *, page: int = 0, search: str = "",
                       page_size: int | None = None) -> StatusPage:
    """Names and progress only, one page at a time: what the recruiter's lists need, without scoring anyone."""
    size = page_size or PAGE_SIZE
    term = clean(search, limit=100).strip()
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_view_campaign)
        total = queries.count_candidates(session=s, campaign_id=campaign_id, search=term)
        pages = max(1, -(-total // size))
        page = min(max(0, page), pages - 1)
        rows = queries.candidates_with_attempts(session=s, campaign_id=campaign_id, offset=page * size, limit=size,
                                                search=term)
    return StatusPage(tuple(CandidateStatus(int(c.id or 0), c.name, c.email, c.created_at, attempt_status(a))
                            for c, a in rows), total, page, pages)


def get_candidate(db: Database, actor: Actor, candidate_id: int) -> Candidate:
    with db.read() as s:
        return candidate_for(s, actor, candidate_id, policy.can_view_campaign)[0]


def erasable_candidates(db: Database, actor: Actor) -> list[Candidate]:
    """Every candidate whose personal data is still held (admin only)."""
    require(policy.can_manage_retention(actor))
    with db.read() as s:
        return list(queries.erasable_candidates(session=s))


def erase_candidate(db: Database, actor: Actor, candidate_id: int) -> None:
    """Admin erasure: every field that can hold the person's data is blanked and their links stop working;
    scores, levels and the audit log stay."""
    require(policy.can_manage_retention(actor))
    with db.write() as s:
        candidate, _ = candidate_for(s, actor, candidate_id, policy.can_view_campaign)
        _erase(s, candidate)
        record(s, actor, "candidate.erase", "candidate", candidate_id)


def purge_older_than(db: Database, actor: Actor, days: int) -> list[int]:
    """Retention: erase the personal data of every candidate whose campaign closed more than `days` days ago,
    or who never started and whose latest invite link expired more than `days` days ago."""
    require(policy.can_manage_retention(actor))
    if days < 1:
        raise InvalidInput()
    with db.read() as s:
        due = queries.candidate_ids_due_for_purge(session=s, cutoff=utcnow() - timedelta(days=days))
    for candidate_id in due:
        with db.write() as s:
            candidate = s.get(Candidate, candidate_id)
            if candidate is not None and candidate.erased_at is None:
                _erase(s, candidate)
                record(s, actor, "candidate.purge", "candidate", candidate_id, retention_days=days)
    return due


def _erase(s: Session, candidate: Candidate) -> None:
    """Blank the name, e-mail and every free text about one candidate, in the caller's transaction."""
    candidate_id = int(candidate.id or 0)
    now = utcnow()
    candidate.name, candidate.email, candidate.erased_at = f"erased #{candidate_id}", "", now
    s.add(candidate)
    attempt = queries.attempt_of(session=s, candidate_id=candidate_id)
    if attempt is not None:
        for answer in queries.answers_of(session=s, attempt_id=int(attempt.id or 0)):
            answer.text = ""
            s.add(answer)
    for live in queries.live_answers(session=s, candidate_id=candidate_id):
        live.answer_text, live.rater_notes = "", ""
        s.add(live)
    for decision in queries.decisions_of(session=s, candidate_id=candidate_id):
        decision.note = ""
        s.add(decision)
    for rating in queries.ratings_of(session=s, candidate_id=candidate_id):
        rating.evidence_note, rating.revision_note = "", ""
        s.add(rating)
    for consensus in queries.consensus_of(session=s, candidate_id=candidate_id):
        consensus.reason = ""
        s.add(consensus)
    for request in queries.requests_of(session=s, candidate_id=candidate_id):
        request.message = ""
        s.add(request)
    for invitation in queries.live_invitations(session=s, candidate_id=candidate_id):
        invitation.revoked_at = now
        s.add(invitation)
    queries.delete_candidate_groups(session=s, candidate_id=candidate_id)  # self-declared group data goes whole
    # before the commit: a restored backup must re-erase this person (see store/backup.py)
    record_erasure(candidate_id, url=str(s.get_bind().engine.url), at=now)
