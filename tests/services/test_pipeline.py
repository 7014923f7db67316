"""Running a real campaign: edit until the first invite, close, archive, preview; import and the status board;
raters; invitations e-mailed to a real SMTP server started here; reminders on a fake clock; lost links; export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from screening.config import get_settings
from screening.domain.actors import CandidateActor, SystemActor
from screening.services import attempts, campaigns, candidates, exports, interviews, invitations, profiles
from screening.services.campaigns import CampaignDraft
from screening.services.errors import InvalidInput, PermissionDenied
from screening.store.models import AuditEvent, Campaign, Invitation, SignInFailure
from tests.factories import SKILLS, answer_everything, staff, world
from tests.services.test_mail_smtp import Inbox, _server, body_text


@pytest.fixture
def inbox(monkeypatch) -> Iterator[Inbox]:
    """A real SMTP server on 127.0.0.1, and the app's settings pointing at it."""
    for box, port in _server():
        for name, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_TLS": "none",
                            "MAIL_FROM": "Acme Recruiting <jobs@acme.example>",
                            "PUBLIC_BASE_URL": "https://screening.acme.example"}.items():
            monkeypatch.setenv(f"SCREENING_{name}", value)
        get_settings.cache_clear()
        yield box
    get_settings.cache_clear()


def _rows(db, model, **where):  # type: ignore[no-untyped-def]
    from sqlmodel import select
    with db.read() as s:
        query = select(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return list(s.exec(query).all())


# --- campaigns ----------------------------------------------------------------------------------


def test_a_campaign_can_change_until_its_first_invite_then_closes_and_archives(db):
    rec = staff(db, "rec@example.org", "recruiter")
    deadline = datetime.now(UTC) + timedelta(days=10)
    cid = campaigns.create_campaign(db, rec, CampaignDraft(name="Chat", skills=["empathy"], deadline_at=deadline))
    campaigns.update_campaign(db, rec, cid, CampaignDraft(name="Chat, nights", skills=["empathy", "patience"],
                                                          language="fr", job_title="Conseiller", written_questions=1,
                                                          sjt_items_per_candidate=3, deadline_at=deadline))
    changed = campaigns.get_campaign(db, rec, cid)
    assert (changed.name, changed.language, changed.job_title, changed.skills, changed.sjt_items_per_candidate,
            len(changed.written_question_ids)) == ("Chat, nights", "fr", "Conseiller", ["empathy", "patience"], 3, 1)
    person = candidates.add_candidate(db, rec, cid, "Ana", "ana@example.org")
    invite = invitations.issue_invite(db, rec, person)
    [row] = _rows(db, Invitation, candidate_id=person)
    assert abs(row.expires_at.replace(tzinfo=UTC) - deadline) < timedelta(seconds=1)  # the deadline caps the link
    assert invite.emailed is False and invite.replaced is False
    with pytest.raises(InvalidInput) as fixed:
        campaigns.update_campaign(db, rec, cid, CampaignDraft(name="Other", skills=["empathy"]))
    assert fixed.value.key == "error.campaign_fixed"
    campaigns.close_campaign(db, rec, cid)
    with pytest.raises(InvalidInput) as closed:
        invitations.issue_invite(db, rec, person)
    assert closed.value.key == "error.campaign_closed"
    campaigns.archive_campaign(db, rec, cid)
    assert cid not in [c.id for c in campaigns.list_campaigns(db, rec)]
    assert cid in [c.id for c in campaigns.list_campaigns(db, rec, include_archived=True)]
    actions = [e.action for e in _rows(db, AuditEvent, entity_id=str(cid)) if e.entity == "campaign"]
    assert actions == ["campaign.create", "campaign.update", "campaign.close", "campaign.archive"]


def test_another_recruiter_cannot_edit_and_a_past_deadline_is_refused(db):
    w = world(db)
    with pytest.raises(PermissionDenied):
        campaigns.update_campaign(db, w.other_recruiter, w.campaign_id, CampaignDraft(name="x", skills=["empathy"]))
    with pytest.raises(InvalidInput) as past:
        campaigns.create_campaign(db, w.recruiter, CampaignDraft(name="Late", skills=["empathy"],
                                                                 deadline_at=datetime.now(UTC) - timedelta(hours=1)))
    assert past.value.key == "error.campaign_deadline_past"


def test_the_estimate_follows_the_choices_and_the_preview_shows_no_keys(db):
    w = world(db)
    everything = campaigns.estimate(db, w.recruiter, SKILLS, written_questions=2)
    drawn = campaigns.estimate(db, w.recruiter, SKILLS, sjt_items_per_candidate=4, written_questions=1)
    assert drawn.sjt_items == 4 and drawn.written_questions == 1 and drawn.minutes == 12   # 4 x 1.5 + 6
    assert everything.sjt_items > 4 and everything.minutes == round(everything.sjt_items * 1.5 + 12)
    assert campaigns.estimate(db, w.recruiter, []).minutes == 0
    preview = campaigns.preview_items(db, w.recruiter, w.campaign_id, seed=1)
    campaign = campaigns.get_campaign(db, w.lead, w.campaign_id)
    assert {p.item_id for p in preview.sjt} == set(campaign.sjt_item_ids)
    catalog = campaigns.reference_catalog(db, w.recruiter)
    for p in preview.sjt:
        item = catalog.bank.sjt_by_id[p.item_id]
        assert p.scenario == item.scenario.get("en")
        assert sorted(p.options) == sorted(o.text.get("en") for o in item.options)
        assert not hasattr(p, "key") and "rationale" not in repr(p)
    orders = {campaigns.preview_items(db, w.lead, w.campaign_id, seed=n).sjt[0].options for n in range(6)}
    assert len(orders) > 1   # shuffled
    with pytest.raises(PermissionDenied):
        campaigns.preview_items(db, w.other_recruiter, w.campaign_id)


# --- candidates ---------------------------------------------------------------------------------


def test_import_previews_then_adds_only_the_valid_rows(db):
    w = world(db)
    data = b"name,email,reference\nBo Chen,bo@example.org,R1\nBad,nope,\nAmina again,AMINA@example.org,\n" \
           b"Cy,cy@example.org,\nCy twin,cy@example.org,\n"
    preview = candidates.preview_import(db, w.recruiter, w.campaign_id, data)
    assert [r.email for r in preview.rows] == ["bo@example.org", "cy@example.org"]
    assert [(e.line, e.key) for e in preview.errors] == [(3, "error.csv_email"), (4, "error.csv_email_in_campaign"),
                                                          (6, "error.csv_email_repeated")]
    assert len(candidates.list_candidates(db, w.recruiter, w.campaign_id)) == 1   # the preview saved nothing
    done = candidates.import_candidates(db, w.recruiter, w.campaign_id, data)
    assert len(done.rows) == 2
    people = {c.email: c for c in candidates.list_candidates(db, w.recruiter, w.campaign_id)}
    assert people["bo@example.org"].reference == "R1" and people["bo@example.org"].name == "Bo Chen"
    again = candidates.import_candidates(db, w.recruiter, w.campaign_id, data)
    assert again.rows == () and len(candidates.list_candidates(db, w.recruiter, w.campaign_id)) == 3
    with pytest.raises(PermissionDenied):
        candidates.preview_import(db, w.lead, w.campaign_id, data)


def test_the_status_board_counts_filters_and_searches(db):
    w = world(db)
    fresh = candidates.add_candidate(db, w.recruiter, w.campaign_id, "Zed Added", "zed@example.org", reference="Z9")
    opened = candidates.add_candidate(db, w.recruiter, w.campaign_id, "Olu Opened", "olu@example.org")
    link = invitations.issue_invite(db, w.recruiter, opened).token
    attempts.open_attempt(db, CandidateActor(link))
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    board = candidates.status_board(db, w.recruiter, w.campaign_id)
    status = {r.candidate_id: r.status for r in board.rows}
    assert status == {w.candidate_id: "submitted", fresh: "added", opened: "opened"}
    assert board.counts == {"added": 1, "invited": 0, "opened": 1, "started": 0, "submitted": 1, "rated": 0,
                            "decided": 0}
    row = next(r for r in board.rows if r.candidate_id == opened)
    assert row.opened_at is not None and row.sent_at is None and row.invited_at is not None
    [invite] = _rows(db, Invitation, candidate_id=opened)
    first_open = invite.opened_at
    attempts.open_attempt(db, CandidateActor(link))
    assert _rows(db, Invitation, candidate_id=opened)[0].opened_at == first_open   # the first time only
    question = campaigns.get_campaign(db, w.recruiter, w.campaign_id).written_question_ids[0]
    interviews.rate(db, w.recruiter, w.candidate_id, question, 4, "Owned the fix.")
    assert candidates.status_board(db, w.recruiter, w.campaign_id, status="rated").total == 1
    profiles.record_decision(db, w.lead, w.candidate_id, "advance", "Strong written answers.")
    decided = candidates.status_board(db, w.recruiter, w.campaign_id, status="decided")
    assert [r.candidate_id for r in decided.rows] == [w.candidate_id]
    assert [r.candidate_id for r in candidates.status_board(db, w.recruiter, w.campaign_id, search="z9").rows] \
        == [fresh]
    assert candidates.status_board(db, w.recruiter, w.campaign_id, page_size=2, page=1).rows[0].candidate_id == opened


def test_raters_are_recruiters_on_the_campaign(db):
    w = world(db)
    shared = staff(db, "shared@example.org", "recruiter")
    campaigns.share_campaign(db, w.recruiter, w.campaign_id, "shared@example.org")
    choices = candidates.rater_choices(db, w.recruiter, w.campaign_id)
    assert [c.user_id for c in choices] == [w.recruiter.user_id, shared.user_id]   # not the lead
    candidates.assign_raters(db, shared, w.candidate_id, [w.recruiter.user_id, shared.user_id])
    assert candidates.status_board(db, w.recruiter, w.campaign_id).rows[0].raters == \
        (w.recruiter.user_id, shared.user_id)
    for outsider in (w.lead.user_id, w.other_recruiter.user_id):
        with pytest.raises(InvalidInput):
            candidates.assign_raters(db, w.recruiter, w.candidate_id, [outsider])
    candidates.assign_raters(db, w.recruiter, w.candidate_id, [shared.user_id])
    with db.read() as s:
        from sqlalchemy import text
        rows = s.execute(text("SELECT candidate_id, rater_id FROM candidaterater")).all()
    assert [tuple(r) for r in rows] == [(w.candidate_id, shared.user_id)]
    [event] = [e for e in _rows(db, AuditEvent, action="candidate.raters")][-1:]
    assert event.details == {"previous": sorted([w.recruiter.user_id, shared.user_id]), "raters": [shared.user_id]}
    with pytest.raises(PermissionDenied):
        candidates.assign_raters(db, w.lead, w.candidate_id, [])


# --- e-mail -------------------------------------------------------------------------------------


def test_an_invite_is_e_mailed_and_a_resend_replaces_the_link(db, inbox):
    w = world(db)   # SMTP is set up before the world is built, so its invite was e-mailed
    first = inbox.received[0]
    assert first.rcpt_tos == ["amina@example.org"]
    assert str(first.message["Subject"]) == "Your assessment for the Chat advisors role"
    assert f"https://screening.acme.example/?invite={w.token}" in body_text(first.message)
    issued = invitations.issue_invite(db, w.recruiter, w.candidate_id)
    assert issued.emailed and issued.replaced and not issued.mail_failed
    resent = inbox.received[1]
    assert issued.url in body_text(resent.message) and w.token not in body_text(resent.message)
    assert "no longer works" in body_text(resent.message)
    invites = sorted(_rows(db, Invitation, candidate_id=w.candidate_id), key=lambda i: i.id)
    assert [i.revoked_at is not None for i in invites] == [True, False]
    assert all(i.sent_at is not None for i in invites)
    board = candidates.status_board(db, w.recruiter, w.campaign_id)
    assert board.rows[0].status == "invited" and board.rows[0].sent_at == invites[1].sent_at


def test_without_smtp_nothing_is_sent_and_the_link_is_shown(db):
    w = world(db)
    issued = invitations.issue_invite(db, w.recruiter, w.candidate_id)
    assert not issued.emailed and not issued.mail_failed and issued.url.endswith(issued.token)
    assert all(i.sent_at is None for i in _rows(db, Invitation, candidate_id=w.candidate_id))


def test_reminders_go_once_before_the_deadline_on_a_fake_clock(db, inbox):
    w = world(db)
    [invite] = _rows(db, Invitation, candidate_id=w.candidate_id)
    expires = invite.expires_at.replace(tzinfo=UTC)
    system = SystemActor("remind")
    assert invitations.send_reminders(db, system, clock=lambda: expires - timedelta(days=5)) == 0
    assert invitations.send_reminders(db, system, clock=lambda: expires - timedelta(hours=30)) == 1
    assert invitations.send_reminders(db, system, clock=lambda: expires - timedelta(hours=29)) == 0   # once
    reminder = inbox.received[-1]
    assert str(reminder.message["Subject"]) == "Reminder: your assessment for the Chat advisors role"
    assert "https://screening.acme.example/" in body_text(reminder.message)
    assert len(inbox.received) == 2
    assert _rows(db, Invitation, candidate_id=w.candidate_id)[0].last_reminder_at is not None
    with pytest.raises(PermissionDenied):
        invitations.send_reminders(db, w.recruiter)


def test_the_remind_command_runs_as_the_system(db, inbox, monkeypatch, capsys):
    from screening import cli
    from screening.store import engine as engine_module

    monkeypatch.setattr(engine_module, "get_database", lambda: db)
    world(db)
    assert cli.main(["remind"]) == 0
    assert capsys.readouterr().out.strip() == "0 reminder(s) sent."


def test_a_lost_link_is_e_mailed_with_the_same_answer_for_any_address(db, inbox):
    w = world(db)
    before = len(inbox.received)
    assert invitations.request_lost_link(db, None, "nobody@example.org") is None
    assert invitations.request_lost_link(db, None, "not an address") is None
    assert len(inbox.received) == before
    assert invitations.request_lost_link(db, None, "AMINA@example.org") is None
    lost = inbox.received[-1]
    assert lost.rcpt_tos == ["amina@example.org"] and w.token not in body_text(lost.message)
    new_link = body_text(lost.message).split("?invite=")[1].split()[0]
    assert attempts.open_attempt(db, CandidateActor(new_link)).candidate_name == "Amina Diallo"
    with pytest.raises(Exception):  # noqa: B017 (the old link is replaced)
        attempts.open_attempt(db, CandidateActor(w.token))
    with pytest.raises(PermissionDenied):
        invitations.request_lost_link(db, w.recruiter, "amina@example.org")


def test_lost_link_requests_are_throttled_per_address(db, inbox):
    world(db)
    now = datetime.now(UTC)
    for n in range(8):
        invitations.request_lost_link(db, None, "amina@example.org", clock=lambda n=n: now + timedelta(seconds=n / 10))
    # the world's invitation, then six requests (as at sign-in, the first waits come after 6); the rest wait
    assert len(inbox.received) == 1 + 6
    [row] = [r for r in _rows(db, SignInFailure) if r.key.startswith("lostlink:")]
    assert "amina" not in row.key
    invitations.request_lost_link(db, None, "amina@example.org", clock=lambda: now + timedelta(hours=25))
    assert len(inbox.received) == 8   # a day later the count starts again


# --- export -------------------------------------------------------------------------------------


def test_the_results_export_for_leads_and_admins(db):
    w = world(db)
    hostile = candidates.add_candidate(db, w.recruiter, w.campaign_id, "=HYPERLINK(\"http://x\")", "h@example.org")
    answer_everything(db, w.token)
    attempts.submit(db, CandidateActor(w.token))
    profiles.record_decision(db, w.lead, w.candidate_id, "hold", "Second interview.")
    data = exports.campaign_results_csv(db, w.lead, w.campaign_id)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["candidate_id", "name", "email", "status", "sjt_mean", "interview_mean", "fit", "decision"]
    amina = next(r for r in rows if r[0] == str(w.candidate_id))
    assert amina[1:4] == ["Amina Diallo", "amina@example.org", "decided"] and amina[7] == "hold"
    assert 0 <= float(amina[4]) <= 100 and amina[5] == ""
    evil = next(r for r in rows if r[0] == str(hostile))
    assert evil[1] == "'=HYPERLINK(\"http://x\")" and evil[3] == "added"
    assert exports.campaign_results_csv(db, w.admin, w.campaign_id) == data
    for outsider in (w.recruiter, w.other_recruiter):
        with pytest.raises(PermissionDenied):
            exports.campaign_results_csv(db, outsider, w.campaign_id)
    assert [e.details for e in _rows(db, AuditEvent, action="campaign.export")] == [{"rows": 2}, {"rows": 2}]


def test_the_migration_fixes_campaigns_that_already_invited(db):
    w = world(db)
    assert _rows(db, Campaign, id=w.campaign_id)[0].first_invite_at is not None
