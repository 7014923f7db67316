"""`screening remind`: e-mail the reminders that are due (run hourly by cron; see screening.mail)."""

from __future__ import annotations

import argparse
import sys

from screening.domain.actors import SystemActor

SYSTEM = SystemActor("remind")


def register(subparsers: argparse._SubParsersAction) -> None:
    remind = subparsers.add_parser("remind", help="e-mail reminders to candidates whose deadline is near")
    remind.set_defaults(func=cmd_remind)


def cmd_remind(args: argparse.Namespace) -> int:
    from screening.mail import MailError, mail_enabled
    from screening.services.invitations import send_reminders
    from screening.store.engine import get_database

    if not mail_enabled():
        print("E-mail is off (SCREENING_SMTP_HOST is not set): no reminder sent.")
        return 0
    try:
        sent = send_reminders(get_database(), SYSTEM)
    except MailError as exc:
        print(f"Reminders not sent: {exc}", file=sys.stderr)
        return 1
    print(f"{sent} reminder(s) sent.")
    return 0
