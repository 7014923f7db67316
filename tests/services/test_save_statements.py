"""A candidate's save is a fixed, short conversation with the database: the link through to the attempt in
one query, then the upsert, its audit event and the attempt's version (one statement on PostgreSQL, three
in-process calls on SQLite), then the commit. A statement more
(a refresh, a second read of the catalog, a liveness query) fails here before it shows in the bench."""

from __future__ import annotations

from sqlalchemy import event

from screening.domain.actors import CandidateActor
from screening.services import attempts
from tests.factories import world

# The first three words of each statement. SQLite begins with BEGIN IMMEDIATE (the write lock); PostgreSQL
# begins implicitly with the first statement (its pool's pre-ping at checkout is the liveness check).
LINK = "SELECT invitation.id, invitation.candidate_id,"
SAVE = {"sqlite": ["BEGIN IMMEDIATE", LINK, "INSERT INTO answer", "INSERT INTO auditevent", "UPDATE attempt SET"],
        "postgresql": [LINK, "WITH saved_answer AS"]}


def test_a_save_runs_the_link_query_the_upsert_its_event_and_the_version_then_commits(db):
    w = world(db)
    link = CandidateActor(w.token)
    view = attempts.open_attempt(db, link)
    attempts.give_consent(db, link)
    item = view.sjt[0].item
    attempts.save_sjt_answer(db, link, item.id, {"best": item.options[0].id, "worst": item.options[1].id})
    statements: list[str] = []
    texts: list[str] = []
    commits: list[int] = []
    checkouts: list[int] = []

    def on_execute(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()[:3]))
        texts.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    event.listen(db.engine, "commit", lambda _conn: commits.append(1))
    event.listen(db.engine.pool, "checkout", lambda *_: checkouts.append(1))
    try:
        saved = attempts.save_sjt_answer(db, link, item.id, {"best": item.options[2].id,
                                                             "worst": item.options[1].id})
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    assert statements == SAVE[db.engine.dialect.name]
    assert (len(commits), len(checkouts)) == (1, 1)  # one transaction on one connection
    assert saved.version == 2
    if db.engine.dialect.name == "postgresql":  # the one statement holds all three writes
        assert ["INSERT INTO answer" in texts[-1], "INSERT INTO auditevent" in texts[-1],
                "UPDATE attempt SET" in texts[-1]] == [True, True, True]
