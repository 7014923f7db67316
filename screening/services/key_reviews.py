"""Expert key review: the organisation's own experts rate every option of chosen SJT items, blind to the
shipped key and to each other; admins read the agreement, adopt a consensus key as a new item version, and
may rescore a campaign under it (attempts otherwise keep the key version they were scored with)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import yaml
from sqlmodel import Session

from screening.banks import SjtItem, apply_upload, parse_bank_text
from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.scoring import psychometrics as psy
from screening.scoring.sjt import item_scores
from screening.services._access import campaign_for, require
from screening.services._audit import record
from screening.services._catalog import Catalog, forget_uploads_check, get_catalog
from screening.services.errors import InvalidInput, NotFound, PermissionDenied
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import BankUpload, Campaign, KeyRating, KeyReview, KeyReviewer, User, utcnow
from screening.text import Text

MAX_ITEMS = 200


@dataclass(frozen=True)
class ReviewSummary:
    review_id: int
    scope: str
    campaign_id: int | None
    item_ids: tuple[str, ...]
    status: str
    reviewer_ids: tuple[int, ...]
    created_at: datetime


@dataclass(frozen=True)
class BlindOption:
    option_id: str
    text: Text
    my_level: int | None         # the reviewer's own level; never the key nor another expert's


@dataclass(frozen=True)
class BlindItem:
    item_id: str
    version: int
    response_format: str
    scenario: Text
    options: tuple[BlindOption, ...]


@dataclass(frozen=True)
class OptionResult:
    option_id: str
    shipped_key: int
    consensus: float | None
    rwg: float | None
    departs: bool


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    version: int                 # the item version the experts rated
    n_experts: int
    icc: float | None            # ICC(2,k) over this item's options
    options: tuple[OptionResult, ...]
    best_differs: bool
    worst_differs: bool
    tied: bool
    departs_from_key: bool
    proposed_key: tuple[int, ...] | None    # the consensus on the 1-5 integer scale; None if not adoptable


@dataclass(frozen=True)
class ReviewResults:
    review_id: int
    status: str
    key_icc: float | None        # ICC(2,k) over every rated option of the review
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class RescoreOutcome:
    campaign_id: int
    answers_repointed: int
    attempts_changed: tuple[int, ...]   # attempts whose score on some item changes under the newer keys


def _summary(s: Session, review: KeyReview) -> ReviewSummary:
    review_id = int(review.id or 0)
    return ReviewSummary(review_id, review.scope, review.campaign_id, tuple(review.item_ids), review.status,
                         tuple(queries.reviewer_ids(session=s, review_id=review_id)), review.created_at)


def _review(s: Session, review_id: int) -> KeyReview:
    review = s.get(KeyReview, review_id)
    if review is None:
        raise NotFound()
    return review


def _invited(s: Session, actor: Actor, review_id: int) -> KeyReview:
    """The review, for an invited reviewer only; unknown and not invited look alike."""
    if not policy.may_review_keys(actor):
        raise PermissionDenied()
    review = s.get(KeyReview, review_id)
    invited = review is not None and isinstance(actor, Staff) and \
        actor.user_id in queries.reviewer_ids(session=s, review_id=review_id)
    require(policy.can_rate_key(actor, invited=invited))
    assert review is not None
    return review


# --- admin: open, list, close ---------------------------------------------------------------------

def open_key_review(db: Database, actor: Actor, item_ids: list[str], reviewer_ids: list[int],
                    campaign_id: int | None = None) -> int:
    """Invite staff members to rate every option of these items (bank scope, or one campaign's items)."""
    require(policy.can_manage_key_reviews(actor))
    bank = get_catalog(db).bank
    items = list(dict.fromkeys(item_ids))
    if not items or len(items) > MAX_ITEMS or any(i not in bank.sjt_by_id for i in items):
        raise InvalidInput("error.review_items")
    reviewers = sorted(set(reviewer_ids))
    with db.write() as s:
        if campaign_id is not None:
            campaign_for(s, actor, campaign_id, lambda a, _c: policy.can_manage_key_reviews(a))
        users = [s.get(User, uid) for uid in reviewers]
        if not reviewers or any(u is None or not u.active for u in users):
            raise InvalidInput("error.review_reviewers")
        review = KeyReview(scope="campaign" if campaign_id is not None else "bank", campaign_id=campaign_id,
                           item_ids=items, created_by=actor.user_id if isinstance(actor, Staff) else None)
        s.add(review)
        s.flush()
        for uid in reviewers:
            s.add(KeyReviewer(review_id=int(review.id or 0), user_id=uid))
        record(s, actor, "key_review.open", "key_review", review.id, item_ids=items, reviewer_ids=reviewers,
               campaign_id=campaign_id)
        return int(review.id or 0)


def list_key_reviews(db: Database, actor: Actor) -> list[ReviewSummary]:
    require(policy.can_manage_key_reviews(actor))
    with db.read() as s:
        return [_summary(s, r) for r in queries.key_reviews(session=s)]


def close_key_review(db: Database, actor: Actor, review_id: int) -> None:
    require(policy.can_manage_key_reviews(actor))
    with db.write() as s:
        review = _review(s, review_id)
        if review.status != "closed":
            review.status = "closed"
            s.add(review)
            record(s, actor, "key_review.close", "key_review", review_id)


# --- the invited expert: blind -------------------------------------------------------------------

def my_key_reviews(db: Database, actor: Actor) -> list[ReviewSummary]:
    """The reviews this staff member was invited to (none is fine: the page says so)."""
    require(policy.may_review_keys(actor))
    assert isinstance(actor, Staff)
    with db.read() as s:
        return [_summary(s, r) for r in queries.reviews_for_expert(session=s, user_id=actor.user_id)]


def my_review_items(db: Database, actor: Actor, review_id: int) -> list[BlindItem]:
    """The items to rate: scenario and option texts with the reviewer's own levels; no key, no rationale
    (it gives the key away), no other expert's level."""
    bank = get_catalog(db).bank
    with db.read() as s:
        review = _invited(s, actor, review_id)
        assert isinstance(actor, Staff)
        mine = {(r.item_id, r.option_id): r.level
                for r in queries.key_ratings(session=s, review_id=review_id, expert_id=actor.user_id)}
    out = []
    for item_id in review.item_ids:
        item = bank.sjt_by_id.get(item_id)
        if item is None:
            continue
        out.append(BlindItem(item.id, item.version, item.response_format, item.scenario,
                             tuple(BlindOption(o.id, o.text, mine.get((item.id, o.id))) for o in item.options)))
    return out


def rate_option(db: Database, actor: Actor, review_id: int, item_id: str, option_id: str, level: int) -> None:
    """The reviewer's own level (1-5) for one option; rating again replaces their own level only."""
    bank = get_catalog(db).bank
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= psy.RATING_POINTS:
        level = -1
    with db.write() as s:
        review = _invited(s, actor, review_id)
        assert isinstance(actor, Staff)
        item = bank.sjt_by_id.get(item_id)
        if review.status != "open":
            raise InvalidInput("error.review_closed")
        if item is None or item_id not in review.item_ids or option_id not in {o.id for o in item.options} \
                or level < 1:
            raise InvalidInput()
        row = queries.key_rating(session=s, review_id=review_id, item_id=item_id, option_id=option_id,
                                 expert_id=actor.user_id)
        before = row.level if row else None
        if row is None:
            row = KeyRating(review_id=review_id, item_id=item_id, item_version=item.version, option_id=option_id,
                            expert_id=actor.user_id, level=level)
        row.level, row.item_version, row.updated_at = level, item.version, utcnow()
        s.add(row)
        record(s, actor, "key_review.rate", "key_review", review_id, item_id=item_id, item_version=item.version,
               option_id=option_id, before=before, after=level)


# --- admin: results, adoption, rescoring ---------------------------------------------------------

def _results(catalog: Catalog, review: KeyReview, ratings: list[KeyRating]) -> ReviewResults:
    bank = catalog.bank
    experts = sorted({r.expert_id for r in ratings})
    per_item: list[ItemResult] = []
    matrices: list[np.ndarray] = []
    for item_id in review.item_ids:
        mine = [r for r in ratings if r.item_id == item_id]
        version = max((r.item_version for r in mine), default=0)
        item = bank.sjt_at(item_id, version) if version else bank.sjt_by_id.get(item_id)
        if item is None:
            continue
        column = {o.id: k for k, o in enumerate(item.options)}
        row = {e: n for n, e in enumerate(experts)}
        x = np.full((len(experts), len(item.options)), np.nan)
        for r in mine:
            if r.item_version == item.version and r.option_id in column:
                x[row[r.expert_id], column[r.option_id]] = float(r.level)
        x_rated = x[np.isfinite(x).any(axis=1)]
        review_of = psy.review_key(x_rated if x_rated.size else np.full((1, len(item.options)), np.nan), item.keys)
        matrices.append(x)
        icc = psy.icc2k(x_rated.T) if x_rated.shape[0] >= 2 else None
        proposed = None if review_of.tied else psy.integer_key(review_of.consensus, review_of.consensus_best,
                                                               review_of.consensus_worst)
        options = tuple(OptionResult(o.id, o.key, _num(review_of.consensus[k]), _num(review_of.rwg[k]),
                                     bool(review_of.departs[k])) for k, o in enumerate(item.options))
        per_item.append(ItemResult(item.id, item.version, int(x_rated.shape[0]), icc, options,
                                   review_of.best_differs, review_of.worst_differs, review_of.tied,
                                   review_of.departs_from_key, proposed))
    key_icc = psy.key_icc(matrices) if matrices and len(experts) >= 2 else None
    return ReviewResults(int(review.id or 0), review.status, key_icc, tuple(per_item))


def _num(x: float) -> float | None:
    return float(x) if np.isfinite(x) else None


def review_results(db: Database, actor: Actor, review_id: int) -> ReviewResults:
    """Per item ICC(2,k), r_wg per option, the consensus key and where it departs from the shipped key."""
    require(policy.can_manage_key_reviews(actor))
    catalog = get_catalog(db)
    with db.read() as s:
        review = _review(s, review_id)
        ratings = list(queries.key_ratings(session=s, review_id=review_id))
    return _results(catalog, review, ratings)


def _bank_text(item: SjtItem, keys: tuple[int, ...], family: str) -> str:
    """The item as an uploadable bank file, with the consensus keys (rationales kept as shipped)."""
    data = {"family": family, "items": [{
        "id": item.id, "version": item.version, "skills": list(item.skills), "channel": item.channel,
        "moment": item.moment, "response_format": item.response_format,
        "scenario": {"en": item.scenario.en, "fr": item.scenario.fr},
        "options": [{"id": o.id, "text": {"en": o.text.en, "fr": o.text.fr}, "key": key,
                     "rationale": {"en": o.rationale.en, "fr": o.rationale.fr}}
                    for o, key in zip(item.options, keys, strict=True)]}]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def adopt_consensus(db: Database, actor: Actor, review_id: int, item_id: str) -> int:
    """Write the consensus key as the item's next version, through the bank uploads every server reads.
    Attempts already scored keep the version they were given. Returns the new version."""
    require(policy.can_manage_key_reviews(actor) and isinstance(actor, Staff))  # an upload names its uploader
    assert isinstance(actor, Staff)
    catalog = get_catalog(db)
    with db.read() as s:
        review = _review(s, review_id)
        ratings = list(queries.key_ratings(session=s, review_id=review_id))
    if item_id not in review.item_ids:
        raise InvalidInput()
    result = next((r for r in _results(catalog, review, ratings).items if r.item_id == item_id), None)
    current = catalog.bank.sjt_by_id.get(item_id)
    if result is None or current is None or result.proposed_key is None:
        raise InvalidInput("error.review_no_consensus")
    if result.version != current.version:
        raise InvalidInput("error.review_stale")        # the item changed since the experts rated it
    if result.proposed_key == current.keys:
        raise InvalidInput("error.review_same_key")
    family = catalog.framework.skill_by_id[current.skills[0]].family_id
    text = _bank_text(current, result.proposed_key, family)
    name = f"upload/key-review-{review_id}-{item_id}.yaml"
    parsed, errors = parse_bank_text(text, name, catalog.framework)
    if errors:
        raise InvalidInput("error.review_no_consensus")
    outcome = apply_upload(catalog.bank, parsed)
    new = outcome.bank.sjt_by_id[item_id]
    with db.write() as s:
        row = BankUpload(file_name=name, content=text, uploaded_by=actor.user_id)
        s.add(row)
        s.flush()
        record(s, actor, "key_review.adopt", "sjt_item", item_id, review_id=review_id, upload_id=row.id,
               version_before=current.version, version_after=new.version,
               key_before={o.id: o.key for o in current.options}, key_after={o.id: o.key for o in new.options})
    forget_uploads_check(db)
    return new.version


def rescore_campaign(db: Database, actor: Actor, campaign_id: int) -> RescoreOutcome:
    """Re-point every SJT answer of a campaign to its item's newest version (newest key), recording which
    attempts' scores change. Without this explicit action, attempts keep the key they were scored with."""
    require(policy.can_rescore(actor))
    bank = get_catalog(db).bank
    with db.write() as s:
        campaign: Campaign = campaign_for(s, actor, campaign_id, lambda a, _c: policy.can_rescore(a))
        changed: set[int] = set()
        moved = 0
        items: set[str] = set()
        repointed: set[int] = set()
        for answer in queries.campaign_sjt_answer_rows(session=s, campaign_id=campaign_id):
            newest = bank.sjt_by_id.get(answer.item_id)
            if newest is None or newest.version <= answer.item_version:
                continue
            old = bank.sjt_at(answer.item_id, answer.item_version) or newest
            before = item_scores([old], {answer.item_id: answer.response})[0]
            after = item_scores([newest], {answer.item_id: answer.response})[0]
            if not (before == after or (np.isnan(before) and np.isnan(after))):
                changed.add(answer.attempt_id)
            answer.item_version = newest.version
            s.add(answer)
            moved += 1
            items.add(answer.item_id)
            repointed.add(answer.attempt_id)
        # a new version tells whoever keeps the attempt's scores (the dashboard) that its answers changed
        queries.bump_attempt_versions(session=s, attempt_ids=sorted(repointed))
        record(s, actor, "campaign.rescore", "campaign", campaign.id, answers_repointed=moved,
               attempts_changed=sorted(changed), items=sorted(items))
    return RescoreOutcome(campaign_id, moved, tuple(sorted(changed)))
