"""E-mail to candidates: invitations, reminders, new links, "lost my link" answers and outcomes.

This package imports neither streamlit nor the database; the services call it with plain values.

- `compose`: pure builders, one per e-mail, returning an `email.message.EmailMessage`
  (`invitation_message`, `reminder_message`, `resent_link_message`, `lost_link_message`,
  `outcome_message`); `templates` lays each e-mail out from the catalog's `mail.*` words (EN and FR,
  screening/i18n), rendered as plain text with an HTML alternative.
- `smtp.send(message, settings)` sends one message over SMTP, or raises `MailError`.
- `reminders.plan_reminders(invitations, now)` says who gets a reminder now (pure, injected time).

Settings (environment, prefix SCREENING_, or .streamlit/secrets.toml): SMTP_HOST (unset: no e-mail is
sent and the app shows links to copy), SMTP_PORT (default 587 for starttls, 465 for ssl, 25 for none),
SMTP_USER, SMTP_PASSWORD, SMTP_TLS ("starttls" | "ssl" | "none"), SMTP_TIMEOUT_SECONDS, MAIL_FROM
(e.g. "Acme Recruiting <jobs@acme.example>"), MAIL_REPLY_TO.

Reminders are sent by `screening remind`, run every hour by cron, for example (crontab of the user
that runs the app; times in the database are UTC, so the machine's time zone does not matter):

    17 * * * *  cd /srv/screening && .venv/bin/screening remind >> var/log/remind.log 2>&1

A run that finds nothing due sends nothing; each invitation gets at most one reminder, so running
it twice, or late, is harmless.
"""

from __future__ import annotations

from screening.mail.addresses import mailbox, parse_mailbox
from screening.mail.compose import (
    SenderIdentity,
    build_message,
    invitation_message,
    lost_link_message,
    outcome_message,
    reminder_message,
    resent_link_message,
)
from screening.mail.errors import InvalidAddressError, MailError, MailNotConfiguredError
from screening.mail.formatting import format_deadline
from screening.mail.reminders import InvitationState, ReminderDue, ReminderPolicy, is_due, plan_reminders
from screening.mail.smtp import SendResult, mail_enabled, send
from screening.mail.templates import Job, Outcome, Recipient, Rendered

__all__ = [
    "InvalidAddressError", "InvitationState", "Job", "MailError", "MailNotConfiguredError", "Outcome", "Recipient",
    "ReminderDue", "ReminderPolicy", "Rendered", "SendResult", "SenderIdentity", "build_message",
    "format_deadline", "invitation_message", "is_due", "lost_link_message", "mail_enabled", "mailbox",
    "outcome_message", "parse_mailbox", "plan_reminders", "reminder_message",
    "resent_link_message", "send",
]
