"""Erasure that erases, retention from the campaign's close, subject access, and an audit log without free text."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import Text
from sqlmodel import SQLModel, select

from screening.domain.actors import CandidateActor, SystemActor
from screening.domain.tokens import token_hash
from screening.services import attempts, audit_log, campaigns, candidates, interviews, invitations, privacy, profiles
from screening.services.errors import InvalidInvite, PermissionDenied
from screening.store.engine import Database
from screening.store.models import Attempt, AuditEvent, Campaign, Candidate, Invitation, utcnow
from tests.factories import World, answer_everything, world

SECRET = "My phone is 0612345678 <b>"
NOTES = "Seemed nervous; lives near the depot"
SAID = "I told the customer my manager Paul Durand would call back"
REASON = "Strong on empathy, weak on the refund case"


def _full_record(db: Database) -> tuple[World, str, str]:
    """A candidate with every kind of free text: written answers, a live answer, rater notes, a decision note."""
    w = world(db)
    answer_everything(db, w.token, text=SECRET)
    view = interviews.console(db, w.recruiter, w.candidate_id)
    written = next(q for q in view.questions if q.mode == "written").question.id
    live = next(q for q in view.questions if q.mode == "live").question.id
    interviews.save_live_answer(db, w.recruiter, w.candidate_id, live, SAID, NOTES)
    interviews.rate(db, w.recruiter, w.candidate_id, written, 3, "Named the steps she took.")
    interviews.revise(db, w.recruiter, w.candidate_id, written, 4, "Reread: she owned the refund.")
    profiles.record_decision(db, w.lead, w.candidate_id, "hold", REASON)
    return w, written, live


def _candidate_text_columns() -> dict[str, list[str]]:
    """Every free-text (Text) column of every table that references a candidate, directly or via their attempt."""
    found: dict[str, list[str]] = {}
    for table in SQLModel.metadata.sorted_tables:
        refs = {fk.column.table.name for fk in table.foreign_keys}
        if refs & {"candidate", "attempt"} or table.name == "candidate":
            found[table.name] = [c.name for c in table.columns if isinstance(c.type, Text)]
    return found


def test_the_text_column_survey_sees_every_free_text_column():
    columns = _candidate_text_columns()
    assert columns["answer"] == ["text"] and columns["liveanswer"] == ["answer_text", "rater_notes"]
    assert columns["decision"] == ["note"] and {"invitation", "attempt", "rating"} <= set(columns)


def test_erasure_empties_every_text_column_about_the_candidate_and_the_old_link_saves_nothing(db):
    w, written, _ = _full_record(db)
    attempt_id = attempts.open_attempt(db, CandidateActor(w.token)).attempt_id
    candidates.erase_candidate(db, w.admin, w.candidate_id)
    checked = set()
    with db.read() as s:
        for table_name, text_columns in _candidate_text_columns().items():
            table = SQLModel.metadata.tables[table_name]
            if table_name == "candidate":
                where = table.c.id == w.candidate_id
            elif "candidate_id" in table.c:
                where = table.c.candidate_id == w.candidate_id
            else:
                where = table.c.attempt_id == attempt_id
            rows = s.execute(table.select().where(where)).mappings().all()
            checked |= {table_name} if rows and text_columns else set()
            for row in rows:
                for column in text_columns:
                    assert row[column] == "", f"{table_name}.{column} still holds text"
        person = s.get(Candidate, w.candidate_id)
        assert checked == {"answer", "liveanswer", "decision", "rating"}  # the tables this record fills
        assert (person.name, person.email) == (f"erased #{w.candidate_id}", "")
        assert person.erased_at is not None
        assert all(i.revoked_at is not None for i in s.exec(select(Invitation)).all())
        events = s.exec(select(AuditEvent)).all()
    logged = json.dumps([[e.entity_id, e.details] for e in events], ensure_ascii=False)
    for text in (SECRET, NOTES, SAID, REASON, "Amina", "amina@example.org"):
        assert text not in logged
    with pytest.raises(InvalidInvite):
        attempts.save_written_answer(db, CandidateActor(w.token), written, "a new answer after erasure")
    with pytest.raises(InvalidInvite):
        attempts.save_sjt_answer(db, CandidateActor(w.token), "any", {"best": "a"})
    with db.read() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "candidate.erase")).one().entity_id == str(
            w.candidate_id)


def _age_invites(db: Database, candidate_id: int, days: int) -> None:
    with db.write() as s:
        for invite in s.exec(select(Invitation).where(Invitation.candidate_id == candidate_id)).all():
            invite.expires_at = utcnow() - timedelta(days=days)
            s.add(invite)


def _close(db: Database, campaign_id: int, days_ago: int) -> None:
    with db.write() as s:
        campaign = s.get(Campaign, campaign_id)
        campaign.closed_at = utcnow() - timedelta(days=days_ago)
        s.add(campaign)


def test_retention_purges_by_campaign_close_and_expired_unused_links_only(db):
    w = world(db)  # Amina: open campaign, link not expired: kept
    closed_long_ago = campaigns.create_campaign(db, w.recruiter, campaigns.CampaignDraft(name="Old",
                                                                                         skills=["patience"]))
    closed_lately = campaigns.create_campaign(db, w.recruiter, campaigns.CampaignDraft(name="Recent",
                                                                                       skills=["patience"]))

    def person(campaign_id: int, name: str, *, expired_days: int | None = None, consent: bool = False,
               opened: bool = False) -> int:
        cid = candidates.add_candidate(db, w.recruiter, campaign_id, name)
        if expired_days is not None or consent or opened:
            link = CandidateActor(invitations.issue_invite(db, w.recruiter, cid).token)
            if consent or opened:
                attempts.open_attempt(db, link)
            if consent:
                attempts.give_consent(db, link)
            if expired_days is not None:
                _age_invites(db, cid, expired_days)
        return cid

    in_old = person(closed_long_ago, "Started in an old campaign", consent=True)
    in_recent = person(closed_lately, "Started in a recent campaign", consent=True)
    unused_old_link = person(w.campaign_id, "Never started, link expired long ago", expired_days=400)
    opened_only = person(w.campaign_id, "Opened, never consented, expired long ago", opened=True, expired_days=400)
    unused_recent_link = person(w.campaign_id, "Never started, link expired lately", expired_days=10)
    started_old_link = person(w.campaign_id, "Started, link expired long ago", consent=True, expired_days=400)
    no_link = person(w.campaign_id, "Added long ago, never invited")
    with db.write() as s:
        old = s.get(Candidate, no_link)
        old.created_at = utcnow() - timedelta(days=800)
        s.add(old)
    already = person(closed_long_ago, "Already erased")
    candidates.erase_candidate(db, w.admin, already)
    campaigns.close_campaign(db, w.recruiter, closed_lately)
    _close(db, closed_long_ago, 400)
    _close(db, closed_lately, 10)

    purged = candidates.purge_older_than(db, SystemActor("purge"), 365)

    assert purged == sorted([in_old, unused_old_link, opened_only])
    with db.read() as s:
        names = {c.id: c.name for c in s.exec(select(Candidate)).all()}
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "candidate.purge")).all()
    for kept in (w.candidate_id, in_recent, unused_recent_link, started_old_link, no_link):
        assert not names[kept].startswith("erased #")
    assert sorted(int(e.entity_id) for e in events) == purged
    assert {(e.actor_kind, e.details["retention_days"]) for e in events} == {("system:purge", 365)}
    assert candidates.purge_older_than(db, w.admin, 365) == []  # nothing left to do, nothing logged twice
    with pytest.raises(PermissionDenied):
        candidates.purge_older_than(db, w.recruiter, 365)


def test_closing_a_campaign_is_audited_once_and_keeps_the_first_date(db):
    w = world(db)
    campaigns.close_campaign(db, w.recruiter, w.campaign_id)
    first = campaigns.get_campaign(db, w.admin, w.campaign_id).closed_at
    campaigns.close_campaign(db, w.admin, w.campaign_id)
    assert campaigns.get_campaign(db, w.admin, w.campaign_id).closed_at == first is not None
    with db.read() as s:
        assert len(s.exec(select(AuditEvent).where(AuditEvent.action == "campaign.close")).all()) == 1
    with pytest.raises(PermissionDenied):
        campaigns.close_campaign(db, w.lead, w.campaign_id)


def test_subject_access_export_holds_everything_but_credentials(db):
    w, written, live = _full_record(db)
    data = privacy.export_candidate(db, w.admin, w.candidate_id)
    assert data["candidate"] | {"created_at": None} == {
        "id": w.candidate_id, "name": "Amina Diallo", "email": "amina@example.org", "campaign_id": w.campaign_id,
        "campaign_name": "Chat advisors", "is_demo": False, "created_at": None, "erased_at": None}
    assert len(data["invitations"]) == 1 and set(data["invitations"][0]) == {"id", "created_at", "expires_at",
                                                                              "revoked_at"}
    assert data["attempt"]["consent_at"] is not None and data["attempt"]["submitted_at"] is None
    texts = {a["item_id"]: a["text"] for a in data["answers"] if a["kind"] == "written"}
    assert texts[written] == SECRET
    assert any(a["kind"] == "sjt" and a["response"] for a in data["answers"])
    (rating,) = data["ratings"]
    assert (rating["question_id"], rating["rater_id"], rating["first_level"], rating["final_level"]) == (
        written, w.recruiter.user_id, 3, 4)
    assert "suggested_level" in rating
    (spoken,) = data["live_answers"]
    assert (spoken["question_id"], spoken["answer_text"], spoken["rater_notes"]) == (live, SAID, NOTES)
    (decision,) = data["decisions"]
    assert (decision["outcome"], decision["note"], decision["decided_by"]) == ("hold", REASON, w.lead.user_id)
    actions = [e["action"] for e in data["audit_events"]]
    for expected in ("candidate.create", "invite.issue", "attempt.start", "attempt.consent", "answer.save",
                     "live_answer.save", "rating.create", "rating.revise", "decision.record"):
        assert expected in actions
    assert "campaign.create" not in actions  # about the campaign, not the person
    text = json.dumps(data, ensure_ascii=False)
    with db.read() as s:
        stored_hash = s.exec(select(Invitation)).one().token_hash
    assert stored_hash not in text and w.token not in text and token_hash(w.token) not in text
    with db.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "candidate.export")).one()
    assert (event.actor_id, event.entity_id, event.details) == (w.admin.user_id, str(w.candidate_id), {})
    with pytest.raises(PermissionDenied):
        privacy.export_candidate(db, w.lead, w.candidate_id)


def test_every_audit_event_holds_ids_and_fingerprints_never_the_words(db):
    w, written, live = _full_record(db)
    interviews.save_live_answer(db, w.recruiter, w.candidate_id, live, SAID + " and more", "")
    with db.read() as s:
        events = s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    logged = json.dumps([[e.entity_id, e.details] for e in events], ensure_ascii=False)
    for text in (SECRET, NOTES, SAID, REASON, "Amina", "Diallo", "amina@example.org", "0612345678"):
        assert text not in logged
    import hashlib

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    first, second = [e.details for e in events if e.action == "live_answer.save"]
    assert (first["previous_answer_length"], first["answer_length"], first["notes_sha256"]) == (0, len(SAID),
                                                                                              sha(NOTES))
    assert (second["previous_answer_sha256"], second["answer_sha256"]) == (sha(SAID), sha(SAID + " and more"))
    assert (second["previous_notes_length"], second["notes_length"]) == (len(NOTES), 0)
    created = next(e.details for e in events if e.action == "rating.create")
    revised = next(e.details for e in events if e.action == "rating.revise")
    assert (created["first"], created["final"], created["question_id"]) == (3, 3, written)
    assert (revised["first"], revised["previous"], revised["final"]) == (3, 3, 4)
    decided = next(e.details for e in events if e.action == "decision.record")
    assert (decided["note_sha256"], decided["note_length"], decided["outcome"]) == (sha(REASON), len(REASON), "hold")
    saved = [e.details for e in events if e.action == "answer.save" and e.details.get("item_id") == written]
    assert saved[-1]["text_sha256"] == sha(SECRET) and saved[-1]["text_length"] == len(SECRET)


def test_the_pdf_is_logged_when_handed_out_not_when_drawn(db):
    w = world(db)
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    assert profiles.profile_pdf(db, w.lead, w.candidate_id).startswith(b"%PDF")
    with db.read() as s:
        assert not s.exec(select(AuditEvent).where(AuditEvent.action == "profile.pdf")).all()
    profiles.log_pdf_handed_out(db, w.lead, [w.candidate_id], via="download")
    with db.read() as s:
        (event,) = s.exec(select(AuditEvent).where(AuditEvent.action == "profile.pdf")).all()
    assert (event.actor_id, event.entity_id, event.details) == (w.lead.user_id, str(w.candidate_id),
                                                                {"via": "download"})
    with pytest.raises(PermissionDenied):
        profiles.log_pdf_handed_out(db, w.recruiter, [w.candidate_id], via="download")


def test_audit_search_filters_pages_and_names_the_actors(db):
    w = world(db)
    for n in range(5):
        candidates.add_candidate(db, w.recruiter, w.campaign_id, f"Person {n}")
    everything = audit_log.search(db, w.admin, page_size=1000)
    assert [r.event_id for r in everything.rows] == sorted((r.event_id for r in everything.rows), reverse=True)
    created = audit_log.search(db, w.admin, action="candidate.create", page_size=4)
    assert (created.total, created.pages, len(created.rows)) == (6, 2, 4)
    second = audit_log.search(db, w.admin, action="candidate.create", page_size=4, page=1)
    assert len(second.rows) == 2 and not {r.event_id for r in second.rows} & {r.event_id for r in created.rows}
    assert audit_log.search(db, w.admin, action="candidate.create", page_size=4, page=9).page == 1  # clamped
    mine = audit_log.search(db, w.admin, actor_kind="staff", actor_id=w.recruiter.user_id)
    assert mine.rows and {r.actor for r in mine.rows} == {f"Rec (#{w.recruiter.user_id})"}
    system = audit_log.search(db, w.admin, actor_kind="system:test")
    assert {r.actor for r in system.rows} == {"system:test"} and system.total == 4  # the factory's four accounts
    about = audit_log.search(db, w.admin, entity="candidate", entity_id=w.candidate_id)
    assert {r.action for r in about.rows} == {"candidate.create", "invite.issue"}
    today = utcnow().date()
    assert audit_log.search(db, w.admin, since=today, until=today).total == everything.total
    assert audit_log.search(db, w.admin, until=today - timedelta(days=1)).total == 0
    assert audit_log.search(db, w.admin, since=today + timedelta(days=1)).total == 0
    vocab = audit_log.vocabulary(db, w.admin)
    assert "candidate.create" in vocab.actions and "candidate" in vocab.entities
    assert ("staff", w.recruiter.user_id, f"Rec (#{w.recruiter.user_id})") in vocab.actors


def test_audit_export_is_json_lines_newest_first_and_audited(db):
    w = world(db)
    text = audit_log.export_jsonl(db, w.admin, action="candidate.create")
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["action"] for line in lines] == ["candidate.create"]
    assert lines[0]["entity_id"] == str(w.candidate_id) and lines[0]["actor"] == f"Rec (#{w.recruiter.user_id})"
    everything = audit_log.export_jsonl(db, w.admin)
    ids = [json.loads(line)["id"] for line in everything.splitlines()]
    assert ids == sorted(ids, reverse=True) and len(ids) == audit_log.search(db, w.admin).total - 1
    with db.read() as s:
        exports = s.exec(select(AuditEvent).where(AuditEvent.action == "audit.export")
                         .order_by(AuditEvent.id)).all()
    assert [(e.details["events"], e.details["filter_action"]) for e in exports] == [(1, "candidate.create"),
                                                                                   (len(ids), None)]


def test_cli_export_and_report_are_audited_as_the_system(app_env, tmp_path):
    from screening import cli
    from screening.store.engine import get_database

    db = get_database()
    w = world(db)
    answer_everything(db, w.token, text=SECRET)
    attempts.submit(db, CandidateActor(w.token))
    out = tmp_path / "amina.json"
    assert cli.main(["export", "candidate", str(w.candidate_id), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["candidate"]["name"] == "Amina Diallo" and SECRET in [a["text"] for a in data["answers"]]
    assert cli.main(["export", "candidate", "999999", "--out", str(tmp_path / "none.json")]) == 1
    assert cli.main(["report", str(w.candidate_id), "--out", str(tmp_path / "p.pdf")]) == 0
    with db.read() as s:
        export = s.exec(select(AuditEvent).where(AuditEvent.action == "candidate.export")).one()
        pdf = s.exec(select(AuditEvent).where(AuditEvent.action == "profile.pdf")).one()
        attempt = s.exec(select(Attempt)).one()
    assert (export.actor_kind, export.entity_id) == ("system:export", str(w.candidate_id))
    assert (pdf.actor_kind, pdf.entity_id, pdf.details) == ("system:report", str(w.candidate_id), {"via": "cli"})
    assert data["attempt"]["id"] == attempt.id
