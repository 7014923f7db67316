"""SQLModel tables. Audit events name people by id only, so erasure leaves the log whole."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


# --- staff -------------------------------------------------------------------

class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)
    name: str
    role: str
    password_hash: str
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    language: str = Field(default="en", sa_column_kwargs={"server_default": "en"})  # the pages' language


class StaffSession(SQLModel, table=True):
    """Server-side session: the browser holds only the random token; we store its hash."""

    token_hash: str = Field(primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    role: str = ""                            # the role when the session began: a role change ends it
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime                      # the absolute end, whatever the activity


class StaffInvitation(SQLModel, table=True):
    """A one-time link for a staff member to set their password: the token is stored only as its hash,
    expires, works once, and a newer link for the same account revokes it."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(index=True, unique=True)
    language: str = "en"                      # of the e-mail and the set-password page
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = None
    sent_at: datetime | None = None           # e-mailed (None: the admin copied the link)


class SignInFailure(SQLModel, table=True):
    """Failed sign-ins per account and per client address, shared by every app server."""

    key: str = Field(primary_key=True)        # "account:<sha256 of e-mail>" or "client:<sha256 of address>"
    failures: int = 0
    last_failed_at: datetime = Field(default_factory=utcnow)


# --- campaigns and candidates -------------------------------------------------

class Campaign(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    job_title: str = ""
    language: str = "en"
    target_profile_id: str | None = None
    skills: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sjt_item_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sjt_items_per_candidate: int = 0          # 0 = every item; otherwise drawn at random per candidate
    written_question_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    live_question_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sjt_method: str = "raw"                   # raw | within_person, for rate_each items
    time_limit_minutes: int | None = None     # None: untimed; counted from consent, enforced by the server
    candidate_feedback: bool = False          # candidates see strengths and tips after submitting
    owner_id: int = Field(foreign_key="user.id", index=True)
    is_demo: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    deadline_at: datetime | None = None       # when answering ends; invitations expire then
    first_invite_at: datetime | None = None   # from then on the items and questions are fixed
    closed_at: datetime | None = None         # no new invitations or links
    archived_at: datetime | None = None       # hidden from the working lists
    suggestions_enabled: bool = True          # an admin may switch suggested levels off for this campaign


class CampaignShare(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("campaign_id", "user_id"),)
    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)


class Candidate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    name: str
    email: str = ""
    reference: str = ""                       # the organisation's own reference (e.g. an applicant number)
    is_demo: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    erased_at: datetime | None = None


class Invitation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    token_hash: str = Field(index=True, unique=True)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None
    sent_at: datetime | None = None            # e-mailed to the candidate (None: the link was copied by hand)
    opened_at: datetime | None = None          # the first time the link was opened
    last_reminder_at: datetime | None = None


# --- the candidate's attempt ------------------------------------------------

class Attempt(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True, unique=True)
    plan: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    step: int = 0                              # the screen the candidate is on, for resuming
    started_at: datetime = Field(default_factory=utcnow)
    consent_at: datetime | None = None
    submitted_at: datetime | None = None
    deadline_at: datetime | None = None        # consent + the campaign's time limit (extra_minutes come on top)
    extra_minutes: int = 0                     # an accommodation granted by a recruiter
    version: int = 0                           # +1 on every saved answer: tells a stale tab it is out of date


class Answer(SQLModel, table=True):
    """One row per answered item; saved when given, upserted so saving twice is harmless."""

    __table_args__ = (UniqueConstraint("attempt_id", "item_id"),)
    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempt.id", index=True)
    item_id: str
    item_version: int
    kind: str                                  # sjt | written
    response: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = Field(default_factory=utcnow)


class CandidateRequest(SQLModel, table=True):
    """A candidate asking for a human review of their result, or withdrawing; the recruiter handles it."""

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    kind: str                                  # review | withdrawal
    message: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)
    handled_at: datetime | None = None


# --- interviews and ratings -------------------------------------------------

class LiveAnswer(SQLModel, table=True):
    """What a candidate said in a live interview, recorded by a rater apart from their own notes."""

    __table_args__ = (UniqueConstraint("candidate_id", "question_id", "rater_id"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    question_id: str
    question_version: int
    rater_id: int = Field(foreign_key="user.id")
    answer_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    rater_notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = Field(default_factory=utcnow)


class Rating(SQLModel, table=True):
    """A rater's level for one answer: first rating, the suggestion they then saw, and the final rating."""

    __table_args__ = (UniqueConstraint("candidate_id", "question_id", "rater_id"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    question_id: str
    question_version: int
    rater_id: int = Field(foreign_key="user.id", index=True)
    first_level: int
    suggested_level: float | None = None
    suggestion_confidence: float | None = None
    final_level: int | None = None
    evidence_note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    revision_note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    confirmed_at: datetime | None = None       # the rater kept their level after seeing the suggestion
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CandidateRater(SQLModel, table=True):
    """A rater assigned to interview and rate one candidate (the panel of the debrief)."""

    __table_args__ = (UniqueConstraint("candidate_id", "rater_id"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    rater_id: int = Field(foreign_key="user.id", index=True)


# --- the panel debrief -------------------------------------------------------

class DebriefOpening(SQLModel, table=True):
    """A lead opened the debrief of one question for one candidate before every rater had rated."""

    __table_args__ = (UniqueConstraint("candidate_id", "question_id"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    question_id: str
    opened_by: int = Field(foreign_key="user.id")
    opened_at: datetime = Field(default_factory=utcnow)


class ConsensusRating(SQLModel, table=True):
    """The panel's agreed level for one answer; it replaces the mean of the raters in the profile."""

    __table_args__ = (UniqueConstraint("candidate_id", "question_id"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    question_id: str
    level: int
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    decided_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


# --- rater calibration -------------------------------------------------------

class CalibrationSet(SQLModel, table=True):
    """Ten bank exemplars a rater rates blind, then compares with their keyed levels."""

    id: int | None = Field(default=None, primary_key=True)
    rater_id: int = Field(foreign_key="user.id", index=True)
    language: str
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class CalibrationRating(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("set_id", "question_id", "exemplar_id"),)
    id: int | None = Field(default=None, primary_key=True)
    set_id: int = Field(foreign_key="calibrationset.id", index=True)
    position: int
    question_id: str
    question_version: int
    exemplar_id: str
    keyed_level: int                           # from the bank; never shown before the rater's level
    level: int | None = None
    rated_at: datetime | None = None


class Decision(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    decided_by: int = Field(foreign_key="user.id")
    outcome: str
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_kind: str                            # staff | candidate | system
    actor_id: int | None = None                # user id or candidate id, never a name
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Setting(SQLModel, table=True):
    """Installation-wide settings an admin changes from the app (e.g. `suggestions_enabled`)."""

    key: str = Field(primary_key=True)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    updated_at: datetime = Field(default_factory=utcnow)


class BankUpload(SQLModel, table=True):
    """A YAML bank an admin uploaded; kept whole, in order, so the catalog can be rebuilt anywhere."""

    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    content: str = Field(sa_column=Column(Text, nullable=False))
    uploaded_by: int = Field(foreign_key="user.id")
    uploaded_at: datetime = Field(default_factory=utcnow)


# --- expert key review ------------------------------------------------------

class KeyReview(SQLModel, table=True):
    """An admin's request to the organisation's experts: rate every option of these items, blind to the key."""

    id: int | None = Field(default=None, primary_key=True)
    scope: str = "bank"                        # bank | campaign
    campaign_id: int | None = Field(default=None, foreign_key="campaign.id")
    item_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = "open"                       # open | closed
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class KeyReviewer(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("review_id", "user_id"),)
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="keyreview.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)


class KeyRating(SQLModel, table=True):
    """One expert's effectiveness level (1-5) for one option of one item version."""

    __table_args__ = (UniqueConstraint("review_id", "item_id", "option_id", "expert_id"),)
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="keyreview.id", index=True)
    item_id: str
    item_version: int
    option_id: str
    expert_id: int = Field(foreign_key="user.id")
    level: int
    updated_at: datetime = Field(default_factory=utcnow)


# --- adverse impact: voluntary, self-declared group data, admin only ---------

class GroupField(SQLModel, table=True):
    """A group an organisation may monitor; beyond the defaults, only once an admin records a legal basis."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    enabled: bool = True
    legal_basis: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class CandidateGroup(SQLModel, table=True):
    """A candidate's self-declared group for one field; deleted when the candidate is erased."""

    __table_args__ = (UniqueConstraint("candidate_id", "field"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    field: str
    value: str
