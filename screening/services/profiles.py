"""Candidate profiles for hiring leads: scores, evidence, PDFs and decisions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from screening.scoring.profile import Profile, ProfileMeta, Quote, RaterLevel, build_profile, percentile_rank
from screening.scoring.sjt import score_attempt
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.services._access import campaign_for, candidate_for, user_names
from screening.services._audit import record
from screening.services._catalog import Catalog, get_catalog
from screening.services._text import clean
from screening.services.candidates import candidate_statuses
from screening.services.errors import InvalidInput
from screening.store.engine import Database
from screening.store.models import (DECISIONS, Answer, Attempt, Campaign, Candidate, Decision, LiveAnswer,
                                    Rating)

QUOTE_CHARS = 300


@dataclass(frozen=True)
class CandidateRow:
    candidate_id: int
    name: str
    status: str                 # invited | in_progress | submitted
    sjt_mean: float | None
    interview_mean: float | None
    fit: float | None
    decision: str | None
    disagreement: bool
    fit_percentile: float | None = None   # only once the norm group is large enough


def _profile(s: Session, catalog: Catalog, candidate: Candidate, campaign: Campaign, norm_size: int) -> Profile:
    bank = catalog.bank
    attempt = s.exec(select(Attempt).where(Attempt.candidate_id == candidate.id)).first()
    answers = s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all() if attempt else []
    sjt_rows = {a.item_id: a.response for a in answers if a.kind == "sjt"}
    # each answer is scored against the version of the item the candidate was given
    items = [item for a in answers if a.kind == "sjt" and (item := bank.sjt_at(a.item_id, a.item_version))]
    sjt = score_attempt(items, sjt_rows, campaign.sjt_method) if attempt and attempt.submitted_at else {}
    ratings = s.exec(select(Rating).where(Rating.candidate_id == candidate.id)).all()
    names = user_names(s, {r.rater_id for r in ratings})
    rater_label = {rid: f"{n + 1}. {names.get(rid, '?')}" for n, rid in enumerate(sorted(names))}
    pairs: list[tuple[str, RaterLevel]] = []
    for r in ratings:
        question = bank.question_at(r.question_id, r.question_version)
        if question is None or r.final_level is None:
            continue
        for sid in question.skills:
            pairs.append((sid, RaterLevel(rater_label.get(r.rater_id, "?"), r.question_id, r.final_level)))
    texts = [(a.item_id, a.text) for a in answers if a.kind == "written" and a.text.strip()]
    texts += [(la.question_id, la.answer_text) for la in s.exec(
        select(LiveAnswer).where(LiveAnswer.candidate_id == candidate.id)).all() if la.answer_text.strip()]
    quotes: dict[str, Quote] = {}
    for qid, text in sorted(texts, key=lambda t: -len(t[1])):
        question = bank.question_by_id.get(qid)
        for sid in question.skills if question else ():
            quotes.setdefault(sid, Quote(text[:QUOTE_CHARS], question.prompt.get(campaign.language)))  # type: ignore[union-attr]
    decision = s.exec(select(Decision).where(Decision.candidate_id == candidate.id)
                      .order_by(Decision.created_at.desc())).first()  # type: ignore[attr-defined]
    target = catalog.targets.get(campaign.target_profile_id or "")
    interview_dates = tuple(sorted({r.created_at for r in ratings}))
    meta = ProfileMeta(
        candidate_id=int(candidate.id), candidate_name=candidate.name,  # type: ignore[arg-type]
        campaign_id=int(campaign.id), campaign_name=campaign.name, language=campaign.language,  # type: ignore[arg-type]
        target_profile=target.name.get(campaign.language) if target else None, sjt_method=campaign.sjt_method,
        bank_version=catalog.version, sjt_submitted_at=attempt.submitted_at if attempt else None,
        interview_dates=interview_dates, raters=tuple(rater_label[k] for k in sorted(rater_label)),
        decision=decision.outcome if decision else None, decision_note=decision.note if decision else None,
        norm_group_size=norm_size, is_demo=candidate.is_demo or campaign.is_demo)
    return build_profile(framework=catalog.framework, meta=meta, skills=campaign.skills, sjt=sjt,
                         ratings=pairs, quotes=quotes,
                         target_weights=target.weight_by_skill if target else None)


def _norm_size(s: Session, campaign_id: int) -> int:
    ids = [c.id for c in s.exec(select(Candidate).where(Candidate.campaign_id == campaign_id)).all()]
    if not ids:
        return 0
    return len(s.exec(select(Attempt).where(Attempt.candidate_id.in_(ids),  # type: ignore[union-attr]
                                            Attempt.submitted_at.is_not(None))).all())  # type: ignore[union-attr]


def candidate_profile(db: Database, actor: Actor, candidate_id: int) -> Profile:
    with db.read() as s:
        candidate, campaign = candidate_for(s, actor, candidate_id, policy.can_view_profiles)
        return _profile(s, get_catalog(db), candidate, campaign, _norm_size(s, int(campaign.id)))  # type: ignore[arg-type]


def campaign_profiles(db: Database, actor: Actor, campaign_id: int) -> list[Profile]:
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_view_profiles)
        size = _norm_size(s, campaign_id)
        candidates = s.exec(select(Candidate).where(Candidate.campaign_id == campaign_id)
                            .order_by(Candidate.id)).all()
        catalog = get_catalog(db)
        return [_profile(s, catalog, c, campaign, size) for c in candidates]


def campaign_overview(db: Database, actor: Actor, campaign_id: int) -> list[CandidateRow]:
    profiles = campaign_profiles(db, actor, campaign_id)
    statuses = {c.candidate_id: c.status for c in candidate_statuses(db, actor, campaign_id)}
    rows = []
    fits = [p.fit.score for p in profiles if p.fit is not None and statuses[p.meta.candidate_id] == "submitted"]
    for p in profiles:
        status = statuses[p.meta.candidate_id]
        sjt = [r.sjt_score for r in p.skills if r.sjt_score is not None]
        interview = [r.interview_level for r in p.skills if r.interview_level is not None]
        rows.append(CandidateRow(p.meta.candidate_id, p.meta.candidate_name, status,
                                 sum(sjt) / len(sjt) if sjt else None,
                                 sum(interview) / len(interview) if interview else None,
                                 p.fit.score if p.fit else None, p.meta.decision,
                                 any(r.disagreement for r in p.skills),
                                 percentile_rank(p.fit.score, fits) if p.fit and p.show_percentiles else None))
    return rows


def profile_pdf(db: Database, actor: Actor, candidate_id: int) -> bytes:
    from screening.report import render_profile_pdf
    from screening.services._plans import get_plans

    profile = candidate_profile(db, actor, candidate_id)
    with db.write() as s:
        record(s, actor, "profile.pdf", "candidate", candidate_id)
    return render_profile_pdf(profile, get_catalog(db).framework, get_plans())


def record_decision(db: Database, actor: Actor, candidate_id: int, outcome: str, note: str = "") -> None:
    if outcome not in DECISIONS:
        raise InvalidInput()
    with db.write() as s:
        candidate_for(s, actor, candidate_id, policy.can_decide)
        if not isinstance(actor, Staff):
            raise InvalidInput()  # a decision names the person who made it
        s.add(Decision(candidate_id=candidate_id, decided_by=actor.user_id, outcome=outcome, note=clean(note)))
        record(s, actor, "decision.record", "candidate", candidate_id, outcome=outcome)
