"""Candidate profiles for hiring leads: scores, evidence, PDFs and decisions."""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from sqlmodel import Session

from screening.banks import SjtItem
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.statuses import attempt_status
from screening.domain.vocab import DECISIONS
from screening.scoring.overview import (
    RatedLevel,
    SjtResponse,
    percentile_ranks,
    score_campaign,
    sjt_skill_scores,
)
from screening.scoring.profile import (
    NORM_GROUP_MINIMUM,
    Profile,
    ProfileMeta,
    Quote,
    RaterLevel,
    build_profile,
)
from screening.scoring.sjt import RateMethod, chance_score, score_attempt
from screening.services._access import campaign_for, candidate_for
from screening.services._audit import record, text_fingerprint
from screening.services._catalog import Catalog, get_catalog
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import Campaign, Candidate, Decision
from screening.text import QUOTE_CHARS, clean

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RaterNote:
    rater: str
    level: int | None
    evidence_note: str
    revision_note: str


@dataclass(frozen=True)
class AnswerEvidence:
    """One interview question: the candidate's words and what each rater noted (all untrusted text)."""

    question_id: str
    prompt: str
    mode: str                   # written | live
    answer: str
    notes: tuple[RaterNote, ...]
    consensus: int | None


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
    candidate_id = int(candidate.id or 0)
    attempt = queries.attempt_of(session=s, candidate_id=candidate_id)
    answers = queries.answers_of(session=s, attempt_id=int(attempt.id or 0)) if attempt else []
    sjt_rows = {a.item_id: a.response for a in answers if a.kind == "sjt"}
    # each answer is scored against the version of the item the candidate was given
    items = [item for a in answers if a.kind == "sjt" and (item := bank.sjt_at(a.item_id, a.item_version))]
    sjt = score_attempt(items, sjt_rows, _method(campaign)) if attempt and attempt.submitted_at else {}
    ratings = queries.ratings_of(session=s, candidate_id=candidate_id)
    names = queries.user_names(session=s, ids={r.rater_id for r in ratings})
    rater_label = {rid: f"{n + 1}. {names.get(rid, '?')}" for n, rid in enumerate(sorted(names))}
    pairs: list[tuple[str, RaterLevel]] = []
    for r in ratings:
        question = bank.question_at(r.question_id, r.question_version)
        if question is None or r.final_level is None:
            continue
        for sid in question.skills:
            pairs.append((sid, RaterLevel(rater_label.get(r.rater_id, "?"), r.question_id, r.final_level)))
    texts = [(a.item_id, a.text) for a in answers if a.kind == "written" and a.text.strip()]
    texts += [(la.question_id, la.answer_text) for la in queries.live_answers(session=s, candidate_id=candidate_id)
              if la.answer_text.strip()]
    quotes: dict[str, Quote] = {}
    for qid, text in sorted(texts, key=lambda t: -len(t[1])):
        question = bank.question_by_id.get(qid)
        for sid in question.skills if question else ():
            quotes.setdefault(sid, Quote(text[:QUOTE_CHARS], question.prompt.get(campaign.language) if question
                                         else ""))
    decision = queries.latest_decision(session=s, candidate_id=candidate_id)
    target = catalog.targets.get(campaign.target_profile_id or "")
    meta = ProfileMeta(
        candidate_id=candidate_id, candidate_name=candidate.name,
        campaign_id=int(campaign.id or 0), campaign_name=campaign.name, language=campaign.language,
        target_profile=target.name.get(campaign.language) if target else None, sjt_method=campaign.sjt_method,
        bank_version=catalog.version, sjt_submitted_at=attempt.submitted_at if attempt else None,
        interview_dates=tuple(sorted({r.created_at for r in ratings})),
        raters=tuple(rater_label[k] for k in sorted(rater_label)),
        decision=decision.outcome if decision else None, decision_note=decision.note if decision else None,
        norm_group_size=norm_size, is_demo=candidate.is_demo or campaign.is_demo,
        sjt_chance=100.0 * sum(chance_score(i) for i in items) / len(items) if items else None)
    agreed = {c.question_id: c.level for c in queries.consensus_of(session=s, candidate_id=candidate_id)}
    return build_profile(framework=catalog.framework, meta=meta, skills=campaign.skills, sjt=sjt,
                         ratings=pairs, quotes=quotes,
                         target_weights=target.weight_by_skill if target else None, consensus=agreed)


def _method(campaign: Campaign) -> RateMethod:
    return "within_person" if campaign.sjt_method == "within_person" else "raw"


def candidate_profile(db: Database, actor: Actor, candidate_id: int) -> Profile:
    catalog = get_catalog(db)
    with db.read() as s:
        candidate, campaign = candidate_for(s, actor, candidate_id, policy.can_view_profiles)
        size = queries.submitted_count(session=s, campaign_id=int(campaign.id or 0))
        return _profile(s, catalog, candidate, campaign, size)


def campaign_profiles(db: Database, actor: Actor, campaign_id: int) -> list[Profile]:
    """Every candidate's full profile (the PDFs of a campaign); the dashboard uses `campaign_overview`."""
    catalog = get_catalog(db)
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_view_profiles)
        size = queries.submitted_count(session=s, campaign_id=campaign_id)
        return [_profile(s, catalog, c, campaign, size) for c in queries.candidates_of(session=s,
                                                                                       campaign_id=campaign_id)]


def campaign_overview(db: Database, actor: Actor, campaign_id: int) -> list[CandidateRow]:
    """The lead's dashboard rows, from a handful of column queries for the whole campaign and one vectorised
    scoring pass: the same numbers as each profile, without building one per candidate."""
    catalog = get_catalog(db)
    bank = catalog.bank
    with db.read() as s:
        campaign = campaign_for(s, actor, campaign_id, policy.can_view_profiles)
        people = queries.campaign_people(session=s, campaign_id=campaign_id)
        sjt = _sjt_scores(db, s, catalog, campaign, people)
        ratings = queries.campaign_ratings(session=s, campaign_id=campaign_id)
        decisions = queries.latest_decisions(session=s, campaign_id=campaign_id)
        agreed = queries.campaign_consensus(session=s, campaign_id=campaign_id)
    row_of = {p.candidate_id: n for n, p in enumerate(people)}
    levels = [RatedLevel(row_of[r.candidate_id], r.question_id, q.skills, r.final_level) for r in ratings
              if r.final_level is not None and r.candidate_id in row_of
              and (q := bank.question_at(r.question_id, r.question_version))]
    target = catalog.targets.get(campaign.target_profile_id or "")
    consensus = {(row_of[c.candidate_id], c.question_id): c.level for c in agreed if c.candidate_id in row_of}
    scores = score_campaign(len(people), campaign.skills, sjt, levels, target.weight_by_skill if target else None,
                            consensus)
    statuses = [attempt_status(p if p.attempt_id is not None else None) for p in people]
    norm_group = scores.fit[[st == "submitted" for st in statuses] & ~np.isnan(scores.fit)]
    show = len(norm_group) >= NORM_GROUP_MINIMUM
    percentiles = percentile_ranks(scores.fit, norm_group) if show else np.full(len(people), np.nan)
    columns = zip(people, statuses, _numbers(scores.sjt_mean), _numbers(scores.interview_mean),
                  _numbers(scores.fit), scores.disagreement.tolist(), _numbers(percentiles), strict=True)
    rows = []
    for person, status, sjt_mean, interview_mean, fit, disagreement, percentile in columns:
        decision = decisions.get(person.candidate_id)
        rows.append(CandidateRow(person.candidate_id, person.name, status, sjt_mean, interview_mean, fit,
                                 decision.outcome if decision else None, disagreement, percentile))
    return rows


def _numbers(values: np.ndarray) -> list[float | None]:
    return [None if v != v else v for v in values.tolist()]  # NaN (v != v) is "not measured"


# A submitted attempt's SJT skill scores change only when its answers do (a rescore re-points them, and bumps
# the attempt's version), with the campaign's method or skills, or with the catalog: so they are kept per
# process, keyed by all of these, and only the attempts not seen at their current version are scored again.
_SJT_CAMPAIGNS_KEPT = 64
_sjt_kept: OrderedDict[tuple[str, int, str, str, tuple[str, ...]], dict[int, tuple[int, np.ndarray]]] = OrderedDict()
_sjt_lock = threading.Lock()
_FEW_ATTEMPTS = 500  # fewer than this to score: ask for their answers by attempt id, not the whole campaign's


def _sjt_scores(db: Database, s: Session, catalog: Catalog, campaign: Campaign,
                people: list[queries.PersonRow]) -> np.ndarray:
    """(candidates, campaign skills) SJT skill scores of submitted attempts, NaN elsewhere."""
    method = _method(campaign)
    key = (str(db.engine.url), int(campaign.id or 0), method, catalog.version, tuple(campaign.skills))
    with _sjt_lock:
        kept = dict(_sjt_kept.get(key, {}))
    submitted = {p.attempt_id: int(p.attempt_version or 0) for p in people
                 if p.submitted_at is not None and p.attempt_id is not None}
    stale = [aid for aid, version in submitted.items() if aid not in kept or kept[aid][0] != version]
    if stale:
        rows = queries.submitted_sjt_answers(session=s, campaign_id=int(campaign.id or 0),
                                             attempt_ids=stale if len(stale) < _FEW_ATTEMPTS else None)
        position = {aid: n for n, aid in enumerate(stale)}
        items: dict[tuple[str, int], SjtItem | None] = {}
        responses = []
        for r in rows:
            row = position.get(r.attempt_id)
            item_key = (r.item_id, r.item_version)
            item = items[item_key] if item_key in items else items.setdefault(item_key, catalog.bank.sjt_at(*item_key))
            if row is not None and item is not None:
                responses.append(SjtResponse(row, item, r.best, r.worst, json.loads(r.ratings) if r.ratings else None))
        fresh = sjt_skill_scores(len(stale), campaign.skills, responses, method)
        for aid, n in position.items():
            kept[aid] = (submitted[aid], fresh[n])
    kept = {aid: kept[aid] for aid in submitted}
    with _sjt_lock:
        _sjt_kept[key] = kept
        _sjt_kept.move_to_end(key)
        while len(_sjt_kept) > _SJT_CAMPAIGNS_KEPT:
            _sjt_kept.popitem(last=False)
    out = np.full((len(people), len(campaign.skills)), np.nan)
    for n, p in enumerate(people):
        if p.attempt_id in kept:
            out[n] = kept[p.attempt_id][1]
    return out


def candidate_evidence(db: Database, actor: Actor, candidate_id: int) -> list[AnswerEvidence]:
    """The candidate's written (and recorded live) answers with the raters' evidence notes, for the lead."""
    bank = get_catalog(db).bank
    with db.read() as s:
        _, campaign = candidate_for(s, actor, candidate_id, policy.can_view_profiles)
        written = queries.written_answers(session=s, candidate_id=candidate_id)
        live = queries.live_answers(session=s, candidate_id=candidate_id)
        ratings = queries.ratings_of(session=s, candidate_id=candidate_id)
        agreed = {c.question_id: c.level for c in queries.consensus_of(session=s, candidate_id=candidate_id)}
        names = queries.user_names(session=s, ids={r.rater_id for r in ratings})
    out = []
    for mode, ids in (("written", campaign.written_question_ids), ("live", campaign.live_question_ids)):
        for qid in ids:
            question = bank.question_by_id.get(qid)
            if question is None:
                continue
            answer = written.get(qid, "") if mode == "written" else "\n\n".join(
                la.answer_text for la in live if la.question_id == qid and la.answer_text.strip())
            notes = tuple(RaterNote(names.get(r.rater_id, "?"), r.final_level, r.evidence_note, r.revision_note)
                          for r in sorted(ratings, key=lambda r: r.created_at) if r.question_id == qid)
            out.append(AnswerEvidence(qid, question.prompt.get(campaign.language), mode, answer, notes,
                                      agreed.get(qid)))
    return out


def profile_pdf(db: Database, actor: Actor, candidate_id: int) -> bytes:
    from screening.report import render_profile_pdf
    from screening.services._plans import get_plans

    profile = candidate_profile(db, actor, candidate_id)  # rendering is not handing out: see `log_pdf_handed_out`
    return render_profile_pdf(profile, get_catalog(db).framework, get_plans())


def log_pdf_handed_out(db: Database, actor: Actor, candidate_ids: list[int], *, via: str) -> None:
    """Record that profile PDFs left the system: downloaded from the dashboard (`via="download"`) or written
    by the command line (`via="cli"`). One event per candidate, in one transaction."""
    if via not in ("download", "cli"):
        raise InvalidInput()
    with db.write() as s:
        for candidate_id in candidate_ids:
            candidate_for(s, actor, candidate_id, policy.can_view_profiles)
            record(s, actor, "profile.pdf", "candidate", candidate_id, via=via)


def record_decision(db: Database, actor: Actor, candidate_id: int, outcome: str, note: str = "", *,
                    notify: bool = False) -> bool:
    """A decision needs a reason; the audit event keeps the outcome and a hash of the reason, not its text.
    With `notify`, the outcome is e-mailed to the candidate (EN/FR template) when e-mail is set up; without
    e-mail, or without an address, nothing is sent and nothing fails. Returns whether an e-mail went out."""
    with db.write() as s:
        candidate_for(s, actor, candidate_id, policy.can_decide)
        if not isinstance(actor, Staff):
            raise InvalidInput()  # a decision names the person who made it
        if outcome not in DECISIONS:
            raise InvalidInput()
        reason = clean(note, limit=5000).strip()
        if not reason:
            raise InvalidInput("error.decision_reason")
        previous = queries.latest_decision(session=s, candidate_id=candidate_id)
        decision = Decision(candidate_id=candidate_id, decided_by=actor.user_id, outcome=outcome, note=reason)
        s.add(decision)
        s.flush()
        record(s, actor, "decision.record", "candidate", candidate_id, decision_id=decision.id,
               previous=previous.outcome if previous else None, outcome=outcome, **text_fingerprint("note", reason))
        candidate, campaign = s.get(Candidate, candidate_id), None
        if candidate is not None:
            campaign = s.get(Campaign, candidate.campaign_id)
    if not (notify and candidate and campaign and candidate.email and candidate.erased_at is None):
        return False
    if not _send_outcome(candidate, campaign, outcome):
        return False
    with db.write() as s:
        record(s, actor, "decision.mail", "candidate", candidate_id, outcome=outcome)
    return True


def _send_outcome(candidate: Candidate, campaign: Campaign, outcome: str) -> bool:
    from screening.mail import Job, MailError, Recipient, SenderIdentity, mail_enabled, outcome_message, send

    if not mail_enabled():
        return False
    from screening.config import get_settings

    try:
        sender = SenderIdentity.from_settings(get_settings())
        job = Job(title=campaign.job_title or campaign.name, organisation=sender.mail_from.display_name or "")
        send(outcome_message(sender, Recipient(candidate.name, candidate.email, campaign.language), job,
                             outcome=outcome))
    except MailError:
        log.exception("outcome e-mail not sent")
        return False
    return True
