"""Pure builders: each returns an `email.message.EmailMessage` ready for `send()`, and sends nothing.

Headers are made only from `Address` objects and one-line text, so no value can add a header or a
recipient; the body is a plain-text part with an HTML alternative saying the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from screening.config import Settings
from screening.mail.addresses import mailbox, parse_mailbox
from screening.mail.errors import MailNotConfigured
from screening.mail.formatting import as_utc
from screening.mail.templates import (Job, Outcome, Recipient, Rendered, render_invitation, render_lost_link,
                                      render_outcome, render_reminder, render_resent_link)


@dataclass(frozen=True)
class SenderIdentity:
    """Who the e-mails come from (From) and where replies go (Reply-To)."""

    mail_from: Address
    reply_to: Address | None = None

    @classmethod
    def parse(cls, mail_from: str, reply_to: str | None = None) -> SenderIdentity:
        """From strings such as "Acme Recruiting <jobs@acme.example>"; raises InvalidAddress."""
        return cls(parse_mailbox(mail_from), parse_mailbox(reply_to) if reply_to else None)

    @classmethod
    def from_settings(cls, settings: Settings) -> SenderIdentity:
        if not settings.mail_from:
            raise MailNotConfigured("No sender address: set SCREENING_MAIL_FROM, e.g. "
                                    "'Acme Recruiting <jobs@acme.example>'.")
        return cls.parse(settings.mail_from, settings.mail_reply_to or None)

    @property
    def contact(self) -> str:
        """The address candidates are told to write to when the job names none."""
        return (self.reply_to or self.mail_from).addr_spec


def build_message(sender: SenderIdentity, to: Recipient, rendered: Rendered, *,
                  sent_at: datetime | None = None) -> EmailMessage:
    """The message for one recipient; raises InvalidAddress if their address is not exactly one valid address."""
    msg = EmailMessage()
    msg["Subject"] = rendered.subject
    msg["From"] = sender.mail_from
    msg["To"] = mailbox(to.name, to.email)
    if sender.reply_to is not None:
        msg["Reply-To"] = sender.reply_to
    msg["Date"] = format_datetime(as_utc(sent_at or datetime.now(UTC)))
    # The sender's domain, not this machine's name (make_msgid's default would look the host up and show it).
    msg["Message-ID"] = make_msgid(domain=sender.mail_from.domain)
    msg["Auto-Submitted"] = "auto-generated"   # RFC 3834: out-of-office robots should not answer
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    msg["Content-Language"] = rendered.language  # after the parts: set_content drops Content-* headers
    return msg


def invitation_message(sender: SenderIdentity, to: Recipient, job: Job, *, link: str, deadline: datetime,
                       sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_invitation(to, job, link=link, deadline=deadline, contact=sender.contact)
    return build_message(sender, to, rendered, sent_at=sent_at)


def reminder_message(sender: SenderIdentity, to: Recipient, job: Job, *, deadline: datetime,
                     link: str | None = None, invited_at: datetime | None = None, started: bool = False,
                     help_url: str | None = None, sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_reminder(to, job, deadline=deadline, contact=sender.contact, link=link,
                               invited_at=invited_at, started=started, help_url=help_url)
    return build_message(sender, to, rendered, sent_at=sent_at)


def resent_link_message(sender: SenderIdentity, to: Recipient, job: Job, *, link: str, deadline: datetime,
                        sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_resent_link(to, job, link=link, deadline=deadline, contact=sender.contact)
    return build_message(sender, to, rendered, sent_at=sent_at)


def lost_link_message(sender: SenderIdentity, to: Recipient, job: Job, *, link: str, deadline: datetime,
                      sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_lost_link(to, job, link=link, deadline=deadline, contact=sender.contact)
    return build_message(sender, to, rendered, sent_at=sent_at)


def outcome_message(sender: SenderIdentity, to: Recipient, job: Job, *, outcome: Outcome | str,
                    feedback_link: str | None = None, sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_outcome(to, job, outcome=outcome, contact=sender.contact, feedback_link=feedback_link)
    return build_message(sender, to, rendered, sent_at=sent_at)
