"""Adverse impact, in aggregate only: voluntary, self-declared group data that an admin imports, and per
group selection, cut and scoring rates with their impact ratios. Group data never reaches a rater or a lead,
is never shown next to a name, and is deleted with the candidate."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from sqlmodel import Session

from screening.domain import policy
from screening.domain.actors import Actor, Staff
from screening.domain.csv_safety import csv_text
from screening.domain.vocab import DECISIONS
from screening.scoring import psychometrics as psy
from screening.services import profiles
from screening.services._access import campaign_for, require
from screening.services._audit import record, text_fingerprint
from screening.services.errors import InvalidInput
from screening.store import queries
from screening.store.engine import Database
from screening.store.models import CandidateGroup, GroupField
from screening.text import clean

DEFAULT_FIELDS = ("sex_or_gender", "age_band")   # allowed without a further legal basis
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
MIN_LEGAL_BASIS = 10
MAX_VALUE = 100
MAX_CSV_BYTES = 5_000_000
DEFAULT_CUT = 50.0


@dataclass(frozen=True)
class FieldView:
    name: str
    enabled: bool
    legal_basis: str


@dataclass(frozen=True)
class RowError:
    line: int
    key: str                     # an i18n key saying what is wrong with that line


@dataclass(frozen=True)
class ImportResult:
    imported: int
    errors: tuple[RowError, ...]


@dataclass(frozen=True)
class ImpactSection:
    measure: str                 # outcome.advance | outcome.hold | outcome.reject | cut | scoring_rate
    rows: tuple[psy.GroupImpact, ...]


@dataclass(frozen=True)
class ImpactReport:
    campaign_id: int
    field: str
    cut: float
    score: str                   # fit (to the campaign's target profile) or sjt (the SJT mean, without a target)
    declared: int                # candidates with a value for the field
    undeclared: int
    sections: tuple[ImpactSection, ...]


# --- fields --------------------------------------------------------------------------------------

def _allowed(s: Session, name: str) -> bool:
    row = queries.group_field(session=s, name=name)
    return name in DEFAULT_FIELDS if row is None else bool(row.enabled)


def group_fields(db: Database, actor: Actor) -> list[FieldView]:
    require(policy.can_manage_group_data(actor))
    with db.read() as s:
        rows = {f.name: f for f in queries.group_fields(session=s)}
    names = [*DEFAULT_FIELDS, *sorted(n for n in rows if n not in DEFAULT_FIELDS)]
    return [FieldView(n, rows[n].enabled if n in rows else True, rows[n].legal_basis if n in rows else "")
            for n in names]


def enable_group_field(db: Database, actor: Actor, name: str, legal_basis: str) -> None:
    """A field beyond the defaults, once an admin records the legal basis for collecting it."""
    require(policy.can_manage_group_data(actor))
    name = clean(name, limit=100).strip()
    basis = clean(legal_basis, limit=5000).strip()
    if not FIELD_NAME.match(name):
        raise InvalidInput("error.group_field_name")
    if len(basis) < MIN_LEGAL_BASIS:
        raise InvalidInput("error.group_legal_basis")
    with db.write() as s:
        row = queries.group_field(session=s, name=name)
        if row is None:
            row = GroupField(name=name, created_by=actor.user_id if isinstance(actor, Staff) else None)
        row.enabled, row.legal_basis = True, basis
        s.add(row)
        record(s, actor, "group_field.enable", "group_field", name, **text_fingerprint("legal_basis", basis))


# --- import --------------------------------------------------------------------------------------

def import_groups(db: Database, actor: Actor, content: bytes) -> ImportResult:
    """Rows `candidate_id,field,value` (a header line is optional). Valid rows are stored (a later value
    replaces an earlier one); every other line is reported with its number and what is wrong with it."""
    require(policy.can_manage_group_data(actor))
    if len(content) > MAX_CSV_BYTES:
        raise InvalidInput("error.groups_file")
    try:
        text = clean(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput("error.groups_file") from None
    rows = list(csv.reader(io.StringIO(text)))
    errors: list[RowError] = []
    wanted: list[tuple[int, int, str, str]] = []
    for line, cells in enumerate(rows, start=1):
        cells = [c.strip() for c in cells]
        if not any(cells) or (line == 1 and [c.lower() for c in cells] == ["candidate_id", "field", "value"]):
            continue
        if len(cells) != 3:
            errors.append(RowError(line, "groups.row_columns"))
            continue
        cid, field, value = cells
        if not cid.isdigit():
            errors.append(RowError(line, "groups.row_candidate"))
        elif not value or len(value) > MAX_VALUE:
            errors.append(RowError(line, "groups.row_value"))
        else:
            wanted.append((line, int(cid), field, value))
    imported = 0
    with db.write() as s:
        known = queries.candidate_ids(session=s, ids={who for _, who, _, _ in wanted})
        allowed = {f for f in {f for _, _, f, _ in wanted} if _allowed(s, f)}
        fields: set[str] = set()
        for line, candidate_id, field, value in wanted:
            if candidate_id not in known:
                errors.append(RowError(line, "groups.row_candidate"))
                continue
            if field not in allowed:
                errors.append(RowError(line, "groups.row_field"))
                continue
            row = queries.candidate_group(session=s, candidate_id=candidate_id, field=field) or \
                CandidateGroup(candidate_id=candidate_id, field=field, value=value)
            row.value = value
            s.add(row)
            s.flush()
            imported += 1
            fields.add(field)
        # counts and field names only: the values are special-category data
        record(s, actor, "groups.import", "candidate_group", "-", imported=imported, rejected=len(errors),
               fields=sorted(fields))
    return ImportResult(imported, tuple(sorted(errors, key=lambda e: e.line)))


# --- the report ----------------------------------------------------------------------------------

def _report(db: Database, actor: Actor, campaign_id: int, field: str, cut: float) -> ImpactReport:
    require(policy.can_view_adverse_impact(actor))
    overview = profiles.campaign_overview(db, actor, campaign_id)  # fit scores, as the dashboard shows them
    with db.read() as s:
        campaign_for(s, actor, campaign_id, lambda a, _c: policy.can_view_adverse_impact(a))
        if not _allowed(s, field):
            raise InvalidInput("error.group_field_name")
        groups = queries.campaign_groups(session=s, campaign_id=campaign_id, field=field)
        decisions = queries.latest_decisions(session=s, campaign_id=campaign_id)
    people = [r for r in overview if r.candidate_id in groups]
    labels = sorted({groups[r.candidate_id] for r in people})
    sections = []
    decided = [r for r in people if r.candidate_id in decisions]
    for outcome in DECISIONS:
        chosen = [decisions[r.candidate_id].outcome == outcome for r in decided]
        sections.append(ImpactSection(f"outcome.{outcome}", tuple(psy.selection_impact(
            [groups[r.candidate_id] for r in decided], chosen, labels))))
    scored = [groups[r.candidate_id] for r in people]
    kind = "fit" if any(r.fit is not None for r in overview) else "sjt"
    values = [r.fit if kind == "fit" else r.sjt_mean for r in people]
    scores = [v if v is not None else float("nan") for v in values]
    sections.append(ImpactSection("cut", tuple(psy.cut_impact(scored, scores, cut, labels))))
    sections.append(ImpactSection("scoring_rate", tuple(psy.scoring_rate_impact(scored, scores, labels))))
    return ImpactReport(campaign_id, field, cut, kind, len(people), len(overview) - len(people), tuple(sections))


def impact_report(db: Database, actor: Actor, campaign_id: int, field: str, cut: float = DEFAULT_CUT
                  ) -> ImpactReport:
    """Per group: selection rate at each decision outcome (advance is the selection), the rate passing a score
    cut (fit >= cut; the SJT mean when the campaign has no target profile), and the scoring rate (share above
    the median score); impact ratios against the highest group, the
    four-fifths flag, Fisher's exact p and a small-sample warning. Every view is audited."""
    report = _report(db, actor, campaign_id, field, cut)
    with db.write() as s:
        record(s, actor, "impact.view", "campaign", campaign_id, field=field, cut=cut)
    return report


CSV_HEADER = ("campaign_id", "field", "measure", "group", "n", "selected", "rate", "impact_ratio",
              "four_fifths_flag", "fisher_p", "small_sample", "reference")


def impact_csv(db: Database, actor: Actor, campaign_id: int, field: str, cut: float = DEFAULT_CUT) -> str:
    """The report for an auditor, as CSV (cells a spreadsheet would run are neutralised); audited."""
    report = _report(db, actor, campaign_id, field, cut)

    def number(v: float | None) -> str:
        return "" if v is None else f"{v:.4f}"

    rows = [(campaign_id, field, section.measure if section.measure != "cut" else f"{report.score}>={cut:g}",
             g.group, g.n, g.selected, number(g.rate), number(g.impact_ratio), int(g.four_fifths), number(g.fisher_p),
             int(g.small_sample), int(g.reference))
            for section in report.sections for g in section.rows]
    with db.write() as s:
        record(s, actor, "impact.export", "campaign", campaign_id, field=field, cut=cut, rows=len(rows))
    return csv_text(CSV_HEADER, rows)
