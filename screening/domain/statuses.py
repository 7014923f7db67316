"""A candidate's progress, read from their attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class _AttemptLike(Protocol):
    @property
    def submitted_at(self) -> datetime | None: ...


def attempt_status(attempt: _AttemptLike | None) -> str:
    return "submitted" if attempt and attempt.submitted_at else "in_progress" if attempt else "invited"


# The recruiter's status board: each candidate is at the furthest step reached.
BOARD_STATUSES: tuple[str, ...] = ("added", "invited", "opened", "started", "submitted", "rated", "decided")


def board_status(*, invited: bool, opened: bool, started: bool, submitted: bool, rated: bool,
                 decided: bool) -> str:
    """The furthest step a candidate has reached, in the order of BOARD_STATUSES."""
    reached = (True, invited, opened, started, submitted, rated, decided)
    return BOARD_STATUSES[max(i for i, done in enumerate(reached) if done)]
