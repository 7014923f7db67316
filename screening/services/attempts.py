"""The candidate's attempt: open or resume from the invite token, save each answer as given, submit.

Every call takes the candidate's link again (a CandidateActor), so a forged, expired or used link never
reaches data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from screening.banks import InterviewQuestion, SjtItem
from screening.config import get_settings
from screening.domain import policy
from screening.domain.actors import Actor, CandidateActor
from screening.domain.answers import ANSWER_MAX_CHARS, clean_sjt_response
from screening.domain.estimates import estimated_minutes
from screening.domain.test_plans import draw_plan
from screening.domain.tokens import token_hash
from screening.services._access import candidate_for, require
from screening.services._audit import event, record, text_fingerprint
from screening.services._catalog import get_catalog
from screening.services.errors import InvalidInput, InvalidInvite
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Attempt, Campaign, Candidate, CandidateRequest, utcnow
from screening.text import clean

REQUEST_MESSAGE_MAX_CHARS = 2_000
MAX_EXTRA_MINUTES = 24 * 60


@dataclass(frozen=True)
class PlannedSjt:
    item: SjtItem
    option_order: tuple[str, ...]


@dataclass(frozen=True)
class AttemptView:
    """What the candidate's page needs; holds no keys, scores or anchors."""

    attempt_id: int
    candidate_name: str
    campaign_name: str
    language: str
    consented: bool
    submitted: bool
    step: int
    sjt: tuple[PlannedSjt, ...]
    written: tuple[InterviewQuestion, ...]
    answers: dict[str, dict[str, Any]]
    texts: dict[str, str]
    version: int = 0                       # the attempt's save counter when this view was read
    deadline: datetime | None = None       # None: untimed (extra time already added)
    time_limit: int | None = None          # the campaign's limit in minutes, for the welcome screen
    timed_out: bool = False                # submitted by the server when time ran out
    feedback: bool = False                 # the campaign shows feedback after submitting
    organisation: str = ""
    contact: str = ""
    retention_days: int = 0

    @property
    def total_steps(self) -> int:
        return len(self.sjt) + len(self.written)

    @property
    def minutes(self) -> int:
        return estimated_minutes(len(self.sjt), len(self.written))

    def answered(self, item_id: str) -> bool:
        if item_id in self.texts:
            return bool(self.texts[item_id].strip())
        response = self.answers.get(item_id, {})
        return bool(response.get("best") and response.get("worst")) or bool(response.get("ratings"))


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time here is UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _deadline_of(attempt: Attempt) -> datetime | None:
    """When the attempt closes: the campaign's limit from consent, plus any extra time granted."""
    deadline = _aware(attempt.deadline_at)
    return deadline + timedelta(minutes=attempt.extra_minutes) if deadline is not None else None


def _out_of_time(attempt: Attempt) -> bool:
    deadline = _deadline_of(attempt)
    return attempt.submitted_at is None and deadline is not None and utcnow() >= deadline


def _timed_out(attempt: Attempt) -> bool:
    deadline, submitted = _deadline_of(attempt), _aware(attempt.submitted_at)
    return deadline is not None and submitted is not None and submitted >= deadline


def _close_for_time(s: Session, attempt: Attempt, candidate: Candidate) -> None:
    """Time is up: the answers given stay, the attempt is submitted by the server."""
    attempt.submitted_at = utcnow()
    s.add(attempt)
    record(s, candidate.id, "attempt.time_up", "attempt", attempt.id)


def _link(s: Session, actor: Actor, *, answering: bool = True) -> queries.LinkRow:
    """Asks the policy (only an invite link answers), then resolves the link, its candidate, campaign and
    attempt in one query. Unknown, expired, replaced and erased links all get the same message.
    `answering=False` (feedback, a review request, withdrawal) lets a submitted attempt's link through."""
    require(policy.can_answer(actor) if answering else policy.can_ask_about_own_result(actor))
    token = actor.token if isinstance(actor, CandidateActor) else ""
    if not token or len(token) > 200:
        raise InvalidInvite()
    row = queries.link_by_token_hash(session=s, token_hash=token_hash(token))
    if (row is None or row.invitation.revoked_at is not None or row.invitation.expires_at <= utcnow()
            or row.candidate.erased_at is not None):
        raise InvalidInvite()
    if answering and row.attempt is not None and row.attempt.submitted_at is not None:
        raise InvalidInvite("error.time_up" if _timed_out(row.attempt) else "error.invite_used")
    return row


def _started(s: Session, actor: Actor) -> tuple[Attempt, Candidate]:
    """The link's attempt, once the candidate has consented."""
    row = _link(s, actor)
    if row.attempt is None or row.attempt.consent_at is None:
        raise InvalidInput()
    return row.attempt, row.candidate


def open_attempt(db: Database, actor: Actor) -> AttemptView:
    """Start the attempt on first visit, resume it afterwards; the link's first opening is recorded. Once
    submitted, a view that says so (the page then shows the thank-you screen). An attempt past its deadline
    is submitted here."""
    with db.read() as s:
        row = _link(s, actor, answering=False)
    attempt = row.attempt
    if attempt is not None and _out_of_time(attempt):
        with db.write() as s:
            row = _link(s, actor, answering=False)
            attempt = row.attempt
            if attempt is not None and _out_of_time(attempt):
                _close_for_time(s, attempt, row.candidate)
    if attempt is None or row.invitation.opened_at is None:
        bank = get_catalog(db).bank
        with db.write() as s:
            row = _link(s, actor)  # re-read inside the write lock: two tabs start one attempt
            attempt = row.attempt
            if row.invitation.opened_at is None:
                row.invitation.opened_at = utcnow()
                s.add(row.invitation)
            if attempt is None:
                attempt = Attempt(candidate_id=int(row.candidate.id or 0),
                                  plan=draw_plan(bank, sjt_item_ids=row.campaign.sjt_item_ids,
                                                 written_question_ids=row.campaign.written_question_ids,
                                                 skills=row.campaign.skills,
                                                 per_candidate=row.campaign.sjt_items_per_candidate,
                                                 rng=random.Random()))
                s.add(attempt)
                s.flush()
                record(s, row.candidate.id, "attempt.start", "attempt", attempt.id)
    return _view(db, attempt, row.candidate, row.campaign)


def _view(db: Database, attempt: Attempt, candidate: Candidate, campaign: Campaign) -> AttemptView:
    bank = get_catalog(db).bank
    with db.read() as s:
        rows = queries.answers_of(session=s, attempt_id=int(attempt.id or 0))
    # the versions this candidate was given, even if the bank has changed since
    sjt = tuple(PlannedSjt(item, tuple(p["order"])) for p in attempt.plan.get("sjt", [])
                if (item := bank.sjt_at(p["id"], p["version"])) is not None)
    written = tuple(q for p in attempt.plan.get("written", [])
                    if (q := bank.question_at(p["id"], p["version"])) is not None)
    settings = get_settings()
    return AttemptView(int(attempt.id or 0), candidate.name, campaign.name,
                       campaign.language, attempt.consent_at is not None, attempt.submitted_at is not None,
                       attempt.step, sjt, written,
                       {r.item_id: r.response for r in rows if r.kind == "sjt"},
                       {r.item_id: r.text for r in rows if r.kind == "written"},
                       version=attempt.version, deadline=_deadline_of(attempt), time_limit=campaign.time_limit_minutes,
                       timed_out=_timed_out(attempt),
                       feedback=campaign.candidate_feedback, organisation=settings.organisation_name,
                       contact=settings.contact_email or settings.mail_reply_to or "",
                       retention_days=settings.retention_days)


def give_consent(db: Database, actor: Actor) -> None:
    with db.write() as s:
        row = _link(s, actor)
        attempt = row.attempt
        if attempt is None:
            raise InvalidInput()
        if attempt.consent_at is None:
            attempt.consent_at = utcnow()
            if row.campaign.time_limit_minutes:
                attempt.deadline_at = attempt.consent_at + timedelta(minutes=row.campaign.time_limit_minutes)
            s.add(attempt)  # step 0: the practice item comes first
            record(s, row.candidate.id, "attempt.consent", "attempt", attempt.id,
                   time_limit_minutes=row.campaign.time_limit_minutes)


class TimeUp(InvalidInvite):
    """The time limit passed: the answers given are kept and the attempt has been submitted."""

    key = "error.time_up"


@dataclass(frozen=True)
class Saved:
    """A save's outcome: the attempt's new version, and whether the page saving it was out of date
    (another tab saved since that page was drawn). The save stands either way: the later one wins."""

    version: int
    stale: bool


def _answering(s: Session, actor: Actor) -> tuple[Attempt, Candidate] | None:
    """The started attempt, or None once its time is up (then closed in this transaction)."""
    attempt, candidate = _started(s, actor)
    if _out_of_time(attempt):
        _close_for_time(s, attempt, candidate)
        return None
    return attempt, candidate


def go_to_step(db: Database, actor: Actor, step: int) -> None:
    """Step 0 is the practice item, 1..n the test, n + 1 the review screen."""
    with db.write() as s:
        found = _answering(s, actor)
        if found is not None:
            attempt = found[0]
            total = len(attempt.plan.get("sjt", [])) + len(attempt.plan.get("written", []))
            attempt.step = max(0, min(step, total + 1))
            s.add(attempt)
    if found is None:
        raise TimeUp()


def _saved(version: int, seen_version: int | None) -> Saved:
    """`version`: the attempt's after this save; another save came between when it is not the seen one + 1."""
    return Saved(version, seen_version is not None and seen_version != version - 1)


def save_sjt_answer(db: Database, actor: Actor, item_id: str, response: dict[str, Any],
                    seen_version: int | None = None) -> Saved:
    """Upsert one SJT answer: {"best": id, "worst": id} or {"ratings": {id: 1-5}}; partial answers kept.
    `seen_version`: the attempt version the saving page was drawn from (None: not checked).

    Two round trips on PostgreSQL: the link through to the attempt in one query, then the upsert, its audit
    event and the attempt's version in one statement (`queries.save_answer`)."""
    bank = get_catalog(db).bank  # before the write: a write never waits on a second connection
    with db.write() as s:
        found = _answering(s, actor)
        if found is not None:
            attempt, candidate = found
            planned = {p["id"]: p for p in attempt.plan.get("sjt", [])}
            if item_id not in planned:
                raise InvalidInput()
            item = bank.sjt_at(item_id, planned[item_id]["version"])
            option_ids = {o.id for o in item.options} if item else set()
            version = queries.save_answer(
                session=s, attempt_id=int(attempt.id or 0), item_id=item_id, version=planned[item_id]["version"],
                kind="sjt", response=clean_sjt_response(response, option_ids), text="", now=utcnow(),
                event=event(candidate.id, "answer.save", "attempt", attempt.id, item_id=item_id))
            saved = _saved(version, seen_version)
    if found is None:
        raise TimeUp()
    return saved


def save_written_answer(db: Database, actor: Actor, question_id: str, text: str,
                        seen_version: int | None = None) -> Saved:
    with db.write() as s:
        found = _answering(s, actor)
        if found is not None:
            attempt, candidate = found
            planned = {p["id"]: p for p in attempt.plan.get("written", [])}
            if question_id not in planned:
                raise InvalidInput()
            if len(text) > ANSWER_MAX_CHARS:
                raise InvalidInput("error.answer_too_long")  # refused whole, never cut
            cleaned = clean(text)
            # the text after this save (the one before is the previous event's): a hash and a length, never words
            version = queries.save_answer(
                session=s, attempt_id=int(attempt.id or 0), item_id=question_id,
                version=planned[question_id]["version"], kind="written", response={}, text=cleaned, now=utcnow(),
                event=event(candidate.id, "answer.save", "attempt", attempt.id, item_id=question_id,
                            **text_fingerprint("text", cleaned)))
            saved = _saved(version, seen_version)
    if found is None:
        raise TimeUp()
    return saved


def submit(db: Database, actor: Actor) -> None:
    """Close the attempt; the link then stops working for answering. A second submit is harmless."""
    with db.write() as s:
        try:
            attempt, candidate = _started(s, actor)
        except InvalidInvite as exc:
            if exc.key in ("error.invite_used", "error.time_up"):
                return
            raise
        attempt.submitted_at = utcnow()
        s.add(attempt)
        record(s, candidate.id, "attempt.submit", "attempt", attempt.id)


# --- the candidate's rights: a human review, withdrawal, feedback ----------------------------------

def request_review(db: Database, actor: Actor, message: str = "") -> None:
    """The candidate asks for a person to look at their result again; the recruiter sees the request."""
    message = clean(message, limit=REQUEST_MESSAGE_MAX_CHARS).strip()
    with db.write() as s:
        row = _link(s, actor, answering=False)
        request = CandidateRequest(candidate_id=int(row.candidate.id or 0), kind="review", message=message)
        s.add(request)
        s.flush()
        record(s, row.candidate.id, "candidate.request_review", "candidate_request", request.id,
               candidate_id=row.candidate.id, **text_fingerprint("message", message))


def withdraw(db: Database, actor: Actor) -> None:
    """The candidate withdraws: their personal data and answers are erased as retention erases them, the
    link stops working, and the recruiter sees a withdrawal request (kept, with no personal data)."""
    from screening.services.candidates import _erase  # the one erasure path

    with db.write() as s:
        row = _link(s, actor, answering=False)
        candidate = row.candidate
        request = CandidateRequest(candidate_id=int(candidate.id or 0), kind="withdrawal")
        s.add(request)
        s.flush()
        _erase(s, candidate)
        if row.attempt is not None:
            for answer in queries.answers_of(session=s, attempt_id=int(row.attempt.id or 0)):
                answer.response = {}  # a withdrawal takes back the choices too, not only the free text
                s.add(answer)
        record(s, candidate.id, "candidate.withdraw", "candidate", candidate.id, request_id=request.id)


@dataclass(frozen=True)
class FamilyTip:
    family: str          # the family's name in the candidate's language
    tip: str


@dataclass(frozen=True)
class CandidateFeedback:
    """What a candidate may read about their result: names and advice, never keys, scores or levels."""

    strengths: tuple[str, ...]
    tips: tuple[FamilyTip, ...]


def candidate_feedback(db: Database, actor: Actor) -> CandidateFeedback | None:
    """Strengths and one development tip per measured family, once submitted, where the campaign allows it."""
    from screening.services._plans import get_plans
    from screening.services.profiles import _profile

    catalog = get_catalog(db)
    with db.read() as s:
        row = _link(s, actor, answering=False)
        if row.attempt is None or row.attempt.submitted_at is None or not row.campaign.candidate_feedback:
            return None
        profile = _profile(s, catalog, row.candidate, row.campaign, 0)
    lang = row.campaign.language
    framework, plans = catalog.framework, get_plans()
    strengths = tuple(framework.skill_by_id[r.skill_id].name.get(lang) for r in profile.strengths)
    development = {r.skill_id for r in profile.development}
    weakest: dict[str, tuple[bool, float, str]] = {}
    for result in profile.skills:
        if result.level is None:
            continue
        rank = (result.skill_id not in development, result.level, result.skill_id)
        if result.family_id not in weakest or rank < weakest[result.family_id]:
            weakest[result.family_id] = rank
    tips = []
    for family_id, (_, _, skill_id) in sorted(weakest.items()):
        suggestions = plans.for_skill(skill_id, lang)
        if suggestions:
            tips.append(FamilyTip(framework.family_by_id[family_id].name.get(lang), suggestions[0]))
    return CandidateFeedback(strengths, tuple(tips))


# --- accommodations (recruiters) -----------------------------------------------------------------

def extend_time(db: Database, actor: Actor, candidate_id: int, minutes: int) -> None:
    """Extra time for one candidate, on top of the campaign's limit (set, not added: the latest value holds)."""
    if not 0 <= minutes <= MAX_EXTRA_MINUTES:
        raise InvalidInput()
    with db.write() as s:
        candidate, _ = candidate_for(s, actor, candidate_id, policy.can_grant_extra_time)
        attempt = queries.attempt_of(session=s, candidate_id=candidate_id)
        if attempt is None or attempt.submitted_at is not None:
            raise InvalidInput("error.extra_time_closed")
        before = attempt.extra_minutes
        attempt.extra_minutes = minutes
        s.add(attempt)
        record(s, actor, "attempt.extra_time", "attempt", attempt.id, candidate_id=candidate.id,
               before=before, after=minutes)
