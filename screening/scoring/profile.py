"""A candidate's soft-skill profile: per skill, family and intelligence, with the evidence behind it.

Levels are on the 1-5 rating scale. An SJT score (0-100) is put on that scale as
1 + 4 * score / 100. A skill's level is the weighted mean of the two sources, the interview
weighing twice the SJT because it is rated by people against anchors. Only final human
ratings ever enter a profile; suggested levels never do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from screening.framework import Family, Framework
from screening.scoring.ratings import RatingSummary, summarise
from screening.scoring.sjt import SkillScore

INTERVIEW_WEIGHT = 2.0
SJT_WEIGHT = 1.0
BANDS: tuple[tuple[float, str], ...] = ((4.2, "strong"), (3.4, "proficient"), (2.6, "developing"), (0.0, "limited"))
NORM_GROUP_MINIMUM = 30


@dataclass(frozen=True)
class RaterLevel:
    rater: str          # display label, e.g. "Rater 1 (Ana Ruiz)"
    question_id: str
    level: int


@dataclass(frozen=True)
class Quote:
    text: str
    question: str       # the prompt the answer was given to


@dataclass(frozen=True)
class SkillResult:
    skill_id: str
    family_id: str
    intelligence_id: str
    sjt_score: float | None
    sjt_items: int
    ratings: tuple[RaterLevel, ...]
    interview_level: float | None
    disagreement: bool
    level: float | None
    band: str | None
    quote: Quote | None = None

    @property
    def raters(self) -> int:
        return len({r.rater for r in self.ratings})


@dataclass(frozen=True)
class GroupResult:
    """A family or an intelligence: the mean of the levels of its measured skills."""

    id: str
    level: float
    skills_measured: int
    skills_total: int


@dataclass(frozen=True)
class Fit:
    score: float          # 0-100
    coverage: float       # share of the target's weight that was measured, 0-1


@dataclass(frozen=True)
class ProfileMeta:
    candidate_id: int
    candidate_name: str
    campaign_id: int
    campaign_name: str
    language: str
    target_profile: str | None = None
    sjt_method: str = "raw"
    bank_version: str = ""
    sjt_submitted_at: datetime | None = None
    interview_dates: tuple[datetime, ...] = ()
    raters: tuple[str, ...] = ()
    decision: str | None = None
    decision_note: str | None = None
    norm_group_size: int = 0
    sjt_chance: float | None = None       # 0-100: what guessing would score on this candidate's own items
    is_demo: bool = False
    generated_at: datetime = field(default_factory=datetime.now)


@dataclass(frozen=True)
class Profile:
    meta: ProfileMeta
    skills: tuple[SkillResult, ...]
    families: tuple[GroupResult, ...]
    intelligences: tuple[GroupResult, ...]
    fit: Fit | None
    strengths: tuple[SkillResult, ...]
    development: tuple[SkillResult, ...]

    @property
    def show_percentiles(self) -> bool:
        return self.meta.norm_group_size >= NORM_GROUP_MINIMUM


def percentile_rank(value: float, group: Sequence[float]) -> float:
    """Share of the norm group scoring below `value`, ties counted half, as 0-100."""
    below = sum(1 for g in group if g < value)
    equal = sum(1 for g in group if g == value)
    return 100.0 * (below + 0.5 * equal) / len(group)


def question_level(levels: Sequence[float], agreed: int | None) -> RatingSummary | None:
    """One answer's level: the panel's consensus when recorded (the disagreement is then settled),
    otherwise the raters' mean with its spread."""
    summary = summarise(levels)
    if agreed is None or summary is None:
        return summary
    return RatingSummary(float(agreed), summary.spread, summary.n, False)


def band_of(level: float | None) -> str | None:
    if level is None:
        return None
    return next(name for cut, name in BANDS if level >= cut)


def sjt_to_level(score: float) -> float:
    return 1.0 + 4.0 * score / 100.0


def combine(sjt: SkillScore | None, interview_level: float | None) -> float | None:
    parts: list[tuple[float, float]] = []
    if sjt is not None:
        parts.append((sjt_to_level(sjt.score), SJT_WEIGHT))
    if interview_level is not None:
        parts.append((interview_level, INTERVIEW_WEIGHT))
    if not parts:
        return None
    return sum(v * w for v, w in parts) / sum(w for _, w in parts)


def build_profile(*, framework: Framework, meta: ProfileMeta, skills: Sequence[str],
                  sjt: Mapping[str, SkillScore], ratings: Sequence[tuple[str, RaterLevel]],
                  quotes: Mapping[str, Quote] | None = None,
                  target_weights: Mapping[str, float] | None = None,
                  consensus: Mapping[str, int] | None = None) -> Profile:
    """Assemble the profile of one candidate.

    `skills`: the campaign's skills; `ratings`: (skill id, final human rating) pairs; `consensus`: question
    id -> the level a panel agreed in its debrief. The interview level of a skill is the mean over questions
    of the question's level: the consensus where there is one, otherwise the mean over raters.
    """
    quotes = quotes or {}
    consensus = consensus or {}
    results: list[SkillResult] = []
    for sid in skills:
        skill = framework.skill_by_id[sid]
        mine = tuple(r for s, r in ratings if s == sid)
        by_question: dict[str, list[int]] = {}
        for r in mine:
            by_question.setdefault(r.question_id, []).append(r.level)
        summaries = [question_level(levels, consensus.get(qid)) for qid, levels in by_question.items()]
        interview = (sum(s.mean for s in summaries if s) / len(summaries)) if summaries else None
        score = sjt.get(sid)
        level = combine(score, interview)
        results.append(SkillResult(sid, skill.family_id, skill.intelligence_id,
                                   score.score if score else None, score.items if score else 0,
                                   mine, interview, any(s.disagreement for s in summaries if s),
                                   level, band_of(level), quotes.get(sid)))
    measured = [r for r in results if r.level is not None]
    ranked = sorted(measured, key=lambda r: (-(r.level or 0), r.skill_id))
    # With few skills measured, split them so no skill is both a strength and a development area.
    n_strengths = min(3, (len(ranked) + 1) // 2)
    strengths = tuple(ranked[:n_strengths])
    development = tuple(reversed(ranked[n_strengths:]))[:3]
    return Profile(meta, tuple(results), _groups(framework, measured, "family"),
                   _groups(framework, measured, "intelligence"), _fit(measured, target_weights),
                   strengths, development)


def _groups(framework: Framework, measured: Sequence[SkillResult], by: str) -> tuple[GroupResult, ...]:
    """Only groups with at least one measured skill: an unmeasured group is left out, never shown as 0."""
    out: list[GroupResult] = []
    groups = framework.families if by == "family" else framework.intelligences
    for g in groups:
        if isinstance(g, Family):
            total = len(g.skill_ids)
            levels = [r.level for r in measured if r.family_id == g.id and r.level is not None]
        else:
            total = sum(len(framework.family_by_id[f].skill_ids) for f in g.family_ids)
            levels = [r.level for r in measured if r.intelligence_id == g.id and r.level is not None]
        if levels:
            out.append(GroupResult(g.id, sum(levels) / len(levels), len(levels), total))
    return tuple(out)


def _fit(measured: Sequence[SkillResult], weights: Mapping[str, float] | None) -> Fit | None:
    """Weighted mean level over the target's measured skills, as 0-100, with how much was measured."""
    if not weights:
        return None
    total = sum(weights.values())
    hits = [(r.level, weights[r.skill_id]) for r in measured if r.skill_id in weights and r.level is not None]
    if not hits or total <= 0:
        return None
    w = sum(wt for _, wt in hits)
    level = sum(lv * wt for lv, wt in hits) / w
    return Fit(score=100.0 * (level - 1.0) / 4.0, coverage=w / total)
