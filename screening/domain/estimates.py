"""How long a candidate's test takes, from the items they are given."""

from __future__ import annotations

MINUTES_PER_SJT_ITEM = 1.5
MINUTES_PER_WRITTEN_QUESTION = 6


def estimated_minutes(sjt_items: int, written_questions: int) -> int:
    """Minutes to allow, rounded to the nearest minute (never negative)."""
    return round(max(0, sjt_items) * MINUTES_PER_SJT_ITEM + max(0, written_questions) * MINUTES_PER_WRITTEN_QUESTION)


def items_per_candidate(pool_size: int, per_candidate: int) -> int:
    """How many SJT items one candidate answers: the whole pool, or the campaign's draw when smaller."""
    return per_candidate if 0 < per_candidate < pool_size else pool_size
