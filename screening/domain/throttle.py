"""The sign-in throttle's schedule: growing delays, never a lock-out.

The first FREE_FAILURES failures cost nothing. After failure number n > FREE_FAILURES the next try must
wait 2 ** (n - FREE_FAILURES - 1) seconds after that failure (1, 2, 4, ... s), at most MAX_DELAY seconds.
A count whose last failure is older than FORGET_AFTER starts again from zero.
"""

from __future__ import annotations

import math
from datetime import timedelta

FREE_FAILURES = 5
MAX_DELAY = timedelta(minutes=5)
FORGET_AFTER = timedelta(hours=24)


def required_delay(failures: int) -> timedelta:
    if failures <= FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES - 1)), MAX_DELAY)


def delay_after(failures: int, since_last_failure: timedelta) -> int:
    """Whole seconds still to wait before the next try (0: go ahead)."""
    if since_last_failure >= FORGET_AFTER:
        return 0
    remaining = required_delay(failures) - since_last_failure
    return max(0, math.ceil(remaining.total_seconds()))
