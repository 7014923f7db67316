"""Who gets a reminder now: a pure function of the invitations and the time (the clock is the caller's).

Rules (`ReminderPolicy`, defaults in brackets): an invitation is due for its one reminder when
- it is not submitted, not revoked, and its deadline has not passed;
- the deadline is at most `lead` [48 h] away, and at least `last_call` [1 h] away (less is too late to
  take the test, so no reminder is better than a useless one);
- it was sent at least `min_age` [24 h] ago (nobody is reminded of an e-mail from this morning);
- it has had no reminder yet (`last_reminder_at` is None): one reminder per invitation. A new
  invitation (a re-sent link) is a new row, so it can have its own reminder.

Run hourly, so every due invitation is seen at least once in its window. The caller sends, then
records `last_reminder_at` before the next run, which makes a second run in the same hour send nothing.
Naive datetimes are read as UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from screening.mail.formatting import as_utc


@dataclass(frozen=True)
class InvitationState:
    invitation_id: int
    candidate_id: int
    sent_at: datetime
    deadline: datetime
    opened_at: datetime | None = None       # first time the link was opened (the attempt started)
    submitted_at: datetime | None = None
    last_reminder_at: datetime | None = None
    revoked: bool = False                   # replaced by a newer link, or the candidate erased


@dataclass(frozen=True)
class ReminderPolicy:
    lead: timedelta = timedelta(hours=48)
    last_call: timedelta = timedelta(hours=1)
    min_age: timedelta = timedelta(hours=24)


@dataclass(frozen=True)
class ReminderDue:
    invitation_id: int
    candidate_id: int
    deadline: datetime
    started: bool                           # opened already: the reminder says their answers are saved


def is_due(inv: InvitationState, now: datetime, policy: ReminderPolicy | None = None) -> bool:
    p = policy or ReminderPolicy()
    now = as_utc(now)
    deadline = as_utc(inv.deadline)
    return (inv.submitted_at is None and not inv.revoked and inv.last_reminder_at is None
            and deadline - p.lead <= now <= deadline - p.last_call and now < deadline
            and now - as_utc(inv.sent_at) >= p.min_age)


def plan_reminders(invitations: Iterable[InvitationState], now: datetime,
                   policy: ReminderPolicy | None = None) -> list[ReminderDue]:
    """The reminders to send at `now`, soonest deadline first (then by invitation id)."""
    due = [ReminderDue(inv.invitation_id, inv.candidate_id, as_utc(inv.deadline), inv.opened_at is not None)
           for inv in invitations if is_due(inv, now, policy)]
    return sorted(due, key=lambda d: (d.deadline, d.invitation_id))
