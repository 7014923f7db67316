"""Every query the services run, as keyword-only functions over an open session.

Services own transactions, policy checks and audit; this module owns SQL. Campaign-wide reads are
set-based (a handful of queries for a whole campaign, never one per candidate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Row, Table, and_, bindparam, func, insert, or_
from sqlalchemy import select as select_columns  # sqlmodel's select types at most four columns
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel, col, delete, select, update

from screening.store.models import (
    Answer,
    Attempt,
    AuditEvent,
    BankUpload,
    CalibrationRating,
    CalibrationSet,
    Campaign,
    CampaignShare,
    Candidate,
    CandidateGroup,
    CandidateRater,
    CandidateRequest,
    ConsensusRating,
    DebriefOpening,
    Decision,
    GroupField,
    Invitation,
    KeyRating,
    KeyReview,
    KeyReviewer,
    LiveAnswer,
    Rating,
    Setting,
    SignInFailure,
    StaffInvitation,
    StaffSession,
    User,
)


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined]


# --- staff ------------------------------------------------------------------------------------


def user_by_email(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email)).first()


def users(*, session: Session) -> Sequence[User]:
    return session.exec(select(User).order_by(col(User.id))).all()


def active_users(*, session: Session) -> Sequence[User]:
    return session.exec(select(User).where(col(User.active).is_(True))).all()


def user_names(*, session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {int(u.id or 0): u.name for u in session.exec(select(User).where(col(User.id).in_(ids))).all()}


def another_active_admin(*, session: Session, user_id: int) -> bool:
    found = session.exec(select(User.id).where(User.role == "admin", col(User.active).is_(True),
                                               User.id != user_id)).first()
    return found is not None


def end_sessions(*, session: Session, user_id: int) -> None:
    session.execute(delete(StaffSession).where(col(StaffSession.user_id) == user_id))


def end_session(*, session: Session, key: str) -> None:
    session.execute(delete(StaffSession).where(col(StaffSession.token_hash) == key))


def sign_in_failures(*, session: Session, keys: Sequence[str]) -> Sequence[SignInFailure]:
    return session.exec(select(SignInFailure).where(col(SignInFailure.key).in_(keys))).all()


def clear_sign_in_failures(*, session: Session, key: str) -> None:
    session.execute(delete(SignInFailure).where(col(SignInFailure.key) == key))


def staff_invitation_by_token_hash(*, session: Session, token_hash: str) -> StaffInvitation | None:
    return session.exec(select(StaffInvitation).where(StaffInvitation.token_hash == token_hash)).first()


def _live_staff_invitations(which: Any) -> Any:
    """An UPDATE of the set-password links `which` selects that are still live: neither used nor revoked."""
    return update(StaffInvitation).where(which, col(StaffInvitation.used_at).is_(None),
                                         col(StaffInvitation.revoked_at).is_(None))


def revoke_live_staff_invitations(*, session: Session, user_id: int, now: datetime) -> int:
    """Revoke the account's unused, unrevoked set-password links; how many there were."""
    result = session.execute(_live_staff_invitations(col(StaffInvitation.user_id) == user_id).values(revoked_at=now))
    return int(result.rowcount)  # type: ignore[attr-defined]


def spend_staff_invitation(*, session: Session, invitation_id: int, now: datetime) -> bool:
    """Mark a link used, only if it still was unused and unrevoked: False when another request spent it first."""
    result = session.execute(_live_staff_invitations(col(StaffInvitation.id) == invitation_id).values(used_at=now))
    return bool(result.rowcount)  # type: ignore[attr-defined]


# --- campaigns --------------------------------------------------------------------------------


def shared_user_ids(*, session: Session, campaign_id: int) -> frozenset[int]:
    rows = session.exec(select(CampaignShare.user_id).where(CampaignShare.campaign_id == campaign_id)).all()
    return frozenset(int(u) for u in rows)


def campaigns_for(*, session: Session, user_id: int | None) -> Sequence[Campaign]:
    """Newest first; `user_id` None means every campaign, otherwise those owned or shared, in one query."""
    query = select(Campaign).order_by(col(Campaign.created_at).desc(), col(Campaign.id).desc())
    if user_id is not None:
        shared = select(CampaignShare.campaign_id).where(CampaignShare.user_id == user_id)
        query = query.where(or_(col(Campaign.owner_id) == user_id, col(Campaign.id).in_(shared)))
    return session.exec(query).all()


def share_exists(*, session: Session, campaign_id: int, user_id: int) -> bool:
    return session.exec(select(CampaignShare.id).where(CampaignShare.campaign_id == campaign_id,
                                                       CampaignShare.user_id == user_id)).first() is not None


# --- candidates and their links ---------------------------------------------------------------


@dataclass(frozen=True)
class LinkRow:
    """Everything one answer needs, from one query: the link, its candidate, campaign and attempt."""

    invitation: Invitation
    candidate: Candidate
    campaign: Campaign
    attempt: Attempt | None


# The statements of a candidate's save are built once: building and keying a statement costs more than
# running it on SQLite, and a candidate saves every few seconds.
_LINK = (select(Invitation, Candidate, Campaign, Attempt)
         .join(Candidate, col(Candidate.id) == Invitation.candidate_id)
         .join(Campaign, col(Campaign.id) == Candidate.campaign_id)
         .join(Attempt, col(Attempt.candidate_id) == Candidate.id, isouter=True)
         .where(col(Invitation.token_hash) == bindparam("token_hash")))


def link_by_token_hash(*, session: Session, token_hash: str) -> LinkRow | None:
    row = session.exec(_LINK, params={"token_hash": token_hash}).first()
    return LinkRow(*row) if row else None


def live_invitations(*, session: Session, candidate_id: int) -> Sequence[Invitation]:
    return session.exec(select(Invitation).where(Invitation.candidate_id == candidate_id,
                                                 col(Invitation.revoked_at).is_(None))).all()


def email_taken(*, session: Session, campaign_id: int, email: str) -> bool:
    return session.exec(select(Candidate.id).where(Candidate.campaign_id == campaign_id,
                                                   func.lower(Candidate.email) == email.lower())).first() is not None


def candidates_of(*, session: Session, campaign_id: int) -> Sequence[Candidate]:
    return session.exec(select(Candidate).where(Candidate.campaign_id == campaign_id)
                        .order_by(col(Candidate.id))).all()


def candidates_with_attempts(*, session: Session, campaign_id: int, offset: int = 0, limit: int | None = None,
                             search: str = "") -> Sequence[tuple[Candidate, Attempt | None]]:
    query = (select(Candidate, Attempt).join(Attempt, col(Attempt.candidate_id) == Candidate.id, isouter=True)
             .where(Candidate.campaign_id == campaign_id).order_by(col(Candidate.id)).offset(offset))
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(or_(func.lower(Candidate.name).like(pattern), func.lower(Candidate.email).like(pattern)))
    if limit is not None:
        query = query.limit(limit)
    return session.exec(query).all()


def campaign_emails(*, session: Session, campaign_id: int) -> frozenset[str]:
    rows = session.exec(select(Candidate.email).where(Candidate.campaign_id == campaign_id,
                                                      Candidate.email != "")).all()
    return frozenset(e.lower() for e in rows)


@dataclass(frozen=True)
class BoardFacts:
    """What the status board needs to place every candidate of a campaign, from one query per table, each
    returning ids and flags only (no dates to parse, no attempt plans, no ORM objects: a campaign has
    thousands)."""

    candidates: Sequence[Row[Any]]            # id, name, email, reference
    invited: frozenset[int]
    opened: frozenset[int]                    # any of the candidate's links opened
    started: frozenset[int]                   # consented
    submitted: frozenset[int]
    attempted: frozenset[int]                 # an attempt exists
    rated: frozenset[int]
    decided: frozenset[int]


def _of_campaign(session: Session, campaign_id: int, column: Any, *columns: Any, where: Any = None) -> Sequence[Any]:
    """Rows of `column` (a candidate_id column) and `columns` for the campaign's candidates. No DISTINCT: it
    turns SQLite's plan into a scan of the whole table (the callers keep sets)."""
    query = (select_columns(column, *columns).join(Candidate, col(Candidate.id) == column)
             .where(col(Candidate.campaign_id) == campaign_id))
    return session.execute(query if where is None else query.where(where)).all()


def board_facts(*, session: Session, campaign_id: int) -> BoardFacts:
    people = session.execute(select_columns(col(Candidate.id), col(Candidate.name), col(Candidate.email),
                                            col(Candidate.reference))
                             .where(col(Candidate.campaign_id) == campaign_id).order_by(col(Candidate.id))).all()
    invites = _of_campaign(session, campaign_id, col(Invitation.candidate_id), col(Invitation.opened_at).is_not(None))
    attempts = _of_campaign(session, campaign_id, col(Attempt.candidate_id), col(Attempt.consent_at).is_not(None),
                            col(Attempt.submitted_at).is_not(None))
    rated = _of_campaign(session, campaign_id, col(Rating.candidate_id), where=col(Rating.final_level).is_not(None))
    decided = _of_campaign(session, campaign_id, col(Decision.candidate_id))
    return BoardFacts(people, frozenset(r[0] for r in invites), frozenset(r[0] for r in invites if r[1]),
                      frozenset(r[0] for r in attempts if r[1]), frozenset(r[0] for r in attempts if r[2]),
                      frozenset(r[0] for r in attempts), frozenset(r[0] for r in rated),
                      frozenset(r[0] for r in decided))


class BoardDates(NamedTuple):
    invited_at: datetime | None               # the newest invitation's
    sent_at: datetime | None                  # the newest invitation's
    opened_at: datetime | None                # the first opening of any of the candidate's links


def board_dates(*, session: Session, candidate_ids: Sequence[int]) -> dict[int, BoardDates]:
    """The invitation dates of the candidates one page of the board shows."""
    rows = session.execute(select_columns(col(Invitation.candidate_id), col(Invitation.created_at),
                                          col(Invitation.sent_at), col(Invitation.opened_at))
                           .where(col(Invitation.candidate_id).in_(candidate_ids))
                           .order_by(col(Invitation.created_at), col(Invitation.id))).all()
    newest: dict[int, Row[Any]] = {}
    first_opened: dict[int, datetime] = {}
    for r in rows:
        newest[r.candidate_id] = r
        if r.opened_at is not None:
            first_opened.setdefault(r.candidate_id, r.opened_at)
    return {cid: BoardDates(r.created_at, r.sent_at, first_opened.get(cid)) for cid, r in newest.items()}


def raters_of_campaign(*, session: Session, campaign_id: int) -> dict[int, list[int]]:
    rows = session.exec(select(CandidateRater).join(Candidate, col(Candidate.id) == CandidateRater.candidate_id)
                        .where(Candidate.campaign_id == campaign_id).order_by(col(CandidateRater.id))).all()
    out: dict[int, list[int]] = {}
    for r in rows:
        out.setdefault(r.candidate_id, []).append(r.rater_id)
    return out


def raters_of(*, session: Session, candidate_id: int) -> Sequence[CandidateRater]:
    return session.exec(select(CandidateRater).where(CandidateRater.candidate_id == candidate_id)).all()


def users_by_ids(*, session: Session, ids: set[int]) -> Sequence[User]:
    if not ids:
        return []
    return session.exec(select(User).where(col(User.id).in_(ids)).order_by(col(User.id))).all()


def live_candidates_with_email(*, session: Session, email: str) -> Sequence[tuple[Candidate, Campaign]]:
    """Candidates still held (not erased) with this address, in campaigns that are still open."""
    return session.exec(select(Candidate, Campaign).join(Campaign, col(Campaign.id) == Candidate.campaign_id)
                        .where(func.lower(Candidate.email) == email.lower(), col(Candidate.erased_at).is_(None),
                               col(Campaign.closed_at).is_(None))).all()


@dataclass(frozen=True)
class ReminderRow:
    invitation: Invitation
    candidate: Candidate
    campaign: Campaign
    attempt: Attempt | None


def reminder_candidates(*, session: Session) -> list[ReminderRow]:
    """Live invitations that were e-mailed and may still need a reminder, with what the e-mail says."""
    rows = session.exec(
        select(Invitation, Candidate, Campaign, Attempt)
        .join(Candidate, col(Candidate.id) == Invitation.candidate_id)
        .join(Campaign, col(Campaign.id) == Candidate.campaign_id)
        .join(Attempt, col(Attempt.candidate_id) == Candidate.id, isouter=True)
        .where(col(Invitation.revoked_at).is_(None), col(Invitation.sent_at).is_not(None),
               col(Invitation.last_reminder_at).is_(None), col(Candidate.erased_at).is_(None),
               col(Campaign.closed_at).is_(None))).all()
    return [ReminderRow(*r) for r in rows]


def count_candidates(*, session: Session, campaign_id: int, search: str = "") -> int:
    query = select(func.count()).select_from(Candidate).where(Candidate.campaign_id == campaign_id)
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(or_(func.lower(Candidate.name).like(pattern), func.lower(Candidate.email).like(pattern)))
    return int(session.exec(query).one())


def erasable_candidates(*, session: Session) -> Sequence[Candidate]:
    return session.exec(select(Candidate).where(col(Candidate.erased_at).is_(None))
                        .order_by(col(Candidate.id))).all()


def candidate_ids_due_for_purge(*, session: Session, cutoff: datetime) -> list[int]:
    """Candidates still held whose campaign closed before `cutoff`, or who never started (no consent) and
    whose latest invitation expired before `cutoff`."""
    expired = (select(Invitation.candidate_id).group_by(col(Invitation.candidate_id))
               .having(func.max(Invitation.expires_at) < cutoff))
    started = select(Attempt.candidate_id).where(col(Attempt.consent_at).is_not(None))
    rows = session.exec(
        select(Candidate.id).join(Campaign, col(Campaign.id) == Candidate.campaign_id)
        .where(col(Candidate.erased_at).is_(None),
               or_(col(Campaign.closed_at) < cutoff,
                   and_(col(Candidate.id).in_(expired), col(Candidate.id).not_in(started))))
        .order_by(col(Candidate.id))).all()
    return [int(i) for i in rows if i is not None]


def invitations_of(*, session: Session, candidate_id: int) -> Sequence[Invitation]:
    return session.exec(select(Invitation).where(Invitation.candidate_id == candidate_id)
                        .order_by(col(Invitation.id))).all()


# --- attempts and answers ---------------------------------------------------------------------


def attempt_of(*, session: Session, candidate_id: int) -> Attempt | None:
    return session.exec(select(Attempt).where(Attempt.candidate_id == candidate_id)).first()


def answers_of(*, session: Session, attempt_id: int) -> Sequence[Answer]:
    return session.exec(select(Answer).where(Answer.attempt_id == attempt_id)).all()


def written_answers(*, session: Session, candidate_id: int) -> dict[str, str]:
    rows = session.exec(select(Answer.item_id, Answer.text).join(Attempt, col(Attempt.id) == Answer.attempt_id)
                        .where(Attempt.candidate_id == candidate_id, Answer.kind == "written")).all()
    return {item_id: text for item_id, text in rows}


@cache
def _upsert(dialect: str) -> Any:
    statement = (pg_insert if dialect == "postgresql" else sqlite_insert)(_table(Answer))
    return statement.on_conflict_do_update(
        index_elements=["attempt_id", "item_id"],
        set_={k: statement.excluded[k] for k in ("item_version", "response", "text", "updated_at")})


_ANSWER_COLUMNS = ("attempt_id", "item_id", "item_version", "kind", "response", "text", "updated_at")


def _answer_values(attempt_id: int, item_id: str, version: int, kind: str, response: dict[str, Any], text: str,
                   now: datetime) -> dict[str, Any]:
    return dict(zip(_ANSWER_COLUMNS, (attempt_id, item_id, version, kind, response, text, now), strict=True))


def upsert_answer(*, session: Session, attempt_id: int, item_id: str, version: int, kind: str,
                  response: dict[str, Any], text: str, now: datetime) -> None:
    """INSERT ... ON CONFLICT DO UPDATE: two tabs saving the same answer at once both succeed."""
    session.execute(_upsert(session.get_bind().dialect.name),
                    _answer_values(attempt_id, item_id, version, kind, response, text, now))


@cache
def _save_in_one_statement() -> Any:
    """PostgreSQL: the upsert and its audit event as data-modifying CTEs of the version's UPDATE ... RETURNING,
    so a candidate's save is one statement after the link query (all three happen, or none)."""
    answer, audit, attempt = _table(Answer), _table(AuditEvent), _table(Attempt)
    upsert = _upsert("postgresql").values({name: bindparam(name, type_=answer.c[name].type)
                                           for name in _ANSWER_COLUMNS})
    event = insert(audit).values({name: bindparam(name, type_=audit.c[name].type) for name in NewEvent._fields})
    bump = (update(attempt).where(attempt.c.id == bindparam("attempt_id", type_=attempt.c.id.type))
            .values(version=attempt.c.version + 1).returning(attempt.c.version))
    return bump.add_cte(upsert.cte("saved_answer")).add_cte(event.cte("saved_event"))


def save_answer(*, session: Session, attempt_id: int, item_id: str, version: int, kind: str,
                response: dict[str, Any], text: str, now: datetime, event: NewEvent) -> int:
    """A candidate's save: the answer's upsert, its audit event and +1 on the attempt's version, which is
    returned. One round trip on PostgreSQL; SQLite has no data-modifying CTEs but runs in-process, where a
    statement costs a function call, not a trip over the network: three statements there."""
    if session.get_bind().dialect.name == "postgresql":
        values = _answer_values(attempt_id, item_id, version, kind, response, text, now)
        return int(session.execute(_save_in_one_statement(), {**values, **event._asdict()}).scalar_one())
    upsert_answer(session=session, attempt_id=attempt_id, item_id=item_id, version=version, kind=kind,
                  response=response, text=text, now=now)
    add_audit_event(session=session, event=event)
    return bump_attempt_version(session=session, attempt_id=attempt_id)


def submitted_count(*, session: Session, campaign_id: int) -> int:
    return int(session.exec(select(func.count()).select_from(Attempt)
                            .join(Candidate, col(Candidate.id) == Attempt.candidate_id)
                            .where(Candidate.campaign_id == campaign_id,
                                   col(Attempt.submitted_at).is_not(None))).one())


class PersonRow(NamedTuple):
    candidate_id: int
    name: str
    attempt_id: int | None
    attempt_version: int | None
    submitted_at: datetime | None


def campaign_people(*, session: Session, campaign_id: int) -> list[PersonRow]:
    """Each candidate of a campaign with the columns of their attempt a status needs (not its plan)."""
    rows = session.execute(select_columns(col(Candidate.id), col(Candidate.name), col(Attempt.id), col(Attempt.version),
                                          col(Attempt.submitted_at))
                           .join(Attempt, col(Attempt.candidate_id) == Candidate.id, isouter=True)
                           .where(col(Candidate.campaign_id) == campaign_id).order_by(col(Candidate.id))).all()
    return [PersonRow(*r) for r in rows]


def submitted_sjt_answers(*, session: Session, campaign_id: int, attempt_ids: Sequence[int] | None = None
                          ) -> Sequence[Row[Any]]:
    """The SJT answers of a campaign's submitted attempts (of `attempt_ids` only, when given), as rows of
    plain columns (attempt_id, item_id, item_version, best, worst, ratings): the database reads the picks out
    of the JSON, and `ratings` (rate-each items only) stays JSON text for the caller to decode."""
    query = (select_columns(col(Answer.attempt_id), col(Answer.item_id), col(Answer.item_version),
                            col(Answer.response)["best"].as_string().label("best"),
                            col(Answer.response)["worst"].as_string().label("worst"),
                            col(Answer.response)["ratings"].as_string().label("ratings"))
             .join(Attempt, col(Attempt.id) == Answer.attempt_id)
             .join(Candidate, col(Candidate.id) == Attempt.candidate_id)
             .where(col(Candidate.campaign_id) == campaign_id, col(Attempt.submitted_at).is_not(None),
                    col(Answer.kind) == "sjt"))
    if attempt_ids is not None:
        query = query.where(col(Answer.attempt_id).in_(attempt_ids))
    return session.connection().execute(query).all()  # Core rows: no ORM loading step for 150,000 of them


# --- interviews -------------------------------------------------------------------------------


def live_answer(*, session: Session, candidate_id: int, question_id: str, rater_id: int) -> LiveAnswer | None:
    return session.exec(select(LiveAnswer).where(LiveAnswer.candidate_id == candidate_id,
                                                 LiveAnswer.question_id == question_id,
                                                 LiveAnswer.rater_id == rater_id)).first()


def live_answers(*, session: Session, candidate_id: int, rater_id: int | None = None) -> Sequence[LiveAnswer]:
    query = select(LiveAnswer).where(LiveAnswer.candidate_id == candidate_id)
    if rater_id is not None:
        query = query.where(LiveAnswer.rater_id == rater_id)
    return session.exec(query).all()


def ratings_of(*, session: Session, candidate_id: int) -> Sequence[Rating]:
    return session.exec(select(Rating).where(Rating.candidate_id == candidate_id)).all()


def rating(*, session: Session, candidate_id: int, question_id: str, rater_id: int) -> Rating | None:
    return session.exec(select(Rating).where(Rating.candidate_id == candidate_id, Rating.question_id == question_id,
                                             Rating.rater_id == rater_id)).first()


def campaign_ratings(*, session: Session, campaign_id: int) -> Sequence[Rating]:
    return session.exec(select(Rating).join(Candidate, col(Candidate.id) == Rating.candidate_id)
                        .where(Candidate.campaign_id == campaign_id)).all()


def campaign_live_answers(*, session: Session, campaign_id: int) -> Sequence[LiveAnswer]:
    return session.exec(select(LiveAnswer).join(Candidate, col(Candidate.id) == LiveAnswer.candidate_id)
                        .where(Candidate.campaign_id == campaign_id)).all()


# --- the panel debrief ------------------------------------------------------------------------


def assigned_raters(*, session: Session, candidate_id: int) -> frozenset[int]:
    rows = session.exec(select(CandidateRater.rater_id).where(CandidateRater.candidate_id == candidate_id)).all()
    return frozenset(int(r) for r in rows)


def question_ratings(*, session: Session, candidate_id: int, question_id: str) -> Sequence[Rating]:
    return session.exec(select(Rating).where(Rating.candidate_id == candidate_id, Rating.question_id == question_id)
                        .order_by(col(Rating.created_at), col(Rating.id))).all()


def debrief_opening(*, session: Session, candidate_id: int, question_id: str) -> DebriefOpening | None:
    return session.exec(select(DebriefOpening).where(DebriefOpening.candidate_id == candidate_id,
                                                     DebriefOpening.question_id == question_id)).first()


def consensus(*, session: Session, candidate_id: int, question_id: str) -> ConsensusRating | None:
    return session.exec(select(ConsensusRating).where(ConsensusRating.candidate_id == candidate_id,
                                                      ConsensusRating.question_id == question_id)).first()


def consensus_of(*, session: Session, candidate_id: int) -> Sequence[ConsensusRating]:
    return session.exec(select(ConsensusRating).where(ConsensusRating.candidate_id == candidate_id)).all()


def campaign_consensus(*, session: Session, campaign_id: int) -> Sequence[ConsensusRating]:
    return session.exec(select(ConsensusRating).join(Candidate, col(Candidate.id) == ConsensusRating.candidate_id)
                        .where(Candidate.campaign_id == campaign_id)).all()


# --- rater calibration ------------------------------------------------------------------------


def calibration_sets(*, session: Session, rater_id: int | None = None) -> Sequence[CalibrationSet]:
    """Oldest first; every rater's when `rater_id` is None."""
    query = select(CalibrationSet).order_by(col(CalibrationSet.created_at), col(CalibrationSet.id))
    if rater_id is not None:
        query = query.where(CalibrationSet.rater_id == rater_id)
    return session.exec(query).all()


def calibration_ratings(*, session: Session, set_ids: Sequence[int]) -> Sequence[CalibrationRating]:
    if not set_ids:
        return []
    return session.exec(select(CalibrationRating).where(col(CalibrationRating.set_id).in_(set_ids))
                        .order_by(col(CalibrationRating.set_id), col(CalibrationRating.position))).all()


def ratings_in_campaigns(*, session: Session, campaign_ids: Sequence[int] | None) -> Sequence[Rating]:
    """Every rating of these campaigns (all campaigns when None), for agreement between raters."""
    query = select(Rating).join(Candidate, col(Candidate.id) == Rating.candidate_id)
    if campaign_ids is not None:
        query = query.where(col(Candidate.campaign_id).in_(campaign_ids))
    return session.exec(query).all()


# --- decisions --------------------------------------------------------------------------------


def latest_decision(*, session: Session, candidate_id: int) -> Decision | None:
    return session.exec(select(Decision).where(Decision.candidate_id == candidate_id)
                        .order_by(col(Decision.created_at).desc(), col(Decision.id).desc())).first()


def decisions_of(*, session: Session, candidate_id: int) -> Sequence[Decision]:
    return session.exec(select(Decision).where(Decision.candidate_id == candidate_id)).all()


def latest_decisions(*, session: Session, campaign_id: int) -> dict[int, Decision]:
    rows = session.exec(select(Decision).join(Candidate, col(Candidate.id) == Decision.candidate_id)
                        .where(Candidate.campaign_id == campaign_id)
                        .order_by(col(Decision.created_at), col(Decision.id))).all()
    return {d.candidate_id: d for d in rows}  # later rows replace earlier ones


# --- audit ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """Every field optional; `until` is exclusive. `actor_kind` is "staff", "candidate", "anonymous" or
    "system:<name>"."""

    actor_kind: str | None = None
    actor_id: int | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None


_AUDIT_INSERT = insert(_table(AuditEvent))


class NewEvent(NamedTuple):
    """An audit event's columns, built by the service that records it and written here."""

    actor_kind: str
    actor_id: int | None
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]
    at: datetime


def add_audit_event(*, session: Session, event: NewEvent) -> None:
    """One INSERT, run now: no ORM object to flush (every change writes one, a candidate's save included)."""
    session.execute(_AUDIT_INSERT, event._asdict())


def _audit_where(query: Any, f: AuditFilter) -> Any:
    if f.actor_kind:
        query = query.where(AuditEvent.actor_kind == f.actor_kind)
    if f.actor_id is not None:
        query = query.where(AuditEvent.actor_id == f.actor_id)
    if f.action:
        query = query.where(AuditEvent.action == f.action)
    if f.entity:
        query = query.where(AuditEvent.entity == f.entity)
    if f.entity_id:
        query = query.where(AuditEvent.entity_id == f.entity_id)
    if f.since is not None:
        query = query.where(col(AuditEvent.at) >= f.since)
    if f.until is not None:
        query = query.where(col(AuditEvent.at) < f.until)
    return query


def audit_events(*, session: Session, where: AuditFilter, offset: int = 0,
                 limit: int | None = None) -> Sequence[AuditEvent]:
    """Newest first."""
    query = _audit_where(select(AuditEvent), where).order_by(col(AuditEvent.id).desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return session.exec(query).all()


def count_audit_events(*, session: Session, where: AuditFilter) -> int:
    return int(session.exec(_audit_where(select(func.count()).select_from(AuditEvent), where)).one())


def audit_vocabulary(*, session: Session) -> tuple[list[str], list[str], list[tuple[str, int | None]]]:
    """The actions, entity kinds and actors (kind, id) the log holds, for the filters."""
    actions = session.exec(select(AuditEvent.action).distinct().order_by(col(AuditEvent.action))).all()
    entities = session.exec(select(AuditEvent.entity).distinct().order_by(col(AuditEvent.entity))).all()
    actors = session.exec(select(AuditEvent.actor_kind, AuditEvent.actor_id).distinct()
                          .where(AuditEvent.actor_kind != "candidate")).all()
    return list(actions), list(entities), sorted(((k, i) for k, i in actors), key=lambda a: (a[0], a[1] or 0))


def audit_events_about(*, session: Session, candidate_id: int, attempt_id: int | None) -> Sequence[AuditEvent]:
    """Events whose entity is this candidate or their attempt, or that the candidate's link made; oldest first."""
    about = [and_(col(AuditEvent.entity) == "candidate", col(AuditEvent.entity_id) == str(candidate_id)),
             and_(col(AuditEvent.actor_kind) == "candidate", col(AuditEvent.actor_id) == candidate_id)]
    if attempt_id is not None:
        about.append(and_(col(AuditEvent.entity) == "attempt", col(AuditEvent.entity_id) == str(attempt_id)))
    return session.exec(select(AuditEvent).where(or_(*about)).order_by(col(AuditEvent.id))).all()


# --- settings ---------------------------------------------------------------------------------


def setting(*, session: Session, key: str) -> Setting | None:
    return session.get(Setting, key)


# --- banks ------------------------------------------------------------------------------------


def last_upload_id(*, session: Session) -> int:
    return int(session.exec(select(func.max(BankUpload.id))).one() or 0)


def uploads_up_to(*, session: Session, last: int) -> Sequence[BankUpload]:
    return session.exec(select(BankUpload).where(col(BankUpload.id) <= last).order_by(col(BankUpload.id))).all()


# --- psychometrics (set-based: one query per table for a whole campaign) --------------------------


def campaign_sjt_answers(*, session: Session, campaign_id: int) -> Sequence[tuple[int, Answer]]:
    """The SJT answers of a campaign's submitted attempts, with their candidate id, in one query."""
    return session.exec(select(Attempt.candidate_id, Answer).join(Attempt, col(Attempt.id) == Answer.attempt_id)
                        .join(Candidate, col(Candidate.id) == Attempt.candidate_id)
                        .where(Candidate.campaign_id == campaign_id, col(Attempt.submitted_at).is_not(None),
                               Answer.kind == "sjt")
                        .order_by(col(Attempt.candidate_id), col(Answer.item_id))).all()


def campaign_sjt_answer_rows(*, session: Session, campaign_id: int) -> Sequence[Answer]:
    """Every SJT answer of a campaign (submitted or not), for re-pointing them to a new item version."""
    return session.exec(select(Answer).join(Attempt, col(Attempt.id) == Answer.attempt_id)
                        .join(Candidate, col(Candidate.id) == Attempt.candidate_id)
                        .where(Candidate.campaign_id == campaign_id, Answer.kind == "sjt")).all()


# --- expert key reviews ---------------------------------------------------------------------------


def key_reviews(*, session: Session) -> Sequence[KeyReview]:
    return session.exec(select(KeyReview).order_by(col(KeyReview.id).desc())).all()


def reviews_for_expert(*, session: Session, user_id: int) -> Sequence[KeyReview]:
    invited = select(KeyReviewer.review_id).where(KeyReviewer.user_id == user_id)
    return session.exec(select(KeyReview).where(col(KeyReview.id).in_(invited))
                        .order_by(col(KeyReview.id).desc())).all()


def reviewer_ids(*, session: Session, review_id: int) -> list[int]:
    rows = session.exec(select(KeyReviewer.user_id).where(KeyReviewer.review_id == review_id)
                        .order_by(col(KeyReviewer.user_id))).all()
    return [int(u) for u in rows]


def key_ratings(*, session: Session, review_id: int, expert_id: int | None = None) -> Sequence[KeyRating]:
    query = select(KeyRating).where(KeyRating.review_id == review_id)
    if expert_id is not None:
        query = query.where(KeyRating.expert_id == expert_id)
    return session.exec(query).all()


def key_rating(*, session: Session, review_id: int, item_id: str, option_id: str, expert_id: int
               ) -> KeyRating | None:
    return session.exec(select(KeyRating).where(KeyRating.review_id == review_id, KeyRating.item_id == item_id,
                                                KeyRating.option_id == option_id,
                                                KeyRating.expert_id == expert_id)).first()


# --- group data for adverse impact ----------------------------------------------------------------


def group_fields(*, session: Session) -> Sequence[GroupField]:
    return session.exec(select(GroupField).order_by(col(GroupField.id))).all()


def group_field(*, session: Session, name: str) -> GroupField | None:
    return session.exec(select(GroupField).where(GroupField.name == name)).first()


def candidate_group(*, session: Session, candidate_id: int, field: str) -> CandidateGroup | None:
    return session.exec(select(CandidateGroup).where(CandidateGroup.candidate_id == candidate_id,
                                                     CandidateGroup.field == field)).first()


def campaign_groups(*, session: Session, campaign_id: int, field: str) -> dict[int, str]:
    rows = session.exec(select(CandidateGroup.candidate_id, CandidateGroup.value)
                        .join(Candidate, col(Candidate.id) == CandidateGroup.candidate_id)
                        .where(Candidate.campaign_id == campaign_id, CandidateGroup.field == field)).all()
    return {int(cid): value for cid, value in rows}


def candidate_ids(*, session: Session, ids: set[int]) -> set[int]:
    """Which of these ids are candidates not yet erased."""
    if not ids:
        return set()
    rows = session.exec(select(Candidate.id).where(col(Candidate.id).in_(ids), col(Candidate.erased_at).is_(None)))
    return {int(i) for i in rows.all() if i is not None}


def delete_candidate_groups(*, session: Session, candidate_id: int) -> None:
    session.execute(delete(CandidateGroup).where(col(CandidateGroup.candidate_id) == candidate_id))

# --- the candidate's own requests (human review, withdrawal) and the attempt's version ---------

_BUMP = (update(_table(Attempt)).where(col(Attempt.id) == bindparam("attempt_id"))
         .values(version=col(Attempt.version) + 1).returning(col(Attempt.version)))


def bump_attempt_version(*, session: Session, attempt_id: int) -> int:
    """One atomic increment, so two tabs saving at once both count and the later one holds the higher number."""
    return int(session.execute(_BUMP, {"attempt_id": attempt_id}).scalar_one())


def bump_attempt_versions(*, session: Session, attempt_ids: Sequence[int]) -> None:
    """+1 on each of these attempts' version: their stored answers changed (a rescore re-pointed them)."""
    if attempt_ids:
        session.execute(update(Attempt).where(col(Attempt.id).in_(attempt_ids))
                        .values(version=col(Attempt.version) + 1))


def requests_of(*, session: Session, candidate_id: int) -> Sequence[CandidateRequest]:
    return session.exec(select(CandidateRequest).where(CandidateRequest.candidate_id == candidate_id)).all()


def campaign_requests(*, session: Session, campaign_id: int) -> Sequence[tuple[CandidateRequest, Candidate]]:
    """Every request from the campaign's candidates, open ones first, newest first."""
    return session.exec(
        select(CandidateRequest, Candidate).join(Candidate, col(Candidate.id) == CandidateRequest.candidate_id)
        .where(Candidate.campaign_id == campaign_id)
        .order_by(col(CandidateRequest.handled_at).is_not(None), col(CandidateRequest.created_at).desc())).all()
