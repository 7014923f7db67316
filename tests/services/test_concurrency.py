"""Many writers at once: no 'database is locked', no lost or duplicated answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlmodel import select

from screening.domain.actors import CandidateActor
from screening.services import attempts
from screening.store.models import Answer
from tests.factories import world


def test_concurrent_saves_of_the_same_answers_all_succeed(db):
    w = world(db)
    view = attempts.open_attempt(db, CandidateActor(w.token))
    attempts.give_consent(db, CandidateActor(w.token))
    items = [p.item for p in view.sjt]

    def save(n: int) -> None:
        item = items[n % len(items)]
        best, worst = item.options[n % 2].id, item.options[2].id
        attempts.save_sjt_answer(db, CandidateActor(w.token), item.id, {"best": best, "worst": worst})
        attempts.go_to_step(db, CandidateActor(w.token), 1 + n % len(items))

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(save, range(120)))  # re-raises any worker's error
    with db.read() as s:
        rows = s.exec(select(Answer)).all()
    assert sorted(r.item_id for r in rows) == sorted(i.id for i in items)
