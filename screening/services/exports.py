"""Files staff download: a campaign's results as CSV (every cell neutralised for spreadsheets)."""

from __future__ import annotations

from screening.domain import policy
from screening.domain.actors import Actor
from screening.domain.csv_safety import csv_bytes
from screening.services import candidates, profiles
from screening.services._access import campaign_for
from screening.services._audit import record
from screening.store.engine import Database

RESULT_COLUMNS = ("candidate_id", "name", "email", "status", "sjt_mean", "interview_mean", "fit", "decision")


def _number(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


def campaign_results_csv(db: Database, actor: Actor, campaign_id: int) -> bytes:
    """One row per candidate: id, name, e-mail, status on the board, SJT mean, interview mean, fit, decision.
    Leads and admins only (it holds scores); the export is recorded in the audit log."""
    with db.read() as s:
        campaign_for(s, actor, campaign_id, policy.can_export_results)
    overview = {row.candidate_id: row for row in profiles.campaign_overview(db, actor, campaign_id)}
    board = candidates.status_board(db, actor, campaign_id, page_size=1_000_000)
    rows = []
    for person in board.rows:
        scores = overview.get(person.candidate_id)
        rows.append((person.candidate_id, person.name, person.email, person.status,
                     _number(scores.sjt_mean if scores else None), _number(scores.interview_mean if scores else None),
                     _number(scores.fit if scores else None), (scores.decision if scores else None) or ""))
    with db.write() as s:
        record(s, actor, "campaign.export", "campaign", campaign_id, rows=len(rows))
    return csv_bytes(RESULT_COLUMNS, rows)
