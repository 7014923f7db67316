"""Drawing each candidate's items from a campaign's pool."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from screening.banks import Bank, SjtItem


def draw_plan(bank: Bank, *, sjt_item_ids: Sequence[str], written_question_ids: Sequence[str],
              skills: Sequence[str], per_candidate: int, rng: random.Random) -> dict[str, Any]:
    """Items for one candidate (drawn from the pool when the campaign says so), options shuffled.

    The plan records each item's version, so the candidate is scored against what they were shown."""
    items = [bank.sjt_by_id[i] for i in sjt_item_ids if i in bank.sjt_by_id]
    if 0 < per_candidate < len(items):
        items = _draw(items, list(skills), per_candidate, rng)
    rng.shuffle(items)
    sjt = []
    for item in items:
        order = [o.id for o in item.options]
        rng.shuffle(order)
        sjt.append({"id": item.id, "version": item.version, "order": order})
    written = [{"id": q, "version": bank.question_by_id[q].version}
               for q in written_question_ids if q in bank.question_by_id]
    return {"sjt": sjt, "written": written}


def _draw(pool: list[SjtItem], skills: list[str], count: int, rng: random.Random) -> list[SjtItem]:
    """A random draw from the pool that still measures every skill it can: one item per skill
    first (in random order), then the rest at random."""
    pool = pool[:]
    rng.shuffle(pool)
    drawn: list[SjtItem] = []
    for sid in rng.sample(skills, len(skills)):
        if len(drawn) < count and not any(sid in i.skills for i in drawn):
            item = next((i for i in pool if sid in i.skills and i not in drawn), None)
            if item is not None:
                drawn.append(item)
    drawn += [i for i in pool if i not in drawn][: count - len(drawn)]
    return drawn
