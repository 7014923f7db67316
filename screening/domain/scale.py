"""The 1-5 scale every level, rating and SJT key is on."""

from __future__ import annotations

RATING_LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
LOWEST, HIGHEST = RATING_LEVELS[0], RATING_LEVELS[-1]


def is_level(value: object) -> bool:
    """An integer on the scale (a string of digits counts, as forms send them)."""
    return str(value).isdigit() and LOWEST <= int(str(value)) <= HIGHEST
