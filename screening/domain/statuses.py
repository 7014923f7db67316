"""A candidate's progress, read from their attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class _AttemptLike(Protocol):
    submitted_at: datetime | None


def attempt_status(attempt: _AttemptLike | None) -> str:
    return "submitted" if attempt and attempt.submitted_at else "in_progress" if attempt else "invited"
