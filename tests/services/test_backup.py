"""Backups and restores: a backup taken while the app writes is a sound database holding every row
committed before it began; a restore brings it back and erases again everyone erased since."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlmodel import Session, SQLModel, select

from screening.cli import main
from screening.config import get_settings
from screening.store import audit_guard, backup
from screening.store import engine as engine_module
from screening.store.engine import Database, build_engine
from screening.store.models import (
    Answer,
    Attempt,
    AuditEvent,
    Campaign,
    Candidate,
    Decision,
    Invitation,
    LiveAnswer,
    User,
    utcnow,
)

# --- helpers ----------------------------------------------------------------------------------------


def _clear_caches() -> None:
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_database.cache_clear()


@pytest.fixture
def use_database(monkeypatch) -> Iterator[object]:
    """Point the process settings (what the `screening` command reads) at a database."""
    def point(url: str) -> None:
        monkeypatch.setenv("DATABASE_URL", url)
        _clear_caches()
    yield point
    _clear_caches()


def sqlite_db(url: str) -> Path:
    return backup.sqlite_file(url)


@dataclass(frozen=True)
class People:
    rater_id: int
    campaign_id: int


def seed_staff(db: Database) -> People:
    with db.write() as s:
        user = User(email="rater@example.org", name="Rater", role="recruiter", password_hash="x")
        s.add(user)
        s.flush()
        campaign = Campaign(name="Chat advisors", owner_id=user.id)  # type: ignore[arg-type]
        s.add(campaign)
        s.flush()
        return People(int(user.id), int(campaign.id))  # type: ignore[arg-type]


def add_candidate(db: Database, people: People, name: str, *, created_at: datetime | None = None) -> int:
    """A candidate with every kind of personal text: answers, live answers, rater notes, a decision note, an invite."""
    with db.write() as s:
        c = Candidate(campaign_id=people.campaign_id, name=name, email=f"{name.split()[0].lower()}@example.org",
                      created_at=created_at or utcnow())
        s.add(c)
        s.flush()
        cid = int(c.id)  # type: ignore[arg-type]
        attempt = Attempt(candidate_id=cid, plan={})
        s.add(attempt)
        s.flush()
        s.add(Answer(attempt_id=attempt.id, item_id="w1", item_version=1, kind="written",  # type: ignore[arg-type]
                     text=f"{name} wrote: I called the customer back at 6pm."))
        s.add(Answer(attempt_id=attempt.id, item_id="s1", item_version=1, kind="sjt",  # type: ignore[arg-type]
                     response={"best": "a", "worst": "b"}))
        s.add(LiveAnswer(candidate_id=cid, question_id="q1", question_version=1, rater_id=people.rater_id,
                         answer_text=f"{name} said: I listened first.", rater_notes=f"{name} was calm."))
        s.add(Decision(candidate_id=cid, decided_by=people.rater_id, outcome="advance",
                       note=f"{name}: strong on chat."))
        s.add(Invitation(candidate_id=cid, token_hash=f"hash-{name}", created_by=people.rater_id,
                         expires_at=utcnow() + timedelta(days=14)))
        return cid


def erase_like_the_service(db: Database, candidate_id: int, log: Path) -> None:
    """What the erasure service does (screening/services/candidates.py), plus the call it is to make."""
    with db.write() as s:
        c = s.get(Candidate, candidate_id)
        assert c is not None
        c.name, c.email, c.erased_at = f"erased #{candidate_id}", "", utcnow()
        s.add(c)
        attempt = s.exec(select(Attempt).where(Attempt.candidate_id == candidate_id)).one()
        for a in s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all():
            a.text = ""
            s.add(a)
        for live in s.exec(select(LiveAnswer).where(LiveAnswer.candidate_id == candidate_id)).all():
            live.answer_text, live.rater_notes = "", ""
            s.add(live)
        for d in s.exec(select(Decision).where(Decision.candidate_id == candidate_id)).all():
            d.note = ""
            s.add(d)
        for inv in s.exec(select(Invitation).where(Invitation.candidate_id == candidate_id)).all():
            inv.revoked_at = inv.revoked_at or utcnow()
            s.add(inv)
        backup.record_erasure(candidate_id, path=log)  # inside the transaction, before the commit


def personal_text(db: Database, candidate_id: int) -> dict[str, object]:
    with db.read() as s:
        c = s.get(Candidate, candidate_id)
        assert c is not None
        attempt = s.exec(select(Attempt).where(Attempt.candidate_id == candidate_id)).one()
        return {
            "name": c.name, "email": c.email, "erased": c.erased_at is not None,
            "answers": sorted(a.text for a in s.exec(select(Answer).where(Answer.attempt_id == attempt.id)).all()),
            "live": sorted((x.answer_text, x.rater_notes) for x in
                           s.exec(select(LiveAnswer).where(LiveAnswer.candidate_id == candidate_id)).all()),
            "notes": sorted(d.note for d in
                            s.exec(select(Decision).where(Decision.candidate_id == candidate_id)).all()),
            "open_invites": len([i for i in s.exec(select(Invitation).where(Invitation.candidate_id == candidate_id))
                                 if i.revoked_at is None]),
            "sjt": [a.response for a in s.exec(select(Answer).where(Answer.attempt_id == attempt.id,
                                                                   Answer.kind == "sjt")).all()],
        }


def assert_erased(db: Database, candidate_id: int) -> None:
    assert personal_text(db, candidate_id) == {
        "name": f"erased #{candidate_id}", "email": "", "erased": True, "answers": ["", ""], "live": [("", "")],
        "notes": [""], "open_invites": 0, "sjt": [{"best": "a", "worst": "b"}]}  # scores stay, text goes


def assert_intact(db: Database, candidate_id: int, name: str) -> None:
    got = personal_text(db, candidate_id)
    assert got["name"] == name and got["email"] and not got["erased"] and got["open_invites"] == 1
    assert all(got["answers"]) is False and any(got["answers"])  # the SJT answer has no text, the written one has
    assert got["live"] == [(f"{name} said: I listened first.", f"{name} was calm.")]
    assert got["notes"] == [f"{name}: strong on chat."]


def open_db(url: str) -> Iterator[Database]:
    engine = build_engine(url)
    try:
        yield Database(engine)
    finally:
        engine.dispose()


@pytest.fixture
def live(sqlite_url) -> Iterator[Database]:
    yield from open_db(sqlite_url)


# --- backup while the app writes ---------------------------------------------------------------------

class Writer(threading.Thread):
    """The app, inserting audit events one transaction at a time until told to stop."""

    def __init__(self, db: Database):
        super().__init__(daemon=True)
        self.db, self.committed, self.stop, self.error = db, 0, threading.Event(), None  # type: ignore[var-annotated]

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                with self.db.write() as s:
                    s.add(AuditEvent(actor_kind="system", action="tick", entity="t", entity_id=str(self.committed),
                                     details={"n": self.committed}))
                self.committed += 1
        except BaseException as exc:
            self.error = exc  # type: ignore[assignment]


def test_backup_taken_while_another_thread_inserts_holds_every_row_committed_before_it(live, sqlite_url, tmp_path):
    with live.write() as s:  # some bulk, so the copy takes long enough for the writer to commit during it
        s.connection().execute(insert(AuditEvent.__table__), [  # type: ignore[arg-type]
            {"at": utcnow(), "actor_kind": "system", "action": "bulk", "entity": "t", "entity_id": str(k),
             "details": {"pad": "x" * 4000}} for k in range(3000)])
    with live.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    writer = Writer(live)
    writer.start()
    taken: list[tuple[int, backup.BackupReport, int]] = []
    try:
        while writer.committed < 50 and writer.error is None:
            time.sleep(0.005)
        # A few backups in a row, until one of them overlapped with the writer's commits for sure.
        for k in range(5):
            before = writer.committed
            report = backup.backup_sqlite(tmp_path / f"copy-{k}.db", sqlite_url)
            taken.append((before, report, writer.committed))
            if taken[-1][2] > before:
                break
        time.sleep(0.05)
    finally:
        writer.stop.set()
        writer.join(10)
    assert writer.error is None, writer.error
    assert any(after > before for before, _, after in taken), "the writer never wrote during a backup"
    for committed_before, report, committed_after in taken:
        path = report.path
        assert path.parent == tmp_path and not Path(f"{path}-wal").exists()
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
            ticks = [int(r[0]) for r in conn.execute("SELECT entity_id FROM auditevent WHERE action = 'tick'")]
            assert conn.execute("SELECT count(*) FROM auditevent WHERE action = 'bulk'").fetchone() == (3000,)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (report.revision,)
        finally:
            conn.close()
        # Every row committed before the backup began is there, and the copy is one moment: no gap.
        assert sorted(ticks) == list(range(len(ticks)))
        assert committed_before <= len(ticks) <= committed_after + 1  # +1: committed, not yet counted
    with live.read() as s:  # and the app's own database lost nothing
        assert len(s.exec(select(AuditEvent).where(AuditEvent.action == "tick")).all()) == writer.committed


def test_a_plain_copy_of_a_wal_database_misses_rows_the_backup_has(sqlite_url, tmp_path):
    """Why `db backup` does not copy the file: committed rows still in <db>-wal are not in <db>."""
    path = sqlite_db(sqlite_url)
    app = sqlite3.connect(path, isolation_level=None)  # an app connection that stays open, as a server's does
    try:
        app.execute("PRAGMA journal_mode=WAL")
        app.execute("PRAGMA wal_autocheckpoint=0")
        for k in range(50):
            app.execute("INSERT INTO auditevent (at, actor_kind, action, entity, entity_id, details) "
                        "VALUES (datetime('now'), 'system', 'tick', 't', ?, '{}')", (str(k),))
        shutil.copyfile(path, tmp_path / "plain-copy.db")
        report = backup.backup_sqlite(tmp_path / "backup.db", sqlite_url)
    finally:
        app.close()

    def ticks(p: Path) -> int:
        conn = sqlite3.connect(p)
        try:
            return int(conn.execute("SELECT count(*) FROM auditevent WHERE action = 'tick'").fetchone()[0])
        except sqlite3.OperationalError:  # "no such table": even the schema may be only in the WAL
            return -1
        finally:
            conn.close()

    assert ticks(tmp_path / "plain-copy.db") < 50
    assert ticks(report.path) == 50


def test_backup_never_overwrites_and_refuses_what_is_not_a_database(sqlite_url, tmp_path):
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(backup.BackupError, match="exists already"):
        backup.backup_sqlite(existing, sqlite_url)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(backup.BackupError, match="not a readable SQLite database"):
        backup.restore_sqlite(existing, sqlite_url)
    with pytest.raises(backup.BackupError, match="no such file"):
        backup.restore_sqlite(tmp_path / "missing.db", sqlite_url)


# --- the erasure list --------------------------------------------------------------------------------

def test_record_erasure_appends_one_line_per_erasure(sqlite_url, tmp_path):
    log = backup.erasure_log_path(sqlite_url)
    assert log == sqlite_db(sqlite_url).with_name("screening.db.erasures.jsonl")
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert backup.record_erasure(7, url=sqlite_url, at=at) == log
    backup.record_erasure(9, url=sqlite_url)
    backup.record_erasure(7, url=sqlite_url)  # erased twice: harmless
    lines = log.read_text().splitlines()
    assert json.loads(lines[0]) == {"candidate_id": 7, "at": "2026-01-02T03:04:05+00:00"}
    assert set(json.loads(lines[1])) == {"candidate_id", "at"}  # an id and a time, nothing personal
    erasures, unreadable = backup.read_erasures(log)
    assert [e.candidate_id for e in erasures] == [7, 9, 7] and erasures[0].at == at and unreadable == []
    for bad in (0, -3, "7", True, None):
        with pytest.raises(ValueError, match="not a candidate id"):
            backup.record_erasure(bad, path=tmp_path / "x.jsonl")  # type: ignore[arg-type]
    assert not (tmp_path / "x.jsonl").exists()


def test_concurrent_erasures_never_interleave_lines(tmp_path):
    log = tmp_path / "erasures.jsonl"

    def erase(start: int) -> None:
        for k in range(50):
            backup.record_erasure(start * 1000 + k + 1, path=log)

    threads = [threading.Thread(target=erase, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    erasures, unreadable = backup.read_erasures(log)
    assert unreadable == [] and len({e.candidate_id for e in erasures}) == 400


def test_a_torn_line_is_reported_and_a_restore_stops_on_it(sqlite_url, tmp_path):
    log = tmp_path / "erasures.jsonl"
    backup.record_erasure(3, path=log)
    with log.open("a") as f:
        f.write('{"candidate_id": 4, "at": "2026-01-0')  # a crash mid-write
    erasures, unreadable = backup.read_erasures(log)
    assert [e.candidate_id for e in erasures] == [3] and unreadable == [2]
    copy = backup.backup_sqlite(tmp_path / "b.db", sqlite_url).path
    with pytest.raises(backup.BackupError, match="unreadable line"):
        backup.restore_sqlite(copy, sqlite_url, log=log)


# --- restore -----------------------------------------------------------------------------------------

def test_restore_then_reapplied_erasures_leave_an_erased_candidate_erased(live, sqlite_url, tmp_path):
    log = backup.erasure_log_path(sqlite_url)
    people = seed_staff(live)
    early = add_candidate(live, people, "Early Erased")
    erase_like_the_service(live, early, log)  # erased before the backup: already erased in it
    amina = add_candidate(live, people, "Amina Diallo")
    kofi = add_candidate(live, people, "Kofi Mensah")
    copy = backup.backup_sqlite(tmp_path / "nightly.db", sqlite_url).path

    erase_like_the_service(live, amina, log)  # erased after the backup: the backup still holds her
    late = add_candidate(live, people, "Late Arrival")  # not in the backup at all
    erase_like_the_service(live, late, log)
    held = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:  # the backup still holds her
        assert held.execute("SELECT name FROM candidate WHERE id = ?", (amina,)).fetchone() == ("Amina Diallo",)
    finally:
        held.close()

    report = backup.restore_sqlite(copy, sqlite_url)
    live.engine.dispose()  # the app restarts after a restore

    assert report.reapplied.reerased == [amina]
    assert report.reapplied.already_erased == 1 and report.reapplied.not_in_database == [late]
    assert_erased(live, amina)
    assert_erased(live, early)
    assert_intact(live, kofi, "Kofi Mensah")
    with live.read() as s:
        assert s.get(Candidate, late) is None  # the restore is the backup's moment
        events = s.exec(select(AuditEvent).where(AuditEvent.action.like("%reapply"))).all()  # type: ignore[attr-defined]
    assert [(e.action, e.entity_id) for e in events] == [("candidate.erase.reapply", str(amina)),
                                                        ("db.erasures.reapply", "sqlite")]
    assert "Amina" not in json.dumps([e.details for e in events])
    # The restored database is migrated and guarded like any other.
    assert audit_guard.installed(live.engine) == set(audit_guard.SQLITE_TRIGGERS)
    with pytest.raises(Exception, match="append-only"), live.write() as s:
        s.connection().execute(text("UPDATE auditevent SET action = 'x'"))
    # Nothing is left behind but the previous database, kept aside, and the erasure list itself.
    assert report.previous is not None and report.previous.exists()
    assert not report.database.with_name(report.database.name + ".restoring").exists()
    assert log.exists() and len(log.read_text().splitlines()) == 3
    conn = sqlite3.connect(report.previous)
    try:
        assert conn.execute("SELECT name FROM candidate WHERE id = ?", (late,)).fetchone() == (f"erased #{late}",)
    finally:
        conn.close()


def test_an_id_given_again_after_a_restore_is_not_erased_by_the_old_erasure(live, sqlite_url, tmp_path):
    """After a restore, the next candidate may get the id of one erased after the backup: another person."""
    log = backup.erasure_log_path(sqlite_url)
    people = seed_staff(live)
    add_candidate(live, people, "Amina Diallo")
    copy = backup.backup_sqlite(tmp_path / "nightly.db", sqlite_url).path
    late = add_candidate(live, people, "Late Arrival")
    erase_like_the_service(live, late, log)
    backup.restore_sqlite(copy, sqlite_url, keep_previous=False)
    live.engine.dispose()
    time.sleep(0.01)
    newcomer = add_candidate(live, people, "Nadia Newcomer")
    assert newcomer == late  # SQLite gives the id again
    report = backup.reapply_from_log(sqlite_url)
    assert report.reerased == [] and report.not_in_database == [late]
    assert_intact(live, newcomer, "Nadia Newcomer")


def test_reapplying_covers_every_field_the_erasure_service_blanks(live, sqlite_url):
    """Drift check: whatever screening.services.candidates erases, the restore's plain SQL erases too."""
    from screening.domain.actors import SystemActor
    from screening.services import candidates

    people = seed_staff(live)
    by_service, by_sql = add_candidate(live, people, "Ana Ruiz"), add_candidate(live, people, "Bo Li")

    def snapshot(cid: int) -> dict[tuple[str, str, int], object]:
        rows: dict[tuple[str, str, int], object] = {}
        with live.read() as s:
            for table in SQLModel.metadata.sorted_tables:
                if table.name == "auditevent" or "id" not in table.c:
                    continue
                link = table.c.get("candidate_id")
                attempts = select(Attempt.id).where(Attempt.candidate_id == cid)
                if table.name == "candidate":
                    query = table.select().where(table.c.id == cid)
                elif link is not None:
                    query = table.select().where(link == cid)
                elif "attempt_id" in table.c:
                    query = table.select().where(table.c.attempt_id.in_(attempts))
                else:
                    continue
                for k, row in enumerate(s.connection().execute(query).mappings()):
                    for column, value in row.items():
                        rows[(table.name, column, k)] = value
        return rows

    def changes(before: dict, after: dict, cid: int) -> dict[tuple[str, str, int], object]:
        out = {key: after[key] for key in before if before[key] != after[key]}
        return {key: ("<erased name>" if value == f"erased #{cid}" else
                      "<a time>" if isinstance(value, datetime) else value) for key, value in out.items()}

    before = snapshot(by_service)
    candidates.erase_candidate(live, SystemActor("test"), by_service)
    service_changes = changes(before, snapshot(by_service), by_service)
    before = snapshot(by_sql)
    with live.engine.begin() as conn:
        assert backup.erase_in(conn, by_sql, utcnow()) is True
    sql_changes = changes(before, snapshot(by_sql), by_sql)
    assert service_changes, "the service erased nothing?"
    missing = {k: v for k, v in service_changes.items() if sql_changes.get(k) != v}
    assert not missing, f"the restore's SQL does not erase these as the service does: {missing}"


# --- the commands ------------------------------------------------------------------------------------

def test_db_backup_and_restore_commands(sqlite_url, use_database, tmp_path, capsys):
    use_database(sqlite_url)
    with Session(build_engine(sqlite_url)) as s:
        s.add(AuditEvent(actor_kind="system", action="before", entity="t", entity_id="1"))
        s.commit()
    target = tmp_path / "backups" / "monday.db"
    assert main(["db", "backup", str(target)]) == 0
    assert "Backup written to" in capsys.readouterr().out and target.exists()
    assert main(["db", "backup", str(target)]) == 1  # never overwrites
    assert "exists already" in capsys.readouterr().err
    assert main(["db", "restore", str(target), "--no-keep-previous"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "0 erasure(s)" in out
    assert main(["db", "restore", str(tmp_path / "nope.db")]) == 1
    assert "Nothing restored" in capsys.readouterr().err


def test_on_postgresql_backup_and_restore_point_to_pg_dump_and_fail(pg_url, use_database, tmp_path, capsys):
    use_database(pg_url)
    for argv in (["db", "backup", str(tmp_path / "x.db")], ["db", "restore", str(tmp_path / "x.db")]):
        assert main(argv) == 2  # never a silent no-op
        err = capsys.readouterr().err
        assert "pg_dump" in err and "pg_restore" in err and "docs/operations.md" in err
    assert not (tmp_path / "x.db").exists()


def test_reapply_erasures_command_on_postgresql(pg_url, use_database, tmp_path, capsys):
    """After a pg_restore, `screening db reapply-erasures` erases again whoever was erased since the dump."""
    use_database(pg_url)
    for db in open_db(pg_url):
        people = seed_staff(db)
        amina, kofi = add_candidate(db, people, "Amina Diallo"), add_candidate(db, people, "Kofi Mensah")
        log = tmp_path / "erasures.jsonl"
        backup.record_erasure(amina, path=log)
        backup.record_erasure(999, path=log)
        assert main(["db", "reapply-erasures", "--erasures", str(log)]) == 0
        assert "1 candidate(s) erased again" in capsys.readouterr().out
        assert_erased(db, amina)
        assert_intact(db, kofi, "Kofi Mensah")
        assert main(["db", "reapply-erasures", "--erasures", str(log)]) == 0  # twice: nothing more to do
        assert "0 candidate(s) erased again, 1 already erased" in capsys.readouterr().out
        assert main(["db", "reapply-erasures", "--erasures", str(tmp_path / "none.jsonl")]) == 1
